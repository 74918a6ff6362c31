/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Finding the data folder from /proc/self/exe. */
#include "data_dir.h"

#include "../util/array.h"
#include "../util/str.h"

#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef HALLSCREEN_DATADIR
#define HALLSCREEN_DATADIR "/usr/local/share/hallscreen"
#endif

static bool has_assets(const char *dir)
{
    char *assets = str_printf("%s/assets", dir);
    struct stat st;
    bool found = assets && stat(assets, &st) == 0 && S_ISDIR(st.st_mode);
    free(assets);
    return found;
}

/* The folder the program runs from; false when it cannot be told. */
static bool program_dir(char *buf, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", buf, size - 1);
    if (n <= 0)
        return false;
    buf[n] = '\0';
    char *dir = dirname(buf); /* buf itself, shortened, or a static "." */
    memmove(buf, dir, strlen(dir) + 1);
    return true;
}

char *data_dir_find(void)
{
    char bin[PATH_MAX];
    const char *relative[] = {"..", "../share/hallscreen"};
    for (size_t i = 0; program_dir(bin, sizeof bin) && i < COUNT(relative); i++) {
        char *dir = str_printf("%s/%s", bin, relative[i]);
        if (dir && has_assets(dir))
            return dir;
        free(dir);
    }
    return str_dup(HALLSCREEN_DATADIR);
}

char *data_dir_locale(const char *data_dir)
{
    char bin[PATH_MAX];
    char *beside = program_dir(bin, sizeof bin) ? str_printf("%s/locale", bin) : NULL;
    struct stat st;
    if (beside && stat(beside, &st) == 0 && S_ISDIR(st.st_mode))
        return beside; /* a build tree */
    free(beside);
    return str_printf("%s/locale", data_dir);
}
