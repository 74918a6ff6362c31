/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What the slide kinds and the footer are built from (internal to layout/): sizes in
 * units of the screen, the theme's text sizes, a column's blocks, boxes for pictures and cards. */
#ifndef HALLSCREEN_BLOCKS_H
#define HALLSCREEN_BLOCKS_H

#include "slide_layout.h"
#include "stack.h"

/* What stands between the parts of one line: "10:00  ·  Hall A". */
#define BLOCK_SEPARATOR "  \u00b7  "

/* units of g->unit (1% of the screen's shorter side), in whole px. */
int block_px(float units, const struct frame_geometry *g);

/* The theme's smallest text, px: labels, tags, marks and the footer are set
 * at it, and no text shrinks below it (by default 1/25 of a landscape
 * screen's height, read from the back of a hall). */
float block_smallest(const struct programme *prog, const struct frame_geometry *g);

/* A block's smallest size: its own, or the theme's when that is larger. */
float block_floor(float own, const struct programme *prog, const struct frame_geometry *g);

/* The size text may grow to on a slide of the programme, px. */
int block_largest_text(const struct programme *prog, const struct frame_geometry *g);

/* text, with "  2/3" after it on a page of a slide that goes on over
 * pages: malloc'd, the caller frees it; NULL s or text is fine. */
char *block_with_page(const char *text, const struct slide *s);

/* A block of text; the other kinds are made from it. text is borrowed. */
static inline struct block block_text(const char *text, enum font_style style, float size,
                                      float min_size, float line_height, float space_before,
                                      struct rgba colour)
{
    return (struct block){.kind = BLOCK_TEXT,
                          .text = text,
                          .style = style,
                          .size = size,
                          .min_size = min_size,
                          .line_height = line_height,
                          .space_before = space_before,
                          .colour = colour};
}

/* b, kept to one line. */
static inline struct block block_one_line(struct block b)
{
    b.max_lines = 1;
    return b;
}

/* A one-line tag: text (borrowed) on a rounded background. */
static inline struct block block_pill(const char *text, float size, float min_size,
                                      float space_before, struct rgba colour, struct rgba fill)
{
    return (struct block){.kind = BLOCK_PILL,
                          .text = text,
                          .style = FONT_BOLD,
                          .size = size,
                          .min_size = min_size,
                          .line_height = 1.2f,
                          .space_before = space_before,
                          .colour = colour,
                          .fill = fill};
}

/* The short accent bar under a title. */
static inline struct block block_rule(const struct frame_geometry *g, float space_before,
                                      struct rgba colour)
{
    return (struct block){.kind = BLOCK_RULE,
                          .size = 0.8f * g->unit,
                          .min_size = 0.5f * g->unit,
                          .space_before = space_before,
                          .width = 16.0f * g->unit,
                          .colour = colour};
}

/* The part of a w x h picture that, scaled, fills area: the overflow
 * cropped around the focus (fx, fy from 0 to 1). */
struct box block_cover_crop(struct box area, int w, int h, float fx, float fy);

/* The largest box of aspect w:h that fits centred in box. */
struct box block_fit_aspect(struct box box, int w, int h);

/* A grid for count cards in area: fills cols and rows, and the card size. */
struct grid {
    int cols, rows;
    int card_w, card_h, gap;
};

/* Chooses the columns and rows that make the cards largest, with each card
 * between 1.3:1 and 2:1. */
struct grid block_grid(struct box area, int count, int gap);

/* The box of card i in a grid centred in area; a short last row is centred. */
struct box block_grid_cell(const struct grid *grid, struct box area, int count, int i);

#endif
