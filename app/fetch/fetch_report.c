/* SPDX-License-Identifier: GPL-2.0-or-later */
/* hallscreen-fetch's status file and metrics. The Prometheus text is
 * written by hand, as the show's is (monitor/metrics.c): a few lines of
 * "name{labels} value", which no Debian library produces. */
#include "fetch_report.h"

#include "../util/str.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* ms since 1970 as "2025-02-12T10:00:00Z"; "" for 0 (never). */
static void utc_text(int64_t ms, char *out, size_t size)
{
    out[0] = '\0';
    time_t t = (time_t)(ms / 1000);
    struct tm tm;
    if (ms > 0 && gmtime_r(&t, &tm))
        strftime(out, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void add_time(cJSON *o, const char *name, int64_t ms)
{
    char text[32];
    utc_text(ms, text, sizeof text);
    cJSON_AddStringToObject(o, name, text);
}

char *fetch_report_status(const struct fetch_plan *plan, const char *content_dir, int64_t now_ms)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "content", content_dir);
    add_time(root, "updated", now_ms);
    cJSON *sources = cJSON_AddArrayToObject(root, "sources");
    for (size_t i = 0; sources && i < plan->count; i++) {
        const struct fetch_source *s = &plan->sources[i];
        cJSON *o = cJSON_CreateObject();
        char *file = str_escape(s->file); /* a file name may be any bytes */
        cJSON_AddStringToObject(o, "file", file ? file : "");
        free(file);
        cJSON_AddStringToObject(o, "url", s->url);
        cJSON_AddNumberToObject(o, "every", s->every);
        add_time(o, "last_success", s->last_success_ms);
        add_time(o, "last_attempt", s->last_attempt_ms);
        add_time(o, "last_change", s->last_change_ms);
        cJSON_AddStringToObject(o, "last_error", s->error);
        cJSON_AddNumberToObject(o, "failures_in_a_row", s->failures);
        cJSON_AddStringToObject(o, "etag", s->etag ? s->etag : "");
        cJSON_AddStringToObject(o, "last_modified", s->last_modified ? s->last_modified : "");
        add_time(o, "next_check", s->next_ms > now_ms ? s->next_ms : now_ms);
        if (s->copy_mtime_ms)
            cJSON_AddNumberToObject(o, "copy_age_seconds",
                                    (double)((now_ms - s->copy_mtime_ms) / 1000));
        else
            cJSON_AddNullToObject(o, "copy_age_seconds");
        cJSON_AddItemToArray(sources, o);
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    return text;
}

/* A label value with \, " and newlines escaped, as the format asks. */
static void escape_label(FILE *out, const char *value)
{
    for (const char *p = value; *p; p++) {
        if (*p == '\\' || *p == '"')
            fprintf(out, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", out);
        else
            fputc(*p, out);
    }
}

static void declare(FILE *out, const char *name, const char *type, const char *help)
{
    fprintf(out, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* One sample of each source: name{content="...",file="..."} value. */
static void per_source(FILE *out, const struct fetch_plan *plan, const char *content_dir,
                       const char *name, const char *type, const char *help,
                       double (*value)(const struct fetch_source *s, int64_t now_ms),
                       int64_t now_ms)
{
    declare(out, name, type, help);
    for (size_t i = 0; i < plan->count; i++) {
        const struct fetch_source *s = &plan->sources[i];
        double v = value(s, now_ms);
        if (isnan(v)) /* no sample for this source */
            continue;
        fprintf(out, "%s{content=\"", name);
        escape_label(out, content_dir);
        fputs("\",file=\"", out);
        escape_label(out, s->file);
        fprintf(out, "\"} %.15g\n", v);
    }
}

static double seconds(int64_t ms)
{
    return (double)ms / 1000.0;
}

static double last_success(const struct fetch_source *s, int64_t now_ms)
{
    (void)now_ms;
    return seconds(s->last_success_ms);
}

static double last_attempt(const struct fetch_source *s, int64_t now_ms)
{
    (void)now_ms;
    return seconds(s->last_attempt_ms);
}

static double last_change(const struct fetch_source *s, int64_t now_ms)
{
    (void)now_ms;
    return seconds(s->last_change_ms);
}

static double source_ok(const struct fetch_source *s, int64_t now_ms)
{
    (void)now_ms;
    return s->last_attempt_ms && !s->error[0];
}

static double failures_in_a_row(const struct fetch_source *s, int64_t now_ms)
{
    (void)now_ms;
    return s->failures;
}

static double copy_age(const struct fetch_source *s, int64_t now_ms)
{
    return s->copy_mtime_ms ? seconds(now_ms - s->copy_mtime_ms) : NAN;
}

static double copy_present(const struct fetch_source *s, int64_t now_ms)
{
    (void)now_ms;
    return s->copy_mtime_ms != 0;
}

static double downloads(const struct fetch_source *s, int64_t now_ms)
{
    (void)now_ms;
    return (double)s->downloads;
}

static double not_modified(const struct fetch_source *s, int64_t now_ms)
{
    (void)now_ms;
    return (double)s->not_modified;
}

static double failed(const struct fetch_source *s, int64_t now_ms)
{
    (void)now_ms;
    return (double)s->failed;
}

static double bytes(const struct fetch_source *s, int64_t now_ms)
{
    (void)now_ms;
    return (double)s->bytes;
}

char *fetch_report_metrics(const struct fetch_plan *plan, const char *content_dir,
                           int64_t started_ms, int64_t now_ms)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    if (!out)
        return NULL;
    declare(out, "hallscreen_fetch_up", "gauge", "1 while hallscreen-fetch runs.");
    fputs("hallscreen_fetch_up 1\n", out);
    declare(out, "hallscreen_fetch_start_time_seconds", "gauge",
            "When hallscreen-fetch started, seconds since 1970.");
    fprintf(out, "hallscreen_fetch_start_time_seconds %.15g\n", seconds(started_ms));
    static const struct {
        const char *name, *type, *help;
        double (*value)(const struct fetch_source *s, int64_t now_ms);
    } figures[] = {
        {"hallscreen_fetch_ok", "gauge", "1 when the last check of the source worked.", source_ok},
        {"hallscreen_fetch_last_success_timestamp_seconds", "gauge",
         "When a check last worked (a good download or not modified), seconds since 1970 "
         "(0: never).",
         last_success},
        {"hallscreen_fetch_last_attempt_timestamp_seconds", "gauge",
         "When the source was last checked, seconds since 1970 (0: not yet).", last_attempt},
        {"hallscreen_fetch_last_change_timestamp_seconds", "gauge",
         "When a new version was last written, seconds since 1970 (0: never).", last_change},
        {"hallscreen_fetch_failures_in_a_row", "gauge",
         "Checks in a row that failed (0 after one that worked).", failures_in_a_row},
        {"hallscreen_fetch_copy_present", "gauge", "1 when the local copy is in the folder.",
         copy_present},
        {"hallscreen_fetch_copy_age_seconds", "gauge",
         "Seconds since the local copy was written or confirmed by the server.", copy_age},
        {"hallscreen_fetch_downloads_total", "counter",
         "New versions downloaded, checked and written.", downloads},
        {"hallscreen_fetch_not_modified_total", "counter",
         "Checks the server answered with 304 Not Modified (or the same bytes).", not_modified},
        {"hallscreen_fetch_failures_total", "counter",
         "Checks that failed: no answer, an error status, or a download that is no schedule.",
         failed},
        {"hallscreen_fetch_downloaded_bytes_total", "counter",
         "Bytes of the downloads of the source.", bytes},
    };
    for (size_t i = 0; i < sizeof figures / sizeof *figures; i++)
        per_source(out, plan, content_dir, figures[i].name, figures[i].type, figures[i].help,
                   figures[i].value, now_ms);
    if (fclose(out) != 0) {
        free(text);
        return NULL;
    }
    return text;
}
