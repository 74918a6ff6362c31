/* Drawing with SDL: slides composed once into textures, the footer redrawn
 * when its clock changes, frames put together from both. SDL is used only
 * in render/, platform/ and main.c. */
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

/* The target's pixels were lost (window exposed or resized): the next frame
 * is drawn whole. */
void render_invalidate(struct renderer *r);

/* What identifies the slide's picture: its fingerprint, and the content's
 * generation. Never 0. */
uint64_t render_slide_key(const struct renderer *r, const struct slide *slide);

/* Turns every frame by degrees clockwise (0, 90, 180 or 270), for screens
 * mounted sideways or upside down; slides are laid out for the turned size. */
void render_set_rotation(struct renderer *r, int degrees);

/* The size slides are laid out at on a w x h output, once turned. */
void render_logical_size(const struct renderer *r, int w, int h, int *logical_w, int *logical_h);

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
bool render_transition(struct renderer *r, const struct frame *frame, int w, int h);

/* The latest frame of the clip of the video slide key (see
 * render_slide_key()), drawn for box (layout_clip_box()) on a w x h
 * output: kept, drawn on that slide from now on, and into it at once if
 * it is composed already. */
void render_set_clip(struct renderer *r, uint64_t key, struct box box,
                     const struct video_picture *picture, int w, int h);

/* Composes slide ahead of its turn, so that its transition only blends. */
bool render_prepare(struct renderer *r, const struct programme *prog, const struct slide *slide,
                    int w, int h);

/* Draws the frame for slide (NULL: the nothing-to-show screen) with the
 * footer showing clock_text, at w x h, onto the renderer's target. The slide
 * is composed only when it, or the size, differs from the last call's; the
 * footer only when clock_text does too. Returns false when SDL failed. */
bool render_frame(struct renderer *r, const struct programme *prog, const struct slide *slide,
                  const char *clock_text, int w, int h);

#endif
