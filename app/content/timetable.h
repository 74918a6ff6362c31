/* The conference's schedule export (frab and pretalx XML or JSON, the older
 * pentabarf XML, or a spreadsheet saved as CSV) read into session slides,
 * one per talk, marked as scheduled: the show picks the few that belong on
 * screen at each moment. Times come out right whatever the export's quirks:
 * dates with or without a UTC offset, talks after midnight listed under the
 * previous conference day, durations in any common form. */
#ifndef HALLSCREEN_TIMETABLE_H
#define HALLSCREEN_TIMETABLE_H

#include "fields.h"
#include "programme.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TIMETABLE_MAX_BYTES (32 * 1024 * 1024) /* a 3,000-talk export is a few MB */
#define TIMETABLE_MAX_TALKS 20000

/* Parses an export (its format told by its first bytes and its name) into
 * *slides (the caller frees each with slide_free() and the array with
 * free()): one session slide per talk, in the event's time zone
 * event_zone (NULL: the machine's), which is the zone in use afterwards.
 * Local times in the export are read in its own time zone when it names
 * one, else in event_zone. Returns the number of talks; 0 after reporting
 * why to src->diags (file:line for XML and CSV, the JSON path for JSON). */
size_t timetable_parse(const struct source *src, const char *text, size_t size,
                       const char *event_zone, struct slide **slides);

/* A duration as exports write it: "HH:MM", "H:MM", hours past 24 ("25:30"),
 * "HH:MM:SS", "D:HH:MM" (a first part of one digit, then hours under 24),
 * or plain minutes ("90"). False when it is none of them. */
bool timetable_duration(const char *text, int *minutes);

/* An ISO 8601 date and time ("2019-12-27T11:00:00+01:00", "...Z",
 * "...+0100", seconds and the offset optional, 'T' or a space between).
 * Sets *utc to the instant when it carries an offset (and *has_offset),
 * else to the wall-clock time read as seconds since 1970 of its calendar. */
bool timetable_datetime(const char *text, int64_t *seconds, bool *has_offset);

/* Markdown and HTML as plain text: entities decoded, tags, emphasis marks
 * and link targets dropped, headings and list marks kept as lines. A small
 * converter: a talk's abstract needs no more than this, and no Debian
 * library renders Markdown to plain text. Caller frees; NULL on no memory. */
char *timetable_plain_text(const char *text);

#endif
