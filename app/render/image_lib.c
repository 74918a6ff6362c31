/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "image_lib.h"

#include "../util/library.h"

#include <dlfcn.h>
#include <stdbool.h>
#include <stdio.h>
#include <threads.h>

/* The soname the program is built against (Debian 12: libsdl2-image-2.0-0,
 * named in the package's Depends, which shlibs cannot see). */
#define IMAGE_LIBRARY "libSDL2_image-2.0.so.0"

static struct image_lib lib;
static bool lib_ok;
static char lib_why[200];
static once_flag lib_once = ONCE_FLAG_INIT;

static void load(void)
{
    void *h = library_open(IMAGE_LIBRARY, "libsdl2-image-2.0-0", lib_why, sizeof lib_why);
    lib_ok = h && LIBRARY_RESOLVE(h, lib, load, "IMG_Load_RW") &&
             LIBRARY_RESOLVE(h, lib, load_sized_svg, "IMG_LoadSizedSVG_RW");
    if (h && !lib_ok)
        snprintf(lib_why, sizeof lib_why, "%s lacks a function: %s", IMAGE_LIBRARY, dlerror());
}

const struct image_lib *image_lib_get(char *why, size_t why_size)
{
    call_once(&lib_once, load);
    if (!lib_ok)
        snprintf(why, why_size, "%s", lib_why);
    return lib_ok ? &lib : NULL;
}
