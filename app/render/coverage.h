/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Lines of text as coverage masks: a byte a pixel saying how much of it
 * the letters cover (0 to 255), drawn in the line's colour where it is
 * put. A quarter of the memory of the line in colour, and no colour to
 * fill around the letters. */
#ifndef HALLSCREEN_COVERAGE_H
#define HALLSCREEN_COVERAGE_H

#include "../model/programme.h"

#include <SDL.h>
#include <stdbool.h>

/* True when line is a mask (SDL_PIXELFORMAT_INDEX8; its palette unused),
 * false when it is in colour (ARGB8888). */
bool coverage_is_mask(const SDL_Surface *line);

/* Draws mask onto dst (RGB888) with its top left at x, y, clipped to dst,
 * in colour: each pixel as SDL blends the same line in colour (ARGB, the
 * cover times the colour's alpha) onto it. */
void coverage_blend(SDL_Surface *dst, const SDL_Surface *mask, int x, int y, struct rgba colour);

/* The mask in colour, as ARGB8888 pixels (the alpha the cover times the
 * colour's) into mask->w x mask->h of pixels, pitch bytes a row. */
void coverage_expand(const SDL_Surface *mask, struct rgba colour, void *pixels, int pitch);

/* A new ARGB8888 surface of line (a mask in colour, or a copy of a line
 * in colour), for a texture; NULL when out of memory. */
SDL_Surface *coverage_in_colour(SDL_Surface *line, struct rgba colour);

#endif
