/* A catalogue of bad content, each with its exact outcome: reported with
 * its file and line, the rest of the show still there, nothing crashing.
 * Files are written into a temporary folder by each test. */
#include "../app/content/content.h"
#include "../app/content/image_header.h"
#include "../app/util/str.h"

#include "temp.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];

static void write_bytes(const char *name, const void *bytes, size_t n)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(bytes, 1, n, f);
    fclose(f);
}

static void write_text(const char *name, const char *text)
{
    write_bytes(name, text, strlen(text));
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/hallscreen-hostile-" TEMP_SUFFIX);
    if (!mkdtemp(dir))
        return -1;
    char path[128];
    snprintf(path, sizeof path, "%s/slides", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/logos", dir);
    mkdir(path, 0755);
    write_text("event.yaml", "name: Hostile\n");
    write_text("slides/00-good.yaml", "kind: headline\ntitle: Still here\n");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Loads the folder; the good slide must still be first. Returns the
 * problems (caller clears) and fills slides with the slide count. */
static struct diag_list load(size_t *slides)
{
    struct theme base;
    theme_init_defaults(&base);
    struct programme prog;
    struct diag_list diags = {0};
    assert_true(content_load(dir, &base, &prog, &diags));
    assert_true(prog.slide_count >= 1);
    assert_string_equal(prog.slides[0].title, "Still here");
    *slides = prog.slide_count;
    programme_free(&prog);
    theme_free(&base);
    return diags;
}

/* The single problem reported for file, at line, says text. */
static void expect_problem(const char *file, int line, const char *text)
{
    size_t slides;
    struct diag_list diags = load(&slides);
    bool found = false;
    char formatted[1200];
    for (size_t i = 0; i < diags.count; i++) {
        diag_format(&diags.items[i], formatted, sizeof formatted);
        print_message("%s\n", formatted);
        found |= str_ends_with(diags.items[i].path, file) && diags.items[i].line == line &&
                 strstr(diags.items[i].message, text) != NULL;
    }
    assert_true(found);
    diag_list_clear(&diags);
}

static void random_bytes(void **state)
{
    (void)state;
    unsigned char noise[4096];
    srand(7);
    for (size_t i = 0; i < sizeof noise; i++)
        noise[i] = (unsigned char)rand();
    write_bytes("slides/10-noise.yaml", noise, sizeof noise);
    expect_problem("slides/10-noise.yaml", 1, "is not UTF-8");
}

static void empty_file(void **state)
{
    (void)state;
    write_text("slides/10-empty.yaml", "");
    expect_problem("slides/10-empty.yaml", 0, "is empty");
}

static void comments_only(void **state)
{
    (void)state;
    write_text("slides/10-comments.yaml", "# nothing but a comment\n");
    expect_problem("slides/10-comments.yaml", 0, "is empty");
}

static void deeply_nested(void **state)
{
    (void)state;
    size_t depth = 100000;
    char *text = malloc(2 * depth + 32);
    strcpy(text, "kind: headline\ntitle: ");
    size_t n = strlen(text);
    memset(text + n, '[', depth);
    memset(text + n + depth, ']', depth);
    text[n + 2 * depth] = '\0';
    write_text("slides/10-deep.yaml", text);
    free(text);
    expect_problem("slides/10-deep.yaml", 2, "nested more than 32 deep");
}

static void many_fields(void **state)
{
    (void)state;
    char *text = malloc(20 * 5000 + 64);
    strcpy(text, "kind: headline\n");
    for (int i = 0; i < 5000; i++)
        sprintf(text + strlen(text), "field%d: x\n", i);
    write_text("slides/10-fields.yaml", text);
    free(text);
    expect_problem("slides/10-fields.yaml", 1, "5001 fields");
}

static void ten_megabyte_description(void **state)
{
    (void)state;
    size_t n = 10 * 1024 * 1024;
    char *text = malloc(n + 1);
    memset(text, 'a', n);
    memcpy(text, "kind: session\ntitle: t\ndescription: ", 36);
    text[n] = '\0';
    write_text("slides/10-huge.yaml", text);
    free(text);
    expect_problem("slides/10-huge.yaml", 0, "is larger than 1024 KiB");
}

static void a_choice_that_is_none_of_the_choices(void **state)
{
    (void)state;
    write_text("slides/10-direction.yaml", "kind: headline\ntitle: t\ndirection: sideways\n");
    expect_problem("slides/10-direction.yaml", 3,
                   "direction: 'sideways' is not a direction: write auto, ltr or rtl");
    write_text("theme.yaml", "transition: wipe\n");
    expect_problem("theme.yaml", 1,
                   "transition: 'wipe' is not a transition: write crossfade, push or none");
}

static void a_long_word_still_loads(void **state)
{
    (void)state;
    size_t n = 100000;
    char *text = malloc(n + 64);
    strcpy(text, "kind: headline\ntitle: ");
    size_t start = strlen(text);
    memset(text + start, 'w', n);
    strcpy(text + start + n, "\n");
    write_text("slides/10-word.yaml", text);
    free(text);
    size_t slides;
    struct diag_list diags = load(&slides);
    assert_int_equal(diags.count, 0);
    assert_int_equal(slides, 2);
    diag_list_clear(&diags);
}

static void a_fifo_does_not_hang(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/slides/10-pipe.yaml", dir);
    assert_int_equal(mkfifo(path, 0644), 0);
    size_t slides; /* passed over: not a file */
    struct diag_list diags = load(&slides);
    assert_int_equal(slides, 1);
    diag_list_clear(&diags);
}

static void a_directory_named_like_a_slide(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/slides/10-folder.yaml", dir);
    assert_int_equal(mkdir(path, 0755), 0);
    size_t slides;
    struct diag_list diags = load(&slides);
    assert_int_equal(slides, 1);
    diag_list_clear(&diags);
}

static void logo_case(const char *logo_name, const void *bytes, size_t n, const char *text)
{
    char name[96], slide[256];
    snprintf(name, sizeof name, "logos/%s", logo_name);
    if (bytes)
        write_bytes(name, bytes, n);
    snprintf(slide, sizeof slide, "kind: partners\npartners:\n  - name: Partner\n    logo: %s\n",
             name);
    write_text("slides/10-partners.yaml", slide);
    expect_problem("slides/10-partners.yaml", 4, text);
}

static const unsigned char png_signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

static void images_that_must_not_be_decoded(void **state)
{
    (void)state;
    logo_case("zero.png", "", 0, "'logos/zero.png' is empty");
    logo_case("noise.png", "GIF89a not really", 17, "is not a PNG, JPEG or SVG image");
    logo_case("cut.png", png_signature, 8, "is damaged or cut short");
    unsigned char bomb[33] = {0};
    memcpy(bomb, png_signature, 8);
    memcpy(bomb + 8, "\0\0\0\x0dIHDR\0\x01\x86\xa0\0\x01\x86\xa0\x08\x06\0\0\0", 21);
    logo_case("bomb.png", bomb, sizeof bomb, "declares 100000x100000 pixels");
    unsigned char jpeg[] = {0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0xff, 0xff, 0xff, 0xff};
    logo_case("bomb.jpg", jpeg, sizeof jpeg, "declares 65535x65535 pixels");
    unsigned char cut_jpeg[] = {0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F'};
    logo_case("cut.jpg", cut_jpeg, sizeof cut_jpeg, "is damaged or cut short");
    const char *svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90000\" height=\"90000\">";
    logo_case("huge.svg", svg, strlen(svg), "declares 90000x90000 pixels");
    logo_case("missing.png", NULL, 0, "file 'logos/missing.png' not found");
}

static void logos_that_lead_outside(void **state)
{
    (void)state;
    write_text("slides/10-partners.yaml",
               "kind: partners\npartners:\n  - name: A\n    logo: /etc/passwd\n");
    expect_problem("slides/10-partners.yaml", 4, "must be a path inside the content folder");
    char link[128];
    snprintf(link, sizeof link, "%s/logos/outside.png", dir);
    assert_int_equal(symlink("/usr/share/pixmaps/debian-logo.png", link) == 0 ||
                         symlink("/etc/hostname", link) == 0,
                     1);
    write_text("slides/10-partners.yaml",
               "kind: partners\npartners:\n  - name: A\n    logo: logos/outside.png\n");
    expect_problem("slides/10-partners.yaml", 4, "leads outside the content folder");
}

static void image_headers_read_real_sizes(void **state)
{
    (void)state;
    struct image_header h;
    char err[160];
    assert_true(image_header_read(CONTENT_DIR "/logos/oecd.png", &h, err, sizeof err));
    assert_int_equal(h.type, IMAGE_PNG);
    assert_int_equal(h.w, 726);
    assert_int_equal(h.h, 285);
    assert_true(image_header_read(FIXTURES_DIR "/full/logos/vector.svg", &h, err, sizeof err));
    assert_int_equal(h.type, IMAGE_SVG);
    assert_int_equal(h.w, 200);
    assert_int_equal(h.h, 100);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(random_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(empty_file, setup, teardown),
        cmocka_unit_test_setup_teardown(comments_only, setup, teardown),
        cmocka_unit_test_setup_teardown(deeply_nested, setup, teardown),
        cmocka_unit_test_setup_teardown(many_fields, setup, teardown),
        cmocka_unit_test_setup_teardown(ten_megabyte_description, setup, teardown),
        cmocka_unit_test_setup_teardown(a_choice_that_is_none_of_the_choices, setup, teardown),
        cmocka_unit_test_setup_teardown(a_long_word_still_loads, setup, teardown),
        cmocka_unit_test_setup_teardown(a_fifo_does_not_hang, setup, teardown),
        cmocka_unit_test_setup_teardown(a_directory_named_like_a_slide, setup, teardown),
        cmocka_unit_test_setup_teardown(images_that_must_not_be_decoded, setup, teardown),
        cmocka_unit_test_setup_teardown(logos_that_lead_outside, setup, teardown),
        cmocka_unit_test(image_headers_read_real_sizes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
