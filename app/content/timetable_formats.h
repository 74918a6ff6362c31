/* Inside the schedule reader: what the XML, JSON and CSV readers share.
 * Each reads its format into talks and hands them to the builder. */
#ifndef HALLSCREEN_TIMETABLE_FORMATS_H
#define HALLSCREEN_TIMETABLE_FORMATS_H

#include "timetable.h"

/* One talk as read from an export; strings stay the reader's. */
struct talk {
    const char *id; /* the export's id, or NULL */
    const char *title, *room, *track, *language, *type, *abstract;
    const char *const *speakers;
    size_t speaker_count;
    int64_t start; /* UTC */
    int minutes;
    struct rgba colour; /* of its track; alpha 0: none */
};

struct timetable_builder {
    const struct source *src;
    const char *event_zone; /* NULL: the machine's */
    struct slide *slides;
    int64_t *starts; /* UTC, one per slide, until the slides get event time */
    int *minutes;
    size_t count, capacity;
    bool too_many; /* TIMETABLE_MAX_TALKS reached, and said */
};

/* Reads local times in the zone the export names (NULL or empty: the
 * event's); a name the tz database lacks is reported at line. */
void timetable_use_zone(struct timetable_builder *b, const char *name, int line);

/* The instant of a local wall-clock time (seconds since 1970 of its
 * calendar) in the zone in use. */
int64_t timetable_local_to_utc(int64_t local);

/* When a frab-style talk starts: from its date when that carries a UTC
 * offset, else from its start ("HH:MM") on the calendar day day (days since
 * 1970; -1: unknown), on the next date when it is earlier than turn (the
 * minutes after midnight at which a conference day starts; -1: none), else
 * from a date without offset. A date whose offset contradicts its start is
 * reported; when its clock as written is the start, the offset is a
 * generator's mistake and the start is used. Problems name what (an
 * "event 12" or a JSON path) at line. False when nothing places it. */
bool timetable_place(struct timetable_builder *b, const char *date, const char *start, int64_t day,
                     int turn, int line, const char *what, int64_t *utc);

/* Adds a copy of talk; false (reported) when there are too many. */
bool timetable_add(struct timetable_builder *b, const struct talk *talk, int line);

/* The readers: each returns false after reporting why the file cannot be
 * used; talks it cannot place are reported and left out. */
bool timetable_read_xml(struct timetable_builder *b, const char *text, size_t size);
bool timetable_read_json(struct timetable_builder *b, const char *text, size_t size);
bool timetable_read_csv(struct timetable_builder *b, const char *text, size_t size);

#endif
