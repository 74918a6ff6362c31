/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Time zones through the C library and TZ. */
#include "zone.h"

#include "civil_time.h"
#include "file_read.h"
#include "str.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define ZONEINFO "/usr/share/zoneinfo"

bool zone_exists(const char *name)
{
    if (!name[0] || name[0] == '/' || strstr(name, ".."))
        return false;
    /* The folder also holds tables (zone.tab, iso3166.tab, tzdata.zi):
     * a zone is a compiled file, which starts with "TZif". */
    char *path = str_printf(ZONEINFO "/%s", name);
    int fd = path ? file_read_open(path, NULL, NULL, 0) : -1;
    char magic[4];
    bool found = fd >= 0 && read(fd, magic, sizeof magic) == (ssize_t)sizeof magic &&
                 memcmp(magic, "TZif", 4) == 0;
    if (fd >= 0)
        close(fd);
    free(path);
    return found;
}

/* TZ, once set, stays in the environment and is only ever replaced: the C
 * library then swaps one pointer, while another thread (libmpv's, SDL's)
 * may be reading the environment; removing it would move the entries under
 * that reader. Where the machine had no TZ, ":/etc/localtime" names what the
 * C library reads without one. */
void zone_use(const char *name)
{
    static char *machine_zone; /* TZ as the machine had it, to go back to */
    static bool saved;
    if (!saved) {
        const char *tz = getenv("TZ");
        machine_zone = str_dup(tz ? tz : ":/etc/localtime");
        saved = true;
    }
    setenv("TZ", name ? name : machine_zone ? machine_zone : ":/etc/localtime", 1);
    tzset();
}

int64_t zone_local(int64_t utc)
{
    time_t t = (time_t)utc;
    struct tm tm;
    localtime_r(&t, &tm);
    return (int64_t)timegm(&tm);
}

int64_t zone_utc(int64_t local)
{
    time_t t = (time_t)local;
    struct tm tm;
    gmtime_r(&t, &tm);
    tm.tm_isdst = -1;
    return (int64_t)mktime(&tm);
}

void zone_format_clock(int64_t utc_ms, const char *lang, char *buf, size_t size)
{
    civil_format_moment(zone_local(utc_ms / 1000), lang, buf, size);
}
