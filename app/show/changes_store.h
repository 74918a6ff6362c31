/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What the screen knows of the programme's versions (changes.h), kept in
 * its state folder across restarts: DIR/changes.json, written atomically. */
#ifndef HALLSCREEN_CHANGES_STORE_H
#define HALLSCREEN_CHANGES_STORE_H

#include "changes.h"

#include <stdbool.h>
#include <stddef.h>

/* The state as JSON text (the caller frees it), or NULL when memory runs
 * out. */
char *changes_store_encode(const struct changes_state *st);

/* Reads JSON text made by changes_store_encode() into st (freed by the
 * caller with changes_state_free()). False, with st empty, when it is not
 * such a text. */
bool changes_store_decode(const char *text, size_t size, struct changes_state *st);

/* Reads dir/changes.json into st: false (st empty) when there is none or
 * it cannot be used, with the reason in why ("" when there is none). */
bool changes_store_load(const char *dir, struct changes_state *st, char *why, size_t why_size);

/* Writes st to dir/changes.json atomically; false with the reason in why. */
bool changes_store_save(const char *dir, const struct changes_state *st, char *why,
                        size_t why_size);

#endif
