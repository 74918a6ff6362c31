/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Where everything goes on a slide and in the footer, for any screen size:
 * every size and margin derives from the screen's, nothing is fixed. */
#ifndef HALLSCREEN_SLIDE_LAYOUT_H
#define HALLSCREEN_SLIDE_LAYOUT_H

#include "scene.h"

struct frame_geometry {
    int w, h;
    float unit;         /* 1% of the screen's shorter side */
    struct box content; /* where slide content may go */
    struct box footer;  /* the band at the bottom */
};

/* The frame for a w x h screen. */
struct frame_geometry layout_geometry(int w, int h);

/* Lays out slide (the background, its text and images, not the footer) into
 * scene. A NULL slide gives the screen shown when there is nothing to show. */
void layout_slide(const struct measurer *m, const struct programme *prog, const struct slide *slide,
                  const struct frame_geometry *g, struct scene *scene);

/* True when slide, laid out on g, shows all its text: no block of text
 * lost lines for want of room (one-line labels may be shortened). */
bool layout_slide_fits(const struct measurer *m, const struct programme *prog,
                       const struct slide *slide, const struct frame_geometry *g);

/* Where a video slide's clip is drawn: the slide above the footer (all of
 * it with footer: false), less its caption's band and its QR code's place;
 * with a caption, and the clip's size known to m (clip_size()), as high as the clip contained, in
 * the middle with the caption under it. */
struct box layout_clip_box(const struct measurer *m, const struct slide *slide,
                           const struct frame_geometry *g);

/* How many sessions one overview slide lists at this size. */
int layout_overview_rows(const struct frame_geometry *g);

/* Lays out the footer: the event's name and place on the left, clock_text
 * on the right. */
void layout_footer(const struct measurer *m, const struct programme *prog, const char *clock_text,
                   const struct frame_geometry *g, struct scene *scene);

#endif
