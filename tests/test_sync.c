/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Synchronised playback on a simulated clock: screens started apart agree,
 * reloads, uneven durations, clock steps, daylight-saving nights, keys. */
#include "../app/show/show.h"
#include "../app/show/sync.h"
#include "../app/util/civil_time.h"
#include "../app/util/zone.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>

static char names[8][24];

/* A programme of count slides (in slides) lasting the given milliseconds. */
static struct programme programme_in(struct slide *slides, const int *durations, size_t count)
{
    struct programme p = {.slides = slides, .slide_count = count};
    p.theme.slide_ms = 10000;
    for (size_t i = 0; i < count; i++) {
        snprintf(names[i], sizeof names[i], "s%zu", i);
        slides[i] =
            (struct slide){.kind = SLIDE_HEADLINE, .source = names[i], .duration_ms = durations[i]};
    }
    return p;
}

/* ms since 1970 UTC of an event-time "YYYY-MM-DD HH:MM" in the zone in use. */
static int64_t at(const char *local)
{
    int64_t t;
    assert_true(civil_parse_datetime(local, &t));
    return zone_utc(t) * 1000;
}

/* A screen: its show, and the offset of its own monotonic clock. */
struct screen {
    struct show show;
    int64_t mono_offset;
    int changes;
};

static void screen_start(struct screen *s, const struct programme *p, int64_t utc, int64_t offset)
{
    *s = (struct screen){.mono_offset = offset};
    show_start(&s->show, utc + offset);
    show_sync(&s->show, p, utc, utc + offset);
}

static void screen_tick(struct screen *s, const struct programme *p, int64_t utc)
{
    s->changes += show_sync(&s->show, p, utc, utc + s->mono_offset);
}

static void screens_started_apart_agree(void **state)
{
    (void)state;
    zone_use("Asia/Dubai");
    const int durations[] = {7300, 11100, 2500, 10000};
    struct programme p = programme_in((struct slide[8]){0}, durations, 4);
    int64_t t0 = at("2025-02-12 09:00");
    struct screen a, b;
    screen_start(&a, &p, t0, 5000);
    for (int64_t t = t0; t < t0 + 600000; t += 20) {
        if (t == t0 + 123460) /* the second screen starts two minutes late */
            screen_start(&b, &p, t, -77777);
        screen_tick(&a, &p, t);
        if (t < t0 + 123460)
            continue;
        screen_tick(&b, &p, t);
        assert_int_equal(a.show.current, b.show.current);
        assert_int_equal(show_sync_wait(&a.show, &p, t), show_sync_wait(&b.show, &p, t));
        /* each slide came on when the clock says, whatever the screen's own clock */
        assert_int_equal(a.show.shown_at_ms - a.mono_offset, b.show.shown_at_ms - b.mono_offset);
    }
    /* about 600 s / 30.9 s a cycle * 4 slides, one change at each */
    assert_true(a.changes >= 76 && a.changes <= 79);
}

static void after_a_reload_they_agree_again(void **state)
{
    (void)state;
    zone_use("Europe/Berlin");
    const int before[] = {10000, 10000, 10000};
    const int after[] = {10000, 10000, 10000, 5000};
    struct programme p = programme_in((struct slide[8]){0}, before, 3);
    int64_t t0 = at("2025-06-03 10:00");
    struct screen a, b;
    screen_start(&a, &p, t0, 0);
    screen_start(&b, &p, t0 + 4000, 999);
    struct programme q = programme_in((struct slide[8]){0}, after, 4);
    /* one screen reads the new folder a second and a half before the other */
    for (int64_t t = t0 + 4000; t < t0 + 120000; t += 10) {
        screen_tick(&a, t < t0 + 60000 ? &p : &q, t);
        screen_tick(&b, t < t0 + 61500 ? &p : &q, t);
        if (t < t0 + 60000 || t >= t0 + 61500)
            assert_int_equal(a.show.current, b.show.current);
    }
}

static void uneven_durations_restart_at_midnight(void **state)
{
    (void)state;
    zone_use("Asia/Dubai");
    const int durations[] = {7000, 13000};
    struct programme p = programme_in((struct slide[8]){0}, durations, 2);
    struct sync_position pos;
    /* 86400 s is no whole number of 20 s cycles... it is; 7 + 13.3 is not */
    const int uneven[] = {7000, 13300};
    struct programme q = programme_in((struct slide[8]){0}, uneven, 2);
    int64_t midnight = at("2025-02-13 00:00");
    assert_int_equal(sync_day_start(midnight - 1), at("2025-02-12 00:00"));
    assert_int_equal(sync_day_start(midnight), midnight);
    assert_true(sync_position(&q, midnight - 1, &pos));
    assert_true(pos.next_utc_ms <= midnight); /* the day's last cycle is cut short */
    assert_true(pos.started_utc_ms < midnight);
    assert_true(sync_position(&q, midnight, &pos));
    assert_int_equal(pos.index, 0);
    assert_int_equal(pos.started_utc_ms, midnight);
    assert_int_equal(pos.next_utc_ms, midnight + 7000);
    assert_true(sync_position(&p, midnight + 20000 + 7500, &pos));
    assert_int_equal(pos.index, 1);
    assert_int_equal(pos.started_utc_ms, midnight + 27000);
    /* every slot's end is the next one's start, through the whole day */
    int64_t t = at("2025-02-12 00:00");
    size_t changes = 0, index = 0;
    while (t < midnight) {
        assert_true(sync_position(&q, t, &pos));
        assert_int_equal(pos.started_utc_ms, t);
        assert_int_equal(pos.index, index);
        index = (index + 1) % 2;
        t = pos.next_utc_ms;
        changes++;
    }
    assert_int_equal(t, midnight);
    assert_int_equal(changes, 2 * (86400000 / 20300) + 1);
}

static void a_clock_step_makes_one_change_not_a_burst(void **state)
{
    (void)state;
    zone_use("Asia/Dubai");
    const int durations[] = {10000, 10000, 10000};
    struct programme p = programme_in((struct slide[8]){0}, durations, 3);
    int64_t t0 = at("2025-02-12 09:00");
    struct screen s;
    screen_start(&s, &p, t0, 0);
    const int64_t steps[] = {-3600000, +5000, -4000, +86400000};
    int64_t mono = 0;
    for (size_t k = 0; k < sizeof steps / sizeof *steps; k++) {
        int64_t utc = t0 + (int64_t)k * 100000;
        for (int i = 0; i < 50; i++, mono += 16) /* settled */
            show_sync(&s.show, &p, utc + mono, mono);
        int before = s.changes;
        utc += steps[k];                         /* NTP steps the clock */
        for (int i = 0; i < 60; i++, mono += 16) /* the second after */
            s.changes += show_sync(&s.show, &p, utc + mono, mono);
        assert_true(s.changes - before <= 1);
        struct sync_position pos;
        assert_true(sync_position(&p, utc + mono, &pos));
        assert_int_equal(s.show.current, pos.index);
    }
}

/* The number of slide changes a show makes from one event time to
 * another, ticking every 100 ms. */
static int changes_between(const struct programme *p, int64_t from, int64_t to)
{
    struct screen s;
    screen_start(&s, p, from, 0);
    for (int64_t t = from; t < to; t += 100)
        screen_tick(&s, p, t);
    return s.changes;
}

static void daylight_saving_nights_keep_the_pace(void **state)
{
    (void)state;
    zone_use("Europe/Berlin");
    const int durations[] = {60000, 60000};
    struct programme p = programme_in((struct slide[8]){0}, durations, 2);
    /* 30 March 2025: 02:00 becomes 03:00, the day has 23 hours */
    int64_t spring = at("2025-03-30 00:00");
    assert_int_equal(sync_day_start(at("2025-03-30 12:00")), spring);
    assert_int_equal(at("2025-03-31 00:00") - spring, 23 * 3600000LL);
    int64_t from = at("2025-03-30 01:30"), to = at("2025-03-30 03:30");
    assert_int_equal(to - from, 3600000);
    assert_int_equal(changes_between(&p, from, to), 59); /* a change a minute */
    /* 26 October 2025: 03:00 becomes 02:00 again, the day has 25 hours */
    int64_t autumn = at("2025-10-26 00:00");
    assert_int_equal(at("2025-10-27 00:00") - autumn, 25 * 3600000LL);
    from = at("2025-10-26 01:30");
    assert_int_equal(changes_between(&p, from, from + 2 * 3600000), 119);
    struct sync_position pos;
    assert_true(sync_position(&p, at("2025-10-26 23:59") + 30000, &pos));
    assert_int_equal(pos.started_utc_ms, at("2025-10-26 23:59"));
    assert_int_equal(pos.index, (25 * 60 - 1) % 2);
}

static void keys_leave_the_clock_until_its_next_change(void **state)
{
    (void)state;
    zone_use("Asia/Dubai");
    const int durations[] = {10000, 10000, 10000};
    struct programme p = programme_in((struct slide[8]){0}, durations, 3);
    int64_t t0 = at("2025-02-12 09:00"); /* a cycle starts here: 9 h is 1080 cycles */
    struct screen s;
    screen_start(&s, &p, t0, 0);
    assert_int_equal(s.show.current, 0);
    assert_true(show_in_step(&s.show));
    show_step(&s.show, &p, 2, t0 + 3000); /* by hand to slide 2 */
    screen_tick(&s, &p, t0 + 3000);
    assert_int_equal(s.show.current, 2);
    assert_false(show_in_step(&s.show));
    screen_tick(&s, &p, t0 + 9999);
    assert_int_equal(s.show.current, 2); /* it stands */
    screen_tick(&s, &p, t0 + 10000);     /* the clock changes: back in step */
    assert_int_equal(s.show.current, 1);
    assert_true(show_in_step(&s.show));
    /* paused: it stands past changes; resumed: straight back to the clock */
    show_set_paused(&s.show, true, t0 + 12000);
    assert_int_equal(show_sync_wait(&s.show, &p, t0 + 12000), -1);
    screen_tick(&s, &p, t0 + 25000);
    assert_int_equal(s.show.current, 1);
    show_set_paused(&s.show, false, t0 + 25000);
    screen_tick(&s, &p, t0 + 25000);
    assert_int_equal(s.show.current, 2);
    assert_int_equal(show_sync_wait(&s.show, &p, t0 + 25000), 5000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(screens_started_apart_agree),
        cmocka_unit_test(after_a_reload_they_agree_again),
        cmocka_unit_test(uneven_durations_restart_at_midnight),
        cmocka_unit_test(a_clock_step_makes_one_change_not_a_burst),
        cmocka_unit_test(daylight_saving_nights_keep_the_pace),
        cmocka_unit_test(keys_leave_the_clock_until_its_next_change),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
