/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Inside the schedule reader: what the XML, JSON and CSV readers share.
 * Each reads its format into talks and hands them to the builder. */
#ifndef HALLSCREEN_SCHEDULE_TALKS_H
#define HALLSCREEN_SCHEDULE_TALKS_H

#include "import.h"

/* One talk as read from an export; strings stay the reader's. */
struct talk {
    const char *id;   /* the export's id, or NULL */
    const char *guid; /* the export's guid, which stays when ids are renumbered; or NULL */
    const char *title, *room, *track, *language, *type, *abstract;
    const char *const *speakers;
    size_t speaker_count;
    int64_t start; /* UTC */
    int minutes;
    struct rgba colour;             /* of its track; alpha 0: none */
    const char *url, *feedback_url; /* its page and feedback form, or NULL */
    bool not_recorded;              /* the export says do not record it */
};

/* A duration as exports write it: "HH:MM", "H:MM", hours past 24 ("25:30"),
 * "HH:MM:SS", "D:HH:MM" (a first part of one digit, then hours under 24),
 * or plain minutes ("90"). False when it is none of them. */
bool talks_duration(const char *text, int *minutes);

/* A time of day as exports write it: "HH:MM", "H:MM" or "HH:MM:SS", under
 * 24:00. Sets *minutes after midnight; false for anything else ("25:61"). */
bool talks_clock(const char *text, int *minutes);

/* An ISO 8601 date and time ("2019-12-27T11:00:00+01:00", "...Z",
 * "...+0100", seconds and the offset optional, 'T' or a space between).
 * Sets *utc to the instant when it carries an offset (and *has_offset),
 * else to the wall-clock time read as seconds since 1970 of its calendar. */
bool talks_datetime(const char *text, int64_t *seconds, bool *has_offset);

struct talks {
    const char *path;        /* the export, as problems name it */
    struct diag_list *diags; /* gets every problem */
    const char *event_zone;  /* NULL: the machine's */
    struct slide *slides;
    int64_t *starts; /* UTC, one per slide, until the slides get event time */
    int *minutes;
    size_t count, capacity;
    bool too_many; /* SCHEDULE_MAX_TALKS reached, and said */
};

/* Reads local times in the zone the export names (NULL or empty: the
 * event's); a name the tz database lacks is reported at line. */
void talks_use_zone(struct talks *b, const char *name, int line);

/* The instant of a local wall-clock time (seconds since 1970 of its
 * calendar) in the zone in use, the same whatever came before: on the
 * night the clocks go back, of a time that happens twice the earlier
 * (summer time); on the night they go forward, a time that does not exist
 * is read an hour later. Either is reported at line, naming what (NULL:
 * nothing). */
int64_t talks_local_to_utc(struct talks *b, int64_t local, int line, const char *what);

/* When a frab-style talk starts: from its date when that carries a UTC
 * offset, else from its start ("HH:MM") on the calendar day day (days since
 * 1970; -1: unknown), on the next date when it is earlier than turn (the
 * minutes after midnight at which a conference day starts; -1: none), else
 * from a date without offset. A date whose offset contradicts its start is
 * reported; when its clock as written is the start, the offset is a
 * generator's mistake and the start is used. Problems name what (an
 * "event 12" or a JSON path) at line. False when nothing places it. */
bool talks_place(struct talks *b, const char *date, const char *start, int64_t day, int turn,
                 int line, const char *what, int64_t *utc);

/* Adds a copy of talk; false (reported) when there are too many. */
bool talks_add(struct talks *b, const struct talk *talk, int line);

#endif
