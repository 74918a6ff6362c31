/* The programme as it stands at a moment: slides outside their time window
 * and sessions that are over or on another day leave the cycle, sessions get
 * their "Now" / "Next" / "Later today" marks, and overview slides list what
 * comes next, or say when the programme resumes or that the event is over.
 * Pure, given the moment and the time zone in use (util/zone.h). */
#ifndef HALLSCREEN_SCHEDULE_H
#define HALLSCREEN_SCHEDULE_H

#include "../content/programme.h"

#include <stdbool.h>
#include <stdint.h>

/* A clock earlier than this (2020-01-01 00:00 UTC) is wrong, as on a box
 * without a real-time clock before NTP has set it. */
#define SCHEDULE_CLOCK_FLOOR INT64_C(1577836800)

#define SESSION_DEFAULT_MINUTES 60 /* how long a session with no end lasts */

/* True when now_utc is too early to be a real clock: time filtering is then
 * suspended and every slide plays, without marks. */
bool schedule_clock_is_wrong(int64_t now_utc);

/* Builds into out (freed by the caller with programme_free) the programme as
 * it stands at now_utc, overview slides holding at most overview_rows rows.
 * Returns a signature of what out shows: the same for two moments that show
 * the same slides with the same marks. */
uint64_t schedule_build(const struct programme *prog, int64_t now_utc, int overview_rows,
                        struct programme *out);

#endif
