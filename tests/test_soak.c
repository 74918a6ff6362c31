/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A long run, compressed: a simulated clock drives the show through many
 * slide changes and reloads of good and bad content, laying out each slide
 * as it comes. Under the sanitizer build any leak or memory error fails it;
 * it prints the figures. Short by default; HALLSCREEN_SOAK=full runs 100,000
 * slide changes and 1,000 reloads. */
#include "../app/content/loader.h"
#include "../app/content/content.h"
#include "../app/layout/slide_layout.h"
#include "../app/show/running_order.h"
#include "../app/show/show.h"
#include "../app/util/str.h"

#include <dirent.h>
#include "process_stats.h"
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

static int fake_width(void *ctx, enum font_style style, int px, const char *text, size_t n)
{
    (void)ctx, (void)style, (void)text;
    return (int)n * px / 2;
}

static void fake_metrics(void *ctx, enum font_style style, int px, int *ascent, int *descent)
{
    (void)ctx, (void)style;
    *ascent = px, *descent = px / 4;
}

static bool fake_image(void *ctx, const char *path, struct box fit, int *w, int *h)
{
    (void)ctx, (void)path, (void)fit;
    *w = 300, *h = 100;
    return true;
}

static const char *const versions[] = {
    "kind: headline\ntitle: Good headline\nbody: A body that wraps over a line or two.\n",
    "kind: session\ntitle: Good session\ndate: 2025-02-12\nstart: \"10:00\"\nend: \"11:00\"\n"
    "room: Hall A\nspeakers:\n  - One\n  - Two\n",
    "kind: partners\npartners:\n  - A\n  - B\n  - name: C\n    logo: logos/none.png\n",
    "kind: image\nimage: poster.png\nfit: cover\nfocus: top\ncaption: A poster\n",
    "kind: video\nvideo: clip.mp4\nloop: 2\ncaption: A clip\nqr: https://example.org\n",
    "kind: headline\ntitle: [broken\n",            /* a syntax error */
    "kind: session\ntitle: x\ndate: 2025-02-30\n", /* a bad date */
    "kind: head",                                  /* half written */
    "\xff\xfe not text",                           /* not UTF-8 */
    "",                                            /* empty */
};

static void write_version(const char *dir, int file, int version)
{
    char path[256];
    snprintf(path, sizeof path, "%s/slides/%02d.yaml", dir, file);
    FILE *f = fopen(path, "w");
    fputs(versions[version], f);
    fclose(f);
}

static void the_show_runs_long_without_leaking(void **state)
{
    (void)state;
    bool full = getenv("HALLSCREEN_SOAK") && strcmp(getenv("HALLSCREEN_SOAK"), "full") == 0;
    long changes = full ? 100000 : 10000, reloads = full ? 1000 : 100;
    char dir[] = "/tmp/hallscreen-soak-" TEMP_SUFFIX;
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/slides", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/event.yaml", dir);
    FILE *f = fopen(path, "w");
    fputs("name: Soak\ntimezone: Asia/Dubai\nfirst_day: 2025-02-12\nlast_day: 2025-02-12\n", f);
    fclose(f);
    char copy[512];
    snprintf(copy, sizeof copy, "cp %s/logos/aspa.png %s/poster.png && echo clip > %s/clip.mp4",
             CONTENT_DIR, dir, dir);
    assert_int_equal(system(copy), 0);
    for (int i = 0; i < 12; i++)
        write_version(dir, i, i % 5);

    struct theme base;
    theme_init_defaults(&base);
    struct content *content = content_open(dir, &base);
    struct programme prog = {0}, shown = {0};
    struct diag_list diags = {0};
    assert_true(content_refresh(content, &prog, &diags, NULL));
    struct measurer m = {fake_width, fake_metrics, fake_image, NULL, NULL};
    struct frame_geometry g = layout_geometry(1920, 1080);
    struct show show;
    int64_t now_ms = 0, utc = 1739340000; /* 2025-02-12 06:00 UTC */
    show_start(&show, now_ms);
    order_build(&prog, utc, 5, &shown);
    int fds_before = open_fds();
    long rss_start = status_kib("VmRSS");
    long shown_count = 0, reloaded = 0;
    unsigned seed = 1;
    while (shown_count < changes) {
        now_ms += 500;
        utc += 1;
        if (shown.slide_count && show.current < shown.slide_count &&
            slide_plays_clip(&shown.slides[show.current]))
            show_clip_ended(&show, &shown); /* as the player says when its clip ends */
        if (show_tick(&show, &shown, now_ms)) {
            shown_count++;
            struct scene scene = {0};
            layout_slide(&m, &shown, shown.slide_count ? &shown.slides[show.current] : NULL, &g,
                         &scene);
            scene_clear(&scene);
        }
        if (shown_count > 0 && shown_count % (changes / reloads) == 0 && reloaded < reloads &&
            reloaded < shown_count / (changes / reloads)) {
            seed = seed * 1103515245 + 12345;
            write_version(dir, (int)(seed >> 8) % 12, (int)(seed >> 16) % 10);
            struct programme next, next_shown;
            diag_list_clear(&diags);
            assert_true(content_refresh(content, &next, &diags, NULL));
            assert_true(next.slide_count > 0);
            programme_free(&prog);
            prog = next;
            order_build(&prog, utc, 5, &next_shown);
            show_follow(&show, &shown, &next_shown, now_ms);
            programme_free(&shown);
            shown = next_shown;
            reloaded++;
        }
    }
    long rss_end = status_kib("VmRSS");
    print_message("soak: %ld slides shown, %ld reloads, RSS %ld KiB at start, %ld KiB at the end, "
                  "peak %ld KiB, %d fds before and %d after\n",
                  shown_count, reloaded, rss_start, rss_end, status_kib("VmHWM"), fds_before,
                  open_fds());
    assert_int_equal(reloaded, reloads);
    assert_int_equal(open_fds(), fds_before);
    if (!getenv("HALLSCREEN_SANITIZED"))
        assert_true(rss_end - rss_start < 4096);
    programme_free(&prog);
    programme_free(&shown);
    diag_list_clear(&diags);
    content_close(content);
    theme_free(&base);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_show_runs_long_without_leaking),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
