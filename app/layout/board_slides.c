/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Slides that list sessions: the overview of what comes next today, and the
 * board of each room's talk now and its next. */
#include "slide_kinds.h"

#include "blocks.h"
#include "wrap.h"
#include "../util/array.h"
#include "../util/str.h"
#include "../util/translate.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* "10:00–11:30  ·  Hall A  ·  Now" */
static char *row_meta(const struct overview_row *row, const char *lang)
{
    static const char *const marks[] = {NULL, "Now", "Next", NULL};
    const char *mark = marks[row->mark] ? tr(lang, marks[row->mark]) : NULL;
    return str_printf("%s%s%s%s%s", row->when, row->room ? BLOCK_SEPARATOR : "",
                      row->room ? row->room : "", mark ? BLOCK_SEPARATOR : "", mark ? mark : "");
}

void board_overview(const struct measurer *m, const struct programme *prog, const struct slide *s,
                    const struct frame_geometry *g, struct scene *scene)
{
    enum { MAX_ROWS = 12 };
    const struct theme *t = &prog->theme;
    float u = g->unit;
    char *heading = block_with_page(s->title, s);
    float small = block_smallest(prog, g);
    struct block blocks[3 + 2 * MAX_ROWS + 1] = {
        block_one_line(block_text(s->label, FONT_BOLD, small, small, 1.2f, 0, t->secondary)),
        block_text(heading, FONT_BOLD, 7.0f * u, block_floor(4.0f * u, prog, g), 1.12f, 1.5f * u,
                   t->text),
        block_rule(g, 3.0f * u, t->accent),
    };
    size_t count = 3;
    char *metas[MAX_ROWS] = {0};
    size_t rows = s->row_count;
    if (rows > MAX_ROWS)
        rows = MAX_ROWS;
    for (size_t i = 0; i < rows; i++) {
        const struct overview_row *row = &s->rows[i];
        metas[i] = row_meta(row, event_language(&prog->event));
        blocks[count++] = block_one_line(block_text(metas[i], FONT_BOLD, small, small, 1.2f,
                                                    i ? 3.0f * u : 4.0f * u,
                                                    row->mark == MARK_NOW ? t->now : t->secondary));
        blocks[count++] =
            block_text(row->title, FONT_BOLD, 4.2f * u, small, 1.15f, 0.4f * u, t->text);
    }
    if (s->body)
        blocks[count++] =
            block_text(s->body, FONT_REGULAR, 4.6f * u, small, 1.3f, 4.0f * u, t->secondary);
    layout_stack_grow(m, blocks, count, g->content, ALIGN_CENTRE, ALIGN_START,
                      block_largest_text(prog, g), scene);
    for (size_t i = 0; i < rows; i++)
        free(metas[i]);
    free(heading);
}

/* The longest of a row's forms of when that fits width at px: the Now
 * line is shortened, never cut, so that its end time is always read. */
static const char *when_that_fits(const struct measurer *m, const char *const forms[3], int px,
                                  int width)
{
    const char *last = NULL;
    for (size_t i = 0; i < 3; i++) {
        if (!forms[i])
            continue;
        last = forms[i];
        if (m->text_width(m->ctx, FONT_BOLD, px, forms[i], strlen(forms[i])) <= width)
            return forms[i];
    }
    return last;
}

enum { BOARD_TITLE_LINES = 3, BOARD_TITLE_LEAST_CHARS = 70 };

/* One cell of a board: a small line saying when, the title under it, at
 * the board's one size, on up to three lines. */
static void layout_board_cell(const struct measurer *m, const struct theme *t,
                              const char *const when[3], struct rgba when_colour, const char *title,
                              float size, float small, struct box cell, struct scene *scene)
{
    (void)size;
    float when_size = small;
    const char *line = when_that_fits(m, when, (int)lroundf(when_size), cell.w);
    struct block blocks[] = {
        block_one_line(block_text(line, FONT_BOLD, when_size, when_size, 1.2f, 0, when_colour)),
        block_text(title, FONT_BOLD, size, size, 1.15f, 0.15f * size, t->text),
    };
    blocks[1].max_lines = BOARD_TITLE_LINES;
    layout_stack(m, blocks, COUNT(blocks), cell, ALIGN_CENTRE, ALIGN_START, scene);
}

/* True when text, set at px in width, shows whole in lines lines, or shows
 * at least its first BOARD_TITLE_LEAST_CHARS characters and fills them. */
static bool title_fits(const struct measurer *m, const char *text, int px, int width, int lines,
                       bool whole)
{
    struct line_list set = {0};
    bool more = false, broke = false;
    bool ok = !text || (layout_wrap_words(m, FONT_BOLD, px, text, width, (size_t)lines, &set, &more,
                                          &broke) &&
                        !broke);
    if (ok && more) {
        size_t shown =
                   set.count ? set.lines[set.count - 1].start + set.lines[set.count - 1].length : 0,
               chars = 0;
        for (size_t i = 0; i < shown; i += utf8_char_len(text + i))
            chars++;
        ok = !whole && chars >= BOARD_TITLE_LEAST_CHARS;
    }
    line_list_free(&set);
    return ok;
}

/* The largest title size, up to size and down to smallest, at which every
 * title of the board fits its cell whole in its lines (or, failing that at
 * every size, shows its first 70 characters), and every room its name. */
static float board_size(const struct measurer *m, const struct slide *s, float size, float smallest,
                        int room_w, int column_w, int lines)
{
    for (int whole = 1; whole >= 0; whole--)
        for (float at = size; at >= smallest; at *= 0.92f) {
            int px = (int)lroundf(at);
            bool fit = true;
            for (size_t i = 0; i < s->row_count && fit; i++)
                fit = title_fits(m, s->rows[i].title, px, column_w, lines, whole) &&
                      title_fits(m, s->rows[i].next_title, px, column_w, lines, whole) &&
                      (room_w <= 0 || title_fits(m, s->rows[i].room, px, room_w, 2, true));
            if (fit)
                return at;
        }
    return smallest;
}

/* The width of the widest room name at px, on at most two lines. */
static int rooms_width(const struct measurer *m, const struct slide *s, int px)
{
    int widest = 0;
    for (size_t i = 0; i < s->row_count; i++) {
        const char *room = s->rows[i].room ? s->rows[i].room : "";
        int w = m->text_width(m->ctx, FONT_BOLD, px, room, strlen(room));
        if (w > widest)
            widest = w;
    }
    return widest;
}

/* Each room's talk now and its next, one row a room under a heading; the
 * columns: room (as wide as the names need), now, next. On a portrait
 * screen each room's name stands above its talks. A single room (its door
 * sign) gets the whole height. */
void board_now_and_next(const struct measurer *m, const struct programme *prog,
                        const struct slide *s, const struct frame_geometry *g, struct scene *scene)
{
    if (s->room && s->row_count > 0) {
        door_sign(m, prog, s, g, scene);
        return;
    }
    const struct theme *t = &prog->theme;
    float u = g->unit;
    char *heading = block_with_page(s->label, s);
    struct block blocks[] = {
        block_text(heading, FONT_BOLD, 6.0f * u, block_floor(3.6f * u, prog, g), 1.12f, 0, t->text),
        block_rule(g, 2.0f * u, t->accent),
    };
    struct box top = g->content;
    top.h = g->content.h / 4;
    int used = layout_stack(m, blocks, COUNT(blocks), top, ALIGN_START, ALIGN_START, scene);
    free(heading);
    struct box area = g->content;
    area.y += used + block_px(3.0f, g);
    area.h -= used + block_px(3.0f, g);
    size_t rows = s->row_count ? s->row_count : 1;
    int row_h = area.h / (int)rows, gap = block_px(2.0f, g);
    bool single = s->row_count == 1;
    bool portrait = g->h > g->w;
    /* on a tall screen: each room's name, then its talk now and its next
     * under it across the slide, rather than three narrow columns */
    bool stacked = portrait && !single;
    float small = block_smallest(prog, g);
    /* the room column as wide as its widest name at the board's size, at
     * most a quarter of the width (a longer name takes two lines) */
    float largest = (float)block_largest_text(prog, g);
    int room_w = 0;
    if (!single && !stacked) {
        int px = (int)lroundf(fminf(largest, 0.22f * (float)row_h));
        room_w = rooms_width(m, s, px) + 2 * gap;
        if (room_w > area.w / 4)
            room_w = area.w / 4;
    }
    /* landscape: now and next side by side; portrait and a single room:
     * now above next, across the slide */
    int column_w = single || stacked ? area.w : (area.w - room_w - 2 * gap) / 2;
    int room_line = stacked ? (int)lroundf(1.25f * small) : 0;
    int cell_h = single || stacked ? (row_h - room_line) / 2 : row_h;
    /* as many title lines (up to three) as the cell holds under its when
     * line at the smallest size; the size that fills them */
    if (stacked)
        gap /= 2;
    float when_h = 1.35f * small + (float)gap;
    int lines = (int)(((float)cell_h - when_h) / (1.15f * small) + 0.05f);
    lines = lines < 1 ? 1 : lines > BOARD_TITLE_LINES ? BOARD_TITLE_LINES : lines;
    float cap = ((float)cell_h - when_h) / (1.15f * (float)lines + 0.15f);
    float size = board_size(m, s, fmaxf(small, fminf(largest, cap)),
                            single ? block_floor(4.5f * u, prog, g) : small, room_w - gap,
                            column_w - gap, lines);
    for (size_t i = 0; i < s->row_count; i++) {
        const struct overview_row *row = &s->rows[i];
        int y = area.y + (int)i * row_h;
        if (i > 0) {
            struct item line = {
                .kind = ITEM_FILL,
                .box = {area.x, y - block_px(0.15f, g), area.w, block_px(0.15f, g) + 1},
                .colour = {t->muted.r, t->muted.g, t->muted.b, 0x40}};
            scene_add(scene, &line);
        }
        if (!single) {
            float room_size = stacked ? small : size;
            struct block room =
                block_text(row->room, FONT_BOLD, room_size, small, 1.15f, 0, t->accent);
            room.max_lines = stacked ? 1 : 2;
            layout_stack(m, &room, 1,
                         (struct box){area.x, y, stacked ? area.w : room_w - gap,
                                      stacked ? room_line : row_h - gap},
                         ALIGN_CENTRE, ALIGN_START, scene);
        }
        int x = area.x + room_w + (single || stacked ? 0 : gap);
        int cells_y = y + room_line;
        struct box now = {x, cells_y, column_w - gap, cell_h - gap};
        struct box next = {x + column_w + gap, cells_y, column_w - gap, cell_h - gap};
        if (single || stacked)
            next = (struct box){x, cells_y + cell_h, column_w - gap, cell_h - gap};
        const char *now_when[3] = {row->when, row->when_short, row->when_shortest};
        const char *next_when[3] = {row->next_when, NULL, NULL};
        if (row->title || row->when) /* the talk now, or when the room is free until */
            layout_board_cell(m, t, now_when, t->now, row->title, size, small, now, scene);
        if (row->next_title)
            layout_board_cell(m, t, next_when, t->secondary, row->next_title, size, small, next,
                              scene);
    }
}
