/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Bidirectional text: paragraph direction and the visual order of runs. */
#include "../app/layout/bidi.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

/* The runs of text as "piece|piece", left to right on screen, RTL ones
 * marked with <. */
static void visual(const char *text, bool rtl, char *out, size_t size)
{
    struct bidi_run runs[16];
    size_t n = bidi_visual_runs(text, strlen(text), rtl, runs, 16);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        size_t used = strlen(out);
        snprintf(out + used, size - used, "%s%s%.*s", i ? "|" : "", runs[i].rtl ? "<" : "",
                 (int)runs[i].length, text + runs[i].start);
    }
}

static void direction_comes_from_the_first_strong_letter(void **state)
{
    (void)state;
    const char *arabic = "مرحبا بكم في القمة";
    assert_true(bidi_is_rtl(arabic, strlen(arabic)));
    assert_false(bidi_is_rtl("Welcome", 7));
    assert_false(bidi_is_rtl("Қош келдіңіз", strlen("Қош келдіңіз")));
    const char *number_first = "2025 القمة";
    assert_true(bidi_is_rtl(number_first, strlen(number_first)));
    const char *latin_first = "WGS 2025 القمة";
    assert_false(bidi_is_rtl(latin_first, strlen(latin_first)));
    assert_false(bidi_is_rtl("12:00", 5));
    assert_false(bidi_is_rtl("", 0));
}

static void latin_and_numbers_inside_arabic_keep_their_order(void **state)
{
    (void)state;
    char out[256];
    /* "the summit WGS 2025 in Dubai": in an RTL paragraph, the Arabic runs
     * are placed right to left, the Latin name and number read left to right */
    visual("القمة WGS 2025 في دبي", true, out, sizeof out);
    assert_string_equal(out, "< في دبي|WGS 2025|<القمة ");
}

static void arabic_inside_english_reads_right_to_left(void **state)
{
    (void)state;
    char out[256];
    visual("Welcome مرحبا to Dubai", false, out, sizeof out);
    assert_string_equal(out, "Welcome |<مرحبا| to Dubai");
}

static void plain_text_is_one_run(void **state)
{
    (void)state;
    char out[256];
    visual("Effective Governance", false, out, sizeof out);
    assert_string_equal(out, "Effective Governance");
    visual("الحوكمة الفعالة", true, out, sizeof out);
    assert_string_equal(out, "<الحوكمة الفعالة");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(direction_comes_from_the_first_strong_letter),
        cmocka_unit_test(latin_and_numbers_inside_arabic_keep_their_order),
        cmocka_unit_test(arabic_inside_english_reads_right_to_left),
        cmocka_unit_test(plain_text_is_one_run),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
