/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "image_lib.h"

#include <dlfcn.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <threads.h>

/* The soname the program is built against (Debian 12: libsdl2-image-2.0-0,
 * named in the package's Depends, which shlibs cannot see). */
#define IMAGE_LIBRARY "libSDL2_image-2.0.so.0"

static struct image_lib lib;
static bool lib_ok;
static char lib_why[200];
static once_flag lib_once = ONCE_FLAG_INIT;

/* The symbol name from handle into *slot; false when missing. */
static bool resolve(void *handle, const char *name, void *slot, size_t slot_size)
{
    void *symbol = dlsym(handle, name);
    if (symbol && slot_size == sizeof symbol)
        memcpy(slot, &symbol, sizeof symbol); /* POSIX: a function's address fits a void * */
    return symbol != NULL;
}

static void load(void)
{
    void *h = dlopen(IMAGE_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    lib_ok = h && resolve(h, "IMG_Load_RW", &lib.load, sizeof lib.load) &&
             resolve(h, "IMG_LoadSizedSVG_RW", &lib.load_sized_svg, sizeof lib.load_sized_svg);
    if (!h)
        snprintf(lib_why, sizeof lib_why,
                 "%s cannot be loaded (install libsdl2-image-2.0-0: apt-get install "
                 "libsdl2-image-2.0-0): %s",
                 IMAGE_LIBRARY, dlerror());
    else if (!lib_ok)
        snprintf(lib_why, sizeof lib_why, "%s lacks a function: %s", IMAGE_LIBRARY, dlerror());
}

const struct image_lib *image_lib_get(char *why, size_t why_size)
{
    call_once(&lib_once, load);
    if (!lib_ok)
        snprintf(why, why_size, "%s", lib_why);
    return lib_ok ? &lib : NULL;
}
