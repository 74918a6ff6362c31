/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What changed in the programme since the screen's baseline: talks moved
 * to another room or time, cancelled (gone from the export) or new, told
 * apart talk by talk (the export's guid, else its id, else title and
 * speakers). The marks are a pure function of the baseline and the
 * programme, so screens that saw the same versions show the same marks.
 * The baseline rolls forward at the start of each event day to the version
 * current then: what this morning's printed programme said. */
#ifndef HALLSCREEN_CHANGES_H
#define HALLSCREEN_CHANGES_H

#include "../model/programme.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A talk as a version of the programme had it. */
struct changes_talk {
    char *key; /* guid or id, else title and speakers */
    char *title;
    char *room;         /* or NULL */
    int64_t start, end; /* UTC */
};

/* The talks of one version of the programme, sorted by key. */
struct changes_version {
    struct changes_talk *talks;
    size_t count;
};

/* What the screen knows: the baseline and the latest version it saw. */
struct changes_state {
    bool known;  /* a baseline was taken */
    int64_t day; /* the event day (days since 1970) the baseline is of */
    struct changes_version baseline, latest;
};

/* The version prog's talks of a schedule export make (ghosts left out).
 * The caller frees it with changes_version_free(). False when memory runs
 * out (out is then empty). */
bool changes_version_of(const struct programme *prog, struct changes_version *out);

/* Frees the talks; a zeroed version is fine. */
void changes_version_free(struct changes_version *v);

/* Sorts the talks by key, as every version is kept. */
void changes_version_sort(struct changes_version *v);

/* Frees both versions and zeroes the state. */
void changes_state_free(struct changes_state *st);

/* The event day (days since 1970) now_utc belongs to, in the time zone in
 * use: a day starts at CHANGES_DAY_STARTS_HOUR, so that a night's talks
 * after midnight still belong to the day before. */
int64_t changes_event_day(int64_t now_utc);

/* At the start of a later event day than the baseline's (today, days
 * since 1970 in event time), the latest version seen becomes the
 * baseline; a baseline of a later day (a clock that was wrong) is taken as
 * today's. Returns true when the state changed (to be saved). */
bool changes_roll(struct changes_state *st, int64_t today);

/* Takes v over as the latest version seen, after changes_roll(today). The
 * first version ever, and one that shares no talk with the baseline (another
 * event's export), become the baseline too. Returns true when the state
 * changed. */
bool changes_see(struct changes_state *st, struct changes_version *v, int64_t today);

/* Marks prog's talks against baseline, in the event's language: a moved
 * talk gets "Moved from Hall B · 14:10 (was 16:00)", a new one "New"; a
 * cancelled talk stands, a ghost, in its old room and slot with
 * "Cancelled", and a moved one's old room and slot gets a ghost with
 * "Moved to Hall A · 14:10". The marks and ghosts of an earlier call are
 * taken away first; a NULL or empty baseline leaves none. */
void changes_mark(struct programme *prog, const struct changes_version *baseline);

#endif
