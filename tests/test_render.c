/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Slides drawn by the software renderer into memory, no display: each kind
 * at each screen size is drawn, legible, inside its margins. */
#include "../app/limits.h"
#include "../app/content/content.h"
#include "../app/content/loader.h"
#include "../app/layout/slide_layout.h"
#include "../app/render/coverage.h"
#include "../app/render/fonts.h"
#include "../app/render/frame.h"
#include "../app/render/images.h"
#include "../app/render/png.h"
#include "../app/render/render.h"
#include "../app/render/stage.h"
#include "../app/show/running_order.h"
#include "../app/util/civil_time.h"
#include "../app/util/zone.h"
#include "../app/util/str.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include "descriptors.h"
#include "temp.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <fcntl.h>

static const int sizes[][2] = {{1280, 720}, {1920, 1080}, {1080, 1920}, {3840, 2160}};

struct canvas {
    SDL_Surface *surface;
    SDL_Renderer *sdl;
    struct renderer *r;
};

static struct canvas open_canvas(const struct theme *theme, int w, int h)
{
    struct canvas c;
    /* XRGB, as a window's surface: crossfades write its pixels themselves */
    c.surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_XRGB8888);
    assert_non_null(c.surface);
    c.sdl = SDL_CreateSoftwareRenderer(c.surface);
    assert_non_null(c.sdl);
    char err[256];
    c.r = render_create(c.sdl, theme, err, sizeof err);
    assert_non_null(c.r);
    render_set_canvas(c.r, c.surface);
    return c;
}

static void close_canvas(struct canvas *c)
{
    render_destroy(c->r);
    SDL_DestroyRenderer(c->sdl);
    SDL_FreeSurface(c->surface);
}

static struct rgba pixel(const SDL_Surface *s, int x, int y)
{
    Uint32 v = ((const Uint32 *)s->pixels)[y * (s->pitch / 4) + x];
    return (struct rgba){(uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v, 0xff};
}

static bool near(struct rgba a, struct rgba b, int tolerance)
{
    return abs(a.r - b.r) <= tolerance && abs(a.g - b.g) <= tolerance &&
           abs(a.b - b.b) <= tolerance;
}

static struct rgba gradient_at(const struct theme *t, int y, int h)
{
    float f = (float)y / (float)(h - 1);
    return (struct rgba){(uint8_t)(t->background.r + f * (t->background_end.r - t->background.r)),
                         (uint8_t)(t->background.g + f * (t->background_end.g - t->background.g)),
                         (uint8_t)(t->background.b + f * (t->background_end.b - t->background.b)),
                         0xff};
}

/* True when every pixel of box is the plain background. */
static bool plain_background(const SDL_Surface *s, const struct theme *t, struct box b)
{
    for (int y = b.y; y < b.y + b.h; y++)
        for (int x = b.x; x < b.x + b.w; x++)
            if (!near(pixel(s, x, y), gradient_at(t, y, s->h), 2))
                return false;
    return true;
}

static size_t count_near(const SDL_Surface *s, struct box b, struct rgba colour, int tolerance)
{
    size_t n = 0;
    for (int y = b.y; y < b.y + b.h; y++)
        for (int x = b.x; x < b.x + b.w; x++)
            n += near(pixel(s, x, y), colour, tolerance);
    return n;
}

static void load(const char *dir, struct theme *base, struct programme *prog)
{
    struct diag_list diags = {0};
    theme_init_defaults(base);
    assert_true(content_load(dir, base, prog, &diags));
    diag_list_clear(&diags);
}

/* Checks every slide of the show at dir as it stands at now (event time,
 * "YYYY-MM-DD HH:MM"), or of all of it when now is NULL, on the screen of
 * room (NULL: every room's); returns how many boards it has. */
static size_t check_show_in(const char *dir, const char *now, const char *room)
{
    struct theme base;
    struct programme loaded, prog;
    load(dir, &base, &loaded);
    zone_use(loaded.event.timezone);
    int64_t local;
    /* no moment: a clock before 2020 shows every slide, unfiltered */
    assert_true(civil_parse_datetime(now ? now : "2015-01-01 00:00", &local));
    const struct order_view view = {.overview_rows = 5, .room = room, .clock_given = now != NULL};
    order_build_view(&loaded, zone_utc(local), &view, &prog);
    size_t boards = 0;
    for (size_t i = 0; i < prog.slide_count; i++)
        boards += prog.slides[i].kind == SLIDE_BOARD;
    programme_free(&loaded);
    const struct theme *t = &prog.theme;
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        int w = sizes[k][0], h = sizes[k][1];
        struct canvas c = open_canvas(t, w, h);
        struct frame_geometry g = layout_geometry(w, h);
        for (size_t i = 0; i < prog.slide_count; i++) {
            const struct slide *slide = &prog.slides[i];
            assert_true(frame_draw_slide(c.r, &prog, slide, "Wed 12 Feb 2025  10:00", w, h));
            SDL_RenderFlush(c.sdl);
            const SDL_Surface *s = c.surface;
            /* the margins are untouched: nothing spills out of the content box */
            int gap = (int)g.unit;
            struct box left = {0, 0, g.content.x - gap, g.footer.y};
            struct box right = {g.content.x + g.content.w + gap, 0,
                                w - g.content.x - g.content.w - gap, g.footer.y};
            struct box above = {0, 0, w, g.content.y - gap};
            struct box below = {0, g.content.y + g.content.h + gap, w,
                                g.footer.y - g.content.y - g.content.h - gap};
            assert_true(plain_background(s, t, left));
            assert_true(plain_background(s, t, right));
            assert_true(plain_background(s, t, above));
            assert_true(plain_background(s, t, below));
            /* the footer band is there, with light text on it */
            assert_true(near(pixel(s, 1, g.footer.y + g.footer.h - 2), t->footer_background, 1));
            assert_true(count_near(s, g.footer, t->footer_text, 30) > (size_t)(g.unit * g.unit));
            /* the slide carries text in the theme's text colour, or logos */
            size_t text = count_near(s, g.content, t->text, 20);
            assert_true(text > (size_t)(10 * g.unit * g.unit));
            /* every character of the slide is in the font */
            struct scene scene = {0};
            layout_slide(render_measurer(c.r), &prog, slide, &g, &scene);
            for (size_t j = 0; j < scene.count; j++) {
                const struct item *it = &scene.items[j];
                if (it->kind != ITEM_TEXT)
                    continue;
                assert_true(box_contains(g.content, it->box));
                assert_int_equal(fonts_first_missing(render_fonts(c.r), it->style, it->text), 0);
            }
            scene_clear(&scene);
        }
        close_canvas(&c);
    }
    programme_free(&prog);
    theme_free(&base);
    return boards;
}

static void check_show_at(const char *dir, const char *now)
{
    check_show_in(dir, now, NULL);
}

/* A schedule of rooms rooms, each with a talk running at 10:15 on
 * 2025-02-12 in Dubai and the next, some with long titles. */
static void write_schedule(const char *dir, int rooms)
{
    char path[128];
    snprintf(path, sizeof path, "%s/slides", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/event.yaml", dir);
    FILE *f = fopen(path, "w");
    fputs("name: Board test\ntimezone: Asia/Dubai\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/schedule.csv", dir);
    f = fopen(path, "w");
    fputs("date,start,end,room,title,speakers,track\n", f);
    for (int r = 1; r <= rooms; r++) {
        fprintf(f, "2025-02-12,10:00,10:45,Hall %d,Talk in hall %d%s,Speaker %d,Track %d\n", r, r,
                r % 3 ? "" : " with a much longer title that runs over two lines of its cell", r,
                r % 4);
        fprintf(f, "2025-02-12,11:00,11:45,Hall %d,Next in hall %d,,\n", r, r);
    }
    fclose(f);
}

static void boards_of_2_8_and_30_rooms_and_a_room_screen(void **state)
{
    (void)state;
    const int rooms[] = {2, 8, 30};
    for (size_t i = 0; i < sizeof rooms / sizeof *rooms; i++) {
        char dir[] = "/tmp/hallscreen-board-" TEMP_SUFFIX;
        assert_non_null(mkdtemp(dir));
        write_schedule(dir, rooms[i]);
        /* five rooms a page, every page inside its margins at every size */
        assert_int_equal(check_show_in(dir, "2025-02-12 10:15", NULL), (size_t)(rooms[i] + 4) / 5);
        assert_int_equal(check_show_in(dir, "2025-02-12 10:15", "hall-2"), 1);
        char cmd[128];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        assert_int_equal(system(cmd), 0);
    }
    /* a real export, at a moment of its event */
    assert_int_equal(check_show_in(FIXTURES_DIR "/schedules/lswt2019", "2019-05-22 14:20", NULL),
                     1);
    assert_int_equal(
        check_show_in(FIXTURES_DIR "/schedules/lswt2019", "2019-05-22 14:20", "Main Track"), 1);
}

static void default_show_draws_inside_its_margins(void **state)
{
    (void)state;
    check_show_at(CONTENT_DIR, "2025-02-12 10:00");
    check_show_at(CONTENT_DIR, "2025-02-13 10:00"); /* after the event */
}

static void every_field_draws_inside_its_margins(void **state)
{
    (void)state;
    check_show_at(FIXTURES_DIR "/full", NULL);
}

static void overviews_and_marks_draw_inside_their_margins(void **state)
{
    (void)state;
    check_show_at(FIXTURES_DIR "/timed", "2025-06-03 08:30"); /* a window, all to come */
    check_show_at(FIXTURES_DIR "/timed", "2025-06-03 11:45"); /* now and next */
    check_show_at(FIXTURES_DIR "/timed", "2025-06-03 18:00"); /* resumes tomorrow */
}

static void default_font_draws_kazakh_and_russian(void **state)
{
    (void)state;
    struct theme t;
    theme_init_defaults(&t);
    struct canvas c = open_canvas(&t, 640, 360);
    const char *letters = "ӘҒҚҢӨҰҮҺІ әғқңөұүһі Съешь же ещё этих мягких французских булок «»—€₸";
    assert_int_equal(fonts_first_missing(render_fonts(c.r), FONT_REGULAR, letters), 0);
    assert_int_equal(fonts_first_missing(render_fonts(c.r), FONT_BOLD, letters), 0);
    close_canvas(&c);
    theme_free(&t);
}

static void every_script_is_drawn_and_arabic_stands_right(void **state)
{
    (void)state;
    check_show_at(FIXTURES_DIR "/languages", NULL);
    struct theme base;
    struct programme prog;
    load(FIXTURES_DIR "/languages", &base, &prog);
    struct canvas c = open_canvas(&prog.theme, 1920, 1080);
    const struct slide *arabic = &prog.slides[0];
    assert_true(frame_draw_slide(c.r, &prog, arabic, "10:00", 1920, 1080));
    SDL_RenderFlush(c.sdl);
    /* the title's line is white on its right half, empty on its far left */
    struct frame_geometry g = layout_geometry(1920, 1080);
    struct scene scene = {0};
    layout_slide(render_measurer(c.r), &prog, arabic, &g, &scene);
    const struct item *title = NULL; /* the largest text */
    for (size_t i = 0; i < scene.count; i++)
        if (scene.items[i].kind == ITEM_TEXT && (!title || scene.items[i].px > title->px))
            title = &scene.items[i];
    assert_non_null(title);
    assert_true(title->rtl);
    assert_int_equal(title->box.x + title->box.w, g.content.x + g.content.w);
    struct box right = {g.content.x + g.content.w - 200, title->box.y, 200, title->box.h};
    struct box left = {g.content.x, title->box.y, 200, title->box.h};
    assert_true(count_near(c.surface, right, prog.theme.text, 30) > 200);
    assert_int_equal(count_near(c.surface, left, prog.theme.text, 30), 0);
    scene_clear(&scene);
    close_canvas(&c);
    programme_free(&prog);
    theme_free(&base);
}

static void logos_and_wordmarks_are_drawn_in_their_cards(void **state)
{
    (void)state;
    struct theme base;
    struct programme prog;
    load(FIXTURES_DIR "/full", &base, &prog);
    const struct slide *slide = &prog.slides[2];
    assert_int_equal(slide->kind, SLIDE_PARTNERS);
    struct canvas c = open_canvas(&prog.theme, 1920, 1080);
    assert_true(frame_draw_slide(c.r, &prog, slide, "10:00", 1920, 1080));
    SDL_RenderFlush(c.sdl);
    struct frame_geometry g = layout_geometry(1920, 1080);
    struct scene scene = {0};
    layout_slide(render_measurer(c.r), &prog, slide, &g, &scene);
    /* the cards, in order: vector.svg (blue square, amber disc), raster.png
     * (green), then wordmarks in the background colour */
    struct box cards[3];
    size_t n = 0;
    for (size_t i = 0; i < scene.count && n < 3; i++)
        if (scene.items[i].kind == ITEM_FILL && near(scene.items[i].colour, prog.theme.card, 0))
            cards[n++] = scene.items[i].box;
    assert_int_equal(n, 3);
    assert_true(count_near(c.surface, cards[0], (struct rgba){0x2a, 0x6e, 0xbb, 0xff}, 8) > 100);
    assert_true(count_near(c.surface, cards[0], (struct rgba){0xe0, 0xa0, 0x20, 0xff}, 8) > 100);
    assert_true(count_near(c.surface, cards[1], (struct rgba){0x3a, 0x8a, 0x3a, 0xff}, 8) > 100);
    assert_true(count_near(c.surface, cards[2], prog.theme.background, 40) > 100);
    scene_clear(&scene);
    close_canvas(&c);
    programme_free(&prog);
    theme_free(&base);
}

/* Copies the canvas's pixels. */
static Uint32 *snapshot(const SDL_Surface *s)
{
    size_t n = (size_t)s->w * (size_t)s->h;
    Uint32 *copy = malloc(n * sizeof *copy);
    for (int y = 0; y < s->h; y++)
        memcpy(copy + (size_t)y * (size_t)s->w, (const char *)s->pixels + y * s->pitch,
               (size_t)s->w * sizeof *copy);
    return copy;
}

/* Draws the slide alone (no transition) and copies the canvas's pixels. */
static Uint32 *drawn(struct canvas *c, const struct programme *prog, const struct slide *slide,
                     int w, int h)
{
    assert_true(frame_draw_slide(c->r, prog, slide, "10:00", w, h));
    SDL_RenderFlush(c->sdl);
    return snapshot(c->surface);
}

static struct rgba at(const Uint32 *pixels, int w, int x, int y)
{
    Uint32 v = pixels[y * w + x];
    return (struct rgba){(uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v, 0xff};
}

static void transitions_blend_two_ready_slides_without_a_black_frame(void **state)
{
    (void)state;
    struct theme base;
    struct programme prog;
    load(CONTENT_DIR, &base, &prog);
    int w = 640, h = 360;
    struct canvas c = open_canvas(&prog.theme, w, h);
    const struct slide *a = &prog.slides[0], *b = &prog.slides[2];
    Uint32 *from = drawn(&c, &prog, a, w, h), *to = drawn(&c, &prog, b, w, h);
    uint64_t from_key = render_slide_key(c.r, a);
    assert_true(frame_draw_slide(c.r, &prog, a, "10:00", w, h)); /* a is on screen */
    for (int kind = TRANSITION_CROSSFADE; kind <= TRANSITION_PUSH; kind++) {
        for (int step = 0; step <= 10; step++) {
            if (step == 0) /* a is on screen again */
                assert_true(frame_draw_slide(c.r, &prog, a, "10:00", w, h));
            struct frame f = {&prog, b,      from_key, (float)step / 10.0f, (enum transition)kind,
                              1,     "10:00"};
            assert_true(frame_draw(c.r, &f, w, h));
            SDL_RenderFlush(c.sdl);
            /* never a black pixel: no black or half-drawn frame */
            struct box all = {0, 0, w, h};
            assert_int_equal(count_near(c.surface, all, (struct rgba){0, 0, 0, 255}, 3), 0);
            if (step != 5)
                continue;
            /* half way: a crossfade mixes both; a push shows the right half of
             * the slide going out on the left */
            for (int y = 0; y < h * 8 / 10; y += 3) {
                for (int x = 0; x < (kind == TRANSITION_PUSH ? w / 2 : w); x += 3) {
                    struct rgba p = pixel(c.surface, x, y);
                    if (kind == TRANSITION_PUSH) {
                        assert_true(near(p, at(from, w, x + w / 2, y), 2));
                    } else {
                        struct rgba f1 = at(from, w, x, y), t1 = at(to, w, x, y);
                        struct rgba mid = {(uint8_t)((f1.r + t1.r) / 2),
                                           (uint8_t)((f1.g + t1.g) / 2),
                                           (uint8_t)((f1.b + t1.b) / 2), 255};
                        assert_true(near(p, mid, 4));
                    }
                }
            }
        }
    }
    free(from);
    free(to);
    close_canvas(&c);
    programme_free(&prog);
    theme_free(&base);
}

/* After the theme changed, the coming slide's background is another: the
 * crossfade mixes it in everywhere, not only where the slides have text. */
static void a_crossfade_to_another_background_mixes_everywhere(void **state)
{
    (void)state;
    struct theme base;
    struct programme prog;
    load(CONTENT_DIR, &base, &prog);
    int w = 640, h = 360;
    struct canvas c = open_canvas(&prog.theme, w, h);
    const struct slide *a = &prog.slides[0], *b = &prog.slides[2];
    Uint32 *from = drawn(&c, &prog, a, w, h);
    uint64_t from_key = render_slide_key(c.r, a);
    struct rgba old_background = prog.theme.background, old_end = prog.theme.background_end;
    prog.theme.background = prog.theme.background_end = (struct rgba){0x80, 0x20, 0x20, 0xff};
    render_forget(c.r); /* the content changed */
    for (int step = 0; step <= 5; step++) {
        struct frame f = {&prog, b,      from_key, (float)step / 10.0f, TRANSITION_CROSSFADE,
                          1,     "10:00"};
        assert_true(frame_draw(c.r, &f, w, h));
    }
    SDL_RenderFlush(c.sdl);
    /* half way, a corner with no text on either slide is half the new red */
    struct rgba p = pixel(c.surface, w - 3, 3), f1 = at(from, w, w - 3, 3);
    struct rgba mid = {(uint8_t)((f1.r + 0x80) / 2), (uint8_t)((f1.g + 0x20) / 2),
                       (uint8_t)((f1.b + 0x20) / 2), 255};
    assert_true(near(p, mid, 4));
    prog.theme.background = old_background;
    prog.theme.background_end = old_end;
    free(from);
    close_canvas(&c);
    programme_free(&prog);
    theme_free(&base);
}

/* The stage remembers which pages fit: asked again, about the same page or
 * one that changed, it answers as measuring the page afresh does. */
static void a_remembered_fit_is_the_fit_of_the_page_as_it_is(void **state)
{
    (void)state;
    struct theme base;
    struct programme prog;
    load(CONTENT_DIR, &base, &prog);
    const struct slide *session = NULL;
    for (size_t i = 0; i < prog.slide_count && !session; i++)
        if (prog.slides[i].kind == SLIDE_SESSION)
            session = &prog.slides[i];
    assert_non_null(session);
    struct canvas c = open_canvas(&prog.theme, 1280, 720);
    struct stage stage;
    char err[256];
    assert_true(stage_open(&stage, c.sdl, false, &prog.theme, 0, "no", err, sizeof err));
    struct order_view view = {0};
    stage_fit_view(&stage, &view);
    struct frame_geometry g = layout_geometry(1280, 720);
    const struct measurer *m = render_measurer(stage.renderer);
    char *long_text = malloc(12001);
    for (int i = 0; i < 12000; i++)
        long_text[i] = i % 7 == 6 ? ' ' : 'a' + i % 5;
    long_text[12000] = '\0';
    struct slide variants[3];
    for (int v = 0; v < 3; v++)
        assert_true(slide_copy(&variants[v], session));
    free(variants[1].description);
    variants[1].description = str_dup(long_text); /* too long for one page */
    free(variants[2].translated_description);
    variants[2].translated_description = str_dup(long_text); /* only its translation */
    for (int round = 0; round < 2; round++)
        for (int v = 0; v < 3; v++)
            assert_int_equal(view.fitter.fits(view.fitter.ctx, &prog, &variants[v]),
                             layout_slide_fits(m, &prog, &variants[v], &g));
    assert_true(view.fitter.fits(view.fitter.ctx, &prog, &variants[0]));
    assert_false(view.fitter.fits(view.fitter.ctx, &prog, &variants[1]));
    assert_false(view.fitter.fits(view.fitter.ctx, &prog, &variants[2]));
    /* a theme whose smallest text is larger: measured again, not remembered */
    prog.theme.smallest_text *= 3;
    prog.theme.largest_text *= 3;
    for (int v = 0; v < 3; v++)
        assert_int_equal(view.fitter.fits(view.fitter.ctx, &prog, &variants[v]),
                         layout_slide_fits(m, &prog, &variants[v], &g));
    for (int v = 0; v < 3; v++)
        slide_free(&variants[v]);
    free(long_text);
    stage_close(&stage);
    close_canvas(&c);
    programme_free(&prog);
    theme_free(&base);
}

static void a_sideways_screen_gets_a_turned_landscape_frame(void **state)
{
    (void)state;
    struct theme base;
    struct programme prog;
    load(CONTENT_DIR, &base, &prog);
    /* a 640x360 landscape slide on a screen turned to stand 360 wide, 640 high */
    struct canvas c = open_canvas(&prog.theme, 360, 640);
    render_set_rotation(c.r, 90);
    int lw, lh;
    render_logical_size(c.r, 360, 640, &lw, &lh);
    assert_int_equal(lw, 640);
    assert_int_equal(lh, 360);
    assert_true(frame_draw_slide(c.r, &prog, &prog.slides[0], "10:00", 360, 640));
    SDL_RenderFlush(c.sdl);
    /* turned clockwise, the footer (the bottom of the slide) runs down the left edge */
    for (int y = 10; y < 630; y += 40)
        assert_true(near(pixel(c.surface, 1, y), prog.theme.footer_background, 2));
    assert_false(near(pixel(c.surface, 358, 320), prog.theme.footer_background, 2));
    close_canvas(&c);
    programme_free(&prog);
    theme_free(&base);
}

static void an_image_that_fails_to_decode_becomes_a_wordmark(void **state)
{
    (void)state;
    char dir[] = "/tmp/hallscreen-corrupt-" TEMP_SUFFIX;
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/broken.png", dir);
    /* a PNG header that promises 100x50, then garbage */
    static const unsigned char bytes[] = {
        0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0,   0,  0,
        100,  0,   0,   0,   50,   8,    6,    0,    0, 0, 1, 2,  3,   4,   'g', 'a', 'r', 'b'};
    FILE *f = fopen(path, "wb");
    fwrite(bytes, 1, sizeof bytes, f);
    fclose(f);
    struct theme t;
    theme_init_defaults(&t);
    struct canvas c = open_canvas(&t, 640, 360);
    char name[] = "Broken Logo Partner";
    struct partner partner = {name, path};
    struct slide slide = {.kind = SLIDE_PARTNERS, .partners = &partner, .partner_count = 1};
    struct programme prog = {.slides = &slide, .slide_count = 1, .theme = t};
    struct frame_geometry g = layout_geometry(640, 360);
    struct scene scene = {0};
    layout_slide(render_measurer(c.r), &prog, &slide, &g, &scene);
    bool wordmark = false;
    for (size_t i = 0; i < scene.count; i++) {
        assert_true(scene.items[i].kind != ITEM_IMAGE);
        wordmark |= scene.items[i].text && strstr(scene.items[i].text, "Broken") != NULL;
    }
    assert_true(wordmark);
    assert_true(frame_draw_slide(c.r, &prog, &slide, "10:00", 640, 360));
    scene_clear(&scene);
    close_canvas(&c);
    theme_free(&t);
    unlink(path);
    rmdir(dir);
}

static Uint32 argb_at(const SDL_Surface *s, int x, int y)
{
    return ((const Uint32 *)s->pixels)[y * (s->pitch / 4) + x];
}

/* The PNG at path as png_read_fd() reads it, and as SDL_image does (what
 * read every logo before), pixel for pixel in ARGB. */
static void read_as_sdl_image_does(const char *path)
{
    char why[200] = "";
    SDL_Surface *ours = png_read_fd(open(path, O_RDONLY), why, sizeof why);
    SDL_Surface *loaded = IMG_Load(path);
    SDL_Surface *theirs =
        loaded ? SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_ARGB8888, 0) : NULL;
    if (!ours || !theirs)
        fail_msg("%s: %s %s", path, why, SDL_GetError());
    assert_int_equal(ours->format->format, SDL_PIXELFORMAT_ARGB8888);
    assert_int_equal(ours->w, theirs->w);
    assert_int_equal(ours->h, theirs->h);
    for (int y = 0; y < ours->h; y++)
        for (int x = 0; x < ours->w; x++)
            if (argb_at(ours, x, y) != argb_at(theirs, x, y))
                fail_msg("%s: %d,%d is %08x, SDL_image reads %08x", path, x, y, argb_at(ours, x, y),
                         argb_at(theirs, x, y));
    SDL_FreeSurface(ours);
    SDL_FreeSurface(theirs);
    SDL_FreeSurface(loaded);
}

static void png_files_of_every_kind_are_read_as_written(void **state)
{
    (void)state;
    /* the bundled logos (16-bit RGBA, palettes), a fixture's 16-bit RGB */
    const char *given[] = {CONTENT_DIR "/logos/oecd.png", CONTENT_DIR "/logos/aspa.png",
                           CONTENT_DIR "/logos/clad.png", FIXTURES_DIR "/full/logos/raster.png"};
    for (size_t i = 0; i < sizeof given / sizeof *given; i++)
        read_as_sdl_image_does(given[i]);
    /* and what ImageMagick writes of the other colour types and depths,
     * against ImageMagick's own reading (SDL_image gives a grey picture
     * with a transparent grey SDL's default colours, not greys) */
    char dir[] = "/tmp/hallscreen-png-" TEMP_SUFFIX;
    assert_non_null(mkdtemp(dir));
    const char *kinds[][2] = {
        {"gray8", "-colorspace Gray -define png:color-type=0 -depth 8"},
        {"gray1",
         "-colorspace Gray -threshold 50% -define png:bit-depth=1 -define png:color-type=0"},
        {"grayalpha", "-colorspace Gray -define png:color-type=4"},
        {"rgb16interlaced", "-alpha off -depth 16 -interlace PNG"},
        {"palette4", "-colors 12 -define png:bit-depth=4 -define png:color-type=3"},
        {"palettealpha", "-channel A -evaluate set 50% +channel -colors 30 -type PaletteAlpha"},
    };
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
        char path[160], raw[170], cmd[600];
        snprintf(path, sizeof path, "%s/%s.png", dir, kinds[i][0]);
        snprintf(raw, sizeof raw, "%s.rgba", path);
        snprintf(cmd, sizeof cmd,
                 "convert '%s/logos/aapam.png' -resize 200x %s 'PNG:%s' && "
                 "convert '%s' -depth 8 'RGBA:%s'",
                 CONTENT_DIR, kinds[i][1], path, path, raw);
        assert_int_equal(system(cmd), 0);
        char why[200] = "";
        SDL_Surface *ours = png_read_fd(open(path, O_RDONLY), why, sizeof why);
        if (!ours)
            fail_msg("%s: %s", path, why);
        FILE *f = fopen(raw, "rb");
        for (int y = 0; y < ours->h; y++)
            for (int x = 0; x < ours->w; x++) {
                unsigned char rgba[4];
                assert_int_equal(fread(rgba, 1, 4, f), 4);
                Uint32 v = argb_at(ours, x, y);
                int got[4] = {(int)(v >> 16 & 0xff), (int)(v >> 8 & 0xff), (int)(v & 0xff),
                              (int)(v >> 24)};
                for (int k = rgba[3] || got[3] ? 0 : 3; k < 4; k++) /* colour of the unseen aside */
                    if (abs(got[k] - rgba[k]) > 1) /* 16 bits cut, or rounded, to 8 */
                        fail_msg("%s: %d,%d is %08x, ImageMagick reads %02x%02x%02x%02x", path, x,
                                 y, v, rgba[3], rgba[0], rgba[1], rgba[2]);
            }
        fclose(f);
        SDL_FreeSurface(ours);
        unlink(path);
        unlink(raw);
    }
    rmdir(dir);
}

#define LOGO CONTENT_DIR "/logos/oecd.png"

/* A temporary file holding the bundled logo but its last drop bytes, open
 * at its start, as a copy cut short leaves it; its name goes in path. */
static int logo_less(size_t drop, char *path)
{
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    struct stat st;
    assert_int_equal(stat(LOGO, &st), 0);
    size_t kept = (size_t)st.st_size - drop;
    char *bytes = malloc(kept);
    int source = open(LOGO, O_RDONLY);
    assert_int_equal(read(source, bytes, kept), (ssize_t)kept);
    close(source);
    assert_int_equal(write(fd, bytes, kept), (ssize_t)kept);
    assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
    free(bytes);
    return fd;
}

/* A PNG whose picture is whole but whose last chunk is missing (as some
 * programs write them) is shown, as SDL_image showed it. */
static void a_png_without_its_last_chunk_is_read_whole(void **state)
{
    (void)state;
    char path[] = "/tmp/hallscreen-tail-" TEMP_SUFFIX;
    int fd = logo_less(12, path); /* IEND: length, type, CRC */
    char why[200] = "";
    SDL_Surface *cut = png_read_fd(fd, why, sizeof why);
    SDL_Surface *whole = png_read_fd(open(LOGO, O_RDONLY), why, sizeof why);
    if (!cut || !whole)
        fail_msg("%s", why);
    assert_int_equal(cut->h, whole->h);
    assert_memory_equal(cut->pixels, whole->pixels, (size_t)whole->pitch * (size_t)whole->h);
    SDL_FreeSurface(cut);
    SDL_FreeSurface(whole);
    unlink(path);
}

static void a_png_cut_short_is_refused_saying_so(void **state)
{
    (void)state;
    char path[] = "/tmp/hallscreen-cut-" TEMP_SUFFIX;
    struct stat st;
    assert_int_equal(stat(LOGO, &st), 0);
    int fd = logo_less((size_t)st.st_size - 3000, path); /* its first 3000 bytes */
    char why[200] = "";
    assert_null(png_read_fd(fd, why, sizeof why));
    assert_non_null(strstr(why, "the file ends before its picture does"));
    unlink(path);
}

/* The last byte of the compressed picture changed (a bad disk, a copy
 * gone wrong): zlib's own sum of the picture, which it ends with, is not
 * computed, but the chunk's CRC refuses it. */
static void a_png_damaged_inside_its_picture_is_refused(void **state)
{
    (void)state;
    char path[] = "/tmp/hallscreen-flip-" TEMP_SUFFIX;
    int fd = logo_less(0, path);
    struct stat st;
    assert_int_equal(fstat(fd, &st), 0);
    unsigned char *bytes = malloc((size_t)st.st_size);
    assert_int_equal(read(fd, bytes, (size_t)st.st_size), st.st_size);
    off_t last_end = 0;                          /* the end of the last IDAT chunk's data */
    for (off_t at = 8; at + 12 <= st.st_size;) { /* chunks: length, type, data, CRC */
        off_t length =
            (off_t)bytes[at] << 24 | bytes[at + 1] << 16 | bytes[at + 2] << 8 | bytes[at + 3];
        if (memcmp(bytes + at + 4, "IDAT", 4) == 0)
            last_end = at + 8 + length;
        at += 12 + length;
    }
    assert_true(last_end > 0);
    bytes[last_end - 1] ^= 0x10;
    assert_int_equal(pwrite(fd, bytes, (size_t)st.st_size, 0), st.st_size);
    assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
    free(bytes);
    char why[200] = "";
    assert_null(png_read_fd(fd, why, sizeof why));
    assert_non_null(strstr(why, "IDAT: CRC error"));
    unlink(path);
}

static void a_missing_font_falls_back_to_the_default(void **state)
{
    (void)state;
    struct theme t;
    theme_init_defaults(&t);
    free(t.font);
    free(t.font_bold);
    t.font = strdup("/nonexistent/Missing-Regular.ttf");
    t.font_bold = strdup("No Such Family:bold");
    struct canvas c = open_canvas(&t, 640, 360); /* still opens: Noto Sans */
    assert_int_equal(fonts_first_missing(render_fonts(c.r), FONT_REGULAR, "ӘҒҚ"), 0);
    close_canvas(&c);
    theme_free(&t);
}

static void files_swapped_for_pipes_never_hang_the_show(void **state)
{
    (void)state;
    /* a font and a logo that were checked, then replaced by FIFOs: opening
     * one for reading would wait for a writer forever */
    char dir[] = "/tmp/hallscreen-fifo-" TEMP_SUFFIX;
    assert_non_null(mkdtemp(dir));
    char font[128], logo[128];
    snprintf(font, sizeof font, "%s/brand.ttf", dir);
    snprintf(logo, sizeof logo, "%s/logo.png", dir);
    assert_int_equal(mkfifo(font, 0644), 0);
    assert_int_equal(mkfifo(logo, 0644), 0);
    struct theme t;
    theme_init_defaults(&t);
    free(t.font);
    t.font = strdup(font);
    struct canvas c = open_canvas(&t, 640, 360); /* opens, in the default font */
    char name[] = "Piped Partner";
    struct partner partner = {name, logo};
    struct slide slide = {.kind = SLIDE_PARTNERS, .partners = &partner, .partner_count = 1};
    struct programme prog = {.slides = &slide, .slide_count = 1, .theme = t};
    assert_true(frame_draw_slide(c.r, &prog, &slide, "10:00", 640, 360));
    close_canvas(&c);
    theme_free(&t);
    unlink(font);
    unlink(logo);
    rmdir(dir);
}

static void an_extreme_svg_is_drawn_within_its_card(void **state)
{
    (void)state;
    /* 1 x 8000: once rasterised at 512 x 4,096,000 (8 GB) before a crash */
    char dir[] = "/tmp/hallscreen-svg-" TEMP_SUFFIX;
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/tall.svg", dir);
    FILE *f = fopen(path, "w");
    fputs("<svg xmlns=\"http://www.w3.org/2000/svg\">"
          "<rect width=\"2\" height=\"8000\" fill=\"#c00\"/></svg>",
          f); /* no size: the header check cannot see the shape, the decoder must bound it */
    fclose(f);
    struct theme t;
    theme_init_defaults(&t);
    struct canvas c = open_canvas(&t, 640, 360);
    char name[] = "Tall Partner";
    struct partner partner = {name, path};
    struct slide slide = {.kind = SLIDE_PARTNERS, .partners = &partner, .partner_count = 1};
    struct programme prog = {.slides = &slide, .slide_count = 1, .theme = t};
    int w = 0, h = 0;
    assert_true(
        render_measurer(c.r)->image_size(render_measurer(c.r)->ctx, path, (struct box){0}, &w, &h));
    assert_true(w <= 512 && h <= 512);
    assert_true(frame_draw_slide(c.r, &prog, &slide, "10:00", 640, 360));
    close_canvas(&c);
    theme_free(&t);
    unlink(path);
    rmdir(dir);
}

/* A poster of w x h, each pixel from colour_at, saved as PNG at path. */
static void save_poster(const char *path, int w, int h, Uint32 (*colour_at)(int x, int y, int w))
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(s);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x] = colour_at(x, y, w);
    assert_int_equal(IMG_SavePNG(s, path), 0);
    SDL_FreeSurface(s);
}

static Uint32 all_red(int x, int y, int w)
{
    (void)x, (void)y, (void)w;
    return 0xffff0000;
}

static Uint32 red_then_blue(int x, int y, int w)
{
    (void)y;
    return x < w / 2 ? 0xffff0000 : 0xff0000ff;
}

static Uint32 pinstripes(int x, int y, int w)
{
    (void)y, (void)w;
    return x % 2 ? 0xffffffff : 0xff000000;
}

static Uint32 speckles(int x, int y, int w)
{
    (void)w;
    return 0xff000000u | (Uint32)((x * 7) ^ (y * 13)) << 8 | (Uint32)(x + y) % 251;
}

/* images_sized()'s picture from a cache that kept the whole of path. */
static SDL_Surface *sized_from_whole(const char *path, int w, int h, struct images **kept)
{
    int natural_w, natural_h;
    *kept = images_create();
    assert_true(images_size(*kept, path, 0, 0, &natural_w, &natural_h));
    return images_sized(*kept, path, w, h, (struct box){0});
}

static void assert_same_pixels(const SDL_Surface *a, const SDL_Surface *b)
{
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(a->w, b->w);
    assert_int_equal(a->h, b->h);
    for (int y = 0; y < a->h; y++)
        assert_memory_equal((const Uint8 *)a->pixels + y * a->pitch,
                            (const Uint8 *)b->pixels + y * b->pitch, (size_t)a->w * 4);
}

static void a_logo_kept_for_its_box_is_drawn_as_from_the_whole_picture(void **state)
{
    (void)state;
    char dir[] = "/tmp/hallscreen-logo-" TEMP_SUFFIX, path[160];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/logo.png", dir);
    save_poster(path, 2000, 700, speckles);
    struct images *images = images_create(), *whole;
    int w, h;
    /* a card of 500 x 300: the logo is kept halved twice, its size told whole */
    assert_true(images_size(images, path, 500, 300, &w, &h));
    assert_int_equal(w, 2000);
    assert_int_equal(h, 700);
    assert_same_pixels(images_sized(images, path, 500, 175, (struct box){0}),
                       sized_from_whole(path, 500, 175, &whole));
    images_destroy(whole);
    /* a smaller box is served by what is kept, a larger one decodes again */
    assert_true(images_size(images, path, 200, 100, &w, &h));
    assert_same_pixels(images_sized(images, path, 200, 70, (struct box){0}),
                       sized_from_whole(path, 200, 70, &whole));
    images_destroy(whole);
    assert_true(images_size(images, path, 1800, 1000, &w, &h));
    assert_same_pixels(images_sized(images, path, 1800, 630, (struct box){0}),
                       sized_from_whole(path, 1800, 630, &whole));
    images_destroy(whole);
    images_destroy(images);
    unlink(path);
    rmdir(dir);
}

/* Renders the one slide of the folder dir at w x h into a canvas. */
static struct canvas render_only_slide(const char *dir, int w, int h, struct theme *base,
                                       struct programme *prog)
{
    load(dir, base, prog);
    assert_int_equal(prog->slide_count, 1);
    struct canvas c = open_canvas(&prog->theme, w, h);
    assert_true(frame_draw_slide(c.r, prog, &prog->slides[0], "10:00", w, h));
    SDL_RenderFlush(c.sdl);
    return c;
}

static void write_text_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void image_slides_contain_cover_and_filter(void **state)
{
    (void)state;
    char dir[] = "/tmp/hallscreen-poster-" TEMP_SUFFIX, path[160];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/slides", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/event.yaml", dir);
    write_text_file(path, "name: Posters\n");
    snprintf(path, sizeof path, "%s/square.png", dir);
    save_poster(path, 1000, 1000, all_red);
    snprintf(path, sizeof path, "%s/wide.png", dir);
    save_poster(path, 4000, 1000, red_then_blue);
    snprintf(path, sizeof path, "%s/stripes.png", dir);
    save_poster(path, 3840, 2160, pinstripes);
    char slide[160];
    snprintf(slide, sizeof slide, "%s/slides/10-poster.yaml", dir);
    const struct rgba red = {0xff, 0, 0, 0xff}, blue = {0, 0, 0xff, 0xff},
                      green = {0, 0xff, 0, 0xff};
    struct theme base;
    struct programme prog;
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        int w = sizes[k][0], h = sizes[k][1];
        struct frame_geometry g = layout_geometry(w, h);
        /* contain: all of the square, centred, on the slide's background */
        write_text_file(slide, "kind: image\nimage: square.png\nbackground: \"#00ff00\"\n");
        struct canvas c = render_only_slide(dir, w, h, &base, &prog);
        int side = w < g.footer.y ? w : g.footer.y;
        assert_true(near(pixel(c.surface, w / 2, g.footer.y / 2), red, 2));
        if (w > h) /* letterboxed at the sides, not stretched */
            assert_true(near(pixel(c.surface, (w - side) / 4, g.footer.y / 2), green, 2));
        else
            assert_true(near(pixel(c.surface, w / 2, (g.footer.y - side) / 4), green, 2));
        assert_true(near(pixel(c.surface, 1, g.footer.y + g.footer.h - 2),
                         prog.theme.footer_background, 1));
        close_canvas(&c);
        programme_free(&prog);
        theme_free(&base);
        /* cover: the slide filled, the focus deciding what stays */
        write_text_file(slide, "kind: image\nimage: wide.png\nfit: cover\nfocus: left\n"
                               "footer: false\n");
        c = render_only_slide(dir, w, h, &base, &prog);
        assert_true(near(pixel(c.surface, 1, 1), red, 2));
        assert_true(near(pixel(c.surface, w - 2, h - 2), red, 2)); /* no footer over it */
        close_canvas(&c);
        programme_free(&prog);
        theme_free(&base);
        write_text_file(slide, "kind: image\nimage: wide.png\nfit: cover\nfocus: right\n");
        c = render_only_slide(dir, w, h, &base, &prog);
        assert_true(near(pixel(c.surface, 1, 1), blue, 2));
        close_canvas(&c);
        programme_free(&prog);
        theme_free(&base);
    }
    /* the event's logo in the footer; the theme's picture behind every
     * slide, shaded, on the poster's bands */
    snprintf(path, sizeof path, "%s/event.yaml", dir);
    write_text_file(path, "name: Posters\nlogo: wide.png\n");
    snprintf(path, sizeof path, "%s/theme.yaml", dir);
    write_text_file(path, "background_image: square.png\n");
    write_text_file(slide, "kind: image\nimage: wide.png\n");
    struct canvas framed = render_only_slide(dir, 1920, 1080, &base, &prog);
    struct frame_geometry g = layout_geometry(1920, 1080);
    struct rgba band = pixel(framed.surface, 960, 60); /* above the wide picture */
    struct rgba plain = gradient_at(&prog.theme, 60, 1080);
    assert_true(band.r > plain.r + 20 && band.r < 0x80); /* red, shaded: text stays readable */
    struct box footer = {g.content.x, g.footer.y, g.content.w / 4, g.footer.h};
    assert_true(count_near(framed.surface, footer, red, 30) > 100);
    close_canvas(&framed);
    programme_free(&prog);
    theme_free(&base);
    unlink(path);
    snprintf(path, sizeof path, "%s/event.yaml", dir);
    write_text_file(path, "name: Posters\n");
    /* a 3840x2160 poster of one-pixel stripes on a 1920x1080 screen: grey,
     * not black and white stripes or a moire */
    write_text_file(slide, "kind: image\nimage: stripes.png\ncaption: Stripes\n");
    struct canvas c = render_only_slide(dir, 1920, 1080, &base, &prog);
    for (int x = 800; x < 1100; x += 7) {
        struct rgba p = pixel(c.surface, x, 400);
        assert_in_range(p.r, 90, 165);
    }
    close_canvas(&c);
    programme_free(&prog);
    theme_free(&base);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* Out of file descriptors, the font engine says so, not "install fonts". */
static void no_descriptor_left_is_not_a_missing_font(void **state)
{
    (void)state;
    struct theme theme;
    theme_init_defaults(&theme);
    free(theme.font);
    free(theme.font_bold);
    theme.font = str_dup("Noto Sans:style=Italic"); /* not opened before */
    theme.font_bold = str_dup("Noto Sans:style=Bold Italic");
    struct descriptors_held held;
    descriptors_exhaust(&held);
    char err[256] = "";
    struct fonts *fonts = fonts_open(&theme, err, sizeof err);
    descriptors_give_back(&held);
    fonts_close(fonts);
    theme_free(&theme);
    print_message("%s\n", err);
    assert_null(fonts);
    assert_non_null(strstr(err, "too many open files"));
}

/* A line as a coverage mask is the line SDL_ttf draws in colour: the
 * same cover as its alpha, expanded to the same pixels, and drawn onto a
 * picture, wherever it stands (cut at every edge too), what SDL's blend
 * of it gives: exactly on x86, within two levels where SDL's blend
 * rounds otherwise (arm64). */
static void a_line_as_a_mask_is_the_line_in_colour(void **state)
{
    (void)state;
    TTF_Font *font = TTF_OpenFont("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf", 61);
    assert_non_null(font);
    const char *text = "Цифровое правительство, Wé Ţară";
    const struct rgba inks[] = {{0xf4, 0xb4, 0x1a, 0xff}, {0x20, 0x90, 0xe0, 0x80}};
    SDL_Surface *mask = TTF_RenderUTF8_Shaded(font, text, (SDL_Color){255, 255, 255, 255},
                                              (SDL_Color){0, 0, 0, 255});
    assert_non_null(mask);
    assert_true(coverage_is_mask(mask));
    int worst = 0;
    for (size_t k = 0; k < sizeof inks / sizeof inks[0]; k++) {
        struct rgba ink = inks[k];
        SDL_Surface *coloured =
            TTF_RenderUTF8_Blended(font, text, (SDL_Color){ink.r, ink.g, ink.b, ink.a});
        SDL_Surface *expanded = coverage_in_colour(mask, ink);
        assert_non_null(coloured);
        assert_non_null(expanded);
        assert_int_equal(expanded->w, coloured->w);
        assert_int_equal(expanded->h, coloured->h);
        for (int y = 0; y < coloured->h; y++)
            assert_memory_equal((char *)expanded->pixels + y * expanded->pitch,
                                (char *)coloured->pixels + y * coloured->pitch,
                                (size_t)coloured->w * 4);
        const SDL_Point places[] = {{40, 30}, {-25, -20}, {700, 90}};
        for (size_t p = 0; p < sizeof places / sizeof places[0]; p++) {
            SDL_Surface *ours =
                SDL_CreateRGBSurfaceWithFormat(0, 900, 140, 32, SDL_PIXELFORMAT_RGB888);
            SDL_Surface *sdls =
                SDL_CreateRGBSurfaceWithFormat(0, 900, 140, 32, SDL_PIXELFORMAT_RGB888);
            assert_non_null(ours);
            assert_non_null(sdls);
            for (int y = 0; y < 140; y++)
                for (int x = 0; x < 900; x++) /* a background of every shade */
                    ((uint32_t *)ours->pixels)[y * (ours->pitch / 4) + x] =
                        (uint32_t)(x * 7 % 256) << 16 | (uint32_t)(y * 5 % 256) << 8 |
                        (uint32_t)((x + y) % 256);
            SDL_BlitSurface(ours, NULL, sdls, NULL);
            coverage_blend(ours, mask, places[p].x, places[p].y, ink);
            SDL_Rect at = {places[p].x, places[p].y, coloured->w, coloured->h};
            SDL_SetSurfaceBlendMode(coloured, SDL_BLENDMODE_BLEND);
            SDL_BlitSurface(coloured, NULL, sdls, &at);
            for (int y = 0; y < 140; y++)
                for (int x = 0; x < 900; x++)
                    for (int shift = 0; shift < 24; shift += 8) {
                        uint32_t a = ((uint32_t *)ours->pixels)[y * (ours->pitch / 4) + x];
                        uint32_t b = ((uint32_t *)sdls->pixels)[y * (sdls->pitch / 4) + x];
                        int d = abs((int)((a >> shift) & 0xff) - (int)((b >> shift) & 0xff));
                        worst = d > worst ? d : worst;
                    }
            SDL_FreeSurface(ours);
            SDL_FreeSurface(sdls);
        }
        SDL_FreeSurface(coloured);
        SDL_FreeSurface(expanded);
    }
    print_message("a mask drawn differs from SDL's blend by at most %d\n", worst);
#if defined(__x86_64__)
    assert_int_equal(worst, 0); /* SDL's MMX blend, the formula of coverage.c */
#else
    assert_true(worst <= 2); /* SDL's NEON blend divides by 255, rounded */
#endif
    SDL_FreeSurface(mask);
    TTF_CloseFont(font);
}

/* A line drawn at many sizes, more than are kept open, and again: each
 * time as wide as measured, and the second time the same pixels as the
 * first (a size drawn from the fonts kept, or opened again, is the same
 * font). */
static void lines_drawn_at_many_sizes_stay_as_measured(void **state)
{
    (void)state;
    struct theme theme;
    theme_init_defaults(&theme);
    char err[256] = "";
    struct fonts *fonts = fonts_open(&theme, err, sizeof err);
    assert_non_null(fonts);
    const char *text = "Digital Government, Ţară şi Қазақстан";
    enum { SIZES = FONT_SIZES_KEPT + 8 };
    SDL_Surface *first[SIZES];
    struct rgba ink = {0x20, 0x30, 0x40, 0xff};
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < SIZES; i++) {
            int px = 20 + 3 * i, ascent, above;
            enum font_style style = i % 2 ? FONT_BOLD : FONT_REGULAR;
            SDL_Surface *line = fonts_draw_line(fonts, style, px, text, false, ink, &ascent);
            assert_non_null(line);
            assert_true(coverage_is_mask(line)); /* no letter in colour */
            assert_int_equal(line->w, fonts_text_width(fonts, style, px, text, strlen(text)));
            int descent;
            fonts_metrics(fonts, style, px, &above, &descent);
            assert_int_equal(ascent, above);
            if (round == 0) {
                first[i] = line;
                continue;
            }
            assert_int_equal(line->h, first[i]->h);
            for (int y = 0; y < line->h; y++)
                assert_memory_equal((char *)line->pixels + y * line->pitch,
                                    (char *)first[i]->pixels + y * first[i]->pitch,
                                    (size_t)line->w);
            SDL_FreeSurface(line);
            SDL_FreeSurface(first[i]);
        }
    fonts_close(fonts);
    theme_free(&theme);
}

static int setup(void **state)
{
    (void)state;
    return TTF_Init() == 0 && IMG_Init(IMG_INIT_PNG) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    IMG_Quit();
    TTF_Quit();
    SDL_Quit();
    return 0;
}

static Uint32 footer_colour(int x, int y, int w)
{
    (void)x, (void)y, (void)w;
    return 0xff071529;
}

/* How many pixels of two w x h pictures differ in colour (XRGB's fourth
 * byte is not shown, and SDL leaves in it what it likes). */
static int colours_unlike(const Uint32 *a, const Uint32 *b, int w, int h)
{
    int n = 0;
    for (int i = 0; i < w * h; i++)
        n += ((a[i] ^ b[i]) & 0xffffff) != 0;
    return n;
}

/* The frames of a crossfade from the slide on screen to `to`, at steps of
 * a tenth, each copied into frames[step]. */
static void crossfade_frames(struct canvas *c, const struct programme *prog, uint64_t from,
                             const struct slide *to, const char *clock, int w, int h,
                             Uint32 *frames[11])
{
    for (int step = 0; step <= 10; step++) {
        struct frame f = {prog, to, from, (float)step / 10.0f, TRANSITION_CROSSFADE, 1, clock};
        assert_true(frame_draw(c->r, &f, w, h));
        SDL_RenderFlush(c->sdl);
        frames[step] = snapshot(c->surface);
    }
}

/* The coming slide composed ahead of its turn (kept only where it differs
 * from the slide on screen) gives the very frames of one composed when its
 * crossfade starts, and the crossfade ends on the slide as drawn whole. */
static void a_crossfade_composed_ahead_is_the_same_crossfade(void **state)
{
    (void)state;
    struct theme base;
    struct programme prog;
    load(CONTENT_DIR, &base, &prog);
    int w = 1280, h = 720;
    struct canvas c = open_canvas(&prog.theme, w, h);
    for (size_t i = 0; i + 1 < prog.slide_count; i++) {
        const struct slide *a = &prog.slides[i], *b = &prog.slides[i + 1];
        Uint32 *to = drawn(&c, &prog, b, w, h), *at_start[11], *ahead[11];
        uint64_t from = render_slide_key(c.r, a);
        free(drawn(&c, &prog, a, w, h));
        crossfade_frames(&c, &prog, from, b, "10:00", w, h, at_start);
        free(drawn(&c, &prog, a, w, h));
        assert_true(frame_prepare(c.r, &prog, b, w, h));
        crossfade_frames(&c, &prog, from, b, "10:00", w, h, ahead);
        for (int step = 0; step <= 10; step++) {
            assert_memory_equal(ahead[step], at_start[step], (size_t)w * h * sizeof(Uint32));
            free(at_start[step]);
        }
        assert_int_equal(colours_unlike(ahead[10], to, w, h), 0);
        for (int step = 0; step <= 10; step++)
            free(ahead[step]);
        free(to);
    }
    close_canvas(&c);
    programme_free(&prog);
    theme_free(&base);
}

/* When frame n of a transition started at start_ms falls due, at frame_hz
 * frames a second (the last at its end). */
static int64_t frame_due(int64_t start_ms, int duration_ms, int frame_hz, int n)
{
    int64_t due = start_ms + ((int64_t)n * 1000 + frame_hz - 1) / frame_hz;
    return due < start_ms + duration_ms ? due : start_ms + duration_ms;
}

/* On a canvas, the stage draws a crossfade's next frame as soon as it has
 * shown one, and shows it when it falls due: after each wake-up at a
 * frame's time, the canvas holds the frame after it, the very frame of a
 * crossfade drawn on time. A wake-up that comes frames late draws the
 * frame due then (not the one drawn ahead for a time gone by), and the
 * crossfade ends on the coming slide drawn whole. */
static void a_crossfade_is_drawn_a_frame_ahead_and_shown_when_due(void **state)
{
    (void)state;
    struct theme base;
    struct programme prog;
    load(CONTENT_DIR, &base, &prog);
    int w = 1280, h = 720, hz = 60, duration = prog.theme.transition_ms;
    const struct slide *a = &prog.slides[0], *b = &prog.slides[1];
    assert_int_equal(prog.theme.transition, TRANSITION_CROSSFADE);
    struct canvas shown = open_canvas(&prog.theme, w, h), on_time = open_canvas(&prog.theme, w, h);
    Uint32 *whole = drawn(&on_time, &prog, b, w, h);
    free(drawn(&on_time, &prog, a, w, h));
    struct stage stage;
    char err[256];
    assert_true(stage_open(&stage, shown.sdl, false, &prog.theme, 0, "no", err, sizeof err));
    render_set_canvas(stage.renderer, shown.surface);
    stage_follow(&stage, &prog, a, 0);
    stage_draw(&stage, &prog, a, "10:00", 0);
    int64_t start = 1000;
    assert_true(stage_follow(&stage, &prog, b, start));
    int frames = (duration * hz + 999) / 1000 + 1, late = 6; /* frames 6 and 7 missed */
    uint64_t from = render_slide_key(on_time.r, a);
    int next_on_time = 0; /* the next frame to draw on the other canvas */
    for (int n = 0; n < frames; n++) {
        if (n == late || n == late + 1)
            continue;
        int64_t now = frame_due(start, duration, hz, n);
        assert_int_equal(stage_frame_wait(&stage, now), 0);
        stage_draw(&stage, &prog, b, "10:00", now);
        SDL_RenderFlush(shown.sdl);
        /* on time: every frame the stage drew so far, the one after n too */
        for (; next_on_time <= (n + 1 < frames ? n + 1 : n); next_on_time++) {
            if (next_on_time == late + 1)
                continue; /* frame 6 was drawn ahead, frame 7 never */
            int64_t due = frame_due(start, duration, hz, next_on_time);
            struct frame f = {
                &prog, b,      from, (float)(due - start) / (float)duration, TRANSITION_CROSSFADE,
                1,     "10:00"};
            assert_true(frame_draw(on_time.r, &f, w, h));
        }
        SDL_RenderFlush(on_time.sdl);
        Uint32 *got = snapshot(shown.surface), *want = snapshot(on_time.surface);
        if (memcmp(got, want, (size_t)w * h * sizeof *got) != 0)
            fail_msg("after the wake-up for frame %d, %d pixels differ from the crossfade drawn on "
                     "time",
                     n, colours_unlike(got, want, w, h));
        free(got);
        free(want);
    }
    assert_int_equal(stage_frame_wait(&stage, start + duration), -1); /* over */
    Uint32 *end = snapshot(shown.surface);
    assert_int_equal(colours_unlike(end, whole, w, h), 0);
    free(end);
    free(whole);
    stage_close(&stage);
    close_canvas(&shown);
    close_canvas(&on_time);
    programme_free(&prog);
    theme_free(&base);
}

/* A coming slide is drawn band by band into a small picture and compared
 * with the screen a band at a time: for every pair of slides of the
 * bundled show and of the fixtures with logos (raster and SVG) and with
 * every script (taller fallback fonts), at three sizes, the crossfade
 * prepared ahead takes that path and ends on the slide drawn whole. */
static void a_slide_drawn_band_by_band_is_the_slide_drawn_whole(void **state)
{
    (void)state;
    const char *dirs[] = {CONTENT_DIR, FIXTURES_DIR "/full", FIXTURES_DIR "/languages"};
    const int screens[][2] = {{1280, 720}, {1080, 1920}, {1920, 1080}};
    for (size_t d = 0; d < 3; d++)
        for (size_t s = 0; s < 3; s++) {
            struct theme base;
            struct programme prog;
            load(dirs[d], &base, &prog);
            prog.theme.transition = TRANSITION_CROSSFADE;
            int w = screens[s][0], h = screens[s][1];
            struct canvas c = open_canvas(&prog.theme, w, h);
            for (size_t i = 0; i + 1 < prog.slide_count; i++) {
                const struct slide *a = &prog.slides[i], *b = &prog.slides[i + 1];
                Uint32 *whole = drawn(&c, &prog, b, w, h);
                free(drawn(&c, &prog, a, w, h));
                if (!frame_prepare(c.r, &prog, b, w, h))
                    fail_msg("%s, %dx%d, slide %zu: not prepared", dirs[d], w, h, i + 1);
                struct frame f = {
                    &prog, b, render_slide_key(c.r, a), 1.0f, TRANSITION_CROSSFADE, 1, "10:00"};
                assert_true(frame_draw(c.r, &f, w, h));
                SDL_RenderFlush(c.sdl);
                Uint32 *faded = snapshot(c.surface);
                if (colours_unlike(faded, whole, w, h) != 0)
                    fail_msg("%s, %dx%d, slide %zu to %zu: %d pixels unlike", dirs[d], w, h, i,
                             i + 1, colours_unlike(faded, whole, w, h));
                free(faded);
                free(whole);
            }
            close_canvas(&c);
            programme_free(&prog);
            theme_free(&base);
        }
}

/* Pushes on the software renderer, one after the other, each slide
 * prepared ahead, also after a push prepared but not played (the show was
 * stepped on, leaving the screen kept in a texture that cannot be drawn
 * into): each push ends on the slide drawn whole. */
static void pushes_one_after_another_end_on_each_slide(void **state)
{
    (void)state;
    struct theme base;
    struct programme prog;
    load(FIXTURES_DIR "/full", &base, &prog);
    assert_int_equal(prog.theme.transition, TRANSITION_PUSH);
    int w = 1280, h = 720;
    struct canvas c = open_canvas(&prog.theme, w, h);
    assert_true(prog.slide_count >= 3);
    free(drawn(&c, &prog, &prog.slides[0], w, h));
    assert_true(frame_prepare(c.r, &prog, &prog.slides[1], w, h));
    free(drawn(&c, &prog, &prog.slides[1], w, h)); /* stepped to, with no push */
    for (size_t i = 1; i + 1 < prog.slide_count; i++) {
        const struct slide *a = &prog.slides[i], *b = &prog.slides[i + 1];
        if (!frame_prepare(c.r, &prog, b, w, h))
            fail_msg("slide %zu: not prepared", i + 1);
        for (int step = 1; step <= 10; step++) {
            struct frame f = {
                &prog, b,      render_slide_key(c.r, a), (float)step / 10.0f, TRANSITION_PUSH,
                1,     "10:00"};
            assert_true(frame_draw(c.r, &f, w, h));
        }
        SDL_RenderFlush(c.sdl);
        Uint32 *pushed = snapshot(c.surface);
        Uint32 *whole = drawn(&c, &prog, b, w, h);
        assert_int_equal(colours_unlike(pushed, whole, w, h), 0);
        free(pushed);
        free(whole);
    }
    close_canvas(&c);
    programme_free(&prog);
    theme_free(&base);
}

/* A push to another slide than the one prepared (the show was stepped
 * past it) still moves the slide going out: halfway, the left half of the
 * screen is the right half of the slide going out. */
static void a_push_to_another_slide_than_prepared_moves_the_slide_going_out(void **state)
{
    (void)state;
    struct theme base;
    struct programme prog;
    load(FIXTURES_DIR "/full", &base, &prog);
    assert_true(prog.slide_count >= 3);
    int w = 1280, h = 720;
    struct canvas c = open_canvas(&prog.theme, w, h);
    const struct slide *going = &prog.slides[0];
    Uint32 *before = drawn(&c, &prog, going, w, h);
    assert_true(frame_prepare(c.r, &prog, &prog.slides[1], w, h));
    for (int step = 1; step <= 5; step++) {
        struct frame f = {&prog,
                          &prog.slides[2],
                          render_slide_key(c.r, going),
                          (float)step / 10.0f,
                          TRANSITION_PUSH,
                          1,
                          "10:00"};
        assert_true(frame_draw(c.r, &f, w, h));
    }
    SDL_RenderFlush(c.sdl);
    Uint32 *halfway = snapshot(c.surface);
    int unlike = 0;
    for (int y = 0; y < h / 2; y++)
        for (int x = 0; x < w / 2; x++)
            unlike += halfway[y * w + x] != before[y * w + x + w / 2];
    assert_int_equal(unlike, 0);
    free(halfway);
    free(before);
    close_canvas(&c);
    programme_free(&prog);
    theme_free(&base);
}

/* A poster that covers the footer, composed ahead while the clock read
 * 9:59: the clock turns to a longer time before the crossfade, and the
 * crossfade still ends on the poster alone, with nothing left of either
 * clock. */
static void a_clock_turning_before_a_crossfade_to_a_poster_leaves_no_trace(void **state)
{
    (void)state;
    char dir[] = "/tmp/hallscreen-clock-" TEMP_SUFFIX, path[160];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/slides", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/event.yaml", dir);
    write_text_file(path, "name: Clock\n");
    snprintf(path, sizeof path, "%s/slides/10-words.yaml", dir);
    write_text_file(path, "kind: headline\ntitle: Words\n");
    snprintf(path, sizeof path, "%s/slides/20-poster.yaml", dir);
    /* the footer's own colour, so that only the clock's letters differ */
    write_text_file(path, "kind: image\nimage: plain.png\nbackground: \"#071529\"\n"
                          "footer: false\n");
    char poster_file[160];
    snprintf(poster_file, sizeof poster_file, "%s/plain.png", dir);
    save_poster(poster_file, 64, 64, footer_colour);
    struct theme base;
    struct programme prog;
    load(dir, &base, &prog);
    assert_int_equal(prog.slide_count, 2);
    prog.theme.footer_background = (struct rgba){0x07, 0x15, 0x29, 0xff};
    int w = 1280, h = 720;
    struct canvas c = open_canvas(&prog.theme, w, h);
    const struct slide *words = &prog.slides[0], *poster = &prog.slides[1];
    Uint32 *to = drawn(&c, &prog, poster, w, h), *frames[11];
    assert_true(frame_draw_slide(c.r, &prog, words, "9:59", w, h));
    SDL_RenderFlush(c.sdl);
    assert_true(frame_prepare(c.r, &prog, poster, w, h));
    const char *later = "Wednesday 12 February 2025 10:00"; /* the minute turns */
    assert_true(frame_draw_slide(c.r, &prog, words, later, w, h));
    crossfade_frames(&c, &prog, render_slide_key(c.r, words), poster, later, w, h, frames);
    assert_int_equal(colours_unlike(frames[10], to, w, h), 0);
    for (int step = 0; step <= 10; step++)
        free(frames[step]);
    free(to);
    close_canvas(&c);
    programme_free(&prog);
    theme_free(&base);
    remove(path);
    remove(poster_file);
    snprintf(path, sizeof path, "%s/slides/10-words.yaml", dir);
    remove(path);
    snprintf(path, sizeof path, "%s/slides", dir);
    rmdir(path);
    snprintf(path, sizeof path, "%s/event.yaml", dir);
    remove(path);
    rmdir(dir);
}

/* Each frame says which part of the canvas it changed, and nothing
 * outside that part changes: presenting it alone shows the frame. After
 * the canvas's pixels are lost, a frame counts as changing all of it. */
static void a_frame_changes_only_the_part_it_says(void **state)
{
    (void)state;
    struct theme base;
    struct programme prog;
    load(CONTENT_DIR, &base, &prog);
    int w = 1280, h = 720;
    struct canvas c = open_canvas(&prog.theme, w, h);
    const struct slide *a = &prog.slides[0], *b = &prog.slides[2];
    free(drawn(&c, &prog, a, w, h));
    uint64_t from = render_slide_key(c.r, a);
    assert_true(frame_prepare(c.r, &prog, b, w, h));
    int partial = 0;
    for (int step = 0; step <= 10; step++) {
        Uint32 *before = snapshot(c.surface);
        const char *clock = step < 5 ? "10:00" : "10:01"; /* the minute turns half way */
        struct frame f = {&prog, b, from, (float)step / 10.0f, TRANSITION_CROSSFADE, 1, clock};
        assert_true(frame_draw(c.r, &f, w, h));
        SDL_RenderFlush(c.sdl);
        Uint32 *after = snapshot(c.surface);
        SDL_Rect part;
        if (frame_damage(c.r, w, h, &part)) {
            partial++;
            for (int y = 0; y < h; y++)
                if (y < part.y || y >= part.y + part.h)
                    assert_memory_equal(before + y * w, after + y * w, (size_t)w * sizeof(Uint32));
        }
        free(before);
        free(after);
    }
    assert_true(partial >= 9); /* a crossfade on the canvas: less than the whole, frame by frame */
    assert_true(frame_draw_slide(c.r, &prog, b, "10:02", w, h)); /* the clock alone */
    SDL_Rect part;
    assert_true(frame_damage(c.r, w, h, &part));
    assert_int_equal(part.y + part.h, h);
    assert_true(part.h < h / 5);
    frame_invalidate(c.r);
    assert_true(frame_draw_slide(c.r, &prog, b, "10:02", w, h));
    assert_false(frame_damage(c.r, w, h, &part));
    close_canvas(&c);
    programme_free(&prog);
    theme_free(&base);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lines_drawn_at_many_sizes_stay_as_measured),
        cmocka_unit_test(a_line_as_a_mask_is_the_line_in_colour),
        cmocka_unit_test(default_show_draws_inside_its_margins),
        cmocka_unit_test(png_files_of_every_kind_are_read_as_written),
        cmocka_unit_test(a_png_cut_short_is_refused_saying_so),
        cmocka_unit_test(a_png_damaged_inside_its_picture_is_refused),
        cmocka_unit_test(a_png_without_its_last_chunk_is_read_whole),
        cmocka_unit_test(every_field_draws_inside_its_margins),
        cmocka_unit_test(overviews_and_marks_draw_inside_their_margins),
        cmocka_unit_test(default_font_draws_kazakh_and_russian),
        cmocka_unit_test(logos_and_wordmarks_are_drawn_in_their_cards),
        cmocka_unit_test(every_script_is_drawn_and_arabic_stands_right),
        cmocka_unit_test(transitions_blend_two_ready_slides_without_a_black_frame),
        cmocka_unit_test(a_crossfade_to_another_background_mixes_everywhere),
        cmocka_unit_test(a_crossfade_composed_ahead_is_the_same_crossfade),
        cmocka_unit_test(a_crossfade_is_drawn_a_frame_ahead_and_shown_when_due),
        cmocka_unit_test(a_slide_drawn_band_by_band_is_the_slide_drawn_whole),
        cmocka_unit_test(pushes_one_after_another_end_on_each_slide),
        cmocka_unit_test(a_push_to_another_slide_than_prepared_moves_the_slide_going_out),
        cmocka_unit_test(a_frame_changes_only_the_part_it_says),
        cmocka_unit_test(a_clock_turning_before_a_crossfade_to_a_poster_leaves_no_trace),
        cmocka_unit_test(a_sideways_screen_gets_a_turned_landscape_frame),
        cmocka_unit_test(a_remembered_fit_is_the_fit_of_the_page_as_it_is),
        cmocka_unit_test(an_image_that_fails_to_decode_becomes_a_wordmark),
        cmocka_unit_test(a_missing_font_falls_back_to_the_default),
        cmocka_unit_test(files_swapped_for_pipes_never_hang_the_show),
        cmocka_unit_test(an_extreme_svg_is_drawn_within_its_card),
        cmocka_unit_test(boards_of_2_8_and_30_rooms_and_a_room_screen),
        cmocka_unit_test(image_slides_contain_cover_and_filter),
        cmocka_unit_test(a_logo_kept_for_its_box_is_drawn_as_from_the_whole_picture),
        cmocka_unit_test(no_descriptor_left_is_not_a_missing_font),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
