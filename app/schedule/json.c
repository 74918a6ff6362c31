/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The frab and pretalx schedule.json through cJSON:
 * schedule.conference.days[].rooms{name: [events]}. Problems name the JSON
 * path of what is wrong. */
#include "../limits.h"
#include "formats.h"

#include "../util/civil_time.h"
#include "../util/str.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *string_of(const cJSON *object, const char *name)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, name);
    return cJSON_IsString(item) && item->valuestring[0] ? item->valuestring : NULL;
}

/* "#rrggbb" as a colour; alpha 0 when it is none. */
static struct rgba colour_of(const char *text)
{
    unsigned r, g, b;
    if (text && strlen(text) == 7 && sscanf(text, "#%2x%2x%2x", &r, &g, &b) == 3)
        return (struct rgba){(uint8_t)r, (uint8_t)g, (uint8_t)b, 0xff};
    return (struct rgba){0, 0, 0, 0};
}

/* The colour pretalx gives the track named name, from conference.tracks. */
static struct rgba track_colour(const cJSON *conference, const char *name)
{
    const cJSON *track;
    cJSON_ArrayForEach(track, cJSON_GetObjectItemCaseSensitive(conference, "tracks"))
    {
        const char *n = string_of(track, "name");
        if (name && n && strcmp(n, name) == 0)
            return colour_of(string_of(track, "color"));
    }
    return (struct rgba){0, 0, 0, 0};
}

/* Reports what is wrong at the JSON path where, quoting value. */
static void problem(struct talks *b, const char *where, const char *value, const char *what)
{
    diag_add(b->diags, DIAG_WARNING, b->path, 0, "%s: %s%s%s%s", where, value ? "'" : "",
             value ? value : "", value ? "' " : "", what);
}

static void read_event(struct talks *b, const cJSON *e, const cJSON *conference, int64_t day,
                       int day_start, const char *room, const char *where)
{
    char field[400];
    const char *id_text = string_of(e, "guid");
    char id[32] = "";
    const cJSON *id_number = cJSON_GetObjectItemCaseSensitive(e, "id");
    if (cJSON_IsNumber(id_number))
        snprintf(id, sizeof id, "%d", id_number->valueint);
    const char *speakers[SPEAKERS_PER_TALK];
    size_t speaker_count = 0;
    const cJSON *person;
    cJSON_ArrayForEach(person, cJSON_GetObjectItemCaseSensitive(e, "persons"))
    {
        const char *name = string_of(person, "public_name");
        if (!name)
            name = string_of(person, "name");
        if (name && speaker_count < SPEAKERS_PER_TALK)
            speakers[speaker_count++] = name;
    }
    const char *track = string_of(e, "track");
    const char *abstract = string_of(e, "abstract");
    struct talk t = {.id = id[0] ? id : id_text,
                     .guid = id_text,
                     .title = string_of(e, "title"),
                     .room = string_of(e, "room") ? string_of(e, "room") : room,
                     .track = track,
                     .type = string_of(e, "type"),
                     .language = string_of(e, "language"),
                     .abstract = abstract ? abstract : string_of(e, "description"),
                     .speakers = speakers,
                     .speaker_count = speaker_count,
                     .colour = track_colour(conference, track),
                     .url = string_of(e, "url"),
                     .feedback_url = string_of(e, "feedback_url"),
                     .not_recorded =
                         cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(e, "do_not_record"))};
    const char *duration = string_of(e, "duration"), *start = string_of(e, "start");
    int clock;
    if (!duration || !talks_duration(duration, &t.minutes)) {
        snprintf(field, sizeof field, "%s.duration", where);
        problem(b, field, duration, "is not a duration (write HH:MM): the talk is left out");
    } else if (start && !talks_clock(start, &clock)) {
        snprintf(field, sizeof field, "%s.start", where);
        problem(b, field, start, "is not a time (write HH:MM): the talk is left out");
    } else if (!talks_place(b, string_of(e, "date"), start, day, day_start, 0, where, &t.start)) {
        snprintf(field, sizeof field, "%s.start", where);
        problem(b, field, NULL, "no date or start time: the talk is left out");
    } else {
        talks_add(b, &t, 0);
    }
}

/* The minutes after midnight of "2019-12-27T11:00:00+01:00", or -1. */
static int clock_in(const char *datetime)
{
    int h, m;
    const char *at = datetime ? strpbrk(datetime, "T ") : NULL;
    return at && sscanf(at + 1, "%2d:%2d", &h, &m) == 2 ? h * 60 + m : -1;
}

bool schedule_json_read(struct talks *b, const char *text, size_t size)
{
    cJSON *root = cJSON_ParseWithLength(text, size);
    if (!root) {
        const char *at = cJSON_GetErrorPtr();
        int line = 1;
        for (const char *p = text; at && p < at && p < text + size; p++)
            line += *p == '\n';
        diag_add(b->diags, DIAG_ERROR, b->path, at ? line : 0,
                 "JSON syntax error (or nested too deep)");
        return false;
    }
    const cJSON *schedule = cJSON_GetObjectItemCaseSensitive(root, "schedule");
    const cJSON *conference = cJSON_GetObjectItemCaseSensitive(schedule, "conference");
    const cJSON *days = cJSON_GetObjectItemCaseSensitive(conference, "days");
    if (!cJSON_IsArray(days)) {
        diag_add(b->diags, DIAG_ERROR, b->path, 0,
                 "schedule.conference.days: missing: this is not a frab or pretalx "
                 "schedule.json");
        cJSON_Delete(root);
        return false;
    }
    talks_use_zone(b, string_of(conference, "time_zone_name"), 0);
    const cJSON *day;
    int d = 0;
    cJSON_ArrayForEach(day, days)
    {
        char where[300];
        int64_t date = -1;
        const char *date_text = string_of(day, "date");
        if (!date_text || !civil_parse_date(date_text, &date)) {
            snprintf(where, sizeof where, "days[%d].date", d);
            problem(b, where, date_text,
                    "is not a date (YYYY-MM-DD): its talks need their own dates");
        }
        int day_start = clock_in(string_of(day, "day_start"));
        const cJSON *room;
        cJSON_ArrayForEach(room, cJSON_GetObjectItemCaseSensitive(day, "rooms"))
        {
            const cJSON *event;
            int i = 0;
            cJSON_ArrayForEach(event, room)
            {
                snprintf(where, sizeof where, "days[%d].rooms[\"%.100s\"][%d]", d,
                         room->string ? room->string : "", i++);
                if (cJSON_IsObject(event))
                    read_event(b, event, conference, date, day_start, room->string, where);
            }
        }
        d++;
    }
    cJSON_Delete(root);
    return true;
}
