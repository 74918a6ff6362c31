/* SPDX-License-Identifier: GPL-2.0-or-later */
/* When a changed content folder may be read: simulated file events and a
 * simulated clock, no files and no sleeping. */
#include "../app/watch/settle.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>

enum { QUIET = 300 };

static void nothing_changed_means_no_read(void **state)
{
    (void)state;
    struct settle s;
    settle_init(&s, QUIET, false);
    assert_int_equal(settle_wait_ms(&s, 1000), -1);
}

static void a_rename_into_place_is_read_at_once(void **state)
{
    (void)state;
    struct settle s;
    settle_init(&s, QUIET, false);
    settle_note(&s, FILE_MOVED_IN, "slides/10-a.yaml", 1000);
    assert_int_equal(settle_wait_ms(&s, 1000), 0);
    settle_take(&s, 1000);
    assert_int_equal(settle_wait_ms(&s, 1000), -1);
    settle_free(&s);
}

static void a_copy_is_read_when_closed_not_while_written(void **state)
{
    (void)state;
    struct settle s;
    settle_init(&s, QUIET, false);
    /* cp: create (truncate), write in pieces, close */
    settle_note(&s, FILE_WRITTEN, "slides/10-a.yaml", 1000);
    assert_true(settle_is_busy(&s, "slides/10-a.yaml"));
    assert_true(settle_wait_ms(&s, 1000) > QUIET);
    settle_note(&s, FILE_WRITTEN, "slides/10-a.yaml", 1200);
    settle_note(&s, FILE_FINISHED, "slides/10-a.yaml", 1350);
    assert_false(settle_is_busy(&s, "slides/10-a.yaml"));
    assert_int_equal(settle_wait_ms(&s, 1350), 0);
    settle_free(&s);
}

static void a_copy_that_stalls_is_not_read_until_closed(void **state)
{
    (void)state;
    struct settle s;
    settle_init(&s, QUIET, false);
    /* a USB stick or a network share stalls for seconds mid-file */
    settle_note(&s, FILE_WRITTEN, "slides/10-a.yaml", 0);
    for (int64_t t = 0; t <= 20000; t += 1000)
        assert_true(settle_wait_ms(&s, t) > 0);
    settle_note(&s, FILE_WRITTEN, "slides/10-a.yaml", 20000);
    settle_note(&s, FILE_FINISHED, "slides/10-a.yaml", 20001);
    assert_int_equal(settle_wait_ms(&s, 20001), 0);
    settle_free(&s);
}

static void a_writer_silent_for_long_is_read_anyway(void **state)
{
    (void)state;
    struct settle s;
    settle_init(&s, QUIET, false);
    settle_note(&s, FILE_WRITTEN, "slides/10-a.yaml", 0);
    assert_int_equal(settle_wait_ms(&s, 0), SETTLE_SILENT_WRITER_MS);
    assert_int_equal(settle_wait_ms(&s, SETTLE_SILENT_WRITER_MS), 0);
    settle_take(&s, SETTLE_SILENT_WRITER_MS);
    assert_false(settle_is_busy(&s, "slides/10-a.yaml"));
    assert_int_equal(settle_wait_ms(&s, SETTLE_SILENT_WRITER_MS), -1);
    settle_free(&s);
}

static void polling_reads_a_file_once_it_stops_changing(void **state)
{
    (void)state;
    struct settle s;
    settle_init(&s, QUIET, true);
    /* polling sees no writer: a file whose size or time keeps changing
     * waits, and is read QUIET ms after its last change */
    for (int t = 0; t <= 2000; t += 250) {
        settle_note(&s, FILE_WRITTEN, "logos/big.png", t);
        assert_true(settle_wait_ms(&s, t + 249) > 0);
    }
    assert_int_equal(settle_wait_ms(&s, 2299), 1);
    assert_int_equal(settle_wait_ms(&s, 2300), 0);
    settle_take(&s, 2300);
    assert_false(settle_is_busy(&s, "logos/big.png"));
    settle_free(&s);
}

static void one_open_file_never_holds_back_another(void **state)
{
    (void)state;
    struct settle s;
    settle_init(&s, QUIET, false);
    settle_note(&s, FILE_WRITTEN, "slides/a.yaml", 0);
    settle_note(&s, FILE_WRITTEN, "slides/b.yaml", 10);
    settle_note(&s, FILE_FINISHED, "slides/a.yaml", 20);
    assert_int_equal(settle_wait_ms(&s, 20), 0);
    settle_take(&s, 20);
    /* b is still being written: it is not read, and nothing waits on it */
    assert_true(settle_is_busy(&s, "slides/b.yaml"));
    assert_false(settle_is_busy(&s, "slides/a.yaml"));
    settle_note(&s, FILE_FINISHED, "slides/b.yaml", 40);
    assert_int_equal(settle_wait_ms(&s, 40), 0);
    settle_free(&s);
}

static void a_growing_log_never_delays_a_ready_change(void **state)
{
    (void)state;
    struct settle s;
    settle_init(&s, QUIET, false);
    /* alert.yaml removed while a log file in the folder grows every 200 ms */
    settle_note(&s, FILE_REMOVED, "alert.yaml", 0);
    int64_t read_at = -1;
    for (int64_t t = 0; t <= 5000 && read_at < 0; t += 10) {
        if (t % 200 == 0)
            settle_note(&s, FILE_WRITTEN, "show.log", t);
        if (settle_wait_ms(&s, t) == 0)
            read_at = t;
    }
    assert_int_equal(read_at, QUIET);
    settle_free(&s);
}

static void rsync_and_editor_temporary_files_are_ignored(void **state)
{
    (void)state;
    struct settle s;
    settle_init(&s, QUIET, false);
    /* rsync writes .name.<random>, then renames it into place */
    settle_note(&s, FILE_WRITTEN, "slides/.10-a.yaml.Gx3f9a", 0);
    settle_note(&s, FILE_WRITTEN, "slides/10-a.yaml.swp", 0);
    settle_note(&s, FILE_WRITTEN, "slides/10-a.yaml~", 0);
    settle_note(&s, FILE_WRITTEN, "slides/#10-a.yaml#", 0);
    settle_note(&s, FILE_WRITTEN, "slides/4913", 0);
    assert_int_equal(settle_wait_ms(&s, 0), -1);
    settle_note(&s, FILE_MOVED_IN, "slides/10-a.yaml", 5);
    assert_int_equal(settle_wait_ms(&s, 5), 0);
    assert_true(settle_ignores(".hidden"));
    assert_false(settle_ignores("slides/10-a.yaml"));
    settle_free(&s);
}

static void the_programs_own_outputs_are_ignored(void **state)
{
    (void)state;
    struct settle s;
    settle_init(&s, QUIET, false);
    settle_ignore(&s, "status.json");
    settle_note(&s, FILE_MOVED_IN, "status.json", 0);
    settle_note(&s, FILE_WRITTEN, "status.json", 0);
    assert_int_equal(settle_wait_ms(&s, 0), -1);
    settle_note(&s, FILE_MOVED_IN, "event.yaml", 1);
    assert_int_equal(settle_wait_ms(&s, 1), 0);
    settle_free(&s);
}

static void removals_and_rescans_wait_for_quiet(void **state)
{
    (void)state;
    struct settle s;
    settle_init(&s, QUIET, false);
    /* rm -rf slides/ then cp -r: nothing is read until it is over */
    settle_note(&s, FILE_REMOVED, "slides/a.yaml", 0);
    settle_note(&s, FILE_REMOVED, "slides/b.yaml", 1);
    settle_note(&s, FILE_RESCAN, "", 2);
    assert_int_equal(settle_wait_ms(&s, 2), QUIET);
    settle_note(&s, FILE_MOVED_IN, "slides/a.yaml", 250);
    assert_int_equal(settle_wait_ms(&s, 250), 52);
    settle_note(&s, FILE_REMOVED, "slides/c.yaml", 280);
    assert_int_equal(settle_wait_ms(&s, 300), 280);
    assert_int_equal(settle_wait_ms(&s, 580), 0);
    settle_take(&s, 580);
    settle_note(&s, FILE_FINISHED, "slides/a.yaml", 600);
    assert_int_equal(settle_wait_ms(&s, 600), 0);
    settle_free(&s);
}

static void a_deleted_open_file_no_longer_counts_as_open(void **state)
{
    (void)state;
    struct settle s;
    settle_init(&s, QUIET, false);
    settle_note(&s, FILE_WRITTEN, "slides/a.yaml", 0);
    settle_note(&s, FILE_REMOVED, "slides/a.yaml", 5);
    assert_false(settle_is_busy(&s, "slides/a.yaml"));
    /* read after the removal's quiet spell, not after a silent writer's */
    assert_int_equal(settle_wait_ms(&s, 5 + QUIET), 0);
    settle_take(&s, 5 + QUIET);
    assert_int_equal(settle_wait_ms(&s, 5 + QUIET), -1);
    settle_free(&s);
}

static void a_permission_change_is_read_unless_still_written(void **state)
{
    (void)state;
    struct settle s;
    settle_init(&s, QUIET, false);
    settle_note(&s, FILE_ATTRIB, "logos/a.png", 0); /* chmod a+r */
    assert_int_equal(settle_wait_ms(&s, 0), 0);
    settle_take(&s, 0);
    settle_note(&s, FILE_WRITTEN, "logos/b.png", 10);
    settle_note(&s, FILE_ATTRIB, "logos/b.png", 11);
    assert_true(settle_is_busy(&s, "logos/b.png"));
    assert_true(settle_wait_ms(&s, 11) > 0);
    settle_free(&s);
}

static void many_open_files_are_each_followed(void **state)
{
    (void)state;
    struct settle s;
    settle_init(&s, QUIET, false);
    char name[32];
    for (int i = 0; i < 200; i++) {
        snprintf(name, sizeof name, "logos/%d.png", i);
        settle_note(&s, FILE_WRITTEN, name, i);
    }
    for (int i = 0; i < 199; i++) {
        snprintf(name, sizeof name, "logos/%d.png", i);
        settle_note(&s, FILE_FINISHED, name, 300);
    }
    assert_int_equal(settle_wait_ms(&s, 300), 0);
    settle_take(&s, 300);
    assert_true(settle_is_busy(&s, "logos/199.png"));
    assert_false(settle_is_busy(&s, "logos/0.png"));
    settle_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nothing_changed_means_no_read),
        cmocka_unit_test(a_rename_into_place_is_read_at_once),
        cmocka_unit_test(a_copy_is_read_when_closed_not_while_written),
        cmocka_unit_test(a_copy_that_stalls_is_not_read_until_closed),
        cmocka_unit_test(a_writer_silent_for_long_is_read_anyway),
        cmocka_unit_test(polling_reads_a_file_once_it_stops_changing),
        cmocka_unit_test(one_open_file_never_holds_back_another),
        cmocka_unit_test(a_growing_log_never_delays_a_ready_change),
        cmocka_unit_test(rsync_and_editor_temporary_files_are_ignored),
        cmocka_unit_test(the_programs_own_outputs_are_ignored),
        cmocka_unit_test(removals_and_rescans_wait_for_quiet),
        cmocka_unit_test(a_deleted_open_file_no_longer_counts_as_open),
        cmocka_unit_test(a_permission_change_is_read_unless_still_written),
        cmocka_unit_test(many_open_files_are_each_followed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
