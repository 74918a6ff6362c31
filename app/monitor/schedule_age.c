/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The schedule exports a programme plays, and their modification times. */
#include "schedule_age.h"

#include "../util/str.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

size_t schedule_ages(const struct programme *prog, struct schedule_age *ages, size_t max)
{
    size_t n = 0;
    size_t dir_length = prog->content_dir ? strlen(prog->content_dir) : 0;
    for (size_t i = 0; i < prog->slide_count; i++) {
        const struct slide *s = &prog->slides[i];
        const char *hash = s->scheduled && s->source ? strrchr(s->source, '#') : NULL;
        if (!hash)
            continue;
        size_t length = (size_t)(hash - s->source);
        bool known = false; /* the talks of one export stand together: few to compare */
        for (size_t j = n; j-- > 0 && !known;)
            known = ages[j].path_length == length && strncmp(ages[j].path, s->source, length) == 0;
        if (known || n == max)
            continue;
        bool inside = dir_length && length > dir_length &&
                      strncmp(s->source, prog->content_dir, dir_length) == 0 &&
                      s->source[dir_length] == '/';
        ages[n] = (struct schedule_age){s->source, length, inside ? dir_length + 1 : 0, 0};
        char *path = str_ndup(s->source, length);
        struct stat st;
        if (path && stat(path, &st) == 0)
            ages[n].mtime_ms = (int64_t)st.st_mtim.tv_sec * 1000 + st.st_mtim.tv_nsec / 1000000;
        free(path);
        n++;
    }
    return n;
}
