/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The renderer's insides, shared by render.c (the slide textures) and
 * frame.c (frames drawn from them); nothing outside render/ includes it. */
#ifndef HALLSCREEN_RENDER_INTERNAL_H
#define HALLSCREEN_RENDER_INTERNAL_H

#include "render.h"
#include "changed_pixels.h"
#include "../layout/tiles.h"

enum {
    SLIDE_CACHE = 2, /* the slide going and the slide coming */
    CLIP_CACHE = 2,  /* the clip on screen and the next one's first frame */
    FADE_SPANS = 1024,
    /* The rows of a crossfade's coming slide drawn at a time: it is drawn
     * band by band into one small picture kept for it (fresh memory for a
     * whole picture cost more than the drawing), each band compared with
     * the screen as it is done. */
    COMPOSE_BAND_ROWS = 32,
};

/* A slide as composed: which slide, where it differs from its bare
 * background, that background's generation (0: unknown), and whether a
 * clip plays on it (its pixels then change as it stands). */
struct composed {
    uint64_t key; /* render_slide_key(); 0: none */
    struct tile_map ink;
    uint64_t background;
    bool clip;
};

struct cached_texture {
    SDL_Texture *texture;
    int w, h;
    struct composed slide; /* slides: what it shows */
    uint64_t used;         /* slides: when it was last drawn, for eviction */
    char text[64];         /* footer: the clock it shows */
};

/* The slide a crossfade drawn on the canvas goes to: composed band by
 * band while the canvas holds the slide going out, each band compared
 * with it; its pixels are kept only where the two differ. */
struct coming {
    struct composed slide;
    int w, h;
    uint64_t against; /* the slide on the canvas it was compared with */
    struct changed_pixels changed;
};

/* A clip's latest frame, for the video slide key. */
struct clip_texture {
    SDL_Texture *texture;
    int w, h;
    uint64_t key;
    uint64_t used;
    SDL_Rect at; /* where it stands on the slide */
};

struct renderer {
    SDL_Renderer *sdl;
    struct fonts *fonts;
    struct images *images;
    struct measurer measurer;
    struct cached_texture slides[SLIDE_CACHE], footer;
    struct cached_texture frame; /* the whole frame, when it is rotated */
    /* Lines of text reach a slide through one streaming texture while it is
     * composed: not a texture made for each line; or straight onto the
     * surface drawn on, when it is one in memory. */
    struct cached_texture lines;
    SDL_Surface *composing_on; /* the band render_compose_bands() draws, while it does */
    SDL_Surface *band;         /* its memory, kept */
    struct clip_texture clips[CLIP_CACHE];
    struct coming coming;
    uint64_t refused_coming; /* a slide that could not be a coming slide (ready_coming()) */
    uint64_t use_clock;
    uint64_t generation; /* one more each time the content changes */
    /* The target keeps its pixels from frame to frame (the software renderer
     * draws straight into the window): a standing slide needs no texture,
     * and the clock alone is redrawn. */
    bool retained;
    struct composed shown; /* the slide the target holds, whole; key 0: unknown */
    int shown_w, shown_h;
    uint64_t fading_to;  /* a crossfade drawn onto the target itself: to which slide */
    float faded;         /* and how far it has come, 0 to 1 (eased) */
    char fade_clock[64]; /* the clock its footer showed at its start */
    /* The part of the target the last frame changed (frame_damage()), and
     * whether the next must count as changing all of it (its pixels were
     * lost). */
    struct box damage;
    bool damaged_all;
    /* The parts of the target the crossfade under way blends, when SDL
     * blends them (no canvas). */
    struct box fade_spans[FADE_SPANS];
    size_t fade_span_count;
    int rotation;        /* degrees clockwise: 0, 90, 180 or 270 */
    SDL_Surface *canvas; /* render_set_canvas()'s */
};

/* The surface the frame is drawn on, when a crossfade may write its pixels
 * itself: a target that keeps its pixels (the window's surface, or
 * render_set_canvas()'s), drawn on directly (no rotation), 32-bit XRGB as
 * the slides are. NULL when not. */
SDL_Surface *render_canvas(struct renderer *r);

/* Makes cache (a texture of r's) a w x h target texture and points the
 * renderer at it. Returns false when SDL failed. */
bool render_begin_texture(struct renderer *r, struct cached_texture *cache, int w, int h);

/* Draws the clip frame of the slide key, if it has one, onto the target.
 * Returns false when SDL failed. */
bool render_draw_clip(struct renderer *r, uint64_t key);

/* Where render_draw_clip() draws the clip of the slide key; w 0: nowhere. */
struct box render_clip_place(struct renderer *r, uint64_t key);

/* The texture of the slide key at w x h, if it is cached; NULL if not. */
struct cached_texture *render_find_slide(struct renderer *r, uint64_t key, int w, int h);

/* Composes the slide onto the current target, w x h, noting in out what
 * it is. */
void render_compose(struct renderer *r, const struct programme *prog, const struct slide *slide,
                    struct composed *out, int w, int h);

/* Composes the slide at w x h (not a clip's) into XRGB pixels band by
 * band, COMPOSE_BAND_ROWS rows at a time from the top, noting in out what
 * it is; after each band, take(ctx, band, rows) is given its pixels (rows
 * band.top to band.top + rows), and the ink of out is marked down to
 * them at least. False when take() or memory failed. */
bool render_compose_bands(struct renderer *r, const struct programme *prog,
                          const struct slide *slide, struct composed *out, int w, int h,
                          bool (*take)(void *ctx, struct pixel_rows band, int rows), void *ctx);

/* The coming slide's pixels go. */
void render_drop_coming(struct renderer *r);

/* The slide's texture at w x h, composed now unless it is cached; the least
 * recently drawn one makes room. The texture stays r's. NULL when SDL
 * failed. */
struct cached_texture *render_slide_texture(struct renderer *r, const struct programme *prog,
                                            const struct slide *slide, int w, int h);

/* The footer's texture, drawn again when the clock or the size changed.
 * The texture stays r's. NULL when SDL failed. */
struct cached_texture *render_footer_texture(struct renderer *r, const struct programme *prog,
                                             const char *clock_text, int w, int h);

/* Keeps what the target shows now (w x h) as the texture of the slide key,
 * for the slide going out of a transition; the least recently drawn one
 * makes room. NULL when SDL failed. */
struct cached_texture *render_capture(struct renderer *r, uint64_t key, int w, int h);

/* The textures of the slide key go. */
void render_drop_slide(struct renderer *r, uint64_t key);

/* Draws scene onto the current target, as a slide's is drawn. */
void render_draw_scene(struct renderer *r, const struct scene *scene);

#endif
