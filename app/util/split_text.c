/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Cutting prose for pages. Hand-written: libunibreak finds where a line
 * may break, but not which breaks end a sentence or a paragraph, which is
 * what a page wants; the rules here are few and language-neutral. */
#include "split_text.h"

#include "array.h"
#include "str.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static const char ellipsis[] = "\u2026";

static bool is_space(char c)
{
    return c == ' ' || c == '\n';
}

/* The kind of cut before the character at offset at (0: none). */
static int cut_before(const char *text, size_t at)
{
    if (at == 0 || !text[at] || is_space(text[at]))
        return 0;
    if (!is_space(text[at - 1]))
        return CUT_ANYWHERE;
    size_t end = at; /* after the last character before the spaces */
    bool paragraph = false;
    while (end > 0 && is_space(text[end - 1]))
        paragraph |= text[--end] == '\n';
    if (paragraph)
        return CUT_PARAGRAPH;
    static const char *const enders[] = {".",      "!", "?", "\u061f" /* Arabic ? */,
                                         "\u3002", ":", ";"};
    for (size_t i = 0; i < sizeof enders / sizeof *enders; i++) {
        size_t n = strlen(enders[i]);
        if (end >= n && memcmp(text + end - n, enders[i], n) == 0)
            return CUT_SENTENCE;
    }
    return CUT_WORD;
}

size_t text_cuts(const char *text, enum cut_kind least, size_t **offsets)
{
    size_t *list = NULL, count = 0, capacity = 0, length = strlen(text);
    for (size_t at = length ? utf8_char_len(text) : 0; at <= length;
         at += at < length ? utf8_char_len(text + at) : 1) {
        if (at < length && cut_before(text, at) < (int)least)
            continue;
        if (!ARRAY_RESERVE(list, count, capacity)) {
            free(list);
            return 0;
        }
        list[count++] = at;
    }
    *offsets = list;
    return count;
}

char *text_piece(const char *text, size_t from, size_t to)
{
    bool begins_inside = from > 0 && cut_before(text, from) < CUT_SENTENCE;
    bool ends_inside = text[to] && cut_before(text, to) < CUT_SENTENCE;
    while (from < to && is_space(text[from]))
        from++;
    while (to > from && is_space(text[to - 1]))
        to--;
    return str_printf("%s%.*s%s", begins_inside ? ellipsis : "", (int)(to - from), text + from,
                      ends_inside ? ellipsis : "");
}
