/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Small string helpers: owned copies, formatting, UTF-8 stepping. */
#ifndef HALLSCREEN_STR_H
#define HALLSCREEN_STR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Returns a malloc'd copy of s (NULL when s is NULL or memory runs out). */
char *str_dup(const char *s);

/* Returns a malloc'd copy of the first n bytes of s, NUL-terminated. */
char *str_ndup(const char *s, size_t n);

/* Returns a malloc'd string formatted as by printf, or NULL. */
char *str_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Returns true when s ends with suffix. */
bool str_ends_with(const char *s, const char *suffix);

/* Returns the byte length of the UTF-8 sequence that starts at s (1 for a
 * stray byte, so that callers always advance). */
size_t utf8_char_len(const char *s);

/* Decodes the UTF-8 sequence at s (at most n bytes): returns its code point
 * and sets *len to its byte length. A stray byte decodes as itself, one
 * byte long, so that callers always advance. */
uint32_t utf8_decode(const char *s, size_t n, size_t *len);

/* Returns the offset of the first byte of s (n bytes long) that is not valid
 * UTF-8, or n when all of it is valid. */
size_t utf8_invalid_at(const char *s, size_t n);

/* Drops from s, in place, the invisible format characters (zero-width
 * spaces and joiners, bidi marks, embeddings and isolates, the byte order
 * mark) that come more than UTF8_INVISIBLE_RUN in a row: a few shape a line
 * of mixed scripts; thousands only push the visible words off the screen. */
#define UTF8_INVISIBLE_RUN 4
void utf8_bound_invisible(char *s);

/* Returns a malloc'd copy of s that is one line of valid UTF-8, for logs,
 * JSON and notifications: bytes that are not UTF-8 and control characters
 * (a newline in a file name) are written as \xNN, \n, \r or \t. NULL when
 * memory runs out. */
char *str_escape(const char *s);

/* Levenshtein distance between two short ASCII words, capped at 9. */
int str_distance(const char *a, const char *b);

#endif
