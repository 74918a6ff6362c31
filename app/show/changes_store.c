/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The screen's baseline and latest version as JSON, through cJSON. */
#include "changes_store.h"

#include "../limits.h"
#include "../util/file_read.h"
#include "../util/file_write.h"
#include "../util/str.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { STORE_FORMAT = 1 };

static cJSON *encode_version(const struct changes_version *v)
{
    cJSON *list = cJSON_CreateArray();
    for (size_t i = 0; list && i < v->count; i++) {
        const struct changes_talk *t = &v->talks[i];
        cJSON *item = cJSON_CreateObject();
        if (!item || !cJSON_AddStringToObject(item, "key", t->key) ||
            !cJSON_AddStringToObject(item, "title", t->title) ||
            (t->room && !cJSON_AddStringToObject(item, "room", t->room)) ||
            !cJSON_AddNumberToObject(item, "start", (double)t->start) ||
            !cJSON_AddNumberToObject(item, "end", (double)t->end)) {
            cJSON_Delete(item);
            cJSON_Delete(list);
            return NULL;
        }
        cJSON_AddItemToArray(list, item);
    }
    return list;
}

char *changes_store_encode(const struct changes_state *st)
{
    cJSON *root = cJSON_CreateObject();
    cJSON *baseline = encode_version(&st->baseline), *latest = encode_version(&st->latest);
    char *text = NULL;
    if (root && baseline && latest && cJSON_AddNumberToObject(root, "format", STORE_FORMAT) &&
        cJSON_AddNumberToObject(root, "day", (double)st->day)) {
        cJSON_AddItemToObject(root, "baseline", baseline);
        cJSON_AddItemToObject(root, "latest", latest);
        baseline = latest = NULL;
        text = cJSON_PrintUnformatted(root);
    }
    cJSON_Delete(baseline);
    cJSON_Delete(latest);
    cJSON_Delete(root);
    return text;
}

static bool decode_version(const cJSON *list, struct changes_version *v)
{
    memset(v, 0, sizeof *v);
    if (!cJSON_IsArray(list))
        return false;
    size_t n = (size_t)cJSON_GetArraySize(list);
    v->talks = n ? calloc(n, sizeof *v->talks) : NULL;
    if (n && !v->talks)
        return false;
    const cJSON *item;
    cJSON_ArrayForEach(item, list)
    {
        const char *key = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "key"));
        const char *title = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "title"));
        const char *room = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "room"));
        const cJSON *start = cJSON_GetObjectItemCaseSensitive(item, "start");
        const cJSON *end = cJSON_GetObjectItemCaseSensitive(item, "end");
        if (!key || !title || !cJSON_IsNumber(start) || !cJSON_IsNumber(end) || v->count >= n)
            return false;
        struct changes_talk *t = &v->talks[v->count++];
        *t = (struct changes_talk){str_dup(key), str_dup(title), room ? str_dup(room) : NULL,
                                   (int64_t)start->valuedouble, (int64_t)end->valuedouble};
        if (!t->key || !t->title || (room && !t->room))
            return false;
    }
    changes_version_sort(v); /* a file edited by hand is still searched right */
    return true;
}

bool changes_store_decode(const char *text, size_t size, struct changes_state *st)
{
    memset(st, 0, sizeof *st);
    cJSON *root = cJSON_ParseWithLength(text, size);
    const cJSON *format = cJSON_GetObjectItemCaseSensitive(root, "format");
    const cJSON *day = cJSON_GetObjectItemCaseSensitive(root, "day");
    bool ok = cJSON_IsNumber(format) && format->valueint == STORE_FORMAT && cJSON_IsNumber(day) &&
              decode_version(cJSON_GetObjectItemCaseSensitive(root, "baseline"), &st->baseline) &&
              decode_version(cJSON_GetObjectItemCaseSensitive(root, "latest"), &st->latest);
    int64_t day_number = ok ? (int64_t)day->valuedouble : 0;
    cJSON_Delete(root);
    if (!ok) {
        changes_state_free(st);
        return false;
    }
    st->day = day_number;
    st->known = true;
    return true;
}

bool changes_store_load(const char *dir, struct changes_state *st, char *why, size_t why_size)
{
    memset(st, 0, sizeof *st);
    why[0] = '\0';
    char *path = str_printf("%s/changes.json", dir);
    struct stat info;
    if (!path || stat(path, &info) != 0) {
        free(path);
        return false; /* none yet: the first version becomes the baseline */
    }
    size_t size = 0;
    char read_why[128] = "";
    char *text = file_read_all(path, CHANGES_STATE_MAX_BYTES, &size, read_why, sizeof read_why);
    bool ok = text && changes_store_decode(text, size, st);
    if (!text)
        snprintf(why, why_size, "%s: %s: it starts afresh", path, read_why);
    else if (!ok)
        snprintf(why, why_size, "%s: not a state file this program wrote: it starts afresh", path);
    free(text);
    free(path);
    return ok;
}

bool changes_store_save(const char *dir, const struct changes_state *st, char *why, size_t why_size)
{
    char *path = str_printf("%s/changes.json", dir);
    char *text = changes_store_encode(st);
    bool ok = path && text && file_write_atomic(path, text, strlen(text), why, why_size);
    if (!path || !text)
        snprintf(why, why_size, "out of memory");
    free(path);
    free(text);
    return ok;
}
