/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The building blocks every slide kind and the footer are made of. */
#include "blocks.h"

#include "../util/str.h"

#include <math.h>
#include <stdint.h>

int block_px(float units, const struct frame_geometry *g)
{
    return (int)lroundf(units * g->unit);
}

float block_smallest(const struct programme *prog, const struct frame_geometry *g)
{
    return prog->theme.smallest_text * g->unit;
}

float block_floor(float own, const struct programme *prog, const struct frame_geometry *g)
{
    return fmaxf(own, block_smallest(prog, g));
}

int block_largest_text(const struct programme *prog, const struct frame_geometry *g)
{
    return block_px(prog->theme.largest_text, g);
}

char *block_with_page(const char *text, const struct slide *s)
{
    if (!s || s->page_count <= 1)
        return str_dup(text);
    return str_printf("%s  %d/%d", text ? text : "", s->page, s->page_count);
}

struct box block_cover_crop(struct box area, int w, int h, float fx, float fy)
{
    float scale = fmaxf((float)area.w / (float)w, (float)area.h / (float)h);
    int cw = (int)lroundf((float)area.w / scale), ch = (int)lroundf((float)area.h / scale);
    cw = cw > w ? w : cw < 1 ? 1 : cw;
    ch = ch > h ? h : ch < 1 ? 1 : ch;
    return (struct box){(int)lroundf((float)(w - cw) * fx), (int)lroundf((float)(h - ch) * fy), cw,
                        ch};
}

struct box block_fit_aspect(struct box box, int w, int h)
{
    if (w <= 0 || h <= 0 || box.w <= 0 || box.h <= 0)
        return (struct box){box.x + box.w / 2, box.y + box.h / 2, 0, 0};
    int fit_w = box.w, fit_h = (int)((int64_t)box.w * h / w);
    if (fit_h > box.h) {
        fit_h = box.h;
        fit_w = (int)((int64_t)box.h * w / h);
    }
    return (struct box){box.x + (box.w - fit_w) / 2, box.y + (box.h - fit_h) / 2, fit_w, fit_h};
}

struct grid block_grid(struct box area, int count, int gap)
{
    const float widest = 2.0f, narrowest = 1.3f, tallest_share = 0.6f;
    struct grid best = {1, 1, 0, 0, gap};
    int64_t best_area = -1;
    for (int cols = 1; cols <= count; cols++) {
        int rows = (count + cols - 1) / cols;
        if ((rows - 1) * cols >= count)
            continue; /* a whole row would stand empty */
        int cell_w = (area.w - (cols - 1) * gap) / cols;
        int cell_h = (area.h - (rows - 1) * gap) / rows;
        if (cell_w <= 0 || cell_h <= 0)
            continue;
        int max_h = (int)((float)area.h * tallest_share);
        int card_h = cell_h < max_h ? cell_h : max_h;
        int card_w = cell_w;
        if (card_w > (int)((float)card_h * widest))
            card_w = (int)((float)card_h * widest);
        if (card_h > (int)((float)card_w / narrowest))
            card_h = (int)((float)card_w / narrowest);
        int64_t card_area = (int64_t)card_w * card_h;
        if (card_area > best_area) {
            best_area = card_area;
            best = (struct grid){cols, rows, card_w, card_h, gap};
        }
    }
    return best;
}

struct box block_grid_cell(const struct grid *grid, struct box area, int count, int i)
{
    int row = i / grid->cols, col = i % grid->cols;
    int in_row = row == grid->rows - 1 ? count - row * grid->cols : grid->cols;
    int rows_h = grid->rows * grid->card_h + (grid->rows - 1) * grid->gap;
    int row_w = in_row * grid->card_w + (in_row - 1) * grid->gap;
    int x = area.x + (area.w - row_w) / 2 + col * (grid->card_w + grid->gap);
    int y = area.y + (area.h - rows_h) / 2 + row * (grid->card_h + grid->gap);
    return (struct box){x, y, grid->card_w, grid->card_h};
}
