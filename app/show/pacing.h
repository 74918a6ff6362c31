/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The named waits the main loop sleeps on. Pure: the caller passes them. */
#ifndef HALLSCREEN_PACING_H
#define HALLSCREEN_PACING_H

#include <stdbool.h>
#include <stdint.h>

#define PACING_MAX_WAIT_MS 60000

/* What the loop may have to wake for; each wait is in milliseconds, -1
 * when there is nothing to wait for. */
enum wait {
    WAIT_CLOCK,    /* the footer clock's next minute */
    WAIT_SLIDE,    /* the next slide's turn */
    WAIT_PREPARE,  /* composing the next slide ahead of its turn */
    WAIT_WATCHDOG, /* telling systemd the loop is alive */
    WAIT_SETTLE,   /* reading changed content once it has settled */
    WAIT_WATCH,    /* the next poll of the content folder */
    WAIT_FRAME,    /* the next frame of a transition */
    WAIT_STATUS,   /* writing the status file (again, after a failure) */
    WAIT_METRICS,  /* rewriting the metrics file */
    WAIT_OVERLAY,  /* reading the overlay folder's changes, or polling it */
    WAIT_TIMER,    /* --timer: the count's next second, or its blink */
    WAIT_COUNT
};

/* The soonest of the waits that are not -1, at most PACING_MAX_WAIT_MS. */
int64_t pacing_soonest(const int64_t waits[WAIT_COUNT]);

#endif
