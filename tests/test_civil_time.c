/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Dates and times: parsing, validation, formats. */
#include "../app/util/civil_time.h"
#include "../app/util/translate.h"
#include "../app/util/zone.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <time.h>

static void dates_parse_and_reject_impossible_days(void **state)
{
    (void)state;
    int64_t d;
    assert_true(civil_parse_date("2025-02-12", &d));
    assert_int_equal(d, 20131);
    assert_true(civil_parse_date("2024-02-29", &d));
    assert_true(civil_parse_date("1970-01-01", &d));
    assert_int_equal(d, 0);
    assert_false(civil_parse_date("2025-02-29", &d));
    assert_false(civil_parse_date("2025-02-30", &d));
    assert_false(civil_parse_date("2025-13-01", &d));
    assert_false(civil_parse_date("2025-00-10", &d));
    assert_false(civil_parse_date("2025-1-10", &d));
    assert_false(civil_parse_date("2025-01-10x", &d));
    assert_false(civil_parse_date("", &d));
}

static void clock_times_accept_hh_mm_only(void **state)
{
    (void)state;
    int m;
    assert_true(civil_parse_clock("09:30", &m));
    assert_int_equal(m, 570);
    assert_true(civil_parse_clock("9:30", &m));
    assert_int_equal(m, 570);
    assert_true(civil_parse_clock("23:59", &m));
    assert_false(civil_parse_clock("24:00", &m));
    assert_false(civil_parse_clock("25:61", &m));
    assert_false(civil_parse_clock("12:60", &m));
    assert_false(civil_parse_clock("12", &m));
    assert_false(civil_parse_clock("12:3", &m));
}

static void datetimes_take_t_or_space_and_optional_seconds(void **state)
{
    (void)state;
    int64_t s;
    assert_true(civil_parse_datetime("2025-02-12T10:00", &s));
    assert_int_equal(s, 20131LL * 86400 + 36000);
    assert_true(civil_parse_datetime("2025-02-12 10:00:30", &s));
    assert_int_equal(s, 20131LL * 86400 + 36030);
    assert_false(civil_parse_datetime("2025-02-12", &s));
    assert_false(civil_parse_datetime("2025-02-12T10:00:61", &s));
    assert_false(civil_parse_datetime("2025-02-12T10:00Z", &s));
}

static void weekdays_are_right(void **state)
{
    (void)state;
    assert_int_equal(civil_weekday(civil_days(2025, 2, 12)), 2); /* Wednesday */
    assert_int_equal(civil_weekday(civil_days(1969, 12, 31)), 2);
    assert_int_equal(civil_weekday(civil_days(2000, 1, 1)), 5); /* Saturday */
}

static void formats_read_naturally(void **state)
{
    (void)state;
    char buf[80];
    civil_format_date(civil_days(2025, 2, 12), NULL, buf, sizeof buf);
    assert_string_equal(buf, "Wednesday 12 February 2025");
    civil_format_date_range(civil_days(2025, 2, 10), civil_days(2025, 2, 12), NULL, buf,
                            sizeof buf);
    assert_string_equal(buf, "10\u201312 February 2025");
    civil_format_date_range(civil_days(2025, 2, 28), civil_days(2025, 3, 2), NULL, buf, sizeof buf);
    assert_string_equal(buf, "28 February \u2013 2 March 2025");
    civil_format_date_range(civil_days(2024, 12, 31), civil_days(2025, 1, 1), NULL, buf,
                            sizeof buf);
    assert_string_equal(buf, "31 December 2024 \u2013 1 January 2025");
    civil_format_date_range(civil_days(2025, 2, 12), civil_days(2025, 2, 12), NULL, buf,
                            sizeof buf);
    assert_string_equal(buf, "12 February 2025");
    civil_format_clock(9 * 60 + 5, buf, sizeof buf);
    assert_string_equal(buf, "09:05");
    civil_format_moment(civil_days(2025, 2, 12) * 86400 + 10 * 3600 + 59, NULL, buf, sizeof buf);
    assert_string_equal(buf, "Wed 12 Feb 2025  10:00");
}

/* Each language's words and order, from the catalogs built from po/. */
static void formats_speak_each_language(void **state)
{
    (void)state;
    char buf[120];
    int64_t day = civil_days(2025, 2, 12), moment = day * 86400 + 10 * 3600;
    const char *const want[][4] = {
        {"ru", "Среда, 12 февраля 2025", "10\u201312 февраля 2025", "Ср, 12 фев 2025  10:00"},
        {"kk", "12 ақпан 2025, сәрсенбі", "10\u201312 ақпан 2025", "Ср, 12 ақп 2025  10:00"},
        {"ar", "الأربعاء 12 فبراير 2025", "10\u201312 فبراير 2025",
         "الأربعاء 12 فبراير 2025  10:00"},
        {"en", "Wednesday 12 February 2025", "10\u201312 February 2025", "Wed 12 Feb 2025  10:00"},
        {"xx", "Wednesday 12 February 2025", "10\u201312 February 2025", "Wed 12 Feb 2025  10:00"},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        civil_format_date(day, want[i][0], buf, sizeof buf);
        assert_string_equal(buf, want[i][1]);
        civil_format_date_range(civil_days(2025, 2, 10), day, want[i][0], buf, sizeof buf);
        assert_string_equal(buf, want[i][2]);
        civil_format_moment(moment, want[i][0], buf, sizeof buf);
        assert_string_equal(buf, want[i][3]);
    }
    /* May, full and short, are two phrases */
    civil_format_moment(civil_days(2025, 5, 1) * 86400, "ru", buf, sizeof buf);
    assert_string_equal(buf, "Чт, 1 мая 2025  00:00");
    civil_format_moment(civil_days(2025, 5, 1) * 86400, NULL, buf, sizeof buf);
    assert_string_equal(buf, "Thu 1 May 2025  00:00");
    assert_true(translate_known("kk") && translate_known(NULL) && !translate_known("de"));
}

/* Going back to the machine's zone, on a machine with no TZ: TZ stays in
 * the environment (other threads may read it), naming what the C library
 * reads without it, and the clock is the machine's again. */
static void the_machine_zone_comes_back_without_removing_tz(void **state)
{
    (void)state;
    unsetenv("TZ");
    tzset();
    time_t t = 1739340000; /* 2025-02-12 06:00 UTC */
    struct tm machine;
    localtime_r(&t, &machine);
    zone_use("Asia/Dubai");
    assert_int_equal(zone_local(t) % 86400, 10 * 3600);
    zone_use(NULL);
    assert_non_null(getenv("TZ"));
    assert_string_equal(getenv("TZ"), ":/etc/localtime");
    struct tm again;
    localtime_r(&t, &again);
    assert_int_equal(again.tm_hour, machine.tm_hour);
    assert_int_equal(again.tm_gmtoff, machine.tm_gmtoff);
}

/* The night the clocks go back in Berlin (27 October 2024, 02:00 to 03:00
 * twice) and the one they go forward (31 March 2024, 02:00 to 03:00 never):
 * a wall-clock time gives the same instant whatever was converted before
 * (mktime() would remember whether its last answer was summer time). */
static void a_daylight_saving_night_gives_one_answer(void **state)
{
    (void)state;
    zone_use("Europe/Berlin");
    int64_t twice = civil_days(2024, 10, 27) * 86400 + 2 * 3600 + 30 * 60;
    int64_t never = civil_days(2024, 3, 31) * 86400 + 2 * 3600 + 30 * 60;
    int64_t summer = civil_days(2024, 7, 1) * 86400, winter = civil_days(2024, 12, 1) * 86400;
    int64_t first_twice = civil_days(2024, 10, 27) * 86400 + 30 * 60; /* 00:30 UTC: CEST */
    int64_t first_never = civil_days(2024, 3, 31) * 86400 + 1 * 3600 + 30 * 60; /* CET: 03:30 */
    enum zone_fold fold;
    for (int before = 0; before < 2; before++) {
        (void)zone_utc(before ? winter : summer);
        assert_int_equal(zone_utc_fold(twice, &fold), first_twice);
        assert_int_equal(fold, ZONE_TWICE);
        (void)zone_utc(before ? summer : winter);
        assert_int_equal(zone_utc_fold(never, &fold), first_never);
        assert_int_equal(fold, ZONE_NEVER);
        assert_int_equal(zone_utc_fold(summer, &fold), summer - 2 * 3600);
        assert_int_equal(fold, ZONE_ONCE);
    }
    zone_use(NULL);
}

int main(void)
{
    translate_init(LOCALE_DIR);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dates_parse_and_reject_impossible_days),
        cmocka_unit_test(clock_times_accept_hh_mm_only),
        cmocka_unit_test(datetimes_take_t_or_space_and_optional_seconds),
        cmocka_unit_test(weekdays_are_right),
        cmocka_unit_test(formats_speak_each_language),
        cmocka_unit_test(formats_read_naturally),
        cmocka_unit_test(the_machine_zone_comes_back_without_removing_tz),
        cmocka_unit_test(a_daylight_saving_night_gives_one_answer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
