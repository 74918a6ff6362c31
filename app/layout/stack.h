/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A column of text blocks fitted into a box: every block shrinks together
 * (keeping their proportions) until the column fits, or grows while it
 * does; at the smallest sizes what still does not fit is cut at a line end
 * with an ellipsis. */
#ifndef HALLSCREEN_STACK_H
#define HALLSCREEN_STACK_H

#include "scene.h"

enum block_kind {
    BLOCK_TEXT,
    BLOCK_PILL, /* text on a rounded background, on one line */
    BLOCK_RULE, /* a short bar; size is its height, width its length */
};

enum align { ALIGN_START, ALIGN_CENTRE, ALIGN_END };

struct block {
    enum block_kind kind;
    const char *text; /* NULL or empty: the block is left out */
    enum font_style style;
    float size;                    /* font size (rule: height) at full scale, px */
    float min_size;                /* the smallest it may shrink to, px */
    float line_height;             /* line spacing as a multiple of the size */
    float space_before;            /* gap above it at full scale, px */
    float width;                   /* rule: length at full scale, px */
    struct rgba colour;            /* text, or rule */
    struct rgba fill;              /* pill background */
    int max_lines;                 /* 0: as many as fit (a pill has one) */
    enum text_direction direction; /* auto: each paragraph by its first strong letter */
    bool outlined;                 /* pill: a ring of colour around the text, fill inside */
    bool push; /* the column's spare height goes above it (shared with the other pushed) */
};

/* Lays the blocks out top to bottom inside box, aligned vertically as
 * vertical says and each line horizontally as horizontal says, and appends
 * the items to scene. Returns the height used. */
int layout_stack(const struct measurer *m, const struct block *blocks, size_t count, struct box box,
                 enum align vertical, enum align horizontal, struct scene *scene);

/* As layout_stack(), but the blocks also grow, together, as far as the
 * column fits and its largest text stays within max_px: a short slide is set
 * large. */
int layout_stack_grow(const struct measurer *m, const struct block *blocks, size_t count,
                      struct box box, enum align vertical, enum align horizontal, int max_px,
                      struct scene *scene);

#endif
