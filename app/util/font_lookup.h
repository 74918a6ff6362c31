/* Whether a font family named in a theme is installed, through fontconfig,
 * so that a misspelt or missing font is reported rather than silently
 * replaced by whatever fontconfig finds closest. */
#ifndef HALLSCREEN_FONT_LOOKUP_H
#define HALLSCREEN_FONT_LOOKUP_H

#include <stdbool.h>

/* True when some installed font matches pattern, a fontconfig pattern such
 * as "Noto Sans" or "Noto Sans:bold" (the family and, when given, the
 * style). */
bool font_lookup_installed(const char *pattern);

/* True when FreeType can read a font from the file at path (which the
 * caller has checked is a regular file). */
bool font_lookup_usable(const char *path);

#endif
