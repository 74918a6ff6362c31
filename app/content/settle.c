/* Deciding when a changed content folder may be read. */
#include "settle.h"

#include "../util/str.h"

#include <stdio.h>
#include <string.h>

void settle_init(struct settle *s, int settle_ms)
{
    memset(s, 0, sizeof *s);
    s->settle_ms = settle_ms;
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

static int find_open(const struct settle *s, const char *name)
{
    for (int i = 0; i < s->open_count; i++)
        if (strcmp(s->open[i], name) == 0)
            return i;
    return -1;
}

void settle_note(struct settle *s, enum file_event event, const char *name, int64_t now_ms)
{
    if (event != FILE_RESCAN && settle_ignores(name))
        return;
    s->pending = true;
    s->last_event_ms = now_ms;
    if (event == FILE_REMOVED || event == FILE_RESCAN)
        s->upheaval = true;
    int i = event == FILE_RESCAN ? -1 : find_open(s, name);
    if (event == FILE_WRITTEN) {
        if (i >= 0)
            return;
        if (s->open_count < SETTLE_MAX_OPEN && strlen(name) < sizeof s->open[0])
            snprintf(s->open[s->open_count++], sizeof s->open[0], "%s", name);
        else
            s->open_overflow = true;
    } else if (i >= 0) {
        s->open_count--;
        memmove(s->open[i], s->open[i + 1], (size_t)(s->open_count - i) * sizeof s->open[0]);
    }
}

int64_t settle_wait_ms(const struct settle *s, int64_t now_ms)
{
    if (!s->pending)
        return -1;
    if (s->open_count == 0 && !s->open_overflow && !s->upheaval)
        return 0;
    int64_t due = s->last_event_ms + s->settle_ms;
    return due > now_ms ? due - now_ms : 0;
}

void settle_done(struct settle *s)
{
    settle_init(s, s->settle_ms);
}
