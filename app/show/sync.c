/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The cycle counted from midnight. */
#include "sync.h"

#include "../util/civil_time.h"
#include "../util/zone.h"

static int64_t floor_div(int64_t a, int64_t b)
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

int64_t sync_day_start(int64_t now_utc_ms)
{
    int64_t local = zone_local(floor_div(now_utc_ms, 1000));
    int64_t midnight = floor_div(local, SECONDS_PER_DAY) * SECONDS_PER_DAY;
    return zone_utc(midnight) * 1000;
}

bool sync_position(const struct programme *prog, int64_t now_utc_ms, struct sync_position *at)
{
    if (prog->slide_count == 0)
        return false;
    int64_t cycle = 0;
    for (size_t i = 0; i < prog->slide_count; i++)
        cycle += slide_duration_ms(prog, &prog->slides[i]);
    if (cycle <= 0)
        return false;
    int64_t day_start = sync_day_start(now_utc_ms);
    int64_t into_day = now_utc_ms - day_start;
    int64_t cycle_start = day_start + floor_div(into_day, cycle) * cycle;
    int64_t start = cycle_start;
    for (size_t i = 0; i < prog->slide_count; i++) {
        int64_t end = start + slide_duration_ms(prog, &prog->slides[i]);
        if (now_utc_ms < end || i + 1 == prog->slide_count) {
            *at = (struct sync_position){i, start, end};
            break;
        }
        start = end;
    }
    /* the last cycle of the day is cut short by midnight */
    int64_t next_day = sync_day_start(day_start + 36 * 3600 * 1000LL);
    if (at->next_utc_ms > next_day)
        at->next_utc_ms = next_day;
    return true;
}
