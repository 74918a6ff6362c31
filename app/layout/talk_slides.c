/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Slides that are one column of text, set as large as it fits: a talk or
 * session, a headline, a notice, and the screen with nothing to show. */
#include "slide_kinds.h"

#include "blocks.h"
#include "../util/array.h"
#include "../util/civil_time.h"
#include "../util/str.h"
#include "../util/translate.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct headline_text {
    const char *label, *title, *subtitle, *body;
    const char *translated_title, *translated_subtitle, *translated_body;
    const struct slide *slide; /* for the reading directions; NULL: auto */
};

/* Lays blocks out on g's content: set as large as they fit, or, on the
 * pages of a slide that goes on over pages, every page at the same sizes
 * (the smallest, at which the pages were filled). */
static void layout_column(const struct measurer *m, const struct programme *prog,
                          const struct slide *s, struct block *blocks, size_t count,
                          const struct frame_geometry *g, struct scene *scene)
{
    if (s && s->page_count > 1) {
        for (size_t i = 0; i < count; i++) {
            blocks[i].space_before *= blocks[i].min_size / blocks[i].size;
            blocks[i].size = blocks[i].min_size;
        }
        layout_stack(m, blocks, count, g->content, ALIGN_CENTRE, ALIGN_START, scene);
        return;
    }
    layout_stack_grow(m, blocks, count, g->content, ALIGN_CENTRE, ALIGN_START,
                      block_largest_text(prog, g), scene);
}

/* The direction a field reads in: its own if the slide sets one, else the
 * slide's. */
static enum text_direction reads(const struct slide *s, enum text_direction field)
{
    if (!s)
        return DIRECTION_AUTO;
    return field != DIRECTION_AUTO ? field : s->direction;
}

static void layout_headline_text(const struct measurer *m, const struct programme *prog,
                                 const struct headline_text *s, const struct frame_geometry *g,
                                 struct scene *scene)
{
    const struct theme *t = &prog->theme;
    float u = g->unit, small = block_smallest(prog, g);
    char *title = block_with_page(s->title, s->slide);
    struct block blocks[] = {
        block_one_line(block_text(s->label, FONT_BOLD, small, small, 1.2f, 0, t->secondary)),
        block_text(title, FONT_BOLD, 8.5f * u, block_floor(4.0f * u, prog, g), 1.12f, 1.5f * u,
                   t->text),
        block_text(s->translated_title, FONT_BOLD, 6.0f * u, small, 1.15f, 1.5f * u, t->text),
        block_rule(g, 4.0f * u, t->accent),
        block_text(s->subtitle, FONT_REGULAR, 4.6f * u, small, 1.25f, 3.5f * u, t->secondary),
        block_text(s->translated_subtitle, FONT_REGULAR, 4.0f * u, small, 1.25f, 1.0f * u,
                   t->secondary),
        block_text(s->body, FONT_REGULAR, 3.6f * u, small, 1.4f, 3.0f * u, t->muted),
        block_text(s->translated_body, FONT_REGULAR, 3.4f * u, small, 1.4f, 1.5f * u, t->muted),
    };
    const struct slide *d = s->slide;
    enum text_direction directions[] = {
        reads(d, d ? d->directions.label : DIRECTION_AUTO),
        reads(d, d ? d->directions.title : DIRECTION_AUTO),
        reads(d, d ? d->directions.translation : DIRECTION_AUTO),
        DIRECTION_AUTO,
        reads(d, d ? d->directions.subtitle : DIRECTION_AUTO),
        reads(d, d ? d->directions.translation : DIRECTION_AUTO),
        reads(d, d ? d->directions.body : DIRECTION_AUTO),
        reads(d, d ? d->directions.translation : DIRECTION_AUTO),
    };
    _Static_assert(COUNT(directions) == COUNT(blocks), "a direction for each block");
    for (size_t i = 0; i < COUNT(blocks); i++)
        blocks[i].direction = directions[i];
    layout_column(m, prog, s->slide, blocks, COUNT(blocks), g, scene);
    free(title);
}

void talk_headline(const struct measurer *m, const struct programme *prog, const struct slide *s,
                   const struct frame_geometry *g, struct scene *scene)
{
    layout_headline_text(m, prog,
                         &(struct headline_text){s->label, s->title, s->subtitle, s->body,
                                                 s->translated_title, s->translated_subtitle,
                                                 s->translated_body, s},
                         g, scene);
}

void talk_nothing_to_show(const struct measurer *m, const struct programme *prog,
                          const struct frame_geometry *g, struct scene *scene)
{
    struct headline_text placeholder = {
        .title = prog->event.name ? prog->event.name : "hallscreen",
        .subtitle = tr(event_language(&prog->event), "No slides to show yet"),
        .body = "Add slide files to the slides folder of the content folder "
                "(see README.md there).",
    };
    layout_headline_text(m, prog, &placeholder, g, scene);
}

static struct rgba mark_colour(const struct theme *t, enum mark mark)
{
    return mark == MARK_NOW ? t->now : mark == MARK_NEXT ? t->accent : t->secondary;
}

/* "Wednesday 12 February 2025  ·  10:00–11:30  ·  Room A", from what is given. */
static char *session_meta(const struct slide *s, const char *lang)
{
    char date[64] = "", time[32] = "";
    if (s->date.set)
        civil_format_date(s->date.days, lang, date, sizeof date);
    if (s->start.set) {
        char start[8];
        civil_format_clock(s->start.minutes, start, sizeof start);
        if (s->end.set) {
            char end[8];
            civil_format_clock(s->end.minutes, end, sizeof end);
            snprintf(time, sizeof time, "%s\u2013%s", start, end);
        } else {
            snprintf(time, sizeof time, "%s", start);
        }
    }
    char language[16] = ""; /* "EN": what a talk of the schedule is given in */
    for (size_t i = 0; s->language && s->language[i] && i + 1 < sizeof language; i++)
        language[i] = (char)toupper((unsigned char)s->language[i]);
    const char *parts[] = {date, time, s->room ? s->room : "", language};
    char *meta = str_dup("");
    for (size_t i = 0; meta && i < COUNT(parts); i++) {
        if (!parts[i][0])
            continue;
        char *longer = str_printf("%s%s%s", meta, meta[0] ? BLOCK_SEPARATOR : "", parts[i]);
        free(meta);
        meta = longer;
    }
    return meta;
}

/* The speakers, one per line. */
static char *join_lines(char *const *items, size_t count)
{
    size_t size = 1;
    for (size_t i = 0; i < count; i++)
        size += strlen(items[i]) + 1;
    char *text = malloc(size), *end = text;
    for (size_t i = 0; text && i < count; i++) {
        size_t n = strlen(items[i]);
        memcpy(end, items[i], n);
        end += n;
        *end++ = '\n';
    }
    if (text)
        end[count ? -1 : 0] = '\0';
    return text;
}

void talk_session(const struct measurer *m, const struct programme *prog, const struct slide *s,
                  const struct frame_geometry *g, struct scene *scene)
{
    const struct theme *t = &prog->theme;
    float u = g->unit;
    const struct event *e = &prog->event;
    char *meta = session_meta(s, event_language(e));
    char *speakers = join_lines(s->speakers, s->speaker_count);
    char *title = block_with_page(s->title, s);
    char speakers_caption[128], chair[96], session[96];
    tr_each(e->languages, e->language_count, s->speaker_count == 1 ? "Speaker" : "Speakers",
            speakers_caption, sizeof speakers_caption);
    tr_each(e->languages, e->language_count, "Chair", chair, sizeof chair);
    tr_each(e->languages, e->language_count, "Session", session, sizeof session);
    /* a talk's track in its colour: the theme's, else the export's */
    struct rgba track = theme_track_colour(t, s->label);
    if (!track.a)
        track = s->track_colour;
    float small = block_smallest(prog, g);
    /* the track a ring of its colour, the mark (now, next) filled */
    struct block blocks[] = {
        block_pill(s->label ? s->label : session, small, small, 0, track.a ? track : t->accent,
                   t->background),
        block_pill(s->mark_text, small, small, 1.5f * u, t->background, mark_colour(t, s->mark)),
        /* what changed since the printed programme (show/changes.h) */
        block_pill(s->change_note, small, small, 1.5f * u, t->alert_text, t->alert_background),
        block_text(title, FONT_BOLD, 6.6f * u, block_floor(3.6f * u, prog, g), 1.12f, 3.0f * u,
                   t->text),
        block_text(s->translated_title, FONT_BOLD, 5.0f * u, small, 1.15f, 1.2f * u, t->text),
        block_text(meta, FONT_BOLD, 3.8f * u, small, 1.25f, 2.5f * u, t->secondary),
        block_one_line(block_text(s->chair ? chair : NULL, FONT_BOLD, small, small, 1.2f, 4.0f * u,
                                  t->accent)),
        block_text(s->chair, FONT_REGULAR, 3.6f * u, small, 1.3f, 0.6f * u, t->text),
        block_one_line(block_text(s->speaker_count ? speakers_caption : NULL, FONT_BOLD, small,
                                  small, 1.2f, 3.0f * u, t->accent)),
        block_text(speakers, FONT_REGULAR, 3.6f * u, small, 1.3f, 0.6f * u, t->text),
        block_text(s->description, FONT_REGULAR, 3.4f * u, small, 1.4f, 4.0f * u, t->muted),
        block_text(s->translated_description, FONT_REGULAR, 3.4f * u, small, 1.4f, 1.5f * u,
                   t->muted),
    };
    enum text_direction directions[] = {
        reads(s, s->directions.label),
        DIRECTION_AUTO,
        DIRECTION_AUTO,
        reads(s, s->directions.title),
        reads(s, s->directions.translation),
        DIRECTION_AUTO,
        DIRECTION_AUTO,
        reads(s, s->directions.chair),
        DIRECTION_AUTO,
        reads(s, s->directions.speakers),
        reads(s, s->directions.description),
        reads(s, s->directions.translation),
    };
    _Static_assert(COUNT(directions) == COUNT(blocks), "a direction for each block");
    for (size_t i = 0; i < COUNT(blocks); i++)
        blocks[i].direction = directions[i];
    blocks[0].outlined = true;
    layout_column(m, prog, s, blocks, COUNT(blocks), g, scene);
    free(meta);
    free(speakers);
    free(title);
}

void talk_alert(const struct measurer *m, const struct programme *prog, const struct slide *s,
                const struct frame_geometry *g, struct scene *scene)
{
    const struct theme *t = &prog->theme;
    float u = g->unit;
    struct item bg = {.kind = ITEM_FILL, .box = {0, 0, g->w, g->h}, .colour = t->alert_background};
    scene_add(scene, &bg);
    char notice[96];
    tr_each(prog->event.languages, prog->event.language_count, "Notice", notice, sizeof notice);
    struct block blocks[] = {
        block_pill(s->label ? s->label : notice, 3.6f * u, block_smallest(prog, g), 0,
                   t->alert_background, t->alert_text),
        block_text(s->title, FONT_BOLD, 10.0f * u, block_floor(4.5f * u, prog, g), 1.1f, 4.0f * u,
                   t->alert_text),
        block_text(s->body, FONT_REGULAR, 5.0f * u, block_smallest(prog, g), 1.3f, 4.0f * u,
                   t->alert_text),
    };
    layout_stack_grow(m, blocks, COUNT(blocks), g->content, ALIGN_CENTRE, ALIGN_START,
                      block_largest_text(prog, g), scene);
}
