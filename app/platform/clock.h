/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The clocks the program reads: one that only moves forwards, for timing
 * the show, and the time of day, and whether that is kept in step with a
 * time server. The pure modules never read a clock: they are given these. */
#ifndef HALLSCREEN_CLOCK_H
#define HALLSCREEN_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

/* Milliseconds on a clock that never goes back (CLOCK_MONOTONIC). */
int64_t clock_monotonic_ms(void);

/* The time of day, in milliseconds since 1970 UTC (CLOCK_REALTIME). */
int64_t clock_wall_ms(void);

/* True when the kernel says the clock is synchronised (chrony,
 * systemd-timesyncd or ntpd keep it so), as adjtimex(2) reports it. */
bool clock_synchronised(void);

#endif
