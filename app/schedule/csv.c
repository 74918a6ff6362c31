/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A schedule kept in a spreadsheet, saved as CSV with a header row, through
 * libcsv: ',' or ';' between fields, quoted fields, columns in any order,
 * named in English in any case. */
#include "../limits.h"
#include "formats.h"

#include "../util/array.h"
#include "../util/civil_time.h"
#include "../util/str.h"

#include "libs.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum column {
    COL_DATE,
    COL_START,
    COL_END,
    COL_DURATION,
    COL_ROOM,
    COL_TITLE,
    COL_SPEAKERS,
    COL_TRACK,
    COL_TYPE,
    COL_LANGUAGE,
    COL_ABSTRACT,
    COL_COUNT
};

/* Each column's names, as spreadsheets head them. */
static const char *const column_names[COL_COUNT][4] = {
    [COL_DATE] = {"date", "day"},
    [COL_START] = {"start", "starttime", "begin", "from"},
    [COL_END] = {"end", "endtime", "until", "to"},
    [COL_DURATION] = {"duration", "length", "minutes"},
    [COL_ROOM] = {"room", "location", "hall", "stage"},
    [COL_TITLE] = {"title", "session", "talk", "name"},
    [COL_SPEAKERS] = {"speakers", "speaker", "persons", "presenters"},
    [COL_TRACK] = {"track", "topic"},
    [COL_TYPE] = {"type", "format"},
    [COL_LANGUAGE] = {"language", "lang"},
    [COL_ABSTRACT] = {"abstract", "description", "summary"},
};

enum { MAX_FIELDS = 64 };

struct reader {
    struct talks *b;
    char *fields[MAX_FIELDS];
    size_t field_count;
    int column_at[COL_COUNT]; /* the field index of each column; -1: absent */
    int row;                  /* 1: the header */
    bool header_done, failed;
};

/* The column a header names, ignoring case, spaces, '_' and '-'; -1: none. */
static int column_of(const char *header)
{
    char key[32];
    size_t n = 0;
    for (const char *p = header; *p && n + 1 < sizeof key; p++)
        if (isalnum((unsigned char)*p))
            key[n++] = (char)tolower((unsigned char)*p);
    key[n] = '\0';
    for (int c = 0; c < COL_COUNT; c++)
        for (int i = 0; i < 4 && column_names[c][i]; i++)
            if (strcmp(key, column_names[c][i]) == 0)
                return c;
    return -1;
}

static const char *field(const struct reader *r, enum column c)
{
    int at = r->column_at[c];
    return at >= 0 && (size_t)at < r->field_count && r->fields[at] && r->fields[at][0]
               ? r->fields[at]
               : NULL;
}

static void on_field(void *bytes, size_t n, void *data)
{
    struct reader *r = data;
    if (r->field_count < MAX_FIELDS)
        r->fields[r->field_count++] = bytes ? str_ndup(bytes, n) : NULL;
}

static void read_header(struct reader *r)
{
    for (int c = 0; c < COL_COUNT; c++)
        r->column_at[c] = -1;
    for (size_t i = 0; i < r->field_count; i++) {
        int c = r->fields[i] ? column_of(r->fields[i]) : -1;
        if (c >= 0 && r->column_at[c] < 0)
            r->column_at[c] = (int)i;
    }
    r->header_done = true;
    if (r->column_at[COL_TITLE] < 0 || r->column_at[COL_START] < 0) {
        diag_add(r->b->diags, DIAG_ERROR, r->b->path, 1,
                 "the first row must name the columns, with at least 'title' and 'start' "
                 "(see the content guide)");
        r->failed = true;
    }
}

/* A start or end: "2025-02-12 10:00" (or ISO with an offset), or "10:00" on
 * the row's date. Sets *utc; false when it is neither. */
static bool moment(struct reader *r, const char *text, const char *date, int64_t *utc)
{
    int64_t t, day;
    bool offset;
    int minutes;
    if (talks_datetime(text, &t, &offset)) {
        *utc = offset ? t : talks_local_to_utc(r->b, t, r->row, NULL);
        return strpbrk(text, "T ") != NULL;
    }
    if (date && civil_parse_date(date, &day) && talks_clock(text, &minutes)) {
        *utc = talks_local_to_utc(r->b, day * SECONDS_PER_DAY + minutes * 60, r->row, NULL);
        return true;
    }
    return false;
}

/* Writes to hint how to write the date text as YYYY-MM-DD: the date itself
 * when text is day first ("20/05/2026", "20.05.2026"). */
static void date_hint(const char *text, char *hint, size_t size)
{
    int d, m, y, n = 0;
    char sep[2];
    int64_t day;
    if (sscanf(text, "%2d%1[./]%2d%*1[./]%4d%n", &d, sep, &m, &y, &n) == 4 && !text[n] &&
        y >= 1000) {
        snprintf(hint, size, "%04d-%02d-%02d", y, m, d);
        if (civil_parse_date(hint, &day))
            return;
    }
    snprintf(hint, size, "YYYY-MM-DD, a day the calendar has");
}

/* Splits a speakers field at ';' (or ',' when there is no ';'). */
static size_t split_speakers(char *text, char **out)
{
    const char *separator = strchr(text, ';') ? ";" : ",";
    size_t n = 0;
    for (char *save, *p = strtok_r(text, separator, &save); p && n < SPEAKERS_PER_TALK;
         p = strtok_r(NULL, separator, &save)) {
        while (*p == ' ')
            p++;
        size_t len = strlen(p);
        while (len && p[len - 1] == ' ')
            p[--len] = '\0';
        if (*p)
            out[n++] = p;
    }
    return n;
}

static void read_row(struct reader *r)
{
    struct talks *b = r->b;
    const char *title = field(r, COL_TITLE), *start = field(r, COL_START);
    const char *end = field(r, COL_END), *duration = field(r, COL_DURATION);
    const char *date = field(r, COL_DATE);
    if (!title && !start)
        return; /* an empty row */
    char *speaker_text = field(r, COL_SPEAKERS) ? str_dup(field(r, COL_SPEAKERS)) : NULL;
    char *speakers[SPEAKERS_PER_TALK];
    struct talk t = {.title = title,
                     .room = field(r, COL_ROOM),
                     .track = field(r, COL_TRACK),
                     .type = field(r, COL_TYPE),
                     .language = field(r, COL_LANGUAGE),
                     .abstract = field(r, COL_ABSTRACT),
                     .speakers = (const char *const *)speakers,
                     .speaker_count = speaker_text ? split_speakers(speaker_text, speakers) : 0};
    int64_t until;
    char start_date[11] = ""; /* the date of a start written with one */
    if (!date && start && strlen(start) > 10 && start[4] == '-')
        memcpy(start_date, start, 10);
    int64_t day;
    bool placed = start && moment(r, start, date, &t.start);
    if (start && !placed && date && !civil_parse_date(date, &day)) {
        char hint[48];
        date_hint(date, hint, sizeof hint);
        diag_add(b->diags, DIAG_WARNING, b->path, r->row,
                 "date: '%s' is not a date: write %s; the row is left out", date, hint);
    } else if (!placed) {
        diag_add(b->diags, DIAG_WARNING, b->path, r->row,
                 "start: '%s' is not a time (write 10:00 with a date column, or "
                 "2025-02-12 10:00): the row is left out",
                 start ? start : "");
    } else if (end && moment(r, end, date ? date : start_date, &until)) {
        if (until <= t.start)
            until += SECONDS_PER_DAY; /* over midnight */
        t.minutes = (int)((until - t.start) / 60);
        talks_add(b, &t, r->row);
    } else if (duration && talks_duration(duration, &t.minutes)) {
        talks_add(b, &t, r->row);
    } else if (end) {
        diag_add(b->diags, DIAG_WARNING, b->path, r->row,
                 "end: '%s' is not a time (write 11:30): the row is left out", end);
    } else if (duration) {
        diag_add(b->diags, DIAG_WARNING, b->path, r->row,
                 duration[strspn(duration, " ")] == '-'
                     ? "duration: '%s' is negative (write 90 or 1:30): the row is left out"
                     : "duration: '%s' is not a duration (write 90 or 1:30): the row is left out",
                 duration);
    } else if (r->column_at[COL_END] < 0 && r->column_at[COL_DURATION] < 0) {
        t.minutes = SESSION_DEFAULT_MINUTES; /* no column for it: the usual length */
        talks_add(b, &t, r->row);
    } else {
        diag_add(b->diags, DIAG_WARNING, b->path, r->row,
                 "needs an end (11:30) or a duration (90 or 1:30): the row is left out");
    }
    free(speaker_text);
}

static void on_row(int terminator, void *data)
{
    (void)terminator;
    struct reader *r = data;
    r->row++;
    if (!r->header_done)
        read_header(r);
    else if (!r->failed)
        read_row(r);
    for (size_t i = 0; i < r->field_count; i++)
        free(r->fields[i]);
    r->field_count = 0;
}

/* ';' when the header row has more of them than ','. */
static unsigned char delimiter_of(const char *text, size_t size)
{
    size_t commas = 0, semicolons = 0;
    for (size_t i = 0; i < size && text[i] != '\n'; i++) {
        commas += text[i] == ',';
        semicolons += text[i] == ';';
    }
    return semicolons > commas ? ';' : ',';
}

bool schedule_csv_read(struct talks *b, const char *text, size_t size)
{
    char why[200];
    const struct schedule_csv_lib *csv = schedule_libs_csv(why, sizeof why);
    if (!csv) {
        diag_add(b->diags, DIAG_ERROR, b->path, 0, "cannot be read: %s", why);
        return false;
    }
    struct csv_parser parser;
    if (csv->init(&parser, CSV_APPEND_NULL) != 0)
        return false;
    csv->set_delim(&parser, delimiter_of(text, size));
    struct reader r = {.b = b};
    talks_use_zone(b, NULL, 0);
    bool ok = csv->parse(&parser, text, size, on_field, on_row, &r) == size &&
              csv->fini(&parser, on_field, on_row, &r) == 0;
    if (!ok)
        diag_add(b->diags, DIAG_ERROR, b->path, r.row + 1, "CSV: %s",
                 csv->strerror(csv->error(&parser)));
    for (size_t i = 0; i < r.field_count; i++)
        free(r.fields[i]);
    csv->free(&parser);
    return ok && !r.failed;
}
