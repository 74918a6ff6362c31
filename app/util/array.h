/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Growable arrays: room for one more item, doubling as they grow. */
#ifndef HALLSCREEN_ARRAY_H
#define HALLSCREEN_ARRAY_H

#include <stdbool.h>
#include <stddef.h>

/* The number of items in a fixed-size array. */
#define COUNT(a) (sizeof(a) / sizeof *(a))

/* Makes *items (holding count of *capacity items of item_size bytes) hold
 * at least one more. Returns false, with the array unchanged, when memory
 * runs out. */
bool array_reserve(void *items, size_t *capacity, size_t count, size_t item_size);

/* array_reserve() for an array and its count and capacity fields. */
#define ARRAY_RESERVE(items, count, capacity)                                                      \
    array_reserve(&(items), &(capacity), (count), sizeof *(items))

#endif
