/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Reading an image file's type and size from its first bytes, before any
 * decoding, so that a small file declaring an enormous picture (a
 * decompression bomb) is refused before it can take the memory. */
#ifndef HALLSCREEN_IMAGE_HEADER_H
#define HALLSCREEN_IMAGE_HEADER_H

#include "../limits.h"

#include <stdbool.h>
#include <stddef.h>

#define IMAGE_HEADER_BYTES 65536 /* how much of the file the checks read */

enum image_type { IMAGE_UNKNOWN, IMAGE_PNG, IMAGE_JPEG, IMAGE_WEBP, IMAGE_SVG };

struct image_header {
    enum image_type type;
    int w, h; /* 0 when the file does not say (an SVG may not) */
};

/* Reads the type and size from the first n bytes of a file. Returns false
 * with the reason in err when it is not a PNG, JPEG, WebP or SVG, is empty or cut
 * short, or declares a picture beyond IMAGE_MAX_SIDE or IMAGE_MAX_PIXELS,
 * or a shape longer than IMAGE_MAX_ASPECT. */
bool image_header_parse(const unsigned char *bytes, size_t n, struct image_header *out, char *err,
                        size_t err_size);

/* The same for the file at path. */
bool image_header_read(const char *path, struct image_header *out, char *err, size_t err_size);

/* Opens the file at path for decoding, without blocking (a FIFO or device
 * never hangs the show), when it is a regular file whose header passes
 * image_header_parse(). Returns the descriptor, at the file's start, or -1
 * with the reason in err. */
int image_open(const char *path, struct image_header *out, char *err, size_t err_size);

#endif
