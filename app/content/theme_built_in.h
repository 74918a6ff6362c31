/* SPDX-License-Identifier: GPL-2.0-or-later */
/* assets/theme.yaml as the program was built with it: the one place the
 * default theme is written (the build makes theme_built_in.c from it). */
#ifndef HALLSCREEN_THEME_BUILT_IN_H
#define HALLSCREEN_THEME_BUILT_IN_H

extern const char theme_built_in[]; /* the file's text, NUL-terminated */

#endif
