/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The fleet's pure logic: topics, commands, payload checks, which alert a
 * screen shows, the backoff, the agent's settings; and the show reading the
 * overlay over the content folder (last good version kept). */
#include "../app/agent/fleet.h"
#include "../app/agent/settings.h"
#include "../app/content/content.h"
#include "../app/content/loader.h"
#include "../app/content/overlay.h"
#include "../app/limits.h"
#include "temp.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void topics_are_told_apart(void **state)
{
    (void)state;
    const char *p = "hallscreen/conf", *me = "hall-a";
    struct fleet_topic t = fleet_topic_parse(p, me, "hallscreen/conf/alert");
    assert_int_equal(t.kind, FLEET_FILE_ALL);
    assert_string_equal(t.file->name, "alert.yaml");
    t = fleet_topic_parse(p, me, "hallscreen/conf/rooms");
    assert_int_equal(t.kind, FLEET_FILE_ALL);
    assert_string_equal(t.file->name, "rooms.yaml");
    t = fleet_topic_parse(p, me, "hallscreen/conf/screens/hall-a/alert");
    assert_int_equal(t.kind, FLEET_FILE_SCREEN);
    assert_string_equal(t.file->name, "alert.yaml");
    assert_int_equal(fleet_topic_parse(p, me, "hallscreen/conf/screens/hall-a/command").kind,
                     FLEET_COMMAND);
    /* another screen's, another event's, a longer prefix, unknown files */
    const char *others[] = {"hallscreen/conf/screens/hall-b/alert",
                            "hallscreen/conf/screens/hall-b/command",
                            "hallscreen/conf2/alert",
                            "hallscreen/conference/alert",
                            "hallscreen/alert",
                            "hallscreen/conf/theme",
                            "hallscreen/conf/screens/hall-a/status",
                            "hallscreen/conf/screens/hall-a",
                            "hallscreen/conf/screens/hall-ab/alert",
                            "hallscreen/conf/alert/extra"};
    for (size_t i = 0; i < sizeof others / sizeof *others; i++)
        assert_int_equal(fleet_topic_parse(p, me, others[i]).kind, FLEET_OTHER);
    char *name = fleet_topic_name(p, me, "status");
    assert_string_equal(name, "hallscreen/conf/screens/hall-a/status");
    free(name);
    name = fleet_topic_name(p, NULL, "alert");
    assert_string_equal(name, "hallscreen/conf/alert");
    free(name);
}

static void names_must_fit_a_topic(void **state)
{
    (void)state;
    char why[200];
    assert_true(fleet_name_ok("hallscreen/conf", false, why, sizeof why));
    assert_true(fleet_name_ok("hall-a", true, why, sizeof why));
    assert_false(fleet_name_ok("hall/a", true, why, sizeof why));
    assert_non_null(strstr(why, "one level"));
    assert_false(fleet_name_ok("hallscreen/+", false, why, sizeof why));
    assert_non_null(strstr(why, "wildcards"));
    assert_false(fleet_name_ok("hallscreen/", false, why, sizeof why));
    assert_false(fleet_name_ok("", true, why, sizeof why));
    assert_false(fleet_name_ok("a#", true, why, sizeof why));
}

static void commands_are_words(void **state)
{
    (void)state;
    char why[200];
    assert_int_equal(fleet_command("next", 4, why, sizeof why), REMOTE_NEXT);
    assert_int_equal(fleet_command("previous\n", 9, why, sizeof why), REMOTE_PREVIOUS);
    assert_int_equal(fleet_command(" pause ", 7, why, sizeof why), REMOTE_PAUSE);
    assert_int_equal(fleet_command("resume", 6, why, sizeof why), REMOTE_RESUME);
    assert_int_equal(fleet_command("screenshot", 10, why, sizeof why), REMOTE_SCREENSHOT);
    const char *wrong[] = {"", "nex", "nextt", "NEXT", "reboot", "next previous"};
    for (size_t i = 0; i < sizeof wrong / sizeof *wrong; i++) {
        why[0] = '\0';
        assert_int_equal(fleet_command(wrong[i], strlen(wrong[i]), why, sizeof why), REMOTE_NONE);
        assert_non_null(strstr(why, "send next, previous, pause, resume or screenshot"));
    }
    assert_int_equal(fleet_command("next\0x", 6, why, sizeof why), REMOTE_NONE);
    for (int c = REMOTE_NEXT; c <= REMOTE_SCREENSHOT; c++) {
        const char *word = remote_name((enum remote_command)c);
        assert_int_equal(remote_parse(word, strlen(word)), c);
    }
}

static void payloads_are_checked_by_the_show_parsers(void **state)
{
    (void)state;
    const struct overlay_file *alert = overlay_find("alert.yaml");
    const struct overlay_file *rooms = overlay_find("rooms.yaml");
    assert_non_null(alert);
    assert_non_null(rooms);
    assert_ptr_equal(overlay_find_topic("alert"), alert);
    assert_null(overlay_find("theme.yaml"));
    char why[700];
    const char *good = "title: Please leave hall A\nbody: by the north doors\n";
    assert_true(fleet_payload_ok(alert, "p/alert", good, strlen(good), why, sizeof why));
    assert_true(fleet_payload_ok(alert, "p/alert", "", 0, why, sizeof why)); /* clears */
    const char *no_title = "body: no title\n";
    assert_false(fleet_payload_ok(alert, "p/alert", no_title, strlen(no_title), why, sizeof why));
    assert_non_null(strstr(why, "p/alert"));
    assert_non_null(strstr(why, "title"));
    assert_non_null(strstr(why, "ignored"));
    const char *syntax = "title: [not closed\n";
    assert_false(fleet_payload_ok(alert, "p/alert", syntax, strlen(syntax), why, sizeof why));
    assert_non_null(strstr(why, "YAML syntax"));
    const char binary[] = {'t', 'i', 't', 'l', 'e', ':', ' ', (char)0xff, (char)0xfe, 0, 1, 2};
    assert_false(fleet_payload_ok(alert, "p/alert", binary, sizeof binary, why, sizeof why));
    size_t big = 10 * 1024 * 1024;
    char *huge = malloc(big);
    assert_non_null(huge);
    memset(huge, 'a', big);
    memcpy(huge, "title: ", 7);
    assert_false(fleet_payload_ok(alert, "p/alert", huge, big, why, sizeof why));
    assert_non_null(strstr(why, "10485760 bytes"));
    free(huge);
    const char *list = "- a\n- b\n";
    assert_false(fleet_payload_ok(rooms, "p/rooms", list, strlen(list), why, sizeof why));
    const char *fields = "hall-a:\n  late: 10\n";
    assert_true(fleet_payload_ok(rooms, "p/rooms", fields, strlen(fields), why, sizeof why));
    const char *too_late = "hall-a:\n  late: 999\n"; /* rooms.yaml's own parser says no */
    assert_false(fleet_payload_ok(rooms, "p/rooms", too_late, strlen(too_late), why, sizeof why));
    assert_non_null(strstr(why, "p/rooms:2"));
}

static void a_screen_own_alert_stands_over_the_general_one(void **state)
{
    (void)state;
    size_t size;
    assert_string_equal(fleet_choose("own", 3, "all", 3, &size), "own");
    assert_int_equal(size, 3);
    assert_string_equal(fleet_choose(NULL, 0, "all", 3, &size), "all");
    assert_string_equal(fleet_choose("", 0, "all", 3, &size), "all"); /* own cleared */
    assert_null(fleet_choose(NULL, 0, NULL, 0, &size));
    assert_int_equal(size, 0);
}

static void reconnecting_backs_off(void **state)
{
    (void)state;
    int wait = 0, waits[8];
    for (int i = 0; i < 8; i++)
        waits[i] = wait = fleet_backoff_ms(wait);
    assert_int_equal(waits[0], FLEET_RETRY_FIRST_MS);
    assert_int_equal(waits[1], 2 * FLEET_RETRY_FIRST_MS);
    for (int i = 1; i < 8; i++)
        assert_true(waits[i] >= waits[i - 1] && waits[i] <= FLEET_RETRY_MAX_MS);
    assert_int_equal(waits[7], FLEET_RETRY_MAX_MS);
}

static const char *fake_env(const char *name)
{
    if (strcmp(name, "HALLSCREEN_AGENT_BROKER") == 0)
        return "mqtt.venue";
    if (strcmp(name, "HALLSCREEN_AGENT_PREFIX") == 0)
        return "hallscreen/conf";
    if (strcmp(name, "HALLSCREEN_AGENT_USERNAME") == 0)
        return ""; /* an empty line in /etc/default: not set */
    return NULL;
}

static bool parse_agent(struct agent_settings *s, char *err, size_t err_size,
                        const char *(*env)(const char *), const char *line)
{
    static char words[512];
    char *argv[32] = {words};
    int argc = 1;
    snprintf(words, sizeof words, "hallscreen-agent %s", line);
    for (char *p = words; *p && argc < 32; p++)
        if (*p == ' ') {
            *p = '\0';
            argv[argc++] = p + 1;
        }
    return agent_settings_parse(argc, argv, env, s, err, err_size);
}

static void agent_settings_come_from_the_line_over_the_environment(void **state)
{
    (void)state;
    struct agent_settings s;
    char err[300];
    assert_true(parse_agent(&s, err, sizeof err, NULL,
                            "--broker 127.0.0.1:18830 --prefix p/e --screen s1 --overlay /o "
                            "--status /s --username s1 --password-file /pw --cafile /ca"));
    assert_string_equal(s.host, "127.0.0.1");
    assert_int_equal(s.port, 18830);
    assert_string_equal(s.prefix, "p/e");
    assert_string_equal(s.screen, "s1");
    assert_string_equal(s.overlay_dir, "/o");
    assert_string_equal(s.status_path, "/s");
    assert_string_equal(s.username, "s1");
    assert_string_equal(s.password_file, "/pw");
    assert_string_equal(s.cafile, "/ca");
    /* the environment fills in; the port follows TLS */
    assert_true(parse_agent(&s, err, sizeof err, fake_env, "--screen s2 --overlay /o --status /s"));
    assert_string_equal(s.host, "mqtt.venue");
    assert_int_equal(s.port, 1883);
    assert_string_equal(s.prefix, "hallscreen/conf");
    assert_null(s.username);
    assert_true(parse_agent(&s, err, sizeof err, fake_env,
                            "--screen s2 --overlay /o --status /s --cafile /ca"));
    assert_int_equal(s.port, 8883);
    assert_true(parse_agent(&s, err, sizeof err, fake_env,
                            "--prefix other --screen s2 --overlay /o --status /s"));
    assert_string_equal(s.prefix, "other");
    assert_true(parse_agent(&s, err, sizeof err, NULL,
                            "--broker [::1]:1884 --prefix p --screen s --overlay /o --status /s"));
    assert_string_equal(s.host, "::1");
    assert_int_equal(s.port, 1884);
}

static void agent_settings_say_what_is_wrong(void **state)
{
    (void)state;
    struct agent_settings s;
    char err[300];
    const struct {
        const char *line, *says;
    } wrong[] = {
        {"--prefix p --screen s --overlay /o --status /s", "--broker is missing"},
        {"--broker h --screen s --overlay /o --status /s", "--prefix is missing"},
        {"--broker h --prefix p --overlay /o --status /s", "--screen is missing"},
        {"--broker h --prefix p --screen s --status /s", "--overlay is missing"},
        {"--broker h --prefix p --screen s --overlay /o", "--status is missing"},
        {"--broker h:99999 --prefix p --screen s --overlay /o --status /s",
         "not HOST or HOST:PORT"},
        {"--broker h:x --prefix p --screen s --overlay /o --status /s", "not HOST or HOST:PORT"},
        {"--broker h --prefix p/# --screen s --overlay /o --status /s", "--prefix: 'p/#'"},
        {"--broker h --prefix p --screen a/b --overlay /o --status /s", "--screen: 'a/b'"},
        {"--broker h --prefix p --screen s --overlay /o --status /s --password-file /pw",
         "needs --username"},
        {"--broker h --prefix p --screen s --overlay /o --status /s --colour red",
         "unknown option"},
        {"--broker h --prefix p --screen s --overlay /o --status /s extra", "options only"},
        {"--broker", "needs a value"},
    };
    for (size_t i = 0; i < sizeof wrong / sizeof *wrong; i++) {
        err[0] = '\0';
        assert_false(parse_agent(&s, err, sizeof err, NULL, wrong[i].line));
        if (!strstr(err, wrong[i].says))
            fail_msg("'%s': '%s' does not say '%s'", wrong[i].line, err, wrong[i].says);
    }
    assert_true(parse_agent(&s, err, sizeof err, NULL, "--help"));
    assert_true(s.help);
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static const char *alert_title(const struct programme *prog)
{
    return prog->alert ? prog->alert->title : NULL;
}

/* The overlay's alert.yaml stands over the content folder's; broken, its
 * last good version stays; removed, the content folder's is back. */
static void the_show_reads_the_overlay_first(void **state)
{
    (void)state;
    char root[] = "/tmp/test_fleet_" TEMP_SUFFIX;
    assert_non_null(mkdtemp(root));
    char content_dir[600], overlay_dir[600], cmd[1400];
    snprintf(content_dir, sizeof content_dir, "%s/content", root);
    snprintf(overlay_dir, sizeof overlay_dir, "%s/overlay", root);
    assert_int_equal(mkdir(content_dir, 0755), 0);
    assert_int_equal(mkdir(overlay_dir, 0755), 0);
    snprintf(cmd, sizeof cmd, "%s/slides", content_dir);
    assert_int_equal(mkdir(cmd, 0755), 0);
    write_file(content_dir, "event.yaml", "name: Fleet\n");
    write_file(content_dir, "slides/01-a.yaml", "kind: headline\ntitle: A slide\n");
    write_file(content_dir, "alert.yaml", "title: From the content folder\n");
    struct theme theme;
    theme_init_defaults(&theme);
    struct content *c = content_open(content_dir, &theme);
    assert_true(content_use_overlay(c, overlay_dir));
    const char *steps[][2] = {
        {NULL, "From the content folder"},
        {"title: From the overlay\n", "From the overlay"},
        {"title: [broken\n", "From the overlay"}, /* the last good version */
        {"", "From the content folder"},          /* removed */
    };
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
        if (steps[i][0] && steps[i][0][0])
            write_file(overlay_dir, "alert.yaml", steps[i][0]);
        else if (steps[i][0]) {
            snprintf(cmd, sizeof cmd, "%s/alert.yaml", overlay_dir);
            assert_int_equal(unlink(cmd), 0);
        }
        struct programme prog;
        struct diag_list diags = {0};
        assert_true(content_refresh(c, &prog, &diags, NULL));
        assert_non_null(alert_title(&prog));
        assert_string_equal(alert_title(&prog), steps[i][1]);
        assert_int_equal(prog.slide_count, 1);
        programme_free(&prog);
        diag_list_clear(&diags);
    }
    /* rooms.yaml from the overlay too */
    write_file(overlay_dir, "rooms.yaml", "\"Hall A\":\n  late: 15\n");
    {
        struct programme p;
        struct diag_list d = {0};
        assert_true(content_refresh(c, &p, &d, NULL));
        assert_int_equal(p.room_state_count, 1);
        programme_free(&p);
        diag_list_clear(&d);
    }
    /* a slide put into the overlay is not read: only the overlay's files */
    snprintf(cmd, sizeof cmd, "%s/slides", overlay_dir);
    assert_int_equal(mkdir(cmd, 0755), 0);
    write_file(overlay_dir, "slides/02-b.yaml", "kind: headline\ntitle: Not read\n");
    struct programme prog;
    struct diag_list diags = {0};
    assert_true(content_refresh(c, &prog, &diags, NULL));
    assert_int_equal(prog.slide_count, 1);
    programme_free(&prog);
    diag_list_clear(&diags);
    content_close(c);
    theme_free(&theme);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(topics_are_told_apart),
        cmocka_unit_test(names_must_fit_a_topic),
        cmocka_unit_test(commands_are_words),
        cmocka_unit_test(payloads_are_checked_by_the_show_parsers),
        cmocka_unit_test(a_screen_own_alert_stands_over_the_general_one),
        cmocka_unit_test(reconnecting_backs_off),
        cmocka_unit_test(agent_settings_come_from_the_line_over_the_environment),
        cmocka_unit_test(agent_settings_say_what_is_wrong),
        cmocka_unit_test(the_show_reads_the_overlay_first),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
