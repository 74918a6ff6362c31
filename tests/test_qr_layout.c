/* SPDX-License-Identifier: GPL-2.0-or-later */
/* QR codes laid out to scan from the seats: their size at every screen
 * size, whole pixels per module, and captions broken only where a web
 * address may break. With a fake font: every character 0.6 em wide. */
#include "../app/content/content.h"
#include "../app/content/loader.h"
#include "../app/layout/address.h"
#include "../app/layout/slide_layout.h"
#include "../app/util/qr.h"
#include "../app/util/str.h"
#include "fake_font.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

static const int sizes[][2] = {{1280, 720}, {1920, 1080}, {1080, 1920}, {3840, 2160}};

/* At 10 px a character is 6 px wide: width 6 * n holds n characters. */
static void assert_broken(const char *text, int chars, const char *want)
{
    size_t lines = 0;
    char *got = address_break(&fake, FONT_BOLD, 10, text, 6 * chars, 0, &lines);
    if (!want) {
        assert_null(got);
        return;
    }
    assert_non_null(got);
    assert_string_equal(got, want);
    size_t breaks = 0;
    for (const char *p = got; *p; p++)
        breaks += *p == '\n';
    assert_int_equal(lines, breaks + 1);
    free(got);
}

/* The bundled closing slide's caption broke "worldgovernment / ssummit.org". */
static void an_address_breaks_after_its_separators_only(void **state)
{
    (void)state;
    assert_broken("worldgovernmentssummit.org", 40, "worldgovernmentssummit.org");
    assert_broken("worldgovernmentssummit.org", 24, "worldgovernmentssummit.\norg");
    /* no place to break inside "worldgovernmentssummit.": it does not fit */
    assert_broken("worldgovernmentssummit.org", 16, NULL);
    assert_broken("stream.example.org/odc2025/hall-a", 20, "stream.example.org/\nodc2025/hall-a");
    assert_broken("stream.example.org/odc2025/hall-a", 12,
                  "stream.\nexample.org/\nodc2025/\nhall-a");
    assert_broken("Scan for the slides", 12, "Scan for the\nslides");
    /* a run of separators stays whole */
    assert_broken("https://example.org", 8, "https://\nexample.\norg");
    size_t lines;
    assert_null(address_break(&fake, FONT_BOLD, 10, "a.b.c.d", 12, 2, &lines)); /* 4 lines */
}

/* The first white box of the scene: the QR code's card. */
static const struct item *qr_card(const struct scene *scene)
{
    for (size_t i = scene->background; i < scene->count; i++) {
        const struct item *it = &scene->items[i];
        if (it->kind == ITEM_FILL && it->colour.r == 0xff && it->colour.g == 0xff &&
            it->colour.b == 0xff && it->colour.a == 0xff && it->box.w == it->box.h)
            return it;
    }
    return NULL;
}

/* The bundled closing slide's code, at every size: its modules span at
 * least a quarter of the screen's shorter side, in whole pixels each, the
 * card inside the content; its caption is whole words of the address. */
static void qr_codes_span_a_quarter_of_the_screen(void **state)
{
    (void)state;
    struct theme base;
    theme_init_defaults(&base);
    struct programme prog;
    struct diag_list diags = {0};
    assert_true(content_load(CONTENT_DIR, &base, &prog, &diags));
    struct slide *closing = NULL;
    for (size_t i = 0; i < prog.slide_count; i++)
        if (prog.slides[i].qr)
            closing = &prog.slides[i];
    assert_non_null(closing);
    struct qr_code code;
    assert_true(qr_encode(closing->qr, &code));
    int span = code.width + 2 * QR_QUIET_ZONE;
    for (int size = 0; size <= 40; size += 40) {
        closing->qr_size = (float)size;
        for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
            struct frame_geometry g = layout_geometry(sizes[k][0], sizes[k][1]);
            int shorter = g.w < g.h ? g.w : g.h;
            struct scene scene = {0};
            layout_slide(&fake, &prog, closing, &g, &scene);
            const struct item *card = qr_card(&scene);
            assert_non_null(card);
            assert_int_equal(card->box.w % span, 0); /* whole pixels per module */
            int modules_px = card->box.w / span * code.width;
            print_message("%dx%d qr_size %d: code %d px, %.1f %% of %d\n", g.w, g.h, size,
                          modules_px, 100.0 * modules_px / shorter, shorter);
            assert_true(modules_px * 100 >= (size ? size : 25) * shorter);
            assert_true(box_contains(g.content, card->box));
            /* every line of the caption ends where the address may break */
            bool caption = false;
            for (size_t i = 0; i < scene.count; i++) {
                const struct item *it = &scene.items[i];
                if (it->kind != ITEM_TEXT || it->box.y < card->box.y + card->box.h ||
                    it->box.x + it->box.w < card->box.x || it->box.x > card->box.x + card->box.w)
                    continue;
                caption = true;
                assert_true(strstr("worldgovernmentssummit.org", it->text) != NULL);
                assert_true(str_ends_with(it->text, ".") || str_ends_with(it->text, "org"));
            }
            assert_true(caption);
            scene_clear(&scene);
        }
    }
    qr_free(&code);
    programme_free(&prog);
    theme_free(&base);
    diag_list_clear(&diags);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_address_breaks_after_its_separators_only),
        cmocka_unit_test(qr_codes_span_a_quarter_of_the_screen),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
