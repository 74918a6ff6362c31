/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A crossfade's pixels: the one-pass mix gives what SDL's alpha blend of
 * the coming slide over the going one gives, within one level a channel,
 * and each version the processor runs (AVX2, SSE2, NEON) the same bytes as
 * plain C. */
#include "../app/render/crossfade.h"

#include <SDL.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

enum { PIXELS = 1024 + 3 }; /* not a multiple of four: the tail too */

static uint32_t random_pixel(void)
{
    return (uint32_t)rand() << 16 ^ (uint32_t)rand();
}

static void fill(uint32_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        p[i] = random_pixel();
    /* the extremes of every channel, both ways */
    p[0] = 0x00000000;
    p[1] = 0xffffffff;
    p[2] = 0x00ff00ff;
}

/* Every channel of out within one level of SDL's blend of b (alpha a of
 * 255) over a, at every alpha. */
static void the_mix_is_sdls_blend_within_one_level(void **state)
{
    (void)state;
    SDL_Surface *going = SDL_CreateRGBSurfaceWithFormat(0, PIXELS, 1, 32, SDL_PIXELFORMAT_XRGB8888);
    SDL_Surface *coming =
        SDL_CreateRGBSurfaceWithFormat(0, PIXELS, 1, 32, SDL_PIXELFORMAT_XRGB8888);
    SDL_Surface *blended =
        SDL_CreateRGBSurfaceWithFormat(0, PIXELS, 1, 32, SDL_PIXELFORMAT_XRGB8888);
    assert_non_null(going);
    assert_non_null(coming);
    assert_non_null(blended);
    fill(going->pixels, PIXELS);
    fill(coming->pixels, PIXELS);
    ((uint32_t *)coming->pixels)[0] = 0x00ffffff; /* black to white */
    uint32_t out[PIXELS];
    SDL_SetSurfaceBlendMode(coming, SDL_BLENDMODE_BLEND);
    int worst = 0;
    for (int alpha = 0; alpha <= 255; alpha++) {
        SDL_BlitSurface(going, NULL, blended, NULL);
        SDL_SetSurfaceAlphaMod(coming, (Uint8)alpha);
        assert_int_equal(SDL_BlitSurface(coming, NULL, blended, NULL), 0);
        int t = alpha; /* SDL mixes XRGB by alpha / 256 */
        crossfade_row(out, going->pixels, coming->pixels, PIXELS, t);
        const uint32_t *sdl = blended->pixels;
        for (size_t i = 0; i < PIXELS; i++)
            for (int shift = 0; shift < 24; shift += 8) { /* R, G, B: SDL leaves X as it likes */
                int d = abs((int)((out[i] >> shift) & 0xff) - (int)((sdl[i] >> shift) & 0xff));
                worst = d > worst ? d : worst;
            }
    }
    assert_in_range(worst, 0, 1);
    SDL_FreeSurface(going);
    SDL_FreeSurface(coming);
    SDL_FreeSurface(blended);
}

/* Both ends and the middle, exactly: the slide going, the slide coming,
 * and their rounded mean. */
static void the_ends_are_the_slides_and_the_middle_their_mean(void **state)
{
    (void)state;
    uint32_t a[PIXELS], b[PIXELS], out[PIXELS];
    fill(a, PIXELS);
    fill(b, PIXELS);
    crossfade_row(out, a, b, PIXELS, 0);
    assert_memory_equal(out, a, sizeof a);
    crossfade_row(out, a, b, PIXELS, CROSSFADE_ONE);
    assert_memory_equal(out, b, sizeof b);
    crossfade_row(out, a, b, PIXELS, -5); /* clamped */
    assert_memory_equal(out, a, sizeof a);
    crossfade_row(out, a, b, PIXELS, CROSSFADE_ONE / 2);
    for (size_t i = 0; i < PIXELS; i++)
        for (int shift = 0; shift < 32; shift += 8) {
            unsigned x = (a[i] >> shift) & 0xff, y = (b[i] >> shift) & 0xff;
            assert_int_equal((out[i] >> shift) & 0xff, (x + y + 1) / 2);
        }
}

/* Each version the processor runs and plain C give the same bytes at
 * every t and every length (the vector body and its tail), written over
 * a too; and so does the mix with one colour. */
static void every_version_gives_the_same_bytes(void **state)
{
    (void)state;
    uint32_t a[PIXELS], b[PIXELS], fast[PIXELS], plain[PIXELS], in_place[PIXELS];
    fill(a, PIXELS);
    fill(b, PIXELS);
    const uint32_t colours[] = {0x00000000, 0xffffffff, 0x12f4a07c};
    size_t versions = 0;
    for (const struct crossfade_version *v; (v = crossfade_version(versions)); versions++) {
        for (unsigned t = 1; t < CROSSFADE_ONE; t++) {
            size_t n = t % 9 == 0 ? PIXELS : t % 13;
            memset(fast, 0, sizeof fast);
            crossfade_row_plain(plain, a, b, n, (int)t);
            v->mix(fast, a, b, n, t);
            assert_memory_equal(fast, plain, n * sizeof *plain);
            memcpy(in_place, a, sizeof a);
            v->mix(in_place, in_place, b, n, t);
            assert_memory_equal(in_place, plain, n * sizeof *plain);
            uint32_t colour = colours[t % 3], solid[PIXELS];
            for (size_t i = 0; i < n; i++)
                solid[i] = colour;
            crossfade_row_plain(plain, a, solid, n, (int)t);
            memcpy(in_place, a, sizeof a);
            v->mix_solid(in_place, in_place, colour, n, t);
            assert_memory_equal(in_place, plain, n * sizeof *plain);
        }
        print_message("crossfade version %s: the same bytes\n", v->name);
    }
    assert_true(versions >= 2); /* the processor's and plain C */
    assert_string_equal(crossfade_version(versions - 1)->name, "C");
    assert_string_equal(crossfade_kind(), crossfade_version(0)->name);
}

/* The public rows: crossfade_row() is its version's mix, the ends copies,
 * and crossfade_row_solid() the mix with a row of one colour. */
static void the_rows_clamp_and_mix_alike(void **state)
{
    (void)state;
    uint32_t a[PIXELS], b[PIXELS], out[PIXELS], expected[PIXELS], solid[PIXELS];
    fill(a, PIXELS);
    fill(b, PIXELS);
    for (size_t i = 0; i < PIXELS; i++)
        solid[i] = 0x00336699;
    const int ts[] = {-5, 0, 1, 77, 128, 255, CROSSFADE_ONE, CROSSFADE_ONE + 9};
    for (size_t k = 0; k < sizeof ts / sizeof ts[0]; k++) {
        crossfade_row_plain(expected, a, b, PIXELS, ts[k]);
        crossfade_row(out, a, b, PIXELS, ts[k]);
        assert_memory_equal(out, expected, sizeof out);
        crossfade_row_plain(expected, a, solid, PIXELS, ts[k]);
        memcpy(out, a, sizeof a);
        crossfade_row_solid(out, out, 0x00336699, PIXELS, ts[k]);
        assert_memory_equal(out, expected, sizeof out);
    }
}

int main(void)
{
    srand(28);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_mix_is_sdls_blend_within_one_level),
        cmocka_unit_test(the_ends_are_the_slides_and_the_middle_their_mean),
        cmocka_unit_test(every_version_gives_the_same_bytes),
        cmocka_unit_test(the_rows_clamp_and_mix_alike),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
