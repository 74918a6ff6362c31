/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Where long prose may be cut between pages, and the pieces it makes. */
#ifndef HALLSCREEN_SPLIT_TEXT_H
#define HALLSCREEN_SPLIT_TEXT_H

#include <stddef.h>

/* How good a place to cut is, worst first. */
enum cut_kind { CUT_ANYWHERE = 1, CUT_WORD, CUT_SENTENCE, CUT_PARAGRAPH };

/* The byte offsets in text where a piece may end and the next begin (after
 * the spaces there), at cuts of kind at least least, in order, the end of
 * text last. Sets *offsets (malloc'd) and returns their count; 0 when
 * memory runs out. */
size_t text_cuts(const char *text, enum cut_kind least, size_t **offsets);

/* The piece of text from offset from to offset to, as a page shows it:
 * spaces trimmed, an ellipsis before it when it begins inside a sentence
 * and after it when it ends inside one. malloc'd; NULL when memory runs
 * out. */
char *text_piece(const char *text, size_t from, size_t to);

#endif
