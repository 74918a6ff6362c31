/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The content loader: every field, every kind of problem with its line. */
#include "../app/content/fields.h"
#include "../app/content/content.h"
#include "../app/check/contrast.h"
#include "../app/content/loader.h"
#include "../app/util/civil_time.h"
#include "../app/util/str.h"

#include "temp.h"
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct loaded {
    struct theme base;
    struct programme prog;
    struct diag_list diags;
};

static struct loaded *load(const char *dir)
{
    struct loaded *l = calloc(1, sizeof *l);
    theme_init_defaults(&l->base);
    assert_true(content_load(dir, &l->base, &l->prog, &l->diags));
    return l;
}

static void unload(struct loaded *l)
{
    programme_free(&l->prog);
    theme_free(&l->base);
    diag_list_clear(&l->diags);
    free(l);
}

/* True when a problem in a file ending with file_suffix, at line, of that
 * severity, says something containing text. */
static bool has_problem(const struct diag_list *diags, const char *file_suffix, int line,
                        enum diag_severity severity, const char *text)
{
    for (size_t i = 0; i < diags->count; i++) {
        const struct diag *d = &diags->items[i];
        if (str_ends_with(d->path, file_suffix) && d->line == line && d->severity == severity &&
            strstr(d->message, text))
            return true;
    }
    return false;
}

static void print_problems(const struct diag_list *diags)
{
    char line[1200];
    for (size_t i = 0; i < diags->count; i++) {
        diag_format(&diags->items[i], line, sizeof line);
        print_message("%s\n", line);
    }
}

static void full_show_loads_every_field(void **state)
{
    (void)state;
    struct loaded *l = load(FIXTURES_DIR "/full");
    print_problems(&l->diags);
    assert_int_equal(l->diags.count, 0);

    const struct event *e = &l->prog.event;
    assert_string_equal(e->name, "Regional Civil Service Forum");
    assert_string_equal(e->tagline, "Public service for everyone");
    assert_string_equal(e->place, "Astana, Kazakhstan");
    assert_string_equal(e->website, "https://example.org/forum");
    assert_true(e->sync);
    assert_int_equal(e->first_day.days, civil_days(2025, 6, 3));
    assert_int_equal(e->last_day.days, civil_days(2025, 6, 4));

    /* theme.yaml overrides what it names and keeps the rest */
    assert_int_equal(l->prog.theme.accent.r, 0xff);
    assert_int_equal(l->prog.theme.accent.g, 0x88);
    assert_int_equal(l->prog.theme.background.b, 0x30);
    assert_int_equal(l->prog.theme.slide_ms, 7500);
    assert_int_equal(l->prog.theme.transition, TRANSITION_PUSH);
    assert_int_equal(l->prog.theme.transition_ms, 800);
    assert_memory_equal(&l->prog.theme.text, &l->base.text, sizeof l->base.text);
    assert_string_equal(l->prog.theme.font, "Noto Sans");

    /* welcome, session, partners in two pages, minimal session; the hidden
     * file, the editor backup and notes.txt are not slides */
    assert_int_equal(l->prog.slide_count, 5);
    const struct slide *s = &l->prog.slides[0];
    assert_int_equal(s->kind, SLIDE_HEADLINE);
    assert_string_equal(s->label, "Welcome");
    assert_string_equal(s->title, "Қош келдіңіз! Welcome to the forum");
    assert_string_equal(s->subtitle, "Ғылым, Қазақстан, Өркен, Ұлт, Үміт, Һ, Іс");
    assert_string_equal(s->body,
                        "First paragraph of the body.\n\nSecond paragraph after a blank line.");
    assert_int_equal(s->duration_ms, 12000);
    assert_int_equal(slide_duration_ms(&l->prog, s), 12000);
    assert_true(str_ends_with(s->source, "slides/01-welcome.yaml"));

    s = &l->prog.slides[1];
    assert_int_equal(s->kind, SLIDE_SESSION);
    assert_string_equal(s->label, "Plenary");
    assert_string_equal(s->title, "Digital public services");
    assert_true(s->date.set);
    assert_int_equal(s->date.days, civil_days(2025, 6, 3));
    assert_true(s->start.set);
    assert_int_equal(s->start.minutes, 9 * 60 + 30);
    assert_int_equal(s->end.minutes, 11 * 60);
    assert_string_equal(s->room, "Hall A");
    assert_string_equal(s->chair, "Jane Doe, Moderator");
    assert_int_equal(s->speaker_count, 2);
    assert_string_equal(s->speakers[1], "Speaker Two, Agency of Other Things");
    assert_non_null(strstr(s->description, "measured widths."));
    assert_int_equal(slide_duration_ms(&l->prog, s), 7500);

    for (int page = 0; page < 2; page++) {
        s = &l->prog.slides[2 + page];
        assert_int_equal(s->kind, SLIDE_PARTNERS);
        assert_int_equal(s->page, page + 1);
        assert_int_equal(s->page_count, 2);
        assert_int_equal(s->partner_count, 15);
        assert_string_equal(s->title, "Partners");
    }
    const struct partner *p = l->prog.slides[2].partners;
    assert_string_equal(p[0].name, "Vector Partner");
    assert_true(str_ends_with(p[0].logo, "/logos/vector.svg"));
    assert_true(str_ends_with(p[1].logo, "/logos/raster.png"));
    assert_string_equal(p[2].name, "Partner Number 3");
    assert_null(p[2].logo);
    assert_string_equal(l->prog.slides[3].partners[14].name, "Partner Number 30");

    s = &l->prog.slides[4];
    assert_string_equal(s->title, "A session with a title only");
    assert_false(s->date.set);
    assert_false(s->start.set);
    assert_null(s->room);
    assert_int_equal(s->speaker_count, 0);
    unload(l);
}

static void broken_files_are_reported_with_lines_and_skipped(void **state)
{
    (void)state;
    struct loaded *l = load(FIXTURES_DIR "/broken");
    print_problems(&l->diags);
    const struct diag_list *d = &l->diags;
    assert_true(has_problem(d, "broken/event.yaml", 2, DIAG_ERROR,
                            "first_day: '2025-02-30' is not a date"));
    assert_true(has_problem(d, "02-typo.yaml", 2, DIAG_WARNING,
                            "unknown field 'titel' (did you mean 'title'?)"));
    assert_true(has_problem(d, "02-typo.yaml", 1, DIAG_ERROR, "title: missing"));
    assert_true(has_problem(d, "03-bad-date.yaml", 3, DIAG_ERROR, "date: '2025-02-30'"));
    assert_true(
        has_problem(d, "03-bad-date.yaml", 4, DIAG_ERROR, "start: '25:61' is not a time of day"));
    assert_true(has_problem(d, "04-syntax.yaml", 4, DIAG_ERROR, "YAML syntax"));
    assert_true(has_problem(d, "05-unknown-kind.yaml", 1, DIAG_ERROR,
                            "kind: 'slideshow' is not a kind of slide"));
    assert_true(
        has_problem(d, "06-duplicate.yaml", 3, DIAG_ERROR, "title: given twice (first at line 2)"));
    assert_true(has_problem(d, "07-empty.yaml", 0, DIAG_ERROR, "is empty"));
    assert_true(has_problem(d, "08-latin1.yaml", 2, DIAG_ERROR, "is not UTF-8"));
    assert_true(has_problem(d, "09-list.yaml", 1, DIAG_ERROR, "expected fields"));
    assert_true(
        has_problem(d, "10-wrong-type.yaml", 3, DIAG_ERROR, "title: expected a single value"));
    assert_true(
        has_problem(d, "10-wrong-type.yaml", 5, DIAG_ERROR, "duration: 'soon' is not a duration"));
    assert_true(has_problem(d, "11-missing-logo.yaml", 4, DIAG_WARNING,
                            "logo: file 'logos/missing.png' not found"));
    assert_true(has_problem(d, "11-missing-logo.yaml", 6, DIAG_WARNING,
                            "must be a path inside the content folder"));
    assert_int_equal(diag_count(d, DIAG_ERROR), 12);
    assert_int_equal(diag_count(d, DIAG_WARNING), 3);

    /* the good slide and the partners (drawn as wordmarks) still play */
    assert_int_equal(l->prog.slide_count, 2);
    assert_string_equal(l->prog.slides[0].title, "The one good slide");
    assert_int_equal(l->prog.slides[1].partner_count, 2);
    assert_null(l->prog.slides[1].partners[0].logo);
    assert_null(l->prog.slides[1].partners[1].logo);
    assert_null(l->prog.event.name); /* the bad event file is left out */
    unload(l);
}

/* A fresh content folder with one slide file holding text. */
static char *folder_with_slide(const char *text, size_t n)
{
    char *dir = strdup("/tmp/hallscreen-test-" TEMP_SUFFIX);
    assert_non_null(mkdtemp(dir));
    char path[512];
    snprintf(path, sizeof path, "%s/slides", dir);
    assert_int_equal(mkdir(path, 0755), 0);
    snprintf(path, sizeof path, "%s/event.yaml", dir);
    FILE *f = fopen(path, "w");
    fputs("name: Test\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/slides/a.yaml", dir);
    f = fopen(path, "wb");
    fwrite(text, 1, n, f);
    fclose(f);
    return dir;
}

static void remove_folder(char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    free(dir);
}

static void byte_order_mark_and_crlf_are_fine(void **state)
{
    (void)state;
    const char text[] =
        "\xef\xbb\xbfkind: headline\r\ntitle: Windows file\r\nbody: |\r\n  two\r\n  "
        "lines\r\n";
    char *dir = folder_with_slide(text, sizeof text - 1);
    struct loaded *l = load(dir);
    print_problems(&l->diags);
    assert_int_equal(l->diags.count, 0);
    assert_int_equal(l->prog.slide_count, 1);
    assert_string_equal(l->prog.slides[0].title, "Windows file");
    assert_string_equal(l->prog.slides[0].body, "two\nlines");
    unload(l);
    remove_folder(dir);
}

static void nul_byte_is_reported_at_its_line(void **state)
{
    (void)state;
    const char text[] = "kind: headline\ntitle: x\n\0body: y\n";
    char *dir = folder_with_slide(text, sizeof text - 1);
    struct loaded *l = load(dir);
    assert_true(has_problem(&l->diags, "a.yaml", 3, DIAG_ERROR, "NUL byte"));
    assert_int_equal(l->prog.slide_count, 0);
    unload(l);
    remove_folder(dir);
}

static void unknown_field_far_from_any_lists_the_known_ones(void **state)
{
    (void)state;
    const char text[] = "kind: session\ntitle: x\nvenue_notes: y\n";
    char *dir = folder_with_slide(text, sizeof text - 1);
    struct loaded *l = load(dir);
    assert_true(has_problem(&l->diags, "a.yaml", 3, DIAG_WARNING,
                            "unknown field 'venue_notes'; it is ignored (known fields: kind, "
                            "label, title, date, start, end, room, chair, speakers"));
    assert_int_equal(l->prog.slide_count, 1); /* a warning does not drop the slide */
    unload(l);
    remove_folder(dir);
}

static void oversized_file_is_refused(void **state)
{
    (void)state;
    size_t n = CONTENT_FILE_MAX_BYTES + 10;
    char *text = malloc(n);
    memset(text, 'a', n);
    memcpy(text, "kind: headline\ntitle: ", 22);
    char *dir = folder_with_slide(text, n);
    free(text);
    struct loaded *l = load(dir);
    assert_true(has_problem(&l->diags, "a.yaml", 0, DIAG_ERROR, "is larger than 1024 KiB"));
    assert_int_equal(l->prog.slide_count, 0);
    unload(l);
    remove_folder(dir);
}

static void missing_folder_and_files_are_reported(void **state)
{
    (void)state;
    struct theme base;
    theme_init_defaults(&base);
    struct programme prog;
    struct diag_list diags = {0};
    assert_false(content_load(FIXTURES_DIR "/no-such-folder", &base, &prog, &diags));
    assert_true(has_problem(&diags, "no-such-folder", 0, DIAG_ERROR, "content folder not found"));
    diag_list_clear(&diags);

    /* a folder with neither event.yaml nor slides/ still loads, empty */
    assert_true(content_load(FIXTURES_DIR "/full/logos", &base, &prog, &diags));
    assert_true(has_problem(&diags, "logos/event.yaml", 0, DIAG_ERROR, "missing"));
    assert_true(has_problem(&diags, "logos/slides", 0, DIAG_ERROR, "slides folder not found"));
    assert_int_equal(prog.slide_count, 0);
    programme_free(&prog);
    diag_list_clear(&diags);
    theme_free(&base);
}

static void the_default_theme_reads_at_seven_to_one(void **state)
{
    (void)state;
    /* WCAG's own examples: black on white is 21:1, a colour on itself 1:1 */
    const struct rgba black = {0, 0, 0, 0xff}, white = {0xff, 0xff, 0xff, 0xff};
    assert_true(contrast_ratio(black, white) > 20.99 && contrast_ratio(white, black) < 21.01);
    assert_true(contrast_ratio(white, white) < 1.001);
    assert_true(fabs(contrast_ratio((struct rgba){0x76, 0x76, 0x76, 0xff}, white) - 4.54) < 0.01);
    struct theme t;
    theme_init_defaults(&t);
    struct diag_list diags = {0};
    assert_int_equal(contrast_check_theme(&t, "theme.yaml", CONTRAST_GOOD, &diags), 0);
    /* the shipped theme.yaml, and under a background picture at its worst */
    char path[512];
    snprintf(path, sizeof path, "%s/../assets/theme.yaml", CONTENT_DIR);
    assert_true(
        theme_load_file(&(struct source){.path = path, .dir = CONTENT_DIR, .diags = &diags}, &t));
    assert_int_equal(contrast_check_theme(&t, path, CONTRAST_GOOD, &diags), 0);
    t.background_image = str_dup("poster.png");
    assert_int_equal(contrast_check_theme(&t, path, CONTRAST_WARNING, &diags), 0);
    /* a grey body on the dark blue: named, with its ratio */
    t.muted = (struct rgba){0x5a, 0x6a, 0x80, 0xff};
    free(t.background_image);
    t.background_image = NULL;
    assert_int_equal(contrast_check_theme(&t, "theme.yaml", CONTRAST_WARNING, &diags), 2);
    assert_true(
        has_problem(&diags, "theme.yaml", 0, DIAG_WARNING, "muted on background: contrast "));
    assert_true(has_problem(&diags, "theme.yaml", 0, DIAG_WARNING, "muted on background_end"));
    theme_free(&t);
    diag_list_clear(&diags);
}

static void bad_theme_keeps_the_previous_theme(void **state)
{
    (void)state;
    const char text[] = "accent: #ff0000\ntext: \"#00ff00\"\n";
    char *dir = folder_with_slide(text, sizeof text - 1);
    char path[600];
    snprintf(path, sizeof path, "%s/slides/a.yaml", dir);
    struct theme theme;
    theme_init_defaults(&theme);
    struct diag_list diags = {0};
    /* unquoted, '#ff0000' is a YAML comment: the value is empty */
    assert_false(
        theme_load_file(&(struct source){.path = path, .dir = dir, .diags = &diags}, &theme));
    assert_true(has_problem(&diags, "a.yaml", 1, DIAG_ERROR, "accent: expected a single value") ||
                has_problem(&diags, "a.yaml", 1, DIAG_ERROR, "accent: '' is not a colour"));
    assert_int_equal(theme.text.g, 0xff); /* unchanged default: white */
    assert_int_equal(theme.text.r, 0xff);
    theme_free(&theme);
    diag_list_clear(&diags);
    remove_folder(dir);
}

/* Reads text as a theme over the defaults; returns whether it was taken. */
static bool theme_from(const char *text, struct theme *theme, struct diag_list *diags)
{
    char *dir = folder_with_slide(text, strlen(text));
    char path[600];
    snprintf(path, sizeof path, "%s/slides/a.yaml", dir);
    theme_init_defaults(theme);
    bool ok = theme_load_file(&(struct source){.path = path, .dir = dir, .diags = diags}, theme);
    remove_folder(dir);
    return ok;
}

static void text_sizes_are_read_in_range(void **state)
{
    (void)state;
    struct theme theme;
    struct diag_list diags = {0};
    assert_true(theme_from("smallest_text: 4.5\nlargest_text: 9.5\n", &theme, &diags));
    assert_float_equal(theme.smallest_text, 4.5, 0.001);
    assert_float_equal(theme.largest_text, 9.5, 0.001);
    theme_free(&theme);
    assert_false(theme_from("smallest_text: 1.5\n", &theme, &diags));
    assert_true(has_problem(&diags, "a.yaml", 1, DIAG_ERROR,
                            "smallest_text: 1.5 is out of range: write 2 to 10"));
    assert_float_equal(theme.smallest_text, 4.0, 0.001); /* the default stays */
    theme_free(&theme);
    assert_false(theme_from("smallest_text: big\n", &theme, &diags));
    assert_true(has_problem(&diags, "a.yaml", 1, DIAG_ERROR,
                            "smallest_text: 'big' is not a number, such as 3.4"));
    theme_free(&theme);
    assert_false(theme_from("smallest_text: 8\nlargest_text: 6\n", &theme, &diags));
    assert_true(has_problem(&diags, "a.yaml", 0, DIAG_ERROR,
                            "smallest_text: 8 is larger than largest_text (6)"));
    theme_free(&theme);
    diag_list_clear(&diags);
}

static void translations_and_directions_are_read(void **state)
{
    (void)state;
    struct loaded *l = load(FIXTURES_DIR "/languages");
    print_problems(&l->diags);
    assert_int_equal(l->diags.count, 0);
    const struct slide *s = &l->prog.slides[2];
    assert_string_equal(s->title, "Welcome to the World Government Summit");
    assert_string_equal(s->translated_title, "مرحبا بكم في القمة العالمية للحكومات");
    assert_string_equal(s->translated_subtitle, "دبي، 10–12 فبراير 2025");
    assert_null(s->translated_body);
    assert_int_equal(s->direction, DIRECTION_AUTO);
    s = &l->prog.slides[3];
    assert_string_equal(s->translated_description, "الحوكمة الرقمية والمرونة المؤسسية.");
    assert_int_equal(l->prog.slides[4].direction, DIRECTION_RTL);
    assert_int_equal(l->prog.slides[4].directions.body, DIRECTION_LTR);
    assert_int_equal(l->prog.slides[4].directions.title, DIRECTION_AUTO);
    unload(l);
}

static bool event_from(const char *text, struct event *event, struct diag_list *diags)
{
    memset(event, 0, sizeof *event);
    return event_parse(&(struct source){.path = "event.yaml", .dir = "/tmp", .diags = diags}, text,
                       strlen(text), event);
}

/* rooms: in event.yaml: names in order, or name: with display:, info:
 * lines and a stream: address; every mistake with its line. */
static void the_events_rooms_are_read_with_their_lines(void **state)
{
    (void)state;
    struct event e;
    struct diag_list diags = {0};
    assert_true(event_from("name: 31C3\n"
                           "rooms:\n"
                           "  - Saal 1\n"
                           "  - name: Saal G\n"
                           "    display: Hall G\n"
                           "    info:\n"
                           "      - Ground floor, left\n"
                           "      - \"Translation: channel 2\"\n"
                           "    stream: https://streaming.media.ccc.de/31c3/saalg\n"
                           "  - Saal 1\n",
                           &e, &diags));
    print_problems(&diags);
    assert_int_equal(e.room_count, 2);
    assert_string_equal(e.rooms[0].name, "Saal 1");
    assert_null(e.rooms[0].display);
    assert_int_equal(e.rooms[0].line, 3);
    assert_string_equal(e.rooms[1].name, "Saal G");
    assert_string_equal(e.rooms[1].display, "Hall G");
    assert_int_equal(e.rooms[1].info_count, 2);
    assert_string_equal(e.rooms[1].info[1], "Translation: channel 2");
    assert_string_equal(e.rooms[1].stream, "https://streaming.media.ccc.de/31c3/saalg");
    assert_true(has_problem(&diags, "event.yaml", 10, DIAG_WARNING,
                            "rooms: 'Saal 1' is listed twice (first at line 3)"));
    struct event copy;
    assert_true(event_copy(&copy, &e));
    assert_string_equal(copy.rooms[1].info[0], "Ground floor, left");
    event_free(&copy);
    event_free(&e);
    diag_list_clear(&diags);

    /* a room with a display name and no stream */
    assert_true(
        event_from("name: X\nrooms:\n  - name: Saal 1\n    display: Hall One\n", &e, &diags));
    assert_string_equal(e.rooms[0].display, "Hall One");
    assert_null(e.rooms[0].stream);
    event_free(&e);
    assert_false(event_from("name: X\nrooms: Saal 1\n", &e, &diags));
    assert_true(has_problem(&diags, "event.yaml", 2, DIAG_ERROR, "rooms: expected a list"));
    assert_false(event_from("name: X\nrooms:\n  - display: Hall G\n", &e, &diags));
    assert_true(has_problem(&diags, "event.yaml", 3, DIAG_ERROR, "name: missing"));
    assert_false(
        event_from("name: X\nrooms:\n  - name: A\n    dispaly: B\n    info: [[1]]\n", &e, &diags));
    assert_true(
        has_problem(&diags, "event.yaml", 4, DIAG_WARNING, "unknown field 'dispaly' (did you"));
    assert_true(has_problem(&diags, "event.yaml", 5, DIAG_ERROR, "info: each item must be plain"));
    assert_false(event_from("name: X\nrooms:\n  - [A, B]\n", &e, &diags));
    assert_true(has_problem(&diags, "event.yaml", 3, DIAG_ERROR, "rooms: each room is a name"));
    /* a paragraph pasted as an info: line: the sign shows its start */
    char long_info[256];
    snprintf(long_info, sizeof long_info, "name: X\nrooms:\n  - name: A\n    info:\n      - %s\n",
             "Ground floor, then left past the cloakroom, through the double doors, and up "
             "the stairs by the lift");
    assert_true(event_from(long_info, &e, &diags));
    assert_true(has_problem(&diags, "event.yaml", 3, DIAG_WARNING,
                            "the info: line 1 of 'A' has 99 characters; its door sign shows the "
                            "first 80"));
    event_free(&e);
    diag_list_clear(&diags);
}

/* qr_size: a slide's QR code's size, in % of the screen's shorter side. */
static void a_qr_codes_size_is_read_in_range(void **state)
{
    (void)state;
    const char *text = "kind: headline\ntitle: T\nqr: https://example.org\nqr_size: 40\n";
    char *dir = folder_with_slide(text, strlen(text));
    struct loaded *l = load(dir);
    assert_int_equal(l->prog.slide_count, 1);
    assert_float_equal(l->prog.slides[0].qr_size, 40, 0.001);
    unload(l);
    remove_folder(dir);
    text = "kind: headline\ntitle: T\nqr: https://example.org\nqr_size: 90\n";
    dir = folder_with_slide(text, strlen(text));
    l = load(dir);
    assert_true(has_problem(&l->diags, "a.yaml", 4, DIAG_ERROR,
                            "qr_size: 90 is out of range: write 10 to 60"));
    unload(l);
    remove_folder(dir);
}

static void default_show_is_valid_and_faithful(void **state)
{
    (void)state;
    struct loaded *l = load(CONTENT_DIR);
    print_problems(&l->diags);
    assert_int_equal(l->diags.count, 0);
    assert_string_equal(l->prog.event.name, "World Government Summit 2025");
    assert_string_equal(l->prog.event.tagline, "Shaping Future Governments");
    assert_string_equal(l->prog.event.place, "Dubai, UAE");
    assert_int_equal(l->prog.event.first_day.days, civil_days(2025, 2, 10));
    assert_int_equal(l->prog.event.last_day.days, civil_days(2025, 2, 12));
    assert_string_equal(l->prog.slides[0].title, "Astana Civil Service Hub enhances Global "
                                                 "Dialogue at World Government Summit 2025");
    size_t sessions = 0, partners = 0;
    for (size_t i = 0; i < l->prog.slide_count; i++) {
        const struct slide *s = &l->prog.slides[i];
        /* the seed gives no times of day nor rooms */
        assert_false(s->start.set);
        assert_false(s->end.set);
        assert_null(s->room);
        sessions += s->kind == SLIDE_SESSION;
        if (s->kind == SLIDE_PARTNERS) {
            const char *names[] = {"OECD", "ASPA", "EROPA", "AAPAM", "CAFRAD", "CLAD"};
            assert_int_equal(s->partner_count, 6);
            for (size_t p = 0; p < 6; p++) {
                assert_string_equal(s->partners[p].name, names[p]);
                assert_non_null(s->partners[p].logo);
            }
            partners++;
        }
    }
    assert_int_equal(sessions, 3);
    assert_int_equal(partners, 1);
    unload(l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(full_show_loads_every_field),
        cmocka_unit_test(broken_files_are_reported_with_lines_and_skipped),
        cmocka_unit_test(byte_order_mark_and_crlf_are_fine),
        cmocka_unit_test(nul_byte_is_reported_at_its_line),
        cmocka_unit_test(unknown_field_far_from_any_lists_the_known_ones),
        cmocka_unit_test(oversized_file_is_refused),
        cmocka_unit_test(missing_folder_and_files_are_reported),
        cmocka_unit_test(the_default_theme_reads_at_seven_to_one),
        cmocka_unit_test(bad_theme_keeps_the_previous_theme),
        cmocka_unit_test(text_sizes_are_read_in_range),
        cmocka_unit_test(translations_and_directions_are_read),
        cmocka_unit_test(the_events_rooms_are_read_with_their_lines),
        cmocka_unit_test(a_qr_codes_size_is_read_in_range),
        cmocka_unit_test(default_show_is_valid_and_faithful),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
