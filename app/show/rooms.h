/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The rooms event.yaml lists (rooms:): which rooms the board shows, in
 * which order, under which name, and what their door signs add. Pure. */
#ifndef HALLSCREEN_ROOMS_H
#define HALLSCREEN_ROOMS_H

#include "../model/diag.h"
#include "../model/programme.h"

#include <stdbool.h>

/* The entry of rooms: for the programme's room name (matched as
 * order_same_room() does), or NULL when rooms: does not list it. */
const struct room_entry *rooms_entry(const struct event *event, const char *room);

/* The entry whose display name (or name) is name, as a person would type
 * it for --room; NULL when none is. */
const struct room_entry *rooms_entry_named(const struct event *event, const char *name);

/* True when the board shows room: rooms: lists it, or lists nothing. A
 * session with no room is on no board (false unless rooms: is empty). */
bool rooms_on_board(const struct event *event, const char *room);

/* The name the screen shows for room: its display name in rooms:, else
 * room itself. */
const char *rooms_display(const struct event *event, const char *room);

/* Gives s, the board of room's door sign, what rooms: says of the room:
 * its info lines under its name (s->subtitle, one a line) and its stream's
 * address as a QR code (s->qr, the address without its scheme as the
 * caption) unless s has one already (to the talk now). Nothing when rooms:
 * does not list the room. */
void rooms_door_sign(const struct event *event, const char *room, struct slide *s);

/* Warns (path:line of event.yaml) about each room rooms: lists that no
 * session or talk of prog has: a name misspelt, or the export's changed. */
void rooms_check(const struct programme *prog, struct diag_list *diags);

#endif
