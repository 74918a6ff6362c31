/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Refreshing a content folder as staff change it: what changed is read
 * again, a broken file keeps its last good version, the rest plays on. */
#include "../app/content/loader.h"
#include "../app/content/content.h"
#include "../app/watch/settle.h"
#include "../app/show/live.h"
#include "../app/util/str.h"

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

struct folder {
    char dir[64];
    struct theme base;
    struct content *content;
    struct programme prog;
    struct diag_list diags;
    struct content_changes changes;
};

static void write_file(struct folder *f, const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", f->dir, name);
    FILE *out = fopen(path, "w");
    assert_non_null(out);
    fputs(text, out);
    fclose(out);
}

static void remove_file(struct folder *f, const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", f->dir, name);
    assert_int_equal(unlink(path), 0);
}

static bool refresh(struct folder *f)
{
    programme_free(&f->prog);
    diag_list_clear(&f->diags);
    return content_refresh(f->content, &f->prog, &f->diags, &f->changes);
}

static int setup(void **state)
{
    struct folder *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/hallscreen-content-" TEMP_SUFFIX);
    if (!mkdtemp(f->dir))
        return -1;
    char path[128];
    snprintf(path, sizeof path, "%s/slides", f->dir);
    mkdir(path, 0755);
    theme_init_defaults(&f->base);
    write_file(f, "event.yaml", "name: Test event\n");
    write_file(f, "slides/10-a.yaml", "kind: headline\ntitle: A\n");
    write_file(f, "slides/20-b.yaml", "kind: headline\ntitle: B\n");
    f->content = content_open(f->dir, &f->base);
    *state = f;
    return f->content && refresh(f) ? 0 : -1;
}

static int teardown(void **state)
{
    struct folder *f = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    if (system(cmd) != 0)
        return -1;
    content_close(f->content);
    programme_free(&f->prog);
    diag_list_clear(&f->diags);
    theme_free(&f->base);
    free(f);
    return 0;
}

static void assert_titles(const struct folder *f, const char *const *titles, size_t n)
{
    assert_int_equal(f->prog.slide_count, n);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(f->prog.slides[i].title, titles[i]);
}

static void first_read_adds_everything(void **state)
{
    struct folder *f = *state;
    assert_titles(f, (const char *[]){"A", "B"}, 2);
    assert_string_equal(f->prog.event.name, "Test event");
    assert_int_equal(f->diags.count, 0);
}

static void nothing_changed_reads_nothing_new(void **state)
{
    struct folder *f = *state;
    assert_true(refresh(f));
    assert_int_equal(f->changes.count[CHANGE_ADDED] + f->changes.count[CHANGE_CHANGED] +
                         f->changes.count[CHANGE_REMOVED] + f->changes.count[CHANGE_FAILED],
                     0);
    assert_titles(f, (const char *[]){"A", "B"}, 2);
}

static void a_changed_file_is_read_again_even_at_the_same_size(void **state)
{
    struct folder *f = *state;
    write_file(f, "slides/10-a.yaml", "kind: headline\ntitle: Z\n");
    assert_true(refresh(f));
    assert_int_equal(f->changes.count[CHANGE_CHANGED], 1);
    assert_string_equal(f->changes.summary, "changed slides/10-a.yaml");
    assert_titles(f, (const char *[]){"Z", "B"}, 2);
}

static void a_broken_file_keeps_its_last_good_version(void **state)
{
    struct folder *f = *state;
    write_file(f, "slides/10-a.yaml", "kind: headline\ntitle: [A\n");
    assert_true(refresh(f));
    assert_int_equal(f->changes.count[CHANGE_FAILED], 1);
    assert_titles(f, (const char *[]){"A", "B"}, 2);
    assert_int_equal(diag_count(&f->diags, DIAG_ERROR), 1);
    assert_true(str_ends_with(f->diags.items[0].path, "slides/10-a.yaml"));
    assert_int_equal(f->diags.items[0].line, 3);
    /* still reported at the next refresh, until it is fixed */
    assert_true(refresh(f));
    assert_int_equal(diag_count(&f->diags, DIAG_ERROR), 1);
    write_file(f, "slides/10-a.yaml", "kind: headline\ntitle: A2\n");
    assert_true(refresh(f));
    assert_titles(f, (const char *[]){"A2", "B"}, 2);
    assert_int_equal(f->diags.count, 0);
}

static void a_half_written_file_keeps_the_last_good_version(void **state)
{
    struct folder *f = *state;
    write_file(f, "slides/20-b.yaml", "kind: head");
    assert_true(refresh(f));
    assert_titles(f, (const char *[]){"A", "B"}, 2);
}

static void files_added_and_removed_join_and_leave_in_name_order(void **state)
{
    struct folder *f = *state;
    write_file(f, "slides/15-c.yaml", "kind: session\ntitle: C\n");
    write_file(f, "slides/.15-c.yaml.swp", "editor swap");
    write_file(f, "slides/15-c.yaml~", "kind: headline\ntitle: backup\n");
    assert_true(refresh(f));
    assert_int_equal(f->changes.count[CHANGE_ADDED], 1);
    assert_titles(f, (const char *[]){"A", "C", "B"}, 3);
    remove_file(f, "slides/10-a.yaml");
    assert_true(refresh(f));
    assert_int_equal(f->changes.count[CHANGE_REMOVED], 1);
    assert_titles(f, (const char *[]){"C", "B"}, 2);
}

static void an_alert_comes_and_goes_with_its_file(void **state)
{
    struct folder *f = *state;
    assert_null(f->prog.alert);
    write_file(f, "alert.yaml", "title: Evacuate\nbody: Use the exits\n");
    assert_true(refresh(f));
    assert_non_null(f->prog.alert);
    assert_int_equal(f->prog.alert->kind, SLIDE_ALERT);
    assert_string_equal(f->prog.alert->title, "Evacuate");
    assert_titles(f, (const char *[]){"A", "B"}, 2);
    remove_file(f, "alert.yaml");
    assert_true(refresh(f));
    assert_null(f->prog.alert);
}

static void a_broken_theme_keeps_the_last_good_theme(void **state)
{
    struct folder *f = *state;
    write_file(f, "theme.yaml", "accent: \"#112233\"\n");
    assert_true(refresh(f));
    assert_int_equal(f->prog.theme.accent.g, 0x22);
    write_file(f, "theme.yaml", "accent: \"#11223\"\n");
    assert_true(refresh(f));
    assert_int_equal(f->prog.theme.accent.g, 0x22);
    assert_int_equal(diag_count(&f->diags, DIAG_ERROR), 1);
    remove_file(f, "theme.yaml");
    assert_true(refresh(f));
    assert_int_equal(f->prog.theme.accent.g, f->base.accent.g);
}

static void a_missing_folder_is_not_an_empty_show(void **state)
{
    struct folder *f = *state;
    char moved[80];
    snprintf(moved, sizeof moved, "%s.away", f->dir);
    assert_int_equal(rename(f->dir, moved), 0);
    assert_false(refresh(f));
    assert_int_equal(rename(moved, f->dir), 0);
    assert_true(refresh(f));
    assert_titles(f, (const char *[]){"A", "B"}, 2);
}

static void a_logo_copied_in_after_its_slide_is_shown(void **state)
{
    struct folder *f = *state;
    char path[128];
    snprintf(path, sizeof path, "%s/logos", f->dir);
    mkdir(path, 0755);
    write_file(f, "slides/30-partners.yaml",
               "kind: partners\npartners:\n  - name: OECD\n    logo: logos/oecd.png\n");
    assert_true(refresh(f));
    assert_null(f->prog.slides[2].partners[0].logo); /* a wordmark for now */
    assert_int_equal(diag_count(&f->diags, DIAG_WARNING), 1);
    /* staff copy the logo in afterwards: the slide follows, unchanged itself */
    char cmd[256];
    snprintf(cmd, sizeof cmd, "cp '%s/logos/oecd.png' '%s/logos/oecd.png'", CONTENT_DIR, f->dir);
    assert_int_equal(system(cmd), 0);
    assert_true(refresh(f));
    assert_int_equal(f->changes.count[CHANGE_CHANGED], 1);
    assert_string_equal(f->changes.summary, "changed slides/30-partners.yaml");
    assert_non_null(f->prog.slides[2].partners[0].logo);
    assert_int_equal(f->diags.count, 0);
    /* and a logo replaced by another file is read again too */
    snprintf(cmd, sizeof cmd, "cp '%s/logos/aspa.png' '%s/logos/oecd.png'", CONTENT_DIR, f->dir);
    assert_int_equal(system(cmd), 0);
    assert_true(refresh(f));
    assert_int_equal(f->changes.count[CHANGE_CHANGED], 1);
}

static void a_video_slide_reads_its_fields_and_waits_for_its_clip(void **state)
{
    struct folder *f = *state;
    char path[128];
    snprintf(path, sizeof path, "%s/videos", f->dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/videos/loop.mp4", f->dir);
    write_file(f, "videos/loop.mp4", "");
    write_file(f, "slides/30-clip.yaml",
               "kind: video\nvideo: videos/loop.mp4\naudio: true\nloop: 3\nposter: 2.5\n"
               "fit: cover\nfocus: top\ncaption: Sponsors\nfooter: false\n");
    assert_true(refresh(f));
    /* an empty clip (still being copied) leaves the slide out, with a warning */
    assert_int_equal(f->prog.slide_count, 2);
    assert_int_equal(diag_count(&f->diags, DIAG_WARNING), 1);
    write_file(f, "videos/loop.mp4", "some bytes: whether they play is for the player to say");
    assert_true(refresh(f));
    assert_int_equal(f->prog.slide_count, 3);
    const struct slide *s = &f->prog.slides[2];
    assert_int_equal(s->kind, SLIDE_VIDEO);
    assert_string_equal(s->video, path);
    assert_true(s->audio);
    assert_int_equal(s->loops, 3);
    assert_int_equal(s->poster_ms, 2500);
    assert_int_equal(s->fit, FIT_COVER);
    assert_true(s->hide_footer);
    assert_true(slide_plays_clip(s)); /* no duration: as long as the clip */
    write_file(f, "slides/30-clip.yaml", "kind: video\nvideo: videos/loop.mp4\nduration: 20\n");
    assert_true(refresh(f));
    assert_false(slide_plays_clip(&f->prog.slides[2]));
    assert_int_equal(slide_duration_ms(&f->prog, &f->prog.slides[2]), 20000);
    /* a clip outside the folder, and loop out of range, are refused */
    write_file(f, "slides/30-clip.yaml", "kind: video\nvideo: /etc/hostname\nloop: 5000\n");
    assert_true(refresh(f));
    assert_true(diag_count(&f->diags, DIAG_ERROR) >= 1);
}

static void a_file_still_being_written_is_not_read(void **state)
{
    struct folder *f = *state;
    struct settle settle;
    settle_init(&settle, 300, false);
    content_use_settle(f->content, &settle);
    /* a copy stalls half-way through a slide and through a new one */
    settle_note(&settle, FILE_WRITTEN, "slides/10-a.yaml", 0);
    write_file(f, "slides/10-a.yaml", "kind: session\ntitle: Half");
    settle_note(&settle, FILE_WRITTEN, "slides/15-new.yaml", 0);
    write_file(f, "slides/15-new.yaml", "kind: headline\ntitle: Ne");
    assert_true(refresh(f));
    assert_titles(f, (const char *[]){"A", "B"}, 2);
    assert_int_equal(f->diags.count, 0);
    /* once each is closed, it is read */
    write_file(f, "slides/10-a.yaml", "kind: session\ntitle: Whole\nroom: Hall B\n");
    settle_note(&settle, FILE_FINISHED, "slides/10-a.yaml", 1000);
    write_file(f, "slides/15-new.yaml", "kind: headline\ntitle: New\n");
    settle_note(&settle, FILE_FINISHED, "slides/15-new.yaml", 1000);
    assert_true(refresh(f));
    assert_titles(f, (const char *[]){"Whole", "New", "B"}, 3);
    content_use_settle(f->content, NULL);
    settle_free(&settle);
}

static void the_outputs_place_in_the_folder_is_known(void **state)
{
    struct folder *f = *state;
    char path[160];
    snprintf(path, sizeof path, "%s/status.json", f->dir);
    char *name = content_relative_name(f->dir, path);
    assert_string_equal(name, "status.json");
    free(name);
    snprintf(path, sizeof path, "%s/slides/../slides/shot.png", f->dir);
    name = content_relative_name(f->dir, path);
    assert_string_equal(name, "slides/shot.png");
    free(name);
    assert_null(content_relative_name(f->dir, "/tmp/status.json"));
}

static void reading_again_keeps_the_paused_slide_and_last_good_versions(void **state)
{
    struct folder *f = *state;
    write_file(f, "slides/30-c.yaml", "kind: headline\ntitle: C\n");
    struct content *content = content_open(f->dir, &f->base);
    struct programme prog;
    struct diag_list diags = {0};
    assert_true(content_refresh(content, &prog, &diags, NULL));
    struct live live;
    live_start(&live, content, &prog, &diags, 0);
    live.view.overview_rows = 8;
    live_follow_time(&live, 1739340000, 0, true);
    show_step(&live.show, &live.shown, 1, 100); /* on B, paused there */
    show_set_paused(&live.show, true, 100);
    write_file(f, "slides/10-a.yaml", "kind: headline\ntitle: [broken\n");
    live_reload(&live, 1739340000, 200);
    /* SIGHUP reads everything again: nothing lost, nothing moves */
    for (int i = 0; i < 3; i++)
        live_reload(&live, 1739340000, 300 + i);
    assert_int_equal(live.shown.slide_count, 3);
    assert_string_equal(live.shown.slides[0].title, "A");
    assert_string_equal(live_slide(&live)->title, "B");
    assert_true(live.show.paused);
    assert_int_equal(diag_count(&live.diags, DIAG_ERROR), 1);
    /* another slide changes: still on B */
    write_file(f, "slides/30-c.yaml", "kind: headline\ntitle: C2\n");
    assert_true(live_reload(&live, 1739340000, 400) & LIVE_PROGRAMME);
    assert_string_equal(live_slide(&live)->title, "B");
    live_free(&live);
}

static void a_schedule_export_plays_and_keeps_its_last_good_version(void **state)
{
    struct folder *f = *state;
    write_file(f, "schedule.json",
               "{\"schedule\": {\"conference\": {\"days\": [{\"date\": \"2025-02-12\", "
               "\"rooms\": {\"Hall\": [{\"title\": \"Talk\", \"start\": \"10:00\", "
               "\"duration\": \"00:30\"}]}}]}}}");
    assert_true(refresh(f));
    assert_int_equal(f->changes.count[CHANGE_ADDED], 1);
    assert_titles(f, (const char *[]){"A", "B", "Talk"}, 3);
    assert_true(f->prog.slides[2].scheduled);
    /* a broken export: reported, the last good version plays on */
    write_file(f, "schedule.json", "{\"schedule\": {\"conference\": ");
    assert_true(refresh(f));
    assert_titles(f, (const char *[]){"A", "B", "Talk"}, 3);
    assert_int_equal(diag_count(&f->diags, DIAG_ERROR), 1);
    /* event.yaml names the exports to read: two merged, the usual name left */
    write_file(f, "day1.csv", "title,start,duration,room\nFirst,2025-02-12 09:00,60,Hall\n");
    write_file(f, "day2.csv", "title,start,duration,room\nSecond,2025-02-13 09:00,60,Hall\n");
    write_file(f, "event.yaml",
               "name: Test event\ntimezone: Asia/Dubai\nschedule:\n  - day1.csv\n  - day2.csv\n");
    assert_true(refresh(f));
    assert_titles(f, (const char *[]){"A", "B", "First", "Second"}, 4);
    assert_int_equal(f->diags.count, 0);
    write_file(f, "event.yaml", "name: Test event\nschedule: [day3.csv, ../outside.csv]\n");
    assert_true(refresh(f));
    assert_int_equal(diag_count(&f->diags, DIAG_ERROR), 2);
    /* one export named twice is read once, and said at the line naming it again */
    write_file(f, "event.yaml",
               "name: Test event\ntimezone: UTC\nschedule:\n  - day1.csv\n  - ./day1.csv\n");
    assert_true(refresh(f));
    assert_titles(f, (const char *[]){"A", "B", "First"}, 3);
    assert_int_equal(diag_count(&f->diags, DIAG_WARNING), 1);
    assert_int_equal(f->diags.items[0].line, 5);
    assert_non_null(strstr(f->diags.items[0].message, "'./day1.csv' is 'day1.csv' again"));
}

/* A schedule: entry may say where hallscreen-fetch keeps the file from:
 * the show reads file: as it reads a plain name; url: and every: are
 * checked, each mistake at its line. */
static void a_schedule_entry_names_its_url(void **state)
{
    struct folder *f = *state;
    char live[256];
    snprintf(live, sizeof live, "%s/live", f->dir);
    assert_int_equal(mkdir(live, 0755), 0);
    write_file(f, "day1.csv", "title,start,duration,room\nFirst,2025-02-12 09:00,60,Hall\n");
    write_file(f, "live/day2.csv", "title,start,duration,room\nSecond,2025-02-13 09:00,60,Hall\n");
    write_file(f, "event.yaml",
               "name: Test event\ntimezone: UTC\nschedule:\n"
               "  - file: live/day2.csv\n"
               "    url: https://pretalx.example.org/ev/schedule/export/schedule.json\n"
               "    every: 60\n"
               "  - day1.csv\n");
    assert_true(refresh(f));
    assert_titles(f, (const char *[]){"A", "B", "Second", "First"}, 4);
    assert_int_equal(f->diags.count, 0);
    const struct event *e = &f->prog.event;
    assert_int_equal(e->schedule_count, 2);
    assert_string_equal(e->schedules[0].file, "live/day2.csv");
    assert_string_equal(e->schedules[0].url,
                        "https://pretalx.example.org/ev/schedule/export/schedule.json");
    assert_int_equal(e->schedules[0].every, 60);
    assert_string_equal(e->schedules[1].file, "day1.csv");
    assert_null(e->schedules[1].url);
    /* mistakes: not a web address, too often, no file:, every: without url: */
    write_file(f, "event.yaml",
               "name: Test event\nschedule:\n"
               "  - file: day1.csv\n    url: pretalx.example.org/x.json\n"
               "  - file: day1.csv\n    url: https://x.example/a b\n"
               "  - file: live/day2.csv\n    url: https://x.example/\n    every: 1\n"
               "  - url: https://x.example/\n");
    assert_true(refresh(f));
    assert_int_equal(diag_count(&f->diags, DIAG_ERROR), 4);
    int lines[4] = {0};
    for (size_t i = 0, n = 0; i < f->diags.count && n < 4; i++)
        if (f->diags.items[i].severity == DIAG_ERROR)
            lines[n++] = f->diags.items[i].line;
    assert_int_equal(lines[0], 4);
    assert_int_equal(lines[1], 6);
    assert_int_equal(lines[2], 9);
    assert_int_equal(lines[3], 10);
    assert_non_null(strstr(f->diags.items[0].message, "is not a web address"));
    /* the last good event.yaml stays */
    assert_int_equal(f->prog.event.schedule_count, 2);
    write_file(f, "event.yaml", "name: Test event\nschedule:\n  - file: day1.csv\n    every: 60\n");
    assert_true(refresh(f));
    bool warned = false;
    for (size_t i = 0; i < f->diags.count; i++)
        warned |= f->diags.items[i].line == 4 &&
                  strstr(f->diags.items[i].message, "every: is for a file with a url:") != NULL;
    assert_true(warned);
    assert_int_equal(diag_count(&f->diags, DIAG_ERROR), 0);
    /* a folder, a missing file and the settings themselves, each at its line */
    write_file(f, "event.yaml",
               "name: Test event\nschedule:\n  - day1.csv\n  - live\n  - gone.csv\n");
    assert_true(refresh(f));
    bool folder = false, missing = false;
    for (size_t i = 0; i < f->diags.count; i++) {
        folder |= f->diags.items[i].line == 4 &&
                  strstr(f->diags.items[i].message, "'live' is a folder: name the export file");
        missing |= f->diags.items[i].line == 5 &&
                   strstr(f->diags.items[i].message, "'gone.csv' not found");
    }
    assert_true(folder);
    assert_true(missing);
    /* a file hallscreen-fetch has not written yet: said so */
    write_file(f, "event.yaml",
               "name: Test event\nschedule:\n  - file: later.json\n    url: https://x.example/s\n");
    assert_true(refresh(f));
    bool later = false;
    for (size_t i = 0; i < f->diags.count; i++)
        later |=
            f->diags.items[i].line == 3 &&
            strstr(f->diags.items[i].message, "'later.json' is not there yet: hallscreen-fetch");
    assert_true(later);
    write_file(f, "event.yaml", "name: Test event\nschedule:\n  - day1.csv\n  - event.yaml\n");
    assert_true(refresh(f));
    bool own = false;
    for (size_t i = 0; i < f->diags.count; i++)
        own |= f->diags.items[i].line == 4 &&
               strstr(f->diags.items[i].message,
                      "'event.yaml' is one of the content folder's own files") != NULL;
    assert_true(own);
}

static void the_theme_colours_tracks(void **state)
{
    struct folder *f = *state;
    write_file(f, "theme.yaml", "tracks:\n  Security: \"#c0392b\"\n  Main Stage: \"#2980b9\"\n");
    assert_true(refresh(f));
    assert_int_equal(f->prog.theme.track_count, 2);
    assert_int_equal(theme_track_colour(&f->prog.theme, "main stage").b, 0xb9);
    assert_int_equal(theme_track_colour(&f->prog.theme, "Other").a, 0);
    write_file(f, "theme.yaml", "tracks:\n  Security: red\n");
    assert_true(refresh(f));
    assert_int_equal(f->prog.theme.track_count, 2); /* the last good theme */
    assert_true(f->diags.count >= 1);
    assert_int_equal(f->diags.items[0].line, 2);
}

static void a_new_time_zone_reads_the_schedule_again(void **state)
{
    struct folder *f = *state;
    write_file(f, "event.yaml", "name: Test event\ntimezone: UTC\n");
    write_file(f, "schedule.csv", "title,start,duration\nTalk,2025-02-12T10:00:00Z,60\n");
    assert_true(refresh(f));
    assert_int_equal(f->prog.slides[2].start.minutes, 10 * 60);
    write_file(f, "event.yaml", "name: Test event\ntimezone: Asia/Dubai\n");
    assert_true(refresh(f));
    assert_int_equal(f->prog.slides[2].start.minutes, 14 * 60); /* the same instant, in Dubai */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(first_read_adds_everything, setup, teardown),
        cmocka_unit_test_setup_teardown(nothing_changed_reads_nothing_new, setup, teardown),
        cmocka_unit_test_setup_teardown(a_changed_file_is_read_again_even_at_the_same_size, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_broken_file_keeps_its_last_good_version, setup, teardown),
        cmocka_unit_test_setup_teardown(a_half_written_file_keeps_the_last_good_version, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(files_added_and_removed_join_and_leave_in_name_order, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(an_alert_comes_and_goes_with_its_file, setup, teardown),
        cmocka_unit_test_setup_teardown(a_broken_theme_keeps_the_last_good_theme, setup, teardown),
        cmocka_unit_test_setup_teardown(a_missing_folder_is_not_an_empty_show, setup, teardown),
        cmocka_unit_test_setup_teardown(a_video_slide_reads_its_fields_and_waits_for_its_clip,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(a_logo_copied_in_after_its_slide_is_shown, setup, teardown),
        cmocka_unit_test_setup_teardown(a_file_still_being_written_is_not_read, setup, teardown),
        cmocka_unit_test_setup_teardown(the_outputs_place_in_the_folder_is_known, setup, teardown),
        cmocka_unit_test_setup_teardown(reading_again_keeps_the_paused_slide_and_last_good_versions,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(a_schedule_export_plays_and_keeps_its_last_good_version,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(a_new_time_zone_reads_the_schedule_again, setup, teardown),
        cmocka_unit_test_setup_teardown(the_theme_colours_tracks, setup, teardown),
        cmocka_unit_test_setup_teardown(a_schedule_entry_names_its_url, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
