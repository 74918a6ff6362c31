/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Writing an output file whole or not at all, so that a full disk or a
 * crash never leaves a half-written status, screenshot or rendered slide
 * where a good one stood. */
#ifndef HALLSCREEN_FILE_WRITE_H
#define HALLSCREEN_FILE_WRITE_H

#include <stdbool.h>
#include <stddef.h>

/* True when path may be replaced by an output file: it is missing or a
 * regular file (through links). A device, FIFO or folder there would be
 * replaced by a file: false, with what it is in why. */
bool file_write_target_ok(const char *path, char *why, size_t why_size);

/* Writes size bytes to path through a hidden temporary file beside it,
 * checking every write and the close, then renames it into place; refuses
 * a path that is not a regular file (see file_write_target_ok()). Returns
 * false with the reason in why; path then holds what it held before. */
bool file_write_atomic(const char *path, const void *data, size_t size, char *why, size_t why_size);

#endif
