/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Fonts through fontconfig, the one module that asks it: whether a family
 * named in a theme is installed (so that a misspelt or missing font is
 * reported rather than silently replaced by whatever fontconfig finds
 * closest), and which file a pattern or a missing letter leads to. */
#ifndef HALLSCREEN_FONT_LOOKUP_H
#define HALLSCREEN_FONT_LOOKUP_H

#include <stdbool.h>
#include <stdint.h>

/* True when some installed font matches pattern, a fontconfig pattern such
 * as "Noto Sans" or "Noto Sans:bold" (the family and, when given, the
 * style). */
bool font_lookup_installed(const char *pattern);

/* True when FreeType can read a font from the file at path (which the
 * caller has checked is a regular file). */
bool font_lookup_usable(const char *path);

/* The file of the installed font closest to a fontconfig pattern, or the
 * pattern itself when it is a path (has a '/'). malloc'd; NULL when none. */
char *font_lookup_file(const char *pattern);

/* The file of a sans-serif font, bold or regular, that has the code point
 * cp. malloc'd; NULL when no installed font has it. */
char *font_lookup_fallback(uint32_t cp, bool bold);

#endif
