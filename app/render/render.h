/* Drawing with SDL: slides composed once into textures, the footer redrawn
 * when its clock changes, frames put together from both. The only module,
 * with main.c, that knows SDL. */
#ifndef HALLSCREEN_RENDER_H
#define HALLSCREEN_RENDER_H

#include "../content/programme.h"
#include "../layout/scene.h"

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

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

/* Drops composed slides and decoded images: the content has changed. */
void render_forget(struct renderer *r);

/* Draws the frame for slide (NULL: the nothing-to-show screen) with the
 * footer showing clock_text, at w x h, onto the renderer's target. The slide
 * is composed only when it, or the size, differs from the last call's; the
 * footer only when clock_text does too. Returns false when SDL failed. */
bool render_frame(struct renderer *r, const struct programme *prog, const struct slide *slide,
                  const char *clock_text, int w, int h);

/* Writes what the renderer's target holds (w x h) to a PNG file. Returns
 * false with SDL's error set when it cannot. */
bool render_save_png(SDL_Renderer *sdl, int w, int h, const char *path);

#endif
