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

int64_t zone_utc_fold(int64_t local, enum zone_fold *fold)
{
    /* The zone's offsets a day either side: the one or two the night has.
     * (mktime() with tm_isdst = -1 would choose by its earlier calls.) */
    const int64_t day = 24 * 3600;
    const int64_t offsets[2] = {zone_local(local - day) - (local - day),
                                zone_local(local + day) - (local + day)};
    int64_t found[2] = {0, 0};
    int count = 0;
    for (int i = 0; i < 2; i++) {
        int64_t utc = local - offsets[i];
        if (zone_local(utc) == local && (count == 0 || found[0] != utc))
            found[count++] = utc;
    }
    *fold = count == 1 ? ZONE_ONCE : count == 2 ? ZONE_TWICE : ZONE_NEVER;
    if (count == 2)
        return found[0] < found[1] ? found[0] : found[1];
    return count == 1 ? found[0] : local - offsets[0];
}

int64_t zone_utc(int64_t local)
{
    enum zone_fold fold;
    return zone_utc_fold(local, &fold);
}

void zone_format_clock(int64_t utc_ms, const char *lang, char *buf, size_t size)
{
    civil_format_moment(zone_local(utc_ms / 1000), lang, buf, size);
}
