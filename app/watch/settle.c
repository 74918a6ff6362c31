/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Deciding when changed content files may be read. */
#include "settle.h"

#include "../util/array.h"
#include "../util/log.h"
#include "../util/str.h"

#include <stdlib.h>
#include <string.h>

void settle_init(struct settle *s, int quiet_ms, bool polling)
{
    memset(s, 0, sizeof *s);
    s->quiet_ms = quiet_ms;
    s->polling = polling;
}

void settle_free(struct settle *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->busy_count; i++)
        free(s->busy[i].name);
    for (size_t i = 0; i < s->ignored_count; i++)
        free(s->ignored[i]);
    free(s->busy);
    free(s->ignored);
    settle_init(s, s->quiet_ms, s->polling);
}

void settle_ignore(struct settle *s, const char *name)
{
    char *copy = str_dup(name);
    if (copy && ARRAY_RESERVE(s->ignored, s->ignored_count, s->ignored_capacity))
        s->ignored[s->ignored_count++] = copy;
    else
        free(copy);
}

bool settle_ignores(const char *name)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    size_t n = strlen(base);
    return n == 0 || base[0] == '.' || base[n - 1] == '~' || base[0] == '#' ||
           str_ends_with(base, ".swp") || str_ends_with(base, ".swx") ||
           str_ends_with(base, ".tmp") || str_ends_with(base, ".part") ||
           strcmp(base, "4913") == 0; /* vim's test file */
}

static bool is_ignored(const struct settle *s, const char *name)
{
    for (size_t i = 0; i < s->ignored_count; i++)
        if (strcmp(s->ignored[i], name) == 0)
            return true;
    return settle_ignores(name);
}

static struct busy_file *find_busy(const struct settle *s, const char *name)
{
    for (size_t i = 0; i < s->busy_count; i++)
        if (strcmp(s->busy[i].name, name) == 0)
            return &s->busy[i];
    return NULL;
}

static void drop_busy(struct settle *s, struct busy_file *b)
{
    free(b->name);
    *b = s->busy[--s->busy_count];
}

/* How long a busy file may stay silent before it counts as written. */
static int64_t silence_ms(const struct settle *s)
{
    return s->polling ? s->quiet_ms : SETTLE_SILENT_WRITER_MS;
}

void settle_note(struct settle *s, enum file_event event, const char *name, int64_t now_ms)
{
    if (event != FILE_RESCAN && is_ignored(s, name))
        return;
    struct busy_file *b = event == FILE_RESCAN ? NULL : find_busy(s, name);
    switch (event) {
    case FILE_WRITTEN:
        if (b) {
            b->written_ms = now_ms;
            return;
        }
        char *copy = str_dup(name);
        if (copy && ARRAY_RESERVE(s->busy, s->busy_count, s->busy_capacity))
            s->busy[s->busy_count++] = (struct busy_file){copy, now_ms};
        else
            free(copy);
        return;
    case FILE_ATTRIB:
        if (b)
            return; /* still being written: its close will come */
        s->pending = true;
        return;
    case FILE_REMOVED:
    case FILE_RESCAN:
        s->upheaval = true;
        s->upheaval_ms = now_ms;
        break;
    case FILE_FINISHED:
    case FILE_MOVED_IN:
        break;
    }
    if (b)
        drop_busy(s, b);
    s->pending = true;
}

int64_t settle_wait_ms(const struct settle *s, int64_t now_ms)
{
    int64_t due = -1;
    if (s->pending)
        due = s->upheaval ? s->upheaval_ms + s->quiet_ms : now_ms;
    for (size_t i = 0; i < s->busy_count; i++) {
        int64_t ready = s->busy[i].written_ms + silence_ms(s);
        if (s->upheaval && ready < s->upheaval_ms + s->quiet_ms)
            ready = s->upheaval_ms + s->quiet_ms;
        if (due < 0 || ready < due)
            due = ready;
    }
    if (due < 0)
        return -1;
    return due > now_ms ? due - now_ms : 0;
}

void settle_take(struct settle *s, int64_t now_ms)
{
    for (size_t i = 0; i < s->busy_count;) {
        struct busy_file *b = &s->busy[i];
        if (now_ms - b->written_ms < silence_ms(s)) {
            i++;
            continue;
        }
        if (!s->polling)
            LOG(LOG_WARN, "reload",
                "%s is still open for writing but has not changed for %d s: read as it is", b->name,
                SETTLE_SILENT_WRITER_MS / 1000);
        drop_busy(s, b);
    }
    s->pending = s->upheaval = false;
}

bool settle_is_busy(const struct settle *s, const char *name)
{
    return s && find_busy(s, name) != NULL;
}
