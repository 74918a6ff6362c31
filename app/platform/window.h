/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The show's window and the quirks of SDL's video drivers, so the main
 * loop never asks which driver it runs on: opening fullscreen with or
 * without a window manager, and sleeping until an event comes. */
#ifndef HALLSCREEN_WINDOW_H
#define HALLSCREEN_WINDOW_H

#include <SDL.h>
#include <stdbool.h>
#include <threads.h>
#include <stddef.h>
#include <stdint.h>

/* How the window is to be opened. */
struct window_request {
    int display;          /* the monitor to fill, from 0 */
    bool windowed;        /* a desktop window instead of fullscreen */
    int width, height;    /* of the desktop window; 0: the default */
    const char *renderer; /* "auto", "software" or "gpu" (see screen_renderer()) */
};

struct window {
    SDL_Window *sdl_window;
    SDL_Renderer *renderer;
    bool vsync;            /* presenting waits for the display's refresh */
    bool fullscreen_later; /* go fullscreen once the first frame is up */
    bool sdl_waits;        /* the driver sleeps until an event comes */
    thrd_t mapping;        /* mapping in the window's picture, if mapping_in */
    bool mapping_in;
    unsigned char *picture; /* its pixels, while their pages are mapped in */
    size_t picture_size;
};

/* Starts SDL's video and opens the window (fullscreen on rq->display, or
 * a desktop window) and its renderer. Returns false with a line for the
 * user in err. */
bool window_open(struct window *w, const struct window_request *rq, char *err, size_t err_size);

/* Spares SDL's start on a desktop what the show never needs (Xlib's table
 * of composed characters, a session bus started when there is none), by
 * the environment: call it before any thread starts. Settings the user
 * made are kept. */
void window_prepare_environment(void);

/* Waits until the window's picture in memory is mapped in (window_open()
 * starts it, on a thread of its own, for the software renderer): call it
 * before the first frame is drawn or an event is looked for. */
void window_ready(struct window *w);

/* Closes what window_open() opened, and SDL's video; a failed open is fine. */
void window_close(struct window *w);

/* The first frame is on screen: finish going fullscreen where that had to
 * wait for it. */
void window_first_frame_shown(struct window *w);

/* Between fullscreen and a window (the F key). */
void window_toggle_fullscreen(struct window *w);

/* Waits up to timeout_ms for an event; wake_fd (-1: none) becoming
 * readable ends the wait early. Returns true with *e filled when one came. */
bool window_wait_event(const struct window *w, int wake_fd, SDL_Event *e, int64_t timeout_ms);

#endif
