/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The event's time zone: instants (seconds since 1970 UTC) to the event's
 * wall-clock time and back, whatever zone the machine is set to. Uses the
 * system's tz database through TZ, which this module sets for the process. */
#ifndef HALLSCREEN_ZONE_H
#define HALLSCREEN_ZONE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True when name is a zone of the tz database, such as "Asia/Dubai". */
bool zone_exists(const char *name);

/* Makes name (or the machine's own zone when NULL) the zone of every
 * conversion below. The first call must come before any thread starts;
 * later ones are safe beside threads that read the environment. */
void zone_use(const char *name);

/* The wall-clock time in the zone at an instant: seconds since 1970-01-01
 * 00:00 of the local calendar. */
int64_t zone_local(int64_t utc);

/* The instant of a wall-clock time in the zone, the same whatever was
 * converted before. A time skipped by a daylight-saving change counts as
 * the instant it would have been by the clock before the change (an hour
 * later); a repeated one as its first occurrence. */
int64_t zone_utc(int64_t local);

/* How a wall-clock time falls in the zone. */
enum zone_fold {
    ZONE_ONCE,  /* it happens once */
    ZONE_TWICE, /* the clocks go back over it: it happens twice */
    ZONE_NEVER, /* the clocks go forward over it: it never happens */
};

/* zone_utc's instant of local, and how local falls. */
int64_t zone_utc_fold(int64_t local, enum zone_fold *fold);

/* The wall-clock time in the zone at utc_ms (milliseconds since 1970), as
 * the footer's clock shows it. */
void zone_format_clock(int64_t utc_ms, const char *lang, char *buf, size_t size);

#endif
