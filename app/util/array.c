/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Growable arrays. */
#include "array.h"

#include <stdlib.h>
#include <string.h>

enum { FIRST_CAPACITY = 8 };

bool array_reserve(void *items, size_t *capacity, size_t count, size_t item_size)
{
    if (count < *capacity)
        return true;
    size_t grown = *capacity ? *capacity * 2 : FIRST_CAPACITY;
    void *old;
    memcpy(&old, items, sizeof old);
    void *bigger = realloc(old, grown * item_size);
    if (!bigger)
        return false;
    memcpy(items, &bigger, sizeof bigger);
    *capacity = grown;
    /* cppcheck-suppress memleak ; bigger is *items now, copied in above */
    return true;
}
