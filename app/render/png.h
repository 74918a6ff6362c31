/* SPDX-License-Identifier: GPL-2.0-or-later */
/* PNG files, with libpng (which the fonts' library loads anyway): logos
 * and pictures read, screenshots and --render's pictures written. */
#ifndef HALLSCREEN_PNG_H
#define HALLSCREEN_PNG_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

/* The PNG file open as fd (which it closes), from where it stands, as an
 * ARGB8888 surface: any colour type and depth, 16-bit channels cut to 8
 * as SDL_image does, transparency as alpha. NULL with the reason in why
 * when it cannot be read, is damaged or larger than IMAGE_MAX_SIDE. */
SDL_Surface *png_read_fd(int fd, char *why, size_t why_size);

/* Writes what the renderer's target holds (w x h) to a PNG file, whole or
 * not at all (see file_write_atomic()). Returns false with the reason in
 * why. */
bool png_save_target(SDL_Renderer *sdl, int w, int h, const char *path, char *why, size_t why_size);

#endif
