/* SPDX-License-Identifier: GPL-2.0-or-later */
/* hallscreen-fetch's decisions, without a network or a clock: when each
 * source is checked next (jitter, backing off after failures and
 * recovering), which conditional headers go out, the sources event.yaml
 * names merged with what was known, the state kept across restarts, and
 * the status and metrics it writes. */
#include "../app/fetch/fetch_plan.h"
#include "../app/fetch/fetch_report.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct event event_with(struct schedule_source *sources, size_t count)
{
    return (struct event){.name = (char *)"Test", .schedules = sources, .schedule_count = count};
}

/* A check every: seconds after a success, each wait within the jitter,
 * and not all alike. */
static void test_delay_after_success(void **state)
{
    (void)state;
    int64_t low = fetch_plan_delay_ms(60, 0, 0), high = fetch_plan_delay_ms(60, 0, UINT32_MAX);
    assert_int_equal(low, 60000 - 60000 * FETCH_JITTER_PERCENT / 100);
    assert_int_equal(high, 60000 + 60000 * FETCH_JITTER_PERCENT / 100);
    assert_int_equal(fetch_plan_delay_ms(60, 0, UINT32_MAX / 2), 59999);
    for (uint32_t r = 0; r < 1000; r++) {
        int64_t d = fetch_plan_delay_ms(300, 0, r * 4294967u);
        assert_true(d >= 270000 && d <= 330000);
    }
}

/* Failures back off: 10 s, doubled each time, up to 15 minutes (or every:
 * when longer), and a success brings the interval back. */
static void test_backoff(void **state)
{
    (void)state;
    uint32_t middle = UINT32_MAX / 2 + 1;
    assert_int_equal(fetch_plan_delay_ms(60, 1, middle), FETCH_RETRY_FIRST_S * 1000);
    assert_int_equal(fetch_plan_delay_ms(60, 2, middle), FETCH_RETRY_FIRST_S * 2000);
    assert_int_equal(fetch_plan_delay_ms(60, 3, middle), FETCH_RETRY_FIRST_S * 4000);
    assert_int_equal(fetch_plan_delay_ms(60, 20, middle), FETCH_RETRY_MAX_S * 1000);
    assert_int_equal(fetch_plan_delay_ms(60, 1000000, middle), FETCH_RETRY_MAX_S * 1000);
    assert_int_equal(fetch_plan_delay_ms(7200, 30, middle), 7200 * 1000);
    for (int failures = 1; failures < 40; failures++)
        assert_true(fetch_plan_delay_ms(60, failures + 1, middle) >=
                    fetch_plan_delay_ms(60, failures, middle));

    struct fetch_source s = {.every = 60};
    fetch_plan_attempted(&s, 1000000, true, middle);
    fetch_plan_attempted(&s, 2000000, true, middle);
    assert_int_equal(s.failures, 2);
    assert_int_equal(s.next_ms, 2000000 + FETCH_RETRY_FIRST_S * 2000);
    assert_int_equal(s.last_attempt_ms, 2000000);
    fetch_plan_attempted(&s, 3000000, false, middle);
    assert_int_equal(s.failures, 0);
    assert_int_equal(s.next_ms, 3000000 + 60000);
}

/* Conditional headers go out only for the copy they belong to: not for a
 * copy deleted (hash 0) or replaced by other bytes. */
/* At a start, a missing copy is fetched at once; one that is there is
 * checked within the first FETCH_START_SPREAD_S (or its shorter every:),
 * at a moment that differs from box to box. */
static void test_start_spread(void **state)
{
    (void)state;
    struct fetch_source s = {.every = 300};
    fetch_plan_start(&s, false, 1000, UINT32_MAX);
    assert_int_equal(s.next_ms, 1000);
    fetch_plan_start(&s, true, 1000, 0);
    assert_int_equal(s.next_ms, 1000);
    fetch_plan_start(&s, true, 1000, UINT32_MAX);
    assert_int_equal(s.next_ms, 1000 + FETCH_START_SPREAD_S * 1000);
    fetch_plan_start(&s, true, 1000, UINT32_MAX / 2);
    assert_true(s.next_ms > 1000 + 1000 && s.next_ms < 1000 + FETCH_START_SPREAD_S * 1000);
    s.every = 10;
    fetch_plan_start(&s, true, 1000, UINT32_MAX);
    assert_int_equal(s.next_ms, 1000 + 10 * 1000);
}

static void test_headers(void **state)
{
    (void)state;
    struct fetch_source s = {.etag = (char *)"\"abc\"",
                             .last_modified = (char *)"Wed, 02 Dec 2026 10:00:00 GMT",
                             .copy_hash = 42};
    char etag[64], since[64];
    fetch_plan_headers(&s, 42, etag, sizeof etag, since, sizeof since);
    assert_string_equal(etag, "\"abc\"");
    assert_string_equal(since, "Wed, 02 Dec 2026 10:00:00 GMT");
    fetch_plan_headers(&s, 0, etag, sizeof etag, since, sizeof since);
    assert_string_equal(etag, "");
    assert_string_equal(since, "");
    fetch_plan_headers(&s, 43, etag, sizeof etag, since, sizeof since);
    assert_string_equal(etag, "");
    assert_string_equal(since, "");
    /* a value that would end the header line, or does not fit, is not sent */
    s.etag = (char *)"\"a\r\nX-Evil: 1\"";
    fetch_plan_headers(&s, 42, etag, sizeof etag, since, sizeof since);
    assert_string_equal(etag, "");
    assert_string_equal(since, "Wed, 02 Dec 2026 10:00:00 GMT");
    fetch_plan_headers(&s, 42, etag, sizeof etag, since, 8);
    assert_string_equal(since, "");
    /* nothing known: nothing sent */
    struct fetch_source fresh = {0};
    fetch_plan_headers(&fresh, 0, etag, sizeof etag, since, sizeof since);
    assert_string_equal(etag, "");
}

/* The sources are event.yaml's entries with a url:, plain files left
 * out; what was known of one stays when event.yaml is read again. */
static void test_follow(void **state)
{
    (void)state;
    assert_true(fetch_plan_file_ok("schedule.json"));
    assert_true(fetch_plan_file_ok("live/schedule.json"));
    assert_true(fetch_plan_file_ok("live/..x.json"));
    assert_false(fetch_plan_file_ok(""));
    assert_false(fetch_plan_file_ok(NULL));
    assert_false(fetch_plan_file_ok("live/"));
    assert_false(fetch_plan_file_ok(".."));
    assert_false(fetch_plan_file_ok("a/../../b"));
    struct schedule_source first[] = {
        {.file = (char *)"schedule.json", .url = (char *)"https://a.example/s.json", .every = 60},
        {.file = (char *)"workshops.csv"},
        {.file = (char *)"frab.xml", .url = (char *)"https://b.example/f.xml"},
        {.file = (char *)"../outside.xml", .url = (char *)"https://b.example/f.xml"},
        {.file = (char *)"/etc/passwd", .url = (char *)"https://b.example/f.xml"},
        {.file = (char *)"live/../../x.xml", .url = (char *)"https://b.example/f.xml"},
    };
    struct event e = event_with(first, 6);
    struct fetch_plan plan = {0};
    assert_true(fetch_plan_follow(&plan, &e));
    assert_int_equal(plan.count, 2);
    assert_string_equal(plan.sources[0].file, "schedule.json");
    assert_int_equal(plan.sources[0].every, 60);
    assert_string_equal(plan.sources[1].file, "frab.xml");
    assert_int_equal(plan.sources[1].every, FETCH_EVERY_DEFAULT_S);
    plan.sources[1].etag = strdup("\"v1\"");
    plan.sources[1].next_ms = 5000;
    plan.sources[1].failures = 3;

    /* read again: the first gone, the second kept, a new url is new */
    struct schedule_source second[] = {
        {.file = (char *)"frab.xml", .url = (char *)"https://b.example/f.xml"},
        {.file = (char *)"schedule.json", .url = (char *)"https://c.example/other.json"},
    };
    e = event_with(second, 2);
    assert_true(fetch_plan_follow(&plan, &e));
    assert_int_equal(plan.count, 2);
    assert_string_equal(plan.sources[0].etag, "\"v1\"");
    assert_int_equal(plan.sources[0].next_ms, 5000);
    assert_int_equal(plan.sources[0].failures, 3);
    assert_null(plan.sources[1].etag);
    assert_int_equal(plan.sources[1].next_ms, 0);

    /* one file from two addresses: the first, else the copy would flip */
    struct schedule_source twice[] = {
        {.file = (char *)"frab.xml", .url = (char *)"https://b.example/f.xml"},
        {.file = (char *)"frab.xml", .url = (char *)"https://mirror.example/f.xml"},
    };
    struct event both = event_with(twice, 2);
    struct fetch_plan other = {0};
    assert_true(fetch_plan_follow(&other, &both));
    assert_int_equal(other.count, 1);
    assert_string_equal(other.sources[0].url, "https://b.example/f.xml");
    assert_null(fetch_plan_first_url(&both, 0));
    assert_string_equal(fetch_plan_first_url(&both, 1), "https://b.example/f.xml");
    fetch_plan_free(&other);

    /* a new every: is checked at once */
    second[0].every = 30;
    assert_true(fetch_plan_follow(&plan, &e));
    assert_int_equal(plan.sources[0].next_ms, 0);
    assert_int_equal(fetch_plan_wait_ms(&plan, 100), 0);
    plan.sources[0].next_ms = plan.sources[1].next_ms = 9000;
    assert_int_equal(fetch_plan_wait_ms(&plan, 1000), 8000);
    fetch_plan_free(&plan);
    assert_int_equal(fetch_plan_wait_ms(&plan, 1000), -1);
}

/* The state file: written, read back into the same sources after a
 * restart; a broken or foreign file is refused and nothing is taken. */
static void test_state_round_trip(void **state)
{
    (void)state;
    struct schedule_source wanted[] = {
        {.file = (char *)"schedule.json", .url = (char *)"https://a.example/s.json"},
        {.file = (char *)"b.xml", .url = (char *)"https://b.example/b.xml"},
    };
    struct event e = event_with(wanted, 2);
    struct fetch_plan before = {0}, after = {0};
    assert_true(fetch_plan_follow(&before, &e));
    before.sources[0].etag = strdup("W/\"a \\\"quoted\\\" tag\"");
    before.sources[0].last_modified = strdup("Wed, 02 Dec 2026 10:00:00 GMT");
    before.sources[0].copy_hash = 0xfedcba9876543210ULL;
    before.sources[0].last_success_ms = 1796220000123;
    before.sources[0].last_change_ms = 1796210000000;
    char *text = fetch_plan_state_json(&before);
    assert_non_null(text);

    assert_true(fetch_plan_follow(&after, &e));
    assert_true(fetch_plan_restore(&after, text));
    assert_string_equal(after.sources[0].etag, before.sources[0].etag);
    assert_string_equal(after.sources[0].last_modified, "Wed, 02 Dec 2026 10:00:00 GMT");
    assert_true(after.sources[0].copy_hash == 0xfedcba9876543210ULL);
    assert_int_equal(after.sources[0].last_success_ms, 1796220000123);
    assert_int_equal(after.sources[0].last_change_ms, 1796210000000);
    assert_null(after.sources[1].etag);
    assert_int_equal(after.sources[1].copy_hash, 0);
    char etag[64], since[64];
    fetch_plan_headers(&after.sources[0], 0xfedcba9876543210ULL, etag, sizeof etag, since,
                       sizeof since);
    assert_string_equal(etag, before.sources[0].etag);

    /* broken state files */
    struct fetch_plan other = {0};
    assert_true(fetch_plan_follow(&other, &e));
    assert_false(fetch_plan_restore(&other, "{\"sources\": [{\"file\": "));
    assert_false(fetch_plan_restore(&other, "[1, 2, 3]"));
    assert_false(fetch_plan_restore(&other, ""));
    assert_false(fetch_plan_restore(&other, NULL));
    assert_true(fetch_plan_restore(&other, "{\"sources\": [{\"file\": \"b.xml\", \"url\": "
                                           "\"https://b.example/b.xml\", \"etag\": 7, "
                                           "\"copy_hash\": \"xyz\", \"last_success_ms\": -5}]}"));
    assert_null(other.sources[1].etag);
    assert_int_equal(other.sources[1].copy_hash, 0);
    assert_int_equal(other.sources[1].last_success_ms, 0);
    free(text);
    fetch_plan_free(&before);
    fetch_plan_free(&after);
    fetch_plan_free(&other);
}

/* The status file and the metrics name each source's state. */
static void test_report(void **state)
{
    (void)state;
    struct schedule_source wanted[] = {
        {.file = (char *)"schedule.json", .url = (char *)"https://a.example/s.json"},
        {.file = (char *)"b\"x.xml", .url = (char *)"https://b.example/b.xml"},
    };
    struct event e = event_with(wanted, 2);
    struct fetch_plan plan = {0};
    assert_true(fetch_plan_follow(&plan, &e));
    int64_t now = 1796220000000;
    plan.sources[0].last_success_ms = now - 60000;
    plan.sources[0].last_attempt_ms = now - 60000;
    plan.sources[0].copy_mtime_ms = now - 2400000;
    plan.sources[0].not_modified = 3;
    plan.sources[1].last_attempt_ms = now - 1000;
    plan.sources[1].failures = 2;
    snprintf(plan.sources[1].error, sizeof plan.sources[1].error,
             "https://b.example/b.xml: the server answered HTTP 503");

    char *status = fetch_report_status(&plan, "/srv/c", now);
    assert_non_null(status);
    assert_non_null(strstr(status, "\"last_success\":\t\"2026-12-02T13:59:00Z\""));
    assert_non_null(strstr(status, "\"copy_age_seconds\":\t2400"));
    assert_non_null(strstr(status, "\"copy_age_seconds\":\tnull"));
    assert_non_null(strstr(status, "\"last_error\":\t\"https://b.example/b.xml: the server "
                                   "answered HTTP 503\""));
    assert_non_null(strstr(status, "\"failures_in_a_row\":\t2"));
    free(status);

    char *metrics = fetch_report_metrics(&plan, "/srv/c", now - 100000, now);
    assert_non_null(metrics);
    assert_non_null(strstr(metrics, "# TYPE hallscreen_fetch_copy_age_seconds gauge\n"));
    assert_non_null(strstr(
        metrics, "hallscreen_fetch_copy_age_seconds{content=\"/srv/c\",file=\"schedule.json\"} "
                 "2400\n"));
    assert_null(strstr(metrics, "hallscreen_fetch_copy_age_seconds{content=\"/srv/c\",file=\"b"));
    assert_non_null(
        strstr(metrics, "hallscreen_fetch_ok{content=\"/srv/c\",file=\"schedule.json\"} 1\n"));
    assert_non_null(
        strstr(metrics, "hallscreen_fetch_ok{content=\"/srv/c\",file=\"b\\\"x.xml\"} 0\n"));
    assert_non_null(strstr(metrics, "hallscreen_fetch_not_modified_total{content=\"/srv/c\","
                                    "file=\"schedule.json\"} 3\n"));
    assert_non_null(strstr(metrics, "# TYPE hallscreen_fetch_failures_total counter\n"));
    free(metrics);
    fetch_plan_free(&plan);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_delay_after_success),
        cmocka_unit_test(test_backoff),
        cmocka_unit_test(test_start_spread),
        cmocka_unit_test(test_headers),
        cmocka_unit_test(test_follow),
        cmocka_unit_test(test_state_round_trip),
        cmocka_unit_test(test_report),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
