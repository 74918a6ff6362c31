/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The bidi algorithm through fribidi, keeping byte offsets into UTF-8. */
#include "bidi.h"

#include "../util/str.h"

#include <fribidi.h>
#include <stdlib.h>

/* Decodes text into code points, each with the byte offset it starts at
 * (and offsets[count] = n). Returns the count; 0 for empty text or when
 * memory runs out, with nothing to free. */
static size_t decode(const char *text, size_t n, FriBidiChar **chars, size_t **offsets)
{
    if (n == 0)
        return 0;
    *chars = malloc((n + 1) * sizeof **chars);
    *offsets = malloc((n + 1) * sizeof **offsets);
    if (!*chars || !*offsets) {
        free(*chars);
        free(*offsets);
        return 0;
    }
    size_t count = 0;
    for (size_t i = 0; i < n;) {
        size_t len;
        (*chars)[count] = utf8_decode(text + i, n - i, &len);
        (*offsets)[count++] = i;
        i += len;
    }
    (*offsets)[count] = n;
    return count;
}

bool bidi_is_rtl(const char *text, size_t n)
{
    /* Rule P2: the first strong letter outside isolates decides. Read one
     * character at a time, so a long paragraph costs only its start. */
    int isolates = 0;
    for (size_t i = 0, len; i < n; i += len) {
        FriBidiCharType type = fribidi_get_bidi_type(utf8_decode(text + i, n - i, &len));
        if (type == FRIBIDI_TYPE_LRI || type == FRIBIDI_TYPE_RLI || type == FRIBIDI_TYPE_FSI)
            isolates++;
        else if (type == FRIBIDI_TYPE_PDI && isolates > 0)
            isolates--;
        else if (isolates == 0 && FRIBIDI_IS_LETTER(type) && FRIBIDI_IS_STRONG(type))
            return FRIBIDI_IS_RTL(type);
        if (len == 0)
            break;
    }
    return false; /* text with no strong letter reads left to right */
}

size_t bidi_visual_runs(const char *text, size_t n, bool rtl, struct bidi_run *runs, size_t max)
{
    if (n == 0 || max == 0)
        return 0;
    FriBidiChar *chars;
    size_t *offsets;
    size_t count = decode(text, n, &chars, &offsets);
    if (!count)
        return 0;
    FriBidiCharType *types = malloc(count * sizeof *types);
    FriBidiBracketType *brackets = malloc(count * sizeof *brackets);
    FriBidiLevel *levels = malloc(count * sizeof *levels);
    size_t made = 0;
    FriBidiParType base = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    if (types && brackets && levels) {
        fribidi_get_bidi_types(chars, (FriBidiStrIndex)count, types);
        fribidi_get_bracket_types(chars, (FriBidiStrIndex)count, types, brackets);
        FriBidiLevel top = fribidi_get_par_embedding_levels_ex(
            types, brackets, (FriBidiStrIndex)count, &base, levels);
        /* fribidi reorders the line (rules L1 and L2): map[v] is the
         * character standing at visual position v. Marks stay in logical
         * order, as HarfBuzz shapes each run itself. */
        FriBidiStrIndex *map = malloc(count * sizeof *map);
        for (size_t i = 0; map && i < count; i++)
            map[i] = (FriBidiStrIndex)i;
        if (top && map &&
            fribidi_reorder_line(0, types, (FriBidiStrIndex)count, 0, base, levels, NULL, map)) {
            /* a run: visual neighbours of one level that are logical neighbours too */
            for (size_t v = 0; v < count && made < max;) {
                FriBidiLevel level = levels[map[v]];
                int step = FRIBIDI_LEVEL_IS_RTL(level) ? -1 : 1;
                size_t w = v + 1;
                while (w < count && levels[map[w]] == level && map[w] == map[w - 1] + step)
                    w++;
                size_t first = (size_t)(step > 0 ? map[v] : map[w - 1]);
                size_t last = (size_t)(step > 0 ? map[w - 1] : map[v]);
                runs[made++] = (struct bidi_run){offsets[first], offsets[last + 1] - offsets[first],
                                                 FRIBIDI_LEVEL_IS_RTL(level)};
                v = w;
            }
        }
        free(map);
    }
    free(types);
    free(brackets);
    free(levels);
    free(chars);
    free(offsets);
    return made;
}
