/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The theme's fonts, found through fontconfig and set with SDL_ttf. */
#ifndef HALLSCREEN_FONTS_H
#define HALLSCREEN_FONTS_H

#include "../model/programme.h"
#include "../layout/scene.h"

#include <SDL.h>
#include <stddef.h>

struct fonts;

/* Opens the regular and bold fonts the theme names (a fontconfig pattern
 * such as "Noto Sans:bold", or a font file's path). Returns NULL with the
 * reason in err when no usable font is found. TTF_Init() must have run. */
struct fonts *fonts_open(const struct theme *theme, char *err, size_t err_size);

/* Closes the fonts; NULL is fine. */
void fonts_close(struct fonts *fonts);

/* Width in pixels of n bytes of UTF-8 set in style at px, fallback fonts
 * and shaping included. */
int fonts_text_width(struct fonts *fonts, enum font_style style, int px, const char *text,
                     size_t n);

/* Ascent and descent in pixels of style at px. */
void fonts_metrics(struct fonts *fonts, enum font_style style, int px, int *ascent, int *descent);

/* The first character of text that neither style's font nor any fallback
 * font found through fontconfig can draw, or 0 when all are drawn. */
uint32_t fonts_first_missing(struct fonts *fonts, enum font_style style, const char *text);

/* One line of text drawn anti-aliased: letters a font lacks come from a
 * fallback font, right-to-left pieces are shaped and set right to left,
 * ordered as a line of a paragraph that reads right to left when rtl is
 * set. A coverage mask (coverage.h) to be drawn in colour, or, where a
 * font has letters in colour (emoji), the line in colour (ARGB8888). NULL
 * on failure or for empty text. *ascent is how far the surface's top is
 * above the baseline. Caller frees. */
SDL_Surface *fonts_draw_line(struct fonts *fonts, enum font_style style, int px, const char *text,
                             bool rtl, struct rgba colour, int *ascent);

#endif
