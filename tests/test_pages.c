/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Pages of a slide: speaker lists split by count, prose cut where a
 * reader would (between paragraphs, sentences, words) into the fewest
 * pages that fit, checked with a fitter that counts characters. */
#include "../app/show/pages.h"
#include "../app/util/split_text.h"
#include "../app/util/str.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char prose[] =
    "The first sentence is short. The second one is somewhat longer than the first, and "
    "it goes on. Third!\nA new paragraph starts here and runs on for a while with words "
    "and more words so that it is long. The last sentence ends it.";

static char *piece_of(const char *text, size_t from, size_t to)
{
    char *p = text_piece(text, from, to);
    assert_non_null(p);
    return p;
}

static void cuts_are_found_by_kind(void **state)
{
    (void)state;
    size_t *cuts, n = text_cuts(prose, CUT_PARAGRAPH, &cuts);
    assert_int_equal(n, 2); /* the paragraph, and the end */
    assert_string_equal(prose + cuts[0], prose + (strchr(prose, '\n') - prose) + 1);
    assert_int_equal(cuts[1], strlen(prose));
    free(cuts);
    n = text_cuts(prose, CUT_SENTENCE, &cuts);
    assert_int_equal(n, 5);
    assert_true(strncmp(prose + cuts[0], "The second", 10) == 0);
    assert_true(strncmp(prose + cuts[1], "Third!", 6) == 0);
    free(cuts);
    /* a word cut is marked on both pieces; a sentence cut is not */
    n = text_cuts(prose, CUT_WORD, &cuts);
    char *a = piece_of(prose, 0, cuts[2]), *b = piece_of(prose, cuts[2], cuts[3]);
    assert_string_equal(a, "The first sentence\u2026");
    assert_string_equal(b, "\u2026is\u2026");
    free(a), free(b), free(cuts);
    n = text_cuts(prose, CUT_SENTENCE, &cuts);
    a = piece_of(prose, 0, cuts[0]);
    assert_string_equal(a, "The first sentence is short.");
    free(a), free(cuts);
    /* no spaces: anywhere, between whole characters */
    const char *kazakh = "Қазақстан";
    n = text_cuts(kazakh, CUT_ANYWHERE, &cuts);
    assert_int_equal(n, 9);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(utf8_invalid_at(kazakh, cuts[i]), cuts[i]);
    free(cuts);
}

/* Fits when the page's texts are at most the given characters, counting a
 * speaker as 40, the chair as 60 and the title as its length. */
static bool fits_characters(void *ctx, const struct programme *prog, const struct slide *page)
{
    (void)prog;
    size_t most = *(size_t *)ctx, used = 0;
    const char *texts[] = {page->title, page->description, page->translated_description, page->body,
                           page->translated_body};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        for (const char *p = texts[i]; p && *p; p += utf8_char_len(p))
            used++;
    used += 40 * page->speaker_count + (page->chair ? 60 : 0);
    return used <= most;
}

/* The words of the pages' field, ellipses dropped, in one string. */
static void joined(const struct slide *pages, size_t count, size_t field_offset, char *out,
                   size_t size)
{
    out[0] = '\0';
    for (size_t i = 0; i < count; i++) {
        const char *text = *(char *const *)((const char *)&pages[i] + field_offset);
        for (const char *p = text; p && *p; p++) {
            if (strncmp(p, "\u2026", 3) == 0) {
                p += 2;
                continue;
            }
            if (*p == ' ' || *p == '\n')
                continue;
            size_t n = strlen(out);
            if (n + 1 < size)
                out[n] = *p, out[n + 1] = '\0';
        }
    }
}

static void prose_is_cut_between_sentences_into_the_fewest_pages(void **state)
{
    (void)state;
    struct programme prog = {0};
    char title[] = "Panel", description[sizeof prose], translated[] = "Une traduction courte.";
    memcpy(description, prose, sizeof prose);
    struct slide s = {.kind = SLIDE_SESSION,
                      .title = title,
                      .description = description,
                      .translated_description = translated};
    size_t most = 120;
    struct page_fitter fitter = {fits_characters, &most};
    struct slide *pages;
    size_t n = slide_pages(&s, &prog, &fitter, &pages);
    assert_true(n >= 3 && n <= 4);
    char whole[512], paged[512];
    joined(&s, 1, offsetof(struct slide, description), whole, sizeof whole);
    joined(pages, n, offsetof(struct slide, description), paged, sizeof paged);
    assert_string_equal(paged, whole);
    for (size_t i = 0; i < n; i++) {
        assert_true(fits_characters(&most, &prog, &pages[i]));
        assert_int_equal(pages[i].page, (int)i + 1);
        assert_int_equal(pages[i].page_count, (int)n);
        assert_string_equal(pages[i].title, "Panel");
        /* every page but the last ends a sentence */
        const char *d = pages[i].description;
        if (d && i + 1 < n && pages[i + 1].description) {
            char last = d[strlen(d) - 1];
            assert_true(last == '.' || last == '!');
        }
    }
    /* the translation follows the description */
    assert_string_equal(pages[n - 1].translated_description, translated);
    for (size_t i = 0; i < n; i++)
        slide_free(&pages[i]);
    free(pages);
    /* with room for all, one page with no number */
    most = 1000;
    n = slide_pages(&s, &prog, &fitter, &pages);
    assert_int_equal(n, 1);
    assert_int_equal(pages[0].page_count, 0);
    assert_string_equal(pages[0].description, prose);
    slide_free(&pages[0]);
    free(pages);
}

static void a_sentence_too_long_for_a_page_is_cut_between_words(void **state)
{
    (void)state;
    struct programme prog = {0};
    char body[400] = "", title[] = "T";
    for (int i = 0; i < 30; i++)
        strcat(body, "words and ");
    strcat(body, "end.");
    struct slide s = {.kind = SLIDE_HEADLINE, .title = title, .body = body};
    size_t most = 100;
    struct page_fitter fitter = {fits_characters, &most};
    struct slide *pages;
    size_t n = slide_pages(&s, &prog, &fitter, &pages);
    assert_int_equal(n, 4);
    assert_true(str_ends_with(pages[0].body, "\u2026"));
    assert_true(strncmp(pages[1].body, "\u2026", 3) == 0);
    for (size_t i = 0; i < n; i++) {
        assert_true(fits_characters(&most, &prog, &pages[i]));
        slide_free(&pages[i]);
    }
    free(pages);
}

static void speakers_go_on_pages_of_eight_at_most_the_chair_on_the_first(void **state)
{
    (void)state;
    struct programme prog = {0};
    char *names[20];
    for (int i = 0; i < 20; i++)
        names[i] = str_printf("Speaker %d", i + 1);
    char title[] = "Panel", chair[] = "Chair", description[] = "Short.";
    struct slide s = {.kind = SLIDE_SESSION,
                      .title = title,
                      .chair = chair,
                      .speakers = names,
                      .speaker_count = 20,
                      .description = description};
    struct slide *pages;
    /* with no fitter (and with one that lets all fit), 7/7/6 */
    size_t most = 100000;
    struct page_fitter fitter = {fits_characters, &most};
    for (int with_fitter = 0; with_fitter < 2; with_fitter++) {
        size_t n = slide_pages(&s, &prog, with_fitter ? &fitter : NULL, &pages);
        assert_int_equal(n, 3);
        const size_t want[] = {7, 7, 6};
        for (size_t i = 0; i < n; i++) {
            assert_int_equal(pages[i].speaker_count, want[i]);
            assert_int_equal(pages[i].page_count, 3);
            assert_true((pages[i].chair != NULL) == (i == 0));
            assert_true((pages[i].description != NULL) == (i == 0));
        }
        assert_string_equal(pages[1].speakers[0], "Speaker 8");
        for (size_t i = 0; i < n; i++)
            slide_free(&pages[i]);
        free(pages);
    }
    /* a description that does not fit beside the speakers goes after them */
    char long_description[400];
    memcpy(long_description, prose, sizeof prose);
    s.description = long_description;
    most = 420;
    size_t n = slide_pages(&s, &prog, &fitter, &pages);
    assert_true(n >= 3);
    for (size_t i = 0; i < n; i++) {
        assert_true(fits_characters(&most, &prog, &pages[i]));
        slide_free(&pages[i]);
    }
    free(pages);
    for (int i = 0; i < 20; i++)
        free(names[i]);
}

static void a_slide_too_big_for_any_page_stays_one(void **state)
{
    (void)state;
    struct programme prog = {0};
    char title[300], body[] = "Short body. Another sentence.";
    memset(title, 'x', sizeof title - 1);
    title[sizeof title - 1] = '\0';
    struct slide s = {.kind = SLIDE_HEADLINE, .title = title, .body = body};
    size_t most = 100;
    struct page_fitter fitter = {fits_characters, &most};
    struct slide *pages;
    assert_int_equal(slide_pages(&s, &prog, &fitter, &pages), 1);
    assert_string_equal(pages[0].body, body);
    slide_free(&pages[0]);
    free(pages);
    /* other kinds are copied whole */
    struct slide alert = {.kind = SLIDE_IMAGE, .title = title};
    assert_int_equal(slide_pages(&alert, &prog, &fitter, &pages), 1);
    assert_string_equal(pages[0].title, title);
    slide_free(&pages[0]);
    free(pages);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cuts_are_found_by_kind),
        cmocka_unit_test(prose_is_cut_between_sentences_into_the_fewest_pages),
        cmocka_unit_test(a_sentence_too_long_for_a_page_is_cut_between_words),
        cmocka_unit_test(speakers_go_on_pages_of_eight_at_most_the_chair_on_the_first),
        cmocka_unit_test(a_slide_too_big_for_any_page_stays_one),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
