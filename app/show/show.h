/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Which slide is on screen and when the next one comes, given the time.
 * Pure: the caller passes the clock in, so tests drive time. */
#ifndef HALLSCREEN_SHOW_H
#define HALLSCREEN_SHOW_H

#include "../limits.h"
#include "../model/programme.h"

#include <stdbool.h>
#include <stdint.h>

struct show {
    size_t current;      /* index into the programme's slides */
    int64_t shown_at_ms; /* when the current slide came on screen */
    bool paused;
    int64_t paused_at_ms;
    bool clip_over; /* the current slide's clip has played (see slide_plays_clip()) */
    /* synchronised playback: moved by hand, the show leaves the clock until
     * the clock's slide changes from the one it had then */
    bool off_clock;
    int64_t off_clock_slot; /* that slide's start, UTC ms; 0: not known yet */
};

/* Starts the show on the first slide at now_ms (any monotonic clock). */
void show_start(struct show *show, int64_t now_ms);

/* Moves on when the current slide's time is up. Returns true when the slide
 * on screen changed. */
bool show_tick(struct show *show, const struct programme *prog, int64_t now_ms);

/* Steps delta slides forwards (or backwards when negative), wrapping around. */
void show_step(struct show *show, const struct programme *prog, int delta, int64_t now_ms);

/* The clip of the current slide has ended (or failed): a slide that plays
 * its clip gives way at the next tick. False when no other slide would take
 * its place, so that the caller plays the clip again. */
bool show_clip_ended(struct show *show, const struct programme *prog);

/* Pauses or resumes; a resumed slide gets the rest of its time. */
void show_set_paused(struct show *show, bool paused, int64_t now_ms);

/* Keeps the show on the same slide across a reload from before to after:
 * the slide on screen stays (with the rest of its time) if after still has
 * it; otherwise the slide that took its place starts. */
void show_follow(struct show *show, const struct programme *before, const struct programme *after,
                 int64_t now_ms);

/* Synchronised playback, in place of show_tick(): puts on screen the slide
 * the clock says (see sync_position()), as if it came on at its start.
 * Paused, or moved by hand (show_step()) until the clock's next change,
 * the show is left alone. Returns true when the slide on screen changed. */
bool show_sync(struct show *show, const struct programme *prog, int64_t now_utc_ms, int64_t now_ms);

/* Milliseconds until show_sync() would change the slide; -1: never. */
int64_t show_sync_wait(const struct show *show, const struct programme *prog, int64_t now_utc_ms);

/* True when the show follows the clock now: not paused, not moved by hand. */
bool show_in_step(const struct show *show);

/* Milliseconds until show_tick would change the slide; -1 when nothing will
 * (paused, fewer than two slides, or a clip playing to its end). */
int64_t show_ms_until_change(const struct show *show, const struct programme *prog, int64_t now_ms);

/* The show moved on to the moment: show_sync() when synced, else
 * show_tick(). Returns true when the slide on screen changed. */
bool show_advance(struct show *show, const struct programme *prog, bool synced, int64_t now_utc_ms,
                  int64_t now_ms);

/* Milliseconds until show_advance() would change the slide; -1: never. */
int64_t show_advance_wait(const struct show *show, const struct programme *prog, bool synced,
                          int64_t now_utc_ms, int64_t now_ms);

#endif
