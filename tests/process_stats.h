/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What the process holds, read from /proc: for tests that check memory
 * and file descriptors stay flat. */
#ifndef HALLSCREEN_TEST_PROCESS_STATS_H
#define HALLSCREEN_TEST_PROCESS_STATS_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A field of /proc/self/status in KiB ("VmRSS", "VmHWM"); -1 when unread. */
static inline long status_kib(const char *field)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long value = -1;
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, field, strlen(field)) == 0)
            value = atol(line + strlen(field) + 1);
    if (f)
        fclose(f);
    return value;
}

/* How many file descriptors are open. */
static inline int open_fds(void)
{
    DIR *d = opendir("/proc/self/fd");
    int n = 0;
    while (d && readdir(d))
        n++;
    if (d)
        closedir(d);
    return n;
}

#endif
