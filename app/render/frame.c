/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A frame on screen: the slides' textures put onto the target, whole or in
 * a transition (crossfade, push), with the footer over them. */
#include "frame.h"

#include "crossfade.h"
#include "render_internal.h"
#include "../layout/slide_layout.h"
#include "../layout/tiles.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void frame_invalidate(struct renderer *r)
{
    r->shown.key = 0;
    r->damaged_all = true;
    /* a crossfade on the canvas cannot go on from pixels that are lost:
     * the coming slide is drawn whole */
    if (r->fading_to) {
        r->fading_to = 0;
        render_drop_coming(r);
    }
}

/* The frame changes box of the target too. */
static void damage(struct renderer *r, struct box box)
{
    struct box *d = &r->damage;
    if (box.w <= 0 || box.h <= 0)
        return;
    if (d->w <= 0 || d->h <= 0) {
        *d = box;
        return;
    }
    int right = d->x + d->w > box.x + box.w ? d->x + d->w : box.x + box.w;
    int bottom = d->y + d->h > box.y + box.h ? d->y + d->h : box.y + box.h;
    d->x = d->x < box.x ? d->x : box.x;
    d->y = d->y < box.y ? d->y : box.y;
    d->w = right - d->x;
    d->h = bottom - d->y;
}

bool frame_target_keeps_pixels(const struct renderer *r)
{
    return r->retained;
}

bool frame_damage(const struct renderer *r, int w, int h, SDL_Rect *part)
{
    const struct box *d = &r->damage;
    if (!r->retained || r->rotation || (d->w >= w && d->h >= h))
        return false;
    *part = (SDL_Rect){0, d->y, w, d->h}; /* whole rows: one copy, not a copy a row */
    return true;
}

/* A push moves the slide on screen out of view, and needs it as a
 * texture: on a target that keeps its pixels (the software renderer), it
 * is copied from there while the slide stands, not in the push's first
 * frame. */
static void keep_shown(struct renderer *r, int w, int h)
{
    if (!r->retained || !r->shown.key || w != r->shown_w || h != r->shown_h ||
        render_find_slide(r, r->shown.key, w, h) || (r->rotation && !r->frame.texture))
        return;
    SDL_Texture *target = SDL_GetRenderTarget(r->sdl);
    if (!r->rotation || SDL_SetRenderTarget(r->sdl, r->frame.texture) == 0)
        render_capture(r, r->shown.key, w, h);
    SDL_SetRenderTarget(r->sdl, target);
}

/* Eases a transition in and out. */
static float smooth(float t)
{
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    return t * t * (3 - 2 * t);
}

/* True when slide covers the footer (a poster with footer: false). */
static bool hides_footer(const struct slide *slide)
{
    return slide && slide->hide_footer;
}

/* The height of the part of a w x h frame that slide leaves to the footer:
 * 0 when it hides it. */
static int footer_height(const struct slide *slide, int w, int h)
{
    return hides_footer(slide) ? 0 : layout_geometry(w, h).footer.h;
}

static bool draw_footer(struct renderer *r, const struct frame *f, int w, int h)
{
    if (hides_footer(f->slide))
        return true;
    struct cached_texture *footer = render_footer_texture(r, f->prog, f->clock, w, h);
    if (!footer)
        return false;
    SDL_Rect band = {0, h - footer->h, w, footer->h};
    damage(r, (struct box){band.x, band.y, band.w, band.h});
    SDL_SetTextureBlendMode(footer->texture, SDL_BLENDMODE_NONE);
    return SDL_RenderCopy(r->sdl, footer->texture, NULL, &band) == 0;
}

/* The target holds the slide c, whole. */
static void now_shown(struct renderer *r, const struct composed *c)
{
    r->shown = *c;
}

/* The parts above area_h of a w x h target that a crossfade to the slide
 * `to` changes, into r->fade_spans: where it or the slide on screen differ
 * from their common background; all of it when their backgrounds may
 * differ. */
static void plan_fade(struct renderer *r, const struct composed *to, int w, int area_h)
{
    struct tile_map both = to->ink;
    tiles_add(&both, &r->shown.ink);
    bool alike = to->background && to->background == r->shown.background;
    size_t n = alike ? tiles_spans(&both, r->fade_spans, FADE_SPANS) : 0;
    if (!alike || n > FADE_SPANS) {
        r->fade_spans[0] = (struct box){0, 0, w, area_h};
        n = 1;
    }
    r->fade_span_count = 0;
    for (size_t i = 0; i < n; i++) {
        struct box b = r->fade_spans[i];
        b.h = b.y + b.h > area_h ? area_h - b.y : b.h;
        if (b.h > 0)
            r->fade_spans[r->fade_span_count++] = b;
    }
}

/* The canvas a crossfade above area_h of a w x h frame is drawn on, when
 * it can be (see render_canvas()); NULL when not. */
static SDL_Surface *fade_canvas(struct renderer *r, int w, int area_h)
{
    SDL_Surface *canvas = render_canvas(r);
    return canvas && canvas->w >= w && canvas->h >= area_h ? canvas : NULL;
}

static struct pixel_rows rows_of(SDL_Surface *s)
{
    return (struct pixel_rows){s->pixels, (size_t)s->pitch / sizeof(uint32_t), 0};
}

/* The comparison of a coming slide's bands with the canvas. */
struct band_compare {
    struct renderer *r;
    SDL_Surface *canvas;
    int area_h;    /* the rows above the footer, or all when it is hidden */
    int settled_h; /* the rows from here down are kept whole */
};

/* Keeps the pixels of a band of the coming slide where they differ from
 * the canvas, in the parts plan_fade() finds with the ink marked so far
 * (all of it, down to the band). */
static bool compare_band(void *ctx, struct pixel_rows band, int rows)
{
    struct band_compare *cmp = ctx;
    struct renderer *r = cmp->r;
    plan_fade(r, &r->coming.slide, r->coming.w, cmp->area_h);
    size_t n = 0;
    for (size_t i = 0; i < r->fade_span_count; i++) { /* their parts in the band */
        struct box b = r->fade_spans[i];
        int top = b.y > band.top ? b.y : band.top;
        int bottom = b.y + b.h < band.top + rows ? b.y + b.h : band.top + rows;
        if (bottom > top)
            r->fade_spans[n++] = (struct box){b.x, top, b.w, bottom - top};
    }
    r->fade_span_count = n;
    return changed_add(&r->coming.changed, rows_of(cmp->canvas), band, r->fade_spans,
                       r->fade_span_count, cmp->settled_h);
}

/* Makes the slide, at w x h, the coming slide of a crossfade on the
 * canvas, unless it is already: composed now and compared with the slide
 * the canvas holds, which stays until the crossfade but where a clip
 * plays on it, and the footer's clock. False when it cannot be: the
 * crossfade is then drawn from textures. */
static bool ready_coming(struct renderer *r, const struct programme *prog,
                         const struct slide *slide, int w, int h)
{
    struct coming *c = &r->coming;
    uint64_t key = render_slide_key(r, slide);
    if (c->slide.key == key && c->w == w && c->h == h && c->against == r->shown.key)
        return true;
    render_drop_coming(r);
    if (key == r->refused_coming)
        return false;
    int area_h = h - footer_height(slide, w, h);
    SDL_Surface *canvas = fade_canvas(r, w, h);
    if (!canvas || !r->shown.key || (SDL_MUSTLOCK(canvas) && SDL_LockSurface(canvas) != 0))
        return false;
    /* where a clip plays, the canvas changes before the crossfade, as the
     * footer's rows do when the slide covers them: taken whole */
    struct band_compare cmp = {r, canvas, area_h,
                               r->shown.clip ? 0 : layout_geometry(w, h).footer.y};
    c->w = w;
    c->h = h;
    bool ok = changed_begin(&c->changed, w, area_h) &&
              render_compose_bands(r, prog, slide, &c->slide, w, h, compare_band, &cmp);
    if (SDL_MUSTLOCK(canvas))
        SDL_UnlockSurface(canvas);
    if (!ok) {
        changed_clear(&c->changed);
        changed_end(&c->changed); /* the pages the refused slide filled go back */
        render_drop_coming(r);
        r->refused_coming = key; /* not drawn so again */
        return false;
    }
    changed_end(&c->changed);
    c->against = r->shown.key;
    return true;
}

/* Whether a crossfade to the slide at w x h is drawn on the canvas: not a
 * clip's slide, whose frames reach a texture. */
static bool fades_on_canvas(struct renderer *r, enum transition kind, const struct slide *slide,
                            int w, int h)
{
    return r->retained && kind == TRANSITION_CROSSFADE && !(slide && slide->kind == SLIDE_VIDEO) &&
           r->shown.key && w == r->shown_w && h == r->shown_h && fade_canvas(r, w, h);
}

bool frame_prepare(struct renderer *r, const struct programme *prog, const struct slide *slide,
                   int w, int h)
{
    int lw, lh;
    render_logical_size(r, w, h, &lw, &lh);
    if (prog->theme.transition == TRANSITION_PUSH)
        keep_shown(r, lw, lh);
    if (fades_on_canvas(r, prog->theme.transition, slide, lw, lh) &&
        ready_coming(r, prog, slide, lw, lh))
        return true;
    return render_slide_texture(r, prog, slide, lw, lh) != NULL;
}

/* Mixes the coming slide into the canvas by share of the way from what it
 * holds; all the way: its pixels exactly. */
static bool mix_on_canvas(struct renderer *r, float share, int w, int area_h)
{
    SDL_Surface *canvas = fade_canvas(r, w, area_h);
    if (!canvas || SDL_RenderFlush(r->sdl) != 0 ||
        (SDL_MUSTLOCK(canvas) && SDL_LockSurface(canvas) != 0))
        return false;
    damage(r, r->coming.changed.bounds);
    if (share >= 1.0f)
        changed_put(&r->coming.changed, rows_of(canvas));
    else
        changed_mix(&r->coming.changed, rows_of(canvas),
                    (int)lroundf((share < 0 ? 0 : share) * CROSSFADE_ONE));
    if (SDL_MUSTLOCK(canvas))
        SDL_UnlockSurface(canvas);
    return true;
}

/* Blends the slide texture `to` over the target by share of the way, in
 * the parts plan_fade() found, with SDL: where the canvas's pixels cannot
 * be reached. */
static bool blend_with_sdl(struct renderer *r, struct cached_texture *to, float share, int w,
                           int area_h)
{
    if (share >= 1.0f) {
        SDL_Rect area = {0, 0, w, area_h};
        SDL_SetTextureBlendMode(to->texture, SDL_BLENDMODE_NONE);
        SDL_SetTextureAlphaMod(to->texture, 255); /* else SDL copies by its slow path */
        return SDL_RenderCopy(r->sdl, to->texture, &area, &area) == 0;
    }
    SDL_SetTextureBlendMode(to->texture, SDL_BLENDMODE_BLEND);
    SDL_SetTextureAlphaMod(to->texture, (Uint8)lroundf((share < 0 ? 0 : share) * 255.0f));
    bool ok = true;
    for (size_t i = 0; ok && i < r->fade_span_count; i++) {
        SDL_Rect part = {r->fade_spans[i].x, r->fade_spans[i].y, r->fade_spans[i].w,
                         r->fade_spans[i].h};
        ok = SDL_RenderCopy(r->sdl, to->texture, &part, &part) == 0;
    }
    return ok;
}

/* A crossfade onto a target that keeps its pixels: each frame blends the
 * coming slide over what the last frame left, by just enough that the
 * result is the mix for this frame's progress, and only where the two
 * slides differ. No copy of the slide going out is needed; the last frame
 * writes the coming slide's pixels. On the canvas the coming slide is kept
 * only where it differs (r->coming); elsewhere, as a texture that SDL
 * blends. The footer stands still unless its clock turns. */
static bool fade_in_place(struct renderer *r, const struct frame *f, uint64_t key, int w, int h)
{
    bool first = r->shown.key == f->from;
    int area_h = h - footer_height(f->slide, w, h);
    const struct coming *c = &r->coming;
    if (first &&
        (!fades_on_canvas(r, f->kind, f->slide, w, h) || !ready_coming(r, f->prog, f->slide, w, h)))
        render_drop_coming(r);
    bool on_canvas = c->slide.key == key && c->against == f->from && c->w == w && c->h == h;
    struct cached_texture *to = on_canvas ? NULL : render_slide_texture(r, f->prog, f->slide, w, h);
    if (!on_canvas && !to)
        return false;
    if (first && to)
        plan_fade(r, &to->slide, w, area_h);
    float before = first ? 0.0f : r->faded;
    float now = f->progress >= 1.0f ? 1.0f : smooth(f->progress);
    float share = before < 1.0f ? (now - before) / (1.0f - before) : 1.0f;
    if (!on_canvas)
        damage(r, (struct box){0, 0, w, h});
    bool ok =
        on_canvas ? mix_on_canvas(r, share, w, area_h) : blend_with_sdl(r, to, share, w, area_h);
    if (first || now >= 1.0f || strcmp(r->fade_clock, f->clock ? f->clock : "") != 0) {
        ok = ok && draw_footer(r, f, w, h);
        snprintf(r->fade_clock, sizeof r->fade_clock, "%s", f->clock ? f->clock : "");
    }
    r->fading_to = key;
    r->faded = now;
    r->shown.key = 0;
    if (ok && now >= 1.0f) {
        now_shown(r, on_canvas ? &c->slide : &to->slide);
        r->fading_to = 0;
        render_drop_coming(r);
        render_drop_slide(r, key); /* the target holds it now */
    }
    return ok;
}

/* A slide shown with no transition (the first, or one stepped to) on a
 * target that keeps its pixels: composed straight onto it, with no slide
 * texture, whose fresh memory costs more than the drawing. */
static bool draw_in_place(struct renderer *r, const struct frame *f, int w, int h)
{
    struct composed held;
    render_compose(r, f->prog, f->slide, &held, w, h);
    bool ok = draw_footer(r, f, w, h);
    r->shown.key = 0;
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
    if (r->retained && key == r->shown.key && w == r->shown_w && h == r->shown_h) {
        damage(r, render_clip_place(r, key)); /* the slide is there already */
        return render_draw_clip(r, key) && draw_footer(r, f, w, h);
    }
    if (r->retained && f->kind == TRANSITION_CROSSFADE && f->from && w == r->shown_w &&
        h == r->shown_h && (r->shown.key == f->from || (r->shown.key == 0 && r->fading_to == key)))
        return fade_in_place(r, f, key, w, h);
    damage(r, (struct box){0, 0, w, h}); /* all of it from here on */
    if (moving) { /* a crossfade on the canvas, if one was under way, is cut short */
        r->fading_to = 0;
        render_drop_coming(r);
    }
    if (r->retained && !moving && !render_find_slide(r, key, w, h))
        return draw_in_place(r, f, w, h);
    struct cached_texture *from = moving ? render_find_slide(r, f->from, w, h) : NULL;
    if (moving && !from && r->retained && r->shown.key == f->from && w == r->shown_w &&
        h == r->shown_h)
        from = render_capture(r, f->from, w, h);
    if (from) /* the slide going out is not the one to make room for the coming */
        from->used = ++r->use_clock;
    struct cached_texture *to = render_slide_texture(r, f->prog, f->slide, w, h);
    if (!to)
        return false;
    /* The slides move above the footer, which stays. */
    int area_h = h - footer_height(f->slide, w, h);
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
    r->shown.key = 0;
    if (ok && (!from || f->progress >= 1.0f))
        now_shown(r, &to->slide);
    r->shown_w = w;
    r->shown_h = h;
    if (r->retained && r->shown.key) {
        /* The target holds the slide now: its textures can go. */
        render_drop_slide(r, key);
        if (f->from)
            render_drop_slide(r, f->from);
    }
    return ok;
}

bool frame_draw(struct renderer *r, const struct frame *f, int w, int h)
{
    r->damage = r->damaged_all ? (struct box){0, 0, w, h} : (struct box){0};
    r->damaged_all = false;
    if (r->rotation == 0) {
        bool ok = draw_frame(r, f, w, h);
        r->damaged_all = !ok; /* what it changed is shown with the next */
        return ok;
    }
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
