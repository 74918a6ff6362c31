/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Line breaking at measured widths. */
#ifndef HALLSCREEN_WRAP_H
#define HALLSCREEN_WRAP_H

#include "scene.h"

#include <stdbool.h>
#include <stddef.h>

struct line_span {
    size_t start, length; /* bytes of the wrapped text */
};

struct line_list {
    struct line_span *lines;
    size_t count, capacity;
};

/* Breaks text into lines no wider than max_width when set in style at px:
 * at spaces, after a hyphen, and at '\n' (a blank line stays as an empty
 * line). A word wider than the line on its own is broken between two
 * characters. Spaces around breaks are dropped. Stops after max_lines lines
 * (0: no limit) and then sets *more when text was left over. Fills out (its
 * old lines are replaced); false when memory runs out. */
bool layout_wrap(const struct measurer *m, enum font_style style, int px, const char *text,
                 int max_width, size_t max_lines, struct line_list *out, bool *more);

/* As layout_wrap(), and sets *broke_word when a word had to be broken
 * inside (it was wider than the line on its own). */
bool layout_wrap_words(const struct measurer *m, enum font_style style, int px, const char *text,
                       int max_width, size_t max_lines, struct line_list *out, bool *more,
                       bool *broke_word);

/* Frees the lines; NULL is fine. */
void line_list_free(struct line_list *list);

#endif
