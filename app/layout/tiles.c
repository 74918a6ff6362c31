/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "tiles.h"

#include <string.h>

void tiles_init(struct tile_map *m, int w, int h)
{
    memset(m, 0, sizeof *m);
    m->w = w > 0 ? w : 0;
    m->h = h > 0 ? h : 0;
    m->tile_w = m->w > TILE_COLUMNS ? (m->w + TILE_COLUMNS - 1) / TILE_COLUMNS : 1;
    m->tile_h = m->h > TILE_ROWS ? (m->h + TILE_ROWS - 1) / TILE_ROWS : 1;
}

void tiles_mark(struct tile_map *m, struct box b)
{
    int x0 = b.x < 0 ? 0 : b.x, y0 = b.y < 0 ? 0 : b.y;
    int x1 = b.x + b.w > m->w ? m->w : b.x + b.w; /* exclusive */
    int y1 = b.y + b.h > m->h ? m->h : b.y + b.h;
    if (x0 >= x1 || y0 >= y1)
        return;
    int first = x0 / m->tile_w, last = (x1 - 1) / m->tile_w;
    int n = last - first + 1;
    uint64_t bits = (n >= 64 ? UINT64_MAX : (UINT64_C(1) << n) - 1) << first;
    for (int row = y0 / m->tile_h; row <= (y1 - 1) / m->tile_h; row++)
        m->rows[row] |= bits;
}

void tiles_add(struct tile_map *m, const struct tile_map *other)
{
    for (int row = 0; row < TILE_ROWS; row++)
        m->rows[row] |= other->rows[row];
}

static int min_int(int a, int b)
{
    return a < b ? a : b;
}

size_t tiles_spans(const struct tile_map *m, struct box *spans, size_t max)
{
    size_t count = 0;
    for (int row = 0; row < TILE_ROWS;) {
        uint64_t bits = m->rows[row];
        int rows = 1;
        while (row + rows < TILE_ROWS && m->rows[row + rows] == bits)
            rows++;
        for (int col = 0; bits && col < TILE_COLUMNS;) {
            if (!(bits >> col & 1)) {
                col++;
                continue;
            }
            int run = 1;
            while (col + run < TILE_COLUMNS && bits >> (col + run) & 1)
                run++;
            int x = col * m->tile_w, y = row * m->tile_h;
            if (count < max)
                spans[count] = (struct box){x, y, min_int(run * m->tile_w, m->w - x),
                                            min_int(rows * m->tile_h, m->h - y)};
            count++;
            col += run;
        }
        row += rows;
    }
    return count;
}
