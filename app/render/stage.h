/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What is on the screen: the slide shown, transitions from one slide to
 * the next drawn at a steady pace (never faster because something else
 * woke the loop), the next slide composed ahead of its turn, screenshots. */
#ifndef HALLSCREEN_STAGE_H
#define HALLSCREEN_STAGE_H

#include "../limits.h"
#include "clips.h"
#include "render.h"
#include "../show/transition.h"
#include "../show/running_order.h"

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

struct stage {
    struct renderer *renderer;
    SDL_Renderer *sdl; /* the window's: stays the caller's */
    bool vsync;        /* presenting waits for the display's refresh */
    int rotate;        /* degrees clockwise */
    struct transition_timing transition;
    uint64_t on_screen;           /* render_slide_key() of the slide on screen, 0 at first */
    int direction;                /* of the coming transition: -1 after stepping back */
    bool next_prepared;           /* the slide after this one is composed */
    bool dirty;                   /* the frame must be drawn again */
    int64_t ahead_ms;             /* the transition's frame due then is drawn, not shown; 0: none */
    int ahead_w, ahead_h;         /* the size it was drawn at */
    char ahead_clock[64];         /* the clock in its footer */
    const char *screenshot;       /* where the next frame is to be written; NULL: nowhere */
    struct clips clips;           /* of the slide on screen and the next */
    unsigned long transitions;    /* begun, since the stage opened */
    unsigned long frames_dropped; /* of transitions, due and never drawn */
    struct stage_fits *fits;      /* which pages fitted this screen: see page_fits() */
};

/* A stage drawing with sdl in the theme's fonts, turned by rotate degrees,
 * decoding clips with mpv's hwdec choice (NULL: auto-safe). False with the
 * reason in err when no font can be opened. */
bool stage_open(struct stage *s, SDL_Renderer *sdl, bool vsync, const struct theme *theme,
                int rotate, const char *hwdec, char *err, size_t err_size);

/* Frees what stage_open() made; a failed open is fine. */
void stage_close(struct stage *s);

/* The content changed: slides are composed afresh, in new fonts when the
 * theme names others. */
void stage_new_content(struct stage *s, const struct theme *theme, bool fonts_changed);

/* Fits view to this screen: the rows an overview slide holds, and what a
 * page of a slide holds. */
void stage_fit_view(struct stage *s, struct order_view *view);

/* The screen's pixels were lost, or must be drawn again (resized, exposed). */
void stage_invalidate(struct stage *s);

/* The next frame is written to path (PNG) too. */
void stage_screenshot(struct stage *s, const char *path);

/* Starts a transition when slide (NULL: nothing to show) is not the one on
 * screen, and its clip when it has one. Returns true when it was not. */
bool stage_follow(struct stage *s, const struct programme *shown, const struct slide *slide,
                  int64_t now_ms);

/* Milliseconds until a frame is to be drawn (of a transition or a clip):
 * 0 now, -1 when none is. */
int64_t stage_frame_wait(const struct stage *s, int64_t now_ms);

/* Draws and presents the frame of now_ms, with clock in the footer. */
void stage_draw(struct stage *s, const struct programme *shown, const struct slide *slide,
                const char *clock, int64_t now_ms);

/* Opens next's clip (when it is a video slide) once nothing moves, and
 * composes next (NULL: none) when its turn is until_change_ms away or
 * less, so that its transition only blends. Returns the milliseconds until
 * it should be called again; -1 when not before the next slide. */
int64_t stage_prepare(struct stage *s, const struct programme *shown, const struct slide *next,
                      int64_t until_change_ms, int64_t now_ms);

#endif
