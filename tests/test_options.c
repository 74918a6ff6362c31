/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The command line. */
#include "../app/options.h"
#include "../app/util/civil_time.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

/* Parses a command line given as one string of words split at spaces. */
static bool parse(struct options *opts, char *err, size_t err_size, const char *line)
{
    static char words[512];
    char *argv[32] = {words};
    int argc = 1;
    snprintf(words, sizeof words, "hallscreen %s", line);
    for (char *p = words; *p && argc < 32; p++)
        if (*p == ' ') {
            *p = '\0';
            argv[argc++] = p + 1;
        }
    return options_parse(argc, argv, opts, err, err_size);
}

#define PARSE(opts, err, line) parse(opts, err, sizeof err, line)

static void every_option_is_read(void **state)
{
    (void)state;
    struct options o;
    char err[200];
    assert_true(
        PARSE(&o, err, "--windowed --size 1024x768 --now 2025-02-12T10:00 --assets /a my-show"));
    assert_true(o.windowed);
    assert_int_equal(o.width, 1024);
    assert_int_equal(o.height, 768);
    assert_true(o.has_now);
    assert_int_equal(o.now, civil_days(2025, 2, 12) * 86400 + 36000);
    assert_string_equal(o.assets_dir, "/a");
    assert_string_equal(o.content_dir, "my-show");
    assert_false(o.check);
    assert_null(o.render_dir);

    assert_true(PARSE(&o, err, "--render out --check --help --version"));
    assert_string_equal(o.render_dir, "out");
    assert_true(o.check && o.help && o.version);
    assert_null(o.content_dir);

    /* the folder may come first; every other option once more */
    assert_true(PARSE(&o, err,
                      "show --sync --metrics /run/m.prom --check --json --verbose "
                      "--status s.json --screenshot s.png --poll 0.5 --settle 100 "
                      "--rotate 270 --display 1 --renderer software --hwdec no "
                      "--room Hall"));
    assert_string_equal(o.content_dir, "show");
    assert_true(o.sync && o.check && o.json);
    assert_string_equal(o.metrics_path, "/run/m.prom");
    assert_int_equal(o.verbosity, 1);
    assert_string_equal(o.status_path, "s.json");
    assert_string_equal(o.screenshot_path, "s.png");
    assert_int_equal(o.poll_ms, 500);
    assert_int_equal(o.settle_ms, 100);
    assert_int_equal(o.rotate, 270);
    assert_int_equal(o.display, 1);
    assert_string_equal(o.renderer, "software");
    assert_string_equal(o.hwdec, "no");
    assert_string_equal(o.room, "Hall");
    assert_true(PARSE(&o, err, "--quiet"));
    assert_int_equal(o.verbosity, -1);
}

static void mistakes_are_explained(void **state)
{
    (void)state;
    struct options o;
    char err[200];
    assert_false(PARSE(&o, err, "--size big"));
    assert_string_equal(err, "--size: 'big' is not a size like 1920x1080");
    assert_false(PARSE(&o, err, "--size 10x10"));
    assert_false(PARSE(&o, err, "--now tomorrow"));
    assert_string_equal(err, "--now: 'tomorrow' is not a time like 2025-02-12T10:00");
    char arg0[] = "hallscreen", arg1[] = "--room", arg2[] = "";
    char *empty_room[] = {arg0, arg1, arg2, NULL};
    assert_false(options_parse(3, empty_room, &o, err, sizeof err));
    assert_string_equal(err, "--room: the name is empty (an unset variable?): name the room as "
                             "the programme writes it");
    assert_false(PARSE(&o, err, "--render"));
    assert_string_equal(err, "--render needs a value (see --help)");
    assert_false(PARSE(&o, err, "--fullscreen"));
    assert_string_equal(err, "unknown option '--fullscreen' (see --help)");
    assert_false(PARSE(&o, err, "--rotate 45"));
    assert_string_equal(err, "--rotate: '45' is not 0, 90, 180 or 270");
    assert_false(PARSE(&o, err, "--metrics"));
    assert_string_equal(err, "--metrics needs a value (see --help)");
    assert_false(PARSE(&o, err, "a b"));
    assert_string_equal(err, "one content folder only: 'a' and 'b'");
    /* an output that writing would replace with a file (here a folder) */
    assert_false(PARSE(&o, err, "--metrics /"));
    assert_string_equal(err, "--metrics /: a folder, not a file: name a file (such as "
                             "/var/lib/prometheus/node-exporter/hallscreen.prom)");
}

static void timer_names_its_room(void **state)
{
    (void)state;
    struct options o;
    char err[200];
    assert_true(PARSE(&o, err, "--timer saal-1 --render /tmp/out"));
    assert_string_equal(o.timer_room, "saal-1");
    assert_null(o.room);
    char arg0[] = "hallscreen", arg1[] = "--timer", arg2[] = "";
    char *empty[] = {arg0, arg1, arg2, NULL};
    assert_false(options_parse(3, empty, &o, err, sizeof err));
    assert_string_equal(err, "--timer: the room's name is empty (an unset variable?): name the "
                             "room as the programme writes it");
    assert_false(PARSE(&o, err, "--timer"));
    assert_string_equal(err, "--timer needs a value (see --help)");
    assert_non_null(strstr(options_usage, "--timer NAME"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_option_is_read),
        cmocka_unit_test(mistakes_are_explained),
        cmocka_unit_test(timer_names_its_room),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
