/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The stage timer on screen (--timer): its still part drawn once for each
 * talk, and at each tick only the moving box (the count and the bar)
 * cleared and drawn again, where the target keeps its pixels; on a GPU
 * the still part is a texture copied under each frame. */
#ifndef HALLSCREEN_TIMER_SCREEN_H
#define HALLSCREEN_TIMER_SCREEN_H

#include "render.h"
#include "../show/timer.h"

#include <stdbool.h>
#include <stdint.h>

/* The count's figures at one size, each drawn once, in white: a tick
 * copies a few of them, tinted, instead of setting the text again. */
#define TIMER_FIGURES "0123456789:+"
struct timer_figures {
    int px; /* 0: none drawn yet */
    SDL_Texture *glyph[sizeof TIMER_FIGURES - 1];
    int w[sizeof TIMER_FIGURES - 1], h[sizeof TIMER_FIGURES - 1];
    int ascent[sizeof TIMER_FIGURES - 1], advance[sizeof TIMER_FIGURES - 1];
};

struct timer_screen {
    uint64_t held_key;  /* layout_timer_still_key() of the still part the target holds; 0: none */
    int held_w, held_h; /* at which logical size */
    SDL_Texture *still; /* the still part, for targets that lose their pixels; or NULL */
    uint64_t still_key; /* of what it shows */
    int still_w, still_h;
    struct timer_figures figures;
};

/* Draws the timer r of room (in prog's words) onto r's target, an output
 * of w x h, turned as the renderer is. Does not present. Returns false
 * when SDL failed. */
bool timer_screen_draw(struct timer_screen *ts, struct renderer *r, const struct programme *prog,
                       const char *room, const struct timer_reading *reading, int w, int h);

/* The target lost its pixels, or the fonts changed: the next frame is
 * drawn whole. */
void timer_screen_invalidate(struct timer_screen *ts);

/* Frees the still texture and the figures; a zeroed one is fine. */
void timer_screen_free(struct timer_screen *ts);

#endif
