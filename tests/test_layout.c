/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Layout with a fake font (every character 0.55 em wide): wrapping,
 * shrink-to-fit, grids, and whole slides at every screen size. */
#include "../app/content/content.h"
#include "../app/content/loader.h"
#include "../app/layout/slide_layout.h"
#include "../app/layout/blocks.h"
#include "../app/util/translate.h"
#include "../app/layout/stack.h"
#include "../app/layout/wrap.h"
#include "../app/show/running_order.h"
#include "../app/util/str.h"
#include "fake_font.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

static const int sizes[][2] = {{1280, 720}, {1920, 1080}, {1080, 1920}, {3840, 2160}};

static char *line_at(const char *text, const struct line_list *l, size_t i)
{
    return str_ndup(text + l->lines[i].start, l->lines[i].length);
}

static void assert_line(const char *text, const struct line_list *l, size_t i, const char *want)
{
    char *got = line_at(text, l, i);
    assert_string_equal(got, want);
    free(got);
}

static void wrap_breaks_at_spaces_within_the_width(void **state)
{
    (void)state;
    struct line_list l = {0};
    bool more;
    const char *t = "one two three";
    assert_true(layout_wrap(&fake, FONT_REGULAR, 20, t, 1000, 0, &l, &more));
    assert_int_equal(l.count, 1);
    /* 11 px a character: "one two" is 77 px, "one two three" 143 px */
    assert_true(layout_wrap(&fake, FONT_REGULAR, 20, t, 80, 0, &l, &more));
    assert_int_equal(l.count, 2);
    assert_line(t, &l, 0, "one two");
    assert_line(t, &l, 1, "three");
    assert_false(more);
    line_list_free(&l);
}

static void wrap_keeps_hard_breaks_and_blank_lines(void **state)
{
    (void)state;
    struct line_list l = {0};
    bool more;
    const char *t = "first\n\nsecond\nthird\n";
    assert_true(layout_wrap(&fake, FONT_REGULAR, 20, t, 1000, 0, &l, &more));
    assert_int_equal(l.count, 4);
    assert_line(t, &l, 0, "first");
    assert_line(t, &l, 1, "");
    assert_line(t, &l, 2, "second");
    assert_line(t, &l, 3, "third");
    line_list_free(&l);
}

static void wrap_breaks_a_word_only_when_it_alone_is_too_wide(void **state)
{
    (void)state;
    struct line_list l = {0};
    bool more;
    const char *t = "a Donaudampfschifffahrtsgesellschaft b";
    assert_true(layout_wrap(&fake, FONT_REGULAR, 20, t, 100, 0, &l, &more));
    assert_line(t, &l, 0, "a");
    for (size_t i = 0; i < l.count; i++)
        assert_true(fake_width(NULL, FONT_REGULAR, 20, t + l.lines[i].start, l.lines[i].length) <=
                    100);
    assert_line(t, &l, 1, "Donaudamp"); /* 9 characters of 11 px */
    assert_line(t, &l, l.count - 1, "lschaft b");
    line_list_free(&l);
}

/* U+FFFF is libunibreak 1.x's end of text: a title holding it once aborted
 * the program inside the library. */
static void wrap_takes_a_noncharacter_for_a_letter(void **state)
{
    (void)state;
    struct line_list l = {0};
    bool more;
    const char *t = "one\xEF\xBF\xBFtwo three \xEF\xBF\xBF four";
    assert_true(layout_wrap(&fake, FONT_REGULAR, 20, t, 120, 0, &l, &more));
    assert_int_equal(l.count, 3);
    assert_line(t, &l, 0, "one\xEF\xBF\xBFtwo");
    assert_line(t, &l, 1, "three \xEF\xBF\xBF");
    assert_line(t, &l, 2, "four");
    line_list_free(&l);
}

static void wrap_breaks_after_hyphens_not_at_no_break_spaces(void **state)
{
    (void)state;
    struct line_list l = {0};
    bool more;
    const char *t = "tech-driven";
    assert_true(layout_wrap(&fake, FONT_REGULAR, 20, t, 70, 0, &l, &more));
    assert_int_equal(l.count, 2);
    assert_line(t, &l, 0, "tech-");
    assert_line(t, &l, 1, "driven");
    const char *nbsp = "10\u00a0km away";
    assert_true(layout_wrap(&fake, FONT_REGULAR, 20, nbsp, 60, 0, &l, &more));
    assert_line(nbsp, &l, 0, "10\u00a0km");
    line_list_free(&l);
}

static void wrap_breaks_between_ideographs(void **state)
{
    (void)state;
    struct line_list l = {0};
    bool more;
    /* six ideographs of 11 px; 40 px hold three */
    const char *t = "政府峰会开幕";
    assert_true(layout_wrap(&fake, FONT_REGULAR, 20, t, 40, 0, &l, &more));
    assert_int_equal(l.count, 2);
    assert_line(t, &l, 0, "政府峰");
    assert_line(t, &l, 1, "会开幕");
    const char *mixed = "WGS 2025 峰会";
    assert_true(layout_wrap(&fake, FONT_REGULAR, 20, mixed, 110, 0, &l, &more));
    assert_line(mixed, &l, 0, "WGS 2025 峰");
    line_list_free(&l);
}

static void wrap_stops_at_max_lines_and_says_so(void **state)
{
    (void)state;
    struct line_list l = {0};
    bool more;
    assert_true(layout_wrap(&fake, FONT_REGULAR, 20, "a b c d e", 15, 2, &l, &more));
    assert_int_equal(l.count, 2);
    assert_true(more);
    line_list_free(&l);
}

static size_t count_kind(const struct scene *s, enum item_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < s->count; i++)
        n += s->items[i].kind == kind;
    return n;
}

/* The fake font, counting the bytes it is asked to measure. */
static size_t measured_bytes;

static int counting_width(void *ctx, enum font_style style, int px, const char *text, size_t n)
{
    measured_bytes += n;
    return fake_width(ctx, style, px, text, n);
}

/* Lays out the session s at 1920x1080 and returns the bytes measured. */
static size_t bytes_measured(struct slide *s)
{
    struct measurer m = fake;
    m.text_width = counting_width;
    struct programme prog = {.slides = s, .slide_count = 1};
    theme_init_defaults(&prog.theme);
    struct frame_geometry g = layout_geometry(1920, 1080);
    struct scene scene = {0};
    measured_bytes = 0;
    layout_slide(&m, &prog, s, &g, &scene);
    scene_clear(&scene);
    theme_free(&prog.theme);
    return measured_bytes;
}

/* The same for a session whose title or description holds text. */
static size_t bytes_measured_for(const char *field, const char *text)
{
    char session[] = "Session";
    struct slide s = {.kind = SLIDE_SESSION, .title = session};
    if (strcmp(field, "title") == 0)
        s.title = (char *)text;
    else
        s.description = (char *)text;
    return bytes_measured(&s);
}

static void huge_text_is_laid_out_in_time_linear_in_what_is_shown(void **state)
{
    (void)state;
    /* A file under the 1 MiB limit: one 900,000-letter word, and 55,000 short
     * lines. Only what a screen can show may be measured, whatever follows. */
    enum { WORD = 900000, LINES = 55000 };
    char *word = malloc(WORD + 1);
    memset(word, 'x', WORD);
    word[WORD] = '\0';
    char *lines = malloc(LINES * 12 + 1), *p = lines;
    for (int i = 0; i < LINES; i++)
        p += sprintf(p, "Speaker %d\n", i % 1000);
    /* and 55,000 speakers, as a slide built without the loader's cap */
    char **names = malloc(LINES * sizeof *names);
    for (int i = 0; i < LINES; i++)
        names[i] = (char *)"A speaker";
    char session[] = "Session";
    struct slide crowded = {
        .kind = SLIDE_SESSION, .title = session, .speakers = names, .speaker_count = LINES};
    assert_true(bytes_measured(&crowded) < 2 * 1000 * 1000);
    free(names);
    size_t small_word = bytes_measured_for(
        "title", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
    size_t huge_word = bytes_measured_for("title", word);
    size_t many_lines = bytes_measured_for("description", lines);
    print_message("bytes measured: 136-letter word %zu, 900,000-letter word %zu, "
                  "55,000 lines %zu\n",
                  small_word, huge_word, many_lines);
    assert_true(huge_word < 2 * 1000 * 1000);
    assert_true(many_lines < 2 * 1000 * 1000);
    free(word);
    free(lines);
}

static void stack_shrinks_long_text_to_fit_its_box(void **state)
{
    (void)state;
    struct rgba white = {255, 255, 255, 255};
    char long_text[2000] = "";
    for (int i = 0; i < 60; i++)
        strcat(long_text, "words that wrap ");
    struct block blocks[] = {
        {.kind = BLOCK_TEXT,
         .text = "Title",
         .style = FONT_BOLD,
         .size = 80,
         .min_size = 30,
         .line_height = 1.1f,
         .colour = white},
        {.kind = BLOCK_TEXT,
         .text = long_text,
         .size = 40,
         .min_size = 10,
         .line_height = 1.3f,
         .space_before = 20,
         .colour = white},
    };
    struct box box = {100, 100, 800, 500};
    struct scene scene = {0};
    int used = layout_stack(&fake, blocks, 2, box, ALIGN_START, ALIGN_START, &scene);
    assert_true(used <= box.h);
    int title_px = 0, body_px = 0;
    for (size_t i = 0; i < scene.count; i++) {
        struct item *it = &scene.items[i];
        assert_true(box_contains(box, it->box));
        if (strcmp(it->text, "Title") == 0)
            title_px = it->px;
        else
            body_px = it->px;
        assert_null(strstr(it->text, "\u2026")); /* it fits whole: nothing cut */
    }
    assert_true(body_px < 40 && body_px >= 10);
    assert_true(title_px < 80 && title_px >= 30);
    /* both shrink together: the title stays twice the body's size */
    assert_in_range(title_px * 10 / body_px, 19, 21);
    scene_clear(&scene);
}

static void stack_cuts_what_cannot_fit_with_an_ellipsis(void **state)
{
    (void)state;
    size_t n = 100000;
    char *word = malloc(n + 1);
    memset(word, 'w', n);
    word[n] = '\0';
    struct block blocks[] = {
        {.kind = BLOCK_TEXT,
         .text = word,
         .style = FONT_BOLD,
         .size = 80,
         .min_size = 30,
         .line_height = 1.1f},
        {.kind = BLOCK_TEXT, .text = "after", .size = 40, .min_size = 20, .line_height = 1.3f},
    };
    struct box box = {0, 0, 600, 400};
    struct scene scene = {0};
    int used = layout_stack(&fake, blocks, 2, box, ALIGN_START, ALIGN_START, &scene);
    assert_true(used <= box.h);
    assert_true(scene.count > 1);
    for (size_t i = 0; i < scene.count; i++) {
        assert_true(box_contains(box, scene.items[i].box));
        assert_int_equal(scene.items[i].px, 30);
    }
    assert_true(str_ends_with(scene.items[scene.count - 1].text, "\u2026"));
    assert_true(scene.cut);
    scene_clear(&scene);
    free(word);
    /* words are cut after a whole word, not inside one */
    struct block title = {.kind = BLOCK_TEXT,
                          .text = "Linked Data Enterprise Use-Cases",
                          .style = FONT_BOLD,
                          .size = 40,
                          .min_size = 40,
                          .line_height = 1.1f,
                          .max_lines = 1};
    layout_stack(&fake, &title, 1, (struct box){0, 0, 24 * 20, 100}, ALIGN_START, ALIGN_START,
                 &scene); /* room for 20 letters */
    assert_int_equal(scene.count, 1);
    assert_string_equal(scene.items[0].text, "Linked Data\u2026");
    assert_false(scene.cut); /* a one-line block cut on purpose */
    scene_clear(&scene);
}

static void fit_aspect_keeps_proportions_inside_the_box(void **state)
{
    (void)state;
    struct box box = {10, 20, 300, 300};
    struct box wide = block_fit_aspect(box, 400, 100);
    assert_int_equal(wide.w, 300);
    assert_int_equal(wide.h, 75);
    assert_int_equal(wide.y, 20 + (300 - 75) / 2);
    struct box tall = block_fit_aspect(box, 100, 200);
    assert_int_equal(tall.h, 300);
    assert_int_equal(tall.w, 150);
    assert_true(box_contains(box, tall));
}

static void grid_is_balanced_for_one_to_twenty_four(void **state)
{
    (void)state;
    struct box area = {100, 300, 1700, 600};
    for (int count = 1; count <= PARTNERS_PER_SLIDE; count++) {
        struct grid g = block_grid(area, count, 30);
        assert_true(g.cols * g.rows >= count);
        assert_true((g.rows - 1) * g.cols < count); /* no empty row */
        float aspect = (float)g.card_w / (float)g.card_h;
        assert_true(aspect >= 1.29f && aspect <= 2.01f);
        for (int i = 0; i < count; i++) {
            struct box a = block_grid_cell(&g, area, count, i);
            assert_true(box_contains(area, a));
            for (int j = 0; j < i; j++)
                assert_false(box_overlaps(a, block_grid_cell(&g, area, count, j)));
        }
    }
    struct grid six = block_grid(area, 6, 30);
    assert_int_equal(six.cols, 3);
    assert_int_equal(six.rows, 2);
}

/* Nothing leaves the screen or its area, no two lines of text overlap, and
 * no text is smaller than min_px. */
static void assert_scene_sound(const struct scene *s, const struct frame_geometry *g,
                               struct box area, int min_px)
{
    struct box screen = {0, 0, g->w, g->h};
    for (size_t i = 0; i < s->count; i++) {
        const struct item *it = &s->items[i];
        assert_true(box_contains(screen, it->box));
        if (it->kind != ITEM_TEXT && it->kind != ITEM_IMAGE)
            continue;
        assert_true(box_contains(area, it->box));
        if (it->kind == ITEM_TEXT) {
            if (it->px < min_px)
                fail_msg("'%s' set at %d px, below %d px", it->text, it->px, min_px);
            assert_true(fake_width(NULL, it->style, it->px, it->text, strlen(it->text)) <=
                        it->box.w);
        }
        for (size_t j = 0; j < i; j++)
            if (s->items[j].kind == it->kind)
                assert_false(box_overlaps(it->box, s->items[j].box));
    }
}

/* 1/30 of a landscape screen's height (of a portrait one's width). */
static int thirtieth(const struct frame_geometry *g)
{
    return (g->w < g->h ? g->w : g->h) / 30;
}

static bool fake_fits(void *ctx, const struct programme *prog, const struct slide *page)
{
    return layout_slide_fits(&fake, prog, page, ctx);
}

/* Every slide of the show in dir at the moment now_utc (before 2020: all
 * of them), paged as the show pages it, at each size: sound, no text below
 * the theme's smallest size nor 1/30 of the screen, no text cut on a
 * session or headline (those continue on pages instead). */
static void check_show_at(const char *dir, int64_t now_utc)
{
    struct theme base;
    theme_init_defaults(&base);
    struct programme prog;
    struct diag_list diags = {0};
    assert_true(content_load(dir, &base, &prog, &diags));
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        struct frame_geometry g = layout_geometry(sizes[k][0], sizes[k][1]);
        assert_true(g.content.y + g.content.h < g.footer.y);
        int smallest = (int)lroundf(prog.theme.smallest_text * g.unit);
        assert_true(smallest >= thirtieth(&g));
        struct order_view view = {.overview_rows = layout_overview_rows(&g),
                                  .fitter = {fake_fits, &g}};
        struct programme shown;
        order_build_view(&prog, now_utc, &view, &shown);
        assert_true(shown.slide_count >= prog.slide_count / 2);
        for (size_t i = 0; i <= shown.slide_count; i++) {
            const struct slide *slide = i < shown.slide_count ? &shown.slides[i] : NULL;
            struct scene scene = {0};
            layout_slide(&fake, &shown, slide, &g, &scene);
            assert_true(count_kind(&scene, ITEM_TEXT) > 0);
            assert_scene_sound(&scene, &g, g.content, smallest);
            if (slide && (slide->kind == SLIDE_SESSION || slide->kind == SLIDE_HEADLINE) &&
                scene.cut)
                fail_msg("%s: '%s' cut at %dx%d", slide->source, slide->title, g.w, g.h);
            scene_clear(&scene);
        }
        struct scene footer = {0};
        layout_footer(&fake, &shown, "Wed 12 Feb 2025  10:00", &g, &footer);
        assert_scene_sound(&footer, &g, g.footer, thirtieth(&g));
        const struct item *clock = NULL;
        for (size_t i = 0; i < footer.count; i++)
            if (footer.items[i].text && strstr(footer.items[i].text, "10:00"))
                clock = &footer.items[i];
        assert_non_null(clock);
        assert_int_equal(clock->box.x + clock->box.w, g.content.x + g.content.w);
        scene_clear(&footer);
        programme_free(&shown);
    }
    programme_free(&prog);
    theme_free(&base);
    diag_list_clear(&diags);
}

/* The words of text, spaces and ellipses dropped, appended to words. */
static void append_words(char *words, size_t size, const char *text)
{
    for (const char *p = text; p && *p;) {
        if (*p == ' ' || *p == '\n') {
            p++;
        } else if (strncmp(p, "\u2026", 3) == 0) {
            p += 3;
        } else {
            size_t n = strlen(words);
            if (n + 1 < size)
                words[n] = *p, words[n + 1] = '\0';
            p++;
        }
    }
}

static void long_text_continues_on_pages_at_every_size(void **state)
{
    (void)state;
    struct theme base;
    theme_init_defaults(&base);
    struct programme prog;
    struct diag_list diags = {0};
    assert_true(content_load(FIXTURES_DIR "/long", &base, &prog, &diags));
    assert_int_equal(prog.slide_count, 3);
    static char whole[8192], paged[8192];
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        struct frame_geometry g = layout_geometry(sizes[k][0], sizes[k][1]);
        struct order_view view = {.overview_rows = 5, .fitter = {fake_fits, &g}};
        struct programme shown;
        order_build_view(&prog, 1000, &view, &shown);
        /* each slide on pages of its own, numbered, the title on each */
        assert_true(shown.slide_count >= 2 * prog.slide_count);
        for (size_t i = 0; i < prog.slide_count; i++) {
            const struct slide *s = &prog.slides[i];
            const char *text = s->kind == SLIDE_SESSION ? s->description : s->body;
            whole[0] = paged[0] = '\0';
            append_words(whole, sizeof whole, text);
            size_t speakers = 0;
            int pages = 0, page_count = 0;
            for (size_t j = 0; j < shown.slide_count; j++) {
                const struct slide *p = &shown.slides[j];
                if (strcmp(p->source, s->source) != 0)
                    continue;
                assert_string_equal(p->title, s->title);
                assert_int_equal(p->page, ++pages);
                assert_true(p->page_count > 1);
                page_count = p->page_count;
                append_words(paged, sizeof paged,
                             p->kind == SLIDE_SESSION ? p->description : p->body);
                speakers += p->speaker_count;
                assert_true(p->speaker_count <= SPEAKERS_PER_SLIDE);
                assert_true(p->page == 1 || !p->chair);
            }
            assert_int_equal(page_count, pages);
            /* nothing lost or doubled on the way */
            assert_string_equal(paged, whole);
            assert_int_equal(speakers, s->speaker_count);
        }
        programme_free(&shown);
    }
    programme_free(&prog);
    theme_free(&base);
    diag_list_clear(&diags);
    check_show_at(FIXTURES_DIR "/long", 1000);
}

static void every_slide_fits_every_screen(void **state)
{
    (void)state;
    const int64_t wrong_clock = 1000; /* every slide plays */
    check_show_at(CONTENT_DIR, wrong_clock);
    check_show_at(FIXTURES_DIR "/full", wrong_clock);
    check_show_at(FIXTURES_DIR "/broken", wrong_clock);
    check_show_at(FIXTURES_DIR "/languages", wrong_clock);
    check_show_at(FIXTURES_DIR "/timed", wrong_clock);
    check_show_at(FIXTURES_DIR "/schedules/lswt2019", 1558527600);   /* 22 May 2019 14:20 CEST */
    check_show_at(FIXTURES_DIR "/schedules/fosdem2023", 1675590000); /* 5 Feb 2023 10:40 CET */
    check_show_at(FIXTURES_DIR "/schedules/31c3", 1419681600);       /* 27 Dec 2014 13:00 CET */
}

static void partners_draw_logos_or_wordmarks(void **state)
{
    (void)state;
    char has[] = "Has logo", logo[] = "logos/a.png", none[] = "No logo";
    struct partner partners[] = {{has, logo}, {none, NULL}};
    struct slide slide = {.kind = SLIDE_PARTNERS, .partners = partners, .partner_count = 2};
    struct programme prog = {.slides = &slide, .slide_count = 1};
    theme_init_defaults(&prog.theme);
    struct frame_geometry g = layout_geometry(1920, 1080);
    struct scene scene = {0};
    layout_slide(&fake, &prog, &slide, &g, &scene);
    assert_int_equal(count_kind(&scene, ITEM_IMAGE), 1);
    bool wordmark = false;
    for (size_t i = 0; i < scene.count; i++)
        wordmark |= scene.items[i].text && strcmp(scene.items[i].text, "No logo") == 0;
    assert_true(wordmark);
    /* the logo keeps its 2:1 shape */
    for (size_t i = 0; i < scene.count; i++)
        if (scene.items[i].kind == ITEM_IMAGE)
            assert_true(abs(scene.items[i].box.w - 2 * scene.items[i].box.h) <= 2);
    scene_clear(&scene);
    theme_free(&prog.theme);
}

/* A poster's caption stands right under the picture, the two together in
 * the middle, at every screen shape: not at the foot of a tall screen. */
/* The footer item whose text is text, or NULL. */
static const struct item *footer_text(const struct scene *s, const char *text)
{
    for (size_t i = 0; i < s->count; i++)
        if (s->items[i].text && strcmp(s->items[i].text, text) == 0)
            return &s->items[i];
    return NULL;
}

/* On a portrait screen, too narrow for the event's name, its place and
 * the clock on one line, the name stands whole across the band's first
 * line, the place and the clock on the second. */
static void a_portrait_footer_gives_the_event_name_a_line_of_its_own(void **state)
{
    (void)state;
    char name_text[] = "World Government Summit 2025", place_text[] = "Dubai, UAE";
    struct programme prog = {.event = {.name = name_text, .place = place_text}};
    theme_init_defaults(&prog.theme);
    struct frame_geometry g = layout_geometry(1080, 1920);
    struct scene s = {0};
    layout_footer(&fake, &prog, "Wed 12 Feb 2025  10:00", &g, &s);
    assert_scene_sound(&s, &g, g.footer, thirtieth(&g));
    const struct item *name = footer_text(&s, prog.event.name);
    const struct item *place = footer_text(&s, prog.event.place);
    const struct item *clock = footer_text(&s, "Wed 12 Feb 2025  10:00");
    assert_non_null(name);
    assert_non_null(place);
    assert_non_null(clock);
    assert_true(place->box.y >= name->box.y + name->box.h);
    assert_true(clock->box.y >= name->box.y + name->box.h);
    assert_int_equal(clock->box.x + clock->box.w, g.content.x + g.content.w);
    scene_clear(&s);
    /* a landscape screen keeps them on one line */
    g = layout_geometry(1920, 1080);
    layout_footer(&fake, &prog, "Wed 12 Feb 2025  10:00", &g, &s);
    assert_non_null(footer_text(&s, "World Government Summit 2025" BLOCK_SEPARATOR "Dubai, UAE"));
    scene_clear(&s);
    theme_free(&prog.theme);
}

static void a_caption_stands_under_its_picture(void **state)
{
    (void)state;
    char image[] = "poster.png", caption[] = "Keynote at 14:00 in Hall A";
    struct slide slide = {.kind = SLIDE_IMAGE, .image = image, .caption = caption};
    struct programme prog = {.slides = &slide, .slide_count = 1};
    theme_init_defaults(&prog.theme);
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        struct frame_geometry g = layout_geometry(sizes[k][0], sizes[k][1]);
        struct scene scene = {0};
        layout_slide(&fake, &prog, &slide, &g, &scene);
        const struct item *picture = NULL, *text = NULL;
        for (size_t i = 0; i < scene.count; i++) {
            if (scene.items[i].kind == ITEM_IMAGE)
                picture = &scene.items[i];
            if (scene.items[i].kind == ITEM_TEXT && strcmp(scene.items[i].text, caption) == 0)
                text = &scene.items[i];
        }
        assert_non_null(picture);
        assert_non_null(text);
        int below = text->box.y - (picture->box.y + picture->box.h);
        assert_true(below >= 0);
        assert_true(below <= g.h / 20);
        /* as much room above the picture as under the caption */
        int above = picture->box.y, under = g.footer.y - (text->box.y + text->box.h);
        assert_true(abs(above - under) <= g.h / 20);
        scene_clear(&scene);
    }
    theme_free(&prog.theme);
}

static int largest_px(const struct scene *s)
{
    int largest = 0;
    for (size_t i = 0; i < s->count; i++)
        if (s->items[i].kind == ITEM_TEXT && s->items[i].px > largest)
            largest = s->items[i].px;
    return largest;
}

static void a_short_slide_is_set_large_and_a_long_one_smaller(void **state)
{
    (void)state;
    struct programme prog = {0};
    theme_init_defaults(&prog.theme);
    struct slide slide = {.kind = SLIDE_HEADLINE, .title = (char *)"Welcome"};
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        struct frame_geometry g = layout_geometry(sizes[k][0], sizes[k][1]);
        int most = (int)lroundf((float)prog.theme.largest_text * g.unit);
        struct scene scene = {0};
        slide.body = NULL;
        layout_slide(&fake, &prog, &slide, &g, &scene);
        /* one short line: as large as the theme lets text grow */
        assert_int_equal(largest_px(&scene), most);
        assert_scene_sound(&scene, &g, g.content, thirtieth(&g));
        scene_clear(&scene);
        /* with a long body the title keeps its proportion to it, and all fits */
        char body[1200] = "";
        for (int i = 0; i < 8; i++)
            strcat(body, "A body long enough to take many lines on any screen, so the slide "
                         "cannot be set at its largest. ");
        slide.body = body;
        layout_slide(&fake, &prog, &slide, &g, &scene);
        assert_true(largest_px(&scene) < most);
        assert_scene_sound(&scene, &g, g.content, thirtieth(&g));
        scene_clear(&scene);
    }
    theme_free(&prog.theme);
}

/* The item drawing text, or NULL. */
static const struct item *find_text(const struct scene *s, const char *text)
{
    for (size_t i = 0; i < s->count; i++)
        if (s->items[i].kind == ITEM_TEXT && strcmp(s->items[i].text, text) == 0)
            return &s->items[i];
    return NULL;
}

static void labels_and_dates_are_in_the_events_language(void **state)
{
    (void)state;
    struct programme prog = {0};
    theme_init_defaults(&prog.theme);
    char *codes[] = {(char *)"ar", (char *)"ru"};
    prog.event.languages = codes;
    prog.event.language_count = 1;
    char *speakers[] = {(char *)"Alikhan Baimenov"};
    struct slide slide = {.kind = SLIDE_SESSION,
                          .title = (char *)"Effective Governance",
                          .chair = (char *)"Kanysh Tuleishin",
                          .speakers = speakers,
                          .speaker_count = 1,
                          .date = {true, 20131}}; /* 2025-02-12 */
    struct frame_geometry g = layout_geometry(1920, 1080);
    struct scene scene = {0};
    layout_slide(&fake, &prog, &slide, &g, &scene);
    /* Arabic: the date and the labels, each against the right margin */
    const char *arabic[] = {"الأربعاء 12 فبراير 2025", "رئيس الجلسة", "المتحدث"};
    for (size_t i = 0; i < 3; i++) {
        const struct item *it = find_text(&scene, arabic[i]);
        assert_non_null(it);
        assert_true(it->rtl);
        assert_int_equal(it->box.x + it->box.w, g.content.x + g.content.w);
    }
    scene_clear(&scene);
    /* two languages: labels in both, the date in the first */
    prog.event.language_count = 2;
    layout_slide(&fake, &prog, &slide, &g, &scene);
    assert_non_null(find_text(&scene, "رئيس الجلسة / Модератор"));
    assert_non_null(find_text(&scene, "الأربعاء 12 فبراير 2025"));
    scene_clear(&scene);
    codes[0] = (char *)"kk";
    prog.event.language_count = 1;
    layout_slide(&fake, &prog, &slide, &g, &scene);
    assert_non_null(find_text(&scene, "12 ақпан 2025, сәрсенбі"));
    assert_non_null(find_text(&scene, "Спикер"));
    scene_clear(&scene);
    theme_free(&prog.theme);
}

static void right_to_left_paragraphs_are_set_from_the_right(void **state)
{
    (void)state;
    struct rgba white = {255, 255, 255, 255};
    struct block blocks[] = {
        {.kind = BLOCK_TEXT,
         .text = "مرحبا بكم في القمة",
         .size = 40,
         .min_size = 20,
         .line_height = 1.2f,
         .colour = white},
        {.kind = BLOCK_RULE, .size = 8, .min_size = 4, .width = 100, .colour = white},
        {.kind = BLOCK_TEXT,
         .text = "Welcome\nمرحبا",
         .size = 30,
         .min_size = 20,
         .line_height = 1.2f,
         .space_before = 10,
         .colour = white},
    };
    struct box box = {100, 100, 1000, 600};
    struct scene scene = {0};
    layout_stack(&fake, blocks, 3, box, ALIGN_START, ALIGN_START, &scene);
    assert_int_equal(scene.count, 4);
    /* the Arabic title ends at the right edge, and the rule under it too */
    assert_true(scene.items[0].rtl);
    assert_int_equal(scene.items[0].box.x + scene.items[0].box.w, box.x + box.w);
    assert_int_equal(scene.items[1].box.x + scene.items[1].box.w, box.x + box.w);
    /* each paragraph keeps its own direction */
    assert_false(scene.items[2].rtl);
    assert_int_equal(scene.items[2].box.x, box.x);
    assert_true(scene.items[3].rtl);
    assert_int_equal(scene.items[3].box.x + scene.items[3].box.w, box.x + box.w);
    scene_clear(&scene);
}

static void directions_can_be_set_for_the_slide_and_each_field(void **state)
{
    (void)state;
    struct theme base;
    theme_init_defaults(&base);
    struct programme prog;
    struct diag_list diags = {0};
    assert_true(content_load(FIXTURES_DIR "/languages", &base, &prog, &diags));
    const struct slide *forced = &prog.slides[4];
    struct frame_geometry g = layout_geometry(1920, 1080);
    struct scene scene = {0};
    layout_slide(&fake, &prog, forced, &g, &scene);
    int right = g.content.x + g.content.w;
    for (size_t i = 0; i < scene.count; i++) {
        const struct item *it = &scene.items[i];
        if (it->kind != ITEM_TEXT)
            continue;
        if (strcmp(it->text, "Dubai, UAE") == 0) { /* directions: body: ltr */
            assert_false(it->rtl);
            assert_int_equal(it->box.x, g.content.x);
        } else { /* direction: rtl, though "2025: ..." and "WGS ..." start with no Arabic */
            assert_true(it->rtl);
            assert_int_equal(it->box.x + it->box.w, right);
        }
    }
    scene_clear(&scene);
    programme_free(&prog);
    diag_list_clear(&diags);
    theme_free(&base);
}

int main(void)
{
    translate_init(LOCALE_DIR);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wrap_breaks_at_spaces_within_the_width),
        cmocka_unit_test(a_short_slide_is_set_large_and_a_long_one_smaller),
        cmocka_unit_test(labels_and_dates_are_in_the_events_language),
        cmocka_unit_test(wrap_keeps_hard_breaks_and_blank_lines),
        cmocka_unit_test(wrap_breaks_a_word_only_when_it_alone_is_too_wide),
        cmocka_unit_test(wrap_breaks_after_hyphens_not_at_no_break_spaces),
        cmocka_unit_test(wrap_takes_a_noncharacter_for_a_letter),
        cmocka_unit_test(wrap_breaks_between_ideographs),
        cmocka_unit_test(wrap_stops_at_max_lines_and_says_so),
        cmocka_unit_test(stack_shrinks_long_text_to_fit_its_box),
        cmocka_unit_test(huge_text_is_laid_out_in_time_linear_in_what_is_shown),
        cmocka_unit_test(stack_cuts_what_cannot_fit_with_an_ellipsis),
        cmocka_unit_test(fit_aspect_keeps_proportions_inside_the_box),
        cmocka_unit_test(grid_is_balanced_for_one_to_twenty_four),
        cmocka_unit_test(every_slide_fits_every_screen),
        cmocka_unit_test(long_text_continues_on_pages_at_every_size),
        cmocka_unit_test(partners_draw_logos_or_wordmarks),
        cmocka_unit_test(a_caption_stands_under_its_picture),
        cmocka_unit_test(a_portrait_footer_gives_the_event_name_a_line_of_its_own),
        cmocka_unit_test(right_to_left_paragraphs_are_set_from_the_right),
        cmocka_unit_test(directions_can_be_set_for_the_slide_and_each_field),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
