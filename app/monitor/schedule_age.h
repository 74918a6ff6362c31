/* SPDX-License-Identifier: GPL-2.0-or-later */
/* How old the schedule a screen plays is: the modification time of each
 * schedule export its talks come from (hallscreen-fetch sets it at every
 * download or confirmation, rsync carries it), for the status file and
 * the metrics. */
#ifndef HALLSCREEN_SCHEDULE_AGE_H
#define HALLSCREEN_SCHEDULE_AGE_H

#include "../model/programme.h"

#include <stddef.h>
#include <stdint.h>

enum { SCHEDULE_AGE_FILES = 8 }; /* event.yaml names at most 8 exports */

struct schedule_age {
    const char *path; /* the export's path, not NUL-terminated: points into prog */
    size_t path_length;
    size_t name_at;   /* where, in path, its name relative to the content folder starts */
    int64_t mtime_ms; /* ms since 1970; 0 when the file is gone now */
};

/* The schedule exports whose talks prog holds, in order, at most max of
 * them, each with its modification time now, into ages. Returns how many. */
size_t schedule_ages(const struct programme *prog, struct schedule_age *ages, size_t max);

#endif
