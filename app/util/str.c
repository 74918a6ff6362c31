/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Small string helpers. */
#include "str.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *str_dup(const char *s)
{
    return s ? str_ndup(s, strlen(s)) : NULL;
}

char *str_ndup(const char *s, size_t n)
{
    char *copy = malloc(n + 1);
    if (!copy)
        return NULL;
    memcpy(copy, s, n);
    copy[n] = '\0';
    return copy;
}

char *str_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *s = malloc((size_t)n + 1);
    if (!s)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

bool str_ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

size_t utf8_char_len(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    size_t len = c < 0x80           ? 1
                 : (c >> 5) == 0x6  ? 2
                 : (c >> 4) == 0xe  ? 3
                 : (c >> 3) == 0x1e ? 4
                                    : 1;
    for (size_t i = 1; i < len; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80)
            return 1;
    return len;
}

uint32_t utf8_decode(const char *s, size_t n, size_t *len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t k = utf8_char_len(s);
    if (k > n)
        k = n ? 1 : 0;
    *len = k;
    if (k <= 1)
        return k ? p[0] : 0;
    uint32_t cp = p[0] & (0x7fu >> k);
    for (size_t i = 1; i < k; i++)
        cp = (cp << 6) | (p[i] & 0x3fu);
    return cp;
}

static bool is_invisible(uint32_t cp)
{
    return (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) ||
           (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff ||
           cp == 0x061c || cp == 0x180e;
}

void utf8_bound_invisible(char *s)
{
    char *w = s;
    const char *end = s + strlen(s);
    int run = 0;
    for (const char *r = s; r < end;) {
        size_t len;
        uint32_t cp = utf8_decode(r, (size_t)(end - r), &len);
        run = is_invisible(cp) ? run + 1 : 0;
        if (run <= UTF8_INVISIBLE_RUN) {
            memmove(w, r, len);
            w += len;
        }
        r += len;
    }
    *w = '\0';
}

size_t utf8_invalid_at(const char *s, size_t n)
{
    const unsigned char *start = (const unsigned char *)s, *p = start, *end = p + n;
    while (p < end) {
        unsigned c = *p;
        size_t len;
        unsigned cp;
        if (c < 0x80) {
            p++;
            continue;
        } else if (c >= 0xc2 && c <= 0xdf) {
            len = 2, cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            len = 3, cp = c & 0x0f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            len = 4, cp = c & 0x07;
        } else {
            return (size_t)(p - start);
        }
        if ((size_t)(end - p) < len)
            return (size_t)(p - start);
        for (size_t i = 1; i < len; i++) {
            if ((p[i] & 0xc0) != 0x80)
                return (size_t)(p - start);
            cp = (cp << 6) | (p[i] & 0x3f);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
            (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
            return (size_t)(p - start);
        p += len;
    }
    return n;
}

char *str_escape(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(4 * n + 1), *o = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < n;) {
        size_t valid = utf8_invalid_at(s + i, utf8_char_len(s + i));
        unsigned char c = (unsigned char)s[i];
        if (valid == 0 || c < 0x20 || c == 0x7f) {
            const char *named = c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : NULL;
            o += named ? (size_t)sprintf(o, "%s", named) : (size_t)sprintf(o, "\\x%02x", c);
            i++;
            continue;
        }
        memcpy(o, s + i, valid);
        o += valid;
        i += valid;
    }
    *o = '\0';
    return out;
}

int str_distance(const char *a, const char *b)
{
    enum { MAX = 32, CAP = 9 };
    size_t n = strlen(a), m = strlen(b);
    if (n >= MAX || m >= MAX)
        return CAP;
    int row[MAX];
    for (size_t j = 0; j <= m; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= n; i++) {
        int diagonal = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= m; j++) {
            int above = row[j];
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int best = diagonal + cost;
            if (above + 1 < best)
                best = above + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diagonal = above;
        }
    }
    return row[m] < CAP ? row[m] : CAP;
}
