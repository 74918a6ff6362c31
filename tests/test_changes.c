/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What changed since the screen's baseline: two real versions of the 31st
 * Chaos Communication Congress's export (a talk moved to another room, one
 * cancelled, new ones), small hand-made cases of each change, a restart
 * between two versions, the day rolling over, and two screens in step. */
#include "../app/limits.h"
#include "../app/schedule/import.h"
#include "../app/show/changes.h"
#include "../app/show/changes_store.h"
#include "../app/show/running_order.h"
#include "../app/util/civil_time.h"
#include "../app/util/file_read.h"
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
#include <unistd.h>

#define V13 FIXTURES_DIR "/schedules/31c3-changes/schedule-v1.3.xml"
#define V15 FIXTURES_DIR "/schedules/31c3-changes/schedule-v1.5.xml"

/* The export at path as the show reads it, in Europe/Berlin. */
static void load_export(const char *path, struct programme *prog)
{
    memset(prog, 0, sizeof *prog);
    char why[256];
    size_t size = 0;
    char *text = file_read_all(path, SCHEDULE_MAX_BYTES, &size, why, sizeof why);
    assert_non_null(text);
    struct diag_list diags = {0};
    prog->slide_count = schedule_import(path, &diags, text, size, "Europe/Berlin", &prog->slides);
    prog->slide_capacity = prog->slide_count;
    assert_true(prog->slide_count > 0);
    diag_list_clear(&diags);
    free(text);
}

static struct changes_version version_of(const char *path)
{
    struct programme prog;
    load_export(path, &prog);
    struct changes_version v;
    assert_true(changes_version_of(&prog, &v));
    programme_free(&prog);
    return v;
}

/* The slide titled title in room (any room: NULL) with the change. */
static const struct slide *find(const struct programme *prog, const char *title, const char *room,
                                enum talk_change change)
{
    for (size_t i = 0; i < prog->slide_count; i++) {
        const struct slide *s = &prog->slides[i];
        if (s->title && strcmp(s->title, title) == 0 && s->change == change &&
            (!room || (s->room && strcmp(s->room, room) == 0)))
            return s;
    }
    return NULL;
}

static int64_t at(const char *when)
{
    int64_t local;
    assert_true(civil_parse_datetime(when, &local));
    return zone_utc(local);
}

static void real_versions_tell_moved_cancelled_and_new(void **state)
{
    (void)state;
    zone_use("Europe/Berlin");
    struct changes_version baseline = version_of(V13);
    struct programme prog;
    load_export(V15, &prog);
    changes_mark(&prog, &baseline);
    /* Let's Encrypt moved from Saal 6 to Saal 2, same slot */
    const struct slide *moved = find(&prog, "Let's Encrypt", "Saal 2", TALK_MOVED);
    assert_non_null(moved);
    assert_string_equal(moved->change_note, "Moved from Saal 6");
    assert_string_equal(moved->change_short, "from Saal 6");
    const struct slide *away = find(&prog, "Let's Encrypt", "Saal 6", TALK_MOVED_AWAY);
    assert_non_null(away);
    assert_string_equal(away->change_note, "Moved to Saal 2 \u00b7 14:00");
    assert_int_equal(away->runs.start, at("2014-12-30 14:00"));
    /* Podcasting with Podlove is gone: it stands in Saal G at 11:30, cancelled */
    const struct slide *gone = find(&prog, "Podcasting with Podlove", "Saal G", TALK_CANCELLED);
    assert_non_null(gone);
    assert_string_equal(gone->change_note, "Cancelled");
    assert_int_equal(gone->runs.start, at("2014-12-30 11:30"));
    /* The case of Chelsea Manning is new in Saal 1 */
    const struct slide *added = find(&prog, "The case of Chelsea Manning", "Saal 1", TALK_NEW);
    assert_non_null(added);
    assert_string_equal(added->change_note, "New");
    /* the rest stayed */
    assert_non_null(find(&prog, "Low Cost High Speed Photography", "Saal 2", TALK_SAME));
    size_t changed = 0;
    for (size_t i = 0; i < prog.slide_count; i++)
        changed += prog.slides[i].change != TALK_SAME;
    assert_int_equal(changed, 4);
    programme_free(&prog);
    changes_version_free(&baseline);
}

static void board_and_door_carry_the_marks(void **state)
{
    (void)state;
    zone_use("Europe/Berlin");
    struct changes_version baseline = version_of(V13);
    struct programme prog, out;
    load_export(V15, &prog);
    changes_mark(&prog, &baseline);
    /* beside Saal 6's door at 13:50: its next slot says where the talk went */
    struct order_view door = {.overview_rows = 4, .room = "Saal 6", .clock_given = true};
    order_build_view(&prog, at("2014-12-30 13:50"), &door, &out);
    const struct slide *board = NULL;
    for (size_t i = 0; i < out.slide_count && !board; i++)
        if (out.slides[i].kind == SLIDE_BOARD)
            board = &out.slides[i];
    assert_non_null(board);
    assert_int_equal(board->row_count, 1);
    assert_string_equal(board->rows[0].next_title, "Let's Encrypt");
    assert_string_equal(board->rows[0].next_when, "Moved to Saal 2 \u00b7 14:00");
    programme_free(&out);
    /* the whole board at 11:35: Saal G's now is the cancelled talk, Saal 2's
     * next the moved one; a real talk in a slot wins over a ghost */
    struct order_view all = {.overview_rows = 8, .clock_given = true};
    order_build_view(&prog, at("2014-12-30 11:35"), &all, &out);
    board = NULL;
    for (size_t i = 0; i < out.slide_count && !board; i++)
        if (out.slides[i].kind == SLIDE_BOARD)
            board = &out.slides[i];
    assert_non_null(board);
    bool saw_cancelled = false;
    for (size_t i = 0; i < board->row_count; i++)
        if (strcmp(board->rows[i].room, "Saal G") == 0) {
            assert_string_equal(board->rows[i].title, "Podcasting with Podlove");
            assert_string_equal(board->rows[i].when, "Cancelled");
            saw_cancelled = true;
        }
    assert_true(saw_cancelled);
    /* the moved talk's own slide, in the lookahead, says where it was */
    bool saw_slide = false;
    programme_free(&out);
    order_build_view(&prog, at("2014-12-30 13:55"), &all, &out);
    for (size_t i = 0; i < out.slide_count; i++)
        if (out.slides[i].kind == SLIDE_SESSION && out.slides[i].change == TALK_MOVED &&
            strcmp(out.slides[i].title, "Let's Encrypt") == 0) {
            assert_string_equal(out.slides[i].change_note, "Moved from Saal 6");
            saw_slide = true;
        }
    assert_true(saw_slide);
    programme_free(&out);
    /* the cancelled talk's own slide is no "Next": it says it is cancelled */
    saw_slide = false;
    order_build_view(&prog, at("2014-12-30 11:25"), &all, &out);
    for (size_t i = 0; i < out.slide_count; i++)
        if (out.slides[i].change == TALK_CANCELLED) {
            assert_null(out.slides[i].mark_text);
            assert_string_equal(out.slides[i].change_note, "Cancelled");
            saw_slide = true;
        }
    assert_true(saw_slide);
    programme_free(&out);
    programme_free(&prog);
    changes_version_free(&baseline);
}

/* A talk of an export, by hand. */
static void add_talk(struct programme *prog, const char *key, const char *title, const char *room,
                     const char *start, int minutes, const char *speaker)
{
    prog->slides = realloc(prog->slides, (prog->slide_count + 1) * sizeof *prog->slides);
    assert_non_null(prog->slides);
    struct slide *s = &prog->slides[prog->slide_count++];
    prog->slide_capacity = prog->slide_count;
    *s = (struct slide){.kind = SLIDE_SESSION, .scheduled = true};
    s->source = str_printf("talk#%s", title);
    s->title = str_dup(title);
    s->room = str_dup(room);
    s->talk_key = key ? str_dup(key) : NULL;
    if (speaker) {
        s->speakers = calloc(1, sizeof *s->speakers);
        s->speakers[0] = str_dup(speaker);
        s->speaker_count = 1;
    }
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

static void each_kind_of_change_by_hand(void **state)
{
    (void)state;
    zone_use("Europe/Berlin");
    struct programme before = {0}, after = {0};
    add_talk(&before, "a", "Keynote", "Hall A", "2025-06-02 09:00", 60, NULL);
    add_talk(&before, "b", "Rust in space", "Hall B", "2025-06-02 16:00", 40, NULL);
    add_talk(&before, "c", "Old and gone", "Hall B", "2025-06-02 11:00", 30, NULL);
    add_talk(&before, NULL, "No id at all", "Hall C", "2025-06-02 10:00", 30, "Ada");
    add_talk(&before, "e", "Both ways", "Hall C", "2025-06-02 12:00", 30, NULL);
    add_talk(&before, "g", "A day later", "Hall C", "2025-06-01 10:00", 30, NULL);
    add_talk(&after, "a", "Keynote", "hall a", "2025-06-02 09:00", 60, NULL); /* same room */
    add_talk(&after, "b", "Rust in space", "Hall B", "2025-06-02 14:10", 40, NULL);
    add_talk(&after, NULL, "No id at all", "Hall A", "2025-06-02 10:00", 30, "Ada");
    add_talk(&after, "e", "Both ways", "Hall A", "2025-06-02 15:00", 30, NULL);
    add_talk(&after, "f", "Lightning talks", "Hall C", "2025-06-02 17:00", 60, NULL);
    add_talk(&after, "g", "A day later", "Hall A", "2025-06-02 10:00", 30, NULL);
    struct changes_version baseline;
    assert_true(changes_version_of(&before, &baseline));
    changes_mark(&after, &baseline);
    assert_int_equal(find(&after, "Keynote", NULL, TALK_SAME) != NULL, 1);
    const struct slide *s = find(&after, "Rust in space", "Hall B", TALK_MOVED);
    assert_string_equal(s->change_note, "14:10 (was 16:00)");
    assert_string_equal(s->change_short, "was 16:00");
    s = find(&after, "Rust in space", "Hall B", TALK_MOVED_AWAY);
    assert_string_equal(s->change_note, "Moved to 14:10");
    assert_int_equal(s->runs.start, at("2025-06-02 16:00"));
    s = find(&after, "No id at all", "Hall A", TALK_MOVED); /* told by title and speakers */
    assert_string_equal(s->change_note, "Moved from Hall C");
    s = find(&after, "Both ways", "Hall A", TALK_MOVED);
    assert_string_equal(s->change_note, "Moved from Hall C \u00b7 15:00 (was 12:00)");
    s = find(&after, "Both ways", "Hall C", TALK_MOVED_AWAY);
    assert_string_equal(s->change_note, "Moved to Hall A \u00b7 15:00");
    /* to another day: its slide gives the new date, the mark the old one,
     * short enough to stand whole on one line */
    s = find(&after, "A day later", "Hall A", TALK_MOVED);
    assert_string_equal(s->change_note,
                        "Moved from Hall C \u00b7 10:00 (was Sun 1 Jun 2025 10:00)");
    s = find(&after, "A day later", "Hall C", TALK_MOVED_AWAY);
    assert_string_equal(s->change_note, "Moved to Hall A \u00b7 Mon 2 Jun 2025 10:00");
    s = find(&after, "Old and gone", "Hall B", TALK_CANCELLED);
    assert_string_equal(s->change_short, "Cancelled");
    assert_non_null(find(&after, "Lightning talks", "Hall C", TALK_NEW));
    /* marking again gives the same: the earlier ghosts and marks go first */
    uint64_t once = programme_fingerprint(&after);
    size_t count = after.slide_count;
    changes_mark(&after, &baseline);
    assert_int_equal(after.slide_count, count);
    assert_true(programme_fingerprint(&after) == once);
    /* with no baseline, no marks and no ghosts */
    changes_mark(&after, NULL);
    assert_int_equal(after.slide_count, 6);
    assert_null(find(&after, "Lightning talks", NULL, TALK_NEW));
    /* in the event's language */
    char *languages[] = {(char *)"ru"};
    after.event.languages = languages;
    after.event.language_count = 1;
    changes_mark(&after, &baseline);
    s = find(&after, "Old and gone", "Hall B", TALK_CANCELLED);
    assert_string_equal(s->change_note, tr("ru", "Cancelled"));
    assert_string_not_equal(s->change_note, "Cancelled");
    after.event.languages = NULL;
    after.event.language_count = 0;
    changes_version_free(&baseline);
    programme_free(&before);
    programme_free(&after);
}

/* What a screen knows after seeing the versions at paths on day. */
static void see(struct changes_state *st, const char *path, int64_t day)
{
    struct changes_version v = version_of(path);
    changes_see(st, &v, day);
    changes_version_free(&v);
}

static uint64_t marked_fingerprint(const char *path, const struct changes_state *st)
{
    struct programme prog;
    load_export(path, &prog);
    changes_mark(&prog, &st->baseline);
    uint64_t h = programme_fingerprint(&prog);
    programme_free(&prog);
    return h;
}

static void a_restart_keeps_the_baseline(void **state)
{
    (void)state;
    zone_use("Europe/Berlin");
    int64_t day = civil_days(2014, 12, 30);
    char dir[] = "/tmp/hallscreen-changes-" TEMP_SUFFIX;
    assert_non_null(mkdtemp(dir));
    /* the screen sees v1.3, and stops */
    struct changes_state st = {0};
    see(&st, V13, day);
    char why[256];
    assert_true(changes_store_save(dir, &st, why, sizeof why));
    changes_state_free(&st);
    /* it starts again and sees v1.5: v1.3 is still the baseline */
    struct changes_state again;
    assert_true(changes_store_load(dir, &again, why, sizeof why));
    see(&again, V15, day);
    struct programme prog;
    load_export(V15, &prog);
    changes_mark(&prog, &again.baseline);
    assert_non_null(find(&prog, "Podcasting with Podlove", "Saal G", TALK_CANCELLED));
    programme_free(&prog);
    /* a state file that is no such thing: started afresh, said why */
    char *path = str_printf("%s/changes.json", dir);
    FILE *f = fopen(path, "w");
    fputs("{\"format\": 1, \"day\": \"x\"", f);
    fclose(f);
    struct changes_state broken;
    assert_false(changes_store_load(dir, &broken, why, sizeof why));
    assert_non_null(strstr(why, "changes.json"));
    assert_int_equal(broken.baseline.count, 0);
    /* one too large to be ours: its name, why, and that it starts afresh */
    assert_int_equal(truncate(path, CHANGES_STATE_MAX_BYTES + 1), 0);
    assert_false(changes_store_load(dir, &broken, why, sizeof why));
    assert_non_null(strstr(why, path));
    assert_non_null(strstr(why, "is larger than"));
    assert_non_null(strstr(why, "it starts afresh"));
    remove(path);
    free(path);
    assert_false(changes_store_load(dir, &broken, why, sizeof why)); /* none: no reason */
    assert_string_equal(why, "");
    rmdir(dir);
    changes_state_free(&again);
}

static void the_baseline_rolls_forward_each_event_day(void **state)
{
    (void)state;
    zone_use("Europe/Berlin");
    int64_t day = civil_days(2014, 12, 29);
    struct changes_state st = {0};
    see(&st, V13, day - 3); /* set up days before */
    see(&st, V13, day);     /* the morning programme */
    see(&st, V15, day);     /* changed during the day */
    assert_true(marked_fingerprint(V15, &st) !=
                marked_fingerprint(V15, &(struct changes_state){0}));
    /* a night's talk after midnight is still the day before's; at 05:00
     * the next day begins */
    assert_int_equal(changes_event_day(at("2014-12-30 00:30")), day);
    assert_int_equal(changes_event_day(at("2014-12-30 04:59")), day);
    assert_int_equal(changes_event_day(at("2014-12-30 05:00")), day + 1);
    assert_false(changes_roll(&st, changes_event_day(at("2014-12-30 00:30"))));
    /* the next morning, v1.5 is what the printed programme says */
    assert_true(changes_roll(&st, changes_event_day(at("2014-12-30 09:00"))));
    assert_false(changes_roll(&st, day + 1));
    /* a clock that was a year ahead (or --render --now a later day on this
     * folder) leaves no baseline that never rolls: it is today's */
    st.day = day + 366;
    assert_true(changes_roll(&st, day + 1));
    assert_int_equal(st.day, day + 1);
    assert_true(changes_roll(&st, day + 2));
    assert_int_equal(st.day, day + 2);
    st.day = day + 1;
    struct programme prog;
    load_export(V15, &prog);
    changes_mark(&prog, &st.baseline);
    for (size_t i = 0; i < prog.slide_count; i++)
        assert_int_equal(prog.slides[i].change, TALK_SAME);
    programme_free(&prog);
    /* another event's export shares no talk: it is the baseline at once */
    struct programme other = {0};
    add_talk(&other, "x", "Elsewhere", "Room 1", "2014-12-30 10:00", 30, NULL);
    struct changes_version v;
    assert_true(changes_version_of(&other, &v));
    assert_true(changes_see(&st, &v, day + 1));
    assert_int_equal(st.baseline.count, 1);
    changes_mark(&other, &st.baseline);
    assert_non_null(find(&other, "Elsewhere", NULL, TALK_SAME));
    programme_free(&other);
    changes_state_free(&st);
}

static void two_screens_that_saw_the_same_versions_agree(void **state)
{
    (void)state;
    zone_use("Europe/Berlin");
    int64_t day = civil_days(2014, 12, 30);
    struct changes_state a = {0}, b = {0};
    see(&a, V13, day);
    see(&a, V15, day);
    /* b was restarted in between, through its state file's text */
    see(&b, V13, day);
    char *text = changes_store_encode(&b);
    changes_state_free(&b);
    assert_true(changes_store_decode(text, strlen(text), &b));
    free(text);
    see(&b, V15, day);
    struct programme pa, pb, oa, ob;
    load_export(V15, &pa);
    load_export(V15, &pb);
    changes_mark(&pa, &a.baseline);
    changes_mark(&pb, &b.baseline);
    struct order_view view = {.overview_rows = 8, .clock_given = true};
    uint64_t sa = order_build_view(&pa, at("2014-12-30 11:35"), &view, &oa);
    uint64_t sb = order_build_view(&pb, at("2014-12-30 11:35"), &view, &ob);
    assert_true(sa == sb);
    assert_true(programme_fingerprint(&oa) == programme_fingerprint(&ob));
    /* and one that first saw v1.5 shows no marks: it differs */
    struct changes_state c = {0};
    see(&c, V15, day);
    assert_true(marked_fingerprint(V15, &c) != marked_fingerprint(V15, &a));
    programme_free(&pa);
    programme_free(&pb);
    programme_free(&oa);
    programme_free(&ob);
    changes_state_free(&a);
    changes_state_free(&b);
    changes_state_free(&c);
}

int main(void)
{
    translate_init(LOCALE_DIR);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(real_versions_tell_moved_cancelled_and_new),
        cmocka_unit_test(board_and_door_carry_the_marks),
        cmocka_unit_test(each_kind_of_change_by_hand),
        cmocka_unit_test(a_restart_keeps_the_baseline),
        cmocka_unit_test(the_baseline_rolls_forward_each_event_day),
        cmocka_unit_test(two_screens_that_saw_the_same_versions_agree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
