/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Reading a named file without blocking: a FIFO or device put where a
 * content file, font, image or zone stood never hangs the show. */
#ifndef HALLSCREEN_FILE_READ_H
#define HALLSCREEN_FILE_READ_H

#include <stddef.h>
#include <sys/types.h>

/* Opens the file at path read-only, without blocking and closed on exec,
 * when it is a regular file. Returns the descriptor, at the file's start,
 * with its size in *size (size may be NULL), or -1 with the reason in why:
 * the system's, or "is not a file". why may be NULL when why_size is 0. */
int file_read_open(const char *path, off_t *size, char *why, size_t why_size);

/* Reads the regular file at path whole: a malloc'd, NUL-terminated buffer
 * and its size in *size, or NULL with the reason in why ("cannot be read:
 * ...", "is not a file", "is larger than N KiB", or that it changed while it
 * was read). The caller frees the buffer. */
char *file_read_all(const char *path, size_t max_bytes, size_t *size, char *why, size_t why_size);

#endif
