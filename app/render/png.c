/* SPDX-License-Identifier: GPL-2.0-or-later */
/* PNG encoding: what the renderer's target holds, written to a file whole
 * or not at all (screenshots, --render). */
#include "png.h"

#include "../util/file_write.h"

#include <SDL_image.h>
#include <stdlib.h>
#include <string.h>

/* A growing memory buffer behind an SDL_RWops, for encoding a PNG in
 * memory before a checked write (SDL has no growable memory stream). */
struct memory_stream {
    char *bytes;
    size_t size, capacity;
    bool failed;
};

static size_t stream_write(SDL_RWops *rw, const void *data, size_t size, size_t count)
{
    struct memory_stream *m = rw->hidden.unknown.data1;
    size_t n = size * count;
    while (!m->failed && m->size + n > m->capacity) {
        size_t grown = m->capacity ? m->capacity * 2 : 1 << 20;
        char *bigger = realloc(m->bytes, grown);
        if (bigger) {
            m->bytes = bigger;
            m->capacity = grown;
        }
        m->failed = !bigger;
    }
    if (m->failed)
        return 0;
    memcpy(m->bytes + m->size, data, n);
    m->size += n;
    return count;
}

static Sint64 stream_size(SDL_RWops *rw)
{
    return (Sint64)((struct memory_stream *)rw->hidden.unknown.data1)->size;
}

static Sint64 stream_seek(SDL_RWops *rw, Sint64 offset, int whence)
{
    /* Only telling the position is supported: PNG is written in one pass. */
    return offset == 0 && whence != RW_SEEK_SET ? stream_size(rw) : -1;
}

static int stream_close(SDL_RWops *rw)
{
    SDL_FreeRW(rw);
    return 0;
}

bool png_save_target(SDL_Renderer *sdl, int w, int h, const char *path, char *why, size_t why_size)
{
    SDL_Surface *shot = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    struct memory_stream stream = {0};
    SDL_RWops *rw = SDL_AllocRW();
    bool ok =
        shot && rw &&
        SDL_RenderReadPixels(sdl, NULL, SDL_PIXELFORMAT_ARGB8888, shot->pixels, shot->pitch) == 0;
    if (ok) {
        rw->write = stream_write;
        rw->size = stream_size;
        rw->seek = stream_seek;
        rw->close = stream_close;
        rw->hidden.unknown.data1 = &stream;
        ok = IMG_SavePNG_RW(shot, rw, 1) == 0 && !stream.failed;
        rw = NULL; /* closed by IMG_SavePNG_RW */
    }
    if (!ok)
        snprintf(why, why_size, "%s", stream.failed ? "out of memory" : SDL_GetError());
    else
        ok = file_write_atomic(path, stream.bytes, stream.size, why, why_size);
    if (rw)
        SDL_FreeRW(rw);
    SDL_FreeSurface(shot);
    free(stream.bytes);
    return ok;
}
