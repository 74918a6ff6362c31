/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Talks as schedule exports write them: their times and durations, and
 * the list the readers fill. */
#include "../limits.h"
#include "talks.h"

#include "../util/array.h"
#include "../util/civil_time.h"
#include "../util/plain_text.h"
#include "../util/str.h"
#include "../util/zone.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads n digits at *p into *value, stepping past them. */
static bool digits(const char **p, int n, int *value)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*p)[i]))
            return false;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += n;
    *value = v;
    return true;
}

bool talks_duration(const char *text, int *minutes)
{
    int parts[3], count = 0;
    size_t widths[3];
    const char *p = text;
    while (*p == ' ')
        p++;
    while (count < 3) {
        const char *start = p;
        long v = 0;
        while (isdigit((unsigned char)*p) && p - start < 6)
            v = v * 10 + (*p++ - '0');
        if (p == start)
            return false;
        widths[count] = (size_t)(p - start);
        parts[count++] = (int)v;
        if (*p != ':')
            break;
        p++;
    }
    while (*p == ' ')
        p++;
    if (*p)
        return false;
    if (count == 1) {
        *minutes = parts[0]; /* plain minutes */
    } else if (count == 2) {
        if (parts[1] > 59 || widths[1] != 2)
            return false;
        *minutes = parts[0] * 60 + parts[1]; /* H:MM, HH:MM, hours past 24 */
    } else {
        if (parts[1] > 59 || parts[2] > 59 || widths[1] != 2 || widths[2] != 2)
            return false;
        if (widths[0] == 1 && parts[1] < 24)
            *minutes = parts[0] * 24 * 60 + parts[1] * 60 + parts[2]; /* D:HH:MM */
        else
            *minutes = parts[0] * 60 + parts[1]; /* HH:MM:SS, seconds dropped */
    }
    return *minutes > 0 && *minutes <= TALK_MAX_MINUTES;
}

bool talks_clock(const char *text, int *minutes)
{
    const char *p = text;
    int h = 0, m, s = 0;
    while (*p == ' ')
        p++;
    const char *hours = p;
    while (isdigit((unsigned char)*p) && p - hours < 2)
        h = h * 10 + (*p++ - '0');
    if (p == hours || *p++ != ':' || !digits(&p, 2, &m))
        return false;
    if (*p == ':' && (p++, !digits(&p, 2, &s)))
        return false;
    while (*p == ' ')
        p++;
    if (*p || h > 23 || m > 59 || s > 59)
        return false;
    *minutes = h * 60 + m;
    return true;
}

bool talks_datetime(const char *text, int64_t *seconds, bool *has_offset)
{
    const char *p = text;
    int y, mo, d, h = 0, mi = 0, s = 0;
    if (!digits(&p, 4, &y) || *p++ != '-' || !digits(&p, 2, &mo) || *p++ != '-' ||
        !digits(&p, 2, &d))
        return false;
    int64_t days = civil_days(y, mo, d);
    int cy, cm, cd;
    civil_from_days(days, &cy, &cm, &cd);
    if (cy != y || cm != mo || cd != d)
        return false; /* 2025-02-30 */
    if (*p == 'T' || *p == ' ') {
        p++;
        if (!digits(&p, 2, &h) || *p++ != ':' || !digits(&p, 2, &mi) || h > 23 || mi > 59)
            return false;
        if (*p == ':' && (p++, !digits(&p, 2, &s) || s > 60))
            return false;
        if (*p == '.') /* fractions of a second */
            for (p++; isdigit((unsigned char)*p); p++) {
            }
    }
    int64_t local = days * SECONDS_PER_DAY + h * 3600 + mi * 60 + s;
    *has_offset = false;
    if (*p == 'Z') {
        p++;
        *has_offset = true;
    } else if (*p == '+' || *p == '-') {
        int sign = *p++ == '-' ? -1 : 1, oh, om = 0;
        if (!digits(&p, 2, &oh))
            return false;
        if (*p == ':')
            p++;
        if (isdigit((unsigned char)*p) && !digits(&p, 2, &om))
            return false;
        if (oh > 14 || om > 59)
            return false;
        local -= sign * (oh * 3600 + om * 60);
        *has_offset = true;
    }
    if (*p)
        return false;
    *seconds = local;
    return true;
}

void talks_use_zone(struct talks *b, const char *name, int line)
{
    if (name && name[0] && !zone_exists(name)) {
        diag_add(b->diags, DIAG_WARNING, b->path, line,
                 "time zone '%s' is not in the tz database: times are read in %s", name,
                 b->event_zone ? b->event_zone : "the computer's zone");
        name = NULL;
    }
    if ((!name || !name[0]) && !b->event_zone)
        diag_add(b->diags, DIAG_WARNING, b->path, line,
                 "no time zone: its local times are read in the computer's zone (write "
                 "timezone: in event.yaml)");
    zone_use(name && name[0] ? name : b->event_zone);
}

int64_t talks_local_to_utc(struct talks *b, int64_t local, int line, const char *what)
{
    enum zone_fold fold;
    int64_t utc = zone_utc_fold(local, &fold);
    if (fold == ZONE_ONCE)
        return utc;
    int64_t day = local / SECONDS_PER_DAY - (local % SECONDS_PER_DAY < 0);
    int minutes = (int)((local - day * SECONDS_PER_DAY) / 60), y, m, d;
    civil_from_days(day, &y, &m, &d);
    if (fold == ZONE_TWICE) {
        diag_add(b->diags, DIAG_WARNING, b->path, line,
                 "%s%s%02d:%02d on %04d-%02d-%02d happens twice (the clocks go back): the "
                 "first, in summer time, is used",
                 what ? what : "", what ? ": " : "", minutes / 60, minutes % 60, y, m, d);
        return utc;
    }
    int64_t shown = zone_local(utc);
    int later = (int)((shown - (shown / SECONDS_PER_DAY - (shown % SECONDS_PER_DAY < 0)) *
                                   SECONDS_PER_DAY) /
                      60);
    diag_add(b->diags, DIAG_WARNING, b->path, line,
             "%s%s%02d:%02d on %04d-%02d-%02d does not exist (the clocks go forward): it is "
             "read as %02d:%02d",
             what ? what : "", what ? ": " : "", minutes / 60, minutes % 60, y, m, d, later / 60,
             later % 60);
    return utc;
}

/* The minutes after midnight written in "2019-12-27T11:00...", or -1. */
static int written_clock(const char *datetime)
{
    int h, m;
    const char *at = datetime ? strpbrk(datetime, "T ") : NULL;
    return at && sscanf(at + 1, "%2d:%2d", &h, &m) == 2 ? h * 60 + m : -1;
}

bool talks_place(struct talks *b, const char *date, const char *start, int64_t day, int turn,
                 int line, const char *what, int64_t *utc)
{
    int start_minutes = -1;
    if (start && !talks_clock(start, &start_minutes))
        start_minutes = -1;
    int64_t when;
    bool offset = false, dated = date && talks_datetime(date, &when, &offset);
    if (dated && offset) {
        int64_t local = zone_local(when);
        int shown = (int)(((local % SECONDS_PER_DAY) + SECONDS_PER_DAY) % SECONDS_PER_DAY / 60);
        int64_t on = local / SECONDS_PER_DAY - (local % SECONDS_PER_DAY < 0);
        int64_t listed = day + (turn >= 0 && shown < turn); /* after midnight: the next date */
        if (day >= 0 && on != listed) {
            char under[64];
            civil_format_date(day, NULL, under, sizeof under);
            if (on == day)
                diag_add(b->diags, DIAG_WARNING, b->path, line,
                         "%s: its date %s is on the day it is listed under (%s) but before "
                         "that day starts (%02d:%02d); the date is used",
                         what, date, under, turn / 60, turn % 60);
            else
                diag_add(b->diags, DIAG_WARNING, b->path, line,
                         "%s: its date %s is not on the day it is listed under (%s); the date "
                         "is used",
                         what, date, under);
        }
        if (start_minutes < 0 || shown == start_minutes) {
            *utc = when;
            return true;
        }
        bool mislabelled = written_clock(date) == start_minutes;
        diag_add(b->diags, DIAG_WARNING, b->path, line,
                 "%s: its date %s is %02d:%02d here, but its start says %s; the %s is used", what,
                 date, shown / 60, shown % 60, start,
                 mislabelled ? "start (the date's offset looks mistaken)" : "date");
        if (!mislabelled) {
            *utc = when;
            return true;
        }
        char written[11] = {0}; /* the date as written, read as local */
        memcpy(written, date, 10);
        if (!civil_parse_date(written, &day))
            day = -1;
        turn = -1;
    }
    if (start_minutes >= 0 && day >= 0) {
        int64_t on = day + (turn >= 0 && start_minutes < turn); /* after midnight */
        *utc = talks_local_to_utc(b, on * SECONDS_PER_DAY + start_minutes * 60, line, what);
        return true;
    }
    if (dated) {
        *utc = talks_local_to_utc(b, when, line, what);
        return true;
    }
    return false;
}

bool talks_add(struct talks *b, const struct talk *t, int line)
{
    if (b->count == SCHEDULE_MAX_TALKS) {
        if (!b->too_many)
            diag_add(b->diags, DIAG_WARNING, b->path, line,
                     "more than %d talks: the rest are left out", SCHEDULE_MAX_TALKS);
        b->too_many = true;
        return false;
    }
    size_t before = b->capacity;
    if (!ARRAY_RESERVE(b->slides, b->count, b->capacity))
        return false;
    if (b->capacity != before) { /* the times grow beside the slides */
        int64_t *starts = realloc(b->starts, b->capacity * sizeof *starts);
        if (starts)
            b->starts = starts;
        int *minutes = starts ? realloc(b->minutes, b->capacity * sizeof *minutes) : NULL;
        if (minutes)
            b->minutes = minutes;
        if (!starts || !minutes) {
            b->capacity = before;
            return false;
        }
    }
    struct slide *s = &b->slides[b->count];
    *s = (struct slide){.kind = SLIDE_SESSION, .scheduled = true, .track_colour = t->colour};
    s->title = str_dup(t->title && t->title[0] ? t->title : "(untitled)");
    s->room = t->room && t->room[0] ? str_dup(t->room) : NULL;
    const char *label = t->track && t->track[0] ? t->track : t->type;
    s->label = label && label[0] ? str_dup(label) : NULL;
    s->language = t->language && t->language[0] ? str_dup(t->language) : NULL;
    s->description = t->abstract && t->abstract[0] ? plain_text_from_markup(t->abstract) : NULL;
    s->source = t->id && t->id[0] ? str_printf("%s#%s", b->path, t->id)
                                  : str_printf("%s#%zu", b->path, b->count + 1);
    const char *key = t->guid && t->guid[0] ? t->guid : t->id;
    s->talk_key = key && key[0] ? str_dup(key) : NULL;
    s->speakers = t->speaker_count ? calloc(t->speaker_count, sizeof *s->speakers) : NULL;
    for (size_t i = 0; s->speakers && i < t->speaker_count; i++)
        if (t->speakers[i] && t->speakers[i][0])
            s->speakers[s->speaker_count++] = str_dup(t->speakers[i]);
    s->url = t->url && t->url[0] ? str_dup(t->url) : NULL;
    s->feedback_url = t->feedback_url && t->feedback_url[0] ? str_dup(t->feedback_url) : NULL;
    s->not_recorded = t->not_recorded;
    char *texts[] = {s->title, s->room, s->label, s->description};
    for (size_t i = 0; i < COUNT(texts); i++)
        if (texts[i])
            utf8_bound_invisible(texts[i]); /* as slide files' texts are */
    b->starts[b->count] = t->start;
    b->minutes[b->count] = t->minutes > TALK_MAX_MINUTES ? TALK_MAX_MINUTES : t->minutes;
    b->count++;
    return true;
}
