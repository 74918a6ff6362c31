/* SPDX-License-Identifier: GPL-2.0-or-later */
/* hallscreen-bench: figures, not tests. Frame times of transitions at three
 * sizes (offscreen video driver; software renderer, and the GPU renderer
 * where there is one), and the load time and memory of a generated
 * programme of 10,000 sessions and 500 partners. Transition figures go to
 * standard error as JSON lines too, for tracking.
 * SIGTERM or SIGINT ends it between frames, with the figures so far. The
 * GPU pass at 3840x2160 (minutes and gigabytes through llvmpipe) runs only
 * with --gpu-4k.
 * With --export FILE NOW: a real schedule export's reload as the show
 * makes it (read, parsed, compared with the screen's baseline, the
 * moment's programme built and paged at 1080p), and memory with it.
 * Usage: hallscreen-bench CONTENT_DIR [--paging | --software | --gpu-4k]
 *        hallscreen-bench CONTENT_DIR --export FILE YYYY-MM-DDTHH:MM */
#include "../../app/content/loader.h"
#include "../../app/content/content.h"
#include "../process_stats.h"
#include "../temp.h"
#include "../../app/platform/screen.h"
#include "../../app/render/crossfade.h"
#include "../../app/layout/slide_layout.h"
#include "../../app/render/fonts.h"
#include "../../app/render/frame.h"
#include "../../app/render/render.h"
#include "../../app/render/stage.h"
#include "../../app/show/live.h"
#include "../../app/show/show.h"
#include "../../app/util/civil_time.h"
#include "../../app/util/file_read.h"
#include "../../app/util/zone.h"
#include "../../app/show/running_order.h"
#include "../../app/util/log.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <poll.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

enum { TRANSITIONS = 6, FRAMES_PER_TRANSITION = 30 };

/* True once SIGTERM or SIGINT came: SDL turns either into a quit event. */
static bool stop_requested(void)
{
    static bool stopped;
    if (!stopped) {
        SDL_PumpEvents();
        stopped = SDL_HasEvent(SDL_QUIT);
    }
    return stopped;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static const char *const kind_names[] = {"crossfade", "push", "none"};

/* p50, p99 and max of n frame times (sorted in place). */
struct spread {
    double p50, p99, max;
};

static struct spread spread_of(double *times, size_t n)
{
    qsort(times, n, sizeof *times, compare_doubles);
    return (struct spread){times[n / 2], times[n * 99 / 100], times[n - 1]};
}

static double cpu_ms(void)
{
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return (double)(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000.0 +
           (double)(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000.0;
}

/* Each frame of TRANSITIONS transitions of one kind drawn as fast as it
 * can be, the next slide composed before the turn as the show does: the
 * time of each frame, of the first frames apart. False when stopped. */
static bool drawn_frames(struct renderer *r, SDL_Renderer *sdl, struct programme *prog,
                         enum transition kind, int w, int h, struct spread *all,
                         struct spread *first)
{
    double times[TRANSITIONS * FRAMES_PER_TRANSITION], firsts[TRANSITIONS];
    size_t n = 0;
    for (int t = 0; t < TRANSITIONS; t++) {
        const struct slide *from = &prog->slides[t % prog->slide_count];
        const struct slide *to = &prog->slides[(t + 1) % prog->slide_count];
        frame_draw_slide(r, prog, from, "Wed 12 Feb 2025  10:00", w, h);
        SDL_RenderPresent(sdl);
        frame_prepare(r, prog, to, w, h); /* as the show does, before the turn */
        for (int i = 1; i <= FRAMES_PER_TRANSITION; i++) {
            if (stop_requested())
                return false;
            struct frame f = {prog, to, render_slide_key(r, from), (float)i / FRAMES_PER_TRANSITION,
                              kind, 1,  "Wed 12 Feb 2025  10:00"};
            double start = now_ms();
            frame_draw(r, &f, w, h);
            SDL_RenderPresent(sdl);
            times[n++] = now_ms() - start;
            if (i == 1)
                firsts[t] = times[n - 1];
        }
    }
    *all = spread_of(times, n);
    *first = spread_of(firsts, TRANSITIONS);
    return true;
}

/* Transitions as the show paces them (stage_frame_wait, sleeping between
 * frames): frames a second achieved, frames dropped, and the CPU used
 * over the whole transitions, % of one core. */
static void paced_frames(SDL_Renderer *sdl, bool vsync, struct programme *prog, double *fps,
                         unsigned long *dropped, double *cpu)
{
    struct stage stage;
    char err[256];
    *fps = *cpu = 0;
    *dropped = 0;
    if (!stage_open(&stage, sdl, vsync, &prog->theme, 0, NULL, err, sizeof err))
        return;
    int frames = 0;
    double wall = 0, used = 0;
    for (int t = 0; t < TRANSITIONS; t++) {
        const struct slide *from = &prog->slides[t % prog->slide_count];
        const struct slide *to = &prog->slides[(t + 1) % prog->slide_count];
        int64_t now = (int64_t)SDL_GetTicks64();
        stage_follow(&stage, prog, from, now);
        while (stage_frame_wait(&stage, now) == 0 && !stop_requested()) {
            stage_draw(&stage, prog, from, "10:00", now);
            now = (int64_t)SDL_GetTicks64();
        }
        stage_prepare(&stage, prog, to, 0, now);
        double start = now_ms(), start_cpu = cpu_ms();
        now = (int64_t)SDL_GetTicks64();
        stage_follow(&stage, prog, to, now);
        for (int64_t wait; (wait = stage_frame_wait(&stage, now)) >= 0 && !stop_requested();) {
            if (wait > 0)
                SDL_Delay((Uint32)wait);
            now = (int64_t)SDL_GetTicks64();
            stage_draw(&stage, prog, to, "10:00", now);
            frames++;
        }
        wall += now_ms() - start;
        used += cpu_ms() - start_cpu;
    }
    *fps = wall > 0 ? frames * 1000.0 / wall : 0;
    *cpu = wall > 0 ? 100.0 * used / wall : 0;
    *dropped = stage.frames_dropped;
    stage_close(&stage);
}

/* Every figure of transitions of each kind at w x h with the renderer
 * choice ("software" or "gpu"), as a line of text and a line of JSON. */
static void transition_frames(struct programme *prog, const char *choice, int w, int h)
{
    SDL_Window *window = SDL_CreateWindow("bench", 0, 0, w, h, SDL_WINDOW_HIDDEN);
    bool vsync;
    SDL_Renderer *sdl = window ? screen_renderer(window, choice, &vsync) : NULL;
    char err[256];
    struct renderer *r = sdl ? render_create(sdl, &prog->theme, err, sizeof err) : NULL;
    SDL_RendererInfo info = {0};
    if (sdl)
        SDL_GetRendererInfo(sdl, &info);
    if (!r || (strcmp(choice, "gpu") == 0 && strcmp(info.name, "software") == 0)) {
        printf("transition_%s_%dx%d: unavailable\n", choice, w, h);
    } else {
        enum transition kept = prog->theme.transition;
        for (enum transition kind = TRANSITION_CROSSFADE; kind <= TRANSITION_PUSH; kind++) {
            prog->theme.transition = kind; /* frame_prepare() reads the theme's */
            struct spread all, first;
            if (!drawn_frames(r, sdl, prog, kind, w, h, &all, &first))
                break;
            double fps, cpu;
            unsigned long dropped;
            paced_frames(sdl, vsync, prog, &fps, &dropped, &cpu);
            if (stop_requested())
                break;
            printf("transition_%s_%s_%dx%d (%s): p50 %.2f ms, p99 %.2f ms, max %.2f ms; first "
                   "frame p50 %.2f ms, max %.2f ms; paced %.1f frames/s, %lu dropped, CPU %.0f%% "
                   "of one core\n",
                   kind_names[kind], choice, w, h, info.name, all.p50, all.p99, all.max, first.p50,
                   first.max, fps, dropped, cpu);
            fprintf(stderr,
                    "{\"figure\":\"transition\",\"kind\":\"%s\",\"renderer\":\"%s\","
                    "\"size\":\"%dx%d\",\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f,"
                    "\"first_p50_ms\":%.2f,\"first_max_ms\":%.2f,\"paced_fps\":%.1f,"
                    "\"dropped\":%lu,\"cpu_percent\":%.1f}\n",
                    kind_names[kind], info.name, w, h, all.p50, all.p99, all.max, first.p50,
                    first.max, fps, dropped, cpu);
        }
        prog->theme.transition = kept;
    }
    render_destroy(r);
    if (sdl)
        SDL_DestroyRenderer(sdl);
    if (window)
        SDL_DestroyWindow(window);
}

/* The median of the ns per pixel of FRAMES_PER_TRANSITION runs of draw
 * over a w x h frame. */
struct pixel_run {
    SDL_Surface *going, *coming, *out;
};

static double ns_per_pixel(void (*draw)(struct pixel_run *, int), struct pixel_run *run)
{
    double times[FRAMES_PER_TRANSITION];
    double pixels = (double)run->out->w * run->out->h;
    for (int i = 0; i < FRAMES_PER_TRANSITION; i++) {
        double start = now_ms();
        draw(run, (i + 1) * CROSSFADE_ONE / (FRAMES_PER_TRANSITION + 1));
        times[i] = (now_ms() - start) * 1e6 / pixels;
    }
    return spread_of(times, FRAMES_PER_TRANSITION).p50;
}

/* SDL's constant-alpha blend of the coming slide over the frame, as a
 * crossfade on a window's surface was drawn before (in place). */
static void sdl_blend(struct pixel_run *run, int t)
{
    SDL_SetSurfaceBlendMode(run->coming, SDL_BLENDMODE_BLEND);
    SDL_SetSurfaceAlphaMod(run->coming, (Uint8)(t > 255 ? 255 : t));
    SDL_BlitSurface(run->coming, NULL, run->out, NULL);
}

/* A copy of the slide going, then SDL's blend of the coming one over it:
 * a crossfade frame from two slide textures. */
static void sdl_copy_and_blend(struct pixel_run *run, int t)
{
    SDL_SetSurfaceBlendMode(run->going, SDL_BLENDMODE_NONE);
    SDL_BlitSurface(run->going, NULL, run->out, NULL);
    sdl_blend(run, t);
}

static void rows(struct pixel_run *run, int t, bool plain, bool in_place)
{
    for (int y = 0; y < run->out->h; y++) {
        uint32_t *out = (uint32_t *)((uint8_t *)run->out->pixels + (size_t)y * run->out->pitch);
        const uint32_t *a = in_place ? out
                                     : (const uint32_t *)((const uint8_t *)run->going->pixels +
                                                          (size_t)y * run->going->pitch);
        const uint32_t *b = (const uint32_t *)((const uint8_t *)run->coming->pixels +
                                               (size_t)y * run->coming->pitch);
        (plain ? crossfade_row_plain : crossfade_row)(out, a, b, (size_t)run->out->w, t);
    }
}

static void one_pass_in_place(struct pixel_run *run, int t)
{
    rows(run, t, false, true);
}

static void one_pass(struct pixel_run *run, int t)
{
    rows(run, t, false, false);
}

static void one_pass_plain(struct pixel_run *run, int t)
{
    rows(run, t, true, false);
}

/* A whole w x h crossfade frame's cost, ns per pixel: SDL's blend as it
 * was used, and the one-pass mix (the processor's version and plain C). */
static void crossfade_pixel_figures(int w, int h)
{
    struct pixel_run run;
    run.going = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_XRGB8888);
    run.coming = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_XRGB8888);
    run.out = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_XRGB8888);
    if (run.going && run.coming && run.out) {
        /* two pictures of the bundled show's colours, not one flat colour */
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                ((uint32_t *)run.going->pixels)[y * (run.going->pitch / 4) + x] =
                    0x0f2a44u + (uint32_t)((x ^ y) & 0x1f);
                ((uint32_t *)run.coming->pixels)[y * (run.coming->pitch / 4) + x] =
                    0xf4f1e8u - (uint32_t)((x * y) & 0x3f);
            }
        SDL_BlitSurface(run.going, NULL, run.out, NULL);
        double blend = ns_per_pixel(sdl_blend, &run);
        double copy_blend = ns_per_pixel(sdl_copy_and_blend, &run);
        double in_place = ns_per_pixel(one_pass_in_place, &run);
        double pass = ns_per_pixel(one_pass, &run);
        double plain = ns_per_pixel(one_pass_plain, &run);
        printf("crossfade_pixels_%dx%d: SDL blend in place %.2f ns/pixel, SDL copy then blend "
               "%.2f ns/pixel; one pass (%s) in place %.2f ns/pixel, from two slides %.2f "
               "ns/pixel, plain C %.2f ns/pixel\n",
               w, h, blend, copy_blend, crossfade_kind(), in_place, pass, plain);
        fprintf(stderr,
                "{\"figure\":\"crossfade_pixels\",\"size\":\"%dx%d\",\"sdl_blend_ns\":%.2f,"
                "\"sdl_copy_blend_ns\":%.2f,\"one_pass_kind\":\"%s\",\"one_pass_in_place_ns\":%.2f,"
                "\"one_pass_ns\":%.2f,\"plain_ns\":%.2f}\n",
                w, h, blend, copy_blend, crossfade_kind(), in_place, pass, plain);
    }
    SDL_FreeSurface(run.going);
    SDL_FreeSurface(run.coming);
    SDL_FreeSurface(run.out);
}

/* Each slide of the show composed ahead of its turn, as the show does, at
 * 1920x1080 with the software renderer, three times round: the first round
 * sets every letter for the first time; the later ones are the steady
 * state, each slide composed after the one before it. */
static void composing_figures(struct programme *prog)
{
    SDL_Window *window = SDL_CreateWindow("bench", 0, 0, 1920, 1080, SDL_WINDOW_HIDDEN);
    bool vsync;
    SDL_Renderer *sdl = window ? screen_renderer(window, "software", &vsync) : NULL;
    char err[256];
    struct renderer *r = sdl ? render_create(sdl, &prog->theme, err, sizeof err) : NULL;
    if (r) {
        long rss_before = status_kib("VmRSS");
        double first = 0, later[2 * 64];
        size_t n = 0, count = prog->slide_count < 64 ? prog->slide_count : 64;
        for (int round = 0; round < 3 && !stop_requested(); round++)
            for (size_t i = 0; i < count; i++) {
                render_forget(r); /* composed afresh, as when it next comes round */
                double start = now_ms();
                frame_prepare(r, prog, &prog->slides[i], 1920, 1080);
                double took = now_ms() - start;
                if (round == 0)
                    first += took;
                else
                    later[n++] = took;
            }
        struct spread steady = spread_of(later, n);
        /* the lines of text alone, every slide's in turn, twice round */
        double text_ms = 0;
        struct frame_geometry g = layout_geometry(1920, 1080);
        for (int round = 0; round < 2; round++)
            for (size_t i = 0; i < count; i++) {
                struct scene scene = {0};
                layout_slide(render_measurer(r), prog, &prog->slides[i], &g, &scene);
                double start = now_ms();
                for (size_t k = 0; k < scene.count; k++) {
                    const struct item *it = &scene.items[k];
                    int ascent;
                    if (it->kind == ITEM_TEXT)
                        SDL_FreeSurface(fonts_draw_line(render_fonts(r), it->style, it->px,
                                                        it->text, it->rtl, it->colour, &ascent));
                }
                if (round == 1)
                    text_ms += now_ms() - start;
                scene_clear(&scene);
            }
        double text = count ? text_ms / (double)count : 0;
        printf("compose_1920x1080: first round %.1f ms a slide; then p50 %.1f ms, max %.1f ms a "
               "slide, its lines of text %.2f ms (%zu slides); RSS %+ld KiB\n",
               count ? first / (double)count : 0, steady.p50, steady.max, text, count,
               status_kib("VmRSS") - rss_before);
        fprintf(stderr,
                "{\"figure\":\"compose\",\"size\":\"1920x1080\",\"first_ms\":%.2f,"
                "\"p50_ms\":%.2f,\"max_ms\":%.2f,\"text_ms\":%.2f}\n",
                count ? first / (double)count : 0, steady.p50, steady.max, text);
    }
    render_destroy(r);
    if (sdl)
        SDL_DestroyRenderer(sdl);
    if (window)
        SDL_DestroyWindow(window);
}

/* Writes a content folder of sessions session files and one partners file. */
static void generate(const char *dir, int sessions, int partners)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/slides", dir);
    mkdir(dir, 0755);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/event.yaml", dir);
    FILE *f = fopen(path, "w");
    fprintf(f, "name: Generated Congress\ntimezone: Asia/Dubai\n");
    fclose(f);
    for (int i = 0; i < sessions; i++) {
        snprintf(path, sizeof path, "%s/slides/s%05d.yaml", dir, i);
        f = fopen(path, "w");
        fprintf(f,
                "kind: session\nlabel: Track %d\ntitle: Session number %d on governance\n"
                "date: 2025-02-%02d\nstart: \"%02d:%02d\"\nend: \"%02d:%02d\"\nroom: Room %d\n"
                "chair: Chair Person %d\nspeakers:\n  - Speaker A %d\n  - Speaker B %d\n"
                "description: >\n  A description of session %d, long enough to wrap.\n",
                i % 7, i, 10 + i % 3, 8 + i % 10, (i * 7) % 60, 9 + i % 10, (i * 7) % 60, i % 40, i,
                i, i, i);
        fclose(f);
    }
    snprintf(path, sizeof path, "%s/slides/zz-partners.yaml", dir);
    f = fopen(path, "w");
    fprintf(f, "kind: partners\npartners:\n");
    for (int i = 0; i < partners; i++)
        fprintf(f, "  - Partner organisation %d\n", i);
    fclose(f);
}

static void load_figures(void)
{
    char dir[] = "/tmp/hallscreen-bench-" TEMP_SUFFIX;
    if (!mkdtemp(dir))
        return;
    char content_dir[64];
    snprintf(content_dir, sizeof content_dir, "%s/content", dir);
    generate(content_dir, 10000, 500);
    struct theme base;
    theme_init_defaults(&base);
    long before = status_kib("VmRSS");
    struct programme prog;
    struct diag_list diags = {0};
    double start = now_ms();
    content_load(content_dir, &base, &prog, &diags);
    double took = now_ms() - start;
    long after = status_kib("VmRSS");
    printf("load_10000_sessions_500_partners: %.1f ms, %zu slides, %zu problems, +%ld KiB RSS\n",
           took, prog.slide_count, diags.count, after - before);
    programme_free(&prog);
    diag_list_clear(&diags);
    theme_free(&base);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", dir);
}

/* A frab schedule.xml of talks over three days and 12 rooms, with abstracts. */
static void generate_schedule(const char *dir, int talks)
{
    char path[256];
    snprintf(path, sizeof path, "%s/event.yaml", dir);
    FILE *f = fopen(path, "w");
    if (!f)
        return;
    fprintf(f, "name: Generated\ntimezone: Europe/Berlin\n");
    fclose(f);
    snprintf(path, sizeof path, "%s/schedule.xml", dir);
    if (!(f = fopen(path, "w")))
        return;
    fprintf(f, "<?xml version=\"1.0\"?>\n<schedule><conference><title>Generated</title>"
               "<time_zone_name>Europe/Berlin</time_zone_name></conference>\n");
    int per_day = talks / 3, per_room = per_day / 12 + 1, n = 0;
    for (int d = 0; d < 3; d++) {
        fprintf(f,
                "<day index=\"%d\" date=\"2026-07-%02d\" start=\"2026-07-%02dT09:00:00+02:00\">\n",
                d + 1, d + 1, d + 1);
        for (int r = 0; r < 12 && n < talks; r++) {
            fprintf(f, "<room name=\"Room %d\">\n", r + 1);
            for (int i = 0; i < per_room && n < talks; i++, n++)
                fprintf(f,
                        "<event id=\"%d\"><start>%02d:%02d</start><duration>00:20</duration>"
                        "<room>Room %d</room><title>Talk number %d about something</title>"
                        "<track>Track %d</track><language>en</language><abstract>An abstract "
                        "of a few sentences, with **Markdown** &amp; entities, as exports carry "
                        "them. It goes on for a while to be realistic.</abstract><persons>"
                        "<person id=\"%d\">Speaker %d</person></persons></event>\n",
                        n, 9 + i / 3, (i % 3) * 20, r + 1, n, r % 5, n, n);
            fprintf(f, "</room>\n");
        }
        fprintf(f, "</day>\n");
    }
    fprintf(f, "</schedule>\n");
    fclose(f);
}

/* A 3,000-talk schedule: parsed and the programme built; then read again
 * 100 times, for memory. */
/* The programme of a moment built as a 1920x1080 screen builds it, each
 * slide measured in the real fonts to find its pages. */
static void paged_build_figures(const char *name, const struct programme *prog, int64_t now)
{
    SDL_Surface *canvas =
        SDL_CreateRGBSurfaceWithFormat(0, 1920, 1080, 32, SDL_PIXELFORMAT_XRGB8888);
    SDL_Renderer *sdl = canvas ? SDL_CreateSoftwareRenderer(canvas) : NULL;
    char err[256];
    struct renderer *r = sdl ? render_create(sdl, &prog->theme, err, sizeof err) : NULL;
    if (r) {
        struct stage stage = {.sdl = sdl, .renderer = r};
        struct order_view view = {0};
        stage_fit_view(&stage, &view);
        struct programme shown;
        double start = now_ms();
        order_build_view(prog, now, &view, &shown);
        double first = now_ms() - start;
        programme_free(&shown);
        start = now_ms(); /* a minute on: the same words measured again */
        order_build_view(prog, now + 60, &view, &shown);
        printf("%s_paged_1080p: programme built %.1f ms, a minute later %.1f ms, %zu slides "
               "shown\n",
               name, first, now_ms() - start, shown.slide_count);
        programme_free(&shown);
        free(stage.fits);
    }
    render_destroy(r);
    if (sdl)
        SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(canvas);
}

static void schedule_figures(void)
{
    char dir[] = "/tmp/hallscreen-schedule-" TEMP_SUFFIX;
    if (!mkdtemp(dir))
        return;
    char slides[128];
    snprintf(slides, sizeof slides, "%s/slides", dir);
    mkdir(slides, 0755);
    generate_schedule(dir, 3000);
    struct theme base;
    theme_init_defaults(&base);
    struct content *c = content_open(dir, &base);
    struct programme prog, shown;
    struct diag_list diags = {0};
    double start = now_ms();
    content_refresh(c, &prog, &diags, NULL);
    double parsed = now_ms() - start;
    int64_t now = 1783065600 + 11 * 3600; /* 2026-07-03 11:00 UTC: a day of the event */
    order_build(&prog, now, 5, &shown);
    double built = now_ms() - start;
    printf("schedule_3000_talks: parsed %.1f ms, programme built %.1f ms, %zu talks, %zu "
           "problems\n",
           parsed, built - parsed, prog.slide_count, diags.count);
    programme_free(&shown);
    paged_build_figures("schedule_3000_talks", &prog, now);
    programme_free(&prog);
    diag_list_clear(&diags);
    long before = 0;
    for (int i = 0; i < 100 && !stop_requested(); i++) {
        char path[128];
        snprintf(path, sizeof path, "%s/schedule.xml", dir);
        FILE *f = fopen(path, "a"); /* a change: read it again */
        if (f) {
            fprintf(f, "<!-- %d -->\n", i);
            fclose(f);
        }
        content_refresh(c, &prog, &diags, NULL);
        programme_free(&prog);
        diag_list_clear(&diags);
        if (i == 9)
            before = status_kib("VmRSS");
    }
    printf("schedule_100_reloads: RSS after 10 reloads %ld KiB, after 100 %ld KiB\n", before,
           status_kib("VmRSS"));
    content_close(c);
    theme_free(&base);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", dir);
}

/* A 1080p H.264 clip at 30 frames a second after a headline, played by the
 * show's stage at 1920x1080 with the software renderer: time from the
 * slide's turn to its first frame (opened ahead, and opened at its turn),
 * frames shown of the clip's, CPU of one core and memory while it plays. */
static void video_figures(void)
{
    char dir[] = "/tmp/hallscreen-bench-video-" TEMP_SUFFIX, cmd[600];
    if (!mkdtemp(dir))
        return;
    snprintf(cmd, sizeof cmd,
             "mkdir -p %s/slides %s/clips && ffmpeg -v error -f lavfi -i "
             "testsrc2=s=1920x1080:r=30:d=10 -c:v libx264 -preset fast -pix_fmt yuv420p "
             "%s/clips/hd.mp4 && printf 'name: Bench\\n' > %s/event.yaml && printf "
             "'kind: headline\\ntitle: Before\\nduration: 2\\n' > %s/slides/10-a.yaml && printf "
             "'kind: video\\nvideo: clips/hd.mp4\\n' > %s/slides/20-clip.yaml",
             dir, dir, dir, dir, dir, dir);
    struct theme base;
    theme_init_defaults(&base);
    struct programme prog;
    struct diag_list diags = {0};
    SDL_Window *window = SDL_CreateWindow("bench", 0, 0, 1920, 1080, SDL_WINDOW_HIDDEN);
    bool vsync;
    SDL_Renderer *sdl = window ? screen_renderer(window, "software", &vsync) : NULL;
    struct stage stage;
    char err[256];
    if (system(cmd) != 0 || !content_load(dir, &base, &prog, &diags) || !sdl ||
        !stage_open(&stage, sdl, vsync, &prog.theme, 0, NULL, err, sizeof err)) {
        fprintf(stderr, "hallscreen-bench: no video figures (ffmpeg or libmpv missing?)\n");
        return;
    }
    long rss_before = status_kib("VmRSS");
    for (int round = 0; round < 2 && !stop_requested(); round++) { /* 0: ahead, 1: at its turn */
        struct show show;
        show_start(&show, (int64_t)now_ms());
        double turn = -1, first = -1, play_start = -1, cpu_start = 0;
        int frames = 0;
        long rss_playing = 0;
        for (double until = now_ms() + 16000; now_ms() < until && !stop_requested();) {
            int64_t now = (int64_t)now_ms();
            int64_t wait = stage_frame_wait(&stage, now);
            struct pollfd fd = {.fd = clips_wake_fd(&stage.clips), .events = POLLIN};
            if (wait != 0)
                poll(&fd, 1, wait > 0 && wait < 20 ? (int)wait : 20);
            now = (int64_t)now_ms();
            clips_update(&stage.clips, now);
            if (clips_take_over(&stage.clips) && show.current == 1)
                break;
            show_tick(&show, &prog, now);
            const struct slide *slide = &prog.slides[show.current];
            if (stage_follow(&stage, &prog, slide, now) && show.current == 1)
                turn = now_ms();
            struct video *v = stage.clips.playing.video;
            bool playing = v && video_current_state(v) == VIDEO_PLAYING;
            if (stage_frame_wait(&stage, now) == 0) {
                stage_draw(&stage, &prog, slide, "10:00", now);
                if (v && stage.clips.playing.drawn_key && first < 0)
                    first = now_ms();
                frames += playing && !stage.transition.running;
            }
            if (playing && play_start < 0) {
                play_start = now_ms();
                cpu_start = cpu_ms();
            }
            if (playing && now_ms() - play_start > 5000 && !rss_playing)
                rss_playing = status_kib("VmRSS");
            if (round == 0)
                stage_prepare(&stage, &prog, &prog.slides[1],
                              show_ms_until_change(&show, &prog, now), now);
        }
        double played = now_ms() - play_start;
        printf("video_1080p30_%s: first frame %.0f ms after its turn; %d frames shown of %.0f "
               "in %.1f s (%.0f dropped); CPU %.0f%% of one core; RSS %ld KiB playing, %ld "
               "KiB before\n",
               round == 0 ? "cued" : "cold", first - turn, frames, played * 30 / 1000,
               played / 1000, played * 30 / 1000 - frames, 100 * (cpu_ms() - cpu_start) / played,
               rss_playing, rss_before);
        clips_follow(&stage.clips, NULL, (int64_t)now_ms());
        clips_cue(&stage.clips, NULL, (int64_t)now_ms());
        stage.on_screen = 0;
    }
    stage_close(&stage);
    SDL_DestroyRenderer(sdl);
    SDL_DestroyWindow(window);
    programme_free(&prog);
    diag_list_clear(&diags);
    theme_free(&base);
    video_shutdown();
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", dir);
}

/* The export at path reloaded by the show 10 times (a byte added each
 * time: a new version to read), at now (event time, "2025-12-28T14:00"). */
static void export_reload_figures(const char *path, const char *now_text)
{
    char dir[] = "/tmp/hallscreen-export-" TEMP_SUFFIX;
    int64_t local;
    char why[256];
    size_t size = 0;
    char *text = file_read_all(path, SCHEDULE_MAX_BYTES, &size, why, sizeof why);
    if (!text || !mkdtemp(dir) || !civil_parse_datetime(now_text, &local)) {
        fprintf(stderr, "hallscreen-bench: %s: %s\n", path, text ? "cannot be used" : why);
        free(text);
        return;
    }
    const char *ext = strrchr(path, '.') ? strrchr(path, '.') : ".xml";
    char event[300], export[300];
    snprintf(event, sizeof event, "%s/event.yaml", dir);
    snprintf(export, sizeof export, "%s/schedule%s", dir, ext);
    FILE *f = fopen(event, "w");
    if (f) {
        fprintf(f, "name: Benchmark\ntimezone: Europe/Berlin\nschedule:\n  - schedule%s\n", ext);
        fclose(f);
    }
    if ((f = fopen(export, "w"))) {
        fwrite(text, 1, size, f);
        fclose(f);
    }
    zone_use("Europe/Berlin");
    int64_t now = zone_utc(local);
    long rss_before = status_kib("VmRSS");
    struct theme base;
    theme_init_defaults(&base);
    struct content *c = content_open(dir, &base);
    struct programme prog;
    struct diag_list diags = {0};
    double start = now_ms();
    content_refresh(c, &prog, &diags, NULL);
    double first_read = now_ms() - start;
    size_t talks = prog.slide_count;
    struct live live;
    live_start(&live, c, &prog, &diags, 0);
    live_use_state(&live, NULL, now);
    live_follow_time(&live, now, 0, true);
    long rss_started = status_kib("VmRSS");
    double times[10];
    int runs = 0;
    for (; runs < 10 && !stop_requested(); runs++) {
        if ((f = fopen(export, "a"))) { /* a new version: read it again */
            fputc('\n', f);
            fclose(f);
        }
        start = now_ms();
        live_reload(&live, now, runs + 1);
        times[runs] = now_ms() - start;
    }
    struct spread t = spread_of(times, (size_t)runs);
    printf("export_reload: %zu talks, %zu bytes; first read %.1f ms; reload (read, parse, "
           "compare, build) median %.1f ms, max %.1f; RSS +%ld KiB started, +%ld "
           "KiB after %d reloads\n",
           talks, size, first_read, t.p50, t.max, rss_started - rss_before,
           status_kib("VmRSS") - rss_before, runs);
    live_free(&live);
    theme_free(&base);
    free(text);
    remove(export);
    remove(event);
    rmdir(dir);
}

int main(int argc, char **argv)
{
    if (argc == 5 && strcmp(argv[2], "--export") == 0) {
        log_set_level(LOG_WARN);
        export_reload_figures(argv[3], argv[4]);
        return 0;
    }
    const char *flag = argc == 3 ? argv[2] : "";
    bool paging_only = strcmp(flag, "--paging") == 0;
    bool software_only = strcmp(flag, "--software") == 0;
    bool gpu_4k = strcmp(flag, "--gpu-4k") == 0;
    bool pixels_only = strcmp(flag, "--pixels") == 0;
    if (argc != 2 && !paging_only && !software_only && !gpu_4k && !pixels_only) {
        fprintf(stderr, "usage: hallscreen-bench CONTENT_DIR [--paging | --software | --gpu-4k | "
                        "--pixels]\n");
        return 2;
    }
    log_set_level(LOG_WARN);
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "hallscreen-bench: %s\n", SDL_GetError());
        return 1;
    }
    IMG_Init(IMG_INIT_PNG);
    struct theme base;
    theme_init_defaults(&base);
    struct programme prog;
    struct diag_list diags = {0};
    if (!content_load(argv[1], &base, &prog, &diags) || prog.slide_count < 2) {
        fprintf(stderr, "hallscreen-bench: %s has fewer than two slides\n", argv[1]);
        return 1;
    }
    if (paging_only) { /* the programme of CONTENT_DIR built now, paged at 1080p */
        paged_build_figures(argv[1], &prog, time(NULL));
        programme_free(&prog);
        diag_list_clear(&diags);
        theme_free(&base);
        return 0;
    }
    const int sizes[][2] = {{1280, 720}, {1920, 1080}, {3840, 2160}};
    for (size_t i = 1; i < 3 && !stop_requested(); i++)
        crossfade_pixel_figures(sizes[i][0], sizes[i][1]);
    if (!stop_requested())
        composing_figures(&prog);
    if (pixels_only) { /* the crossfade's pixels and composing alone */
        programme_free(&prog);
        diag_list_clear(&diags);
        theme_free(&base);
        return 0;
    }
    const char *renderers[] = {"software", "gpu"};
    for (size_t k = 0; k < (software_only ? 1 : 2); k++)
        for (size_t i = 0; i < 3 && !stop_requested(); i++)
            if (k == 0 || i < 2 || gpu_4k)
                transition_frames(&prog, renderers[k], sizes[i][0], sizes[i][1]);
            else
                printf("transition_gpu_3840x2160: skipped (--gpu-4k runs it)\n");
    programme_free(&prog);
    diag_list_clear(&diags);
    theme_free(&base);
    if (!software_only && !stop_requested())
        load_figures();
    if (!software_only && !stop_requested())
        schedule_figures();
    if (!software_only && !stop_requested())
        video_figures();
    if (stop_requested())
        fprintf(stderr, "hallscreen-bench: stopped by a signal: the figures so far above\n");
    if (!software_only)
        printf("peak_rss_bench_process: %ld KiB\n", status_kib("VmHWM"));
    IMG_Quit();
    TTF_Quit();
    SDL_Quit();
    return 0;
}
