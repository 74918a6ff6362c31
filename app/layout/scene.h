/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A scene: the list of boxes, lines of text and images that make one slide
 * or footer, in pixels, in drawing order. Layout fills it; the renderer draws
 * it. Also the measuring interface through which layout asks about fonts and
 * images without knowing how they are drawn. */
#ifndef HALLSCREEN_SCENE_H
#define HALLSCREEN_SCENE_H

#include "../model/programme.h"

#include <stdbool.h>
#include <stddef.h>

enum font_style { FONT_REGULAR, FONT_BOLD };

struct box {
    int x, y, w, h;
};

struct measurer {
    /* Width in pixels of the n bytes of UTF-8 at text, set at px. */
    int (*text_width)(void *ctx, enum font_style style, int px, const char *text, size_t n);
    /* Ascent and descent in pixels (both positive) of the font at px. */
    void (*font_metrics)(void *ctx, enum font_style style, int px, int *ascent, int *descent);
    /* Natural size of an image file; false when it cannot be drawn. It is
     * then drawn whole into a box within fit (w 0: it may be drawn larger,
     * or cropped). */
    bool (*image_size)(void *ctx, const char *path, struct box fit, int *w, int *h);
    void *ctx;
    /* Size of a clip's picture upright, once known; NULL or false: not. */
    bool (*clip_size)(void *ctx, const char *path, int *w, int *h);
};

enum item_kind {
    ITEM_FILL,     /* box in colour, corners rounded by radius */
    ITEM_GRADIENT, /* box shaded from colour (top) to colour_end (bottom) */
    ITEM_TEXT,     /* one line of text; box is its line box */
    ITEM_IMAGE,    /* the image at path, scaled into box */
};

struct item {
    enum item_kind kind;
    struct box box;
    struct rgba colour;
    struct rgba colour_end;
    int radius;
    enum font_style style; /* text */
    int px;                /* text: font size */
    int baseline;          /* text: y of the baseline */
    char *text;            /* text: owned */
    bool rtl;              /* text: a line of a paragraph that reads right to left */
    char *path;            /* image: owned */
    struct box crop;       /* image: the part of it shown, in its natural pixels; w 0: all */
};

struct scene {
    struct item *items;
    size_t count, capacity;
    size_t background; /* the first items: the theme's background, on every slide alike */
    bool cut;          /* a text block lost lines, or all of it, for want of room */
    bool measuring;    /* set by the caller: only cut is found, no items added */
};

/* Appends a copy of item, duplicating its text and path. Returns the item in
 * the scene, or NULL when memory runs out or the scene is only measuring. */
struct item *scene_add(struct scene *scene, const struct item *item);

/* Frees the items and empties the scene, cut cleared; NULL is fine. */
void scene_clear(struct scene *scene);

/* True when inner lies wholly within outer. */
bool box_contains(struct box outer, struct box inner);

/* True when the two boxes share any pixel. */
bool box_overlaps(struct box a, struct box b);

#endif
