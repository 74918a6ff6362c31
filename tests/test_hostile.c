/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A catalogue of bad content, each with its exact outcome: reported with
 * its file and line, the rest of the show still there, nothing crashing.
 * Files are written into a temporary folder by each test. */
#include "../app/content/loader.h"
#include "../app/content/content.h"
#include "../app/util/image_header.h"
#include "../app/util/str.h"

#include "descriptors.h"
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

static void unlink_in(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    assert_int_equal(unlink(path), 0);
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
    logo_case("noise.png", "GIF89a not really", 17, "is not a PNG, JPEG, WebP or SVG image");
    logo_case("cut.png", png_signature, 8, "is damaged or cut short");
    logo_case("cut.webp", "RIFF\0\0\0\0WEBPVP8X", 16, "is damaged or cut short");
    /* a WebP whose extended header declares 20000x20000 */
    static const unsigned char huge_webp[30] = {'R', 'I', 'F', 'F', 22,   0,    0,  0,    'W',  'E',
                                                'B', 'P', 'V', 'P', '8',  'X',  10, 0,    0,    0,
                                                0,   0,   0,   0,   0x1f, 0x4e, 0,  0x1f, 0x4e, 0};
    logo_case("huge.webp", huge_webp, sizeof huge_webp, "declares 20000x20000 pixels");
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
    /* rasterised at its declared shape, this took gigabytes and crashed */
    const char *tall = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"8000\">";
    logo_case("tall.svg", tall, strlen(tall), "at most 64 times as long as it is wide");
    unsigned char thin[33] = {0};
    memcpy(thin, png_signature, 8);
    memcpy(thin + 8, "\0\0\0\x0dIHDR\0\0\x1f\x40\0\0\0\x01\x08\x06\0\0\0", 21);
    logo_case("thin.png", thin, sizeof thin, "declares 8000x1 pixels");
}

static void logos_that_lead_outside(void **state)
{
    (void)state;
    write_text("slides/10-partners.yaml",
               "kind: partners\npartners:\n  - name: A\n    logo: /etc/passwd\n");
    expect_problem("slides/10-partners.yaml", 4, "must be a path inside the content folder");
    char link[128], outside[160];
    snprintf(link, sizeof link, "%s/logos/outside.png", dir);
    snprintf(outside, sizeof outside, "%s-outside.png", dir); /* beside the folder */
    FILE *f = fopen(outside, "wb");
    assert_non_null(f);
    fwrite(png_signature, 1, sizeof png_signature, f);
    fclose(f);
    assert_int_equal(symlink(outside, link), 0);
    write_text("slides/10-partners.yaml",
               "kind: partners\npartners:\n  - name: A\n    logo: logos/outside.png\n");
    expect_problem("slides/10-partners.yaml", 4, "leads outside the content folder");
    /* a slide file that is a link to a file outside the folder */
    snprintf(link, sizeof link, "%s/slides/20-elsewhere.yaml", dir);
    f = fopen(outside, "w");
    assert_non_null(f);
    fputs("kind: headline\ntitle: From outside\n", f);
    fclose(f);
    assert_int_equal(symlink(outside, link), 0);
    expect_problem("slides/20-elsewhere.yaml", 0, "is a link leading outside the content folder");
    unlink(outside);
}

static void huge_lists_are_capped_with_a_message(void **state)
{
    (void)state;
    /* 55,000 speakers in 978 KB: under the size limit */
    char *text = malloc(55000 * 20 + 64), *p = text;
    p += sprintf(p, "kind: session\ntitle: Crowded\nspeakers:\n");
    for (int i = 0; i < 55000; i++)
        p += sprintf(p, "  - Speaker %d\n", i);
    write_text("slides/10-crowded.yaml", text);
    expect_problem("slides/10-crowded.yaml", 4, "speakers: 55000 items; the first 100 are shown");
    p = text + sprintf(text, "kind: partners\npartners:\n");
    for (int i = 0; i < 50000; i++)
        p += sprintf(p, "  - P%d\n", i);
    write_text("slides/10-crowded.yaml", text);
    expect_problem("slides/10-crowded.yaml", 3,
                   "partners: 50000 partners; the first 1000 are shown");
    free(text);
}

static void a_50_megabyte_schedule_is_refused(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/schedule.xml", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("<?xml version=\"1.0\"?><schedule>", f);
    for (int i = 0; i < 50 * 1024; i++)
        fprintf(f, "<!-- %01017d -->\n", i); /* 1 KiB a line */
    fputs("</schedule>", f);
    fclose(f);
    expect_problem("schedule.xml", 0, "is larger than 32768 KiB");
}

static void image_slides_that_cannot_show(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/logos/pipe.png", dir);
    assert_int_equal(mkfifo(path, 0644), 0);
    write_text("slides/10-poster.yaml", "kind: image\nimage: logos/pipe.png\n");
    expect_problem("slides/10-poster.yaml", 0, "image: no picture to show");
    write_text("slides/10-poster.yaml", "kind: image\nimage: logos/none.png\nfit: stretch\n");
    expect_problem("slides/10-poster.yaml", 3, "fit: 'stretch' is not a fit");
    write_text("slides/10-poster.yaml", "kind: image\nimage: logos/none.png\nfocus: 150% 20%\n");
    expect_problem("slides/10-poster.yaml", 3, "focus: '150% 20%' is not a focus");
    char *qr = malloc(5000);
    strcpy(qr, "kind: headline\ntitle: t\nqr: ");
    size_t start = strlen(qr);
    memset(qr + start, 'x', 4000);
    qr[start + 4000] = '\0';
    write_text("slides/10-poster.yaml", qr);
    free(qr);
    expect_problem("slides/10-poster.yaml", 0, "qr: too long for a QR code");
}

static void values_staff_get_wrong(void **state)
{
    (void)state;
    write_text("slides/10-hex.yaml", "kind: headline\ntitle: t\nduration: 0x10\n");
    expect_problem("slides/10-hex.yaml", 3, "duration: '0x10' is not a duration");
    write_text("slides/10-hex.yaml", "kind: headline\ntitle: t\nduration: 1e3\n");
    expect_problem("slides/10-hex.yaml", 3, "duration: '1e3' is not a duration");
    unlink_in("slides/10-hex.yaml");
    write_text("theme.yaml", "slide_duration: 0.001\n");
    expect_problem("theme.yaml", 1, "slide_duration: 0.001 s is out of range: write 2 to 86400");
    write_text("theme.yaml", "transition_duration: 60\n");
    expect_problem("theme.yaml", 1, "transition_duration: 60 s is out of range: write 0 to 5");
    unlink_in("theme.yaml");
    write_text("event.yaml", "name: Hostile\ntimezone: zone.tab\n");
    expect_problem("event.yaml", 2, "timezone: 'zone.tab' is not a time zone");
    write_text("event.yaml", "name: Hostile\n");
    write_text("slides/10-two.yaml",
               "kind: headline\ntitle: One\n---\nkind: headline\ntitle: Two\n");
    expect_problem("slides/10-two.yaml", 4, "a second YAML document ('---') is ignored");
    unlink_in("slides/10-two.yaml");
    write_text("slides/10-colon.yaml", "kind: headline\ntitle: Keynote: the future of work\n");
    expect_problem("slides/10-colon.yaml", 2,
                   "a value holds ': ' (column 15): put the whole value "
                   "in quotes");
    unlink_in("slides/10-colon.yaml");
    /* a control character pasted into a notice: its own line, not line 1 */
    write_text("rooms.yaml", "\"Saal 1\":\n  late: 10\n  notice: \"Stream \u00fc\a in Saal G\"\n");
    expect_problem("rooms.yaml", 3, "control characters are not allowed (U+0007 at column 20)");
    unlink_in("rooms.yaml");
}

static void slide_names_staff_get_wrong(void **state)
{
    (void)state;
    write_text("slides/14-upper.YAML", "kind: headline\ntitle: Upper case\n");
    write_text("slides/15-x.yaml.txt", "kind: headline\ntitle: Saved as text\n");
    write_text("slides/notes.txt", "reminders for the team\n");
    size_t slides;
    struct diag_list diags = load(&slides);
    assert_int_equal(slides, 2); /* the good one and 14-upper.YAML */
    assert_int_equal(diags.count, 1);
    assert_true(str_ends_with(diags.items[0].path, "slides/15-x.yaml.txt"));
    assert_non_null(strstr(diags.items[0].message, "must end in .yaml"));
    diag_list_clear(&diags);
}

static void names_with_any_bytes_are_reported_as_one_line_of_text(void **state)
{
    (void)state;
    write_text("slides/20-bad\xff\nname.yaml", "kind: headline\n");
    size_t slides;
    struct diag_list diags = load(&slides);
    assert_int_equal(diags.count, 1);
    const char *path = diags.items[0].path;
    assert_non_null(strstr(path, "slides/20-bad\\xff\\nname.yaml"));
    assert_int_equal(utf8_invalid_at(path, strlen(path)), strlen(path));
    assert_null(strchr(path, '\n'));
    diag_list_clear(&diags);
}

/* A theme naming fonts: the font is used, or the problem reported. */
static void font_case(const char *font_line, int line, const char *text)
{
    write_text("theme.yaml", font_line);
    expect_problem("theme.yaml", line, text);
}

static void fonts_that_cannot_be_used_are_reported(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/fonts", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/fonts/pipe.ttf", dir);
    assert_int_equal(mkfifo(path, 0644), 0);
    font_case("font: fonts/pipe.ttf\n", 1, "'fonts/pipe.ttf' is not a file");
    font_case("font: fonts\n", 1, "no font 'fonts' is installed");
    font_case("font: fonts/\n", 1, "'fonts/' is not a file");
    font_case("font: /dev/zero\n", 1, "must be a path inside the content folder");
    write_text("fonts/empty.ttf", "");
    font_case("font: fonts/empty.ttf\n", 1, "'fonts/empty.ttf' is empty");
    write_text("fonts/notes.ttf", "these are not glyphs");
    font_case("font_bold: fonts/notes.ttf\n", 1, "is not a TrueType or OpenType font");
    font_case("font: No Such Family Anywhere\n", 1,
              "no font 'No Such Family Anywhere' is installed");
    font_case("font: fonts/missing.ttf\n", 1, "file 'fonts/missing.ttf' not found");
}

static void a_font_shipped_in_the_folder_is_found_there(void **state)
{
    (void)state;
    char cmd[512];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s/fonts' && cp %s '%s/fonts/brand.ttf'", dir,
             "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", dir);
    assert_int_equal(system(cmd), 0);
    write_text("theme.yaml", "font: fonts/brand.ttf\n");
    struct theme base;
    theme_init_defaults(&base);
    struct programme prog;
    struct diag_list diags = {0};
    assert_true(content_load(dir, &base, &prog, &diags));
    assert_int_equal(diags.count, 0);
    char want[160];
    snprintf(want, sizeof want, "%s/fonts/brand.ttf", dir);
    assert_string_equal(prog.theme.font, want); /* whatever the working folder */
    programme_free(&prog);
    theme_free(&base);
    diag_list_clear(&diags);
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

/* A folder of event.yaml and a schedule export needs no slides folder; a
 * slides folder that cannot be read for want of file descriptors says so,
 * not that it is missing. */
static void a_schedule_alone_needs_no_slides_folder(void **state)
{
    (void)state;
    char other[80];
    snprintf(other, sizeof other, "%s-alone", dir);
    assert_int_equal(mkdir(other, 0755), 0);
    char path[160];
    snprintf(path, sizeof path, "%s/event.yaml", other);
    FILE *f = fopen(path, "w");
    fputs("name: Alone\ntimezone: Europe/Berlin\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/schedule.csv", other);
    f = fopen(path, "w");
    fputs("title,start,end,room\nOpening,2025-02-12 10:00,2025-02-12 11:00,Hall\n", f);
    fclose(f);
    struct theme base;
    theme_init_defaults(&base);
    struct programme prog;
    struct diag_list diags = {0};
    assert_true(content_load(other, &base, &prog, &diags));
    for (size_t i = 0; i < diags.count; i++)
        print_message("%s: %s\n", diags.items[i].path, diags.items[i].message);
    assert_int_equal(diags.count, 0);
    assert_int_equal(prog.slide_count, 1);
    programme_free(&prog);
    diag_list_clear(&diags);

    /* no descriptor left: the real reason */
    struct descriptors_held held;
    descriptors_exhaust(&held);
    bool ok = content_load(dir, &base, &prog, &diags);
    descriptors_give_back(&held);
    if (ok)
        programme_free(&prog);
    bool told = false;
    for (size_t i = 0; i < diags.count; i++) {
        print_message("%s: %s\n", diags.items[i].path, diags.items[i].message);
        told |= strstr(diags.items[i].message, "Too many open files") != NULL;
        assert_null(strstr(diags.items[i].message, "not found"));
    }
    assert_true(told);
    diag_list_clear(&diags);
    theme_free(&base);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", other);
    assert_int_equal(system(cmd), 0);
}

/* Ten thousand bidi isolates before the words: the words reach the slide,
 * with no more than a few invisible characters before them. */
static void invisible_characters_do_not_hide_a_title(void **state)
{
    (void)state;
    size_t n = 10000 * 3 + 64;
    char *yaml = malloc(n + 64);
    assert_non_null(yaml);
    strcpy(yaml, "kind: headline\ntitle: \"");
    size_t at = strlen(yaml);
    for (int i = 0; i < 10000; i++, at += 3)
        memcpy(yaml + at, "\xe2\x81\xa7", 3); /* U+2067 RIGHT-TO-LEFT ISOLATE */
    strcpy(yaml + at, "Hello world\"\n");
    write_text("slides/20-hidden.yaml", yaml);
    free(yaml);
    struct theme base;
    theme_init_defaults(&base);
    struct programme prog;
    struct diag_list diags = {0};
    assert_true(content_load(dir, &base, &prog, &diags));
    assert_int_equal(prog.slide_count, 2);
    const char *title = prog.slides[1].title;
    assert_non_null(title);
    assert_true(strlen(title) == UTF8_INVISIBLE_RUN * 3 + strlen("Hello world"));
    assert_string_equal(title + UTF8_INVISIBLE_RUN * 3, "Hello world");
    programme_free(&prog);
    diag_list_clear(&diags);
    theme_free(&base);
}

/* A name that differs from a file's only in case gets a "did you mean". */
static void a_name_in_the_wrong_case_is_corrected(void **state)
{
    (void)state;
    write_text("logos/seaforge.png", "not read");
    write_text("slides/10-partners.yaml",
               "kind: partners\npartners:\n  - name: A\n    logo: Logos/Seaforge.PNG\n");
    expect_problem("slides/10-partners.yaml", 4,
                   "file 'Logos/Seaforge.PNG' not found; did you mean 'logos/seaforge.png'?");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(invisible_characters_do_not_hide_a_title, setup, teardown),
        cmocka_unit_test_setup_teardown(a_schedule_alone_needs_no_slides_folder, setup, teardown),
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
        cmocka_unit_test_setup_teardown(a_name_in_the_wrong_case_is_corrected, setup, teardown),
        cmocka_unit_test_setup_teardown(huge_lists_are_capped_with_a_message, setup, teardown),
        cmocka_unit_test_setup_teardown(values_staff_get_wrong, setup, teardown),
        cmocka_unit_test_setup_teardown(image_slides_that_cannot_show, setup, teardown),
        cmocka_unit_test_setup_teardown(a_50_megabyte_schedule_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(slide_names_staff_get_wrong, setup, teardown),
        cmocka_unit_test_setup_teardown(names_with_any_bytes_are_reported_as_one_line_of_text,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(fonts_that_cannot_be_used_are_reported, setup, teardown),
        cmocka_unit_test_setup_teardown(a_font_shipped_in_the_folder_is_found_there, setup,
                                        teardown),
        cmocka_unit_test(image_headers_read_real_sizes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
