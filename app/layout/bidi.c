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
        /* Runs of one level, in logical order... */
        struct bidi_run *logical = malloc(count * sizeof *logical);
        FriBidiLevel *run_levels = malloc(count * sizeof *run_levels);
        size_t run_count = 0;
        for (size_t i = 0; top && logical && run_levels && i < count;) {
            size_t j = i + 1;
            while (j < count && levels[j] == levels[i])
                j++;
            logical[run_count] = (struct bidi_run){offsets[i], offsets[j] - offsets[i],
                                                   FRIBIDI_LEVEL_IS_RTL(levels[i])};
            run_levels[run_count++] = levels[i];
            i = j;
        }
        /* ...then reversed, from the highest level down to the lowest odd one,
         * wherever runs stand at that level or above (rule L2). */
        int highest = 0, lowest_odd = 255; /* levels go up to 125 */
        for (size_t i = 0; i < run_count; i++) {
            if (run_levels[i] > highest)
                highest = run_levels[i];
            if ((run_levels[i] & 1) && run_levels[i] < lowest_odd)
                lowest_odd = run_levels[i];
        }
        for (int level = highest; run_count && level >= lowest_odd && level > 0; level--) {
            for (size_t i = 0; i < run_count;) {
                if (run_levels[i] < level) {
                    i++;
                    continue;
                }
                size_t j = i;
                while (j < run_count && run_levels[j] >= level)
                    j++;
                for (size_t a = i, b = j - 1; a < b; a++, b--) {
                    struct bidi_run r = logical[a];
                    logical[a] = logical[b];
                    logical[b] = r;
                    FriBidiLevel l = run_levels[a];
                    run_levels[a] = run_levels[b];
                    run_levels[b] = l;
                }
                i = j;
            }
        }
        for (size_t i = 0; i < run_count && made < max; i++)
            runs[made++] = logical[i];
        free(logical);
        free(run_levels);
    }
    free(types);
    free(brackets);
    free(levels);
    free(chars);
    free(offsets);
    return made;
}
