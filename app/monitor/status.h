/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The show's state for monitoring and tests, as a JSON file rewritten
 * atomically: what is on screen, which programme, what is wrong. */
#ifndef HALLSCREEN_STATUS_H
#define HALLSCREEN_STATUS_H

#include "../limits.h"
#include "../show/show.h"
#include "../model/diag.h"

#include <stdbool.h>
#include <stdint.h>

struct status {
    const struct programme *prog;
    const struct show *show;
    const struct diag_list *diags; /* the content's problems now */
    int version;                   /* of the programme: 1, then one more per reload */
    int reloads;                   /* reloads tried, changed or not */
    char last_reload[32];          /* event time of the last reload, or "" */
    char clock[64];                /* the footer's clock: event time now */
    int64_t presented_ms;          /* wall clock (ms since 1970) of the last frame shown */
    int64_t slide_started_ms;      /* the program's clock (ms since 1970) when the slide on
                                    * screen began to come on */
    bool sync;                     /* synchronised playback is asked for */
    bool clock_synchronised;       /* the system clock is kept in step (NTP) */
    bool polling;                  /* changes are found by polling, not inotify */
    bool stale;                    /* the file must be written again */
    const char *timer_phase;       /* --timer: "before", "running"...; NULL: no timer */
    char timer_count[32];          /* --timer: the count on screen, "4:59" */
    bool timer_held;               /* --timer: the chair holds the count */
    int64_t retry_ms;              /* after a failure, when to try again */
    char error[256];               /* why the last write failed; "" when it did not */
    /* the schedule's age: the exports the whole programme (as read, not only
     * what plays now) takes talks from, against the wall clock */
    const struct programme *content; /* NULL: no "schedules" */
    int64_t wall_ms;                 /* ms since 1970, real time even with --now */
};

/* Writes the status to path when it is stale (and, after a failure, once
 * STATUS_RETRY_MS have passed since). A failure is logged once, not at every
 * try, and its recovery too. */
void status_publish(struct status *status, const char *path, int64_t now_ms);

/* Milliseconds until status_publish() has something to do; -1: nothing. */
int64_t status_wait_ms(const struct status *status, int64_t now_ms);

/* The status as JSON text; the caller frees it. NULL when memory runs out. */
char *status_json(const struct status *status);

/* Writes text to path whole (see file_write_atomic()), so readers never see
 * half of it. False with the reason in why. */
bool status_write_file(const char *path, const char *text, char *why, size_t why_size);

#endif
