/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Slide timing, driven by a simulated clock. */
#include "../app/show/pacing.h"
#include "../app/show/transition.h"
#include "../app/show/show.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

static struct slide slides[3];

static struct programme three_slides(void)
{
    struct programme prog = {.slides = slides, .slide_count = 3};
    prog.theme.slide_ms = 10000;
    slides[0].duration_ms = 0;    /* the theme's 10 s */
    slides[1].duration_ms = 4000; /* its own 4 s */
    slides[2].duration_ms = 0;
    return prog;
}

static void slides_advance_after_their_durations_and_wrap(void **state)
{
    (void)state;
    struct programme prog = three_slides();
    struct show show;
    show_start(&show, 1000);
    assert_int_equal(show.current, 0);
    assert_false(show_tick(&show, &prog, 10999));
    assert_int_equal(show_ms_until_change(&show, &prog, 10999), 1);
    assert_true(show_tick(&show, &prog, 11000));
    assert_int_equal(show.current, 1);
    assert_false(show_tick(&show, &prog, 14999));
    assert_true(show_tick(&show, &prog, 15000));
    assert_int_equal(show.current, 2);
    assert_true(show_tick(&show, &prog, 25000));
    assert_int_equal(show.current, 0);
}

static void a_clip_holds_its_slide_until_it_ends(void **state)
{
    (void)state;
    struct programme prog = three_slides();
    slides[1].kind = SLIDE_VIDEO;
    slides[1].duration_ms = 0; /* no duration: as long as its clip */
    struct show show;
    show_start(&show, 0);
    assert_true(show_tick(&show, &prog, 10000));
    assert_int_equal(show.current, 1);
    assert_int_equal(show_ms_until_change(&show, &prog, 60000), -1);
    assert_false(show_tick(&show, &prog, 600000)); /* however long it plays */
    assert_true(show_clip_ended(&show, &prog));
    assert_int_equal(show_ms_until_change(&show, &prog, 600001), 0);
    assert_true(show_tick(&show, &prog, 600001));
    assert_int_equal(show.current, 2);
    assert_false(show.clip_over); /* the next clip starts afresh */
    /* a clip over at once still stands for SHOW_MIN_CLIP_MS */
    show_step(&show, &prog, -1, 650000);
    assert_true(show_clip_ended(&show, &prog));
    assert_int_equal(show_ms_until_change(&show, &prog, 650100), SHOW_MIN_CLIP_MS - 100);
    /* with a duration, the slide keeps its time whatever the clip does */
    slides[1].duration_ms = 4000;
    show_step(&show, &prog, 0, 700000);
    assert_int_equal(show.current, 1);
    assert_int_equal(show_ms_until_change(&show, &prog, 700000), 4000);
    /* alone, a clip has nothing to give way to: it plays again */
    prog.slide_count = 1;
    slides[0].kind = SLIDE_VIDEO;
    show_start(&show, 0);
    assert_false(show_clip_ended(&show, &prog));
    slides[0].kind = slides[1].kind = SLIDE_HEADLINE;
}

static void a_late_wake_moves_one_slide_and_restarts_its_time(void **state)
{
    (void)state;
    struct programme prog = three_slides();
    struct show show;
    show_start(&show, 0);
    assert_true(show_tick(&show, &prog, 60000)); /* the machine slept for a minute */
    assert_int_equal(show.current, 1);
    assert_int_equal(show_ms_until_change(&show, &prog, 60000), 4000);
}

static void keys_step_both_ways_and_restart_the_slide(void **state)
{
    (void)state;
    struct programme prog = three_slides();
    struct show show;
    show_start(&show, 0);
    show_step(&show, &prog, -1, 5000);
    assert_int_equal(show.current, 2);
    assert_int_equal(show_ms_until_change(&show, &prog, 5000), 10000);
    show_step(&show, &prog, 1, 6000);
    show_step(&show, &prog, 1, 6000);
    assert_int_equal(show.current, 1);
}

static void pause_holds_the_slide_and_resume_keeps_its_remaining_time(void **state)
{
    (void)state;
    struct programme prog = three_slides();
    struct show show;
    show_start(&show, 0);
    show_set_paused(&show, true, 3000);
    assert_int_equal(show_ms_until_change(&show, &prog, 3000), -1);
    assert_false(show_tick(&show, &prog, 100000));
    assert_int_equal(show.current, 0);
    show_set_paused(&show, false, 100000);
    assert_int_equal(show_ms_until_change(&show, &prog, 100000), 7000);
    assert_true(show_tick(&show, &prog, 107000));
    assert_int_equal(show.current, 1);
}

static void one_slide_or_none_never_changes(void **state)
{
    (void)state;
    struct programme prog = three_slides();
    struct show show;
    show_start(&show, 0);
    prog.slide_count = 1;
    assert_int_equal(show_ms_until_change(&show, &prog, 0), -1);
    assert_false(show_tick(&show, &prog, 1000000));
    prog.slide_count = 0;
    assert_false(show_tick(&show, &prog, 2000000));
    show_step(&show, &prog, 1, 0);
    assert_int_equal(show.current, 0);
}

static void a_shrunk_programme_starts_again_from_the_top(void **state)
{
    (void)state;
    struct programme prog = three_slides();
    struct show show;
    show_start(&show, 0);
    show_step(&show, &prog, 2, 0);
    prog.slide_count = 2;
    assert_true(show_tick(&show, &prog, 10));
    assert_int_equal(show.current, 0);
}

static void a_reload_keeps_the_slide_on_screen_where_it_went(void **state)
{
    (void)state;
    char a[] = "a.yaml", b[] = "b.yaml", c[] = "c.yaml", n[] = "new.yaml";
    struct slide before_slides[3] = {{.source = a}, {.source = b}, {.source = c}};
    struct slide after_slides[3] = {{.source = n}, {.source = a}, {.source = b}};
    struct programme before = {.slides = before_slides, .slide_count = 3};
    struct programme after = {.slides = after_slides, .slide_count = 3};
    before.theme.slide_ms = after.theme.slide_ms = 10000;
    struct show show;
    show_start(&show, 0);
    show_step(&show, &before, 1, 0); /* b, shown since 0 */
    show_follow(&show, &before, &after, 4000);
    assert_int_equal(show.current, 2); /* b moved down one */
    assert_int_equal(show_ms_until_change(&show, &after, 4000), 6000);

    /* b is gone: c, now in its place, starts afresh */
    struct slide without_b_slides[2] = {{.source = a}, {.source = c}};
    struct programme without_b = {.slides = without_b_slides, .slide_count = 2};
    without_b.theme.slide_ms = 10000;
    show.current = 1;
    show_follow(&show, &before, &without_b, 6000);
    assert_int_equal(show.current, 1);
    assert_int_equal(show_ms_until_change(&show, &without_b, 6000), 10000);

    /* the last slide is gone: the show starts again from the top */
    struct programme without_c = {.slides = before_slides, .slide_count = 2};
    without_c.theme.slide_ms = 10000;
    show.current = 2;
    show_follow(&show, &before, &without_c, 7000);
    assert_int_equal(show.current, 0);
}

static void wake_ups_never_add_frames_to_a_transition(void **state)
{
    (void)state;
    struct transition_timing t;
    transition_begin(&t, 42, 1000, 500, 30, 1);
    assert_true(t.running);
    /* the loop wakes every millisecond (a status file written beside the
     * content folder, inotify events): frames still come 30 a second */
    int frames = 0;
    for (int64_t now = 1000; now <= 1600; now++) {
        if (transition_frame_wait(&t, now) == 0) {
            transition_progress(&t, now);
            transition_frame_drawn(&t, now);
            frames++;
        }
    }
    assert_false(t.running);
    assert_int_equal(frames, 16); /* 15 in 500 ms, and the last frame */
    assert_int_equal(transition_frame_wait(&t, 1600), -1);
}

static void frames_come_at_the_display_rate_not_faster(void **state)
{
    (void)state;
    int rates[] = {60, 50, 30, 24};
    for (size_t i = 0; i < sizeof rates / sizeof *rates; i++) {
        struct transition_timing t;
        transition_begin(&t, 42, 5000, 1000, rates[i], 1);
        int frames = 0;
        int64_t last = 0, shortest = 1000;
        for (int64_t now = 5000; transition_frame_wait(&t, now) >= 0; now++) {
            if (transition_frame_wait(&t, now) > 0)
                continue;
            if (frames > 0 && now - last < shortest)
                shortest = now - last;
            transition_progress(&t, now);
            transition_frame_drawn(&t, now);
            last = now;
            frames++;
        }
        /* a second's frames and the last one, none closer than the rate
         * allows (60 Hz: 16 or 17 ms apart, never 16 twice running) */
        assert_int_equal(frames, rates[i] + 1);
        assert_true(shortest >= 1000 / rates[i]);
    }
}

static void a_transition_ends_on_time_with_its_last_frame(void **state)
{
    (void)state;
    struct transition_timing t;
    transition_begin(&t, 42, 0, 500, 30, 1);
    assert_int_equal(transition_frame_wait(&t, 0), 0);
    transition_frame_drawn(&t, 40);                      /* late for the frame due at 34 */
    assert_int_equal(transition_frame_wait(&t, 45), 22); /* the next still at 67, not 74 */
    transition_frame_drawn(&t, 496);
    assert_int_equal(transition_frame_wait(&t, 496), 4); /* not at 534: the end is due */
    assert_true(transition_progress(&t, 500) == 1.0f);
    assert_false(t.running);
    transition_begin(&t, 0, 0, 500, 30, 1); /* nothing going out: no transition */
    assert_false(t.running);
}

static void frames_due_and_never_drawn_are_counted(void **state)
{
    (void)state;
    struct transition_timing t;
    transition_begin(&t, 1, 1000, 500, 60, 1);
    assert_int_equal(transition_frames_missed(&t, 1000), 0); /* the first, on time */
    transition_frame_drawn(&t, 1000);
    assert_int_equal(transition_frames_missed(&t, 1020), 0); /* a little late */
    transition_frame_drawn(&t, 1020);
    assert_int_equal(transition_frames_missed(&t, 1085), 3); /* 65 ms: three never drawn */
    transition_begin(&t, 1, 2000, 500, 0, 1);                /* paced by the display */
    transition_frame_drawn(&t, 2000);
    assert_int_equal(transition_frames_missed(&t, 2034), 1);
    transition_begin(&t, 0, 3000, 500, 60, 1); /* nothing to move from: no transition */
    assert_int_equal(transition_frames_missed(&t, 9000), 0);
}

static void the_loop_sleeps_until_its_soonest_wait(void **state)
{
    (void)state;
    int64_t waits[WAIT_COUNT];
    for (int i = 0; i < WAIT_COUNT; i++)
        waits[i] = -1;
    assert_int_equal(pacing_soonest(waits), PACING_MAX_WAIT_MS);
    waits[WAIT_CLOCK] = 30000;
    waits[WAIT_SETTLE] = 250;
    assert_int_equal(pacing_soonest(waits), 250);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_clip_holds_its_slide_until_it_ends),
        cmocka_unit_test(wake_ups_never_add_frames_to_a_transition),
        cmocka_unit_test(a_transition_ends_on_time_with_its_last_frame),
        cmocka_unit_test(frames_come_at_the_display_rate_not_faster),
        cmocka_unit_test(the_loop_sleeps_until_its_soonest_wait),
        cmocka_unit_test(frames_due_and_never_drawn_are_counted),
        cmocka_unit_test(slides_advance_after_their_durations_and_wrap),
        cmocka_unit_test(a_late_wake_moves_one_slide_and_restarts_its_time),
        cmocka_unit_test(keys_step_both_ways_and_restart_the_slide),
        cmocka_unit_test(pause_holds_the_slide_and_resume_keeps_its_remaining_time),
        cmocka_unit_test(one_slide_or_none_never_changes),
        cmocka_unit_test(a_shrunk_programme_starts_again_from_the_top),
        cmocka_unit_test(a_reload_keeps_the_slide_on_screen_where_it_went),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
