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

/* One cell of a board: a small line saying when, the title under it, at
 * the board's one size (a title too long for two lines is cut). */
static void layout_board_cell(const struct measurer *m, const struct theme *t, const char *when,
                              struct rgba when_colour, const char *title, float size, float small,
                              struct box cell, struct scene *scene)
{
    float when_size = fmaxf(0.7f * size, small);
    struct block blocks[] = {
        block_one_line(block_text(when, FONT_BOLD, when_size, when_size, 1.2f, 0, when_colour)),
        block_text(title, FONT_BOLD, size, size, 1.15f, 0.15f * size, t->text),
    };
    blocks[1].max_lines = 2;
    layout_stack(m, blocks, COUNT(blocks), cell, ALIGN_CENTRE, ALIGN_START, scene);
}

/* True when text, set at px, fits width in two lines. */
static bool fits_two_lines(const struct measurer *m, const char *text, int px, int width)
{
    struct line_list lines = {0};
    bool more = false;
    bool ok = !text || (layout_wrap(m, FONT_BOLD, px, text, width, 2, &lines, &more) && !more);
    line_list_free(&lines);
    return ok;
}

/* True when text fits width in two lines at px, or does not even at
 * smallest (it is cut whatever the size, so it sets no limit). */
static bool fits_or_never(const struct measurer *m, const char *text, int px, int smallest,
                          int width)
{
    return fits_two_lines(m, text, px, width) || !fits_two_lines(m, text, smallest, width);
}

/* The largest title size, up to size and down to smallest, at which every
 * title and room of the board fits its cell in two lines: one size for the
 * whole board; a title too long for two lines at smallest is cut. */
static float board_size(const struct measurer *m, const struct slide *s, float size, float smallest,
                        int room_w, int column_w)
{
    int least = (int)lroundf(smallest);
    for (; size > smallest; size *= 0.9f) {
        int at = (int)lroundf(size);
        bool fit = true;
        for (size_t i = 0; i < s->row_count && fit; i++)
            fit = fits_or_never(m, s->rows[i].title, at, least, column_w) &&
                  fits_or_never(m, s->rows[i].next_title, at, least, column_w) &&
                  (room_w <= 0 || fits_or_never(m, s->rows[i].room, at, least, room_w));
        if (fit)
            return size;
    }
    return smallest;
}

/* A door sign's lines of its room (rooms: in event.yaml: the floor, the
 * way there, the translation channel) under its name; NULL text (left out)
 * on other boards. */
static struct block board_room_info(const struct programme *prog, const struct slide *s,
                                    const struct frame_geometry *g)
{
    float small = block_smallest(prog, g);
    return block_text(s->subtitle, FONT_REGULAR, fmaxf(3.6f * g->unit, small), small, 1.2f,
                      1.0f * g->unit, prog->theme.secondary);
}

/* Each room's talk now and its next, one row a room under a heading; the
 * columns: room, now, next. A single room (a screen beside its door) gets
 * the whole height. */
void board_now_and_next(const struct measurer *m, const struct programme *prog,
                        const struct slide *s, const struct frame_geometry *g, struct scene *scene)
{
    const struct theme *t = &prog->theme;
    float u = g->unit;
    char *heading = block_with_page(s->label, s);
    struct block blocks[] = {
        block_text(heading, FONT_BOLD, 6.0f * u, block_floor(3.6f * u, prog, g), 1.12f, 0, t->text),
        board_room_info(prog, s, g),
        block_rule(g, 2.0f * u, t->accent),
        /* beside a door: the room's state and notice (rooms.yaml) */
        block_pill(s->row_count == 1 ? s->rows[0].notice : NULL, 3.6f * u, block_smallest(prog, g),
                   1.5f * u, t->alert_text, t->alert_background),
    };
    struct box top = g->content;
    top.h = g->content.h / (s->subtitle ? 3 : 4);
    int used = layout_stack(m, blocks, COUNT(blocks), top, ALIGN_START, ALIGN_START, scene);
    free(heading);
    struct box area = g->content;
    area.y += used + block_px(3.0f, g);
    area.h -= used + block_px(3.0f, g);
    size_t rows = s->row_count ? s->row_count : 1;
    int row_h = area.h / (int)rows, gap = block_px(2.0f, g);
    bool single = s->row_count == 1;
    bool portrait = g->h > g->w;
    /* a few rooms on a tall screen: each room's name, then its talk now,
     * then its next, across the slide, rather than three narrow columns */
    bool stacked = portrait && !single && rows <= 4;
    int room_w = single || stacked ? 0 : area.w * (portrait ? 18 : 22) / 100;
    int column_w = (area.w - room_w - 2 * gap) / 2;
    if (single || stacked) /* now above, next below, across the slide */
        column_w = area.w;
    int cell_h = single ? row_h / 2 : stacked ? row_h * 2 / 5 : row_h;
    /* few rooms are set large, as far as the theme lets text grow */
    float small = block_smallest(prog, g);
    float size = board_size(m, s, fminf((float)block_largest_text(prog, g), 0.32f * (float)cell_h),
                            single ? block_floor(4.5f * u, prog, g) : small,
                            stacked ? area.w : room_w - gap, column_w - gap);
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
        int room_h = stacked ? row_h - 2 * cell_h : row_h - gap;
        if (!single) {
            struct block room[] = {
                block_text(row->room, FONT_BOLD, size, size, 1.15f, 0, t->accent),
                block_text(row->notice, FONT_BOLD, small, small, 1.15f, 0.1f * size,
                           t->text), /* its state and notice (rooms.yaml) */
            };
            room[0].max_lines = stacked ? 1 : 2;
            room[1].max_lines = 3;
            layout_stack(m, room, COUNT(room),
                         (struct box){area.x, y, (stacked ? area.w : room_w) - gap, room_h},
                         ALIGN_CENTRE, ALIGN_START, scene);
        }
        int x = area.x + room_w + (single || stacked ? 0 : gap);
        struct box now = {x, y, column_w - gap, row_h - gap};
        struct box next = {x + column_w + gap, y, column_w - gap, row_h - gap};
        if (single || stacked) {
            int cells_y = stacked ? y + room_h : y;
            now = (struct box){x, cells_y, column_w - gap, cell_h - gap};
            next = (struct box){x, cells_y + cell_h, column_w - gap, cell_h - gap};
            if (!row->title) /* nothing now: the next talk closes up */
                next = now;
        }
        if (row->title)
            layout_board_cell(m, t, row->when, t->now, row->title, size, small, now, scene);
        if (row->next_title)
            layout_board_cell(m, t, row->next_when, t->secondary, row->next_title, size, small,
                              next, scene);
    }
}
