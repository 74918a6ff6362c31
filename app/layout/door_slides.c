/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The door sign: the screen beside one room's door. Its name large, the
 * talk now whole (its speakers, times, time left, whether it is recorded),
 * the next whole, then the rest of the room's day. */
#include "slide_kinds.h"

#include "blocks.h"
#include "../util/array.h"
#include "../util/str.h"
#include "../util/translate.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* title, cut after DOOR_TITLE_MAX_CHARS characters at the last word that
 * ends within them, with an ellipsis; malloc'd. */
static char *door_title(const char *title)
{
    if (!title)
        return NULL;
    size_t at = 0, chars = 0, word_end = 0;
    while (title[at] && chars < DOOR_TITLE_MAX_CHARS) {
        if (title[at] == ' ' && at > 0 && title[at - 1] != ' ')
            word_end = at;
        at += utf8_char_len(title + at);
        chars++;
    }
    if (!title[at])
        return str_dup(title);
    if (title[at] == ' ')
        word_end = at;
    return str_printf("%.*s\u2026", (int)(word_end ? word_end : at), title);
}

/* "Now · 14:00–15:00 · 45 min left", of what the row gives, or as much
 * of it as fits width at px on the sign's mark: the times are never cut. */
static char *now_times(const struct measurer *m, const char *now, const struct overview_row *row,
                       int px, int width)
{
    const char *span = row->span ? row->span : "", *left = row->left ? row->left : "";
    char *forms[] = {
        str_printf("%s \u00b7 %s \u00b7 %s", now, span, left),
        str_printf("%s \u00b7 %s", span, left),
        str_printf("%s", span),
    };
    size_t chosen = 0;
    while (chosen + 1 < COUNT(forms) && forms[chosen] &&
           m->text_width(m->ctx, FONT_BOLD, px, forms[chosen], strlen(forms[chosen])) +
                   (int)(1.2f * (float)px) >
               width)
        chosen++;
    for (size_t i = 0; i < COUNT(forms); i++)
        if (i != chosen)
            free(forms[i]);
    return forms[chosen];
}

/* The longest of the row's forms of the next talk's start ("15 min late ·
 * Next · in 15 min · 14:15", "15 min late · Next · 14:15", "Next · 14:15")
 * that fits width at px on the sign's mark: the start is never cut. */
static const char *next_start(const struct measurer *m, const struct overview_row *row, int px,
                              int width)
{
    const char *forms[] = {row->next_when, row->next_when_short, row->next_when_shortest};
    const char *chosen = NULL;
    for (size_t i = 0; i < COUNT(forms); i++) {
        if (!forms[i])
            continue;
        chosen = forms[i];
        if (m->text_width(m->ctx, FONT_BOLD, px, chosen, strlen(chosen)) +
                (int)(1.2f * (float)px) <=
            width)
            break;
    }
    return chosen;
}

/* The room's state and notice (rooms.yaml) in the alert's colours, on a
 * pill where one line holds it at px, else as lines of their own (a pill
 * is one line, and a cut notice would shrink the whole sign). */
static struct block notice_block(const struct measurer *m, const char *notice, float px,
                                 const struct frame_geometry *g, const struct theme *t)
{
    int size = (int)lroundf(1.1f * px);
    if (!notice || m->text_width(m->ctx, FONT_BOLD, size, notice, strlen(notice)) +
                           (int)(1.2f * (float)size) <=
                       g->content.w)
        return block_pill(notice, 1.1f * px, px, 1.5f * g->unit, t->alert_text,
                          t->alert_background);
    struct block lines = block_text(notice, FONT_BOLD, px, px, 1.2f, 1.5f * g->unit, t->alert_text);
    lines.max_lines = 3;
    return lines;
}

/* The rest of the day after the next talk, under a heading, one line each
 * at the smallest size, in at; the rows that fit. */
static void layout_later(const struct measurer *m, const struct programme *prog,
                         const struct slide *s, size_t rows, const struct frame_geometry *g,
                         struct box at, struct scene *scene)
{
    const struct theme *t = &prog->theme;
    float small = block_smallest(prog, g);
    /* "Later today · 16:45", its time left out: the times stand in the rows */
    char later[96];
    snprintf(later, sizeof later, "%s", tr(event_language(&prog->event), "Later today \u00b7 %s"));
    char *dot = strstr(later, " \u00b7");
    if (dot)
        *dot = '\0';
    struct block blocks[1 + DOOR_LATER_ROWS] = {
        block_one_line(block_text(later, FONT_BOLD, small, small, 1.2f, 0, t->secondary)),
    };
    char *lines[DOOR_LATER_ROWS] = {0};
    for (size_t i = 0; i < rows; i++) {
        const struct overview_row *r = &s->rows[i + 1];
        lines[i] = str_printf("%s%s%s", r->when, BLOCK_SEPARATOR, r->title ? r->title : "");
        blocks[i + 1] = block_one_line(
            block_text(lines[i], FONT_REGULAR, small, small, 1.2f, 0.3f * g->unit, t->muted));
    }
    layout_stack(m, blocks, rows + 1, at, ALIGN_END, ALIGN_START, scene);
    for (size_t i = 0; i < rows; i++)
        free(lines[i]);
}

/* The height of the rest of the day's heading and rows lines. */
static int later_height(const struct programme *prog, const struct frame_geometry *g, size_t rows)
{
    float line = 1.2f * block_smallest(prog, g);
    return rows ? (int)((float)(rows + 1) * (line + 0.3f * g->unit)) + block_px(4.0f, g) : 0;
}

void door_sign(const struct measurer *m, const struct programme *prog, const struct slide *s,
               const struct frame_geometry *g, struct scene *scene)
{
    const struct theme *t = &prog->theme;
    const struct event *e = &prog->event;
    const char *lang = event_language(e);
    const struct overview_row *row = &s->rows[0];
    float u = g->unit, small = block_smallest(prog, g);
    bool portrait = g->h > g->w;
    char *room = block_with_page(s->label, s);
    char *title = door_title(row->title), *next_title = door_title(row->next_title);
    char now[96];
    tr_each(e->languages, e->language_count, "Now", now, sizeof now);
    char *times =
        row->span ? now_times(m, now, row, (int)lroundf(small), g->content.w) : str_dup(now);
    /* the talk now first and largest; the next under it, smaller; each
     * title whole, at no less than the theme's smallest text */
    float title_size = portrait ? 9.0f * u : 8.0f * u;
    struct block blocks[] = {
        block_text(room, FONT_BOLD, portrait ? 10.0f * u : 8.0f * u, block_floor(5.0f * u, prog, g),
                   1.1f, 0, t->accent),
        /* what rooms: says of the room (its floor, the way there), and its
         * state and notice from rooms.yaml */
        block_text(s->subtitle, FONT_REGULAR, fmaxf(3.6f * u, small), small, 1.2f, 1.0f * u,
                   t->secondary),
        notice_block(m, row->notice, small, g, t),
        block_rule(g, 2.0f * u, t->accent),
        row->title ? block_pill(times, 1.2f * small, small, 4.0f * u, t->background, t->now)
                   : block_text(row->when, FONT_BOLD, 6.0f * u, small, 1.15f, 4.0f * u, t->now),
        block_text(title, FONT_BOLD, title_size, small, 1.12f, 1.5f * u, t->text),
        block_text(row->speakers, FONT_REGULAR, 4.4f * u, small, 1.25f, 1.2f * u, t->secondary),
        block_pill(row->not_recorded ? tr(lang, "Not recorded") : NULL, small, small, 1.5f * u,
                   t->alert_text, t->alert_background),
        block_pill(next_start(m, row, (int)lroundf(1.1f * small), g->content.w), 1.1f * small,
                   small, 6.0f * u, t->background, t->accent),
        block_text(next_title, FONT_BOLD, 0.8f * title_size, small, 1.12f, 1.2f * u, t->text),
        block_text(row->next_speakers, FONT_REGULAR, 3.8f * u, small, 1.25f, 1.0f * u,
                   t->secondary),
    };
    blocks[8].push = true; /* the next talk's pill: the spare height between now and next */
    /* the rest of the day gives way first: the most of its rows under which
     * the talks now and next still stand whole */
    size_t later = s->row_count > 1 ? s->row_count - 1 : 0;
    if (later > DOOR_LATER_ROWS)
        later = DOOR_LATER_ROWS;
    struct box main = g->content;
    for (;; later--) {
        main.h = g->content.h - later_height(prog, g, later);
        struct scene probe = {.measuring = true};
        layout_stack_grow(m, blocks, COUNT(blocks), main, ALIGN_START, ALIGN_START,
                          block_largest_text(prog, g), &probe);
        bool cut = probe.cut;
        scene_clear(&probe);
        if (!cut || later == 0)
            break;
    }
    layout_stack_grow(m, blocks, COUNT(blocks), main, ALIGN_START, ALIGN_START,
                      block_largest_text(prog, g), scene);
    if (later) {
        struct box rest = g->content;
        rest.y += main.h + block_px(4.0f, g);
        rest.h -= main.h + block_px(4.0f, g);
        layout_later(m, prog, s, later, g, rest, scene);
    }
    free(room);
    free(title);
    free(next_title);
    free(times);
}
