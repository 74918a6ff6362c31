/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The monotonic clock, the time of day and the kernel's clock discipline. */
#include "clock.h"

#include <sys/timex.h>
#include <time.h>

static int64_t read_ms(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t clock_monotonic_ms(void)
{
    return read_ms(CLOCK_MONOTONIC);
}

int64_t clock_wall_ms(void)
{
    return read_ms(CLOCK_REALTIME);
}

bool clock_synchronised(void)
{
    struct timex tx = {.modes = 0}; /* read only: needs no privilege */
    int state = adjtimex(&tx);
    return state != -1 && state != TIME_ERROR && !(tx.status & STA_UNSYNC);
}
