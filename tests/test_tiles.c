/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Tile maps: the rectangles a crossfade blends cover every pixel of every
 * marked box once, and nothing far from them, at every screen shape. */
#include "../app/layout/tiles.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SPANS (TILE_ROWS * TILE_COLUMNS)

/* How many spans cover each pixel of the map's picture. */
static unsigned char *coverage(const struct tile_map *m)
{
    static struct box spans[MAX_SPANS];
    size_t n = tiles_spans(m, spans, MAX_SPANS);
    assert_true(n <= MAX_SPANS);
    unsigned char *count = calloc((size_t)m->w * (size_t)m->h, 1);
    assert_non_null(count);
    for (size_t i = 0; i < n; i++) {
        struct box s = spans[i];
        assert_true(s.x >= 0 && s.y >= 0 && s.w > 0 && s.h > 0);
        assert_true(s.x + s.w <= m->w && s.y + s.h <= m->h);
        for (int y = s.y; y < s.y + s.h; y++)
            for (int x = s.x; x < s.x + s.w; x++)
                count[(size_t)y * (size_t)m->w + (size_t)x]++;
    }
    return count;
}

static bool inside(struct box b, int x, int y)
{
    return x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h;
}

/* Random boxes, some leaving the picture: each pixel of a box is covered
 * exactly once, no pixel twice, and a covered pixel is within a tile of
 * some box. */
static void check_random_boxes(int w, int h, unsigned seed)
{
    srand(seed);
    struct tile_map m;
    tiles_init(&m, w, h);
    struct box boxes[12];
    int n = 1 + rand() % 12;
    for (int i = 0; i < n; i++) {
        boxes[i] = (struct box){rand() % (w + 40) - 20, rand() % (h + 40) - 20,
                                rand() % (w / 2 + 1), rand() % (h / 3 + 1)};
        tiles_mark(&m, boxes[i]);
    }
    unsigned char *count = coverage(&m);
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            unsigned char c = count[(size_t)y * (size_t)w + (size_t)x];
            assert_true(c <= 1);
            bool in_box = false, near_box = false;
            for (int i = 0; i < n; i++) {
                struct box b = boxes[i];
                in_box = in_box || (b.w > 0 && b.h > 0 && inside(b, x, y));
                struct box grown = {b.x - m.tile_w, b.y - m.tile_h, b.w + 2 * m.tile_w,
                                    b.h + 2 * m.tile_h};
                near_box = near_box || (b.w > 0 && b.h > 0 && inside(grown, x, y));
            }
            if (in_box)
                assert_int_equal(c, 1);
            if (c)
                assert_true(near_box);
        }
    }
    free(count);
}

static void spans_cover_marked_boxes_once_at_every_shape(void **state)
{
    (void)state;
    const int sizes[][2] = {{1280, 720}, {1920, 1080}, {1080, 1920},
                            {333, 97},   {64, 2000},   {50, 30}};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
        for (unsigned seed = 1; seed <= 20; seed++)
            check_random_boxes(sizes[s][0], sizes[s][1], seed);
}

static void an_empty_map_has_no_spans_and_a_full_one_is_one_rectangle(void **state)
{
    (void)state;
    struct tile_map m;
    struct box spans[4];
    tiles_init(&m, 3840, 2160);
    assert_int_equal(tiles_spans(&m, spans, 4), 0);
    tiles_mark(&m, (struct box){-5, -5, 0, 100});   /* empty */
    tiles_mark(&m, (struct box){4000, 10, 50, 50}); /* outside */
    assert_int_equal(tiles_spans(&m, spans, 4), 0);
    tiles_mark(&m, (struct box){-10, -10, 5000, 3000});
    assert_int_equal(tiles_spans(&m, spans, 4), 1);
    assert_memory_equal(&spans[0], &((struct box){0, 0, 3840, 2160}), sizeof spans[0]);
}

static void union_of_two_slides_marks_what_either_marks(void **state)
{
    (void)state;
    struct tile_map a, b;
    tiles_init(&a, 1920, 1080);
    tiles_init(&b, 1920, 1080);
    tiles_mark(&a, (struct box){100, 100, 600, 80});   /* a title */
    tiles_mark(&b, (struct box){100, 500, 1200, 300}); /* a body */
    tiles_add(&a, &b);
    unsigned char *count = coverage(&a);
    assert_int_equal(count[120 * 1920 + 150], 1);
    assert_int_equal(count[600 * 1920 + 1000], 1);
    assert_int_equal(count[400 * 1920 + 1000], 0); /* between them */
    assert_int_equal(count[1000 * 1920 + 1800], 0);
    free(count);
    /* rows of equal runs are one rectangle: the body's rows */
    struct box spans[8];
    assert_int_equal(tiles_spans(&b, spans, 8), 1);
    /* too many spans for the room given: the count says so */
    struct tile_map stripes;
    tiles_init(&stripes, 1920, 1080);
    for (int x = 0; x < 1920; x += 2 * stripes.tile_w)
        tiles_mark(&stripes, (struct box){x, 0, 1, 10});
    assert_int_equal(tiles_spans(&stripes, spans, 8), TILE_COLUMNS / 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(spans_cover_marked_boxes_once_at_every_shape),
        cmocka_unit_test(an_empty_map_has_no_spans_and_a_full_one_is_one_rectangle),
        cmocka_unit_test(union_of_two_slides_marks_what_either_marks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
