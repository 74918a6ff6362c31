/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Schedule exports to session slides: what every format shares. */
#include "talks.h"
#include "formats.h"

#include "../util/civil_time.h"
#include "../util/zone.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* The talks as slides in the event's time zone. */
static void to_event_time(struct talks *b)
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
        s->end = (struct optional_clock){true, end_minutes};
        s->runs.set = true; /* the show goes by these: a talk of days ends days later */
        s->runs.start = b->starts[i];
        s->runs.end = b->starts[i] + (int64_t)b->minutes[i] * 60;
    }
}

size_t schedule_import(const char *path, struct diag_list *diags, const char *text, size_t size,
                       const char *event_zone, struct slide **slides)
{
    struct talks b = {.path = path, .diags = diags, .event_zone = event_zone};
    size_t skip = size >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0 ? 3 : 0; /* a BOM */
    size_t at = skip;
    while (at < size && isspace((unsigned char)text[at]))
        at++;
    bool ok;
    if (at < size && text[at] == '<')
        ok = schedule_xml_read(&b, text, size);
    else if (at < size && (text[at] == '{' || text[at] == '['))
        ok = schedule_json_read(&b, text + skip, size - skip);
    else
        ok = schedule_csv_read(&b, text + skip, size - skip);
    to_event_time(&b);
    if (ok && b.count == 0)
        diag_add(diags, DIAG_ERROR, path, 0, "holds no talks");
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
