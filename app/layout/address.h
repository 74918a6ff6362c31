/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Breaking a web address (a QR code's caption) into lines: after '/', '.'
 * or '-', or at a space, never inside a word. */
#ifndef HALLSCREEN_ADDRESS_H
#define HALLSCREEN_ADDRESS_H

#include "scene.h"

#include <stddef.h>

/* text set in style at px, broken into lines no wider than width at
 * spaces (dropped) and after '/', '.' and '-' (kept at the line's end):
 * a malloc'd copy with '\n' between its lines, *lines set to their count.
 * NULL when a part between two such places is wider than width on its own,
 * or when it would take more than max_lines lines, or memory runs out. */
char *address_break(const struct measurer *m, enum font_style style, int px, const char *text,
                    int width, size_t max_lines, size_t *lines);

/* The width of the widest part of text set in style at px: the narrowest
 * column address_break() can break it into. */
int address_widest_part(const struct measurer *m, enum font_style style, int px, const char *text);

#endif
