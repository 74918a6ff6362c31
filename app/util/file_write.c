/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Atomic file replacement: temporary file, checked writes, rename. */
#include "file_write.h"

#include "str.h"

#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { OUTPUT_MODE = 0644 }; /* outputs are read by monitoring tools */

/* "dir/.name.XXXXXX" beside path, for mkstemp(). */
static char *temporary_name(const char *path)
{
    char *dir_copy = str_dup(path), *base_copy = str_dup(path);
    char *name = dir_copy && base_copy
                     ? str_printf("%s/.%s.XXXXXX", dirname(dir_copy), basename(base_copy))
                     : NULL;
    free(dir_copy);
    free(base_copy);
    return name;
}

static bool write_all(int fd, const char *data, size_t size)
{
    while (size > 0) {
        ssize_t n = write(fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = ENOSPC;
            return false;
        }
        data += n;
        size -= (size_t)n;
    }
    return true;
}

bool file_write_target_ok(const char *path, char *why, size_t why_size)
{
    struct stat st;
    if (stat(path, &st) != 0 || S_ISREG(st.st_mode))
        return true;
    snprintf(why, why_size, "%s",
             S_ISDIR(st.st_mode) ? "a folder, not a file" : "not a regular file");
    return false;
}

bool file_write_atomic(const char *path, const void *data, size_t size, char *why, size_t why_size)
{
    char what[32];
    if (!file_write_target_ok(path, what, sizeof what)) {
        snprintf(why, why_size, "%s: name a file instead", what);
        return false;
    }
    char *tmp = temporary_name(path);
    int fd = tmp ? mkstemp(tmp) : -1;
    if (fd < 0) {
        snprintf(why, why_size, "%s", tmp ? strerror(errno) : "out of memory");
        free(tmp);
        return false;
    }
    bool ok = fchmod(fd, OUTPUT_MODE) == 0 && write_all(fd, data, size);
    int error = ok ? 0 : errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        error = errno;
    }
    if (ok && rename(tmp, path) != 0) {
        ok = false;
        error = errno;
    }
    if (!ok) {
        unlink(tmp); /* may change errno: the reason was kept before */
        snprintf(why, why_size, "%s", strerror(error));
    }
    free(tmp);
    return ok;
}
