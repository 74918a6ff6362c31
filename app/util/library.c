/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "library.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

void *library_open(const char *soname, const char *package, char *why, size_t why_size)
{
    void *handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        snprintf(why, why_size, "%s cannot be loaded (install %s: apt-get install %s): %s", soname,
                 package, package, dlerror());
    return handle;
}

bool library_resolve(void *handle, const char *name, void *slot, size_t slot_size)
{
    void *symbol = dlsym(handle, name);
    if (symbol && slot_size == sizeof symbol)
        memcpy(slot, &symbol, sizeof symbol); /* POSIX: a function's address fits a void * */
    return symbol != NULL;
}
