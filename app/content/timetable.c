/* Schedule exports to session slides: what every format shares. */
#include "timetable_formats.h"

#include "../util/array.h"
#include "../util/civil_time.h"
#include "../util/str.h"
#include "../util/zone.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_TALK_MINUTES = 24 * 60 };

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

bool timetable_duration(const char *text, int *minutes)
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
    return *minutes > 0 && *minutes <= 7 * MAX_TALK_MINUTES;
}

bool timetable_datetime(const char *text, int64_t *seconds, bool *has_offset)
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

/* Decodes the HTML entity at text (after '&'), appending it to out; returns
 * the bytes read, 0 when it is none. */
static size_t decode_entity(const char *text, char **out)
{
    static const struct {
        const char *name, *value;
    } named[] = {{"amp;", "&"},        {"lt;", "<"},         {"gt;", ">"},
                 {"quot;", "\""},      {"apos;", "'"},       {"nbsp;", "\u00a0"},
                 {"ndash;", "\u2013"}, {"mdash;", "\u2014"}, {"hellip;", "\u2026"}};
    for (size_t i = 0; i < COUNT(named); i++) {
        size_t n = strlen(named[i].name);
        if (strncmp(text, named[i].name, n) == 0) {
            *out += sprintf(*out, "%s", named[i].value);
            return n;
        }
    }
    if (text[0] != '#')
        return 0;
    char *end;
    long cp =
        text[1] == 'x' || text[1] == 'X' ? strtol(text + 2, &end, 16) : strtol(text + 1, &end, 10);
    if (*end != ';' || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    unsigned char *o = (unsigned char *)*out;
    if (cp < 0x80) {
        *o++ = (unsigned char)cp;
    } else if (cp < 0x800) {
        *o++ = (unsigned char)(0xc0 | cp >> 6);
        *o++ = (unsigned char)(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        *o++ = (unsigned char)(0xe0 | cp >> 12);
        *o++ = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
        *o++ = (unsigned char)(0x80 | (cp & 0x3f));
    } else {
        *o++ = (unsigned char)(0xf0 | cp >> 18);
        *o++ = (unsigned char)(0x80 | (cp >> 12 & 0x3f));
        *o++ = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
        *o++ = (unsigned char)(0x80 | (cp & 0x3f));
    }
    *out = (char *)o;
    return (size_t)(end - text) + 1;
}

char *timetable_plain_text(const char *text)
{
    size_t n = strlen(text);
    char *out = malloc(n + 1), *o = out;
    if (!out)
        return NULL;
    bool line_start = true;
    for (size_t i = 0; i < n;) {
        char c = text[i];
        if (line_start && c == '#') { /* a heading's marks */
            do
                i++;
            while (text[i] == '#');
            while (text[i] == ' ')
                i++;
            line_start = false;
            continue;
        }
        line_start = c == '\n';
        if (c == '\r' || c == '`' || (c == '*' && text[i + 1] == '*') ||
            (c == '_' && text[i + 1] == '_')) {
            i += c == '*' || c == '_' ? 2 : 1;
            continue;
        }
        if (c == '<') { /* an HTML tag: dropped, a break kept as one */
            const char *close = strchr(text + i, '>');
            if (close && close - (text + i) < 200) {
                if (strncasecmp(text + i, "<br", 3) == 0 || strncasecmp(text + i, "<p", 2) == 0)
                    *o++ = '\n';
                i = (size_t)(close - text) + 1;
                continue;
            }
        }
        if (c == '[') { /* [text](target): the text */
            const char *close = strstr(text + i, "](");
            const char *end = close ? strchr(close, ')') : NULL;
            const char *newline = strchr(text + i, '\n');
            if (end && (!newline || newline > end)) {
                size_t len = (size_t)(close - (text + i)) - 1;
                memcpy(o, text + i + 1, len);
                o += len;
                i = (size_t)(end - text) + 1;
                continue;
            }
        }
        if (c == '&') {
            size_t used = decode_entity(text + i + 1, &o);
            if (used) {
                i += used + 1;
                continue;
            }
        }
        *o++ = c;
        i++;
    }
    *o = '\0';
    /* at most one blank line in a row, none at the ends */
    char *w = out;
    int newlines = 2;
    for (char *r = out; *r; r++) {
        newlines = *r == '\n' ? newlines + 1 : 0;
        if (newlines <= 2)
            *w++ = *r;
    }
    while (w > out && (w[-1] == '\n' || w[-1] == ' '))
        w--;
    *w = '\0';
    return out;
}

void timetable_use_zone(struct timetable_builder *b, const char *name, int line)
{
    if (name && name[0] && !zone_exists(name)) {
        diag_add(b->src->diags, DIAG_WARNING, b->src->path, line,
                 "time zone '%s' is not in the tz database: times are read in %s", name,
                 b->event_zone ? b->event_zone : "the computer's zone");
        name = NULL;
    }
    if ((!name || !name[0]) && !b->event_zone)
        diag_add(b->src->diags, DIAG_WARNING, b->src->path, line,
                 "no time zone: its local times are read in the computer's zone (write "
                 "timezone: in event.yaml)");
    zone_use(name && name[0] ? name : b->event_zone);
}

int64_t timetable_local_to_utc(int64_t local)
{
    return zone_utc(local);
}

/* The minutes after midnight written in "2019-12-27T11:00...", or -1. */
static int written_clock(const char *datetime)
{
    int h, m;
    const char *at = datetime ? strpbrk(datetime, "T ") : NULL;
    return at && sscanf(at + 1, "%2d:%2d", &h, &m) == 2 ? h * 60 + m : -1;
}

bool timetable_place(struct timetable_builder *b, const char *date, const char *start, int64_t day,
                     int turn, int line, const char *what, int64_t *utc)
{
    int start_minutes = -1;
    if (start && (!strchr(start, ':') || !timetable_duration(start, &start_minutes)))
        start_minutes = -1;
    int64_t when;
    bool offset = false, dated = date && timetable_datetime(date, &when, &offset);
    if (dated && offset) {
        int64_t local = zone_local(when);
        int shown = (int)(((local % SECONDS_PER_DAY) + SECONDS_PER_DAY) % SECONDS_PER_DAY / 60);
        int64_t on = local / SECONDS_PER_DAY - (local % SECONDS_PER_DAY < 0);
        int64_t listed = day + (turn >= 0 && shown < turn); /* after midnight: the next date */
        if (day >= 0 && on != listed) {
            char want[64];
            civil_format_date(listed, NULL, want, sizeof want);
            diag_add(b->src->diags, DIAG_WARNING, b->src->path, line,
                     "%s: its date %s is not on the day it is listed under (%s); the date is "
                     "used",
                     what, date, want);
        }
        if (start_minutes < 0 || shown == start_minutes) {
            *utc = when;
            return true;
        }
        bool mislabelled = written_clock(date) == start_minutes;
        diag_add(b->src->diags, DIAG_WARNING, b->src->path, line,
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
        *utc = zone_utc(on * SECONDS_PER_DAY + start_minutes * 60);
        return true;
    }
    if (dated) {
        *utc = zone_utc(when);
        return true;
    }
    return false;
}

bool timetable_add(struct timetable_builder *b, const struct talk *t, int line)
{
    if (b->count == TIMETABLE_MAX_TALKS) {
        if (!b->too_many)
            diag_add(b->src->diags, DIAG_WARNING, b->src->path, line,
                     "more than %d talks: the rest are left out", TIMETABLE_MAX_TALKS);
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
    s->description = t->abstract && t->abstract[0] ? timetable_plain_text(t->abstract) : NULL;
    s->source = t->id && t->id[0] ? str_printf("%s#%s", b->src->path, t->id)
                                  : str_printf("%s#%zu", b->src->path, b->count + 1);
    s->speakers = t->speaker_count ? calloc(t->speaker_count, sizeof *s->speakers) : NULL;
    for (size_t i = 0; s->speakers && i < t->speaker_count; i++)
        if (t->speakers[i] && t->speakers[i][0])
            s->speakers[s->speaker_count++] = str_dup(t->speakers[i]);
    b->starts[b->count] = t->start;
    b->minutes[b->count] = t->minutes > MAX_TALK_MINUTES ? MAX_TALK_MINUTES : t->minutes;
    b->count++;
    return true;
}

/* The talks as slides in the event's time zone. */
static void to_event_time(struct timetable_builder *b)
{
    zone_use(b->event_zone);
    for (size_t i = 0; i < b->count; i++) {
        struct slide *s = &b->slides[i];
        int64_t start = zone_local(b->starts[i]);
        int64_t end = zone_local(b->starts[i] + (int64_t)b->minutes[i] * 60);
        int64_t day = start / SECONDS_PER_DAY - (start % SECONDS_PER_DAY < 0);
        s->date = (struct optional_day){true, day};
        s->start = (struct optional_clock){true, (int)((start - day * SECONDS_PER_DAY) / 60)};
        int end_minutes = (int)(((end % SECONDS_PER_DAY) + SECONDS_PER_DAY) % SECONDS_PER_DAY / 60);
        if (end_minutes == s->start.minutes)
            end_minutes = (end_minutes + 1) % (24 * 60); /* a whole day: a minute short */
        s->end = (struct optional_clock){true, end_minutes};
    }
}

size_t timetable_parse(const struct source *src, const char *text, size_t size,
                       const char *event_zone, struct slide **slides)
{
    struct timetable_builder b = {.src = src, .event_zone = event_zone};
    size_t skip = size >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0 ? 3 : 0; /* a BOM */
    size_t at = skip;
    while (at < size && isspace((unsigned char)text[at]))
        at++;
    bool ok;
    if (at < size && text[at] == '<')
        ok = timetable_read_xml(&b, text, size);
    else if (at < size && (text[at] == '{' || text[at] == '['))
        ok = timetable_read_json(&b, text + skip, size - skip);
    else
        ok = timetable_read_csv(&b, text + skip, size - skip);
    to_event_time(&b);
    if (ok && b.count == 0)
        diag_add(src->diags, DIAG_ERROR, src->path, 0, "holds no talks");
    if (!ok || b.count == 0) {
        for (size_t i = 0; i < b.count; i++)
            slide_free(&b.slides[i]);
        free(b.slides);
        b.slides = NULL;
        b.count = 0;
    }
    free(b.starts);
    free(b.minutes);
    *slides = b.slides;
    return b.count;
}
