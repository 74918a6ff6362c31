/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The stage timer's screen: the room and the talk's title above, the count
 * as large as the screen's width allows in the middle, the next talk
 * below. Its colours are the stage's own, not the theme's: a black screen
 * does not light the stage, and white, orange and red read at a glance. */
#include "timer_slides.h"

#include "bidi.h"
#include "blocks.h"
#include "stack.h"
#include "../util/array.h"
#include "../util/civil_time.h"
#include "../util/hash.h"
#include "../util/translate.h"
#include "../util/zone.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const struct rgba layout_timer_background = {0x00, 0x00, 0x00, 0xff};
static const struct rgba grey = {0xb4, 0xb4, 0xb4, 0xff};
static const struct rgba track = {0x38, 0x38, 0x38, 0xff};
static const struct rgba colours[] = {
    [TIMER_WHITE] = {0xff, 0xff, 0xff, 0xff},
    [TIMER_ORANGE] = {0xff, 0x9a, 0x1f, 0xff},
    [TIMER_RED] = {0xff, 0x3b, 0x30, 0xff},
};

/* The height of a figure over the font size, for fonts as drawn by the
 * theme's (DejaVu 0.73, Noto 0.71): to centre the count on its figures. */
#define FIGURE_HEIGHT 0.73f

/* The bands: the still part's top and bottom, in px. */
struct bands {
    int margin_x, top_y, top_h, bottom_y, bottom_h;
};

static struct bands bands_of(const struct frame_geometry *g)
{
    float u = g->unit;
    bool portrait = g->h > g->w;
    struct bands b;
    b.margin_x = (int)fmaxf(4.0f * u, 0.04f * (float)g->w);
    b.top_y = block_px(3.0f, g);
    b.top_h = (int)lroundf((portrait ? 0.22f : 0.24f) * (float)g->h);
    b.bottom_h = (int)lroundf((portrait ? 0.12f : 0.15f) * (float)g->h);
    b.bottom_y = g->h - block_px(3.0f, g) - b.bottom_h;
    return b;
}

struct box layout_timer_moving_box(const struct frame_geometry *g)
{
    struct bands b = bands_of(g);
    int gap = block_px(1.0f, g);
    int y = b.top_y + b.top_h + gap;
    return (struct box){0, y, g->w, b.bottom_y - gap - y};
}

const char *layout_timer_label(const struct timer_reading *r, const char *lang)
{
    static const char *const labels[] = {
        [TIMER_NONE] = NULL,
        [TIMER_BEFORE] = N_("Starts in"),
        [TIMER_RUNNING] = N_("Time left"),
        [TIMER_OVER] = N_("Over time"),
    };
    if (r->phase == TIMER_NONE)
        return NULL;
    return tr(lang, r->held ? N_("Held") : labels[r->phase]);
}

/* "11:30" for an instant in UTC ms, in the event's time. */
static void format_clock(int64_t utc_ms, char *buf, size_t size)
{
    int64_t local = zone_local(utc_ms / 1000);
    int64_t in_day = local % SECONDS_PER_DAY;
    civil_format_clock((int)((in_day < 0 ? in_day + SECONDS_PER_DAY : in_day) / 60), buf, size);
}

void layout_timer_still(const struct measurer *m, const struct programme *prog, const char *room,
                        const struct timer_reading *r, const struct frame_geometry *g,
                        struct scene *scene)
{
    const char *lang = event_language(&prog->event);
    float u = g->unit;
    struct bands b = bands_of(g);
    scene_add(scene, &(struct item){.kind = ITEM_FILL,
                                    .box = {0, 0, g->w, g->h},
                                    .colour = layout_timer_background});
    scene->background = scene->count;
    char when[160] = "";
    if (r->talk) {
        char start[16], end[64];
        format_clock(r->start_ms, start, sizeof start);
        format_clock(r->end_ms, end, sizeof end);
        int64_t first = zone_local(r->start_ms / 1000), last = zone_local(r->end_ms / 1000);
        if (first / SECONDS_PER_DAY - (first % SECONDS_PER_DAY < 0) !=
            last / SECONDS_PER_DAY - (last % SECONDS_PER_DAY < 0)) {
            /* a talk of days (a hackathon): the day it ends, "Fri 14 Feb 2025 11:00" */
            civil_format_moment(last, lang, end, sizeof end);
            char *gap = strstr(end, "  ");
            if (gap)
                memmove(gap, gap + 1, strlen(gap + 1) + 1);
        }
        snprintf(when, sizeof when, "%s" BLOCK_SEPARATOR "%s\u2013%s", room ? room : "", start,
                 end);
    }
    const char *title = r->talk   ? r->talk->title
                        : r->next ? NULL /* it is below */
                                  : tr(lang, "Nothing more in this room today");
    struct block top[] = {
        block_one_line(
            block_text(r->talk ? when : room, FONT_REGULAR, 4.5f * u, 3.0f * u, 1.2f, 0, grey)),
        block_text(title, FONT_BOLD, 7.5f * u, 4.0f * u, 1.15f, 1.0f * u, colours[TIMER_WHITE]),
    };
    top[1].max_lines = 2;
    layout_stack(m, top, COUNT(top),
                 (struct box){b.margin_x, b.top_y, g->w - 2 * b.margin_x, b.top_h}, ALIGN_START,
                 ALIGN_CENTRE, scene);
    if (!r->next)
        return;
    char next_when[16], next_label[64];
    format_clock(r->next_start_ms, next_when, sizeof next_when);
    snprintf(next_label, sizeof next_label, tr(lang, "Next \u00b7 %s"), next_when);
    struct block bottom[] = {
        block_one_line(block_text(next_label, FONT_BOLD, 4.5f * u, 3.0f * u, 1.2f, 0, grey)),
        block_one_line(
            block_text(r->next->title, FONT_REGULAR, 5.0f * u, 3.0f * u, 1.2f, 0.5f * u, grey)),
    };
    layout_stack(m, bottom, COUNT(bottom),
                 (struct box){b.margin_x, b.bottom_y, g->w - 2 * b.margin_x, b.bottom_h}, ALIGN_END,
                 ALIGN_CENTRE, scene);
}

/* A line of text centred across the screen, its baseline at baseline. */
static void add_centred(const struct measurer *m, const struct frame_geometry *g, const char *text,
                        int px, int baseline, struct rgba colour, struct scene *scene)
{
    int ascent, descent;
    m->font_metrics(m->ctx, FONT_BOLD, px, &ascent, &descent);
    int w = m->text_width(m->ctx, FONT_BOLD, px, text, strlen(text));
    scene_add(scene, &(struct item){.kind = ITEM_TEXT,
                                    .box = {(g->w - w) / 2, baseline - ascent, w, ascent + descent},
                                    .colour = colour,
                                    .style = FONT_BOLD,
                                    .px = px,
                                    .baseline = baseline,
                                    .text = (char *)text,
                                    .rtl = bidi_is_rtl(text, strlen(text))});
}

/* The count's font size: its figures fill the height given, unless that
 * is wider than width; sized on a count of the same form, its figures all
 * 0 ("0:00:00", "00:00:00", "+00:00", "00:00"; a single minute's figure
 * counted as two), so that it stays one size as the seconds change. */
static int count_px(const struct measurer *m, const char *count, int width, int height)
{
    char form[40];
    size_t n = 0;
    bool hours = strchr(count, ':') != strrchr(count, ':');
    const char *figures = count + (count[0] == '+');
    if (count[0] == '+')
        form[n++] = '+';
    if (!hours && figures[0] && figures[1] == ':')
        form[n++] = '0'; /* "9:59" is sized as "10:00" */
    for (const char *p = figures; *p && n + 1 < sizeof form; p++)
        form[n++] = *p >= '0' && *p <= '9' ? '0' : *p;
    form[n] = '\0';
    enum { PROBE = 100 };
    int probe_w = m->text_width(m->ctx, FONT_BOLD, PROBE, form, strlen(form));
    float by_height = (float)height / FIGURE_HEIGHT;
    float by_width = probe_w > 0 ? (float)PROBE * (float)width / (float)probe_w : by_height;
    return (int)fmaxf(8.0f, fminf(by_height, by_width));
}

void layout_timer_moving(const struct measurer *m, const struct programme *prog,
                         const struct timer_reading *r, const struct frame_geometry *g,
                         struct scene *scene)
{
    struct box area = layout_timer_moving_box(g);
    struct bands b = bands_of(g);
    const char *label = layout_timer_label(r, event_language(&prog->event));
    if (!label)
        return;
    int label_px = block_px(4.5f, g), ascent, descent;
    m->font_metrics(m->ctx, FONT_BOLD, label_px, &ascent, &descent);
    int bar_h = block_px(1.2f, g) > 2 ? block_px(1.2f, g) : 2;
    int gap = block_px(3.0f, g), label_h = ascent + descent;
    char count[32];
    timer_format_count(r, count, sizeof count);
    int px = count_px(m, count, g->w - 2 * b.margin_x, area.h - label_h - 2 * gap - bar_h);
    int figures_h = (int)lroundf(FIGURE_HEIGHT * (float)px);
    /* the label, the count and the bar, together in the middle of the box */
    int top = area.y + (area.h - (label_h + gap + figures_h + gap + bar_h)) / 2;
    int baseline = top + label_h + gap + figures_h;
    struct box bar = {b.margin_x, baseline + gap, g->w - 2 * b.margin_x, bar_h};
    add_centred(m, g, label, label_px, top + ascent, grey, scene);
    if (r->visible)
        add_centred(m, g, count, px, baseline, colours[r->colour], scene);
    if (r->phase == TIMER_BEFORE)
        return; /* no talk has begun: no bar */
    scene_add(scene, &(struct item){.kind = ITEM_FILL, .box = bar, .colour = track});
    float done = r->progress < 0 ? 0 : r->progress > 1 ? 1 : r->progress;
    struct box filled = {bar.x, bar.y, (int)lroundf(done * (float)bar.w), bar.h};
    if (filled.w > 0)
        scene_add(scene,
                  &(struct item){.kind = ITEM_FILL, .box = filled, .colour = colours[r->colour]});
}

uint64_t layout_timer_still_key(const struct programme *prog, const char *room,
                                const struct timer_reading *r)
{
    uint64_t h = hash_text(HASH_START, room);
    h = hash_text(h, event_language(&prog->event));
    h = hash_text(h, r->talk ? r->talk->title : NULL);
    h = hash_number(h, (uint64_t)r->start_ms);
    h = hash_number(h, (uint64_t)r->end_ms);
    h = hash_text(h, r->next ? r->next->title : NULL);
    h = hash_number(h, r->next ? (uint64_t)r->next_start_ms : 0);
    return h ? h : 1;
}
