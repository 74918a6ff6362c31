/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Drawing with SDL: slides composed once into textures and kept, the footer
 * redrawn when its clock changes (frame.h puts frames together from both).
 * SDL is used only in render/, platform/ and main.c. */
#ifndef HALLSCREEN_RENDER_H
#define HALLSCREEN_RENDER_H

#include "../model/programme.h"
#include "../layout/scene.h"
#include "video.h"

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct renderer;

/* A renderer drawing with sdl (which stays the caller's) in the theme's
 * fonts. Returns NULL with the reason in err when no font can be opened. */
struct renderer *render_create(SDL_Renderer *sdl, const struct theme *theme, char *err,
                               size_t err_size);

/* Frees the renderer, its fonts and textures; NULL is fine. */
void render_destroy(struct renderer *r);

/* Measures text and images for layout with this renderer's fonts. */
const struct measurer *render_measurer(struct renderer *r);

/* The theme's fonts, for what render_measurer() does not cover. */
struct fonts *render_fonts(struct renderer *r);

/* The content has changed: images are read again and slides composed
 * afresh, while the slide on screen can still fade out. */
void render_forget(struct renderer *r);

/* What identifies the slide's picture: its fingerprint, and the content's
 * generation. Never 0. */
uint64_t render_slide_key(const struct renderer *r, const struct slide *slide);

/* r's SDL renderer is a software renderer drawing on canvas (made with
 * SDL_CreateSoftwareRenderer(), which stays the caller's): crossfades then
 * write its pixels themselves, as they do a window's. */
void render_set_canvas(struct renderer *r, SDL_Surface *canvas);

/* Turns every frame by degrees clockwise (0, 90, 180 or 270), for screens
 * mounted sideways or upside down; slides are laid out for the turned size. */
void render_set_rotation(struct renderer *r, int degrees);

/* The size slides are laid out at on a w x h output, once turned. */
void render_logical_size(const struct renderer *r, int w, int h, int *logical_w, int *logical_h);

/* The latest frame of the clip of the video slide key (see
 * render_slide_key()), drawn for box (layout_clip_box()) on a w x h
 * output: kept, drawn on that slide from now on, and into it at once if
 * it is composed already. */
void render_set_clip(struct renderer *r, uint64_t key, struct box box,
                     const struct video_picture *picture, int w, int h);

#endif
