/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Libraries opened with dlopen() when first needed, not at start, and the
 * functions the program calls in them. */
#ifndef HALLSCREEN_LIBRARY_H
#define HALLSCREEN_LIBRARY_H

#include <stdbool.h>
#include <stddef.h>

/* The library soname, from the Debian package named package; NULL with
 * why set (what to install) when it cannot be loaded. */
void *library_open(const char *soname, const char *package, char *why, size_t why_size);

/* The function name of handle into *slot (a function pointer of slot_size
 * bytes); false when the library lacks it (dlerror() says). */
bool library_resolve(void *handle, const char *name, void *slot, size_t slot_size);

/* library_resolve() into the field of a struct of function pointers. */
#define LIBRARY_RESOLVE(handle, lib, field, name)                                                  \
    library_resolve(handle, name, &(lib).field, sizeof(lib).field)

#endif
