/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The state of a room at a moment, from rooms.yaml (programme.rooms): how
 * late it runs, how full it is, its notice. Pure, given the time zone in
 * use (util/zone.h). */
#ifndef HALLSCREEN_ROOMS_STATE_H
#define HALLSCREEN_ROOMS_STATE_H

#include "../model/programme.h"

#include <stdint.h>

/* The entry of rooms.yaml that applies to room at now_utc (its name
 * matched as order_same_room() does; not past its until:), or NULL. */
const struct room_state *rooms_state_find(const struct programme *prog, const char *room,
                                          int64_t now_utc);

/* How many minutes room runs behind the schedule at now_utc: 0 when
 * rooms.yaml says nothing of it, or its entry has expired. */
int rooms_state_late(const struct programme *prog, const char *room, int64_t now_utc);

/* The line a door sign and a board row show for room at now_utc, in the
 * language lang: "Full · Overflow: stream in Saal G"; NULL when none. The
 * caller frees it. */
char *rooms_state_notice(const struct programme *prog, const char *room, int64_t now_utc,
                         const char *lang);

#endif
