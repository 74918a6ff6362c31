/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Greedy line breaking over measured widths, at the places the Unicode
 * line breaking algorithm allows. */
#include "wrap.h"

#include "../util/array.h"
#include "../util/str.h"

#include <linebreak.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_LINE_BYTES = 1024 };

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

static bool push_line(struct line_list *out, size_t start, size_t end)
{
    if (!ARRAY_RESERVE(out->lines, out->count, out->capacity))
        return false;
    out->lines[out->count++] = (struct line_span){start, end - start};
    return true;
}

/* How many bytes of the word at text (at most n) fit in max_width; at least
 * one character, so that wrapping always advances. */
static size_t fitting_prefix(const struct measurer *m, enum font_style style, int px,
                             const char *text, size_t n, int max_width)
{
    /* Galloping, then binary search over the byte count, each guess moved
     * back to the start of its character: O(log k) measurements of at most
     * 2k bytes, for the k bytes that fit. */
    size_t fit = utf8_char_len(text), lo = fit, hi = n < MAX_LINE_BYTES ? n : MAX_LINE_BYTES;
    for (size_t step = 2 * lo; step < hi; step *= 2) {
        size_t at = step;
        while (at > lo && ((unsigned char)text[at] & 0xc0) == 0x80)
            at--;
        if (m->text_width(m->ctx, style, px, text, at) > max_width) {
            hi = at - 1;
            break;
        }
        lo = at;
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo + 1) / 2;
        while (mid > lo && ((unsigned char)text[mid] & 0xc0) == 0x80)
            mid--;
        if (mid == lo)
            mid = lo + utf8_char_len(text + lo);
        if (mid > hi)
            break;
        if (m->text_width(m->ctx, style, px, text, mid) <= max_width)
            lo = mid;
        else
            hi = mid - 1;
    }
    fit = lo > fit ? lo : fit;
    return fit < n ? fit : n;
}

/* Marks in brks where the line at text (n bytes, at most MAX_LINE_BYTES)
 * may break, by the Unicode line breaking algorithm (UAX #14, libunibreak):
 * brks[i] tells whether a line may end after byte i. libunibreak 1.x takes
 * U+FFFF for the end of the text and aborts on what follows it, so it reads
 * a copy with each U+FFFF (a noncharacter: nothing to show) as U+FFFD, the
 * same three bytes long. */
static void find_breaks(const char *text, size_t n, char *brks)
{
    static bool ready;
    if (!ready) { /* the library's tables, once: the program lays out on one thread */
        init_linebreak();
        ready = true;
    }
    char safe[MAX_LINE_BYTES];
    memcpy(safe, text, n);
    for (size_t i = 0; i + 2 < n; i++)
        if (memcmp(safe + i, "\xEF\xBF\xBF", 3) == 0)
            safe[i + 2] = '\xBD';
    set_linebreaks_utf8((const utf8_t *)safe, n, NULL, brks);
}

bool layout_wrap(const struct measurer *m, enum font_style style, int px, const char *text,
                 int max_width, size_t max_lines, struct line_list *out, bool *more)
{
    bool broke;
    return layout_wrap_words(m, style, px, text, max_width, max_lines, out, more, &broke);
}

bool layout_wrap_words(const struct measurer *m, enum font_style style, int px, const char *text,
                       int max_width, size_t max_lines, struct line_list *out, bool *more,
                       bool *broke_word)
{
    out->count = 0;
    *more = false;
    *broke_word = false;
    size_t len = strlen(text), pos = 0;
    char brks[MAX_LINE_BYTES];
    while (pos < len) {
        if (max_lines && out->count == max_lines) {
            *more = true;
            return true;
        }
        const char *newline = memchr(text + pos, '\n', len - pos);
        size_t para_end = newline ? (size_t)(newline - text) : len;
        while (pos < para_end && is_space(text[pos]))
            pos++;
        /* No screen holds a line longer than MAX_LINE_BYTES: breaks are
         * looked for that far only, and a longer word is cut to fit. */
        size_t line_start = pos, fit_end = pos;
        size_t window = para_end - pos < sizeof brks ? para_end - pos : sizeof brks;
        if (window)
            find_breaks(text + pos, window, brks);
        bool whole = line_start + window == para_end; /* its last break is real */
        for (size_t k = 0; k < window; k++) {
            bool last = k + 1 == window;
            if (brks[k] != LINEBREAK_ALLOWBREAK && !(last && whole))
                continue;
            size_t end = line_start + k + 1, trimmed = end;
            while (trimmed > line_start && is_space(text[trimmed - 1]))
                trimmed--;
            if (m->text_width(m->ctx, style, px, text + line_start, trimmed - line_start) <=
                max_width) {
                fit_end = end;
                continue;
            }
            break;
        }
        if (fit_end == line_start && window) { /* a lone word wider than the line */
            size_t word = line_start;
            while (word < line_start + window &&
                   (word == line_start || brks[word - line_start - 1] != LINEBREAK_ALLOWBREAK))
                word++;
            while (word > line_start && is_space(text[word - 1]))
                word--;
            fit_end =
                line_start + fitting_prefix(m, style, px, text + line_start,
                                            word > line_start ? word - line_start : 1, max_width);
            *broke_word |= fit_end < word;
        }
        size_t line_end = fit_end;
        while (line_end > line_start && is_space(text[line_end - 1]))
            line_end--;
        if (!push_line(out, line_start, line_end))
            return false;
        pos = fit_end;
        while (pos < para_end && is_space(text[pos]))
            pos++;
        if (pos == para_end && newline)
            pos++; /* past the hard break; a blank line yields an empty line */
    }
    return true;
}

void line_list_free(struct line_list *list)
{
    if (!list)
        return;
    free(list->lines);
    list->lines = NULL;
    list->count = list->capacity = 0;
}
