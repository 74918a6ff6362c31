/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Status as JSON. */
#include "status.h"

#include "schedule_age.h"
#include "../util/file_write.h"
#include "../util/log.h"
#include "../util/str.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *slide_title(const struct slide *s)
{
    if (s->title)
        return s->title;
    if (s->kind == SLIDE_BOARD && s->label)
        return s->label;
    return s->kind == SLIDE_PARTNERS ? "Partners" : "";
}

static cJSON *slide_json(const struct slide *s, size_t index)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "index", (double)index);
    cJSON_AddStringToObject(o, "kind", slide_kind_name(s->kind));
    cJSON_AddStringToObject(o, "title", slide_title(s));
    char *source = str_escape(s->source ? s->source : ""); /* a file name may be any bytes */
    cJSON_AddStringToObject(o, "source", source ? source : "");
    free(source);
    return o;
}

/* Each schedule export played: its name, when it was last modified (UTC,
 * and in ms since 1970) and its age in seconds. */
static void add_schedules(cJSON *root, const struct status *st)
{
    struct schedule_age ages[SCHEDULE_AGE_FILES];
    size_t n = st->content ? schedule_ages(st->content, ages, SCHEDULE_AGE_FILES) : 0;
    cJSON *list = cJSON_AddArrayToObject(root, "schedules");
    for (size_t i = 0; list && i < n; i++) {
        cJSON *o = cJSON_CreateObject();
        char *name =
            str_ndup(ages[i].path + ages[i].name_at, ages[i].path_length - ages[i].name_at);
        char *escaped = name ? str_escape(name) : NULL;
        cJSON_AddStringToObject(o, "file", escaped ? escaped : "");
        free(escaped);
        free(name);
        char modified[32] = "";
        time_t t = (time_t)(ages[i].mtime_ms / 1000);
        struct tm tm;
        if (ages[i].mtime_ms && gmtime_r(&t, &tm))
            strftime(modified, sizeof modified, "%Y-%m-%dT%H:%M:%SZ", &tm);
        cJSON_AddStringToObject(o, "modified", modified);
        cJSON_AddNumberToObject(o, "modified_ms", (double)ages[i].mtime_ms);
        if (ages[i].mtime_ms)
            cJSON_AddNumberToObject(o, "age_seconds",
                                    (double)((st->wall_ms - ages[i].mtime_ms) / 1000));
        else
            cJSON_AddNullToObject(o, "age_seconds");
        cJSON_AddItemToArray(list, o);
    }
}

char *status_json(const struct status *st)
{
    const struct programme *prog = st->prog;
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "version", st->version);
    cJSON_AddNumberToObject(root, "reloads", st->reloads);
    cJSON_AddStringToObject(root, "clock", st->clock);
    cJSON_AddStringToObject(root, "last_reload", st->last_reload);
    cJSON_AddNumberToObject(root, "presented_ms", (double)st->presented_ms);
    cJSON_AddStringToObject(root, "watching", st->polling ? "polling" : "inotify");
    cJSON_AddBoolToObject(root, "paused", st->show->paused);
    cJSON_AddNumberToObject(root, "slide_started_ms", (double)st->slide_started_ms);
    if (st->timer_phase) {
        cJSON *timer = cJSON_AddObjectToObject(root, "timer");
        cJSON_AddStringToObject(timer, "phase", st->timer_phase);
        cJSON_AddStringToObject(timer, "count", st->timer_count);
        cJSON_AddBoolToObject(timer, "held", st->timer_held);
    }
    cJSON *sync = cJSON_AddObjectToObject(root, "sync");
    cJSON_AddBoolToObject(sync, "enabled", st->sync);
    cJSON_AddBoolToObject(sync, "in_step", st->sync && show_in_step(st->show));
    cJSON_AddBoolToObject(sync, "clock_synchronised", st->clock_synchronised);
    char fingerprint[17];
    snprintf(fingerprint, sizeof fingerprint, "%016llx",
             (unsigned long long)programme_fingerprint(prog));
    cJSON_AddStringToObject(sync, "programme", fingerprint);
    if (prog->alert)
        cJSON_AddItemToObject(root, "alert", slide_json(prog->alert, 0));
    else
        cJSON_AddNullToObject(root, "alert");
    if (st->show->current < prog->slide_count)
        cJSON_AddItemToObject(root, "slide",
                              slide_json(&prog->slides[st->show->current], st->show->current));
    else
        cJSON_AddNullToObject(root, "slide");
    cJSON *slides = cJSON_AddArrayToObject(root, "slides");
    for (size_t i = 0; i < prog->slide_count; i++)
        cJSON_AddItemToArray(slides, cJSON_CreateString(slide_title(&prog->slides[i])));
    cJSON *problems = cJSON_AddArrayToObject(root, "problems");
    char line[2048];
    for (size_t i = 0; i < st->diags->count; i++) {
        diag_format(&st->diags->items[i], line, sizeof line);
        cJSON_AddItemToArray(problems, cJSON_CreateString(line));
    }
    add_schedules(root, st);
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    return text;
}

void status_publish(struct status *st, const char *path, int64_t now_ms)
{
    if (!st->stale || now_ms < st->retry_ms)
        return;
    st->stale = false;
    if (!path)
        return;
    char *text = status_json(st);
    char why[sizeof st->error] = "out of memory";
    if (text && status_write_file(path, text, why, sizeof why)) {
        if (st->error[0])
            LOG(LOG_INFO, "status", "%s is written again", path);
        st->error[0] = '\0';
    } else {
        if (strcmp(why, st->error) != 0)
            LOG(LOG_WARN, "status", "cannot write %s: %s (tried again every %d s)", path, why,
                STATUS_RETRY_MS / 1000);
        snprintf(st->error, sizeof st->error, "%s", why);
        st->stale = true;
        st->retry_ms = now_ms + STATUS_RETRY_MS;
    }
    free(text);
}

int64_t status_wait_ms(const struct status *st, int64_t now_ms)
{
    if (!st->stale)
        return -1;
    return st->retry_ms > now_ms ? st->retry_ms - now_ms : 0;
}

bool status_write_file(const char *path, const char *text, char *why, size_t why_size)
{
    char *line = str_printf("%s\n", text);
    bool ok = line && file_write_atomic(path, line, strlen(line), why, why_size);
    if (!line)
        snprintf(why, why_size, "out of memory");
    free(line);
    return ok;
}
