/* SPDX-License-Identifier: GPL-2.0-or-later */
/* FNV-1a fingerprints: whether a file's bytes, a slide or a programme
 * changed since they were last seen. Not for security. */
#ifndef HALLSCREEN_HASH_H
#define HALLSCREEN_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_START 0xcbf29ce484222325ULL

/* h with n bytes mixed in. */
uint64_t hash_bytes(uint64_t h, const void *bytes, size_t n);

/* h with text mixed in, and where it ends; NULL differs from "". */
uint64_t hash_text(uint64_t h, const char *text);

/* h with a number mixed in. */
uint64_t hash_number(uint64_t h, uint64_t value);

#endif
