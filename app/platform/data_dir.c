/* Finding the data folder from /proc/self/exe. */
#include "data_dir.h"

#include "../util/array.h"
#include "../util/str.h"

#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
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

char *data_dir_find(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        const char *bin = dirname(exe);
        const char *relative[] = {"..", "../share/hallscreen"};
        for (size_t i = 0; i < COUNT(relative); i++) {
            char *dir = str_printf("%s/%s", bin, relative[i]);
            if (dir && has_assets(dir))
                return dir;
            free(dir);
        }
    }
    return str_dup(HALLSCREEN_DATADIR);
}
