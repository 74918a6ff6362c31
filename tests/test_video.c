/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Video slides with real clips made by ffmpeg: what --check and --render
 * learn from a clip, a clip playing between crossfades with no black
 * frame, the slide lasting the clip, broken clips passed over, and a
 * thousand clip changes with memory and descriptors flat. */
#include "../app/content/loader.h"
#include "../app/content/content.h"
#include "../app/layout/slide_layout.h"
#include "../app/render/clips.h"
#include "../app/render/stage.h"
#include "../app/show/show.h"
#include "process_stats.h"
#include "temp.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <dirent.h>
#include <malloc.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char media[64]; /* the clips' folder */

static void run(const char *format, ...)
{
    char command[1024];
    va_list args;
    va_start(args, format);
    vsnprintf(command, sizeof command, format, args);
    va_end(args);
    assert_int_equal(system(command), 0);
}

/* Makes the test clips with ffmpeg's lavfi sources (see README: fixtures). */
static int make_media(void **state)
{
    (void)state;
    snprintf(media, sizeof media, "/tmp/hallscreen-video-" TEMP_SUFFIX);
    if (!mkdtemp(media))
        return -1;
    const char *ff = "ffmpeg -v error -y -f lavfi";
    /* orange, with a blue square moving across: no black anywhere */
    run("%s -i 'color=c=0xe08020:s=320x180:r=25:d=2' -f lavfi -i 'color=c=blue:s=40x40:r=25:d=2' "
        "-filter_complex \"[0][1]overlay=x='10+t*120':y=60\" -c:v libx264 -pix_fmt yuv420p "
        "%s/orange.mp4",
        ff, media);
    /* one second red, then one second green (WebM) */
    run("%s -i 'color=c=red:s=160x90:r=10:d=1' -f lavfi -i 'color=c=0x00ff00:s=160x90:r=10:d=1' "
        "-filter_complex concat=n=2:v=1 -c:v libvpx -b:v 200k %s/red-green.webm",
        ff, media);
    run("%s -i 'color=c=white:s=3840x2160:r=25:d=0.2' -c:v libx264 -pix_fmt yuv420p "
        "%s/uhd.mkv",
        ff, media);
    run("%s -i 'sine=d=1' -c:a aac %s/audio.m4a", ff, media);
    /* a phone's upright clip: stored on its side, red over blue, with
     * rotation metadata (which ffmpeg's own autorotate turns red left) */
    run("%s -i 'color=c=red:s=160x46:r=10:d=1' -f lavfi -i 'color=c=blue:s=160x46:r=10:d=1' "
        "-filter_complex '[0][1]vstack' -c:v libx264 -pix_fmt yuv420p %s/side.mp4 && "
        "ffmpeg -v error -y -i %s/side.mp4 -c copy -metadata:s:v:0 rotate=90 %s/phone.mp4 && "
        "rm %s/side.mp4",
        ff, media, media, media, media);
    run("cp %s/orange.mp4 %s/crashes.mp4", media, media);
    run("head -c 100000 /dev/urandom > %s/random.mp4", media);
    run("head -c $(($(stat -c %%s %s/orange.mp4) / 2)) %s/orange.mp4 > %s/truncated.mp4", media,
        media, media);
    return 0;
}

static int remove_media(void **state)
{
    (void)state;
    run("rm -rf %s", media);
    return 0;
}

static int64_t monotonic_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static struct video_request request(const char *name, char *path, size_t size)
{
    snprintf(path, size, "%s/%s", media, name);
    return (struct video_request){.path = path,
                                  .plays = 1,
                                  .focus_x = 0.5f,
                                  .focus_y = 0.5f,
                                  .align_y = 0.5f,
                                  .hwdec = "no",
                                  .wake_fd = -1};
}

static Uint32 pixel_at(const struct video_picture *p, int x, int y)
{
    return ((const Uint32 *)(const void *)(p->pixels + (size_t)y * (size_t)p->pitch))[x] & 0xffffff;
}

static void clips_open_with_their_size_length_and_first_frame(void **state)
{
    (void)state;
    char path[128], err[256];
    struct video_request rq = request("orange.mp4", path, sizeof path);
    struct video *v = video_open_wait(&rq, err, sizeof err);
    assert_non_null(v);
    struct video_info info;
    video_info(v, &info);
    assert_int_equal(info.width, 320);
    assert_int_equal(info.height, 180);
    assert_true(info.duration_ms >= 1900 && info.duration_ms <= 2100);
    /* contain: the 16:9 clip letterboxed in a square, centred */
    const struct video_picture *p = video_picture(v, 400, 400);
    assert_non_null(p);
    assert_int_equal(p->place.x, 0);
    assert_int_equal(p->place.w, 400);
    assert_int_equal(p->place.h, 225);
    assert_int_equal(p->place.y, (400 - 225) / 2);
    Uint32 orange = pixel_at(p, 300, 20);
    video_close(v);
    /* standing on a caption: at the bottom of its box */
    rq.align_y = 1.0f;
    v = video_open_wait(&rq, err, sizeof err);
    assert_non_null(v);
    p = video_picture(v, 400, 400);
    assert_int_equal(p->place.y, 400 - 225);
    assert_true((orange >> 16) > 0xc0 && ((orange >> 8) & 0xff) > 0x60 && (orange & 0xff) < 0x50);
    video_close(v);

    /* cover: the whole box */
    rq.cover = true;
    v = video_open_wait(&rq, err, sizeof err);
    assert_non_null(v);
    p = video_picture(v, 400, 400);
    assert_int_equal(p->place.w, 400);
    assert_int_equal(p->place.h, 400);
    video_close(v);

    /* the poster frame: one second in, the clip is green */
    rq = request("red-green.webm", path, sizeof path);
    rq.start_ms = 1500;
    v = video_open_wait(&rq, err, sizeof err);
    assert_non_null(v);
    p = video_picture(v, 160, 90);
    Uint32 green = pixel_at(p, 80, 45);
    assert_true(((green >> 8) & 0xff) > 0xc0 && (green >> 16) < 0x40);
    video_close(v);
}

static void clips_that_cannot_play_say_why(void **state)
{
    (void)state;
    const char *cases[][2] = {
        {"random.mp4", "cannot be read as video"},
        {"truncated.mp4", "cannot be read as video"},
        {"audio.m4a", "has no video to show"},
        {"missing.mp4", "cannot be opened"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char path[128], err[256] = "";
        struct video_request rq = request(cases[i][0], path, sizeof path);
        struct video *v = video_open_wait(&rq, err, sizeof err);
        if (v || !strstr(err, cases[i][1]))
            fail_msg("%s: '%s', wanted '%s'", cases[i][0], err, cases[i][1]);
    }
    /* a 4K clip plays (--check warns about it, see cli_test.sh) */
    char path[128], err[256];
    struct video_request rq = request("uhd.mkv", path, sizeof path);
    struct video *v = video_open_wait(&rq, err, sizeof err);
    assert_non_null(v);
    video_close(v);
}

static void a_phone_clip_plays_upright(void **state)
{
    (void)state;
    char path[128], err[256] = "";
    struct video_request rq = request("phone.mp4", path, sizeof path);
    struct video *v = video_open_wait(&rq, err, sizeof err);
    if (!v)
        fail_msg("phone.mp4: %s", err);
    struct video_info info;
    video_info(v, &info);
    assert_true(info.width < info.height); /* standing */
    const struct video_picture *p = video_picture(v, 200, 200);
    assert_non_null(p);
    Uint32 left = pixel_at(p, p->place.w / 4, p->place.h / 2);
    Uint32 right = pixel_at(p, p->place.w * 3 / 4, p->place.h / 2);
    assert_true((left >> 16) > 0xc0 && (left & 0xff) < 0x40);   /* red */
    assert_true((right & 0xff) > 0xc0 && (right >> 16) < 0x40); /* blue */
    video_play(v, monotonic_ms());
    for (int64_t until = monotonic_ms() + 400; monotonic_ms() < until;)
        video_update(v, monotonic_ms());
    assert_int_not_equal(video_update(v, monotonic_ms()), VIDEO_FAILED);
    video_close(v);
}

static void a_clip_that_crashes_the_library_costs_its_slide_only(void **state)
{
    (void)state;
    setenv("HALLSCREEN_TEST_PROBE_CRASH", "crashes.mp4", 1);
    char path[128], err[256] = "";
    struct video_request rq = request("crashes.mp4", path, sizeof path);
    struct video *v = video_open_wait(&rq, err, sizeof err);
    unsetenv("HALLSCREEN_TEST_PROBE_CRASH");
    assert_null(v);
    if (!strstr(err, "makes the video library crash"))
        fail_msg("crashes.mp4: '%s'", err);
    /* the verdict is kept for the file as it is: no second probe */
    v = video_open_wait(&rq, err, sizeof err);
    assert_null(v);
    assert_non_null(strstr(err, "makes the video library crash"));
    /* the file changed: tried again, and it plays */
    run("touch -d '2001-01-01' %s", path);
    v = video_open_wait(&rq, err, sizeof err);
    assert_non_null(v);
    video_close(v);
}

/* The show's loop, cut down: clips, show and stage driven by the real
 * clock (libmpv plays in real time). */
struct player {
    struct stage stage;
    struct show show;
    struct programme *prog;
    SDL_Surface *surface;
};

/* One pass of the loop; waits at most wait_ms for something to happen.
 * Returns true when a frame was drawn. */
static bool step(struct player *p, int64_t wait_ms)
{
    struct pollfd fd = {.fd = clips_wake_fd(&p->stage.clips), .events = POLLIN};
    int64_t now = monotonic_ms();
    int64_t frame = stage_frame_wait(&p->stage, now);
    if (frame != 0)
        poll(&fd, 1, (int)(frame >= 0 && frame < wait_ms ? frame : wait_ms));
    now = monotonic_ms();
    clips_update(&p->stage.clips, now);
    const struct slide *slide = &p->prog->slides[p->show.current];
    if (clips_take_over(&p->stage.clips) && slide_plays_clip(slide) &&
        !show_clip_ended(&p->show, p->prog))
        video_play(p->stage.clips.playing.video, now);
    show_tick(&p->show, p->prog, now);
    for (size_t n = 0; n < p->prog->slide_count &&
                       clips_broken(&p->stage.clips, &p->prog->slides[p->show.current]);
         n++)
        show_step(&p->show, p->prog, 1, now);
    slide = &p->prog->slides[p->show.current];
    stage_follow(&p->stage, p->prog, slide, now);
    bool drawn = stage_frame_wait(&p->stage, now) == 0;
    if (drawn)
        stage_draw(&p->stage, p->prog, slide, "10:00", now);
    const struct slide *next = &p->prog->slides[(p->show.current + 1) % p->prog->slide_count];
    int64_t until = show_ms_until_change(&p->show, p->prog, now);
    if (until < 0 && p->stage.clips.playing.video)
        until = video_remaining_ms(p->stage.clips.playing.video, now);
    stage_prepare(&p->stage, p->prog, next, until, now);
    return drawn;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* A content folder in media/show with these slide files (name, text). */
static void load_show(const char *const slides[][2], size_t count, struct theme *base,
                      struct programme *prog)
{
    char path[256];
    run("rm -rf %s/show && mkdir -p %s/show/slides %s/show/clips && cp %s/*.* %s/show/clips/",
        media, media, media, media, media);
    snprintf(path, sizeof path, "%s/show/event.yaml", media);
    write_file(path, "name: Clips\n");
    for (size_t i = 0; i < count; i++) {
        snprintf(path, sizeof path, "%s/show/slides/%s", media, slides[i][0]);
        write_file(path, slides[i][1]);
    }
    snprintf(path, sizeof path, "%s/show", media);
    theme_init_defaults(base);
    base->transition_ms = 500;
    struct diag_list diags = {0};
    assert_true(content_load(path, base, prog, &diags));
    diag_list_clear(&diags);
}

/* A player drawing into a w x h surface; on_canvas: XRGB, as a window's,
 * whose pixels a crossfade writes itself; else ARGB, which SDL blends. */
static bool open_player_on(struct player *p, struct programme *prog, int w, int h, bool on_canvas)
{
    p->prog = prog;
    p->surface = SDL_CreateRGBSurfaceWithFormat(
        0, w, h, 32, on_canvas ? SDL_PIXELFORMAT_XRGB8888 : SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *sdl = SDL_CreateSoftwareRenderer(p->surface);
    char err[256];
    show_start(&p->show, monotonic_ms());
    bool ok = sdl && stage_open(&p->stage, sdl, false, &prog->theme, 0, "no", err, sizeof err);
    if (ok && on_canvas)
        render_set_canvas(p->stage.renderer, p->surface);
    return ok;
}

static bool open_player(struct player *p, struct programme *prog, int w, int h)
{
    return open_player_on(p, prog, w, h, false);
}

static void close_player(struct player *p)
{
    SDL_Renderer *sdl = p->stage.sdl;
    stage_close(&p->stage);
    SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(p->surface);
}

static int luma_at(const SDL_Surface *s, int x, int y)
{
    Uint32 v = ((const Uint32 *)s->pixels)[y * (s->pitch / 4) + x];
    return (int)(((v >> 16) & 0xff) * 3 + ((v >> 8) & 0xff) * 6 + (v & 0xff)) / 10;
}

static void a_clip_plays_its_length_between_crossfades_with_no_black_frame(void **state)
{
    (void)state;
    const char *const slides[][2] = {
        {"10-a.yaml", "kind: headline\ntitle: Before\nduration: 2\n"},
        {"20-clip.yaml", "kind: video\nvideo: clips/orange.mp4\n"},
        {"30-b.yaml", "kind: headline\ntitle: After\nduration: 2\n"},
    };
    struct theme base;
    struct programme prog;
    load_show(slides, 3, &base, &prog);
    assert_int_equal(prog.slides[1].kind, SLIDE_VIDEO);
    struct player p;
    assert_true(open_player(&p, &prog, 640, 360));
    int x = 320, y = 100; /* in the clip's box, above where the square passes */
    int darkest = 255, background = -1;
    int64_t clip_start = -1, clip_end = -1;
    Uint32 seen[64];
    size_t distinct = 0;
    for (int64_t until = monotonic_ms() + 9000; monotonic_ms() < until && clip_end < 0;) {
        if (!step(&p, 20))
            continue;
        int64_t now = monotonic_ms();
        int luma = luma_at(p.surface, x, y);
        if (p.show.current == 0 && !p.stage.transition.running)
            background = luma;
        if (p.show.current == 1 && clip_start < 0)
            clip_start = now;
        if (p.show.current == 2 && clip_start >= 0 && clip_end < 0)
            clip_end = now;
        if (luma < darkest)
            darkest = luma;
        /* frames of the clip that differ where the square moves */
        if (p.show.current == 1 && !p.stage.transition.running && distinct < 64) {
            Uint32 row = 0;
            for (int j = 40; j < 300; j += 4)
                for (int i = 0; i < 640; i += 8)
                    row = row * 31 +
                          ((const Uint32 *)p.surface->pixels)[j * (p.surface->pitch / 4) + i];
            bool known = false;
            for (size_t i = 0; i < distinct && !known; i++)
                known = seen[i] == row;
            if (!known)
                seen[distinct++] = row;
        }
    }
    close_player(&p);
    programme_free(&prog);
    theme_free(&base);
    print_message("clip on screen %lld ms, %zu distinct frames, darkest %d, background %d\n",
                  (long long)(clip_end - clip_start), distinct, darkest, background);
    assert_true(clip_start >= 0 && clip_end >= 0);
    /* the slide lasts the clip (2 s) and its transition in */
    assert_true(clip_end - clip_start >= 1900 && clip_end - clip_start <= 3500);
    assert_true(distinct >= 10);
    /* never darker than the darker of the two slides */
    assert_true(background >= 0 && darkest >= background - 6);
}

/* A crossfade into a clip's slide, on a canvas whose pixels it writes
 * itself, brings the clip's first frame in with the slide: late in the
 * crossfade the clip's box is mostly the clip's orange, not the slide's
 * dark background that the clip would then jump over. */
static void a_crossfade_into_a_clip_brings_its_first_frame_in(void **state)
{
    (void)state;
    const char *const slides[][2] = {
        {"10-a.yaml", "kind: headline\ntitle: Before\nduration: 2\n"},
        {"20-clip.yaml", "kind: video\nvideo: clips/orange.mp4\n"},
    };
    struct theme base;
    struct programme prog;
    load_show(slides, 2, &base, &prog);
    struct player p;
    assert_true(open_player_on(&p, &prog, 640, 360, true));
    int x = 320, y = 100; /* in the clip's box, above where the square passes */
    int late_frames = 0, late_orange = 0;
    for (int64_t until = monotonic_ms() + 6000; monotonic_ms() < until;) {
        if (!step(&p, 20) || p.show.current != 1 || !p.stage.transition.running ||
            transition_progress(&p.stage.transition, monotonic_ms()) < 0.8f)
            continue;
        Uint32 v = ((const Uint32 *)p.surface->pixels)[y * (p.surface->pitch / 4) + x];
        late_frames++;
        late_orange += (v >> 16 & 0xff) > 0x90 && (v & 0xff) < 0x80;
    }
    close_player(&p);
    programme_free(&prog);
    theme_free(&base);
    print_message("late crossfade frames %d, orange %d\n", late_frames, late_orange);
    assert_true(late_frames >= 2);
    assert_int_equal(late_orange, late_frames);
}

static void a_broken_clip_is_passed_over_and_a_lone_clip_loops(void **state)
{
    (void)state;
    const char *const slides[][2] = {
        {"10-a.yaml", "kind: headline\ntitle: Before\nduration: 2\n"},
        {"20-clip.yaml", "kind: video\nvideo: clips/random.mp4\n"},
        {"30-b.yaml", "kind: headline\ntitle: After\nduration: 2\n"},
    };
    struct theme base;
    struct programme prog;
    load_show(slides, 3, &base, &prog);
    struct player p;
    assert_true(open_player(&p, &prog, 320, 180));
    bool broken_shown = false, after_shown = false;
    for (int64_t until = monotonic_ms() + 6000; monotonic_ms() < until && !after_shown;) {
        step(&p, 20);
        broken_shown |= p.stage.on_screen == render_slide_key(p.stage.renderer, &prog.slides[1]);
        after_shown |= p.show.current == 2;
    }
    assert_true(after_shown);
    assert_false(broken_shown);
    assert_int_equal(p.stage.clips.failure_count, 1);
    assert_non_null(strstr(p.stage.clips.failures[0].problem, "cannot be read as video"));
    close_player(&p);
    programme_free(&prog);
    theme_free(&base);

    /* one video slide alone: it plays again and again */
    const char *const alone[][2] = {{"10-clip.yaml", "kind: video\nvideo: clips/red-green.webm\n"}};
    load_show(alone, 1, &base, &prog);
    assert_true(open_player(&p, &prog, 320, 180));
    int reds = 0;
    bool was_red = false;
    for (int64_t until = monotonic_ms() + 5500; monotonic_ms() < until;) {
        if (!step(&p, 20))
            continue;
        Uint32 v = ((const Uint32 *)p.surface->pixels)[80 * (p.surface->pitch / 4) + 160];
        bool red = ((v >> 16) & 0xff) > 0xc0 && ((v >> 8) & 0xff) < 0x40;
        reds += red && !was_red;
        was_red = red;
    }
    close_player(&p);
    programme_free(&prog);
    theme_free(&base);
    assert_true(reds >= 2); /* red came back: the clip started again */
}

/* Each change as the show makes it: the next clip cued, its first frame
 * decoded, then playing while the one before is freed. */
static void a_thousand_clip_changes_keep_memory_and_descriptors_flat(void **state)
{
    (void)state;
    int changes = getenv("HALLSCREEN_SANITIZED") ? 100 : 1000;
    if (getenv("CLIP_CHANGES"))
        changes = atoi(getenv("CLIP_CHANGES"));
    const char *const slides[][2] = {
        {"10-a.yaml", "kind: video\nvideo: clips/orange.mp4\n"},
        {"20-b.yaml", "kind: video\nvideo: clips/red-green.webm\nfit: cover\n"},
    };
    struct theme base;
    struct programme prog;
    load_show(slides, 2, &base, &prog);
    struct clips clips;
    assert_true(clips_init(&clips, "no"));
    long rss_start = 0;
    int fds_start = 0, failed = 0;
    int64_t began = monotonic_ms();
    int warm = changes >= 100 ? 20 : changes / 5;
    for (int i = 0; i < changes; i++) {
        if (i == warm) { /* libmpv loaded, caches warm */
            video_shutdown();
            rss_start = status_kib("VmRSS");
            fds_start = open_fds();
        }
        const struct slide *next = &prog.slides[(i + 1) % 2];
        clips_cue(&clips, next, monotonic_ms());
        for (int64_t until = monotonic_ms() + 5000;
             clips.cued.video && video_current_state(clips.cued.video) == VIDEO_OPENING &&
             monotonic_ms() < until;) {
            struct pollfd fd = {.fd = clips_wake_fd(&clips), .events = POLLIN};
            poll(&fd, 1, 50);
            clips_update(&clips, monotonic_ms());
        }
        failed += !clips.cued.video || video_current_state(clips.cued.video) != VIDEO_READY;
        clips_follow(&clips, next, monotonic_ms());
        if (clips.playing.video)
            video_play(clips.playing.video, monotonic_ms());
    }
    clips_free(&clips);
    video_shutdown();
    long rss_end = status_kib("VmRSS");
    int fds_end = open_fds();
    print_message("%d clip changes in %lld ms: RSS %ld -> %ld KiB, fds %d -> %d, %d failed\n",
                  changes, (long long)(monotonic_ms() - began), rss_start, rss_end, fds_start,
                  fds_end, failed);
    programme_free(&prog);
    theme_free(&base);
    assert_int_equal(failed, 0);
    assert_true(fds_end <= fds_start);
    if (!getenv("HALLSCREEN_SANITIZED"))
        assert_true(rss_end - rss_start < 8192);
}

int main(void)
{
    /* memory as main() has it */
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    mallopt(M_ARENA_MAX, 2);
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(clips_open_with_their_size_length_and_first_frame),
        cmocka_unit_test(clips_that_cannot_play_say_why),
        cmocka_unit_test(a_phone_clip_plays_upright),
        cmocka_unit_test(a_clip_that_crashes_the_library_costs_its_slide_only),
        cmocka_unit_test(a_clip_plays_its_length_between_crossfades_with_no_black_frame),
        cmocka_unit_test(a_crossfade_into_a_clip_brings_its_first_frame_in),
        cmocka_unit_test(a_broken_clip_is_passed_over_and_a_lone_clip_loops),
        cmocka_unit_test(a_thousand_clip_changes_keep_memory_and_descriptors_flat),
    };
    int failed = cmocka_run_group_tests(tests, make_media, remove_media);
    video_shutdown();
    TTF_Quit();
    SDL_Quit();
    return failed;
}
