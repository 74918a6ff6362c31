/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A frame on screen: the slides' textures put onto the target, whole or in
 * a transition (crossfade, push), with the footer over them. */
#include "frame.h"

#include "crossfade.h"
#include "render_internal.h"
#include "../layout/slide_layout.h"
#include "../layout/tiles.h"

#include <math.h>

void frame_invalidate(struct renderer *r)
{
    r->shown_key = 0;
}

/* A push moves the slide on screen out of view, and needs it as a
 * texture: on a target that keeps its pixels (the software renderer), it
 * is copied from there while the slide stands, not in the push's first
 * frame. */
static void keep_shown(struct renderer *r, int w, int h)
{
    if (!r->retained || !r->shown_key || w != r->shown_w || h != r->shown_h ||
        render_find_slide(r, r->shown_key, w, h) || (r->rotation && !r->frame.texture))
        return;
    SDL_Texture *target = SDL_GetRenderTarget(r->sdl);
    if (!r->rotation || SDL_SetRenderTarget(r->sdl, r->frame.texture) == 0)
        render_capture(r, r->shown_key, w, h);
    SDL_SetRenderTarget(r->sdl, target);
}

bool frame_prepare(struct renderer *r, const struct programme *prog, const struct slide *slide,
                   int w, int h)
{
    int lw, lh;
    render_logical_size(r, w, h, &lw, &lh);
    if (prog->theme.transition == TRANSITION_PUSH)
        keep_shown(r, lw, lh);
    return render_slide_texture(r, prog, slide, lw, lh) != NULL;
}

/* Eases a transition in and out. */
static float smooth(float t)
{
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    return t * t * (3 - 2 * t);
}

/* True when the frame's slide covers the footer (a poster with footer: false). */
static bool hides_footer(const struct frame *f)
{
    return f->slide && f->slide->hide_footer;
}

/* The height of the footer band drawn over the frame's slide: 0 when hidden. */
static int footer_height(const struct frame *f, int w, int h)
{
    return hides_footer(f) ? 0 : layout_geometry(w, h).footer.h;
}

static bool draw_footer(struct renderer *r, const struct frame *f, int w, int h)
{
    if (hides_footer(f))
        return true;
    struct cached_texture *footer = render_footer_texture(r, f->prog, f->clock, w, h);
    if (!footer)
        return false;
    SDL_Rect band = {0, h - footer->h, w, footer->h};
    SDL_SetTextureBlendMode(footer->texture, SDL_BLENDMODE_NONE);
    return SDL_RenderCopy(r->sdl, footer->texture, NULL, &band) == 0;
}

/* The target holds the slide of texture c, whole. */
static void now_shown(struct renderer *r, const struct cached_texture *c)
{
    r->shown_key = c->key;
    r->shown_ink = c->ink;
    r->shown_background = c->background;
}

/* The parts of the target a crossfade to the slide of texture `to`
 * changes: where it or the slide on screen differ from their common
 * background; all of it when their backgrounds may differ. */
static void plan_fade(struct renderer *r, const struct cached_texture *to, int w, int h)
{
    struct tile_map both = to->ink;
    tiles_add(&both, &r->shown_ink);
    bool alike = to->background && to->background == r->shown_background;
    size_t n = alike ? tiles_spans(&both, r->fade_spans, FADE_SPANS) : 0;
    if (!alike || n > FADE_SPANS) {
        r->fade_spans[0] = (struct box){0, 0, w, h};
        n = 1;
    }
    r->fade_span_count = n;
}

/* The crossfade's spans above area_h written on the canvas itself, each
 * row in one pass from what it holds and the coming slide's pixels, t in
 * 256ths of the way. False (nothing written) when the pixels cannot be
 * reached: SDL blends them then. */
static bool blend_on_canvas(struct renderer *r, struct cached_texture *to, int t, int w, int area_h)
{
    SDL_Surface *canvas = render_canvas(r);
    void *pixels;
    int pitch;
    if (!canvas || !to->streaming || canvas->w < w || canvas->h < area_h ||
        SDL_RenderFlush(r->sdl) != 0 || SDL_LockTexture(to->texture, NULL, &pixels, &pitch) != 0)
        return false;
    if (SDL_MUSTLOCK(canvas) && SDL_LockSurface(canvas) != 0) {
        SDL_UnlockTexture(to->texture);
        return false;
    }
    for (size_t i = 0; i < r->fade_span_count; i++) {
        struct box b = r->fade_spans[i];
        int bottom = b.y + b.h > area_h ? area_h : b.y + b.h;
        for (int y = b.y; y < bottom; y++) {
            uint32_t *out =
                (uint32_t *)((uint8_t *)canvas->pixels + (size_t)y * canvas->pitch) + b.x;
            const uint32_t *in =
                (const uint32_t *)((const uint8_t *)pixels + (size_t)y * pitch) + b.x;
            crossfade_row(out, out, in, (size_t)b.w, t);
        }
    }
    if (SDL_MUSTLOCK(canvas))
        SDL_UnlockSurface(canvas);
    SDL_UnlockTexture(to->texture);
    return true;
}

/* A crossfade onto a target that keeps its pixels: each frame blends the
 * coming slide over what the last frame left, by just enough that the
 * result is the mix for this frame's progress, and only where the two
 * slides differ. No copy of the slide going out is needed; the last frame
 * copies the whole slide. */
static bool fade_in_place(struct renderer *r, const struct frame *f, uint64_t key, int w, int h)
{
    struct cached_texture *to = render_slide_texture(r, f->prog, f->slide, w, h);
    if (!to)
        return false;
    bool first = r->shown_key == f->from;
    if (first)
        plan_fade(r, to, w, h);
    float before = first ? 0.0f : r->faded;
    float now = f->progress >= 1.0f ? 1.0f : smooth(f->progress);
    float share = before < 1.0f ? (now - before) / (1.0f - before) : 1.0f;
    int area_h = h - footer_height(f, w, h);
    bool ok = true;
    if (share >= 1.0f) {
        SDL_Rect area = {0, 0, w, area_h};
        SDL_SetTextureBlendMode(to->texture, SDL_BLENDMODE_NONE);
        SDL_SetTextureAlphaMod(to->texture, 255); /* else SDL copies by its slow path */
        ok = SDL_RenderCopy(r->sdl, to->texture, &area, &area) == 0;
    } else if (!blend_on_canvas(r, to, (int)lroundf((share < 0 ? 0 : share) * CROSSFADE_ONE), w,
                                area_h)) {
        SDL_SetTextureBlendMode(to->texture, SDL_BLENDMODE_BLEND);
        SDL_SetTextureAlphaMod(to->texture, (Uint8)lroundf((share < 0 ? 0 : share) * 255.0f));
        for (size_t i = 0; ok && i < r->fade_span_count; i++) {
            struct box b = r->fade_spans[i];
            SDL_Rect part = {b.x, b.y, b.w, b.y + b.h > area_h ? area_h - b.y : b.h};
            ok = part.h <= 0 || SDL_RenderCopy(r->sdl, to->texture, &part, &part) == 0;
        }
    }
    ok = ok && draw_footer(r, f, w, h);
    r->fading_to = key;
    r->faded = now;
    r->shown_key = 0;
    if (ok && now >= 1.0f) {
        now_shown(r, to);
        render_drop_slide(r, key); /* the target holds it now */
    }
    return ok;
}

/* A slide shown with no transition (the first, or one stepped to) on a
 * target that keeps its pixels: composed straight onto it, with no slide
 * texture, whose fresh memory costs more than the drawing. */
static bool draw_in_place(struct renderer *r, const struct frame *f, int w, int h)
{
    struct cached_texture held = {0};
    render_compose(r, f->prog, f->slide, &held, w, h);
    bool ok = draw_footer(r, f, w, h);
    r->shown_key = 0;
    if (ok)
        now_shown(r, &held);
    r->shown_w = w;
    r->shown_h = h;
    return ok;
}

/* Draws the frame at logical size w x h onto the current target. */
static bool draw_frame(struct renderer *r, const struct frame *f, int w, int h)
{
    uint64_t key = render_slide_key(r, f->slide);
    bool moving = f->from && f->progress < 1.0f;
    if (r->retained && !moving && key == r->shown_key && w == r->shown_w && h == r->shown_h)
        return render_draw_clip(r, key) && draw_footer(r, f, w, h); /* the slide is there already */
    if (r->retained && f->kind == TRANSITION_CROSSFADE && f->from && w == r->shown_w &&
        h == r->shown_h && (r->shown_key == f->from || (r->shown_key == 0 && r->fading_to == key)))
        return fade_in_place(r, f, key, w, h);
    if (r->retained && !moving && !render_find_slide(r, key, w, h))
        return draw_in_place(r, f, w, h);
    struct cached_texture *from = moving ? render_find_slide(r, f->from, w, h) : NULL;
    if (moving && !from && r->retained && r->shown_key == f->from && w == r->shown_w &&
        h == r->shown_h)
        from = render_capture(r, f->from, w, h);
    struct cached_texture *to = render_slide_texture(r, f->prog, f->slide, w, h);
    if (!to)
        return false;
    if (from)
        from->used = ++r->use_clock;
    /* The slides move above the footer, which stays. */
    int area_h = h - footer_height(f, w, h);
    SDL_Rect area = {0, 0, w, area_h};
    float t = smooth(f->progress);
    SDL_SetTextureBlendMode(to->texture, SDL_BLENDMODE_NONE);
    SDL_SetTextureAlphaMod(to->texture, 255);
    bool ok = true;
    if (!from || f->kind == TRANSITION_NONE) {
        ok = SDL_RenderCopy(r->sdl, to->texture, &area, &area) == 0;
    } else if (f->kind == TRANSITION_PUSH) {
        int shift = (int)lroundf(t * (float)w) * (f->direction < 0 ? -1 : 1);
        SDL_SetTextureBlendMode(from->texture, SDL_BLENDMODE_NONE);
        SDL_Rect going = {-shift, 0, w, area_h};
        SDL_Rect coming = {(f->direction < 0 ? -w : w) - shift, 0, w, area_h};
        ok = SDL_RenderCopy(r->sdl, from->texture, &area, &going) == 0 &&
             SDL_RenderCopy(r->sdl, to->texture, &area, &coming) == 0;
    } else {
        SDL_SetTextureBlendMode(from->texture, SDL_BLENDMODE_NONE);
        SDL_SetTextureBlendMode(to->texture, SDL_BLENDMODE_BLEND);
        SDL_SetTextureAlphaMod(to->texture, (Uint8)lroundf(t * 255.0f));
        ok = SDL_RenderCopy(r->sdl, from->texture, &area, &area) == 0 &&
             SDL_RenderCopy(r->sdl, to->texture, &area, &area) == 0;
    }
    ok = ok && draw_footer(r, f, w, h);
    r->shown_key = 0;
    if (ok && (!from || f->progress >= 1.0f))
        now_shown(r, to);
    r->shown_w = w;
    r->shown_h = h;
    if (r->retained && r->shown_key) {
        /* The target holds the slide now: its textures can go. */
        render_drop_slide(r, key);
        if (f->from)
            render_drop_slide(r, f->from);
    }
    return ok;
}

bool frame_draw(struct renderer *r, const struct frame *f, int w, int h)
{
    if (r->rotation == 0)
        return draw_frame(r, f, w, h);
    int lw, lh;
    render_logical_size(r, w, h, &lw, &lh);
    SDL_Texture *target = SDL_GetRenderTarget(r->sdl);
    bool ok = render_begin_texture(r, &r->frame, lw, lh) && draw_frame(r, f, lw, lh);
    SDL_SetRenderTarget(r->sdl, target);
    /* Rotated about its centre, the logical frame covers the screen. */
    SDL_Rect dst = {(w - lw) / 2, (h - lh) / 2, lw, lh};
    SDL_SetTextureBlendMode(r->frame.texture, SDL_BLENDMODE_NONE);
    return ok && SDL_RenderCopyEx(r->sdl, r->frame.texture, NULL, &dst, r->rotation, NULL,
                                  SDL_FLIP_NONE) == 0;
}

bool frame_draw_slide(struct renderer *r, const struct programme *prog, const struct slide *slide,
                      const char *clock_text, int w, int h)
{
    struct frame f = {.prog = prog, .slide = slide, .progress = 1.0f, .clock = clock_text};
    return frame_draw(r, &f, w, h);
}
