/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Problems found in content files. */
#include "diag.h"

#include "../util/array.h"
#include "../util/log.h"
#include "../util/str.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void diag_add(struct diag_list *list, enum diag_severity severity, const char *path, int line,
              const char *fmt, ...)
{
    if (!ARRAY_RESERVE(list->items, list->count, list->capacity))
        return;
    char message[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    struct diag *d = &list->items[list->count];
    d->severity = severity;
    d->line = line;
    d->path = str_escape(path); /* names may hold any bytes but NUL */
    d->message = str_escape(message);
    if (!d->path || !d->message) {
        free(d->path);
        free(d->message);
        return;
    }
    list->count++;
}

size_t diag_count(const struct diag_list *list, enum diag_severity severity)
{
    size_t n = 0;
    for (size_t i = 0; i < list->count; i++)
        n += list->items[i].severity == severity;
    return n;
}

void diag_format(const struct diag *d, char *buf, size_t size)
{
    const char *level = d->severity == DIAG_ERROR ? "error" : "warning";
    if (d->line > 0)
        snprintf(buf, size, "%s:%d: %s: %s", d->path, d->line, level, d->message);
    else
        snprintf(buf, size, "%s: %s: %s", d->path, level, d->message);
}

void diag_print(const struct diag_list *list, FILE *out)
{
    char line[2048];
    for (size_t i = 0; i < list->count; i++) {
        diag_format(&list->items[i], line, sizeof line);
        fprintf(out, "%s\n", line);
    }
}

static bool same_problem(const struct diag *a, const struct diag *b)
{
    return a->line == b->line && strcmp(a->path, b->path) == 0 &&
           strcmp(a->message, b->message) == 0;
}

void diag_log_new(const struct diag_list *before, const struct diag_list *now)
{
    for (size_t i = 0; i < now->count; i++) {
        const struct diag *d = &now->items[i];
        bool known = false;
        for (size_t j = 0; j < before->count && !known; j++)
            known = same_problem(d, &before->items[j]);
        enum log_level level = d->severity == DIAG_ERROR ? LOG_ERROR : LOG_WARN;
        if (!known && d->line)
            LOG(level, "content", "%s:%d: %s", d->path, d->line, d->message);
        else if (!known)
            LOG(level, "content", "%s: %s", d->path, d->message);
    }
}

void diag_list_clear(struct diag_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->count; i++) {
        free(list->items[i].path);
        free(list->items[i].message);
    }
    free(list->items);
    list->items = NULL;
    list->count = list->capacity = 0;
}

char *diag_report_json(const struct diag_list *list, const char *content_dir, size_t slide_count,
                       int exit_status)
{
    cJSON *root = cJSON_CreateObject();
    char *folder = str_escape(content_dir);
    cJSON_AddStringToObject(root, "content", folder ? folder : "");
    free(folder);
    cJSON_AddNumberToObject(root, "slides", (double)slide_count);
    cJSON_AddNumberToObject(root, "errors", (double)diag_count(list, DIAG_ERROR));
    cJSON_AddNumberToObject(root, "warnings", (double)diag_count(list, DIAG_WARNING));
    cJSON_AddBoolToObject(root, "valid", exit_status == 0);
    cJSON *problems = cJSON_AddArrayToObject(root, "problems");
    for (size_t i = 0; problems && i < list->count; i++) {
        const struct diag *d = &list->items[i];
        cJSON *p = cJSON_CreateObject();
        char *path = str_escape(d->path), *message = str_escape(d->message);
        cJSON_AddStringToObject(p, "file", path ? path : "");
        if (d->line > 0)
            cJSON_AddNumberToObject(p, "line", d->line);
        else
            cJSON_AddNullToObject(p, "line");
        cJSON_AddStringToObject(p, "severity", d->severity == DIAG_ERROR ? "error" : "warning");
        cJSON_AddStringToObject(p, "message", message ? message : "");
        free(path);
        free(message);
        cJSON_AddItemToArray(problems, p);
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    return text;
}
