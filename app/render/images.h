/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Logo images: decoded once, kept by path, drawn scaled into a box. */
#ifndef HALLSCREEN_IMAGES_H
#define HALLSCREEN_IMAGES_H

#include "../layout/scene.h"

#include <SDL.h>
#include <stdbool.h>

struct images;

/* An empty cache. Returns NULL when memory runs out. */
struct images *images_create(void);

/* Frees every image and the cache; NULL is fine. */
void images_destroy(struct images *images);

/* Forgets every image, so that files are read again when next needed. */
void images_clear(struct images *images);

/* Natural size of the image at path; false (reported once) when it cannot be
 * decoded. fit_w x fit_h is the largest box it is then drawn into whole,
 * so that no more of it is kept than that needs (0 x 0: it may be drawn
 * larger or cropped). */
bool images_size(struct images *images, const char *path, int fit_w, int fit_h, int *w, int *h);

/* The part crop of the image at path (in the pixels images_size() gives;
 * w 0: all of it) scaled to w x h, ARGB, filtered without aliasing however
 * far it shrinks; an SVG rasterised at that size. The cache keeps it (and
 * frees it) until the next call for the image at another size or crop,
 * the image's eviction or images_clear(); NULL when it cannot be decoded. */
SDL_Surface *images_sized(struct images *images, const char *path, int w, int h, struct box crop);

/* Draws the part crop of the image at path (in the pixels images_size()
 * gives; w 0: all of it) scaled into box on the renderer's target, filtered
 * without aliasing however far it shrinks. SVG is rasterised at the size it
 * is shown. */
void images_draw(struct images *images, SDL_Renderer *renderer, const char *path, struct box box,
                 struct box crop);

#endif
