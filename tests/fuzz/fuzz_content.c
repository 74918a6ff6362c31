/* SPDX-License-Identifier: GPL-2.0-or-later */
/* libFuzzer target: every content parser on the same bytes (slide, event,
 * theme, alert files; dates, times and moments), and the layout's line
 * breaking and bidi ordering on them as text. Nothing may crash, hang or leak. */
#include "../../app/content/loader.h"
#include "../../app/schedule/import.h"
#include "../../app/layout/bidi.h"
#include "../../app/layout/wrap.h"
#include "../../app/util/civil_time.h"
#include "../../app/util/str.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int width(void *ctx, enum font_style style, int px, const char *text, size_t n)
{
    (void)ctx, (void)style, (void)text;
    return (int)n * px / 2;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    struct diag_list diags = {0};

    struct slide *slides = NULL;
    const struct source slide_src = {.path = "fuzz.yaml", .dir = "/nonexistent", .diags = &diags};
    size_t n = slide_parse(&slide_src, text, size, &slides);
    for (size_t i = 0; i < n; i++)
        slide_free(&slides[i]);
    free(slides);

    struct event event = {0};
    const struct source src = {.path = "event.yaml", .dir = "/nonexistent", .diags = &diags};
    if (event_parse(&src, text, size, &event))
        event_free(&event);
    struct theme theme;
    theme_init_defaults(&theme);
    theme_parse(&src, text, size, &theme);
    theme_free(&theme);
    /* the schedule readers: XML, JSON or CSV as the first byte says */
    struct slide *talks = NULL;
    size_t talk_count = schedule_import("schedule", &diags, text, size, "UTC", &talks);
    for (size_t i = 0; i < talk_count; i++)
        slide_free(&talks[i]);
    free(talks);
    struct slide alert = {0};
    if (alert_parse(&src, text, size, &alert))
        slide_free(&alert);
    diag_list_clear(&diags);

    int64_t value;
    int minutes;
    civil_parse_date(text, &value);
    civil_parse_clock(text, &minutes);
    civil_parse_datetime(text, &value);

    if (utf8_invalid_at(text, size) == size && !memchr(text, '\0', size)) {
        struct measurer m = {width, NULL, NULL, NULL, NULL};
        struct line_list lines = {0};
        bool more;
        layout_wrap(&m, FONT_REGULAR, 20, text, 300, 50, &lines, &more);
        line_list_free(&lines);
        struct bidi_run runs[32];
        bidi_visual_runs(text, size, bidi_is_rtl(text, size), runs, 32);
    }
    free(text);
    return 0;
}
