/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Bidirectional text (the Unicode bidi algorithm, through fribidi): which
 * way a paragraph reads, and the order in which the pieces of a line are
 * set on screen, so that Arabic reads right to left with Latin names and
 * numbers inside it reading left to right, and the other way round. */
#ifndef HALLSCREEN_BIDI_H
#define HALLSCREEN_BIDI_H

#include <stdbool.h>
#include <stddef.h>

/* One piece of a line that reads in one direction, in bytes of the line. */
struct bidi_run {
    size_t start, length;
    bool rtl;
};

/* True when the n bytes of UTF-8 at text read right to left: their first
 * strong letter is right-to-left (Arabic, Hebrew). Text with no strong
 * letter reads left to right. */
bool bidi_is_rtl(const char *text, size_t n);

/* Splits one line (n bytes of UTF-8, no line breaks) of a paragraph that
 * reads right to left when rtl is set into runs of one direction, written to
 * runs in the order they stand on screen from left to right. Returns how
 * many (at most max; 0 on failure). */
size_t bidi_visual_runs(const char *text, size_t n, bool rtl, struct bidi_run *runs, size_t max);

#endif
