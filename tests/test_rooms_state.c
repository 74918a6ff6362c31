/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rooms.yaml: a room's late minutes shift its now, next and time left on
 * the board and the door sign; its state and notice stand on its row; an
 * entry stops at its until:; a broken file is reported as file:line and
 * the last good version stays. */
#include "../app/content/content.h"
#include "../app/content/loader.h"
#include "../app/content/rooms_file.h"
#include "../app/show/rooms_state.h"
#include "../app/show/running_order.h"
#include "../app/util/civil_time.h"
#include "../app/util/str.h"
#include "../app/util/translate.h"
#include "../app/util/zone.h"
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

static bool parse(const char *text, struct room_state **rooms, size_t *count,
                  struct diag_list *diags)
{
    const struct source src = {.path = "rooms.yaml", .dir = "/tmp", .diags = diags};
    return rooms_parse(&src, text, strlen(text), rooms, count);
}

static bool has_problem(const struct diag_list *diags, int line, const char *words)
{
    for (size_t i = 0; i < diags->count; i++)
        if (diags->items[i].line == line && strstr(diags->items[i].message, words) &&
            strcmp(diags->items[i].path, "rooms.yaml") == 0)
            return true;
    return false;
}

static void the_file_is_read(void **state)
{
    (void)state;
    struct room_state *rooms;
    size_t count;
    struct diag_list diags = {0};
    assert_true(parse("\"Saal 1\":\n  late: 15\n  state: full\n  notice: \"Overflow: stream in "
                      "Saal G\"\n  until: 2014-12-30 20:00\nSaal G:\n  state: Too Full\n",
                      &rooms, &count, &diags));
    assert_int_equal(diags.count, 0);
    assert_int_equal(count, 2);
    assert_string_equal(rooms[0].room, "Saal 1");
    assert_int_equal(rooms[0].late_minutes, 15);
    assert_int_equal(rooms[0].fullness, ROOM_FULL);
    assert_string_equal(rooms[0].notice, "Overflow: stream in Saal G");
    assert_true(rooms[0].until.set);
    assert_int_equal(rooms[1].fullness, ROOM_TOO_FULL);
    assert_int_equal(rooms[1].line, 6);
    room_states_free(rooms, count);
    /* a file of only comments: every entry taken away */
    assert_true(parse("# nothing now\n\n", &rooms, &count, &diags));
    assert_int_equal(count, 0);
    diag_list_clear(&diags);
}

static void a_broken_file_says_where(void **state)
{
    (void)state;
    struct room_state *rooms;
    size_t count;
    struct diag_list diags = {0};
    assert_false(parse("Saal 1:\n  late: soon\nSaal 2:\n  state: crowded\nSaal 3: full\n"
                       "Saal 4:\n  late: 500\nSaal 1:\n  late: 5\n",
                       &rooms, &count, &diags));
    assert_null(rooms);
    assert_true(has_problem(&diags, 2, "late"));
    assert_true(has_problem(&diags, 4, "empty, full or too full"));
    assert_true(has_problem(&diags, 5, "indented"));
    assert_true(has_problem(&diags, 7, "out of range"));
    assert_true(has_problem(&diags, 8, "given twice"));
    diag_list_clear(&diags);
    assert_false(parse("Saal 1:\n  late: [\n", &rooms, &count, &diags));
    assert_true(diags.count > 0);
    diag_list_clear(&diags);
}

static int64_t at(const char *when)
{
    int64_t local;
    assert_true(civil_parse_datetime(when, &local));
    return zone_utc(local);
}

static void add_talk(struct programme *prog, const char *title, const char *room, const char *start,
                     int minutes)
{
    prog->slides = realloc(prog->slides, (prog->slide_count + 1) * sizeof *prog->slides);
    struct slide *s = &prog->slides[prog->slide_count++];
    prog->slide_capacity = prog->slide_count;
    *s = (struct slide){.kind = SLIDE_SESSION, .scheduled = true};
    s->source = str_printf("t#%s", title);
    s->title = str_dup(title);
    s->room = str_dup(room);
    int64_t local;
    assert_true(civil_parse_datetime(start, &local));
    int64_t day = local / SECONDS_PER_DAY;
    s->date = (struct optional_day){true, day};
    s->start = (struct optional_clock){true, (int)(local - day * SECONDS_PER_DAY) / 60};
    s->end = (struct optional_clock){true, s->start.minutes + minutes};
    s->runs.set = true;
    s->runs.start = zone_utc(local);
    s->runs.end = s->runs.start + minutes * 60;
}

static const struct slide *board_of(const struct programme *out)
{
    for (size_t i = 0; i < out->slide_count; i++)
        if (out->slides[i].kind == SLIDE_BOARD)
            return &out->slides[i];
    return NULL;
}

static void late_state_and_notice_reach_the_board(void **state)
{
    (void)state;
    zone_use("Europe/Berlin");
    struct programme prog = {0}, out;
    add_talk(&prog, "Opening", "Saal 1", "2014-12-30 11:00", 30);
    add_talk(&prog, "Keynote", "Saal 1", "2014-12-30 11:30", 45);
    add_talk(&prog, "Workshop", "Saal 2", "2014-12-30 11:00", 60);
    struct diag_list diags = {0};
    assert_true(parse("saal-1:\n  late: 15\n  state: full\n  notice: Overflow in Saal G\n"
                      "  until: 2014-12-30 13:00\n",
                      &prog.room_states, &prog.room_state_count, &diags));
    assert_int_equal(rooms_state_late(&prog, "Saal 1", at("2014-12-30 11:20")), 15);
    assert_int_equal(rooms_state_late(&prog, "Saal 2", at("2014-12-30 11:20")), 0);
    /* at 11:35 Saal 1 still has its opening (until 11:45), the keynote next at 11:45 */
    struct order_view view = {.overview_rows = 4, .clock_given = true};
    order_build_view(&prog, at("2014-12-30 11:35"), &view, &out);
    const struct slide *board = board_of(&out);
    assert_non_null(board);
    assert_string_equal(board->rows[0].room, "Saal 1");
    assert_string_equal(board->rows[0].title, "Opening");
    assert_string_equal(board->rows[0].when,
                        "15 min late \u00b7 Now \u00b7 10 min left \u00b7 until 11:45");
    assert_string_equal(board->rows[0].next_title, "Keynote");
    assert_string_equal(board->rows[0].next_when,
                        "15 min late \u00b7 Next \u00b7 in 10 min \u00b7 11:45");
    assert_string_equal(board->rows[0].notice, "Room full \u00b7 Overflow in Saal G");
    assert_string_equal(board->rows[1].room, "Saal 2");
    assert_null(board->rows[1].notice);
    assert_string_equal(board->rows[1].when, "Now \u00b7 25 min left \u00b7 until 12:00");
    programme_free(&out);
    /* the talk's own slide says so too */
    order_build_view(&prog, at("2014-12-30 11:50"), &view, &out);
    bool saw = false;
    for (size_t i = 0; i < out.slide_count; i++)
        if (out.slides[i].kind == SLIDE_SESSION && strcmp(out.slides[i].title, "Keynote") == 0) {
            assert_string_equal(out.slides[i].mark_text,
                                "15 min late \u00b7 Now \u00b7 ends 12:30");
            saw = true;
        }
    assert_true(saw);
    programme_free(&out);
    /* at 13:00 the entry has expired: back on the schedule, no notice */
    assert_int_equal(rooms_state_late(&prog, "Saal 1", at("2014-12-30 13:00")), 0);
    add_talk(&prog, "Afternoon", "Saal 1", "2014-12-30 13:30", 30);
    order_build_view(&prog, at("2014-12-30 13:05"), &view, &out);
    board = board_of(&out);
    assert_non_null(board);
    assert_null(board->rows[0].notice);
    assert_string_equal(board->rows[0].next_when, "Next \u00b7 in 25 min \u00b7 13:30");
    programme_free(&out);
    /* in the event's language */
    char *notice = rooms_state_notice(&prog, "Saal 1", at("2014-12-30 11:00"), "kk");
    assert_non_null(strstr(notice, tr("kk", "Room full")));
    assert_null(strstr(notice, "Room full"));
    free(notice);
    programme_free(&prog);
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *out = fopen(path, "w");
    assert_non_null(out);
    fputs(text, out);
    fclose(out);
}

static void the_last_good_version_stays(void **state)
{
    (void)state;
    char dir[] = "/tmp/hallscreen-rooms-" TEMP_SUFFIX;
    assert_non_null(mkdtemp(dir));
    char slides[300];
    snprintf(slides, sizeof slides, "%s/slides", dir);
    mkdir(slides, 0755);
    write_file(dir, "event.yaml", "name: Test\n");
    write_file(dir, "slides/10-a.yaml", "kind: headline\ntitle: A\n");
    write_file(dir, "rooms.yaml", "Saal 1:\n  late: 10\n");
    struct theme theme;
    theme_init_defaults(&theme);
    struct content *c = content_open(dir, &theme);
    struct programme prog;
    struct diag_list diags = {0};
    assert_true(content_refresh(c, &prog, &diags, NULL));
    assert_int_equal(prog.room_state_count, 1);
    assert_int_equal(prog.room_states[0].late_minutes, 10);
    programme_free(&prog);
    diag_list_clear(&diags);
    /* broken: reported where, and the entry of before stays */
    write_file(dir, "rooms.yaml", "Saal 1:\n  late: 20\n  state: packed\n");
    assert_true(content_refresh(c, &prog, &diags, NULL));
    assert_int_equal(prog.room_state_count, 1);
    assert_int_equal(prog.room_states[0].late_minutes, 10);
    bool said = false;
    for (size_t i = 0; i < diags.count; i++)
        said = said || (strstr(diags.items[i].path, "rooms.yaml") && diags.items[i].line == 3);
    assert_true(said);
    programme_free(&prog);
    diag_list_clear(&diags);
    /* fixed: live again */
    write_file(dir, "rooms.yaml", "Saal 1:\n  late: 20\n  state: too full\n");
    assert_true(content_refresh(c, &prog, &diags, NULL));
    assert_int_equal(prog.room_states[0].late_minutes, 20);
    assert_int_equal(prog.room_states[0].fullness, ROOM_TOO_FULL);
    programme_free(&prog);
    diag_list_clear(&diags);
    content_close(c);
    theme_free(&theme);
    char path[320];
    const char *names[] = {"event.yaml", "slides/10-a.yaml", "rooms.yaml"};
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        remove(path);
    }
    rmdir(slides);
    rmdir(dir);
}

int main(void)
{
    translate_init(LOCALE_DIR);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_file_is_read),
        cmocka_unit_test(a_broken_file_says_where),
        cmocka_unit_test(late_state_and_notice_reach_the_board),
        cmocka_unit_test(the_last_good_version_stays),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
