/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The slide a crossfade goes to, kept only where it differs from the
 * screen: runs of pixels along rows, with the coming slide's pixels there
 * packed one run after another, or only their colour where they are all
 * one. A crossfade drawn on the screen itself needs nothing else (where
 * the two slides are alike, a mix leaves the screen's pixel as it is), so
 * a slide of text keeps a fraction of a whole picture, and each frame
 * reads its pixels in one stream. No SDL: plain memory, 32-bit XRGB
 * pixels. */
#ifndef HALLSCREEN_CHANGED_PIXELS_H
#define HALLSCREEN_CHANGED_PIXELS_H

#include "../layout/scene.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Equal pixels this many or fewer between two differing ones stay in one
 * run: starting a run costs more than mixing a few pixels. */
#define CHANGED_GAP 32

/* A stretch of at least this many coming pixels of one colour is kept as
 * that colour alone: the slide's background, a card, a rule. (Shorter
 * stretches would keep less memory but make more runs, and each run
 * costs a crossfade frame more than its pixels: at 16, five times as
 * many runs and 40 % more time a frame as at 64.) */
#define CHANGED_SOLID 64

/* Rows of a picture's pixels, from row top: row y starts at
 * pixels + (y - top) * pitch. */
struct pixel_rows {
    uint32_t *pixels;
    size_t pitch; /* in pixels */
    int top;
};

/* Up to 65535 pixels a side. */
struct changed_run {
    uint16_t x, y, length;
    bool solid; /* every coming pixel of it is colour; none is kept */
    uint32_t colour;
};

struct changed_pixels {
    struct changed_run *runs; /* row by row, left to right */
    struct box bounds;        /* of all runs; w 0: none */
    size_t run_count, run_capacity;
    uint32_t *pixels; /* the coming picture's, run after run but the solid */
    size_t pixel_count, pixel_capacity;
};

/* Empties c to take the runs of a w x h picture, with room for its every
 * pixel (an address range, mapped in only as it is filled, and kept for
 * the next picture: fresh pages cost more than comparing). Returns false
 * when memory ran out or the picture is larger than runs can say. */
bool changed_begin(struct changed_pixels *c, int w, int h);

/* Adds where coming differs from screen within spans (boxes inside both,
 * as tiles_spans() gives them: row bands top to bottom, left to right
 * within a band, and below those of the last call) and keeps coming's
 * pixels there (and those between two spans of a row less than
 * CHANGED_GAP apart); rows from settled_h down are taken whole, unlooked
 * at (what the screen holds there may change before the crossfade: the
 * footer's clock). Pixels are compared in their colour bytes, not the
 * fourth (XRGB's unused one). coming may hold only the spans' rows.
 * Returns false, with c empty, when memory ran out. */
bool changed_add(struct changed_pixels *c, struct pixel_rows screen, struct pixel_rows coming,
                 const struct box *spans, size_t span_count, int settled_h);

/* The pages of the room that the runs did not take go back to the system,
 * but for a spare megabyte. */
void changed_end(struct changed_pixels *c);

/* Mixes the coming pixels into the screen's at t (crossfade_row()). */
void changed_mix(const struct changed_pixels *c, struct pixel_rows screen, int t);

/* Writes the coming pixels onto the screen: it then holds the coming
 * picture, wherever it differed. */
void changed_put(const struct changed_pixels *c, struct pixel_rows screen);

/* Forgets the runs, keeping their memory for the next; c is then empty. */
void changed_clear(struct changed_pixels *c);

/* Forgets the runs and frees their memory; c is then empty. */
void changed_free(struct changed_pixels *c);

#endif
