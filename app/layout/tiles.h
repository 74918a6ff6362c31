/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Which parts of a picture hold something: tiles over a w x h picture, each
 * marked or not. Two slides on the same background differ only where either
 * is marked, so a crossfade blends those parts alone. Tiles are short (a
 * 256th of the height) to follow lines of text closely, and narrow (a 64th
 * of the width). */
#ifndef HALLSCREEN_TILES_H
#define HALLSCREEN_TILES_H

#include <stddef.h>
#include <stdint.h>

#include "scene.h"

#define TILE_COLUMNS 64
#define TILE_ROWS 256

struct tile_map {
    int w, h;
    int tile_w, tile_h; /* a tile's size in pixels */
    uint64_t rows[TILE_ROWS];
};

/* An unmarked map over a w x h picture. */
void tiles_init(struct tile_map *m, int w, int h);

/* Marks every tile that box touches (clipped to the picture). */
void tiles_mark(struct tile_map *m, struct box box);

/* Marks in m the tiles marked in other, a map over the same picture. */
void tiles_add(struct tile_map *m, const struct tile_map *other);

/* The marked parts as up to max rectangles covering each marked pixel once
 * (runs of marked tiles, rows of equal runs joined), clipped to the
 * picture. Returns how many; more than max when they do not all fit. */
size_t tiles_spans(const struct tile_map *m, struct box *spans, size_t max);

#endif
