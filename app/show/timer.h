/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The stage timer (--timer ROOM): the countdown of the room's talk running
 * now, what it counts towards and in which colour, and the chair's keys
 * that hold it or move it. Pure: the time is passed in, in milliseconds
 * since 1970 UTC; every change of what it shows falls on a whole second of
 * that clock (or half of one, blinking), so screens whose clocks agree
 * show the same second. */
#ifndef HALLSCREEN_TIMER_H
#define HALLSCREEN_TIMER_H

#include "../model/programme.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum timer_phase {
    TIMER_NONE,    /* no talk in the room is running, just over or coming soon */
    TIMER_BEFORE,  /* counting down to the start of the room's next talk */
    TIMER_RUNNING, /* counting down to the running talk's end */
    TIMER_OVER,    /* counting up since the talk's end, until the next starts */
};

enum timer_colour {
    TIMER_WHITE,
    TIMER_ORANGE, /* under 5 minutes left */
    TIMER_RED,    /* under 2 minutes left, and over time */
};

/* What the chair's keys did: kept by the caller, zeroed at the start. */
struct timer_control {
    int64_t shift_ms;   /* the room's talks moved by this, by + and - and by holds */
    bool held;          /* the count stands still */
    int64_t held_at_ms; /* since when (UTC ms) */
};

/* The timer at a moment. */
struct timer_reading {
    enum timer_phase phase;
    const struct slide *talk; /* the talk counted (running, coming or over); NULL: none */
    const struct slide *next; /* the room's talk after it (with no talk: the next); NULL: none */
    int64_t start_ms, end_ms; /* talk's times, moved by late and by the keys (UTC ms) */
    int64_t next_start_ms;    /* next's start, moved the same way */
    int64_t count_s; /* shown: seconds left (before, running, rounded up), or over (rounded down) */
    float progress;  /* of the talk gone, 0 to 1 */
    enum timer_colour colour;
    bool visible; /* the count is drawn: false in the off half of a blink */
    bool held;
};

/* How many minutes late room runs at now_ms: the one place a room's
 * late: (rooms.yaml, see rooms_state.h) reaches the timer; 0 when it
 * says nothing. */
int timer_late_minutes(const struct programme *prog, const char *room, int64_t now_ms);

/* The timer of room (as --timer names it; order_find_room() matches it)
 * over prog's sessions and talks at now_ms, the room's talks moved by
 * late_minutes and by control (NULL: none). */
struct timer_reading timer_read(const struct programme *prog, const char *room, int late_minutes,
                                const struct timer_control *control, int64_t now_ms);

/* "none", "before", "running" or "over", as the status file says it. */
const char *timer_phase_name(enum timer_phase phase);

/* The count as shown: "4:59", "+1:05" over time, "1:02:03" from an hour.
 * Empty with TIMER_NONE. */
void timer_format_count(const struct timer_reading *r, char *buf, size_t size);

/* Milliseconds from now_ms until what r shows changes (its count, its
 * blink, its phase); -1 when it stands still (held, or no talk: a talk's
 * countdown begins on a whole minute, when the screen is drawn anyway). */
int64_t timer_wait_ms(const struct timer_reading *r, int64_t now_ms);

/* The chair's key: ' ' holds or resumes the count, '+' and '-' give or
 * take a minute, '0' goes back to the schedule. Returns false for any
 * other key (control unchanged). */
bool timer_take_key(struct timer_control *control, int key, int64_t now_ms);

#endif
