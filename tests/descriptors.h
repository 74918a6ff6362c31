/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Tests of running out of file descriptors: every descriptor taken, then
 * given back. */
#ifndef HALLSCREEN_TEST_DESCRIPTORS_H
#define HALLSCREEN_TEST_DESCRIPTORS_H

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

enum { DESCRIPTORS_HELD_MAX = 64 };

struct descriptors_held {
    struct rlimit saved;
    int fds[DESCRIPTORS_HELD_MAX];
    int count;
};

/* Lowers the limit of open files to 32 and opens /dev/null until no
 * descriptor is left. */
static inline void descriptors_exhaust(struct descriptors_held *h)
{
    getrlimit(RLIMIT_NOFILE, &h->saved);
    struct rlimit low = {.rlim_cur = 32, .rlim_max = h->saved.rlim_max};
    setrlimit(RLIMIT_NOFILE, &low);
    h->count = 0;
    while (h->count < DESCRIPTORS_HELD_MAX && (h->fds[h->count] = open("/dev/null", O_RDONLY)) >= 0)
        h->count++;
}

/* Closes what descriptors_exhaust() opened and restores the limit. */
static inline void descriptors_give_back(struct descriptors_held *h)
{
    while (h->count > 0)
        close(h->fds[--h->count]);
    setrlimit(RLIMIT_NOFILE, &h->saved);
}

#endif
