/* Logo images. */
#include "images.h"

#include "../util/log.h"
#include "../util/str.h"

#include <SDL_image.h>
#include <stdlib.h>
#include <string.h>

struct image {
    char *path;
    SDL_Surface *surface; /* NULL: the file could not be decoded */
    bool svg;
};

struct images {
    struct image *items;
    size_t count, capacity;
};

struct images *images_create(void)
{
    return calloc(1, sizeof(struct images));
}

void images_clear(struct images *images)
{
    for (size_t i = 0; i < images->count; i++) {
        free(images->items[i].path);
        SDL_FreeSurface(images->items[i].surface);
    }
    images->count = 0;
}

void images_destroy(struct images *images)
{
    if (!images)
        return;
    images_clear(images);
    free(images->items);
    free(images);
}

static bool is_svg(const char *path)
{
    return str_ends_with(path, ".svg") || str_ends_with(path, ".SVG");
}

static struct image *find(struct images *images, const char *path)
{
    for (size_t i = 0; i < images->count; i++)
        if (strcmp(images->items[i].path, path) == 0)
            return &images->items[i];
    if (images->count == images->capacity) {
        size_t capacity = images->capacity ? images->capacity * 2 : 16;
        struct image *items = realloc(images->items, capacity * sizeof *items);
        if (!items)
            return NULL;
        images->items = items;
        images->capacity = capacity;
    }
    struct image *image = &images->items[images->count];
    *image = (struct image){.path = str_dup(path), .svg = is_svg(path)};
    if (!image->path)
        return NULL;
    images->count++;
    SDL_Surface *loaded = IMG_Load(path);
    if (!loaded) {
        LOG(LOG_WARN, "images", "%s: cannot be decoded (%s); the partner's name is shown instead",
            path, IMG_GetError());
        return image;
    }
    image->surface = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(loaded);
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
    if (image->svg) {
        SDL_RWops *rw = SDL_RWFromFile(path, "rb");
        sized = rw ? IMG_LoadSizedSVG_RW(rw, box.w, box.h) : NULL;
        if (rw)
            SDL_RWclose(rw);
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
