/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The coming slide kept where it differs from the screen: mixing and
 * writing those pixels gives, pixel for pixel, what a crossfade over the
 * whole picture gives, while a picture that differs in a few places keeps
 * only those, and a stretch of one colour only its colour. */
#include "../app/render/changed_pixels.h"
#include "../app/render/crossfade.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

enum { W = 300, H = 120 };

struct picture {
    uint32_t pixels[H][W + 7]; /* rows longer than the picture: a pitch of their own */
};

static struct pixel_rows rows_of(struct picture *p)
{
    return (struct pixel_rows){&p->pixels[0][0], W + 7, 0};
}

/* The runs of a W x H coming picture where it differs from screen within
 * spans, all found at once. */
static bool find_all(struct changed_pixels *c, struct pixel_rows screen, struct pixel_rows coming,
                     const struct box *spans, size_t span_count, int settled_h)
{
    if (!changed_begin(c, W, H) || !changed_add(c, screen, coming, spans, span_count, settled_h))
        return false;
    changed_end(c);
    return true;
}

/* A background that changes from row to row, as the theme's gradient does,
 * with 0xff in the byte that is not shown. */
static void background(struct picture *p)
{
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W + 7; x++)
            p->pixels[y][x] = 0xff0b1f3au + (uint32_t)y * 0x010101u;
}

/* Letters: short strokes of varied colours, as anti-aliased text gives. */
static void letters(struct picture *p, int x0, int y0, int w, int h, unsigned seed)
{
    for (int y = y0; y < y0 + h; y++)
        for (int x = x0; x < x0 + w; x++)
            if ((x * 7 + y * 3 + (int)seed) % 5 < 2)
                p->pixels[y][x] = 0xff000000u | ((uint32_t)(x * 2654435761u ^ seed) & 0xffffffu);
}

static void card(struct picture *p, int x0, int y0, int w, int h, uint32_t colour)
{
    for (int y = y0; y < y0 + h; y++)
        for (int x = x0; x < x0 + w; x++)
            p->pixels[y][x] = colour;
}

static struct picture *going, *coming, *expected, *screen;

static int setup(void **state)
{
    (void)state;
    going = malloc(sizeof *going);
    coming = malloc(sizeof *coming);
    expected = malloc(sizeof *expected);
    screen = malloc(sizeof *screen);
    background(going);
    background(coming);
    letters(going, 10, 5, 200, 20, 1);  /* a title going */
    letters(coming, 10, 5, 150, 20, 2); /* another title coming, in the same place */
    letters(going, 10, 40, 280, 30, 3); /* text going where the coming slide has a card */
    card(coming, 20, 35, 250, 40, 0xffffffffu);
    letters(coming, 60, 45, 40, 10, 4);   /* a logo on the card */
    letters(coming, 100, 90, 120, 10, 5); /* a line coming where there was nothing */
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    free(going);
    free(coming);
    free(expected);
    free(screen);
    return 0;
}

static const struct box whole[] = {{0, 0, W, H}};

/* At every t, mixing the kept pixels into the screen holding the slide
 * going gives the crossfade of the whole pictures, byte for byte; all the
 * way, the coming picture. */
static void mixing_the_kept_pixels_is_the_whole_crossfade(void **state)
{
    (void)state;
    struct changed_pixels c = {0};
    memcpy(screen, going, sizeof *screen);
    assert_true(find_all(&c, rows_of(screen), rows_of(coming), whole, 1, H));
    for (int t = 0; t <= CROSSFADE_ONE; t += 17) {
        memcpy(screen, going, sizeof *screen);
        changed_mix(&c, rows_of(screen), t);
        for (int y = 0; y < H; y++)
            crossfade_row(expected->pixels[y], going->pixels[y], coming->pixels[y], W, t);
        for (int y = 0; y < H; y++)
            assert_memory_equal(screen->pixels[y], expected->pixels[y], W * sizeof(uint32_t));
    }
    memcpy(screen, going, sizeof *screen);
    changed_put(&c, rows_of(screen));
    for (int y = 0; y < H; y++)
        assert_memory_equal(screen->pixels[y], coming->pixels[y], W * sizeof(uint32_t));
    changed_free(&c);
}

/* A picture alike but for a few letters keeps those few pixels, and a
 * stretch of one colour (the card) keeps its colour alone. */
static void only_what_differs_is_kept(void **state)
{
    (void)state;
    struct changed_pixels c = {0};
    memcpy(screen, coming, sizeof *screen);
    assert_true(find_all(&c, rows_of(screen), rows_of(coming), whole, 1, H));
    assert_int_equal(c.run_count, 0); /* the same picture: nothing */
    assert_int_equal(c.pixel_count, 0);
    screen->pixels[50][150] ^= 0x00000100u; /* one pixel, in the middle of the card */
    screen->pixels[50][151] ^= 0xff000000u; /* the unshown byte alone: alike */
    assert_true(find_all(&c, rows_of(screen), rows_of(coming), whole, 1, H));
    assert_int_equal(c.run_count, 1);
    assert_int_equal(c.pixel_count, 1);
    memcpy(screen, going, sizeof *screen);
    assert_true(find_all(&c, rows_of(screen), rows_of(coming), whole, 1, H));
    size_t differing = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            differing += ((going->pixels[y][x] ^ coming->pixels[y][x]) & 0xffffffu) != 0;
    size_t covered = 0, solid = 0;
    for (size_t i = 0; i < c.run_count; i++) {
        covered += c.runs[i].length;
        solid += c.runs[i].solid ? c.runs[i].length : 0;
    }
    assert_true(covered >= differing);
    assert_true(solid >= (size_t)(250 - 40) * 30); /* the card beside the logo */
    assert_true(c.pixel_count + solid == covered); /* solid runs keep no pixels */
    assert_true(c.pixel_count < (size_t)W * H / 3);
    changed_free(&c);
}

/* One pixel that differs is found wherever it stands in a row (the row
 * is read several pixels at a time), and the pixels beside it that differ
 * only in their unshown byte are not. */
static void one_differing_pixel_is_found_anywhere(void **state)
{
    (void)state;
    struct changed_pixels c = {0};
    for (int x = 0; x < W; x++) {
        memcpy(screen, coming, sizeof *screen);
        screen->pixels[7][x] ^= 0x00010000u;
        for (int near = x - 5; near <= x + 5; near++)
            if (near >= 0 && near < W && near != x)
                screen->pixels[7][near] ^= 0xff000000u;
        struct box span = {x / 3, 0, W - x / 3, H}; /* starting anywhere before it */
        assert_true(find_all(&c, rows_of(screen), rows_of(coming), &span, 1, H));
        assert_int_equal(c.run_count, 1);
        assert_int_equal(c.runs[0].x, x);
        assert_int_equal(c.runs[0].y, 7);
        assert_int_equal(c.runs[0].length, 1);
    }
    changed_free(&c);
}

/* Outside the spans (CHANGED_GAP or more apart) nothing is looked at or
 * written, however it differs. */
static void nothing_outside_the_spans_is_touched(void **state)
{
    (void)state;
    struct changed_pixels c = {0};
    const struct box spans[] = {{0, 0, 100, 30}, {150, 0, 100, 30}, {100, 85, 130, 20}};
    memcpy(screen, going, sizeof *screen);
    assert_true(find_all(&c, rows_of(screen), rows_of(coming), spans, 3, H));
    changed_put(&c, rows_of(screen));
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            bool inside = false;
            for (size_t i = 0; i < 3; i++)
                inside |= x >= spans[i].x && x < spans[i].x + spans[i].w && y >= spans[i].y &&
                          y < spans[i].y + spans[i].h;
            uint32_t want = inside ? coming->pixels[y][x] : going->pixels[y][x];
            assert_int_equal(screen->pixels[y][x], want);
        }
    changed_free(&c);
}

/* Two spans of a row closer than CHANGED_GAP, every pixel of both
 * different and of many colours: the run that takes the pixels between
 * them too still fits what was set aside, and the crossfade ends on the
 * coming picture. */
static void close_spans_of_busy_pictures_fit(void **state)
{
    (void)state;
    struct changed_pixels c = {0};
    static struct picture noisy_going, noisy_coming;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W + 7; x++) {
            noisy_going.pixels[y][x] = (uint32_t)(x * 2654435761u + (unsigned)y * 40503u);
            noisy_coming.pixels[y][x] = ~noisy_going.pixels[y][x];
        }
    const struct box spans[] = {{0, 0, 30, H}, {40, 0, 30, H}, {75, 0, 30, H}};
    memcpy(screen, &noisy_going, sizeof *screen);
    assert_true(find_all(&c, rows_of(screen), rows_of(&noisy_coming), spans, 3, H));
    assert_true(c.pixel_count <= c.pixel_capacity);
    changed_put(&c, rows_of(screen));
    for (int y = 0; y < H; y++)
        assert_memory_equal(screen->pixels[y], noisy_coming.pixels[y], 105 * sizeof(uint32_t));
    changed_free(&c);
}

/* Rows from settled_h down are kept whole, so that what changed there on
 * the screen before the crossfade (the footer's clock) ends as the coming
 * picture too. */
static void unsettled_rows_are_kept_whole(void **state)
{
    (void)state;
    struct changed_pixels c = {0};
    int settled_h = H - 20;
    memcpy(screen, coming, sizeof *screen); /* alike everywhere when compared */
    assert_true(find_all(&c, rows_of(screen), rows_of(coming), whole, 1, settled_h));
    letters(screen, 0, settled_h, W, 20, 9); /* the clock turns before the crossfade */
    letters(screen, 0, 0, W, 5, 9);          /* and above: nothing that compare saw */
    changed_put(&c, rows_of(screen));
    for (int y = settled_h; y < H; y++)
        assert_memory_equal(screen->pixels[y], coming->pixels[y], W * sizeof(uint32_t));
    assert_memory_not_equal(screen->pixels[0], coming->pixels[0], W * sizeof(uint32_t));
    changed_free(&c);
}

/* A screen wider than runs can say is refused, not written wrongly. */
static void a_picture_too_large_is_refused(void **state)
{
    (void)state;
    struct changed_pixels c = {0};
    assert_false(changed_begin(&c, 65536, 1));
    assert_int_equal(c.run_count, 0);
    assert_null(c.pixels);
}

/* The coming picture drawn and compared a band of rows at a time, each
 * band held alone in memory of its own, keeps exactly what it keeps when
 * compared whole. */
static void a_picture_compared_band_by_band_keeps_the_same(void **state)
{
    (void)state;
    const struct box spans[] = {
        {0, 0, W, 37}, {10, 37, 120, 50}, {200, 37, 90, 50}, {0, 87, W, H - 87}};
    struct changed_pixels whole_c = {0}, banded = {0};
    memcpy(screen, going, sizeof *screen);
    assert_true(find_all(&whole_c, rows_of(screen), rows_of(coming), spans, 4, H - 10));
    enum { BAND = 16 };
    static uint32_t band[BAND][W];
    assert_true(changed_begin(&banded, W, H));
    for (int top = 0; top < H; top += BAND) {
        int rows = H - top < BAND ? H - top : BAND;
        for (int y = 0; y < rows; y++)
            memcpy(band[y], coming->pixels[top + y], sizeof band[y]);
        struct box cut[8];
        size_t n = 0;
        for (size_t i = 0; i < 4; i++) { /* the spans' parts in the band */
            int y0 = spans[i].y > top ? spans[i].y : top;
            int y1 = spans[i].y + spans[i].h < top + rows ? spans[i].y + spans[i].h : top + rows;
            if (y1 > y0)
                cut[n++] = (struct box){spans[i].x, y0, spans[i].w, y1 - y0};
        }
        assert_true(changed_add(&banded, rows_of(screen), (struct pixel_rows){&band[0][0], W, top},
                                cut, n, H - 10));
    }
    changed_end(&banded);
    assert_int_equal(banded.pixel_count, whole_c.pixel_count);
    assert_int_equal(banded.run_count, whole_c.run_count);
    assert_memory_equal(banded.runs, whole_c.runs, whole_c.run_count * sizeof *whole_c.runs);
    assert_memory_equal(banded.pixels, whole_c.pixels, whole_c.pixel_count * sizeof(uint32_t));
    changed_free(&whole_c);
    changed_free(&banded);
}

/* Pages of the range from start for count pixels that are in memory. */
static size_t pages_in_memory(const uint32_t *start, size_t count)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    uintptr_t first = (uintptr_t)start / page * page;
    size_t pages = ((uintptr_t)(start + count) - first + page - 1) / page;
    unsigned char *in = calloc(pages, 1);
    assert_int_equal(mincore((void *)first, pages * page, in), 0);
    size_t n = 0;
    for (size_t i = 0; i < pages; i++)
        n += in[i] & 1;
    free(in);
    return n;
}

/* The memory of one crossfade serves the next (no fresh pages to map in
 * for every slide), but a large picture's pages beyond what a smaller
 * next one takes, and a spare megabyte, go back to the system. */
static void the_next_picture_reuses_the_memory_and_gives_back_the_rest(void **state)
{
    (void)state;
    enum { BIG_W = 2000, BIG_H = 1000, SMALL_H = 10 };
    uint32_t *busy = malloc(sizeof *busy * BIG_W * BIG_H), *plain = calloc(BIG_W * BIG_H, 4);
    for (size_t i = 0; i < (size_t)BIG_W * BIG_H; i++)
        busy[i] = (uint32_t)(i * 2654435761u) | 1; /* no stretch of one colour, none black */
    struct pixel_rows before = {plain, BIG_W, 0}, after = {busy, BIG_W, 0};
    struct box all = {0, 0, BIG_W, BIG_H}, few_rows = {0, 0, BIG_W, SMALL_H};
    struct changed_pixels c = {0};
    assert_true(changed_begin(&c, BIG_W, BIG_H) && changed_add(&c, before, after, &all, 1, BIG_H));
    changed_end(&c);
    uint32_t *range = c.pixels;
    size_t all_pages = pages_in_memory(range, (size_t)BIG_W * BIG_H);
    assert_int_equal(c.pixel_count, (size_t)BIG_W * BIG_H);
    assert_true(all_pages * (size_t)sysconf(_SC_PAGESIZE) >= sizeof *busy * BIG_W * BIG_H);

    assert_true(changed_begin(&c, BIG_W, BIG_H) &&
                changed_add(&c, before, after, &few_rows, 1, BIG_H));
    changed_end(&c);
    assert_ptr_equal(c.pixels, range);
    assert_int_equal(c.pixel_count, (size_t)BIG_W * SMALL_H);
    size_t left = pages_in_memory(range, (size_t)BIG_W * BIG_H);
    size_t most = ((size_t)BIG_W * SMALL_H + 256 * 1024) * 4 / (size_t)sysconf(_SC_PAGESIZE) + 1;
    assert_true(left <= most);
    assert_true(left < all_pages / 4);
    changed_free(&c);
    free(busy);
    free(plain);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(mixing_the_kept_pixels_is_the_whole_crossfade),
        cmocka_unit_test(only_what_differs_is_kept),
        cmocka_unit_test(one_differing_pixel_is_found_anywhere),
        cmocka_unit_test(nothing_outside_the_spans_is_touched),
        cmocka_unit_test(close_spans_of_busy_pictures_fit),
        cmocka_unit_test(unsettled_rows_are_kept_whole),
        cmocka_unit_test(a_picture_too_large_is_refused),
        cmocka_unit_test(a_picture_compared_band_by_band_keeps_the_same),
        cmocka_unit_test(the_next_picture_reuses_the_memory_and_gives_back_the_rest),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
