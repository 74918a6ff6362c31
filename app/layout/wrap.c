/* Greedy line breaking over measured widths. */
#include "wrap.h"
#include "../util/array.h"

#include "../util/str.h"

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

/* True for the ideographs and kana of Chinese and Japanese, which are
 * written without spaces and may break between any two. */
static bool is_cjk(const char *s)
{
    size_t len;
    uint32_t cp = utf8_decode(s, 4, &len);
    return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x9fff) ||
           (cp >= 0xf900 && cp <= 0xfaff);
}

/* The end of the word that starts at i: the next space, the byte after a
 * hyphen that follows a letter, either side of an ideograph, or the end of
 * the paragraph. A word is not followed past the character at limit: no
 * line holds more, and following a huge word from each line would take
 * time in the square of its length. */
static size_t word_end(const char *text, size_t i, size_t para_end, size_t limit)
{
    while (i < para_end && is_space(text[i]))
        i++;
    size_t start = i;
    while (i < para_end && i < limit && !is_space(text[i])) {
        if (text[i] == '-' && i > start && i + 1 < para_end && !is_space(text[i + 1]))
            return i + 1;
        if (is_cjk(text + i))
            return i > start ? i : i + utf8_char_len(text + i);
        i += utf8_char_len(text + i);
    }
    return i < para_end ? i : para_end;
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

bool layout_wrap(const struct measurer *m, enum font_style style, int px, const char *text,
                 int max_width, size_t max_lines, struct line_list *out, bool *more)
{
    out->count = 0;
    *more = false;
    size_t len = strlen(text), pos = 0;
    while (pos < len) {
        if (max_lines && out->count == max_lines) {
            *more = true;
            return true;
        }
        const char *newline = memchr(text + pos, '\n', len - pos);
        size_t para_end = newline ? (size_t)(newline - text) : len;
        while (pos < para_end && is_space(text[pos]))
            pos++;
        size_t line_start = pos, fit_end = pos, limit = pos + MAX_LINE_BYTES + 1;
        for (size_t end = word_end(text, pos, para_end, limit); fit_end < para_end;
             end = word_end(text, end, para_end, limit)) {
            size_t trimmed = end;
            while (trimmed > line_start && is_space(text[trimmed - 1]))
                trimmed--;
            /* No screen holds a line this long: do not make the font measure it. */
            bool too_long = trimmed - line_start > MAX_LINE_BYTES;
            /* cppcheck-suppress knownConditionTrueFalse ; a word ends up to one byte past it */
            if (!too_long && m->text_width(m->ctx, style, px, text + line_start,
                                           trimmed - line_start) <= max_width) {
                fit_end = end;
                continue;
            }
            if (fit_end == line_start) /* a lone word wider than the line */
                fit_end = line_start + fitting_prefix(m, style, px, text + line_start,
                                                      trimmed - line_start, max_width);
            break;
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
