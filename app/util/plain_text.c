/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Markdown and HTML as the plain text a slide shows. */
#include "plain_text.h"

#include "array.h"
#include "str.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Decodes the HTML entity at text (after '&'), appending it to out; returns
 * the bytes read, 0 when it is none. */
static size_t decode_entity(const char *text, char **out)
{
    static const struct {
        const char *name, *value;
    } named[] = {{"amp;", "&"},        {"lt;", "<"},         {"gt;", ">"},
                 {"quot;", "\""},      {"apos;", "'"},       {"nbsp;", "\u00a0"},
                 {"ndash;", "\u2013"}, {"mdash;", "\u2014"}, {"hellip;", "\u2026"}};
    for (size_t i = 0; i < COUNT(named); i++) {
        size_t n = strlen(named[i].name);
        if (strncmp(text, named[i].name, n) == 0) {
            *out += sprintf(*out, "%s", named[i].value);
            return n;
        }
    }
    if (text[0] != '#')
        return 0;
    char *end;
    long cp =
        text[1] == 'x' || text[1] == 'X' ? strtol(text + 2, &end, 16) : strtol(text + 1, &end, 10);
    if (*end != ';' || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    unsigned char *o = (unsigned char *)*out;
    if (cp < 0x80) {
        *o++ = (unsigned char)cp;
    } else if (cp < 0x800) {
        *o++ = (unsigned char)(0xc0 | cp >> 6);
        *o++ = (unsigned char)(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        *o++ = (unsigned char)(0xe0 | cp >> 12);
        *o++ = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
        *o++ = (unsigned char)(0x80 | (cp & 0x3f));
    } else {
        *o++ = (unsigned char)(0xf0 | cp >> 18);
        *o++ = (unsigned char)(0x80 | (cp >> 12 & 0x3f));
        *o++ = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
        *o++ = (unsigned char)(0x80 | (cp & 0x3f));
    }
    *out = (char *)o;
    return (size_t)(end - text) + 1;
}

char *plain_text_from_markup(const char *text)
{
    size_t n = strlen(text);
    char *out = malloc(n + 1), *o = out;
    if (!out)
        return NULL;
    bool line_start = true;
    for (size_t i = 0; i < n;) {
        char c = text[i];
        if (line_start && c == '#') { /* a heading's marks */
            do
                i++;
            while (text[i] == '#');
            while (text[i] == ' ')
                i++;
            line_start = false;
            continue;
        }
        line_start = c == '\n';
        if (c == '\r' || c == '`' || (c == '*' && text[i + 1] == '*') ||
            (c == '_' && text[i + 1] == '_')) {
            i += c == '*' || c == '_' ? 2 : 1;
            continue;
        }
        if (c == '<') { /* an HTML tag: dropped, a break kept as one */
            const char *close = strchr(text + i, '>');
            if (close && close - (text + i) < 200) {
                if (strncasecmp(text + i, "<br", 3) == 0 || strncasecmp(text + i, "<p", 2) == 0)
                    *o++ = '\n';
                i = (size_t)(close - text) + 1;
                continue;
            }
        }
        if (c == '[') { /* [text](target): the text */
            const char *close = strstr(text + i, "](");
            const char *end = close ? strchr(close, ')') : NULL;
            const char *newline = strchr(text + i, '\n');
            if (end && (!newline || newline > end)) {
                size_t len = (size_t)(close - (text + i)) - 1;
                memcpy(o, text + i + 1, len);
                o += len;
                i = (size_t)(end - text) + 1;
                continue;
            }
        }
        if (c == '&') {
            size_t used = decode_entity(text + i + 1, &o);
            if (used) {
                i += used + 1;
                continue;
            }
        }
        *o++ = c;
        i++;
    }
    *o = '\0';
    /* at most one blank line in a row, none at the ends */
    char *w = out;
    int newlines = 2;
    for (char *r = out; *r; r++) {
        newlines = *r == '\n' ? newlines + 1 : 0;
        if (newlines <= 2)
            *w++ = *r;
    }
    while (w > out && (w[-1] == '\n' || w[-1] == ' '))
        w--;
    *w = '\0';
    return out;
}
