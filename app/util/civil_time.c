/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Calendar arithmetic (Howard Hinnant's days-from-civil algorithm) and the
 * formats the screen uses. */
#include "civil_time.h"

#include "translate.h"

#include <stdio.h>
#include <string.h>

static const char *const month_names[] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};
static const char *const weekday_names[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                            "Friday", "Saturday", "Sunday"};
static const char *const short_month_names[] = {
    "short\004Jan", "short\004Feb", "short\004Mar", "short\004Apr", "short\004May", "short\004Jun",
    "short\004Jul", "short\004Aug", "short\004Sep", "short\004Oct", "short\004Nov", "short\004Dec"};
static const char *const short_weekday_names[] = {"short\004Mon", "short\004Tue", "short\004Wed",
                                                  "short\004Thu", "short\004Fri", "short\004Sat",
                                                  "short\004Sun"};

int64_t civil_days(int year, int month, int day)
{
    int64_t y = month <= 2 ? year - 1 : year;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civil_from_days(int64_t days, int *year, int *month, int *day)
{
    days += 719468;
    int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    int64_t doe = days - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *day = (int)(doy - (153 * mp + 2) / 5 + 1);
    *month = (int)(mp < 10 ? mp + 3 : mp - 9);
    *year = (int)(yoe + era * 400 + (*month <= 2));
}

int civil_weekday(int64_t days)
{
    /* 1970-01-01 was a Thursday (3). */
    int64_t w = (days + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

/* Reads exactly n decimal digits. */
static bool read_digits(const char **s, int n, int *value)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        char c = (*s)[i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    *s += n;
    *value = v;
    return true;
}

static bool expect(const char **s, char c)
{
    if (**s != c)
        return false;
    (*s)++;
    return true;
}

static bool read_date(const char **s, int64_t *days)
{
    int y, m, d;
    if (!read_digits(s, 4, &y) || !expect(s, '-') || !read_digits(s, 2, &m) || !expect(s, '-') ||
        !read_digits(s, 2, &d))
        return false;
    if (m < 1 || m > 12 || d < 1)
        return false;
    int64_t v = civil_days(y, m, d);
    int ry, rm, rd;
    civil_from_days(v, &ry, &rm, &rd);
    if (rm != m || rd != d)
        return false;
    *days = v;
    return true;
}

static bool read_clock(const char **s, int *minutes)
{
    int h, m;
    if (!read_digits(s, 2, &h) || !expect(s, ':') || !read_digits(s, 2, &m))
        return false;
    if (h > 23 || m > 59)
        return false;
    *minutes = h * 60 + m;
    return true;
}

bool civil_parse_date(const char *s, int64_t *days)
{
    return read_date(&s, days) && *s == '\0';
}

bool civil_parse_clock(const char *s, int *minutes)
{
    char padded[8];
    if (s[0] >= '0' && s[0] <= '9' && s[1] == ':') {
        /* "9:30" is as clear as "09:30". */
        snprintf(padded, sizeof padded, "0%.5s", s);
        s = padded;
    }
    return read_clock(&s, minutes) && *s == '\0';
}

bool civil_parse_datetime(const char *s, int64_t *seconds)
{
    int64_t days;
    int minutes, secs = 0;
    if (!read_date(&s, &days) || (*s != 'T' && *s != ' '))
        return false;
    s++;
    if (!read_clock(&s, &minutes))
        return false;
    if (*s == ':') {
        s++;
        if (!read_digits(&s, 2, &secs) || secs > 59)
            return false;
    }
    if (*s != '\0')
        return false;
    *seconds = days * SECONDS_PER_DAY + minutes * 60 + secs;
    return true;
}

/* Format strings from the catalogs, numbered so that a language can put
 * the parts in its own order. */
void civil_format_date(int64_t days, const char *lang, char *buf, size_t size)
{
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    snprintf(buf, size, tr(lang, "%1$s %2$d %3$s %4$d"),
             tr(lang, weekday_names[civil_weekday(days)]), d, tr(lang, month_names[m - 1]), y);
}

void civil_format_date_range(int64_t first, int64_t last, const char *lang, char *buf, size_t size)
{
    int y1, m1, d1, y2, m2, d2;
    civil_from_days(first, &y1, &m1, &d1);
    civil_from_days(last, &y2, &m2, &d2);
    const char *month1 = tr(lang, month_names[m1 - 1]), *month2 = tr(lang, month_names[m2 - 1]);
    if (last <= first)
        snprintf(buf, size, tr(lang, "%1$d %2$s %3$d"), d1, month1, y1);
    else if (y1 == y2 && m1 == m2)
        snprintf(buf, size, tr(lang, "%1$d\u2013%2$d %3$s %4$d"), d1, d2, month2, y2);
    else if (y1 == y2)
        snprintf(buf, size, tr(lang, "%1$d %2$s \u2013 %3$d %4$s %5$d"), d1, month1, d2, month2,
                 y2);
    else
        snprintf(buf, size, tr(lang, "%1$d %2$s %3$d \u2013 %4$d %5$s %6$d"), d1, month1, y1, d2,
                 month2, y2);
}

void civil_format_clock(int minutes, char *buf, size_t size)
{
    snprintf(buf, size, "%02d:%02d", minutes / 60 % 24, minutes % 60);
}

void civil_format_moment(int64_t seconds, const char *lang, char *buf, size_t size)
{
    int64_t days = seconds / SECONDS_PER_DAY - (seconds % SECONDS_PER_DAY < 0);
    int minutes = (int)((seconds - days * SECONDS_PER_DAY) / 60);
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    char clock[16];
    civil_format_clock(minutes, clock, sizeof clock);
    snprintf(buf, size, tr(lang, "%1$s %2$d %3$s %4$d  %5$s"),
             tr(lang, short_weekday_names[civil_weekday(days)]), d,
             tr(lang, short_month_names[m - 1]), y, clock);
}
