/* SPDX-License-Identifier: GPL-2.0-or-later */
/* --render: every slide of the show as it stands at a moment, written to
 * PNG files with no display. */
#ifndef HALLSCREEN_EXPORT_H
#define HALLSCREEN_EXPORT_H

#include "../show/live.h"

#include <stdint.h>

/* Where and how large the pictures are. */
struct export_request {
    const char *dir;   /* made, with the folders above it, when missing */
    int width, height; /* 0: 1920x1080 */
};

/* Writes the show of live as it plays at utc_ms (milliseconds since 1970),
 * its running order built as for a screen of that size, to rq->dir, one
 * PNG a slide (00-alert.png first when there is an urgent notice). Each
 * file is written whole or not at all; the names written go to stdout,
 * failures to stderr. Returns the exit status: 0 when every slide was
 * written. TTF_Init() must have run. */
int export_slides(const struct export_request *rq, struct live *live, int64_t utc_ms);

/* --render with --timer: room's stage timer at utc_ms, as live's programme
 * has it, written to rq->dir/timer.png (its name to stdout, failures to
 * stderr). Returns the exit status. TTF_Init() must have run. */
int export_timer(const struct export_request *rq, struct live *live, const char *room,
                 int64_t utc_ms);

#endif
