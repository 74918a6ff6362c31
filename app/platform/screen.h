/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Choosing how to draw: a real GPU when there is one, else SDL's software
 * renderer, which on a box without a GPU is lighter and starts faster than
 * OpenGL through a software rasteriser (llvmpipe). */
#ifndef HALLSCREEN_SCREEN_H
#define HALLSCREEN_SCREEN_H

#include <SDL.h>
#include <stdbool.h>

/* A renderer for window as choice says ("auto", "software" or "gpu"); sets
 * *vsync when presenting waits for the display's refresh. NULL on failure
 * (SDL_GetError() says why). */
SDL_Renderer *screen_renderer(SDL_Window *window, const char *choice, bool *vsync);

#endif
