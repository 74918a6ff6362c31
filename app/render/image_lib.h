/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SDL_image, loaded when a picture other than a PNG (JPEG, WebP, SVG) is
 * first decoded, not at start: with TIFF's libraries and C++'s it would
 * map a dozen libraries and a megabyte into every start, and a show of
 * PNG logos never needs it. The library the program was built against,
 * called through pointers of its header's own types. */
#ifndef HALLSCREEN_IMAGE_LIB_H
#define HALLSCREEN_IMAGE_LIB_H

#include <SDL_image.h>
#include <stddef.h>

/* SDL_image's functions that images.c calls. */
struct image_lib {
    __typeof__(IMG_Load_RW) *load;
    __typeof__(IMG_LoadSizedSVG_RW) *load_sized_svg;
};

/* SDL_image, loaded on the first call (thread-safe); NULL when it cannot
 * be, with what to install in why. */
const struct image_lib *image_lib_get(char *why, size_t why_size);

#endif
