/* SPDX-License-Identifier: GPL-2.0-or-later */
/* PNG reading and writing through libpng's own interface: its simplified
 * one takes 16-bit channels for linear light and would brighten them, and
 * SDL_image, which would do the same as this, brings a dozen libraries
 * more (TIFF's and C++'s among them) into every start. */
#include "png.h"

#include "../limits.h"
#include "../util/file_write.h"

#include <errno.h>
#include <png.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { MESSAGE_SIZE = 160 }; /* of libpng's message, kept for the caller */

/* libpng's errors land here: the message kept, then back to the setjmp. */
static void on_error(png_structp png, png_const_charp message)
{
    char *why = png_get_error_ptr(png);
    snprintf(why, MESSAGE_SIZE, "%s", message);
    png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp message)
{
    (void)png;
    (void)message; /* a damaged but readable chunk: the picture is shown */
}

/* The transformations that give 8-bit B, G, R, A bytes (ARGB8888 in a
 * little-endian word; A, R, G, B on a big-endian one). */
static void ask_argb(png_structp png, png_infop info)
{
    int colour = png_get_color_type(png, info);
    png_set_strip_16(png);
    png_set_packing(png);
    if (colour == PNG_COLOR_TYPE_PALETTE)
        png_set_palette_to_rgb(png);
    if (colour == PNG_COLOR_TYPE_GRAY && png_get_bit_depth(png, info) < 8)
        png_set_expand_gray_1_2_4_to_8(png);
    if (png_get_valid(png, info, PNG_INFO_tRNS))
        png_set_tRNS_to_alpha(png);
    if (colour == PNG_COLOR_TYPE_GRAY || colour == PNG_COLOR_TYPE_GRAY_ALPHA)
        png_set_gray_to_rgb(png);
#if SDL_BYTEORDER == SDL_LIL_ENDIAN
    png_set_bgr(png);
    png_set_filler(png, 0xff, PNG_FILLER_AFTER); /* where there is no alpha */
#else
    png_set_filler(png, 0xff, PNG_FILLER_BEFORE);
    png_set_swap_alpha(png);
#endif
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
}

/* libpng's reads, from the descriptor its io pointer holds. */
static void read_fd(png_structp png, png_bytep data, size_t n)
{
    int fd = *(const int *)png_get_io_ptr(png);
    while (n > 0) {
        ssize_t got = read(fd, data, n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            png_error(png, got < 0 ? strerror(errno)
                                   : "the file ends before its picture does (a copy cut short?)");
        data += got;
        n -= (size_t)got;
    }
}

/* Reads the picture into a new surface; NULL when it cannot. Separate
 * from png_read_fd() so that what setjmp returns to is all in one frame. */
static SDL_Surface *read_picture(png_structp png, png_infop info, int *fd, char *why)
{
    SDL_Surface *volatile surface = NULL;
    png_bytep *volatile rows = NULL;
    if (setjmp(png_jmpbuf(png))) {
        free(rows);
        SDL_FreeSurface(surface);
        return NULL;
    }
    png_set_read_fn(png, fd, read_fd);
    png_set_user_limits(png, IMAGE_MAX_SIDE, IMAGE_MAX_SIDE);
#ifdef PNG_IGNORE_ADLER32
    /* each chunk's CRC already checks the compressed bytes: zlib's sum of
     * the inflated ones would check them twice */
    png_set_option(png, PNG_IGNORE_ADLER32, PNG_OPTION_ON);
#endif
    png_read_info(png, info);
    ask_argb(png, info);
    int w = (int)png_get_image_width(png, info), h = (int)png_get_image_height(png, info);
    if ((int64_t)w * h > IMAGE_MAX_PIXELS) { /* the file changed since its header was checked */
        snprintf(why, MESSAGE_SIZE, "%dx%d is larger than %d megapixels", w, h,
                 IMAGE_MAX_PIXELS >> 20);
        return NULL;
    }
    if (png_get_rowbytes(png, info) != (size_t)w * 4) {
        snprintf(why, MESSAGE_SIZE, "unexpected pixel layout");
        return NULL;
    }
    surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    rows = surface ? malloc((size_t)h * sizeof *rows) : NULL;
    if (!rows) {
        snprintf(why, MESSAGE_SIZE, "out of memory");
        SDL_FreeSurface(surface);
        return NULL;
    }
    for (int y = 0; y < h; y++)
        rows[y] = (png_bytep)surface->pixels + (size_t)y * (size_t)surface->pitch;
    png_read_image(png, rows);
    /* what follows the picture (a last chunk damaged or missing, as some
     * programs write) is not read: the picture is whole */
    free(rows);
    return surface;
}

SDL_Surface *png_read_fd(int fd, char *why, size_t why_size)
{
    char message[MESSAGE_SIZE] = "";
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, message, on_error, on_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    SDL_Surface *surface = info ? read_picture(png, info, &fd, message) : NULL;
    png_destroy_read_struct(png ? &png : NULL, info ? &info : NULL, NULL);
    close(fd);
    if (!surface)
        snprintf(why, why_size, "%s", message[0] ? message : "out of memory");
    return surface;
}

/* A growing memory buffer that libpng writes the file into, before one
 * checked write of it. */
struct memory_stream {
    unsigned char *bytes;
    size_t size, capacity;
};

static void stream_write(png_structp png, png_bytep data, size_t n)
{
    struct memory_stream *m = png_get_io_ptr(png);
    if (m->size + n > m->capacity) {
        size_t grown = m->capacity ? m->capacity : 1 << 20;
        while (grown < m->size + n)
            grown *= 2;
        unsigned char *bigger = realloc(m->bytes, grown);
        if (!bigger)
            png_error(png, "out of memory");
        m->bytes = bigger;
        m->capacity = grown;
    }
    memcpy(m->bytes + m->size, data, n);
    m->size += n;
}

static void stream_flush(png_structp png)
{
    (void)png;
}

/* Encodes the ARGB8888 surface as RGB into stream; false with why set. */
static bool encode(png_structp png, png_infop info, SDL_Surface *shot, struct memory_stream *stream)
{
    if (setjmp(png_jmpbuf(png)))
        return false;
    png_set_write_fn(png, stream, stream_write, stream_flush);
    png_set_IHDR(png, info, (png_uint_32)shot->w, (png_uint_32)shot->h, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
#if SDL_BYTEORDER == SDL_LIL_ENDIAN
    png_set_bgr(png);
    png_set_filler(png, 0, PNG_FILLER_AFTER); /* the unused fourth byte dropped */
#else
    png_set_filler(png, 0, PNG_FILLER_BEFORE);
#endif
    for (int y = 0; y < shot->h; y++)
        png_write_row(png, (png_bytep)shot->pixels + (size_t)y * (size_t)shot->pitch);
    png_write_end(png, info);
    return true;
}

bool png_save_target(SDL_Renderer *sdl, int w, int h, const char *path, char *why, size_t why_size)
{
    char message[MESSAGE_SIZE] = "out of memory";
    SDL_Surface *shot = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    bool read = shot && SDL_RenderReadPixels(sdl, NULL, SDL_PIXELFORMAT_ARGB8888, shot->pixels,
                                             shot->pitch) == 0;
    if (shot && !read)
        snprintf(message, sizeof message, "%s", SDL_GetError());
    png_structp png =
        read ? png_create_write_struct(PNG_LIBPNG_VER_STRING, message, on_error, on_warning) : NULL;
    png_infop info = png ? png_create_info_struct(png) : NULL;
    struct memory_stream stream = {0};
    bool ok = info && encode(png, info, shot, &stream);
    png_destroy_write_struct(png ? &png : NULL, info ? &info : NULL);
    if (ok)
        ok = file_write_atomic(path, stream.bytes, stream.size, why, why_size);
    else
        snprintf(why, why_size, "%s", message);
    SDL_FreeSurface(shot);
    free(stream.bytes);
    return ok;
}
