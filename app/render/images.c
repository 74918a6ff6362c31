/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Logo images: checked from their header, decoded once, kept within a
 * memory budget (least recently used go first). */
#include "images.h"
#include "image_lib.h"
#include "png.h"
#include "rw.h"
#include "../layout/blocks.h"
#include "../util/array.h"

#include "../util/image_header.h"
#include "../util/log.h"
#include "../util/str.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
    KEEP_SIDE = 2048,                /* larger pictures are scaled down once decoded */
    BUDGET_BYTES = 64 * 1024 * 1024, /* decoded pictures kept at most */
    SVG_PROBE_SIDE = 512,            /* an SVG's shape is read at this width */
};

struct image {
    char *path;
    SDL_Surface *surface; /* NULL: the file could not be decoded */
    int natural_w, natural_h;
    int fit_w, fit_h; /* the box surface was kept halved for; 0 x 0: kept whole */
    bool svg;
    uint64_t used;
    SDL_Surface *sized;    /* as last drawn: images_sized()'s; NULL: none */
    struct box sized_crop; /* of what, at sized's size */
};

struct images {
    struct image *items;
    size_t count, capacity;
    uint64_t clock;
};

struct images *images_create(void)
{
    return calloc(1, sizeof(struct images));
}

static size_t bytes_of(const struct image *image)
{
    size_t bytes = image->surface ? (size_t)image->surface->pitch * (size_t)image->surface->h : 0;
    return bytes + (image->sized ? (size_t)image->sized->pitch * (size_t)image->sized->h : 0);
}

static void forget(struct images *images, size_t i)
{
    free(images->items[i].path);
    SDL_FreeSurface(images->items[i].surface);
    SDL_FreeSurface(images->items[i].sized);
    images->items[i] = images->items[--images->count];
}

void images_clear(struct images *images)
{
    while (images->count)
        forget(images, images->count - 1);
}

void images_destroy(struct images *images)
{
    if (!images)
        return;
    images_clear(images);
    free(images->items);
    free(images);
}

/* Evicts the least recently used pictures until extra bytes more fit. */
static void make_room(struct images *images, size_t extra)
{
    for (;;) {
        size_t total = extra, oldest = 0;
        for (size_t i = 0; i < images->count; i++) {
            total += bytes_of(&images->items[i]);
            if (images->items[i].used < images->items[oldest].used)
                oldest = i;
        }
        if (total <= BUDGET_BYTES || images->count == 0)
            return;
        forget(images, oldest);
    }
}

/* Decodes the file, refusing it first if it is no regular file or its
 * header is wrong or too large; it is read from the descriptor that was
 * checked, so it cannot be swapped for a FIFO meanwhile. An SVG is
 * rasterised to fit inside fit_w x fit_h (never at a size its own shape
 * decides); svg, when not NULL, says whether it was one. A PNG is read
 * with libpng, any other picture with SDL_image. NULL with the reason in
 * why when it cannot be. */
static SDL_Surface *decode_file(const char *path, int fit_w, int fit_h, bool *svg, char *why,
                                size_t why_size)
{
    struct image_header header;
    int fd = image_open(path, &header, why, why_size);
    if (fd < 0)
        return NULL;
    if (svg)
        *svg = header.type == IMAGE_SVG;
    char detail[200] = "";
    SDL_Surface *loaded = NULL;
    if (header.type == IMAGE_PNG) {
        loaded = png_read_fd(fd, detail, sizeof detail);
    } else {
        const struct image_lib *lib = image_lib_get(detail, sizeof detail);
        SDL_RWops *rw = lib ? rw_from_fd(fd) : NULL;
        if (!lib)
            close(fd);
        if (rw) {
            loaded =
                header.type == IMAGE_SVG ? lib->load_sized_svg(rw, fit_w, fit_h) : lib->load(rw, 0);
            snprintf(detail, sizeof detail, "%s", loaded ? "" : SDL_GetError());
            SDL_RWclose(rw);
        }
    }
    if (!loaded)
        snprintf(why, why_size, "cannot be decoded (%s)", detail[0] ? detail : "out of memory");
    return loaded;
}

/* Whether a picture of w x h is halved on its way to a box of fit_w x
 * fit_h: while more than half as large again. */
static bool halves_for(int w, int h, int fit_w, int fit_h)
{
    return 2 * w > 3 * fit_w && 2 * h > 3 * fit_h;
}

/* The part from of src halved with bilinear filtering (each pixel the
 * average of 2x2, a box filter): a new surface, or NULL. */
static SDL_Surface *halved(SDL_Surface *src, SDL_Rect from)
{
    SDL_Surface *half =
        SDL_CreateRGBSurfaceWithFormat(0, from.w / 2, from.h / 2, 32, SDL_PIXELFORMAT_ARGB8888);
    if (half && SDL_SoftStretchLinear(src, &from, half, NULL) != 0) {
        SDL_FreeSurface(half);
        half = NULL;
    }
    return half;
}

/* The crop of src scaled to w x h without aliasing: halved while more
 * than half as large again, then filtered to the size. A new surface, or
 * NULL. (SDL's own scaling samples too few pixels to shrink further.) */
static SDL_Surface *smooth_scale(SDL_Surface *src, SDL_Rect crop, int w, int h)
{
    SDL_Surface *current = NULL; /* owned: the last halving */
    SDL_Rect from = crop;
    SDL_Surface *half;
    while (halves_for(from.w, from.h, w, h) && (half = halved(current ? current : src, from))) {
        SDL_FreeSurface(current);
        current = half;
        from = (SDL_Rect){0, 0, half->w, half->h};
    }
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (out && SDL_SoftStretchLinear(current ? current : src, &from, out, NULL) != 0) {
        SDL_FreeSurface(out);
        out = NULL;
    }
    SDL_FreeSurface(current);
    return out;
}

/* Decodes the file for the cache; large pictures are scaled down to what a
 * slide can show. */
static SDL_Surface *decode(const char *path, bool *svg)
{
    char why[300];
    SDL_Surface *loaded = decode_file(path, SVG_PROBE_SIDE, SVG_PROBE_SIDE, svg, why, sizeof why);
    if (!loaded) {
        LOG(LOG_WARN, "images", "%s %s; the partner's name is shown instead", path, why);
        return NULL;
    }
    SDL_Surface *image = loaded->format->format == SDL_PIXELFORMAT_ARGB8888
                             ? loaded
                             : SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_ARGB8888, 0);
    if (image != loaded)
        SDL_FreeSurface(loaded);
    int longest = image && image->w > image->h ? image->w : image ? image->h : 0;
    if (longest > KEEP_SIDE) {
        int w = (int)((int64_t)image->w * KEEP_SIDE / longest);
        int h = (int)((int64_t)image->h * KEEP_SIDE / longest);
        SDL_Surface *smaller =
            smooth_scale(image, (SDL_Rect){0, 0, image->w, image->h}, w > 0 ? w : 1, h > 0 ? h : 1);
        if (smaller) {
            SDL_FreeSurface(image);
            image = smaller;
        }
    }
    return image;
}

/* The picture halved as smooth_scale() first would for any box within
 * fit_w x fit_h: the same pixels, a quarter of the memory at each step,
 * and the whole decoded picture freed before the next is decoded into the
 * same memory. */
static SDL_Surface *halved_for(SDL_Surface *image, int fit_w, int fit_h)
{
    SDL_Surface *half;
    while (image && halves_for(image->w, image->h, fit_w, fit_h) &&
           (half = halved(image, (SDL_Rect){0, 0, image->w, image->h}))) {
        SDL_FreeSurface(image);
        image = half;
    }
    return image;
}

/* Whether what image keeps serves a box of fit_w x fit_h (0 x 0: whole);
 * a file that could not be decoded is not tried again. */
static bool serves(const struct image *image, int fit_w, int fit_h)
{
    if (!image->surface || (image->fit_w == 0 && image->fit_h == 0))
        return true;
    return (fit_w > 0 || fit_h > 0) && fit_w <= image->fit_w && fit_h <= image->fit_h;
}

/* The image at path, decoded when not kept, or kept halved for a smaller
 * box than fit_w x fit_h (0 x 0: whole; -1 x -1: whatever is kept). */
static struct image *find(struct images *images, const char *path, int fit_w, int fit_h)
{
    for (size_t i = 0; i < images->count; i++) {
        struct image *image = &images->items[i];
        if (strcmp(image->path, path) != 0)
            continue;
        if (fit_w < 0 || serves(image, fit_w, fit_h)) {
            image->used = ++images->clock;
            return image;
        }
        forget(images, i); /* kept too small for this box */
        break;
    }
    bool svg = false;
    SDL_Surface *surface = decode(path, &svg);
    int natural_w = surface ? surface->w : 0, natural_h = surface ? surface->h : 0;
    bool halve = !svg && fit_w > 0 && fit_h > 0; /* an SVG is drawn at the size shown */
    if (halve) { /* drawn whole, so at most as large as its shape fits in the box */
        struct box most = block_fit_aspect((struct box){0, 0, fit_w, fit_h}, natural_w, natural_h);
        surface = halved_for(surface, most.w, most.h);
    }
    make_room(images, surface ? (size_t)surface->pitch * (size_t)surface->h : 0);
    if (!ARRAY_RESERVE(images->items, images->count, images->capacity)) {
        SDL_FreeSurface(surface);
        return NULL;
    }
    struct image *image = &images->items[images->count];
    *image = (struct image){.path = str_dup(path),
                            .surface = surface,
                            .natural_w = natural_w,
                            .natural_h = natural_h,
                            .fit_w = halve ? fit_w : 0,
                            .fit_h = halve ? fit_h : 0,
                            .svg = svg,
                            .used = ++images->clock};
    if (!image->path) {
        SDL_FreeSurface(surface);
        return NULL;
    }
    images->count++;
    return image;
}

bool images_size(struct images *images, const char *path, int fit_w, int fit_h, int *w, int *h)
{
    struct image *image = find(images, path, fit_w, fit_h);
    if (!image || !image->surface)
        return false;
    *w = image->natural_w;
    *h = image->natural_h;
    return true;
}

/* The part of image scaled to w x h, as images_sized() says; a new
 * surface, or NULL. */
static SDL_Surface *scaled(const struct image *image, int w, int h, struct box crop)
{
    SDL_Surface *source = image->surface, *rastered = NULL;
    SDL_Rect part = {0, 0, source->w, source->h};
    if (crop.w > 0) { /* in the natural picture's pixels: in those kept */
        double k = (double)source->w / image->natural_w, l = (double)source->h / image->natural_h;
        part =
            (SDL_Rect){(int)(crop.x * k), (int)(crop.y * l), (int)(crop.w * k), (int)(crop.h * l)};
    }
    if (image->svg) {
        /* drawn sharp at the size it is shown: the whole picture at the
         * scale that makes the part fill the box, within limits */
        double scale = (double)w / part.w;
        int whole_w = (int)(source->w * scale), whole_h = (int)(source->h * scale);
        char why[300];
        rastered = decode_file(image->path, whole_w < KEEP_SIDE ? whole_w : KEEP_SIDE,
                               whole_h < KEEP_SIDE ? whole_h : KEEP_SIDE, NULL, why, sizeof why);
        if (rastered) {
            double k = (double)rastered->w / source->w;
            part = (SDL_Rect){(int)(part.x * k), (int)(part.y * k), (int)(part.w * k),
                              (int)(part.h * k)};
            source = rastered;
        }
    }
    SDL_Surface *converted = source->format->format == SDL_PIXELFORMAT_ARGB8888
                                 ? NULL
                                 : SDL_ConvertSurfaceFormat(source, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_Surface *sized = smooth_scale(converted ? converted : source, part, w, h);
    SDL_FreeSurface(converted);
    SDL_FreeSurface(rastered);
    return sized;
}

SDL_Surface *images_sized(struct images *images, const char *path, int w, int h, struct box crop)
{
    struct image *image = find(images, path, -1, -1);
    if (!image || !image->surface || w <= 0 || h <= 0)
        return NULL;
    SDL_Surface *kept = image->sized;
    if (kept && kept->w == w && kept->h == h && memcmp(&image->sized_crop, &crop, sizeof crop) == 0)
        return kept;
    SDL_FreeSurface(kept);
    image->sized = scaled(image, w, h, crop);
    image->sized_crop = crop;
    return image->sized;
}

void images_draw(struct images *images, SDL_Renderer *renderer, const char *path, struct box box,
                 struct box crop)
{
    SDL_Surface *sized = images_sized(images, path, box.w, box.h, crop);
    SDL_Texture *texture = sized ? SDL_CreateTextureFromSurface(renderer, sized) : NULL;
    if (texture) {
        SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
        SDL_Rect dst = {box.x, box.y, box.w, box.h};
        SDL_RenderCopy(renderer, texture, NULL, &dst);
        SDL_DestroyTexture(texture);
    }
}
