/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The door sign and the "Now and next" board over every schedule fixture,
 * at four screen sizes and several moments, with a fake font (every
 * character 0.55 em wide, bold 0.6): the talks now and next stand whole on
 * the door sign, every board row keeps its end time and the first 70
 * characters of its titles, no word is broken inside. */
#include "../app/content/content.h"
#include "../app/content/loader.h"
#include "../app/layout/slide_layout.h"
#include "../app/show/changes.h"
#include "../app/show/running_order.h"
#include "../app/util/zone.h"
#include "../app/util/str.h"
#include "fake_font.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool fake_fits(void *ctx, const struct programme *prog, const struct slide *page)
{
    return layout_slide_fits(&fake, prog, page, ctx);
}

static const int sizes[][2] = {{1280, 720}, {1920, 1080}, {1080, 1920}, {3840, 2160}};

/* A schedule fixture and moments to look at it, in its local time. */
struct moment {
    int year, month, day, hour, minute;
};

struct fixture {
    const char *dir;
    int utc_offset_hours; /* of the moments */
    struct moment at[3];
};

static const struct fixture fixtures[] = {
    {"31c3", 1, {{2014, 12, 27, 11, 10}, {2014, 12, 27, 12, 0}, {2014, 12, 27, 14, 10}}},
    {"31c3-day2", 1, {{2014, 12, 28, 13, 0}, {2014, 12, 28, 14, 0}, {2014, 12, 28, 16, 50}}},
    {"lswt2019", 2, {{2019, 5, 22, 9, 5}, {2019, 5, 22, 14, 20}, {2019, 5, 22, 16, 10}}},
    {"fosdem2023", 1, {{2023, 2, 4, 9, 40}, {2023, 2, 4, 10, 10}, {2023, 2, 4, 9, 0}}},
    {"democon2020", 0, {{2020, 12, 14, 9, 10}, {2020, 12, 14, 12, 10}, {2020, 12, 14, 14, 20}}},
    {"long-titles", 1, {{2025, 3, 10, 10, 20}, {2025, 3, 10, 11, 10}, {2025, 3, 10, 12, 10}}},
};

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static int64_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int64_t utc_of(const struct fixture *f, const struct moment *m)
{
    return days_from_civil(m->year, m->month, m->day) * 86400 + m->hour * 3600 + m->minute * 60 -
           f->utc_offset_hours * 3600;
}

/* The scene's text, its lines joined with a space. */
static char *scene_text(const struct scene *scene)
{
    size_t size = 1;
    for (size_t i = 0; i < scene->count; i++)
        if (scene->items[i].kind == ITEM_TEXT)
            size += strlen(scene->items[i].text) + 1;
    char *text = calloc(1, size);
    for (size_t i = 0; text && i < scene->count; i++)
        if (scene->items[i].kind == ITEM_TEXT) {
            strcat(text, scene->items[i].text);
            strcat(text, " ");
        }
    return text;
}

/* True when word stands whole on one line of the scene: a line holds it
 * with a space, a hyphen, an ellipsis or the line's end on each side. */
static bool word_on_a_line(const struct scene *scene, const char *word, size_t n)
{
    for (size_t i = 0; i < scene->count; i++) {
        const char *line = scene->items[i].text;
        if (scene->items[i].kind != ITEM_TEXT)
            continue;
        for (const char *at = strstr(line, word); at; at = strstr(at + 1, word)) {
            bool starts = at == line || at[-1] == ' ' || at[-1] == '-';
            bool ends =
                !at[n] || at[n] == ' ' || strncmp(at + n, "\u2026", 3) == 0 || word[n - 1] == '-';
            if (starts && ends && strncmp(at, word, n) == 0)
                return true;
        }
    }
    return false;
}

/* Asserts that the first chars characters of title (all of it: 0) stand
 * in the scene word by word, none broken inside a word nor cut with an
 * ellipsis, but for a word wider than width at px on its own. */
static void assert_title_shown(const struct scene *scene, const char *title, size_t chars, int px,
                               int width, const char *where)
{
    size_t end = 0;
    for (size_t k = 0; title[end] && (!chars || k < chars); k++)
        end += utf8_char_len(title + end);
    bool whole = !title[end];
    if (!whole) /* the last word within chars may be the one cut */
        while (end > 0 && title[end - 1] != ' ')
            end--;
    for (size_t i = 0; i < end;) {
        while (i < end && title[i] == ' ')
            i++;
        size_t n = 0; /* a word, to after its hyphen */
        while (i + n < end && title[i + n] != ' ' && (n == 0 || title[i + n - 1] != '-'))
            n++;
        if (!n)
            break;
        char *word = str_ndup(title + i, n);
        bool too_wide = fake_width(NULL, FONT_BOLD, px, word, n) > width;
        if (!too_wide && !word_on_a_line(scene, word, n)) {
            char *text = scene_text(scene);
            print_message("%s\n", text);
            free(text);
        }
        if (!too_wide && !word_on_a_line(scene, word, n))
            fail_msg("%s: '%s' of '%s' is not whole on a line", where, word, title);
        free(word);
        i += n;
    }
}

/* The rooms of prog's talks, each once. */
static size_t rooms_of(const struct programme *prog, const char **rooms, size_t max)
{
    size_t count = 0;
    for (size_t i = 0; i < prog->slide_count; i++) {
        const char *room = prog->slides[i].room;
        bool listed = !room || !prog->slides[i].scheduled;
        for (size_t j = 0; j < count && !listed; j++)
            listed = strcmp(rooms[j], room) == 0;
        if (!listed && count < max)
            rooms[count++] = room;
    }
    return count;
}

/* The topmost and bottommost pixel of the scene's text, within content. */
static int text_span(const struct scene *scene, struct box content)
{
    int top = content.y + content.h, bottom = content.y;
    for (size_t i = 0; i < scene->count; i++) {
        const struct item *it = &scene->items[i];
        if (it->kind != ITEM_TEXT || !box_contains(content, it->box))
            continue;
        if (it->box.y < top)
            top = it->box.y;
        if (it->box.y + it->box.h > bottom)
            bottom = it->box.y + it->box.h;
    }
    return bottom > top ? bottom - top : 0;
}

static int shown_doors, shown_rows;

static void check_door_sign(const struct programme *shown, const struct slide *s,
                            const struct frame_geometry *g, const char *where)
{
    struct scene scene = {0};
    layout_slide(&fake, shown, s, g, &scene);
    const struct overview_row *row = &s->rows[0];
    int small = (int)lroundf(shown->theme.smallest_text * g->unit);
    int width = g->content.w;
    if (row->title)
        assert_title_shown(&scene, row->title, 200, small, width, where);
    if (row->next_title)
        assert_title_shown(&scene, row->next_title, 200, small, width, where);
    char *text = scene_text(&scene);
    const char *wanted[] = {
        row->span,                     /* its times */
        row->left,                     /* the time left */
        row->title ? NULL : row->when, /* "Free until 16:00" */
    };
    for (size_t i = 0; i < sizeof wanted / sizeof *wanted; i++)
        if (wanted[i] && !strstr(text, wanted[i]))
            fail_msg("%s: no '%s' in: %s", where, wanted[i], text);
    /* the next talk's start, and the room's notice (rooms.yaml) to its
     * last word: never cut */
    const char *start = row->next_when_shortest ? strrchr(row->next_when_shortest, ' ') : NULL;
    if (start && !strstr(text, start + 1))
        fail_msg("%s: the next start '%s' is cut in: %s", where, start + 1, text);
    const char *last = row->notice ? strrchr(row->notice, ' ') : NULL;
    if (last && !strstr(text, last + 1))
        fail_msg("%s: the notice '%s' is cut in: %s", where, row->notice, text);
    free(text);
    /* a sign with a talk now and a next one fills the screen's height */
    if (row->title && row->next_title) {
        int span = text_span(&scene, (struct box){0, 0, g->w, g->h});
        if (span < g->content.h * 3 / 5)
            fail_msg("%s: the text covers %d of %d px", where, span, g->content.h);
    }
    shown_doors++;
    scene_clear(&scene);
}

/* "15:00" of "14:00–15:00" */
static const char *end_clock(const char *span)
{
    const char *dash = strstr(span, "\u2013");
    return dash ? dash + 3 : span;
}

static void check_board(const struct programme *shown, const struct slide *s,
                        const struct frame_geometry *g, const char *where)
{
    struct scene scene = {0};
    layout_slide(&fake, shown, s, g, &scene);
    int small = (int)lroundf(shown->theme.smallest_text * g->unit);
    for (size_t r = 0; r < s->row_count; r++) {
        const struct overview_row *row = &s->rows[r];
        if (row->title) { /* the Now line, never cut, with its end time */
            const char *until = end_clock(row->span);
            bool found = false;
            for (size_t i = 0; i < scene.count && !found; i++) {
                const struct item *it = &scene.items[i];
                found = it->kind == ITEM_TEXT && strstr(it->text, until) &&
                        !strstr(it->text, "\u2026") && it->colour.r == shown->theme.now.r &&
                        it->colour.g == shown->theme.now.g;
            }
            if (!found)
                fail_msg("%s: %s's Now line lacks its end %s", where, row->room, until);
            assert_title_shown(&scene, row->title, 70, small, g->content.w / 2, where);
        }
        if (row->next_title) { /* the Next line, never cut, with its start */
            size_t n = strlen(row->next_when_short);
            const char *start = row->next_when_short + (n > 5 ? n - 5 : 0); /* "14:10" */
            bool found = false;
            for (size_t i = 0; i < scene.count && !found; i++) {
                const struct item *it = &scene.items[i];
                found = it->kind == ITEM_TEXT && strstr(it->text, start) &&
                        !strstr(it->text, "\u2026") && it->colour.r == shown->theme.secondary.r &&
                        it->colour.g == shown->theme.secondary.g;
            }
            if (!found)
                fail_msg("%s: %s's Next line lacks its start %s", where, row->room, start);
            assert_title_shown(&scene, row->next_title, 70, small, g->content.w / 2, where);
        }
        shown_rows++;
    }
    scene_clear(&scene);
}

static void look_at(const struct fixture *f, const struct programme *prog, const char *room,
                    int64_t now)
{
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        struct frame_geometry g = layout_geometry(sizes[k][0], sizes[k][1]);
        struct order_view view = {.overview_rows = layout_overview_rows(&g),
                                  .fitter = {fake_fits, &g},
                                  .room = room,
                                  .clock_given = true};
        struct programme shown;
        order_build_view(prog, now, &view, &shown);
        for (size_t i = 0; i < shown.slide_count; i++) {
            const struct slide *s = &shown.slides[i];
            if (s->kind != SLIDE_BOARD)
                continue;
            char where[256];
            snprintf(where, sizeof where, "%s at %lld, %s, %dx%d", f->dir, (long long)now,
                     room ? room : "board", g.w, g.h);
            if (s->room)
                check_door_sign(&shown, s, &g, where);
            else
                check_board(&shown, s, &g, where);
        }
        programme_free(&shown);
    }
}

static void door_signs_and_boards_over_every_schedule_fixture(void **state)
{
    (void)state;
    for (size_t f = 0; f < sizeof fixtures / sizeof *fixtures; f++) {
        char dir[512];
        snprintf(dir, sizeof dir, "%s/schedules/%s", FIXTURES_DIR, fixtures[f].dir);
        struct theme base;
        theme_init_defaults(&base);
        struct programme prog;
        struct diag_list diags = {0};
        assert_true(content_load(dir, &base, &prog, &diags));
        const char *rooms[16];
        size_t count = rooms_of(&prog, rooms, 16);
        assert_true(count > 0);
        for (size_t m = 0; m < 3; m++) {
            int64_t now = utc_of(&fixtures[f], &fixtures[f].at[m]);
            look_at(&fixtures[f], &prog, NULL, now);
            for (size_t r = 0; r < count; r++)
                look_at(&fixtures[f], &prog, rooms[r], now);
        }
        programme_free(&prog);
        theme_free(&base);
        diag_list_clear(&diags);
    }
    /* the moments show something: door signs and board rows enough */
    assert_true(shown_doors > 100);
    assert_true(shown_rows > 100);
}

static void event_yaml_says_where_the_door_signs_code_leads(void **state)
{
    (void)state;
    struct theme base;
    theme_init_defaults(&base);
    struct programme prog;
    struct diag_list diags = {0};
    assert_true(content_load(FIXTURES_DIR "/schedules/long-titles", &base, &prog, &diags));
    assert_int_equal(diags.count, 0);
    assert_int_equal(prog.event.talk_qr, TALK_QR_FEEDBACK); /* talk_qr: feedback */
    struct frame_geometry g = layout_geometry(1920, 1080);
    struct order_view view = {
        .overview_rows = 5, .fitter = {fake_fits, &g}, .room = "hall-a", .clock_given = true};
    struct programme shown;
    order_build_view(&prog, utc_of(&fixtures[5], &fixtures[5].at[0]), &view, &shown);
    const struct slide *door = NULL;
    for (size_t i = 0; i < shown.slide_count && !door; i++)
        if (shown.slides[i].kind == SLIDE_BOARD)
            door = &shown.slides[i];
    assert_non_null(door);
    assert_string_equal(door->qr, "https://example.org/lt25/talk/1/feedback/");
    /* drawn: the code, and the mark of a talk not recorded */
    struct scene scene = {0};
    layout_slide(&fake, &shown, door, &g, &scene);
    char *text = scene_text(&scene);
    assert_non_null(strstr(text, "Not recorded"));
    free(text);
    scene_clear(&scene);
    programme_free(&shown);
    programme_free(&prog);
    theme_free(&base);
    diag_list_clear(&diags);
}

/* The largest text and the last line of a slide's page, in px. */
static void page_sizes(const struct programme *shown, const struct slide *s,
                       const struct frame_geometry *g, int *largest, int *last)
{
    struct scene scene = {0};
    layout_slide(&fake, shown, s, g, &scene);
    *largest = *last = 0;
    for (size_t i = 0; i < scene.count; i++)
        if (scene.items[i].kind == ITEM_TEXT) {
            if (scene.items[i].px > *largest)
                *largest = scene.items[i].px;
            *last = scene.items[i].px;
        }
    scene_clear(&scene);
}

/* The 31c3-day2 fixture's programme, loaded with the default theme. */
static void load_day2(struct programme *prog)
{
    char dir[512];
    snprintf(dir, sizeof dir, "%s/schedules/31c3-day2", FIXTURES_DIR);
    struct theme base;
    theme_init_defaults(&base);
    struct diag_list diags = {0};
    assert_true(content_load(dir, &base, prog, &diags));
    theme_free(&base);
    diag_list_clear(&diags);
}

/* look_at() the 31c3-day2 fixture's board or room at each of its moments. */
static void look_at_day2(const struct programme *prog, const char *room)
{
    for (size_t m = 0; m < 3; m++)
        look_at(&fixtures[1], prog, room, utc_of(&fixtures[1], &fixtures[1].at[m]));
}

/* Every talk of 31C3's second day moved from a room of a long name, the day
 * before: the board's Next lines, too narrow for what changed, still say
 * when each talk starts. */
static void a_moved_talks_next_line_keeps_its_start(void **state)
{
    (void)state;
    struct programme prog;
    load_day2(&prog);
    zone_use("Europe/Berlin");
    struct changes_version baseline;
    assert_true(changes_version_of(&prog, &baseline));
    for (size_t i = 0; i < baseline.count; i++) {
        free(baseline.talks[i].room);
        baseline.talks[i].room = str_dup("Great Hall of the Congress Centre, second floor");
        baseline.talks[i].start -= 86400 + 3600;
        baseline.talks[i].end -= 86400 + 3600;
    }
    changes_mark(&prog, &baseline);
    look_at_day2(&prog, NULL);
    changes_version_free(&baseline);
    programme_free(&prog);
}

/* A paragraph pasted as a room's info: line (rooms: in event.yaml): the
 * door sign cuts it, and its talks now and next still stand whole. */
static void a_long_info_line_leaves_the_talks_their_place(void **state)
{
    (void)state;
    struct programme prog;
    load_day2(&prog);
    assert_int_equal(prog.event.room_count, 0);
    char *paragraph = calloc(1, 30 * 40 + 1);
    for (int i = 0; i < 40; i++)
        strcat(paragraph, "Very long information line ");
    prog.event.rooms = calloc(1, sizeof *prog.event.rooms);
    prog.event.room_count = 1;
    prog.event.rooms[0].name = str_dup("Saal 2");
    prog.event.rooms[0].info = calloc(2, sizeof(char *));
    prog.event.rooms[0].info[0] = paragraph;
    prog.event.rooms[0].info[1] = str_dup("Translation: channel 2");
    prog.event.rooms[0].info_count = 2;
    look_at_day2(&prog, "Saal 2");
    programme_free(&prog);
}

/* A room running late and full, with a notice (rooms.yaml): at every size
 * its door sign keeps the next talk's start and the whole notice. */
static void a_late_full_rooms_sign_keeps_its_start_and_notice(void **state)
{
    (void)state;
    struct programme prog;
    load_day2(&prog);
    prog.room_states = calloc(1, sizeof *prog.room_states);
    prog.room_state_count = 1;
    prog.room_states[0] = (struct room_state){.room = str_dup("Saal 1"),
                                              .late_minutes = 15,
                                              .fullness = ROOM_FULL,
                                              .notice = str_dup("Overflow: stream in Saal G")};
    look_at_day2(&prog, "Saal 1");
    programme_free(&prog);
}

static void a_talks_pages_are_set_at_one_size(void **state)
{
    (void)state;
    struct theme base;
    theme_init_defaults(&base);
    struct programme prog;
    struct diag_list diags = {0};
    assert_true(content_load(FIXTURES_DIR "/long", &base, &prog, &diags));
    int paged = 0;
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        struct frame_geometry g = layout_geometry(sizes[k][0], sizes[k][1]);
        struct order_view view = {.overview_rows = 5, .fitter = {fake_fits, &g}};
        struct programme shown;
        order_build_view(&prog, 1000, &view, &shown);
        for (size_t i = 1; i < shown.slide_count; i++) {
            const struct slide *a = &shown.slides[i - 1], *b = &shown.slides[i];
            if (b->page < 2 || strcmp(a->source, b->source) != 0)
                continue;
            int largest_a, last_a, largest_b, last_b;
            page_sizes(&shown, a, &g, &largest_a, &last_a);
            page_sizes(&shown, b, &g, &largest_b, &last_b);
            assert_int_equal(largest_a, largest_b); /* the title */
            assert_int_equal(last_a, last_b);       /* the text going on */
            paged++;
        }
        programme_free(&shown);
    }
    assert_true(paged >= 8);
    programme_free(&prog);
    theme_free(&base);
    diag_list_clear(&diags);
}

/* The texts of the scene's lines that start with prefix. */
static size_t lines_starting(const struct scene *scene, const char *prefix)
{
    size_t n = 0;
    for (size_t i = 0; i < scene->count; i++)
        n += scene->items[i].kind == ITEM_TEXT &&
             strncmp(scene->items[i].text, prefix, strlen(prefix)) == 0;
    return n;
}

static void a_portrait_footer_keeps_the_name_and_the_place(void **state)
{
    (void)state;
    struct programme prog = {0};
    theme_init_defaults(&prog.theme);
    char name[] = "Poster Day of the Regional Public Administration Association";
    char place[] = "Congress Centre Astana, Hall of Nations, Level 2";
    prog.event.name = name;
    prog.event.place = place;
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        struct frame_geometry g = layout_geometry(sizes[k][0], sizes[k][1]);
        struct scene footer = {0};
        layout_footer(&fake, &prog, "Wed 12 Feb 2025  10:00", &g, &footer);
        /* each on a line of its own, or both on one: never the place lost */
        assert_int_equal(lines_starting(&footer, "Poster Day"), 1);
        bool placed = lines_starting(&footer, "Congress") == 1;
        for (size_t i = 0; i < footer.count && !placed; i++)
            placed = footer.items[i].text && strstr(footer.items[i].text, "Congress");
        assert_true(placed);
        scene_clear(&footer);
    }
    theme_free(&prog.theme);
}

static void a_portrait_caption_wraps_at_words(void **state)
{
    (void)state;
    struct programme prog = {0};
    theme_init_defaults(&prog.theme);
    char image[] = "poster.png";
    char caption[] = "The exhibition of the regional public administration posters in the foyer";
    struct slide poster = {.kind = SLIDE_IMAGE, .image = image, .caption = caption};
    struct frame_geometry g = layout_geometry(1080, 1920);
    struct scene scene = {0};
    layout_slide(&fake, &prog, &poster, &g, &scene);
    int small = (int)lroundf(prog.theme.smallest_text * g.unit);
    assert_title_shown(&scene, poster.caption, 0, small, g.w, "portrait caption");
    scene_clear(&scene);
    theme_free(&prog.theme);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(door_signs_and_boards_over_every_schedule_fixture),
        cmocka_unit_test(a_moved_talks_next_line_keeps_its_start),
        cmocka_unit_test(a_long_info_line_leaves_the_talks_their_place),
        cmocka_unit_test(a_late_full_rooms_sign_keeps_its_start_and_notice),
        cmocka_unit_test(a_talks_pages_are_set_at_one_size),
        cmocka_unit_test(event_yaml_says_where_the_door_signs_code_leads),
        cmocka_unit_test(a_portrait_footer_keeps_the_name_and_the_place),
        cmocka_unit_test(a_portrait_caption_wraps_at_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
