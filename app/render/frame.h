/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A frame on screen: the slides' textures put onto the renderer's target,
 * whole or in a transition (crossfade, push), with the footer over them. */
#ifndef HALLSCREEN_FRAME_H
#define HALLSCREEN_FRAME_H

#include "render.h"

#include <stdbool.h>
#include <stdint.h>

/* One frame of the show, perhaps in the middle of a transition. */
struct frame {
    const struct programme *prog;
    const struct slide *slide; /* coming in (NULL: the nothing-to-show screen) */
    uint64_t from;             /* render_slide_key() of the slide going out; 0: none */
    float progress;            /* of the transition, 0 to 1 */
    enum transition kind;
    int direction; /* 1: forwards (push to the left), -1: backwards */
    const char *clock;
};

/* Draws the frame onto the renderer's target, w x h. The slide going out is
 * drawn only if it is still composed (it is, if it was the last frame's).
 * Returns false when SDL failed. */
bool frame_draw(struct renderer *r, const struct frame *frame, int w, int h);

/* Composes slide ahead of its turn, so that its transition only blends. */
bool frame_prepare(struct renderer *r, const struct programme *prog, const struct slide *slide,
                   int w, int h);

/* Draws the frame for slide (NULL: the nothing-to-show screen) with the
 * footer showing clock_text, at w x h, onto the renderer's target. The slide
 * is composed only when it, or the size, differs from the last call's; the
 * footer only when clock_text does too. Returns false when SDL failed. */
bool frame_draw_slide(struct renderer *r, const struct programme *prog, const struct slide *slide,
                      const char *clock_text, int w, int h);

/* Whether r draws in pixels the target keeps (the software renderer): a
 * frame drawn there stays until the next is drawn, and may be drawn ahead
 * of being presented. */
bool frame_target_keeps_pixels(const struct renderer *r);

/* The target's pixels were lost (window exposed or resized): the next frame
 * is drawn whole. */
void frame_invalidate(struct renderer *r);

/* The part of the target (w x h) the last frame_draw() changed, when it is
 * known to be less than the whole: presenting that part is enough. False
 * when it is all of it, or unknown (not the software renderer, which
 * draws in the window's own pixels). */
bool frame_damage(const struct renderer *r, int w, int h, SDL_Rect *part);

#endif
