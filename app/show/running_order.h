/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The programme as it stands at a moment: slides outside their time window
 * and sessions that are over or on another day leave the cycle, sessions get
 * their "Now" / "Next" / "Later today" marks, and overview slides list what
 * comes next, or say when the programme resumes or that the event is over.
 * Pure, given the moment and the time zone in use (util/zone.h). */
#ifndef HALLSCREEN_RUNNING_ORDER_H
#define HALLSCREEN_RUNNING_ORDER_H

#include "../limits.h"
#include "../model/diag.h"
#include "../model/programme.h"
#include "pages.h"

#include <stdbool.h>
#include <stdint.h>

/* A clock earlier than this (2020-01-01 00:00 UTC) is wrong, as on a box
 * without a real-time clock before NTP has set it. */
#define ORDER_CLOCK_FLOOR INT64_C(1577836800)

/* True when now_utc is too early to be a real clock: time filtering is then
 * suspended and every slide plays, without marks. */
bool order_clock_is_wrong(int64_t now_utc);

/* Builds into out (freed by the caller with programme_free) the programme as
 * it stands at now_utc, overview slides holding at most overview_rows rows.
 * Returns a signature of what out shows: the same for two moments that show
 * the same slides with the same marks. */
uint64_t order_build(const struct programme *prog, int64_t now_utc, int overview_rows,
                     struct programme *out);

/* How one screen shows the programme. */
struct order_view {
    int overview_rows;         /* rows an overview or board slide holds */
    struct page_fitter fitter; /* what fits this screen; no fits: prose stays whole */
    const char *room;          /* NULL: every room; else the room this screen stands beside */
    bool clock_given;          /* the time was given (--now): never taken for a wrong clock */
};

/* order_build() for a screen: with a room, only that room's sessions
 * and talks play, and its board shows it alone. Talks of a schedule export
 * get a slide while they run or start within the event's lookahead; a
 * board lists each room's talk now and its next, rooms in the export's
 * order, on as few pages as view->fitter finds they fit (without a fitter,
 * view->overview_rows rooms a page); one room's board is its door sign (its
 * room set), with the rest of the room's day after its own row and, from
 * the export, a QR code to the talk now as event.talk_qr says. */
uint64_t order_build_view(const struct programme *prog, int64_t now_utc,
                          const struct order_view *view, struct programme *out);

/* True when the room names a and b are the same, ignoring case, spaces and
 * punctuation ("Hall A" and "hall-a"). */
bool order_same_room(const char *a, const char *b);

/* The name prog gives the room name stands for: its room of that exact
 * name, else the first that order_same_room() matches. NULL when none
 * does. *second is set to another room name matches as well (the two
 * cannot be told apart), else to NULL. */
const char *order_find_room(const struct programme *prog, const char *name, const char **second);

/* Reports to diags under option (the command line's "--room" or
 * "--timer"), listing the rooms there are, when no session of prog is in
 * room, or when room could stand for two of its rooms. */
void order_check_room(const struct programme *prog, const char *option, const char *room,
                      struct diag_list *diags);

/* When session s runs as scheduled (its room's late: not applied), in UTC
 * seconds: a talk's exact time, else its date's start and end
 * (today_local's, event days since 1970, when it has no date). False when
 * s is not a session with a start. */
bool order_session_times(const struct slide *s, int64_t today_local, int64_t *start, int64_t *end);

#endif
