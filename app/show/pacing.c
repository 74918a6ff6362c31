/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The soonest of the loop's waits. */
#include "pacing.h"

int64_t pacing_soonest(const int64_t waits[WAIT_COUNT])
{
    int64_t best = PACING_MAX_WAIT_MS;
    for (int i = 0; i < WAIT_COUNT; i++)
        if (waits[i] >= 0 && waits[i] < best)
            best = waits[i];
    return best;
}
