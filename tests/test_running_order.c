/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The programme at a moment, driven by a simulated clock in several time
 * zones: marks, sessions leaving the cycle, overviews, windows, a wrong clock. */
#include "../app/show/rooms.h"
#include "../app/show/running_order.h"
#include "../app/util/translate.h"
#include "../app/util/civil_time.h"
#include "../app/util/str.h"
#include "../app/util/zone.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char source_names[16][16];

static struct slide session(int i, const char *title, const char *date, const char *start,
                            const char *end, const char *room)
{
    struct slide s = {.kind = SLIDE_SESSION};
    snprintf(source_names[i], sizeof source_names[i], "s%d.yaml", i);
    s.source = source_names[i];
    s.title = (char *)title;
    s.room = (char *)room;
    if (date)
        s.date.set = civil_parse_date(date, &s.date.days);
    if (start)
        s.start.set = civil_parse_clock(start, &s.start.minutes);
    if (end)
        s.end.set = civil_parse_clock(end, &s.end.minutes);
    return s;
}

/* Seconds since 1970 UTC of an event-time "YYYY-MM-DD HH:MM" in the zone in use. */
static int64_t at(const char *local)
{
    int64_t t;
    assert_true(civil_parse_datetime(local, &t));
    return zone_utc(t);
}

static struct programme prog_of(struct slide *slides, size_t n)
{
    struct programme p = {.slides = slides, .slide_count = n};
    p.event.name = (char *)"Forum";
    p.event.first_day.set = civil_parse_date("2025-02-12", &p.event.first_day.days);
    p.event.last_day.set = civil_parse_date("2025-02-13", &p.event.last_day.days);
    return p;
}

/* The shown programme's slides, one word each: "overview", or the title with
 * its mark text when it has one: "B[Now · ends 11:00]". */
static void describe(const struct programme *shown, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t i = 0; i < shown->slide_count; i++) {
        const struct slide *s = &shown->slides[i];
        size_t used = strlen(buf);
        if (s->kind == SLIDE_OVERVIEW)
            snprintf(buf + used, size - used, "%s(%s)", i ? " " : "", s->title);
        else if (s->kind == SLIDE_BOARD)
            snprintf(buf + used, size - used, "%s[%s]", i ? " " : "", s->label);
        else if (s->mark_text)
            snprintf(buf + used, size - used, "%s%s[%s]", i ? " " : "", s->title, s->mark_text);
        else
            snprintf(buf + used, size - used, "%s%s", i ? " " : "", s->title);
    }
}

static void assert_shown(const struct programme *prog, int64_t now, const char *want)
{
    struct programme shown;
    order_build(prog, now, 5, &shown);
    char got[1024];
    describe(&shown, got, sizeof got);
    assert_string_equal(got, want);
    programme_free(&shown);
}

static struct slide day[8];
static struct programme one_day(void)
{
    day[0] = (struct slide){
        .kind = SLIDE_HEADLINE, .source = (char *)"h.yaml", .title = (char *)"Welcome"};
    day[1] = session(1, "A", "2025-02-12", "09:00", "10:00", "Hall 1");
    day[2] = session(2, "B", "2025-02-12", "10:00", "11:00", "Hall 1");
    day[3] = session(3, "C", "2025-02-12", "10:30", "12:00", "Hall 2");
    day[4] = session(4, "D", "2025-02-12", "14:00", NULL, "Hall 1");
    day[5] = session(5, "E", "2025-02-13", "09:30", "10:00", "Hall 1");
    day[6] = session(6, "Dated", "2025-02-12", NULL, NULL, NULL);
    return prog_of(day, 7);
}

static void marks_follow_the_clock_through_a_day(void **state)
{
    (void)state;
    zone_use("Asia/Dubai");
    struct programme p = one_day();
    assert_shown(&p, at("2025-02-12 08:45"),
                 "(Up next) Welcome A[Next · in 15 min] B[Later today · 10:00] "
                 "C[Next · at 10:30] D[Later today · 14:00] Dated");
    assert_shown(&p, at("2025-02-12 09:00"),
                 "(Up next) Welcome A[Now · ends 10:00] B[Next · in 60 min] C[Next · at 10:30] "
                 "D[Later today · 14:00] Dated");
    /* A has ended and left; B runs; C starts in 12 minutes */
    assert_shown(&p, at("2025-02-12 10:18"),
                 "(Up next) Welcome B[Now · ends 11:00] C[Next · in 12 min] D[Next · at 14:00] "
                 "Dated");
    /* a session with no end lasts an hour */
    assert_shown(&p, at("2025-02-12 14:59"), "(Up next) Welcome D[Now] Dated");
    /* the day is over: the overview says when the programme resumes */
    assert_shown(&p, at("2025-02-12 15:00"), "(That was today's programme) Welcome Dated");
    /* next day: yesterday's dated session is gone */
    assert_shown(&p, at("2025-02-13 09:00"), "(Up next) Welcome E[Next · in 30 min]");
    /* after the last day */
    assert_shown(&p, at("2025-02-14 09:00"), "(The event has ended) Welcome");
    /* before the first */
    assert_shown(&p, at("2025-02-11 18:00"), "(Coming soon) Welcome");
}

static void marks_and_headings_speak_the_events_language(void **state)
{
    (void)state;
    zone_use("Asia/Dubai");
    struct programme p = one_day();
    char *ru[] = {(char *)"ru"}, *kk_ru[] = {(char *)"kk", (char *)"ru"}, *ar[] = {(char *)"ar"};
    p.event.languages = ru;
    p.event.language_count = 1;
    assert_shown(&p, at("2025-02-12 09:00"),
                 "(Далее в программе) Welcome A[Сейчас · до 10:00] B[Далее · через 60 мин] "
                 "C[Далее · в 10:30] D[Сегодня позже · 14:00] Dated");
    assert_shown(&p, at("2025-02-14 09:00"), "(Мероприятие завершено) Welcome");
    /* two languages: headings in both, marks in the first */
    p.event.languages = kk_ru;
    p.event.language_count = 2;
    assert_shown(&p, at("2025-02-12 14:59"),
                 "(Бағдарламада келесі / Далее в программе) Welcome D[Қазір] Dated");
    p.event.languages = ar;
    p.event.language_count = 1;
    assert_shown(&p, at("2025-02-12 10:18"),
                 "(التالي في البرنامج) Welcome B[الآن · ينتهي 11:00] C[التالي · بعد 12 دقيقة] "
                 "D[التالي · الساعة 14:00] Dated");
    /* when the programme resumes, in words and date order of the language */
    struct programme shown;
    p.event.languages = ru;
    order_build(&p, at("2025-02-12 15:00"), 5, &shown);
    assert_string_equal(shown.slides[0].body,
                        "Программа продолжится: Четверг, 13 февраля 2025 в 09:30");
    programme_free(&shown);
}

static void overviews_say_when_and_list_by_time_and_room(void **state)
{
    (void)state;
    zone_use("Asia/Dubai");
    struct programme p = one_day();
    struct programme shown;
    order_build(&p, at("2025-02-12 10:18"), 5, &shown);
    const struct slide *o = &shown.slides[0];
    assert_int_equal(o->kind, SLIDE_OVERVIEW);
    assert_string_equal(o->label, "Wednesday 12 February 2025");
    assert_int_equal(o->row_count, 3);
    assert_string_equal(o->rows[0].when, "10:00\u201311:00");
    assert_string_equal(o->rows[0].title, "B");
    assert_string_equal(o->rows[0].room, "Hall 1");
    assert_int_equal(o->rows[0].mark, MARK_NOW);
    assert_int_equal(o->rows[1].mark, MARK_NEXT);
    assert_string_equal(o->rows[2].when, "14:00");
    programme_free(&shown);

    order_build(&p, at("2025-02-12 16:00"), 5, &shown);
    assert_string_equal(shown.slides[0].body,
                        "The programme resumes Thursday 13 February 2025 at 09:30");
    programme_free(&shown);
    order_build(&p, at("2025-02-11 16:00"), 5, &shown);
    assert_string_equal(shown.slides[0].body,
                        "The programme starts Wednesday 12 February 2025 at 09:00");
    programme_free(&shown);
    order_build(&p, at("2025-02-14 09:00"), 5, &shown);
    assert_string_equal(shown.slides[0].body,
                        "Thank you for joining Forum, 12\u201313 February 2025.");
    programme_free(&shown);
}

static void long_days_take_several_overview_pages(void **state)
{
    (void)state;
    zone_use("Asia/Dubai");
    static struct slide many[12];
    static char titles[12][8], starts[12][8];
    for (int i = 0; i < 12; i++) {
        snprintf(titles[i], sizeof titles[i], "S%d", i);
        snprintf(starts[i], sizeof starts[i], "%02d:00", 9 + i);
        many[i] = session(i % 16, titles[i], "2025-02-12", starts[i], NULL, NULL);
    }
    struct programme p = prog_of(many, 12);
    struct programme shown;
    order_build(&p, at("2025-02-12 08:00"), 5, &shown);
    assert_int_equal(shown.slides[0].page_count, 3);
    assert_int_equal(shown.slides[0].row_count, 5);
    assert_int_equal(shown.slides[2].row_count, 2);
    assert_int_equal(shown.slides[2].page, 3);
    programme_free(&shown);
}

static void a_session_over_midnight_runs_into_the_next_day(void **state)
{
    (void)state;
    zone_use("Asia/Dubai");
    struct slide s[1] = {session(0, "Night", "2025-02-12", "23:00", "01:00", NULL)};
    struct programme p = prog_of(s, 1);
    assert_shown(&p, at("2025-02-12 22:30"), "(Up next) Night[Next · in 30 min]");
    assert_shown(&p, at("2025-02-12 23:59"), "(Up next) Night[Now · ends 01:00]");
    assert_shown(&p, at("2025-02-13 00:30"), "(Up next) Night[Now · ends 01:00]");
    assert_shown(&p, at("2025-02-13 01:00"), "(The event has ended)");
}

static void time_windows_show_slides_only_between(void **state)
{
    (void)state;
    zone_use("Asia/Dubai");
    struct slide s[2] = {
        {.kind = SLIDE_HEADLINE, .source = (char *)"m.yaml", .title = (char *)"Good morning"},
        {.kind = SLIDE_HEADLINE, .source = (char *)"a.yaml", .title = (char *)"Always"},
    };
    s[0].show_from.set = civil_parse_datetime("2025-02-12 07:00", &s[0].show_from.local);
    s[0].show_until.set = civil_parse_datetime("2025-02-12 12:00", &s[0].show_until.local);
    struct programme p = prog_of(s, 2);
    assert_shown(&p, at("2025-02-12 06:59"), "Always");
    assert_shown(&p, at("2025-02-12 07:00"), "Good morning Always");
    assert_shown(&p, at("2025-02-12 11:59"), "Good morning Always");
    assert_shown(&p, at("2025-02-12 12:00"), "Always");
}

static void the_machine_zone_does_not_matter(void **state)
{
    (void)state;
    const char *machine_zones[] = {"UTC", "America/New_York", "Asia/Tokyo"};
    /* 06:18 UTC is 10:18 in Dubai */
    int64_t instant = civil_days(2025, 2, 12) * SECONDS_PER_DAY + 6 * 3600 + 18 * 60;
    for (size_t i = 0; i < 3; i++) {
        setenv("TZ", machine_zones[i], 1);
        zone_use("Asia/Dubai");
        assert_int_equal(zone_local(instant) % SECONDS_PER_DAY, 10 * 3600 + 18 * 60);
        struct programme p = one_day();
        assert_shown(&p, instant,
                     "(Up next) Welcome B[Now · ends 11:00] C[Next · in 12 min] "
                     "D[Next · at 14:00] Dated");
    }
}

static void daylight_saving_changes_are_counted_in_real_minutes(void **state)
{
    (void)state;
    /* Berlin, 30 March 2025: at 02:00 the clocks jump to 03:00 */
    zone_use("Europe/Berlin");
    struct slide s[1] = {session(0, "Late", "2025-03-30", "03:30", "04:00", NULL)};
    struct programme p = prog_of(s, 1);
    p.event.first_day.days = p.event.last_day.days = civil_days(2025, 3, 30);
    /* 01:50 CET to 03:30 CEST is 40 minutes, not 100 */
    assert_shown(&p, at("2025-03-30 01:50"), "(Up next) Late[Next · in 40 min]");
    assert_int_equal(at("2025-03-30 03:00") - at("2025-03-30 01:59"), 60);
    /* a time the change skips counts as an hour later */
    assert_int_equal(at("2025-03-30 02:30"), at("2025-03-30 03:30"));
    /* in autumn 02:30 happens twice; the session ends at the first */
    zone_use("Europe/Berlin");
    struct slide f[1] = {session(0, "Autumn", "2025-10-26", "01:00", "02:30", NULL)};
    struct programme q = prog_of(f, 1);
    q.event.first_day.days = q.event.last_day.days = civil_days(2025, 10, 26);
    assert_shown(&q, at("2025-10-26 01:59"), "(Up next) Autumn[Now · ends 02:30]");
}

static void a_wrong_clock_plays_everything_without_marks(void **state)
{
    (void)state;
    zone_use("Asia/Dubai");
    struct programme p = one_day();
    assert_true(order_clock_is_wrong(1000));
    assert_false(order_clock_is_wrong(at("2025-02-12 10:00")));
    assert_shown(&p, 1000, "Welcome A B C D E Dated");
}

static void the_signature_changes_only_with_what_is_shown(void **state)
{
    (void)state;
    zone_use("Asia/Dubai");
    struct programme p = one_day();
    struct programme a, b;
    uint64_t s1 = order_build(&p, at("2025-02-12 10:18"), 5, &a);
    uint64_t s2 = order_build(&p, at("2025-02-12 10:18") + 20, 5, &b);
    assert_true(s1 == s2);
    programme_free(&b);
    uint64_t s3 = order_build(&p, at("2025-02-12 10:19"), 5, &b);
    assert_true(s1 != s3); /* "in 12 min" became "in 11 min" */
    programme_free(&a);
    programme_free(&b);
}

static void assert_room_shown(const struct programme *prog, const char *room, int64_t now,
                              const char *want)
{
    struct programme shown;
    const struct order_view view = {.overview_rows = 5, .room = room};
    order_build_view(prog, now, &view, &shown);
    char got[1024];
    describe(&shown, got, sizeof got);
    assert_string_equal(got, want);
    programme_free(&shown);
}

/* Beside a door, "Hall A" is that room, not "HALL A!" next to it; a name
 * that could be either is an error of --check naming both. */
static void a_door_sign_shows_its_own_room_only(void **state)
{
    (void)state;
    zone_use("Europe/Berlin");
    struct slide s[] = {session(1, "Ours", "2025-02-12", "10:00", "11:00", "Hall A"),
                        session(2, "Theirs", "2025-02-12", "10:00", "11:00", "HALL A!")};
    struct programme p = prog_of(s, 2);
    assert_room_shown(&p, "Hall A", at("2025-02-12 10:30"),
                      "(Up next) Ours[Now \u00b7 ends 11:00]");
    assert_room_shown(&p, "HALL A!", at("2025-02-12 10:30"),
                      "(Up next) Theirs[Now \u00b7 ends 11:00]");
    struct diag_list diags = {0};
    order_check_room(&p, "--room", "Hall A", &diags);
    assert_int_equal(diags.count, 0);
    order_check_room(&p, "--room", "hall-a", &diags);
    assert_int_equal(diags.count, 1);
    assert_non_null(strstr(diags.items[0].message, "'Hall A' or 'HALL A!'"));
    diag_list_clear(&diags);
    const char *second;
    assert_string_equal(order_find_room(&p, "hall a", &second), "Hall A");
    assert_string_equal(second, "HALL A!");
}

/* A room whose talks are over, cancelled or moved says so with its name,
 * never the set-up screen's "No slides to show yet". */
static void a_free_room_says_so_with_its_name(void **state)
{
    (void)state;
    zone_use("Europe/Berlin");
    struct slide s[] = {session(1, "Early", "2025-02-12", "09:00", "10:00", "Saal 1"),
                        session(2, "Elsewhere", "2025-02-12", "15:00", "16:00", "Saal 2")};
    struct programme p = prog_of(s, 2);
    assert_room_shown(&p, "Saal 1", at("2025-02-12 12:00"), "(Nothing more in this room today)");
    struct programme shown;
    const struct order_view view = {.overview_rows = 5, .room = "Saal 3"};
    order_build_view(&p, at("2025-02-12 12:00"), &view, &shown);
    assert_int_equal(shown.slide_count, 1);
    assert_string_equal(shown.slides[0].label, "Saal 3");
    programme_free(&shown);
}

/* A talk of a schedule export. */
static struct slide talk(int i, const char *title, const char *date, const char *start,
                         const char *end, const char *room)
{
    struct slide s = session(i, title, date, start, end, room);
    s.scheduled = true;
    return s;
}

/* The board's rows and the "Up next" list's, one room or talk each:
 * "Saal 1: Now-title | Next-title", a door sign's later talks as "later:
 * Title", and "Up next: 09:30 Keynote (Hall A)". */
static void describe_boards(const struct programme *shown, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t i = 0; i < shown->slide_count; i++) {
        const struct slide *s = &shown->slides[i];
        for (size_t r = 0; r < s->row_count; r++) {
            const struct overview_row *row = &s->rows[r];
            size_t used = strlen(buf);
            if (s->kind == SLIDE_BOARD && row->mark == MARK_LATER) /* a door sign's rest of day */
                snprintf(buf + used, size - used, "%slater: %s", used ? "; " : "", row->title);
            else if (s->kind == SLIDE_BOARD)
                snprintf(buf + used, size - used, "%s%s: %s | %s", used ? "; " : "", row->room,
                         row->title ? row->title : "-", row->next_title ? row->next_title : "-");
            else
                snprintf(buf + used, size - used, "%s%s: %s %s (%s)", used ? "; " : "", s->title,
                         row->when, row->title, row->room ? row->room : "-");
        }
    }
}

static void assert_boards(const struct programme *prog, const char *room, int64_t now,
                          const char *want)
{
    struct programme shown;
    const struct order_view view = {.overview_rows = 5, .room = room};
    order_build_view(prog, now, &view, &shown);
    char got[2048];
    describe_boards(&shown, got, sizeof got);
    assert_string_equal(got, want);
    programme_free(&shown);
}

/* Beside an export, a hand-made keynote with a room is that room's next
 * on the board, and "Up next" lists it with the export's talks by time
 * (it said the hall's next talk was at 11:45, with the keynote at 09:30). */
static void hand_made_sessions_join_the_exports_board(void **state)
{
    (void)state;
    zone_use("Asia/Dubai");
    struct slide s[] = {talk(1, "Opening words", "2025-02-12", "08:30", "09:15", "Hall B"),
                        talk(2, "Late talk", "2025-02-12", "11:45", "12:30", "Hall A"),
                        talk(3, "Workshop", "2025-02-12", "10:00", "11:00", "Hall B"),
                        session(4, "Keynote", "2025-02-12", "09:30", "10:30", "Hall A"),
                        session(5, "Press point", "2025-02-12", "10:15", "10:30", "Foyer")};
    struct programme p = prog_of(s, 5);
    assert_boards(&p, NULL, at("2025-02-12 09:00"),
                  "Hall B: Opening words | Workshop; Hall A: - | Keynote; "
                  "Foyer: - | Press point; "
                  "Up next: 09:30\u201310:30 Keynote (Hall A); "
                  "Up next: 10:00\u201311:00 Workshop (Hall B); "
                  "Up next: 10:15\u201310:30 Press point (Foyer); "
                  "Up next: 11:45\u201312:30 Late talk (Hall A)");
    /* the keynote runs: the board says so, and the hall's next is after it */
    assert_boards(&p, NULL, at("2025-02-12 09:45"),
                  "Hall B: - | Workshop; Hall A: Keynote | Late talk; "
                  "Foyer: - | Press point; "
                  "Up next: 10:00\u201311:00 Workshop (Hall B); "
                  "Up next: 10:15\u201310:30 Press point (Foyer); "
                  "Up next: 11:45\u201312:30 Late talk (Hall A)");
    /* the hall's door sign has both */
    assert_boards(&p, "Hall A", at("2025-02-12 09:00"),
                  "Hall A: - | Keynote; later: Late talk; "
                  "Up next: 09:30\u201310:30 Keynote (Hall A); "
                  "Up next: 11:45\u201312:30 Late talk (Hall A)");
    /* no hand-made session left to come: the board alone, as before */
    assert_boards(&p, NULL, at("2025-02-12 10:40"), "Hall B: Workshop | -; Hall A: - | Late talk");
}

/* A two-day event at 18:00 on its first day, the second day's programme
 * not in yet: not "the event has ended", but when it resumes; ended only
 * after the last day, last_day: or the export's. */
static void between_two_days_the_programme_resumes(void **state)
{
    (void)state;
    zone_use("Asia/Almaty");
    struct slide s[] = {session(1, "Day one", "2025-02-12", "09:00", "17:00", "Hall 1")};
    struct programme p = prog_of(s, 1); /* 12 and 13 February */
    assert_shown(&p, at("2025-02-12 18:00"), "(That was today's programme)");
    struct programme shown;
    order_build(&p, at("2025-02-12 18:00"), 5, &shown);
    assert_string_equal(shown.slides[0].body, "The programme resumes tomorrow");
    programme_free(&shown);
    char *russian[] = {(char *)"ru"};
    p.event.languages = russian;
    p.event.language_count = 1;
    order_build(&p, at("2025-02-12 18:00"), 5, &shown);
    assert_string_equal(shown.slides[0].body, "Программа продолжится завтра");
    programme_free(&shown);
    p.event.language_count = 0;
    assert_shown(&p, at("2025-02-13 18:00"), "(The event has ended)");
    assert_shown(&p, at("2025-02-14 09:00"), "(The event has ended)");
    /* before the first day: when it starts */
    assert_shown(&p, at("2025-02-11 12:00"), "(Coming soon)");
    order_build(&p, at("2025-02-11 12:00"), 5, &shown);
    assert_string_equal(shown.slides[0].body,
                        "The programme starts Wednesday 12 February 2025 at 09:00");
    programme_free(&shown);
    /* before it, with only a daily session over: the day it starts */
    struct slide daily = session(2, "Daily", NULL, "09:00", "10:00", NULL);
    p.slides = &daily;
    order_build(&p, at("2025-02-11 12:00"), 5, &shown);
    assert_string_equal(shown.slides[0].title, "Coming soon");
    assert_string_equal(shown.slides[0].body, "The programme starts on Wednesday 12 February 2025");
    programme_free(&shown);
    p.slides = s;
    /* no last_day: the export's last day says it */
    struct slide t[] = {talk(1, "Day one", "2025-02-12", "09:00", "17:00", "Hall 1"),
                        talk(2, "Day three", "2025-02-14", "09:00", "17:00", "Hall 1")};
    struct programme q = {.slides = t, .slide_count = 2};
    q.event.name = (char *)"Forum";
    assert_shown(&q, at("2025-02-12 18:00"),
                 "(That was today's programme)"); /* and it resumes on the 14th */
    order_build(&q, at("2025-02-13 12:00"), 5, &shown);
    assert_string_equal(shown.slides[0].title, "That was today's programme");
    assert_non_null(strstr(shown.slides[0].body, "14 February"));
    programme_free(&shown);
    assert_shown(&q, at("2025-02-14 18:00"), "(The event has ended)");
}

/* rooms: in event.yaml: the board shows those rooms, in that order, by
 * their display names; the others keep their door signs, found by either
 * name, and their talks stay off the main screens. */
static void the_events_rooms_choose_and_order_the_board(void **state)
{
    (void)state;
    zone_use("Europe/Berlin");
    struct slide s[] = {talk(1, "Estonia", "2025-12-28", "14:00", "15:00", "Saal 1"),
                        talk(2, "Assembly chat", "2025-12-28", "14:00", "15:00", "Assembly 7"),
                        talk(3, "Rockets", "2025-12-28", "14:30", "15:30", "Saal G"),
                        talk(4, "Later in 1", "2025-12-28", "16:00", "17:00", "Saal 1")};
    struct programme p = prog_of(s, 4);
    char *info[] = {(char *)"Ground floor, left", (char *)"Translation: channel 2"};
    struct room_entry rooms[] = {
        {.name = (char *)"Saal G", .display = (char *)"Hall G", .line = 3},
        {.name = (char *)"saal 1",
         .info = info,
         .info_count = 2,
         .stream = (char *)"https://streaming.media.ccc.de/31c3/saal1/",
         .line = 4},
        {.name = (char *)"Saal 6", .line = 9},
    };
    p.event.rooms = rooms;
    p.event.room_count = 3;
    /* without rooms: every room, in the export's order */
    p.event.room_count = 0;
    assert_boards(&p, NULL, at("2025-12-28 14:10"),
                  "Saal 1: Estonia | Later in 1; Assembly 7: Assembly chat | -; "
                  "Saal G: - | Rockets");
    p.event.room_count = 3;
    assert_boards(&p, NULL, at("2025-12-28 14:10"),
                  "Hall G: - | Rockets; Saal 1: Estonia | Later in 1");
    /* the assembly's talk has no slide of its own on the main screens */
    assert_shown(&p, at("2025-12-28 14:10"),
                 "[Now and next] Estonia[Now \u00b7 ends 15:00] Rockets[Next \u00b7 in 20 min]");
    /* its door sign stays, by its name; Saal G's by its display name */
    assert_boards(&p, "Assembly 7", at("2025-12-28 14:10"),
                  "Assembly 7: Assembly chat | -; "
                  "Up next: 14:00\u201315:00 Assembly chat (Assembly 7)");
    assert_boards(&p, "Hall G", at("2025-12-28 14:10"),
                  "Hall G: - | Rockets; Up next: 14:30\u201315:30 Rockets (Hall G)");
    const char *second;
    assert_string_equal(order_find_room(&p, "hall g", &second), "Saal G");
    /* Saal 1's door sign: its info lines and its stream as a QR code */
    struct programme shown;
    const struct order_view view = {.overview_rows = 5, .room = "Saal 1"};
    order_build_view(&p, at("2025-12-28 14:10"), &view, &shown);
    assert_int_equal(shown.slides[0].kind, SLIDE_BOARD);
    assert_string_equal(shown.slides[0].subtitle, "Ground floor, left\nTranslation: channel 2");
    assert_string_equal(shown.slides[0].qr, "https://streaming.media.ccc.de/31c3/saal1/");
    assert_string_equal(shown.slides[0].qr_caption, "streaming.media.ccc.de/31c3/saal1");
    programme_free(&shown);
    /* --check: a room listed that the programme does not have */
    struct diag_list diags = {0};
    p.content_dir = (char *)"/show";
    rooms_check(&p, &diags);
    assert_int_equal(diags.count, 1);
    assert_string_equal(diags.items[0].path, "/show/event.yaml");
    assert_int_equal(diags.items[0].line, 9);
    assert_non_null(strstr(diags.items[0].message, "'Saal 6' is no room of the programme"));
    diag_list_clear(&diags);
    /* one room listed twice, written another way: on the board once, and
     * --check says where */
    struct room_entry twice[] = {rooms[0], rooms[1], {.name = (char *)"SAAL-1", .line = 10}};
    p.event.rooms = twice;
    assert_boards(&p, NULL, at("2025-12-28 14:10"),
                  "Hall G: - | Rockets; Saal 1: Estonia | Later in 1");
    rooms_check(&p, &diags);
    assert_int_equal(diags.count, 1);
    assert_int_equal(diags.items[0].line, 10);
    assert_non_null(strstr(diags.items[0].message, "'SAAL-1' is 'saal 1' again (line 4)"));
    diag_list_clear(&diags);
    /* a display: name that is another room's name */
    twice[0].display = (char *)"Saal 1";
    p.event.room_count = 2;
    rooms_check(&p, &diags);
    assert_int_equal(diags.count, 1);
    assert_int_equal(diags.items[0].line, 3);
    assert_non_null(strstr(diags.items[0].message, "'Saal G' is shown as 'Saal 1', the name of "
                                                   "another room"));
    diag_list_clear(&diags);
}

int main(void)
{
    translate_init(LOCALE_DIR);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(marks_follow_the_clock_through_a_day),
        cmocka_unit_test(marks_and_headings_speak_the_events_language),
        cmocka_unit_test(overviews_say_when_and_list_by_time_and_room),
        cmocka_unit_test(long_days_take_several_overview_pages),
        cmocka_unit_test(a_session_over_midnight_runs_into_the_next_day),
        cmocka_unit_test(time_windows_show_slides_only_between),
        cmocka_unit_test(the_machine_zone_does_not_matter),
        cmocka_unit_test(daylight_saving_changes_are_counted_in_real_minutes),
        cmocka_unit_test(a_wrong_clock_plays_everything_without_marks),
        cmocka_unit_test(the_signature_changes_only_with_what_is_shown),
        cmocka_unit_test(a_door_sign_shows_its_own_room_only),
        cmocka_unit_test(a_free_room_says_so_with_its_name),
        cmocka_unit_test(hand_made_sessions_join_the_exports_board),
        cmocka_unit_test(between_two_days_the_programme_resumes),
        cmocka_unit_test(the_events_rooms_choose_and_order_the_board),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
