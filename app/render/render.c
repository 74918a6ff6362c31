/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The slide textures: slides and the footer composed with SDL into
 * textures and kept, clips' latest frames drawn onto their slides. */
#include "render_internal.h"

#include "clip_probe.h"
#include "coverage.h"
#include "fonts.h"
#include "images.h"
#include "../layout/slide_layout.h"
#include "../layout/tiles.h"
#include "../util/hash.h"
#include "../util/log.h"

#include <limits.h>
#include <math.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

static int measure_text(void *ctx, enum font_style style, int px, const char *text, size_t n)
{
    return fonts_text_width(((struct renderer *)ctx)->fonts, style, px, text, n);
}

static void measure_font(void *ctx, enum font_style style, int px, int *ascent, int *descent)
{
    fonts_metrics(((struct renderer *)ctx)->fonts, style, px, ascent, descent);
}

static bool measure_image(void *ctx, const char *path, struct box fit, int *w, int *h)
{
    return images_size(((struct renderer *)ctx)->images, path, fit.w, fit.h, w, h);
}

/* A clip's size once it has been tried (clip_probe). */
static bool measure_clip(void *ctx, const char *path, int *w, int *h)
{
    (void)ctx;
    return clip_probe_size(path, w, h);
}

struct renderer *render_create(SDL_Renderer *sdl, const struct theme *theme, char *err,
                               size_t err_size)
{
    struct renderer *r = calloc(1, sizeof *r);
    if (!r) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    r->sdl = sdl;
    r->fonts = fonts_open(theme, err, err_size);
    r->images = images_create();
    if (!r->fonts || !r->images) {
        render_destroy(r);
        return NULL;
    }
    r->measurer = (struct measurer){measure_text, measure_font, measure_image, r, measure_clip};
    SDL_RendererInfo info;
    r->retained = SDL_GetRendererInfo(sdl, &info) == 0 && strcmp(info.name, "software") == 0;
    return r;
}

static void drop_texture(struct cached_texture *cache)
{
    if (cache->texture)
        SDL_DestroyTexture(cache->texture);
    memset(cache, 0, sizeof *cache);
}

void render_destroy(struct renderer *r)
{
    if (!r)
        return;
    for (int i = 0; i < SLIDE_CACHE; i++)
        drop_texture(&r->slides[i]);
    drop_texture(&r->footer);
    drop_texture(&r->frame);
    drop_texture(&r->lines);
    changed_free(&r->coming.changed);
    SDL_FreeSurface(r->band);
    for (int i = 0; i < CLIP_CACHE; i++)
        if (r->clips[i].texture)
            SDL_DestroyTexture(r->clips[i].texture);
    fonts_close(r->fonts);
    images_destroy(r->images);
    free(r);
}

const struct measurer *render_measurer(struct renderer *r)
{
    return &r->measurer;
}

struct fonts *render_fonts(struct renderer *r)
{
    return r->fonts;
}

void render_forget(struct renderer *r)
{
    r->generation++;
    drop_texture(&r->footer);
    render_drop_coming(r);
    images_clear(r->images);
}

uint64_t render_slide_key(const struct renderer *r, const struct slide *slide)
{
    uint64_t key = (slide ? slide_fingerprint(slide) : 1) ^ (r->generation * 0x9e3779b97f4a7c15ULL);
    /* a clip's slide is laid out by its size once the clip has been tried */
    int w, h;
    if (slide && slide->kind == SLIDE_VIDEO && slide->video &&
        clip_probe_size(slide->video, &w, &h))
        key = hash_number(hash_number(key, (uint64_t)w), (uint64_t)h);
    return key ? key : 1;
}

void render_set_canvas(struct renderer *r, SDL_Surface *canvas)
{
    r->canvas = canvas;
}

SDL_Surface *render_canvas(struct renderer *r)
{
    if (!r->retained || r->rotation || SDL_GetRenderTarget(r->sdl))
        return NULL;
    SDL_Surface *s = r->canvas;
    SDL_Window *window = s ? NULL : SDL_RenderGetWindow(r->sdl);
    if (window)
        s = SDL_GetWindowSurface(window);
    return s && s->format->format == SDL_PIXELFORMAT_RGB888 ? s : NULL;
}

void render_set_rotation(struct renderer *r, int degrees)
{
    r->rotation = degrees;
}

void render_logical_size(const struct renderer *r, int w, int h, int *logical_w, int *logical_h)
{
    bool sideways = r->rotation == 90 || r->rotation == 270;
    int lw = sideways ? h : w, lh = sideways ? w : h; /* the outputs may be w and h */
    *logical_w = lw;
    *logical_h = lh;
}

static void set_colour(SDL_Renderer *sdl, struct rgba c)
{
    SDL_SetRenderDrawColor(sdl, c.r, c.g, c.b, c.a);
    SDL_SetRenderDrawBlendMode(sdl, c.a == 0xff ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
}

/* The rows of a picture being drawn: count rows from top (a band of the
 * picture, kept in memory of its own that starts at top), or all of it. */
struct band {
    int top, count;
};

static const struct band WHOLE = {0, INT_MAX};

static bool misses(struct band band, struct box box)
{
    return box.y + box.h <= band.top || box.y - band.top >= band.count;
}

static void draw_gradient(SDL_Renderer *sdl, const struct item *item, struct band band)
{
    struct box b = item->box;
    int first = band.top - b.y > 0 ? band.top - b.y : 0;
    int64_t below = (int64_t)band.top + band.count - b.y; /* rows of it down to the band's end */
    int end = below < b.h ? (int)below : b.h;
    for (int y = first; y < end; y++) {
        float t = b.h > 1 ? (float)y / (float)(b.h - 1) : 0.0f;
        struct rgba c = {(uint8_t)lroundf((float)item->colour.r +
                                          t * (float)(item->colour_end.r - item->colour.r)),
                         (uint8_t)lroundf((float)item->colour.g +
                                          t * (float)(item->colour_end.g - item->colour.g)),
                         (uint8_t)lroundf((float)item->colour.b +
                                          t * (float)(item->colour_end.b - item->colour.b)),
                         0xff};
        set_colour(sdl, c);
        SDL_RenderDrawLine(sdl, b.x, b.y - band.top + y, b.x + b.w - 1, b.y - band.top + y);
    }
}

/* A box with rounded corners, drawn one row at a time in the corner bands. */
static void draw_fill(SDL_Renderer *sdl, const struct item *item)
{
    struct box b = item->box;
    int r = item->radius;
    if (r > b.h / 2)
        r = b.h / 2;
    if (r > b.w / 2)
        r = b.w / 2;
    set_colour(sdl, item->colour);
    SDL_Rect middle = {b.x, b.y + r, b.w, b.h - 2 * r};
    SDL_RenderFillRect(sdl, &middle);
    for (int y = 0; y < r; y++) {
        float dy = (float)r - (float)y - 0.5f;
        int inset = (int)lroundf((float)r - sqrtf((float)(r * r) - dy * dy));
        SDL_Rect top = {b.x + inset, b.y + y, b.w - 2 * inset, 1};
        SDL_Rect bottom = {b.x + inset, b.y + b.h - 1 - y, b.w - 2 * inset, 1};
        SDL_RenderFillRect(sdl, &top);
        SDL_RenderFillRect(sdl, &bottom);
    }
}

/* The lines texture, at least w x h. */
static SDL_Texture *lines_texture(struct renderer *r, int w, int h)
{
    struct cached_texture *c = &r->lines;
    if (c->texture && c->w >= w && c->h >= h)
        return c->texture;
    w = w > c->w ? w : c->w;
    h = h > c->h ? h : c->h;
    drop_texture(c);
    c->texture =
        SDL_CreateTexture(r->sdl, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING, w, h);
    if (!c->texture)
        return NULL;
    SDL_SetTextureBlendMode(c->texture, SDL_BLENDMODE_BLEND);
    c->w = w;
    c->h = h;
    return c->texture;
}

/* The surface r draws on when it is one in memory that a line of text
 * or a logo can be blended onto directly (a band of a picture being
 * composed, or the canvas); NULL when drawing goes through textures, or
 * is clipped. */
static SDL_Surface *surface_drawn_on(struct renderer *r)
{
    if (SDL_RenderIsClipEnabled(r->sdl))
        return NULL;
    return r->composing_on ? r->composing_on : render_canvas(r);
}

/* Blends src (a coverage mask drawn in colour, or a picture with alpha)
 * onto the surface r draws on, at x, y, after what is drawn already;
 * false when r draws through textures. */
static bool blend_onto_surface(struct renderer *r, SDL_Surface *src, int x, int y,
                               struct rgba colour)
{
    SDL_Surface *surface = surface_drawn_on(r);
    if (!surface || SDL_RenderFlush(r->sdl) != 0)
        return false;
    if (coverage_is_mask(src)) {
        coverage_blend(surface, src, x, y, colour);
        return true;
    }
    SDL_Rect dst = {x, y, src->w, src->h};
    SDL_SetSurfaceBlendMode(src, SDL_BLENDMODE_BLEND);
    SDL_BlitSurface(src, NULL, surface, &dst);
    return true;
}

/* Puts the line (a mask drawn in colour, or in colour) into the part of
 * texture (ARGB8888, streaming); false when it cannot. */
static bool to_texture(SDL_Texture *texture, const SDL_Rect *part, SDL_Surface *line,
                       struct rgba colour)
{
    if (!coverage_is_mask(line))
        return SDL_UpdateTexture(texture, part, line->pixels, line->pitch) == 0;
    void *pixels;
    int pitch;
    if (SDL_LockTexture(texture, part, &pixels, &pitch) != 0)
        return false;
    coverage_expand(line, colour, pixels, pitch);
    SDL_UnlockTexture(texture);
    return true;
}

/* A line of text or a scaled logo of a picture drawn band by band: made
 * once, kept until the last band it reaches is drawn. */
struct drawn_item {
    SDL_Surface *surface; /* NULL: not made yet, or done with */
    struct box at;        /* where it stands on the picture; h 0: not made yet */
};

/* Lets kept go once no band below reaches it. */
static void release_after(struct drawn_item *kept, struct band band)
{
    if ((int64_t)kept->at.y + kept->at.h <= (int64_t)band.top + band.count) {
        SDL_FreeSurface(kept->surface);
        kept->surface = NULL;
    }
}

/* Draws the line of text item onto the band; returns where it stands on
 * the picture, h 0 when nowhere. With kept, the line drawn for a band
 * before is drawn again, and kept while bands below reach it. Sets
 * *missed when the line, drawn first, reaches above the band: the bands
 * before lack it. */
static struct box draw_text(struct renderer *r, const struct item *item, struct band band,
                            struct drawn_item *kept, bool *missed)
{
    struct drawn_item fresh = {0};
    struct drawn_item *line = kept ? kept : &fresh;
    if (!line->surface && line->at.h == 0) {
        int ascent;
        line->surface = fonts_draw_line(r->fonts, item->style, item->px, item->text, item->rtl,
                                        item->colour, &ascent);
        if (!line->surface) {
            line->at = (struct box){0, 0, 0, 1}; /* nothing to draw: done with */
            return (struct box){0};
        }
        line->at =
            (struct box){item->box.x, item->baseline - ascent, line->surface->w, line->surface->h};
        *missed = *missed || (band.top > 0 && line->at.y < band.top);
    }
    if (!line->surface)
        return line->at;
    SDL_Rect src = {0, 0, line->surface->w, line->surface->h};
    SDL_Rect dst = {line->at.x, line->at.y - band.top, src.w, src.h};
    if (!blend_onto_surface(r, line->surface, dst.x, dst.y, item->colour)) {
        SDL_Texture *texture = lines_texture(r, src.w, src.h);
        if (texture && to_texture(texture, &src, line->surface, item->colour))
            SDL_RenderCopy(r->sdl, texture, &src, &dst);
    }
    release_after(line, kept ? band : WHOLE);
    return line->at;
}

/* The first row a line of text of the item may reach, for a line is
 * drawn first in the band that holds it: fonts reach above the baseline
 * by less than three times their size (a font that reaches further is
 * found by draw_text(), and the crossfade to its slide drawn from a
 * texture instead). */
static int text_top(const struct item *item)
{
    return item->baseline - 3 * item->px;
}

/* Draws the image item onto the band; with kept, its scaled picture is
 * made once for all the bands it reaches (the images' cache may let its
 * own go meanwhile: another size, room for another image). */
static void draw_image(struct renderer *r, const struct item *item, struct band band,
                       struct drawn_item *kept)
{
    struct box at = item->box;
    at.y -= band.top;
    SDL_Surface *sized = kept ? kept->surface : NULL;
    if (!sized && surface_drawn_on(r)) {
        sized = images_sized(r->images, item->path, at.w, at.h, item->crop);
        if (sized && kept) {
            sized->refcount++; /* SDL_FreeSurface() of either owner leaves it to the other */
            *kept = (struct drawn_item){sized, item->box};
        }
    }
    if (!sized || !blend_onto_surface(r, sized, at.x, at.y, (struct rgba){0}))
        images_draw(r->images, r->sdl, item->path, at, item->crop);
    if (kept && kept->surface)
        release_after(kept, band);
}

/* Draws the rows of band of the scene, marking in ink (if not NULL)
 * where it differs from its background; kept_items, when not NULL, keeps
 * each item's line of text or scaled logo between bands. The lines
 * texture goes once the band is drawn. False when a line of text reached
 * above the band unseen (see draw_text()). */
static bool draw_scene(struct renderer *r, const struct scene *scene, struct tile_map *ink,
                       struct band band, struct drawn_item *kept_items)
{
    bool missed = false;
    for (size_t i = 0; i < scene->count; i++) {
        const struct item *item = &scene->items[i];
        if (ink && i >= scene->background && item->kind != ITEM_TEXT)
            tiles_mark(ink, item->box);
        if (item->kind != ITEM_TEXT && misses(band, item->box))
            continue;
        switch (item->kind) {
        case ITEM_GRADIENT:
            draw_gradient(r->sdl, item, band);
            break;
        case ITEM_FILL: {
            struct item moved = *item;
            moved.box.y -= band.top;
            draw_fill(r->sdl, &moved);
            break;
        }
        case ITEM_TEXT: {
            struct drawn_item *kept = kept_items ? &kept_items[i] : NULL;
            if ((kept && kept->at.h && !kept->surface) || text_top(item) - band.top >= band.count)
                break; /* done with, or below the band */
            struct box drawn = draw_text(r, item, band, kept, &missed);
            if (ink)
                tiles_mark(ink, drawn);
            break;
        }
        case ITEM_IMAGE:
            draw_image(r, item, band, kept_items ? &kept_items[i] : NULL);
            break;
        }
    }
    drop_texture(&r->lines);
    return !missed;
}

void render_draw_scene(struct renderer *r, const struct scene *scene)
{
    draw_scene(r, scene, NULL, WHOLE, NULL);
}

bool render_begin_texture(struct renderer *r, struct cached_texture *cache, int w, int h)
{
    int access = 0; /* a slide kept from the screen (render_capture()) is no target */
    if (cache->texture)
        SDL_QueryTexture(cache->texture, NULL, &access, NULL, NULL);
    if (!cache->texture || cache->w != w || cache->h != h || access != SDL_TEXTUREACCESS_TARGET) {
        drop_texture(cache);
        cache->texture =
            SDL_CreateTexture(r->sdl, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET, w, h);
        if (!cache->texture) {
            LOG(LOG_ERROR, "render", "cannot make a %dx%d texture: %s", w, h, SDL_GetError());
            return false;
        }
        cache->w = w;
        cache->h = h;
    }
    return SDL_SetRenderTarget(r->sdl, cache->texture) == 0;
}

static struct clip_texture *find_clip(struct renderer *r, uint64_t key)
{
    for (int i = 0; i < CLIP_CACHE; i++)
        if (r->clips[i].texture && r->clips[i].key == key)
            return &r->clips[i];
    return NULL;
}

struct box render_clip_place(struct renderer *r, uint64_t key)
{
    struct clip_texture *clip = find_clip(r, key);
    return clip ? (struct box){clip->at.x, clip->at.y, clip->at.w, clip->at.h} : (struct box){0};
}

bool render_draw_clip(struct renderer *r, uint64_t key)
{
    struct clip_texture *clip = find_clip(r, key);
    if (!clip)
        return true;
    SDL_SetTextureBlendMode(clip->texture, SDL_BLENDMODE_NONE);
    return SDL_RenderCopy(r->sdl, clip->texture, NULL, &clip->at) == 0;
}

struct cached_texture *render_find_slide(struct renderer *r, uint64_t key, int w, int h)
{
    for (int i = 0; i < SLIDE_CACHE; i++) {
        struct cached_texture *c = &r->slides[i];
        if (c->texture && c->slide.key == key && c->w == w && c->h == h)
            return c;
    }
    return NULL;
}

/* Lays the slide out at w x h into scene and notes in out what it is,
 * its ink not yet marked but where a clip plays or the footer is hidden. */
static void compose_begin(struct renderer *r, const struct programme *prog,
                          const struct slide *slide, struct composed *out, int w, int h,
                          struct scene *scene)
{
    struct frame_geometry g = layout_geometry(w, h);
    layout_slide(&r->measurer, prog, slide, &g, scene);
    out->key = render_slide_key(r, slide);
    tiles_init(&out->ink, w, h);
    out->background = r->generation + 1;
    /* a clip plays over its slide, a slide without footer covers it */
    out->clip = slide && slide->kind == SLIDE_VIDEO;
    if (slide && (out->clip || slide->hide_footer))
        tiles_mark(&out->ink, (struct box){0, 0, w, h});
}

static void compose_end(struct renderer *r, struct scene *scene)
{
    scene_clear(scene);
    images_clear(r->images); /* decoded again when the slide next comes round */
    malloc_trim(0);          /* the decoded logos and text lines just freed go back to the system */
}

void render_compose(struct renderer *r, const struct programme *prog, const struct slide *slide,
                    struct composed *out, int w, int h)
{
    struct scene scene = {0};
    compose_begin(r, prog, slide, out, w, h, &scene);
    draw_scene(r, &scene, &out->ink, WHOLE, NULL);
    render_draw_clip(r, out->key);
    compose_end(r, &scene);
}

/* The band of a picture composed band by band, w wide: kept for the next,
 * its memory then warm. NULL when memory ran out. */
static SDL_Surface *band_picture(struct renderer *r, int w)
{
    if (r->band && r->band->w != w) {
        SDL_FreeSurface(r->band);
        r->band = NULL;
    }
    if (!r->band)
        r->band =
            SDL_CreateRGBSurfaceWithFormat(0, w, COMPOSE_BAND_ROWS, 32, SDL_PIXELFORMAT_RGB888);
    return r->band;
}

bool render_compose_bands(struct renderer *r, const struct programme *prog,
                          const struct slide *slide, struct composed *out, int w, int h,
                          bool (*take)(void *ctx, struct pixel_rows band, int rows), void *ctx)
{
    SDL_Surface *band = band_picture(r, w);
    SDL_Renderer *own = band ? SDL_CreateSoftwareRenderer(band) : NULL;
    if (!own) {
        LOG(LOG_ERROR, "render", "cannot make a %dx%d picture: %s", w, COMPOSE_BAND_ROWS,
            SDL_GetError());
        return false;
    }
    struct scene scene = {0};
    compose_begin(r, prog, slide, out, w, h, &scene);
    struct drawn_item *kept = calloc(scene.count ? scene.count : 1, sizeof *kept);
    SDL_Renderer *shared = r->sdl;
    r->sdl = own;
    r->composing_on = band;
    bool ok = kept != NULL;
    for (int top = 0; ok && top < h; top += COMPOSE_BAND_ROWS) {
        struct band rows = {top, h - top < COMPOSE_BAND_ROWS ? h - top : COMPOSE_BAND_ROWS};
        SDL_FillRect(band, NULL, 0);
        ok = draw_scene(r, &scene, &out->ink, rows, kept) && SDL_RenderFlush(own) == 0 &&
             take(ctx, (struct pixel_rows){band->pixels, (size_t)band->pitch / 4, top}, rows.count);
    }
    r->composing_on = NULL;
    r->sdl = shared;
    SDL_DestroyRenderer(own);
    for (size_t i = 0; kept && i < scene.count; i++)
        SDL_FreeSurface(kept[i].surface);
    free(kept);
    compose_end(r, &scene);
    return ok;
}

void render_drop_coming(struct renderer *r)
{
    struct changed_pixels room = r->coming.changed; /* its memory, for the next */
    changed_clear(&room);
    memset(&r->coming, 0, sizeof r->coming);
    r->coming.changed = room;
}

struct cached_texture *render_slide_texture(struct renderer *r, const struct programme *prog,
                                            const struct slide *slide, int w, int h)
{
    struct cached_texture *c = render_find_slide(r, render_slide_key(r, slide), w, h);
    if (!c) {
        c = &r->slides[0];
        for (int i = 1; i < SLIDE_CACHE; i++)
            if (r->slides[i].used < c->used)
                c = &r->slides[i];
        SDL_Texture *target = SDL_GetRenderTarget(r->sdl);
        bool ok = render_begin_texture(r, c, w, h);
        if (ok)
            render_compose(r, prog, slide, &c->slide, w, h);
        SDL_SetRenderTarget(r->sdl, target);
        if (!ok) {
            c->slide.key = 0;
            return NULL;
        }
    }
    c->used = ++r->use_clock;
    return c;
}

struct cached_texture *render_footer_texture(struct renderer *r, const struct programme *prog,
                                             const char *clock_text, int w, int h)
{
    struct frame_geometry g = layout_geometry(w, h);
    struct cached_texture *c = &r->footer;
    if (c->texture && c->w == w && c->h == g.footer.h && strcmp(c->text, clock_text) == 0)
        return c;
    SDL_Texture *target = SDL_GetRenderTarget(r->sdl);
    struct scene scene = {0};
    layout_footer(&r->measurer, prog, clock_text, &g, &scene);
    for (size_t i = 0; i < scene.count; i++) {
        scene.items[i].box.y -= g.footer.y;
        scene.items[i].baseline -= g.footer.y;
    }
    bool ok = render_begin_texture(r, c, w, g.footer.h);
    if (ok)
        draw_scene(r, &scene, NULL, WHOLE, NULL);
    scene_clear(&scene);
    snprintf(c->text, sizeof c->text, "%s", ok ? clock_text : "");
    SDL_SetRenderTarget(r->sdl, target);
    return ok ? c : NULL;
}

void render_set_clip(struct renderer *r, uint64_t key, struct box box,
                     const struct video_picture *picture, int w, int h)
{
    struct clip_texture *clip = find_clip(r, key);
    if (!clip) {
        clip = &r->clips[0];
        for (int i = 1; i < CLIP_CACHE; i++)
            if (r->clips[i].used < clip->used)
                clip = &r->clips[i];
        clip->key = key;
    }
    clip->used = ++r->use_clock;
    const struct box *p = &picture->place;
    if (!clip->texture || clip->w != p->w || clip->h != p->h) {
        if (clip->texture)
            SDL_DestroyTexture(clip->texture);
        clip->texture = SDL_CreateTexture(r->sdl, SDL_PIXELFORMAT_RGB888,
                                          SDL_TEXTUREACCESS_STREAMING, p->w, p->h);
        clip->w = clip->texture ? p->w : 0;
        clip->h = clip->texture ? p->h : 0;
        if (!clip->texture) {
            LOG(LOG_ERROR, "render", "cannot make a %dx%d texture: %s", p->w, p->h, SDL_GetError());
            clip->key = 0;
            return;
        }
    }
    SDL_UpdateTexture(clip->texture, NULL, picture->pixels, picture->pitch);
    clip->at = (SDL_Rect){box.x + p->x, box.y + p->y, p->w, p->h};
    /* A slide composed already gets the frame too. */
    int lw, lh;
    render_logical_size(r, w, h, &lw, &lh);
    struct cached_texture *slide = render_find_slide(r, key, lw, lh);
    if (slide) {
        SDL_Texture *target = SDL_GetRenderTarget(r->sdl);
        if (SDL_SetRenderTarget(r->sdl, slide->texture) == 0)
            render_draw_clip(r, key);
        SDL_SetRenderTarget(r->sdl, target);
    }
}

struct cached_texture *render_capture(struct renderer *r, uint64_t key, int w, int h)
{
    SDL_Surface *shot = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888);
    SDL_Texture *texture = NULL;
    if (shot &&
        SDL_RenderReadPixels(r->sdl, NULL, SDL_PIXELFORMAT_RGB888, shot->pixels, shot->pitch) == 0)
        texture = SDL_CreateTextureFromSurface(r->sdl, shot);
    SDL_FreeSurface(shot);
    if (!texture)
        return NULL;
    struct cached_texture *c = &r->slides[0];
    for (int i = 1; i < SLIDE_CACHE; i++)
        if (r->slides[i].used < c->used)
            c = &r->slides[i];
    drop_texture(c);
    *c = (struct cached_texture){
        .texture = texture, .w = w, .h = h, .slide.key = key, .used = ++r->use_clock};
    return c;
}

void render_drop_slide(struct renderer *r, uint64_t key)
{
    for (int i = 0; i < SLIDE_CACHE; i++)
        if (r->slides[i].slide.key == key)
            drop_texture(&r->slides[i]);
}
