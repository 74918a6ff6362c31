/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Prometheus exposition format, version 0.0.4. Written by hand: it is a few
 * lines of "name{labels} value", and no Debian library produces it. */
#include "metrics.h"

#include "schedule_age.h"
#include "../util/file_write.h"
#include "../util/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct out {
    char *text;
    size_t length, size;
    bool failed;
    char labels[160]; /* screen="..." or "" */
};

static void append(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void append(struct out *o, const char *fmt, ...)
{
    for (int tries = 0; !o->failed && tries < 2; tries++) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(o->text ? o->text + o->length : NULL, o->text ? o->size - o->length : 0,
                          fmt, ap);
        va_end(ap);
        if (n < 0) {
            o->failed = true;
        } else if (o->text && (size_t)n < o->size - o->length) {
            o->length += (size_t)n;
            return;
        } else {
            size_t size = (o->size + (size_t)n + 1) * 2;
            char *grown = realloc(o->text, size);
            o->failed = !grown;
            o->text = grown ? grown : o->text;
            o->size = grown ? size : o->size;
        }
    }
}

/* A metric's HELP and TYPE lines. */
static void declare(struct out *o, const char *name, const char *type, const char *help)
{
    append(o, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* name{screen=...,extra} value */
static void sample(struct out *o, const char *name, const char *extra, double value)
{
    bool any = o->labels[0] || (extra && extra[0]);
    append(o, "%s%s%s%s%s%s %.15g\n", name, any ? "{" : "", o->labels,
           o->labels[0] && extra && extra[0] ? "," : "", extra ? extra : "", any ? "}" : "", value);
}

static void gauge(struct out *o, const char *name, const char *help, double value)
{
    declare(o, name, "gauge", help);
    sample(o, name, NULL, value);
}

static void counter(struct out *o, const char *name, const char *help, double value)
{
    declare(o, name, "counter", help);
    sample(o, name, NULL, value);
}

/* A label value with \, " and newlines escaped, as the format asks. */
static void escape_label(const char *value, char *out, size_t size)
{
    size_t n = 0;
    for (const char *p = value; *p && n + 3 < size; p++) {
        if (*p == '\\' || *p == '"' || *p == '\n') {
            out[n++] = '\\';
            out[n++] = *p == '\n' ? 'n' : *p;
        } else {
            out[n++] = *p;
        }
    }
    out[n] = '\0';
}

/* Each schedule export played: when it was last modified, and how long ago. */
static void schedule_figures(struct out *o, const struct metrics *m)
{
    struct schedule_age ages[SCHEDULE_AGE_FILES];
    size_t n = m->content ? schedule_ages(m->content, ages, SCHEDULE_AGE_FILES) : 0;
    declare(o, "hallscreen_schedule_modified_timestamp_seconds", "gauge",
            "When each schedule export played was last written or confirmed, seconds since "
            "1970 (0: it is gone).");
    char labels[SCHEDULE_AGE_FILES][320];
    for (size_t i = 0; i < n; i++) {
        char name[256], value[300];
        snprintf(name, sizeof name, "%.*s", (int)(ages[i].path_length - ages[i].name_at),
                 ages[i].path + ages[i].name_at);
        escape_label(name, value, sizeof value);
        snprintf(labels[i], sizeof labels[i], "file=\"%s\"", value);
        sample(o, "hallscreen_schedule_modified_timestamp_seconds", labels[i],
               (double)ages[i].mtime_ms / 1000.0);
    }
    declare(o, "hallscreen_schedule_age_seconds", "gauge",
            "Seconds since each schedule export played was last written or confirmed.");
    for (size_t i = 0; i < n; i++)
        if (ages[i].mtime_ms)
            sample(o, "hallscreen_schedule_age_seconds", labels[i],
                   (double)(m->wall_ms - ages[i].mtime_ms) / 1000.0);
}

char *metrics_text(const struct metrics *m)
{
    struct out o = {0};
    if (m->screen) {
        char value[128];
        escape_label(m->screen, value, sizeof value);
        snprintf(o.labels, sizeof o.labels, "screen=\"%s\"", value);
    }
    const struct programme *shown = m->shown;
    bool on_screen = shown && m->current < shown->slide_count;
    gauge(&o, "hallscreen_up", "1 while the show runs.", 1);
    gauge(&o, "hallscreen_start_time_seconds", "When the program started, seconds since 1970.",
          (double)m->started_ms / 1000.0);
    char fingerprint[40];
    snprintf(fingerprint, sizeof fingerprint, "programme=\"%016llx\"",
             (unsigned long long)(shown ? programme_fingerprint(shown) : 0));
    declare(&o, "hallscreen_programme_info", "gauge",
            "1, labelled with a hash of the programme played: screens in step play the same.");
    sample(&o, "hallscreen_programme_info", fingerprint, 1);
    gauge(&o, "hallscreen_slides", "Slides in the programme as it stands now.",
          shown ? (double)shown->slide_count : 0);
    gauge(&o, "hallscreen_slide_index", "The slide on screen, from 0 (-1: none).",
          on_screen ? (double)m->current : -1);
    declare(&o, "hallscreen_slide_kind", "gauge", "1 for the kind of the slide on screen.");
    for (int kind = 0; kind <= SLIDE_VIDEO; kind++) {
        char label[48];
        snprintf(label, sizeof label, "kind=\"%s\"", slide_kind_name((enum slide_kind)kind));
        sample(&o, "hallscreen_slide_kind", label,
               on_screen && shown->slides[m->current].kind == (enum slide_kind)kind);
    }
    counter(&o, "hallscreen_reloads_total", "Times the content folder was read again.",
            (double)m->reloads);
    counter(&o, "hallscreen_reload_failures_total",
            "Reloads where the folder or a file in it could not be read.",
            (double)m->failed_reloads);
    gauge(&o, "hallscreen_last_good_reload_timestamp_seconds",
          "When a reload last read every file, seconds since 1970 (0: none yet).",
          (double)m->last_good_reload_ms / 1000.0);
    gauge(&o, "hallscreen_seconds_since_good_reload",
          "Seconds since a reload last read every file (or since the start).",
          (double)(m->now_ms - (m->last_good_reload_ms ? m->last_good_reload_ms : m->started_ms)) /
              1000.0);
    declare(&o, "hallscreen_content_problems", "gauge",
            "Problems in the content folder now, by severity.");
    sample(&o, "hallscreen_content_problems", "severity=\"error\"", (double)m->errors);
    sample(&o, "hallscreen_content_problems", "severity=\"warning\"", (double)m->warnings);
    counter(&o, "hallscreen_transitions_total", "Transitions from one slide to the next.",
            (double)m->transitions);
    counter(&o, "hallscreen_dropped_frames_total",
            "Frames of transitions that were due and never drawn.", (double)m->frames_dropped);
    if (m->resident_bytes >= 0)
        gauge(&o, "hallscreen_resident_memory_bytes", "Resident memory of the program.",
              (double)m->resident_bytes);
    gauge(&o, "hallscreen_clock_synchronised",
          "1 when the system clock is synchronised (adjtimex).", m->clock_synchronised);
    gauge(&o, "hallscreen_sync_enabled", "1 when slides follow the clock (--sync).", m->sync);
    gauge(&o, "hallscreen_sync_in_step",
          "1 when slides follow the clock now (not paused or moved by hand).",
          m->sync && m->in_step);
    schedule_figures(&o, m);
    if (o.failed) {
        free(o.text);
        return NULL;
    }
    return o.text;
}

bool metrics_file_due(struct metrics_file *f, int64_t now_ms)
{
    if (!f->path || now_ms < f->due_ms)
        return false;
    f->due_ms = now_ms + METRICS_EVERY_MS;
    return true;
}

void metrics_file_soon(struct metrics_file *f, int64_t now_ms)
{
    f->due_ms = now_ms;
}

int64_t metrics_file_wait_ms(const struct metrics_file *f, int64_t now_ms)
{
    return f->path ? f->due_ms - now_ms : -1;
}

void metrics_file_write(struct metrics_file *f, const struct metrics *m)
{
    char *text = metrics_text(m);
    char why[sizeof f->error] = "out of memory";
    if (text && file_write_atomic(f->path, text, strlen(text), why, sizeof why)) {
        if (f->error[0])
            LOG(LOG_INFO, "metrics", "%s is written again", f->path);
        f->error[0] = '\0';
    } else if (strcmp(why, f->error) != 0) {
        LOG(LOG_WARN, "metrics", "cannot write %s: %s", f->path, why);
        snprintf(f->error, sizeof f->error, "%s", why);
    }
    free(text);
}

long metrics_resident_bytes(void)
{
    long size, pages = -1;
    FILE *file = fopen("/proc/self/statm", "r");
    if (file && fscanf(file, "%ld %ld", &size, &pages) != 2)
        pages = -1;
    if (file)
        fclose(file);
    return pages < 0 ? -1 : pages * sysconf(_SC_PAGESIZE);
}
