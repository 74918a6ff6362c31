/* SPDX-License-Identifier: GPL-2.0-or-later */
/* FNV-1a, 64 bits. */
#include "hash.h"

#include <string.h>

enum { TEXT_END = 0xfe, NO_TEXT = 0xff };
#define FNV_PRIME 0x100000001b3ULL

uint64_t hash_bytes(uint64_t h, const void *bytes, size_t n)
{
    const unsigned char *p = bytes;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * FNV_PRIME;
    return h;
}

uint64_t hash_text(uint64_t h, const char *text)
{
    if (text)
        h = hash_bytes(h, text, strlen(text));
    return (h ^ (text ? TEXT_END : NO_TEXT)) * FNV_PRIME;
}

uint64_t hash_number(uint64_t h, uint64_t value)
{
    return (h ^ value) * FNV_PRIME;
}
