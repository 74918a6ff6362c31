/* When a changed content folder may be read: simulated file events and a
 * simulated clock, no files and no sleeping. */
#include "../app/content/settle.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>

static void nothing_changed_means_no_read(void **state)
{
    (void)state;
    struct settle s;
    settle_init(&s, 300);
    assert_int_equal(settle_wait_ms(&s, 1000), -1);
}

static void a_rename_into_place_is_read_at_once(void **state)
{
    (void)state;
    struct settle s;
    settle_init(&s, 300);
    settle_note(&s, FILE_MOVED_IN, "slides/10-a.yaml", 1000);
    assert_int_equal(settle_wait_ms(&s, 1000), 0);
    settle_done(&s);
    assert_int_equal(settle_wait_ms(&s, 1000), -1);
}

static void a_copy_is_read_when_closed_not_while_written(void **state)
{
    (void)state;
    struct settle s;
    settle_init(&s, 300);
    /* cp: create (truncate), write in pieces, close */
    settle_note(&s, FILE_WRITTEN, "slides/10-a.yaml", 1000);
    assert_int_equal(settle_wait_ms(&s, 1000), 300);
    settle_note(&s, FILE_WRITTEN, "slides/10-a.yaml", 1200);
    assert_int_equal(settle_wait_ms(&s, 1300), 200);
    settle_note(&s, FILE_FINISHED, "slides/10-a.yaml", 1350);
    assert_int_equal(settle_wait_ms(&s, 1350), 0);
}

static void a_slow_writer_is_read_after_a_quiet_spell(void **state)
{
    (void)state;
    struct settle s;
    settle_init(&s, 300);
    /* a network copy that writes every 250 ms never goes quiet... */
    for (int t = 0; t <= 2000; t += 250) {
        settle_note(&s, FILE_WRITTEN, "logos/big.png", t);
        assert_true(settle_wait_ms(&s, t + 249) > 0);
    }
    /* ...until it stops: 300 ms after the last write it is read */
    assert_int_equal(settle_wait_ms(&s, 2299), 1);
    assert_int_equal(settle_wait_ms(&s, 2300), 0);
}

static void one_open_file_holds_back_the_others(void **state)
{
    (void)state;
    struct settle s;
    settle_init(&s, 300);
    settle_note(&s, FILE_WRITTEN, "slides/a.yaml", 0);
    settle_note(&s, FILE_WRITTEN, "slides/b.yaml", 10);
    settle_note(&s, FILE_FINISHED, "slides/a.yaml", 20);
    assert_int_equal(settle_wait_ms(&s, 20), 300);
    settle_note(&s, FILE_FINISHED, "slides/b.yaml", 40);
    assert_int_equal(settle_wait_ms(&s, 40), 0);
}

static void rsync_and_editor_temporary_files_are_ignored(void **state)
{
    (void)state;
    struct settle s;
    settle_init(&s, 300);
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
}

static void removals_and_rescans_wait_for_quiet(void **state)
{
    (void)state;
    struct settle s;
    settle_init(&s, 300);
    /* rm -rf slides/ then cp -r: nothing is read until it is over */
    settle_note(&s, FILE_REMOVED, "slides/a.yaml", 0);
    settle_note(&s, FILE_REMOVED, "slides/b.yaml", 1);
    settle_note(&s, FILE_RESCAN, "", 2);
    assert_int_equal(settle_wait_ms(&s, 2), 300);
    settle_note(&s, FILE_FINISHED, "slides/a.yaml", 250);
    assert_int_equal(settle_wait_ms(&s, 250), 300);
    assert_int_equal(settle_wait_ms(&s, 550), 0);
    settle_done(&s);
    settle_note(&s, FILE_FINISHED, "slides/a.yaml", 600);
    assert_int_equal(settle_wait_ms(&s, 600), 0);
}

static void a_deleted_open_file_no_longer_counts_as_open(void **state)
{
    (void)state;
    struct settle s;
    settle_init(&s, 300);
    settle_note(&s, FILE_WRITTEN, "slides/a.yaml", 0);
    settle_note(&s, FILE_REMOVED, "slides/a.yaml", 5);
    assert_int_equal(s.open_count, 0);
    assert_int_equal(settle_wait_ms(&s, 305), 0);
}

static void many_open_files_still_settle(void **state)
{
    (void)state;
    struct settle s;
    settle_init(&s, 300);
    char name[32];
    for (int i = 0; i < 200; i++) {
        snprintf(name, sizeof name, "logos/%d.png", i);
        settle_note(&s, FILE_WRITTEN, name, i);
    }
    assert_int_equal(settle_wait_ms(&s, 199), 300);
    assert_int_equal(settle_wait_ms(&s, 499), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nothing_changed_means_no_read),
        cmocka_unit_test(a_rename_into_place_is_read_at_once),
        cmocka_unit_test(a_copy_is_read_when_closed_not_while_written),
        cmocka_unit_test(a_slow_writer_is_read_after_a_quiet_spell),
        cmocka_unit_test(one_open_file_holds_back_the_others),
        cmocka_unit_test(rsync_and_editor_temporary_files_are_ignored),
        cmocka_unit_test(removals_and_rescans_wait_for_quiet),
        cmocka_unit_test(a_deleted_open_file_no_longer_counts_as_open),
        cmocka_unit_test(many_open_files_still_settle),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
