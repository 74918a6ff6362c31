/* SPDX-License-Identifier: GPL-2.0-or-later */
/* hallscreen-fetch's plan: its sources, their timing and their state. */
#include "fetch_plan.h"

#include "../util/str.h"

#include <cjson/cJSON.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void source_free(struct fetch_source *s)
{
    free(s->file);
    free(s->url);
    free(s->etag);
    free(s->last_modified);
}

void fetch_plan_free(struct fetch_plan *plan)
{
    for (size_t i = 0; i < plan->count; i++)
        source_free(&plan->sources[i]);
    free(plan->sources);
    plan->sources = NULL;
    plan->count = 0;
}

static struct fetch_source *find_source(struct fetch_plan *plan, const char *file, const char *url)
{
    for (size_t i = 0; i < plan->count; i++)
        if (strcmp(plan->sources[i].file, file) == 0 && strcmp(plan->sources[i].url, url) == 0)
            return &plan->sources[i];
    return NULL;
}

bool fetch_plan_file_ok(const char *file)
{
    size_t n = file ? strlen(file) : 0;
    if (n == 0 || file[0] == '/' || file[n - 1] == '/')
        return false;
    for (const char *p = file; p; p = strchr(p, '/')) {
        p += *p == '/';
        if (strncmp(p, "..", 2) == 0 && (p[2] == '/' || p[2] == '\0'))
            return false;
    }
    return true;
}

/* The source of list that writes file, or NULL. */
static const struct fetch_source *writing(const struct fetch_source *list, size_t n,
                                          const char *file)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i].file, file) == 0)
            return &list[i];
    return NULL;
}

const char *fetch_plan_first_url(const struct event *event, size_t index)
{
    const struct schedule_source *wanted = &event->schedules[index];
    for (size_t i = 0; wanted->url && i < index; i++)
        if (event->schedules[i].url && strcmp(event->schedules[i].file, wanted->file) == 0 &&
            strcmp(event->schedules[i].url, wanted->url) != 0)
            return event->schedules[i].url;
    return NULL;
}

bool fetch_plan_follow(struct fetch_plan *plan, const struct event *event)
{
    struct fetch_source *list = calloc(event->schedule_count + 1, sizeof *list);
    if (!list)
        return false;
    size_t n = 0;
    bool ok = true;
    for (size_t i = 0; ok && i < event->schedule_count; i++) {
        const struct schedule_source *wanted = &event->schedules[i];
        if (!wanted->url || !fetch_plan_file_ok(wanted->file) || writing(list, n, wanted->file))
            continue; /* one file from two addresses would flip between them: the first */
        const struct fetch_source *known = find_source(plan, wanted->file, wanted->url);
        struct fetch_source s = known ? *known : (struct fetch_source){0};
        s.file = str_dup(wanted->file);
        s.url = str_dup(wanted->url);
        s.etag = known && known->etag ? str_dup(known->etag) : NULL;
        s.last_modified = known && known->last_modified ? str_dup(known->last_modified) : NULL;
        s.every = wanted->every ? wanted->every : FETCH_EVERY_DEFAULT_S;
        if (known && known->every != s.every)
            s.next_ms = 0; /* a new interval: checked at once, then by it */
        ok = s.file && s.url && (!known || !known->etag || s.etag) &&
             (!known || !known->last_modified || s.last_modified);
        list[n++] = s;
    }
    if (!ok) {
        fetch_plan_free(&(struct fetch_plan){list, n});
        return false;
    }
    fetch_plan_free(plan);
    plan->sources = list;
    plan->count = n;
    return true;
}

int64_t fetch_plan_delay_ms(int every, int failures, uint32_t random)
{
    int64_t delay = (int64_t)every * 1000;
    if (failures > 0) {
        int64_t ceiling = (int64_t)(every > FETCH_RETRY_MAX_S ? every : FETCH_RETRY_MAX_S) * 1000;
        delay = (int64_t)FETCH_RETRY_FIRST_S * 1000;
        for (int i = 1; i < failures && delay < ceiling; i++)
            delay *= 2;
        if (delay > ceiling)
            delay = ceiling;
    }
    /* random spread over [-JITTER%, +JITTER%] of the delay, so that screens
     * started together do not ask the server at the same moment */
    int64_t spread = delay * FETCH_JITTER_PERCENT / 100;
    return delay - spread + (int64_t)((uint64_t)random * (uint64_t)(2 * spread) / UINT32_MAX);
}

void fetch_plan_attempted(struct fetch_source *s, int64_t now_ms, bool failed, uint32_t random)
{
    s->last_attempt_ms = now_ms;
    s->failures = failed ? s->failures + 1 : 0;
    s->next_ms = now_ms + fetch_plan_delay_ms(s->every, s->failures, random);
}

void fetch_plan_start(struct fetch_source *s, bool have_copy, int64_t now_ms, uint32_t random)
{
    int64_t spread = (int64_t)(s->every < FETCH_START_SPREAD_S ? s->every : FETCH_START_SPREAD_S);
    s->next_ms = have_copy
                     ? now_ms + (int64_t)((uint64_t)random * (uint64_t)(spread * 1000) / UINT32_MAX)
                     : now_ms;
}

int64_t fetch_plan_wait_ms(const struct fetch_plan *plan, int64_t now_ms)
{
    int64_t wait = -1;
    for (size_t i = 0; i < plan->count; i++) {
        int64_t due = plan->sources[i].next_ms - now_ms;
        due = due < 0 ? 0 : due;
        if (wait < 0 || due < wait)
            wait = due;
    }
    return wait;
}

/* Copies value into out when it is there, fits, and holds no control
 * character (it goes into a request's header line); else "". */
static void header_value(const char *value, bool send, char *out, size_t size)
{
    out[0] = '\0';
    if (!send || !value || strlen(value) >= size)
        return;
    for (const unsigned char *p = (const unsigned char *)value; *p; p++)
        if (*p < ' ' || *p == 0x7f)
            return;
    snprintf(out, size, "%s", value);
}

void fetch_plan_headers(const struct fetch_source *s, uint64_t copy_hash, char *if_none_match,
                        size_t if_none_match_size, char *if_modified_since,
                        size_t if_modified_since_size)
{
    bool ours = copy_hash != 0 && copy_hash == s->copy_hash;
    header_value(s->etag, ours, if_none_match, if_none_match_size);
    header_value(s->last_modified, ours, if_modified_since, if_modified_since_size);
}

char *fetch_plan_state_json(const struct fetch_plan *plan)
{
    cJSON *root = cJSON_CreateObject();
    cJSON *sources = cJSON_AddArrayToObject(root, "sources");
    for (size_t i = 0; sources && i < plan->count; i++) {
        const struct fetch_source *s = &plan->sources[i];
        cJSON *o = cJSON_CreateObject();
        char hash[17];
        snprintf(hash, sizeof hash, "%016" PRIx64, s->copy_hash);
        cJSON_AddStringToObject(o, "file", s->file);
        cJSON_AddStringToObject(o, "url", s->url);
        if (s->etag)
            cJSON_AddStringToObject(o, "etag", s->etag);
        if (s->last_modified)
            cJSON_AddStringToObject(o, "last_modified", s->last_modified);
        cJSON_AddStringToObject(o, "copy_hash", hash);
        cJSON_AddNumberToObject(o, "last_success_ms", (double)s->last_success_ms);
        cJSON_AddNumberToObject(o, "last_change_ms", (double)s->last_change_ms);
        cJSON_AddItemToArray(sources, o);
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    return text;
}

static const char *json_text(const cJSON *o, const char *name)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(o, name);
    return cJSON_IsString(item) ? item->valuestring : NULL;
}

static int64_t json_ms(const cJSON *o, const char *name)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(o, name);
    return cJSON_IsNumber(item) && item->valuedouble > 0 && item->valuedouble < 1e15
               ? (int64_t)item->valuedouble
               : 0;
}

bool fetch_plan_restore(struct fetch_plan *plan, const char *text)
{
    cJSON *root = text ? cJSON_Parse(text) : NULL;
    const cJSON *sources = cJSON_GetObjectItemCaseSensitive(root, "sources");
    if (!cJSON_IsArray(sources)) {
        cJSON_Delete(root);
        return false;
    }
    const cJSON *o;
    cJSON_ArrayForEach(o, sources)
    {
        const char *file = json_text(o, "file"), *url = json_text(o, "url");
        const char *hash = json_text(o, "copy_hash");
        struct fetch_source *s = file && url ? find_source(plan, file, url) : NULL;
        if (!s)
            continue;
        const char *etag = json_text(o, "etag"), *modified = json_text(o, "last_modified");
        free(s->etag);
        free(s->last_modified);
        s->etag = etag ? str_dup(etag) : NULL;
        s->last_modified = modified ? str_dup(modified) : NULL;
        char *end = NULL;
        s->copy_hash = hash ? strtoull(hash, &end, 16) : 0;
        if (!end || *end)
            s->copy_hash = 0;
        s->last_success_ms = json_ms(o, "last_success_ms");
        s->last_change_ms = json_ms(o, "last_change_ms");
    }
    cJSON_Delete(root);
    return true;
}
