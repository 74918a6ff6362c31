/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The stage timer drawn by the software renderer into memory, no display:
 * the count's colour by pixels before, during (above 5, under 5, under 2
 * minutes) and after a talk, its blink, and a tick that draws the moving
 * box alone, at every screen size. Schedule: 31c3's Saal 1 (see
 * test_timer.c). */
#include "../app/content/content.h"
#include "../app/content/loader.h"
#include "../app/layout/timer_slides.h"
#include "../app/render/render.h"
#include "../app/render/timer_screen.h"
#include "../app/show/timer.h"
#include "../app/util/zone.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>

static const int sizes[][2] = {{1280, 720}, {1920, 1080}, {1080, 1920}, {3840, 2160}};

static int64_t at(int h, int m, int s)
{
    return (INT64_C(1419638400) + (h - 1) * 3600 + m * 60 + s) * 1000;
}

static struct programme prog;

struct canvas {
    SDL_Surface *surface;
    SDL_Renderer *sdl;
    struct renderer *r;
    struct timer_screen screen;
};

static struct canvas open_canvas(int w, int h)
{
    struct canvas c = {0};
    c.surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888);
    assert_non_null(c.surface);
    c.sdl = SDL_CreateSoftwareRenderer(c.surface);
    assert_non_null(c.sdl);
    char err[256];
    c.r = render_create(c.sdl, &prog.theme, err, sizeof err);
    assert_non_null(c.r);
    return c;
}

static void close_canvas(struct canvas *c)
{
    timer_screen_free(&c->screen);
    render_destroy(c->r);
    SDL_DestroyRenderer(c->sdl);
    SDL_FreeSurface(c->surface);
}

static Uint32 *pixel(const struct canvas *c, int x, int y)
{
    return &((Uint32 *)c->surface->pixels)[y * (c->surface->pitch / 4) + x];
}

static void draw_at(struct canvas *c, int64_t t)
{
    struct timer_reading r = timer_read(&prog, "Saal 1", 0, NULL, t);
    assert_true(
        timer_screen_draw(&c->screen, c->r, &prog, "Saal 1", &r, c->surface->w, c->surface->h));
}

/* Pixels of box in colour (within a little, for the edges of glyphs: the
 * insides of the figures are the colour itself). */
static long pixels_of(const struct canvas *c, struct box b, Uint32 rgb)
{
    long n = 0;
    for (int y = b.y; y < b.y + b.h; y++)
        for (int x = b.x; x < b.x + b.w; x++) {
            Uint32 v = *pixel(c, x, y);
            int dr = abs((int)((v >> 16) & 0xff) - (int)((rgb >> 16) & 0xff));
            int dg = abs((int)((v >> 8) & 0xff) - (int)((rgb >> 8) & 0xff));
            int db = abs((int)(v & 0xff) - (int)(rgb & 0xff));
            n += dr <= 8 && dg <= 8 && db <= 8;
        }
    return n;
}

enum { WHITE = 0xffffff, ORANGE = 0xff9a1f, RED = 0xff3b30 };

static void the_count_is_drawn_large_in_its_colour_at_every_size(void **state)
{
    (void)state;
    const struct {
        int h, m, s, ms;
        Uint32 colour;
    } moments[] = {
        {10, 50, 0, 0, WHITE},  /* before the opening */
        {11, 40, 0, 0, WHITE},  /* keynote, 50 min left */
        {12, 27, 0, 0, ORANGE}, /* 3 min left */
        {12, 29, 0, 0, RED},    /* 1 min left */
        {12, 35, 0, 200, RED},  /* 5 min over */
    };
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        struct canvas c = open_canvas(sizes[k][0], sizes[k][1]);
        struct frame_geometry g = layout_geometry(sizes[k][0], sizes[k][1]);
        struct box moving = layout_timer_moving_box(&g);
        long area = (long)g.w * g.h;
        for (size_t i = 0; i < sizeof moments / sizeof *moments; i++) {
            draw_at(&c, at(moments[i].h, moments[i].m, moments[i].s) + moments[i].ms);
            /* figures of a quarter of the screen's shorter side, 4 of them:
             * more than 2% of the screen in the count's colour */
            long n = pixels_of(&c, moving, moments[i].colour);
            if (n * 50 < area)
                fail_msg("%dx%d, moment %zu: %ld pixels of %06x", g.w, g.h, i, n,
                         (unsigned)moments[i].colour);
            for (size_t j = 0; j < sizeof moments / sizeof *moments; j++)
                if (moments[j].colour != moments[i].colour && moments[j].colour != WHITE &&
                    pixels_of(&c, moving, moments[j].colour) * 1000 > area)
                    fail_msg("%dx%d, moment %zu: %06x too", g.w, g.h, i,
                             (unsigned)moments[j].colour);
        }
        /* over time, blinking: the second half of each second, no count */
        draw_at(&c, at(12, 35, 0) + 700);
        long off = pixels_of(&c, moving, RED); /* the bar only */
        draw_at(&c, at(12, 35, 1) + 100);
        long on = pixels_of(&c, moving, RED);
        assert_true(off * 5 < on);
        close_canvas(&c);
    }
}

static void a_tick_draws_the_moving_box_alone(void **state)
{
    (void)state;
    struct canvas c = open_canvas(1920, 1080);
    struct frame_geometry g = layout_geometry(1920, 1080);
    struct box moving = layout_timer_moving_box(&g);
    draw_at(&c, at(11, 40, 0));
    /* marks where the still part stands, and in the moving box */
    *pixel(&c, 5, 5) = 0x00ff00;
    *pixel(&c, 5, moving.y + moving.h / 2) = 0x00ff00;
    draw_at(&c, at(11, 40, 1));
    assert_int_equal(*pixel(&c, 5, 5) & 0xffffff, 0x00ff00); /* the still part left alone */
    assert_int_equal(*pixel(&c, 5, moving.y + moving.h / 2) & 0xffffff, 0);
    draw_at(&c, at(12, 50, 0)); /* another talk: all drawn again */
    assert_int_equal(*pixel(&c, 5, 5) & 0xffffff, 0);
    *pixel(&c, 5, 5) = 0x00ff00;
    timer_screen_invalidate(&c.screen); /* the window lost its pixels */
    draw_at(&c, at(12, 50, 1));
    assert_int_equal(*pixel(&c, 5, 5) & 0xffffff, 0);
    close_canvas(&c);
}

static int setup(void **state)
{
    (void)state;
    zone_use("Europe/Berlin");
    struct theme base;
    theme_init_defaults(&base);
    struct diag_list diags = {0};
    bool ok = content_load(FIXTURES_DIR "/schedules/31c3", &base, &prog, &diags);
    theme_free(&base);
    diag_list_clear(&diags);
    return ok && TTF_Init() == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    programme_free(&prog);
    TTF_Quit();
    SDL_Quit();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_count_is_drawn_large_in_its_colour_at_every_size),
        cmocka_unit_test(a_tick_draws_the_moving_box_alone),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
