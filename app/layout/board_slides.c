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

enum { BOARD_TITLE_LINES = 3, BOARD_WHOLE_LINES = 4, BOARD_TITLE_LEAST_CHARS = 70 };

/* How the board is set: its one title size, the columns' widths. */
struct board_plan {
    float size, small; /* titles; the when lines and the stacked room names */
    int room_w, column_w, gap;
    bool single, stacked; /* one room; a tall screen's rooms over their talks */
    int heights[LAYOUT_BOARD_MAX_ROWS];
    bool overflow; /* the rows do not fit even at the smallest size */
    bool whole;    /* every title whole, on up to BOARD_WHOLE_LINES lines */
};

/* The lines text takes at px in width: all of them up to
 * BOARD_TITLE_LINES, more when those hold less than its first
 * BOARD_TITLE_LEAST_CHARS characters; 0 for none. *bad when a word had to
 * be broken inside. */
static int title_lines(const struct measurer *m, const char *text, int px, int width, bool whole,
                       bool *bad)
{
    if (!text || !text[0])
        return 0;
    struct line_list set = {0};
    bool more = false, split = false;
    int n = 0;
    if (layout_wrap_words(m, FONT_BOLD, px, text, width, 0, &set, &more, &split)) {
        size_t least = 0; /* the byte after the first BOARD_TITLE_LEAST_CHARS characters */
        for (size_t k = 0; text[least] && k < BOARD_TITLE_LEAST_CHARS; k++)
            least += utf8_char_len(text + least);
        while ((size_t)n < set.count &&
               (n < BOARD_TITLE_LINES || set.lines[n - 1].start + set.lines[n - 1].length < least))
            n++;
        if (whole) { /* all of it, in few enough lines */
            split |= set.count > BOARD_WHOLE_LINES;
            n = (int)set.count;
        }
    }
    *bad |= split;
    line_list_free(&set);
    return n;
}

/* One cell of a board: a small line saying when, the title under it, at
 * the board's one size, on up to three lines. */
static void layout_board_cell(const struct measurer *m, const struct theme *t,
                              const char *const when[3], struct rgba when_colour, const char *title,
                              const struct board_plan *plan, struct box cell, struct scene *scene)
{
    bool broke = false;
    int lines = title_lines(m, title, (int)lroundf(plan->size), cell.w, plan->whole, &broke);
    const char *line = when_that_fits(m, when, (int)lroundf(plan->small), cell.w);
    struct block blocks[] = {
        block_one_line(block_text(line, FONT_BOLD, plan->small, plan->small, 1.2f, 0, when_colour)),
        block_text(title, FONT_BOLD, plan->size, plan->size, 1.15f, 0.15f * plan->size, t->text),
    };
    blocks[1].max_lines = lines;
    layout_stack(m, blocks, COUNT(blocks), cell, ALIGN_CENTRE, ALIGN_START, scene);
}

/* The height of a cell: its when line and the title's lines, as the
 * layout_stack() of layout_board_cell() sets them. */
static int cell_height(const struct board_plan *plan, int lines, bool when)
{
    if (!when && !lines)
        return 0;
    int px = (int)lroundf(plan->size), small = (int)lroundf(plan->small);
    return (int)lroundf(1.2f * (float)small) +
           (lines ? lines * (int)lroundf(1.15f * (float)px) + (int)lroundf(0.15f * plan->size)
                  : 0) +
           plan->gap;
}

/* On a tall screen, the height of a row's line of its room's name, and of
 * the line of its state and notice (rooms.yaml) under it. */
static int room_line_height(const struct board_plan *plan, const struct overview_row *row)
{
    return (int)lroundf(1.25f * plan->small) * (row->notice ? 3 : 1); /* notice: 2 lines */
}

/* The height each row needs at plan's size, into plan->heights; their sum
 * (what the board needs); *broke when a title's word is broken. */
static int board_heights(const struct measurer *m, const struct slide *s, struct board_plan *plan,
                         bool *broke)
{
    int px = (int)lroundf(plan->size), total = 0;
    for (size_t i = 0; i < s->row_count && i < LAYOUT_BOARD_MAX_ROWS; i++) {
        const struct overview_row *row = &s->rows[i];
        int now = cell_height(
            plan, title_lines(m, row->title, px, plan->column_w - plan->gap, plan->whole, broke),
            row->when);
        int next = cell_height(
            plan,
            title_lines(m, row->next_title, px, plan->column_w - plan->gap, plan->whole, broke),
            row->next_when);
        int h;
        if (plan->stacked) {
            h = room_line_height(plan, row) + now + next;
        } else {
            int room = 2 * (int)lroundf(1.15f * (float)px) +
                       (row->notice ? 3 * (int)lroundf(1.15f * plan->small) : 0);
            h = now > next ? now : next; /* each with its gap */
            h = h > room ? h : room + plan->gap;
        }
        plan->heights[i] = h;
        total += h;
    }
    return total;
}

/* The width of the widest room name at px, or of half a room's state and
 * notice (rooms.yaml) at small, which wraps over up to three lines. */
static int rooms_width(const struct measurer *m, const struct slide *s, int px, int small)
{
    int widest = 0;
    for (size_t i = 0; i < s->row_count; i++) {
        const char *room = s->rows[i].room ? s->rows[i].room : "";
        const char *notice = s->rows[i].notice;
        int w = m->text_width(m->ctx, FONT_BOLD, px, room, strlen(room));
        int n = notice ? m->text_width(m->ctx, FONT_BOLD, small, notice, strlen(notice)) / 2 : 0;
        widest = w > widest ? w : widest;
        widest = n > widest ? n : widest;
    }
    return widest;
}

/* Plans the board in area: the largest title size, from largest down to
 * the theme's smallest, at which every row's talks stand whole (up to
 * three lines each) with no word broken inside; the rows' heights by what
 * they hold, the spare height shared among them. */
static void board_plan(const struct measurer *m, const struct slide *s, struct box area,
                       float largest, float small, int gap, bool portrait, struct board_plan *plan)
{
    size_t rows = s->row_count;
    if (rows > LAYOUT_BOARD_MAX_ROWS)
        rows = LAYOUT_BOARD_MAX_ROWS;
    *plan = (struct board_plan){.small = small, .gap = gap};
    plan->stacked = portrait;
    if (plan->stacked)
        plan->gap = gap / 2;
    /* first every title whole; when they cannot all be at the smallest,
     * their first lines (and first 70 characters) */
    float size = largest;
    plan->whole = true;
    for (;; size *= 0.93f) {
        if (size < small && plan->whole) {
            plan->whole = false;
            size = largest;
        }
        if (size < small)
            size = small;
        plan->size = size;
        plan->room_w = 0;
        if (!plan->stacked) { /* as wide as the widest name, at most a quarter */
            plan->room_w = rooms_width(m, s, (int)lroundf(size), (int)lroundf(small)) + 2 * gap;
            if (plan->room_w > area.w / 4)
                plan->room_w = area.w / 4;
        }
        plan->column_w = plan->stacked ? area.w : (area.w - plan->room_w - 2 * gap) / 2;
        bool broke = false;
        int need = board_heights(m, s, plan, &broke);
        if ((need <= area.h && !broke) || size <= small)
            break;
    }
    int need = 0;
    for (size_t i = 0; i < rows; i++)
        need += plan->heights[i];
    plan->overflow = need > area.h || s->row_count > LAYOUT_BOARD_MAX_ROWS;
    for (size_t i = 0; i < rows; i++) /* spare height shared; too little: cut alike */
        plan->heights[i] = need <= area.h
                               ? plan->heights[i] + (area.h - need) / (int)rows
                               : (int)((int64_t)plan->heights[i] * area.h / (need ? need : 1));
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
 * columns: room (as wide as the names need), now, next. On a portrait
 * screen each room's name stands above its talks. Rows as high as what
 * they hold. A single room (its door sign) gets the whole height. */
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
        board_room_info(prog, s, g), /* a door sign with nothing more today */
        block_rule(g, 2.0f * u, t->accent),
    };
    struct box top = g->content;
    top.h = g->content.h / 4;
    /* the heading's height as drawn, also when only measuring (which
     * would take it at its smallest): the rows' room is the same */
    struct scene drawn = {0};
    int used = layout_stack(m, blocks, COUNT(blocks), top, ALIGN_START, ALIGN_START,
                            scene->measuring ? &drawn : scene);
    scene_clear(&drawn);
    free(heading);
    struct box area = g->content;
    area.y += used + block_px(3.0f, g);
    area.h -= used + block_px(3.0f, g);
    float small = block_smallest(prog, g);
    struct board_plan plan;
    board_plan(m, s, area, fmaxf(small, (float)block_largest_text(prog, g) * 0.6f), small,
               block_px(2.0f, g), g->h > g->w, &plan);
    int gap = plan.gap, y = area.y;
    bool cut = scene->cut; /* a title cut after three lines is the board's way */
    for (size_t i = 0; i < s->row_count && i < LAYOUT_BOARD_MAX_ROWS; i++) {
        const struct overview_row *row = &s->rows[i];
        int row_h = plan.heights[i];
        if (i > 0) {
            struct item line = {
                .kind = ITEM_FILL,
                .box = {area.x, y - block_px(0.15f, g), area.w, block_px(0.15f, g) + 1},
                .colour = {t->muted.r, t->muted.g, t->muted.b, 0x40}};
            scene_add(scene, &line);
        }
        int room_line = plan.stacked && !plan.single ? room_line_height(&plan, row) : 0;
        if (!plan.single) {
            struct block room[] = {
                block_text(row->room, FONT_BOLD, plan.stacked ? small : plan.size, small, 1.15f, 0,
                           t->accent),
                block_text(row->notice, FONT_BOLD, small, small, 1.15f, 0, t->text),
            };
            room[0].max_lines = plan.stacked ? 1 : 2;
            room[1].max_lines = plan.stacked ? 2 : 3; /* its state and notice (rooms.yaml) */
            layout_stack(m, room, COUNT(room),
                         (struct box){area.x, y, plan.stacked ? area.w : plan.room_w - gap,
                                      plan.stacked ? room_line : row_h - gap},
                         ALIGN_CENTRE, ALIGN_START, scene);
        }
        int x = area.x + plan.room_w + (plan.stacked ? 0 : gap);
        int cells_y = y + room_line, cell_h = plan.stacked ? (row_h - room_line) / 2 : row_h;
        struct box now = {x, cells_y, plan.column_w - gap, cell_h - gap};
        struct box next = {x + plan.column_w + gap, cells_y, plan.column_w - gap, cell_h - gap};
        if (plan.stacked) { /* each cell as high as it needs, the spare under both */
            bool broke = false;
            int px = (int)lroundf(plan.size);
            int now_h = cell_height(
                &plan, title_lines(m, row->title, px, plan.column_w - gap, plan.whole, &broke),
                row->when);
            int spare = row_h - room_line - now_h -
                        cell_height(&plan,
                                    title_lines(m, row->next_title, px, plan.column_w - gap,
                                                plan.whole, &broke),
                                    row->next_when);
            now.h = now_h + (spare > 0 ? spare / 2 : 0);
            next = (struct box){x, cells_y + now.h, plan.column_w - gap, row_h - room_line - now.h};
        }
        if (row->title || row->when) { /* the talk now, or when the room is free until */
            const char *now_when[3] = {row->when, row->when_short, row->when_shortest};
            layout_board_cell(m, t, now_when, t->now, row->title, &plan, now, scene);
        }
        if (row->next_title) {
            const char *next_when[3] = {row->next_when, row->next_when_short,
                                        row->next_when_shortest};
            layout_board_cell(m, t, next_when, t->secondary, row->next_title, &plan, next, scene);
        }
        y += row_h;
    }
    scene->cut = cut || plan.overflow; /* the rooms want pages */
}
