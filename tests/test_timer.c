/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The stage timer (--timer) over a real schedule, the 31st Chaos
 * Communication Congress's Saal 1 on its first day: the count before,
 * during and after a talk, its colours and blink, the room running late,
 * the chair's keys, the ticks on the clock's seconds, and its screen laid
 * out at every size with a fake font. */
#include "../app/content/content.h"
#include "../app/content/loader.h"
#include "../app/layout/timer_slides.h"
#include "../app/show/timer.h"
#include "../app/util/str.h"
#include "../app/util/translate.h"
#include "../app/util/zone.h"
#include "fake_font.h"

#include "temp.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 27 December 2014, Berlin (UTC+1): Saal 1 has the opening 11:00-11:30,
 * the keynote 11:30-12:30, "Wir beteiligen uns..." 12:45-13:45 and "SCADA
 * StrangeLove" 14:00-15:00. */
static int64_t at(int h, int m, int s)
{
    return (INT64_C(1419638400) + (h - 1) * 3600 + m * 60 + s) * 1000;
}

static struct programme prog;

static int load(void **state)
{
    (void)state;
    translate_init(LOCALE_DIR);
    zone_use("Europe/Berlin");
    struct theme base;
    theme_init_defaults(&base);
    struct diag_list diags = {0};
    bool ok = content_load(FIXTURES_DIR "/schedules/31c3", &base, &prog, &diags);
    theme_free(&base);
    diag_list_clear(&diags);
    return ok ? 0 : -1;
}

static int unload(void **state)
{
    (void)state;
    programme_free(&prog);
    return 0;
}

/* The count shown at t, with no keys pressed and the room on time. */
static struct timer_reading read_at(int64_t t, char *count, size_t size)
{
    struct timer_reading r = timer_read(&prog, "Saal 1", 0, NULL, t);
    timer_format_count(&r, count, size);
    return r;
}

static void before_a_talk_it_counts_down_to_its_start(void **state)
{
    (void)state;
    char count[32];
    struct timer_reading r = read_at(at(10, 50, 0), count, sizeof count);
    assert_int_equal(r.phase, TIMER_BEFORE);
    assert_string_equal(count, "10:00");
    assert_string_equal(timer_phase_name(r.phase), "before"); /* as --status says it */
    assert_string_equal(r.talk->title, "31C3 Opening Event");
    assert_string_equal(r.next->title, "31C3 Keynote");
    assert_int_equal(r.colour, TIMER_WHITE);
    assert_string_equal(layout_timer_label(&r, NULL), "Starts in");
    r = read_at(at(10, 59, 59) + 400, count, sizeof count); /* rounded up: never 0:00 early */
    assert_string_equal(count, "0:01");
    r = read_at(at(8, 0, 0), count, sizeof count); /* three hours before: counted down */
    assert_int_equal(r.phase, TIMER_BEFORE);
    assert_string_equal(count, "3:00:00");
    r = read_at(at(7, 59, 59), count, sizeof count); /* earlier: not yet, but next */
    assert_int_equal(r.phase, TIMER_NONE);
    assert_null(r.talk);
    assert_string_equal(r.next->title, "31C3 Opening Event");
}

static void during_a_talk_white_then_orange_then_red(void **state)
{
    (void)state;
    char count[32];
    struct timer_reading r = read_at(at(11, 40, 0), count, sizeof count);
    assert_int_equal(r.phase, TIMER_RUNNING);
    assert_string_equal(r.talk->title, "31C3 Keynote");
    assert_string_equal(count, "50:00");
    assert_int_equal(r.colour, TIMER_WHITE);
    assert_float_equal(r.progress, 10.0 / 60.0, 0.001);
    assert_non_null(r.next);
    assert_int_equal(r.next_start_ms, at(12, 45, 0));
    assert_string_equal(layout_timer_label(&r, NULL), "Time left");
    r = read_at(at(12, 25, 0), count, sizeof count);
    assert_string_equal(count, "5:00");
    assert_int_equal(r.colour, TIMER_WHITE); /* five minutes left is not under five */
    r = read_at(at(12, 25, 0) + 1, count, sizeof count);
    assert_string_equal(count, "5:00");
    r = read_at(at(12, 25, 1), count, sizeof count);
    assert_string_equal(count, "4:59");
    assert_int_equal(r.colour, TIMER_ORANGE);
    r = read_at(at(12, 27, 30), count, sizeof count);
    assert_string_equal(count, "2:30");
    assert_int_equal(r.colour, TIMER_ORANGE);
    r = read_at(at(12, 28, 1), count, sizeof count);
    assert_string_equal(count, "1:59");
    assert_int_equal(r.colour, TIMER_RED);
    r = read_at(at(12, 29, 59), count, sizeof count);
    assert_string_equal(count, "0:01");
    assert_int_equal(r.colour, TIMER_RED);
}

static void after_the_end_it_counts_up_in_red_blinking_until_the_next(void **state)
{
    (void)state;
    char count[32];
    struct timer_reading r = read_at(at(12, 30, 0), count, sizeof count);
    assert_int_equal(r.phase, TIMER_OVER);
    assert_string_equal(count, "+0:00");
    r = read_at(at(12, 35, 0) + 200, count, sizeof count);
    assert_int_equal(r.phase, TIMER_OVER);
    assert_string_equal(r.talk->title, "31C3 Keynote");
    assert_string_equal(count, "+5:00");
    assert_int_equal(r.colour, TIMER_RED);
    assert_true(r.visible);
    assert_float_equal(r.progress, 1.0, 0.001);
    assert_string_equal(layout_timer_label(&r, NULL), "Over time");
    assert_false(read_at(at(12, 35, 0) + 700, count, sizeof count).visible); /* blinking */
    assert_true(read_at(at(12, 35, 1), count, sizeof count).visible);
    r = read_at(at(12, 44, 59), count, sizeof count);
    assert_string_equal(count, "+14:59");
    r = read_at(at(12, 45, 0), count, sizeof count); /* the next talk has started */
    assert_int_equal(r.phase, TIMER_RUNNING);
    assert_string_equal(count, "1:00:00");
    /* after the day's last talk, the overrun for TIMER_OVERTIME_MAX_MINUTES */
    r = read_at(at(15, 10, 0), count, sizeof count);
    assert_int_equal(r.phase, TIMER_OVER);
    assert_string_equal(count, "+10:00");
    assert_null(r.next);
    r = read_at(at(15, TIMER_OVERTIME_MAX_MINUTES, 0), count, sizeof count);
    assert_int_equal(r.phase, TIMER_NONE);
    assert_string_equal(count, "");
    assert_null(layout_timer_label(&r, NULL));
}

static void a_room_that_runs_late_counts_later(void **state)
{
    (void)state;
    struct timer_reading r =
        timer_read(&prog, "saal-1", 10, NULL, at(12, 36, 0)); /* any spelling */
    char count[32];
    timer_format_count(&r, count, sizeof count);
    assert_int_equal(r.phase, TIMER_RUNNING);
    assert_string_equal(count, "4:00");
    assert_int_equal(r.colour, TIMER_ORANGE);
    assert_int_equal(r.end_ms, at(12, 40, 0));
    assert_int_equal(timer_late_minutes(&prog, "Saal 1", at(12, 36, 0)), 0); /* no rooms.yaml */
    r = timer_read(&prog, "Saal 9", 0, NULL, at(12, 0, 0));
    assert_int_equal(r.phase, TIMER_NONE);
}

static void rooms_yaml_late_reaches_the_timer(void **state)
{
    (void)state;
    char dir[] = "/tmp/hallscreen-timer-" TEMP_SUFFIX, cmd[256], path[300];
    assert_non_null(mkdtemp(dir));
    snprintf(cmd, sizeof cmd, "cp -r '%s'/* '%s'", FIXTURES_DIR "/schedules/31c3", dir);
    assert_int_equal(system(cmd), 0);
    snprintf(path, sizeof path, "%s/rooms.yaml", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("\"Saal 1\":\n  late: 10\n", f);
    fclose(f);
    struct theme base;
    theme_init_defaults(&base);
    struct programme late = {0};
    struct diag_list diags = {0};
    assert_true(content_load(dir, &base, &late, &diags));
    int minutes = timer_late_minutes(&late, "Saal 1", at(12, 36, 0));
    assert_int_equal(minutes, 10);
    struct timer_reading r = timer_read(&late, "Saal 1", minutes, NULL, at(12, 36, 0));
    char count[32];
    timer_format_count(&r, count, sizeof count);
    assert_string_equal(count, "4:00"); /* the keynote ends at 12:40 */
    programme_free(&late);
    theme_free(&base);
    diag_list_clear(&diags);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void count_at(const struct timer_control *c, int64_t t, const char *expected)
{
    struct timer_reading r = timer_read(&prog, "Saal 1", 0, c, t);
    char count[32];
    timer_format_count(&r, count, sizeof count);
    assert_string_equal(count, expected);
}

static void keys_hold_move_and_reset_the_count(void **state)
{
    (void)state;
    struct timer_control c = {0};
    count_at(&c, at(12, 0, 0), "30:00");
    assert_true(timer_take_key(&c, ' ', at(12, 0, 0))); /* held */
    assert_true(timer_read(&prog, "Saal 1", 0, &c, at(12, 1, 0)).held);
    count_at(&c, at(12, 1, 0), "30:00");
    assert_int_equal(
        timer_wait_ms(&(struct timer_reading){.phase = TIMER_RUNNING, .held = true}, at(12, 1, 0)),
        -1);
    assert_true(timer_take_key(&c, ' ', at(12, 2, 0))); /* resumed where it stood */
    assert_false(c.held);
    count_at(&c, at(12, 2, 0), "30:00");
    count_at(&c, at(12, 2, 1), "29:59");
    assert_true(timer_take_key(&c, '+', at(12, 3, 0)));
    count_at(&c, at(12, 3, 0), "30:00");
    assert_true(timer_take_key(&c, '-', at(12, 3, 0)));
    assert_true(timer_take_key(&c, '-', at(12, 3, 0)));
    count_at(&c, at(12, 3, 0), "28:00");
    assert_false(timer_take_key(&c, 'x', at(12, 3, 0)));
    count_at(&c, at(12, 3, 0), "28:00");
    assert_true(timer_take_key(&c, '0', at(12, 3, 0))); /* back to the schedule */
    count_at(&c, at(12, 3, 0), "27:00");
    /* a talk whose end moved past now by keys is running again */
    for (int i = 0; i < 5; i++)
        timer_take_key(&c, '+', at(12, 32, 0));
    count_at(&c, at(12, 32, 0), "3:00");
}

static void it_ticks_on_the_clocks_seconds(void **state)
{
    (void)state;
    char count[32];
    struct timer_reading r = read_at(at(12, 0, 0) + 250, count, sizeof count);
    assert_int_equal(timer_wait_ms(&r, at(12, 0, 0) + 250), 750);
    r = read_at(at(12, 0, 0), count, sizeof count);
    assert_int_equal(timer_wait_ms(&r, at(12, 0, 0)), 1000);
    r = read_at(at(10, 50, 0) + 999, count, sizeof count);
    assert_int_equal(timer_wait_ms(&r, at(10, 50, 0) + 999), 1);
    r = read_at(at(12, 35, 0) + 200, count, sizeof count); /* over: every half second */
    assert_int_equal(timer_wait_ms(&r, at(12, 35, 0) + 200), 300);
    r = read_at(at(16, 0, 0), count, sizeof count);
    assert_int_equal(timer_wait_ms(&r, at(16, 0, 0)), -1);
}

static void counts_of_an_hour_and_more_show_hours(void **state)
{
    (void)state;
    char count[32];
    struct timer_reading r = {.phase = TIMER_BEFORE, .count_s = 3725};
    timer_format_count(&r, count, sizeof count);
    assert_string_equal(count, "1:02:05");
    r = (struct timer_reading){.phase = TIMER_OVER, .count_s = 65};
    timer_format_count(&r, count, sizeof count);
    assert_string_equal(count, "+1:05");
}

static const struct item *find_text(const struct scene *s, const char *text)
{
    for (size_t i = 0; i < s->count; i++)
        if (s->items[i].kind == ITEM_TEXT && strcmp(s->items[i].text, text) == 0)
            return &s->items[i];
    return NULL;
}

static void the_count_is_very_large_and_alone_in_its_box_at_every_size(void **state)
{
    (void)state;
    static const int sizes[][2] = {{1280, 720}, {1920, 1080}, {1080, 1920}, {3840, 2160}};
    char count[32];
    struct timer_reading r = read_at(at(12, 27, 0), count, sizeof count);
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        struct frame_geometry g = layout_geometry(sizes[k][0], sizes[k][1]);
        struct box moving = layout_timer_moving_box(&g);
        struct scene still = {0}, ticking = {0};
        layout_timer_still(&fake, &prog, "Saal 1", &r, &g, &still);
        layout_timer_moving(&fake, &prog, &r, &g, &ticking);
        assert_non_null(find_text(&still, "31C3 Keynote"));
        assert_non_null(find_text(&still, "Next \u00b7 12:45"));
        const struct item *digits = find_text(&ticking, "3:00");
        assert_non_null(digits);
        int shorter = g.w < g.h ? g.w : g.h;
        assert_true(digits->px * 4 >= shorter); /* a quarter of the screen's shorter side */
        assert_true(digits->box.w <= g.w);
        assert_int_equal(digits->colour.r, 0xff); /* orange */
        assert_true(digits->colour.g > 0x60 && digits->colour.g < 0xd0);
        for (size_t i = 0; i < ticking.count; i++) { /* figures and bar in the moving box */
            const struct item *it = &ticking.items[i];
            struct box b = it->box;
            if (it->kind == ITEM_TEXT) { /* the figures, not the line's whole box */
                int top = it->baseline - (int)(0.73f * (float)it->px);
                b = (struct box){b.x, top, b.w, it->baseline - top};
            }
            assert_true(box_contains(moving, b));
        }
        for (size_t i = still.background; i < still.count; i++) /* nothing still in it */
            assert_false(box_overlaps(moving, still.items[i].box));
        assert_non_null(find_text(&ticking, "Time left"));
        scene_clear(&still);
        scene_clear(&ticking);
    }
}

/* A talk of 48 hours (a hackathon): "47:59:00" stands whole within the
 * screen's margins, as "0:59:00" does. */
static void a_count_of_ten_hours_and_more_fits_the_screen(void **state)
{
    (void)state;
    static const int sizes[][2] = {{1280, 720}, {1920, 1080}, {1080, 1920}, {3840, 2160}};
    struct timer_reading r = {
        .phase = TIMER_RUNNING, .count_s = 47 * 3600 + 59 * 60, .visible = true};
    char count[32];
    timer_format_count(&r, count, sizeof count);
    assert_string_equal(count, "47:59:00");
    /* its times above say the day it ends */
    struct slide talk = {.kind = SLIDE_SESSION, .title = (char *)"Hackathon"};
    r.talk = &talk;
    r.start_ms = INT64_C(1739354400) * 1000; /* 2025-02-12 11:00 in Berlin */
    r.end_ms = r.start_ms + INT64_C(48) * 3600 * 1000;
    struct frame_geometry wide = layout_geometry(1920, 1080);
    struct scene still = {0};
    layout_timer_still(&fake, &prog, "Hall B", &r, &wide, &still);
    assert_non_null(find_text(&still, "Hall B  \u00b7  11:00\u2013Fri 14 Feb 2025 11:00"));
    scene_clear(&still);
    r.talk = NULL;
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        struct frame_geometry g = layout_geometry(sizes[k][0], sizes[k][1]);
        struct scene ticking = {0};
        layout_timer_moving(&fake, &prog, &r, &g, &ticking);
        const struct item *digits = find_text(&ticking, count);
        assert_non_null(digits);
        assert_true(digits->box.x > 0);
        assert_true(digits->box.x + digits->box.w < g.w);
        scene_clear(&ticking);
    }
}

static void the_screen_words_are_translated(void **state)
{
    (void)state;
    char count[32];
    struct timer_reading r = read_at(at(10, 50, 0), count, sizeof count);
    assert_string_equal(layout_timer_label(&r, "ru"), "Начало через");
    r = read_at(at(11, 40, 0), count, sizeof count);
    assert_string_equal(layout_timer_label(&r, "kk"), "Қалған уақыт");
    r = read_at(at(12, 35, 0), count, sizeof count);
    assert_string_equal(layout_timer_label(&r, "ar"), "تجاوز الوقت");
    r.held = true;
    assert_string_equal(layout_timer_label(&r, "ru"), "Пауза");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(before_a_talk_it_counts_down_to_its_start),
        cmocka_unit_test(during_a_talk_white_then_orange_then_red),
        cmocka_unit_test(after_the_end_it_counts_up_in_red_blinking_until_the_next),
        cmocka_unit_test(a_room_that_runs_late_counts_later),
        cmocka_unit_test(rooms_yaml_late_reaches_the_timer),
        cmocka_unit_test(keys_hold_move_and_reset_the_count),
        cmocka_unit_test(it_ticks_on_the_clocks_seconds),
        cmocka_unit_test(counts_of_an_hour_and_more_show_hours),
        cmocka_unit_test(the_count_is_very_large_and_alone_in_its_box_at_every_size),
        cmocka_unit_test(a_count_of_ten_hours_and_more_fits_the_screen),
        cmocka_unit_test(the_screen_words_are_translated),
    };
    return cmocka_run_group_tests(tests, load, unload);
}
