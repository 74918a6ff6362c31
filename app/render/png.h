/* SPDX-License-Identifier: GPL-2.0-or-later */
/* PNG files of what is on screen: screenshots and --render's pictures. */
#ifndef HALLSCREEN_PNG_H
#define HALLSCREEN_PNG_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

/* Writes what the renderer's target holds (w x h) to a PNG file, whole or
 * not at all (see file_write_atomic()). Returns false with the reason in
 * why. */
bool png_save_target(SDL_Renderer *sdl, int w, int h, const char *path, char *why, size_t why_size);

#endif
