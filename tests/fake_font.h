/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A fake font for layout tests: every character 0.6 em wide in bold and
 * 0.55 em in regular, ascent 1.07 em and descent 0.29 em; every PNG
 * 400x200, no other picture drawable. Included by one test file each. */
#ifndef HALLSCREEN_TEST_FAKE_FONT_H
#define HALLSCREEN_TEST_FAKE_FONT_H

#include "../app/layout/scene.h"
#include "../app/util/str.h"

#include <stdbool.h>
#include <stddef.h>

static int fake_width(void *ctx, enum font_style style, int px, const char *text, size_t n)
{
    (void)ctx;
    size_t chars = 0;
    for (size_t i = 0; i < n; i += utf8_char_len(text + i))
        chars++;
    return (int)(chars * (size_t)px * (style == FONT_BOLD ? 60 : 55) / 100);
}

static void fake_metrics(void *ctx, enum font_style style, int px, int *ascent, int *descent)
{
    (void)ctx, (void)style;
    *ascent = px * 107 / 100;
    *descent = px * 29 / 100;
}

static bool fake_image(void *ctx, const char *path, struct box fit, int *w, int *h)
{
    (void)ctx, (void)fit;
    *w = 400, *h = 200;
    return str_ends_with(path, ".png");
}

static const struct measurer fake = {fake_width, fake_metrics, fake_image, NULL, NULL};

#endif
