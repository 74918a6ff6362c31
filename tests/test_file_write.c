/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Output files written whole, and never over what is not a file. */
#include "../app/util/file_write.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];

static int make_dir(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/test_file_write.XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
    (void)state;
    char command[128];
    snprintf(command, sizeof command, "rm -rf '%s'", dir);
    return system(command) == 0 ? 0 : -1;
}

static void a_file_is_written_and_replaced(void **state)
{
    (void)state;
    char path[128], why[128] = "";
    snprintf(path, sizeof path, "%s/status.json", dir);
    assert_true(file_write_atomic(path, "one", 3, why, sizeof why));
    assert_true(file_write_atomic(path, "two!", 4, why, sizeof why));
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_true(S_ISREG(st.st_mode));
    assert_int_equal(st.st_size, 4);
}

static void a_fifo_is_left_alone(void **state)
{
    (void)state;
    char path[128], why[128] = "";
    snprintf(path, sizeof path, "%s/fifo", dir);
    assert_int_equal(mkfifo(path, 0600), 0);
    assert_false(file_write_target_ok(path, why, sizeof why));
    assert_false(file_write_atomic(path, "x", 1, why, sizeof why));
    assert_string_equal(why, "not a regular file: name a file instead");
    struct stat st;
    assert_int_equal(lstat(path, &st), 0);
    assert_true(S_ISFIFO(st.st_mode));
}

static void a_link_to_a_device_is_left_alone(void **state)
{
    (void)state;
    char path[128], why[128] = "";
    snprintf(path, sizeof path, "%s/null", dir);
    assert_int_equal(symlink("/dev/null", path), 0);
    assert_false(file_write_atomic(path, "x", 1, why, sizeof why));
    struct stat st;
    assert_int_equal(lstat(path, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
}

static void a_folder_is_named(void **state)
{
    (void)state;
    char why[128] = "";
    assert_false(file_write_target_ok(dir, why, sizeof why));
    assert_string_equal(why, "a folder, not a file");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_file_is_written_and_replaced, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(a_fifo_is_left_alone, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(a_link_to_a_device_is_left_alone, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(a_folder_is_named, make_dir, remove_dir),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
