/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Schedule exports read into talks: a real frab-style export, each quirk in
 * a small file of its own, the three formats, and hostile files. Times are
 * checked as instants and as the event's wall clock. */
#include "../app/content/loader.h"
#include "../app/schedule/import.h"
#include "../app/schedule/talks.h"
#include "../app/show/running_order.h"
#include "../app/util/civil_time.h"
#include "../app/util/plain_text.h"
#include "../app/util/str.h"
#include "../app/util/zone.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCHEDULES FIXTURES_DIR "/schedules"

struct parsed {
    struct slide *slides;
    size_t count;
    struct diag_list diags;
};

static struct parsed parse_text(const char *path, const char *text, size_t size, const char *zone)
{
    struct parsed p = {0};
    p.count = schedule_import(path, &p.diags, text, size, zone, &p.slides);
    for (size_t i = 0; i < p.diags.count; i++) {
        char line[1200];
        diag_format(&p.diags.items[i], line, sizeof line);
        print_message("%s\n", line);
    }
    return p;
}

static struct parsed parse_file(const char *path, const char *zone)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char text[1 << 16];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    return parse_text(path, text, n, zone);
}

static void parsed_free(struct parsed *p)
{
    for (size_t i = 0; i < p->count; i++)
        slide_free(&p->slides[i]);
    free(p->slides);
    diag_list_clear(&p->diags);
}

static const struct slide *talk(const struct parsed *p, const char *title)
{
    for (size_t i = 0; i < p->count; i++)
        if (strcmp(p->slides[i].title, title) == 0)
            return &p->slides[i];
    fail_msg("no talk '%s'", title);
    return NULL;
}

/* The talk starts on date at HH:MM and ends at HH:MM, event time. */
static void assert_when(const struct slide *s, const char *date, const char *start, const char *end)
{
    int64_t day;
    int minutes;
    assert_true(civil_parse_date(date, &day));
    assert_true(s->scheduled && s->date.set && s->start.set && s->end.set);
    assert_int_equal(s->date.days, day);
    assert_true(civil_parse_clock(start, &minutes));
    assert_int_equal(s->start.minutes, minutes);
    assert_true(civil_parse_clock(end, &minutes));
    assert_int_equal(s->end.minutes, minutes);
}

/* The programme of the talks p, in zone, as it stands at local (seconds of
 * the zone's calendar); the caller frees shown and *theme. */
static void shown_at(const struct parsed *p, const char *zone, int64_t local, struct theme *theme,
                     struct programme *shown)
{
    zone_use(zone);
    struct programme prog = {.slides = p->slides, .slide_count = p->count};
    theme_init_defaults(&prog.theme);
    const struct order_view view = {.overview_rows = 5, .clock_given = true};
    order_build_view(&prog, zone_utc(local), &view, shown);
    *theme = prog.theme;
}

static bool has_problem(const struct parsed *p, int line, const char *text)
{
    for (size_t i = 0; i < p->diags.count; i++)
        if ((line < 0 || p->diags.items[i].line == line) && strstr(p->diags.items[i].message, text))
            return true;
    return false;
}

static void durations_in_every_form(void **state)
{
    (void)state;
    int m;
    assert_true(talks_duration("00:45", &m) && m == 45);
    assert_true(talks_duration("1:30", &m) && m == 90);
    assert_true(talks_duration("25:30", &m) && m == 25 * 60 + 30);
    assert_true(talks_duration("01:30:00", &m) && m == 90);
    assert_true(talks_duration("1:02:30", &m) && m == 26 * 60 + 30); /* D:HH:MM */
    assert_true(talks_duration("90", &m) && m == 90);
    assert_false(talks_duration("1:5", &m));
    assert_false(talks_duration("half an hour", &m));
    assert_false(talks_duration("00:00", &m));
    assert_false(talks_duration("", &m));
}

static void dates_with_and_without_offsets(void **state)
{
    (void)state;
    int64_t t, want = civil_days(2019, 12, 27) * SECONDS_PER_DAY + 10 * 3600;
    bool offset;
    assert_true(talks_datetime("2019-12-27T11:00:00+01:00", &t, &offset) && offset);
    assert_int_equal(t, want);
    assert_true(talks_datetime("2019-12-27T11:00+0100", &t, &offset) && offset);
    assert_int_equal(t, want);
    assert_true(talks_datetime("2019-12-27T10:00:00Z", &t, &offset) && offset);
    assert_int_equal(t, want);
    assert_true(talks_datetime("2019-12-27 10:00:00.000", &t, &offset) && !offset);
    assert_int_equal(t, want);
    assert_false(talks_datetime("2019-02-30T10:00:00Z", &t, &offset));
    assert_false(talks_datetime("27.12.2019 10:00", &t, &offset));
}

static void abstracts_become_plain_text(void **state)
{
    (void)state;
    char *text = plain_text_from_markup("<p>Hello &amp; <a href=\"x\">welcome</a></p>\r\n"
                                        "#### Heading\n**bold** and [a link](https://x.org)&#33;");
    assert_string_equal(text, "Hello & welcome\nHeading\nbold and a link!");
    free(text);
}

static void a_real_frab_style_export(void **state)
{
    (void)state;
    /* The Leipzig Semantic Web Day 2019: its dates say UTC but are local */
    struct parsed p = parse_file(SCHEDULES "/lswt2019/schedule.xml", "Europe/Berlin");
    assert_int_equal(p.count, 8); /* nine events; the hackathon has no duration */
    assert_true(has_problem(&p, 101, "event 300: duration '' is not a duration"));
    assert_true(has_problem(&p, 57, "the start (the date's offset looks mistaken) is used"));
    const struct slide *x = talk(&p, "xCOR - a Value Chain Framework Ontology");
    assert_when(x, "2019-05-22", "14:15", "14:35");
    assert_string_equal(x->room, "Main Track");
    assert_string_equal(x->label, "Linked Data in Enterprise Use-Cases");
    assert_int_equal(x->speaker_count, 0); /* <person> outside <persons> */
    const struct slide *jekyll = talk(&p, "Jekyll RDF Benutzung");
    assert_when(jekyll, "2019-05-22", "16:00", "16:45");
    assert_non_null(strstr(jekyll->description, "Was lernt Ihr im Tutorial"));
    assert_null(strstr(jekyll->description, "<h4"));
    assert_non_null(strstr(jekyll->description, "ruby >= 2.1"));
    /* At 14:20 in Leipzig: xCOR runs in the Main Track, LIMBO is next */
    struct theme theme;
    struct programme shown;
    shown_at(&p, "Europe/Berlin", civil_days(2019, 5, 22) * SECONDS_PER_DAY + (14 * 60 + 20) * 60,
             &theme, &shown);
    assert_int_equal(shown.slides[0].kind, SLIDE_BOARD);
    const struct overview_row *main_track = &shown.slides[0].rows[0];
    assert_string_equal(main_track->room, "Main Track");
    assert_string_equal(main_track->title, "xCOR - a Value Chain Framework Ontology");
    assert_string_equal(main_track->when, "Now \u00b7 15 min left \u00b7 until 14:35");
    assert_string_equal(main_track->next_title,
                        "Das LIMBO Projekt - Linked Data Enterprise Use-Cases unter Verwendung "
                        "der Daten des Bundes");
    assert_string_equal(main_track->next_when, "Next \u00b7 in 15 min \u00b7 14:35");
    assert_int_equal(shown.slides[0].row_count, 3); /* Main Track, Tutorials, Social Event */
    /* talks running or starting within the hour: xCOR and LIMBO only */
    size_t sessions = 0;
    for (size_t i = 0; i < shown.slide_count; i++)
        sessions += shown.slides[i].kind == SLIDE_SESSION;
    assert_int_equal(sessions, 2);
    programme_free(&shown);
    theme_free(&theme);
    parsed_free(&p);
}

static void frab_s_own_export_of_31c3(void **state)
{
    (void)state;
    struct parsed p = parse_file(SCHEDULES "/31c3/schedule.xml", "Europe/Berlin");
    assert_int_equal(p.count, 4);
    assert_int_equal(p.diags.count, 0);
    const struct slide *keynote = talk(&p, "31C3 Keynote");
    assert_when(keynote, "2014-12-27", "11:30", "12:30");
    assert_string_equal(keynote->speakers[0], "alecempire");
    assert_string_equal(talk(&p, "SCADA StrangeLove: Too Smart Grid in da Cloud")->label,
                        "Security & Hacking");
    /* at 12:00 in Hamburg, Saal 1: the keynote runs; maha's talk is next */
    struct theme theme;
    struct programme shown;
    shown_at(&p, "Europe/Berlin", civil_days(2014, 12, 27) * SECONDS_PER_DAY + 12 * 3600, &theme,
             &shown);
    const struct overview_row *saal = &shown.slides[0].rows[0];
    assert_string_equal(saal->room, "Saal 1");
    assert_string_equal(saal->title, "31C3 Keynote");
    assert_string_equal(saal->next_title,
                        "\u201eWir beteiligen uns aktiv an den Diskussionen\u201c");
    programme_free(&shown);
    theme_free(&theme);
    parsed_free(&p);
}

/* The door sign of room at local (event time) in zone, its QR code as
 * talk_qr says; the caller frees shown. */
static const struct slide *door_at(const struct parsed *p, const char *zone, const char *room,
                                   int64_t local, enum talk_qr talk_qr, struct programme *shown)
{
    zone_use(zone);
    struct programme prog = {.slides = p->slides, .slide_count = p->count};
    theme_init_defaults(&prog.theme);
    prog.event.talk_qr = talk_qr;
    const struct order_view view = {.overview_rows = 5, .room = room, .clock_given = true};
    order_build_view(&prog, zone_utc(local), &view, shown);
    theme_free(&prog.theme);
    for (size_t i = 0; i < shown->slide_count; i++)
        if (shown->slides[i].kind == SLIDE_BOARD)
            return &shown->slides[i];
    fail_msg("no door sign for %s", room);
    return NULL;
}

static void talk_pages_feedback_and_recording_from_exports(void **state)
{
    (void)state;
    /* frab XML: <url>, <feedback_url>, <recording><optout> */
    struct parsed x = parse_file(SCHEDULES "/long-titles/schedule.xml", "Europe/Berlin");
    const struct slide *first = &x.slides[0];
    assert_string_equal(first->url, "https://example.org/lt25/talk/1/");
    assert_string_equal(first->feedback_url, "https://example.org/lt25/talk/1/feedback/");
    assert_true(first->not_recorded);
    assert_false(x.slides[1].not_recorded);
    assert_null(x.slides[1].url);
    int64_t ten_twenty = civil_days(2025, 3, 10) * SECONDS_PER_DAY + (10 * 60 + 20) * 60;
    struct programme shown;
    const struct slide *door =
        door_at(&x, "Europe/Berlin", "Hall A", ten_twenty, TALK_QR_URL, &shown);
    assert_string_equal(door->room, "Hall A");
    assert_string_equal(door->qr, "https://example.org/lt25/talk/1/");
    assert_string_equal(door->qr_caption, "About this talk");
    const struct overview_row *now = &door->rows[0];
    assert_true(now->not_recorded);
    assert_string_equal(now->span, "10:00\u201311:00");
    assert_string_equal(now->left, "40 min left");
    assert_string_equal(now->speakers, "Ada Example, Grace Sample, Linus Placeholder");
    assert_string_equal(now->when_shortest, "until 11:00");
    assert_string_equal(now->next_speakers, "Ada Example");
    assert_int_equal(door->row_count, 3); /* then the rest of the day: 12:00 and 13:00 */
    assert_string_equal(door->rows[1].when, "12:00");
    assert_string_equal(door->rows[2].title, "Lunch");
    programme_free(&shown);
    door = door_at(&x, "Europe/Berlin", "Hall A", ten_twenty, TALK_QR_FEEDBACK, &shown);
    assert_string_equal(door->qr, "https://example.org/lt25/talk/1/feedback/");
    assert_string_equal(door->qr_caption, "Feedback on this talk");
    programme_free(&shown);
    door = door_at(&x, "Europe/Berlin", "Hall A", ten_twenty, TALK_QR_NONE, &shown);
    assert_null(door->qr);
    programme_free(&shown);
    /* a room with nothing now says until when it is free */
    door = door_at(&x, "Europe/Berlin", "Workshop Room with a Long Name", ten_twenty, TALK_QR_URL,
                   &shown);
    assert_null(door->rows[0].title);
    assert_string_equal(door->rows[0].when, "Free until 16:00");
    assert_null(door->qr);
    programme_free(&shown);
    parsed_free(&x);
    /* pretalx's frab JSON: url and do_not_record (its demo event) */
    struct parsed j = parse_file(SCHEDULES "/democon2020/schedule.json", "UTC");
    const struct slide *loyalty = talk(&j, "Monitored 24hour customer loyalty");
    assert_true(loyalty->not_recorded);
    assert_string_equal(loyalty->url, "http://localhost/democon/talk/WE88DZ/");
    assert_false(talk(&j, "Managed stable function")->not_recorded);
    parsed_free(&j);
    /* 31C3's export says <optout>false</optout> */
    struct parsed c = parse_file(SCHEDULES "/31c3/schedule.xml", "Europe/Berlin");
    for (size_t i = 0; i < c.count; i++)
        assert_false(c.slides[i].not_recorded);
    parsed_free(&c);
}

static void fosdem_s_pentabarf_export(void **state)
{
    (void)state;
    struct parsed p = parse_file(SCHEDULES "/fosdem2023/schedule.xml", "Europe/Brussels");
    assert_int_equal(p.count, 2);
    assert_int_equal(p.diags.count, 0);
    const struct slide *welcome = talk(&p, "Welcome to FOSDEM 2023");
    assert_when(welcome, "2023-02-04", "09:30", "09:55");
    assert_string_equal(welcome->room, "Janson");
    assert_string_equal(welcome->description, "FOSDEM welcome and opening talk.");
    assert_int_equal(welcome->speaker_count, 2);
    assert_null(welcome->language); /* <language/> */
    assert_when(talk(&p, "Celebrating 25 years of Open Source"), "2023-02-04", "10:00", "10:50");
    parsed_free(&p);
}

static void frab_offsets_and_nights(void **state)
{
    (void)state;
    struct parsed p = parse_file(SCHEDULES "/quirks/frab.xml", "Asia/Dubai");
    assert_int_equal(p.count, 6);
    assert_true(has_problem(&p, -1,
                            "event 7: its date 2019-12-29T12:00:00+01:00 is not on the "
                            "day it is listed under (Friday 27 December 2019)"));
    assert_when(talk(&p, "A date on another day than its own"), "2019-12-29", "15:00", "15:30");
    /* read in the export's zone (Berlin), shown in the event's (Dubai, +3h) */
    assert_when(talk(&p, "Opening with an offset"), "2019-12-27", "14:00", "14:40");
    assert_when(talk(&p, "Late talk, no date"), "2019-12-28", "02:30", "03:30");
    assert_when(talk(&p, "After midnight, listed under the day before"), "2019-12-28", "04:30",
                "06:00");
    assert_when(talk(&p, "UTC date agreeing with its start"), "2019-12-27", "14:00", "15:30");
    /* date and start disagree, and the date is no mislabelled start: date */
    assert_when(talk(&p, "A date and start that disagree"), "2019-12-27", "17:00", "17:45");
    assert_true(has_problem(&p, -1,
                            "event 5: its date 2019-12-27T14:00:00+01:00 is 14:00 here, "
                            "but its start says 15:00; the date is used"));
    assert_true(has_problem(&p, -1, "event 6: duration 'half an hour' is not a duration"));
    const struct slide *opening = talk(&p, "Opening with an offset");
    assert_int_equal(opening->speaker_count, 2);
    assert_string_equal(opening->speakers[1], "Bob");
    assert_string_equal(opening->language, "en");
    assert_string_equal(opening->description, "Welcome & hello to our site \u2013 enjoy.");
    parsed_free(&p);
}

static void pentabarf_without_room_wrappers(void **state)
{
    (void)state;
    /* no time_zone_name: read in the event's zone */
    struct parsed p = parse_file(SCHEDULES "/quirks/pentabarf.xml", "Europe/Berlin");
    assert_int_equal(p.count, 2);
    const struct slide *evening = talk(&p, "Evening in Saal 1");
    assert_when(evening, "2010-12-27", "20:00", "21:00");
    assert_string_equal(evening->room, "Saal 1");
    assert_string_equal(evening->speakers[0], "Carol");
    /* before the day change (09:00): the next calendar date; 25:30 long,
     * so it ends the night after */
    const struct slide *small = talk(&p, "Small hours, past the day change");
    assert_when(small, "2010-12-28", "02:00", "03:30");
    assert_true(small->runs.set);
    assert_int_equal(small->runs.end - small->runs.start, (25 * 60 + 30) * 60);
    parsed_free(&p);
}

static void frab_json_with_paths_in_problems(void **state)
{
    (void)state;
    struct parsed p = parse_file(SCHEDULES "/quirks/frab.json", "Europe/Berlin");
    assert_int_equal(p.count, 3);
    const struct slide *opening = talk(&p, "Opening");
    assert_when(opening, "2026-07-01", "10:00", "10:30");
    assert_string_equal(opening->speakers[0], "Dana");
    assert_string_equal(opening->speakers[1], "Eve");
    assert_int_equal(opening->track_colour.r, 0xc0);
    assert_int_equal(opening->track_colour.a, 0xff);
    assert_string_equal(opening->description, "Why\nBecause.");
    assert_when(talk(&p, "Night owl session"), "2026-07-02", "01:00", "02:00");
    assert_string_equal(talk(&p, "Second room")->room, "Hall B");
    assert_true(has_problem(&p, 0, "days[0].rooms[\"Hall A\"][2].duration: 'soon' is not"));
    parsed_free(&p);
}

static void spreadsheets_saved_as_csv(void **state)
{
    (void)state;
    struct parsed p = parse_file(SCHEDULES "/quirks/comma.csv", "Asia/Dubai");
    assert_int_equal(p.count, 2);
    const struct slide *opening = talk(&p, "Opening, with a comma");
    assert_when(opening, "2025-02-12", "10:00", "11:30");
    assert_int_equal(opening->speaker_count, 2);
    assert_string_equal(opening->speakers[1], "Bo Two");
    assert_string_equal(opening->label, "Plenary");
    assert_when(talk(&p, "Over midnight"), "2025-02-12", "23:30", "00:30");
    assert_true(has_problem(&p, 3, "needs an end (11:30) or a duration"));
    assert_true(has_problem(&p, 5, "start: '12:00' is not a time") ||
                has_problem(&p, 5, "needs an end"));
    parsed_free(&p);
    p = parse_file(SCHEDULES "/quirks/semicolon.csv", "Asia/Almaty");
    assert_int_equal(p.count, 1);
    const struct slide *quoted = talk(&p, "Quoted; with a semicolon");
    assert_when(quoted, "2025-02-12", "14:00", "15:30");
    assert_string_equal(quoted->language, "kk");
    assert_true(has_problem(&p, 3, "start: '' is not a time"));
    parsed_free(&p);
}

static void a_daylight_saving_night_and_the_machine_elsewhere(void **state)
{
    (void)state;
    /* the machine in New York; the event in Berlin, the night clocks go
     * forward (02:00 becomes 03:00) */
    setenv("TZ", "America/New_York", 1);
    const char *csv = "date,start,duration,room,title\n"
                      "2025-03-30,01:30,120,Hall,Across the change\n"
                      "2025-03-30,02:30,30,Hall,In the hour that is skipped\n";
    struct parsed p = parse_text("schedule.csv", csv, strlen(csv), "Europe/Berlin");
    assert_int_equal(p.count, 2);
    /* two hours of real time: 01:30 to 04:30 on the clock */
    assert_when(talk(&p, "Across the change"), "2025-03-30", "01:30", "04:30");
    /* a time that does not exist counts as an hour later */
    assert_when(talk(&p, "In the hour that is skipped"), "2025-03-30", "03:30", "04:00");
    parsed_free(&p);
    /* a JSON export in UTC offsets, the event in Dubai */
    const char *json =
        "{\"schedule\": {\"conference\": {\"days\": [{\"date\": "
        "\"2025-02-12\", \"rooms\": {\"A\": [{\"title\": \"T\", \"date\": "
        "\"2025-02-12T06:00:00Z\", \"start\": \"10:00\", \"duration\": \"1:00\"}]}}]}}}";
    p = parse_text("schedule.json", json, strlen(json), "Asia/Dubai");
    assert_when(talk(&p, "T"), "2025-02-12", "10:00", "11:00");
    parsed_free(&p);
    unsetenv("TZ");
}

/* A congress's first talk before its first day's start: the warning names
 * the day the talk is listed under. */
static void a_talk_before_its_day_starts(void **state)
{
    (void)state;
    const char *json =
        "{\"schedule\": {\"conference\": {\"days\": [{\"date\": \"2025-12-27\", "
        "\"day_start\": \"2025-12-27T11:00:00+01:00\", \"rooms\": {\"A\": [{\"title\": "
        "\"Early\", \"date\": \"2025-12-27T10:30:00+01:00\", \"start\": \"10:30\", "
        "\"duration\": \"0:30\"}]}}]}}}";
    struct parsed p = parse_text("schedule.json", json, strlen(json), "Europe/Berlin");
    assert_when(talk(&p, "Early"), "2025-12-27", "10:30", "11:00");
    assert_true(has_problem(&p, 0, "(Saturday 27 December 2025)"));
    assert_false(has_problem(&p, 0, "Sunday"));
    parsed_free(&p);
}

/* A JSON talk whose start is no time is reported and left out, not put
 * at midnight. */
static void a_json_talk_with_an_impossible_start(void **state)
{
    (void)state;
    const char *json =
        "{\"schedule\": {\"conference\": {\"days\": [{\"date\": \"2026-07-01\", "
        "\"rooms\": {\"A\": [{\"title\": \"Good\", \"date\": \"2026-07-01\", \"start\": "
        "\"10:00\", \"duration\": \"1:00\"}, {\"title\": \"Bad\", \"date\": \"2026-07-01\", "
        "\"start\": \"25:61\", \"duration\": \"1:00\"}]}}]}}}";
    struct parsed p = parse_text("schedule.json", json, strlen(json), "Europe/Berlin");
    assert_int_equal(p.count, 1);
    assert_when(talk(&p, "Good"), "2026-07-01", "10:00", "11:00");
    assert_true(has_problem(&p, 0, "days[0].rooms[\"A\"][1].start: '25:61' is not a time"));
    parsed_free(&p);
}

/* An XML talk whose start is no time of day is reported with its line and
 * left out; a talk at midnight is kept. */
static void an_xml_talk_with_an_impossible_start(void **state)
{
    (void)state;
    const char *xml = "<schedule><conference><title>T</title></conference>\n"
                      "<day index=\"1\" date=\"2026-07-01\"><room name=\"A\">\n"
                      "<event id=\"1\"><date>2026-07-01</date><start>25:61</start>"
                      "<duration>1:00</duration><title>Bad</title></event>\n"
                      "<event id=\"2\"><start>00:00</start><duration>0:30</duration>"
                      "<title>Midnight</title></event>\n"
                      "</room></day></schedule>\n";
    struct parsed p = parse_text("schedule.xml", xml, strlen(xml), "Europe/Berlin");
    assert_int_equal(p.count, 1);
    assert_when(talk(&p, "Midnight"), "2026-07-01", "00:00", "00:30");
    assert_true(has_problem(&p, 3, "event 1: start '25:61' is not a time of day"));
    parsed_free(&p);
}

/* Times of day as exports write them, and what is none. */
static void clock_times(void **state)
{
    (void)state;
    int m;
    assert_true(talks_clock("00:00", &m) && m == 0);
    assert_true(talks_clock("9:05", &m) && m == 9 * 60 + 5);
    assert_true(talks_clock("23:59:59", &m) && m == 23 * 60 + 59);
    assert_true(talks_clock(" 10:30 ", &m) && m == 10 * 60 + 30);
    assert_false(talks_clock("24:00", &m));
    assert_false(talks_clock("25:61", &m));
    assert_false(talks_clock("10", &m));
    assert_false(talks_clock("10:5", &m));
    assert_false(talks_clock("+1:00", &m));
    assert_false(talks_clock("10:00:6", &m));
    assert_false(talks_clock("", &m));
}

/* CSV rows' problems name the field that is wrong; a file without an end
 * or duration column gives its talks the default length. */
static void csv_problems_name_the_field(void **state)
{
    (void)state;
    const char *csv = "date,start,duration,title\n"
                      "2019-02-29,10:00,60,Leap\n"
                      "20/05/2026,10:00,60,Day first\n"
                      "2026-05-20,10:00,-30,Backwards\n"
                      "2026-05-20,11:00,60,Fine\n";
    struct parsed p = parse_text("schedule.csv", csv, strlen(csv), "Europe/Berlin");
    assert_int_equal(p.count, 1);
    assert_true(has_problem(&p, 2, "date: '2019-02-29' is not a date: write YYYY-MM-DD"));
    assert_true(has_problem(&p, 3, "date: '20/05/2026' is not a date: write 2026-05-20"));
    assert_true(has_problem(&p, 4, "duration: '-30' is negative"));
    assert_false(has_problem(&p, -1, "start: '10:00'"));
    parsed_free(&p);
    csv = "title,start\nKeynote,2026-05-20 10:00\n";
    p = parse_text("schedule.csv", csv, strlen(csv), "Europe/Berlin");
    assert_int_equal(p.count, 1);
    assert_when(talk(&p, "Keynote"), "2026-05-20", "10:00", "11:00");
    parsed_free(&p);
}

/* The talk titled title is on the shown programme, marked now. */
static void assert_running(const struct programme *shown, const char *title)
{
    for (size_t i = 0; i < shown->slide_count; i++)
        if (shown->slides[i].title && strcmp(shown->slides[i].title, title) == 0) {
            assert_int_equal(shown->slides[i].mark, MARK_NOW);
            return;
        }
    fail_msg("'%s' is not shown", title);
}

/* Talks of a day or more stay on the board while they run. */
static void a_hackathon_of_a_day_or_two(void **state)
{
    (void)state;
    const char *csv = "date,start,duration,room,title\n"
                      "2026-05-20,10:00,24:00,Lab,Day long\n"
                      "2026-05-20,10:00,48:00,Hall,Two days\n";
    struct parsed p = parse_text("schedule.csv", csv, strlen(csv), "Europe/Berlin");
    assert_int_equal(p.count, 2);
    assert_when(talk(&p, "Day long"), "2026-05-20", "10:00", "10:00");
    struct theme theme;
    struct programme shown;
    int64_t day = civil_days(2026, 5, 20) * SECONDS_PER_DAY;
    shown_at(&p, "Europe/Berlin", day + 15 * 3600, &theme, &shown);
    assert_running(&shown, "Day long");
    assert_running(&shown, "Two days");
    programme_free(&shown);
    theme_free(&theme);
    shown_at(&p, "Europe/Berlin", day + SECONDS_PER_DAY + 15 * 3600, &theme, &shown);
    assert_running(&shown, "Two days");
    programme_free(&shown);
    theme_free(&theme);
    parsed_free(&p);
}

/* On the night the clocks go back, a time that happens twice is the first
 * (summer time), whatever rows came before; both it and a time that does
 * not exist are reported at their line. */
static void a_time_that_happens_twice_or_never(void **state)
{
    (void)state;
    /* 2024-10-27 02:30 in Berlin: 00:30 UTC in summer time (01:30 in winter time) */
    int64_t summer = civil_days(2024, 10, 27) * SECONDS_PER_DAY + 30 * 60;
    const char *before[] = {"2024-10-26,12:00,30,A,Summer\n", "2024-10-28,12:00,30,A,Winter\n"};
    for (int i = 0; i < 2; i++) {
        char csv[256];
        snprintf(csv, sizeof csv, "date,start,duration,room,title\n%s2024-10-27,02:30,30,B,Twice\n",
                 before[i]);
        struct parsed p = parse_text("schedule.csv", csv, strlen(csv), "Europe/Berlin");
        assert_int_equal(p.count, 2);
        assert_int_equal(talk(&p, "Twice")->runs.start, summer);
        assert_true(has_problem(&p, 3, "02:30 on 2024-10-27 happens twice"));
        parsed_free(&p);
    }
    const char *csv = "date,start,duration,room,title\n2025-03-30,02:30,30,Hall,Skipped\n";
    struct parsed p = parse_text("schedule.csv", csv, strlen(csv), "Europe/Berlin");
    assert_when(talk(&p, "Skipped"), "2025-03-30", "03:30", "04:00");
    assert_true(has_problem(&p, 2, "02:30 on 2025-03-30 does not exist"));
    parsed_free(&p);
}

static void hostile_schedules_are_refused_clearly(void **state)
{
    (void)state;
    static const struct {
        const char *text, *problem;
    } cases[] = {
        {"<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
         "<schedule><day date=\"2025-02-12\"><room name=\"A\"><event id=\"1\"><title>&x;</title>"
         "<start>10:00</start><duration>00:30</duration></event></room></day></schedule>",
         NULL},
        {"<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY a \"aaaaaaaaaa\">"
         "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c "
         "\"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
         "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e "
         "\"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
         "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g "
         "\"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]>"
         "<schedule><day date=\"&g;\"><room name=\"&g;\"><event id=\"1\"><title>&g;</title>"
         "<start>10:00</start><duration>00:30</duration></event></room></day></schedule>",
         NULL},
        {"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>News</title>"
         "</feed>",
         "is not a schedule export: expected <schedule>"},
        {"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502</h1>"
         "<hr></body></html>",
         NULL},
        {"{\"schedule\": {\"conference\": {\"days\": {}}}}", "schedule.conference.days: missing"},
        {"[1, 2, 3]", "schedule.conference.days: missing"},
        {"{\"schedule\": ", "JSON syntax error"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct parsed p = parse_text("schedule", cases[i].text, strlen(cases[i].text), NULL);
        for (size_t j = 0; j < p.count; j++) /* no file's bytes, no expansion */
            assert_null(strstr(p.slides[j].title, "root:"));
        if (cases[i].problem)
            assert_true(has_problem(&p, -1, cases[i].problem));
        else
            assert_true(p.diags.count > 0 || p.count > 0);
        assert_false(has_problem(&p, -1, "\\n")); /* no stray escaped newline */
        parsed_free(&p);
    }
    /* nested 10,000 deep */
    char *deep = malloc(10000 * 7 + 64), *o = deep;
    o += sprintf(o, "<schedule>");
    for (int i = 0; i < 10000; i++)
        o += sprintf(o, "<day>");
    strcpy(o, "</schedule>");
    struct parsed p = parse_text("schedule.xml", deep, strlen(deep), NULL);
    assert_int_equal(p.count, 0);
    assert_true(has_problem(&p, -1, "XML:"));
    parsed_free(&p);
    free(deep);
}

/* An export's title behind thousands of invisible characters keeps its
 * words, as a slide file's does. */
static void invisible_characters_in_an_export_are_bounded(void **state)
{
    (void)state;
    char csv[16 * 1024] = "title,start,end\n";
    size_t at = strlen(csv);
    for (int i = 0; i < 3000; i++, at += 3)
        memcpy(csv + at, "\xe2\x81\xa7", 3);
    strcpy(csv + at, "Hello world,2025-02-12 10:00,2025-02-12 11:00\n");
    struct parsed p = parse_text("schedule.csv", csv, strlen(csv), "Europe/Berlin");
    assert_int_equal(p.count, 1);
    assert_string_equal(p.slides[0].title + UTF8_INVISIBLE_RUN * 3, "Hello world");
    parsed_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(durations_in_every_form),
        cmocka_unit_test(dates_with_and_without_offsets),
        cmocka_unit_test(abstracts_become_plain_text),
        cmocka_unit_test(a_real_frab_style_export),
        cmocka_unit_test(frab_s_own_export_of_31c3),
        cmocka_unit_test(talk_pages_feedback_and_recording_from_exports),
        cmocka_unit_test(fosdem_s_pentabarf_export),
        cmocka_unit_test(frab_offsets_and_nights),
        cmocka_unit_test(pentabarf_without_room_wrappers),
        cmocka_unit_test(frab_json_with_paths_in_problems),
        cmocka_unit_test(spreadsheets_saved_as_csv),
        cmocka_unit_test(a_daylight_saving_night_and_the_machine_elsewhere),
        cmocka_unit_test(a_talk_before_its_day_starts),
        cmocka_unit_test(a_json_talk_with_an_impossible_start),
        cmocka_unit_test(an_xml_talk_with_an_impossible_start),
        cmocka_unit_test(clock_times),
        cmocka_unit_test(csv_problems_name_the_field),
        cmocka_unit_test(a_hackathon_of_a_day_or_two),
        cmocka_unit_test(a_time_that_happens_twice_or_never),
        cmocka_unit_test(hostile_schedules_are_refused_clearly),
        cmocka_unit_test(invisible_characters_in_an_export_are_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
