/* Drawing scenes and frames with SDL. */
#include "render.h"

#include "fonts.h"
#include "images.h"
#include "../layout/slide_layout.h"
#include "../util/log.h"

#include <SDL_image.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct cached_texture {
    SDL_Texture *texture;
    int w, h;
    const struct slide *slide; /* slide cache: which slide it shows */
    char text[64];             /* footer cache: the clock it shows */
};

struct renderer {
    SDL_Renderer *sdl;
    struct fonts *fonts;
    struct images *images;
    struct measurer measurer;
    struct cached_texture slide, footer;
};

static int measure_text(void *ctx, enum font_style style, int px, const char *text, size_t n)
{
    return fonts_text_width(((struct renderer *)ctx)->fonts, style, px, text, n);
}

static void measure_font(void *ctx, enum font_style style, int px, int *ascent, int *descent)
{
    fonts_metrics(((struct renderer *)ctx)->fonts, style, px, ascent, descent);
}

static bool measure_image(void *ctx, const char *path, int *w, int *h)
{
    return images_size(((struct renderer *)ctx)->images, path, w, h);
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
    r->measurer = (struct measurer){measure_text, measure_font, measure_image, r};
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
    drop_texture(&r->slide);
    drop_texture(&r->footer);
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
    drop_texture(&r->slide);
    drop_texture(&r->footer);
    images_clear(r->images);
}

static void set_colour(SDL_Renderer *sdl, struct rgba c)
{
    SDL_SetRenderDrawColor(sdl, c.r, c.g, c.b, c.a);
    SDL_SetRenderDrawBlendMode(sdl, c.a == 0xff ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
}

static void draw_gradient(SDL_Renderer *sdl, const struct item *item)
{
    struct box b = item->box;
    for (int y = 0; y < b.h; y++) {
        float t = b.h > 1 ? (float)y / (float)(b.h - 1) : 0.0f;
        struct rgba c = {(uint8_t)lroundf((float)item->colour.r +
                                          t * (float)(item->colour_end.r - item->colour.r)),
                         (uint8_t)lroundf((float)item->colour.g +
                                          t * (float)(item->colour_end.g - item->colour.g)),
                         (uint8_t)lroundf((float)item->colour.b +
                                          t * (float)(item->colour_end.b - item->colour.b)),
                         0xff};
        set_colour(sdl, c);
        SDL_RenderDrawLine(sdl, b.x, b.y + y, b.x + b.w - 1, b.y + y);
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

static void draw_text(struct renderer *r, const struct item *item)
{
    SDL_Surface *line = fonts_draw_line(r->fonts, item->style, item->px, item->text, item->colour);
    if (!line)
        return;
    int ascent, descent;
    fonts_metrics(r->fonts, item->style, item->px, &ascent, &descent);
    SDL_Texture *texture = SDL_CreateTextureFromSurface(r->sdl, line);
    if (texture) {
        SDL_Rect dst = {item->box.x, item->baseline - ascent, line->w, line->h};
        SDL_RenderCopy(r->sdl, texture, NULL, &dst);
        SDL_DestroyTexture(texture);
    }
    SDL_FreeSurface(line);
}

static void draw_scene(struct renderer *r, const struct scene *scene)
{
    for (size_t i = 0; i < scene->count; i++) {
        const struct item *item = &scene->items[i];
        switch (item->kind) {
        case ITEM_GRADIENT:
            draw_gradient(r->sdl, item);
            break;
        case ITEM_FILL:
            draw_fill(r->sdl, item);
            break;
        case ITEM_TEXT:
            draw_text(r, item);
            break;
        case ITEM_IMAGE:
            images_draw(r->images, r->sdl, item->path, item->box);
            break;
        }
    }
}

/* Makes cache a w x h target texture and points the renderer at it. */
static bool begin_texture(struct renderer *r, struct cached_texture *cache, int w, int h)
{
    if (!cache->texture || cache->w != w || cache->h != h) {
        drop_texture(cache);
        cache->texture =
            SDL_CreateTexture(r->sdl, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
        if (!cache->texture) {
            LOG(LOG_ERROR, "render", "cannot make a %dx%d texture: %s", w, h, SDL_GetError());
            return false;
        }
        cache->w = w;
        cache->h = h;
    }
    return SDL_SetRenderTarget(r->sdl, cache->texture) == 0;
}

bool render_frame(struct renderer *r, const struct programme *prog, const struct slide *slide,
                  const char *clock_text, int w, int h)
{
    struct frame_geometry g = layout_geometry(w, h);
    SDL_Texture *target = SDL_GetRenderTarget(r->sdl);
    bool ok = true;
    if (!r->slide.texture || r->slide.slide != slide || r->slide.w != w || r->slide.h != h) {
        struct scene scene = {0};
        layout_slide(&r->measurer, prog, slide, &g, &scene);
        ok = begin_texture(r, &r->slide, w, h);
        if (ok)
            draw_scene(r, &scene);
        r->slide.slide = slide;
        scene_clear(&scene);
    }
    int fh = g.footer.h;
    if (ok && (!r->footer.texture || r->footer.w != w || r->footer.h != fh ||
               strcmp(r->footer.text, clock_text) != 0)) {
        struct scene scene = {0};
        layout_footer(&r->measurer, prog, clock_text, &g, &scene);
        for (size_t i = 0; i < scene.count; i++) {
            scene.items[i].box.y -= g.footer.y;
            scene.items[i].baseline -= g.footer.y;
        }
        ok = begin_texture(r, &r->footer, w, fh);
        if (ok)
            draw_scene(r, &scene);
        snprintf(r->footer.text, sizeof r->footer.text, "%s", clock_text);
        scene_clear(&scene);
    }
    SDL_SetRenderTarget(r->sdl, target);
    if (!ok)
        return false;
    SDL_Rect footer = {0, g.footer.y, w, fh};
    SDL_SetTextureBlendMode(r->slide.texture, SDL_BLENDMODE_NONE);
    SDL_SetTextureBlendMode(r->footer.texture, SDL_BLENDMODE_NONE);
    return SDL_RenderCopy(r->sdl, r->slide.texture, NULL, NULL) == 0 &&
           SDL_RenderCopy(r->sdl, r->footer.texture, NULL, &footer) == 0;
}

bool render_save_png(SDL_Renderer *sdl, int w, int h, const char *path)
{
    SDL_Surface *shot = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!shot)
        return false;
    bool ok =
        SDL_RenderReadPixels(sdl, NULL, SDL_PIXELFORMAT_ARGB8888, shot->pixels, shot->pitch) == 0 &&
        IMG_SavePNG(shot, path) == 0;
    SDL_FreeSurface(shot);
    return ok;
}
