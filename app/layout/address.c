/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A web address broken where a reader expects it. The general wrapper
 * (wrap.c) breaks a word too long for its line between two letters, which
 * splits "worldgovernmentssummit.org" inside a word; here the only places
 * are the address's own separators. */
#include "address.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* The end of the part starting at p: after the next '/', '.' or '-' (a
 * run of them stays whole: "://"), or at the next space. */
static const char *part_end(const char *p)
{
    while (*p && *p != ' ' && !strchr("/.-", *p))
        p++;
    while (*p && strchr("/.-", *p))
        p++;
    return p;
}

char *address_break(const struct measurer *m, enum font_style style, int px, const char *text,
                    int width, size_t max_lines, size_t *lines)
{
    size_t n = strlen(text);
    char *out = malloc(2 * n + 1); /* a break may add a character after each */
    if (!out)
        return NULL;
    size_t used = 0, count = 0;
    const char *p = text;
    while (*p == ' ')
        p++;
    while (*p) {
        /* one line: as many parts as fit */
        const char *start = p, *end = part_end(p);
        if (m->text_width(m->ctx, style, px, start, (size_t)(end - start)) > width)
            break; /* a part too wide on its own */
        for (;;) {
            const char *next = end;
            while (*next == ' ')
                next++;
            if (!*next)
                break;
            const char *further = part_end(next);
            if (m->text_width(m->ctx, style, px, start, (size_t)(further - start)) > width)
                break;
            end = further;
        }
        size_t len = (size_t)(end - start);
        while (len && start[len - 1] == ' ')
            len--;
        if (count)
            out[used++] = '\n';
        memcpy(out + used, start, len);
        used += len;
        count++;
        p = end;
        while (*p == ' ')
            p++;
    }
    out[used] = '\0';
    if (*p || count == 0 || (max_lines && count > max_lines)) {
        free(out);
        return NULL;
    }
    *lines = count;
    return out;
}

int address_widest_part(const struct measurer *m, enum font_style style, int px, const char *text)
{
    int widest = 0;
    for (const char *p = text; *p;) {
        while (*p == ' ')
            p++;
        const char *end = part_end(p);
        int w = m->text_width(m->ctx, style, px, p, (size_t)(end - p));
        if (w > widest)
            widest = w;
        p = end;
    }
    return widest;
}
