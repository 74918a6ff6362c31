/* Logo images: checked from their header, decoded once, kept within a
 * memory budget (least recently used go first). */
#include "images.h"
#include "../util/array.h"

#include "../content/image_header.h"
#include "../util/log.h"
#include "../util/str.h"

#include <SDL_image.h>
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
    bool svg;
    uint64_t used;
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
    return image->surface ? (size_t)image->surface->pitch * (size_t)image->surface->h : 0;
}

static void forget(struct images *images, size_t i)
{
    free(images->items[i].path);
    SDL_FreeSurface(images->items[i].surface);
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
 * decides); svg, when not NULL, says whether it was one. */
static SDL_Surface *decode_file(const char *path, int fit_w, int fit_h, bool *svg)
{
    struct image_header header;
    char why[160];
    int fd = image_open(path, &header, why, sizeof why);
    FILE *file = fd >= 0 ? fdopen(fd, "rb") : NULL;
    SDL_RWops *rw = file ? SDL_RWFromFP(file, SDL_TRUE) : NULL;
    if (!rw) {
        LOG(LOG_WARN, "images", "%s %s; the partner's name is shown instead", path,
            fd < 0 ? why : "cannot be opened");
        if (file)
            fclose(file);
        else if (fd >= 0)
            close(fd);
        return NULL;
    }
    if (svg)
        *svg = header.type == IMAGE_SVG;
    SDL_Surface *loaded = header.type == IMAGE_SVG ? IMG_LoadSizedSVG_RW(rw, fit_w, fit_h)
                                                   : IMG_Load_RW(rw, 0);
    SDL_RWclose(rw);
    return loaded;
}

/* Decodes the file for the cache; large pictures are scaled down to what a
 * logo card can show. */
static SDL_Surface *decode(const char *path, bool *svg)
{
    SDL_Surface *loaded = decode_file(path, SVG_PROBE_SIDE, SVG_PROBE_SIDE, svg);
    if (!loaded) {
        LOG(LOG_WARN, "images", "%s cannot be decoded (%s); the partner's name is shown instead",
            path, IMG_GetError());
        return NULL;
    }
    SDL_Surface *image = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(loaded);
    int longest = image && image->w > image->h ? image->w : image ? image->h : 0;
    if (longest > KEEP_SIDE) {
        int w = (int)((int64_t)image->w * KEEP_SIDE / longest);
        int h = (int)((int64_t)image->h * KEEP_SIDE / longest);
        SDL_Surface *smaller = SDL_CreateRGBSurfaceWithFormat(0, w > 0 ? w : 1, h > 0 ? h : 1, 32,
                                                              SDL_PIXELFORMAT_ARGB8888);
        if (smaller) {
            SDL_SetSurfaceBlendMode(image, SDL_BLENDMODE_NONE);
            SDL_BlitScaled(image, NULL, smaller, NULL);
            SDL_FreeSurface(image);
            image = smaller;
        }
    }
    return image;
}

static struct image *find(struct images *images, const char *path)
{
    for (size_t i = 0; i < images->count; i++) {
        if (strcmp(images->items[i].path, path) == 0) {
            images->items[i].used = ++images->clock;
            return &images->items[i];
        }
    }
    bool svg = false;
    SDL_Surface *surface = decode(path, &svg);
    make_room(images, surface ? (size_t)surface->pitch * (size_t)surface->h : 0);
    if (!ARRAY_RESERVE(images->items, images->count, images->capacity)) {
        SDL_FreeSurface(surface);
        return NULL;
    }
    struct image *image = &images->items[images->count];
    *image = (struct image){
        .path = str_dup(path), .surface = surface, .svg = svg, .used = ++images->clock};
    if (!image->path) {
        SDL_FreeSurface(surface);
        return NULL;
    }
    images->count++;
    return image;
}

bool images_size(struct images *images, const char *path, int *w, int *h)
{
    struct image *image = find(images, path);
    if (!image || !image->surface)
        return false;
    *w = image->surface->w;
    *h = image->surface->h;
    return true;
}

void images_draw(struct images *images, SDL_Renderer *renderer, const char *path, struct box box)
{
    struct image *image = find(images, path);
    if (!image || !image->surface || box.w <= 0 || box.h <= 0)
        return;
    SDL_Surface *sized = NULL;
    if (image->svg) { /* drawn sharp at the size it is shown, within the box */
        sized = decode_file(path, box.w < KEEP_SIDE ? box.w : KEEP_SIDE,
                            box.h < KEEP_SIDE ? box.h : KEEP_SIDE, NULL);
    }
    SDL_Texture *texture = SDL_CreateTextureFromSurface(renderer, sized ? sized : image->surface);
    if (texture) {
        SDL_SetTextureScaleMode(texture, SDL_ScaleModeLinear);
        SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
        SDL_Rect dst = {box.x, box.y, box.w, box.h};
        SDL_RenderCopy(renderer, texture, NULL, &dst);
        SDL_DestroyTexture(texture);
    }
    SDL_FreeSurface(sized);
}
