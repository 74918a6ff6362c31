/* hallscreen: the command line, the three modes (show, --render, --check)
 * and the show's main loop. The only place that decides to exit. */
#include "limits.h"
#include "content/content.h"
#include "check/contrast.h"
#include "util/font_lookup.h"
#include "content/loader.h"
#include "watch/settle.h"
#include "watch/watch.h"
#include "options.h"
#include "platform/clock_sync.h"
#include "platform/data_dir.h"
#include "platform/service.h"
#include "platform/signals.h"
#include "platform/wakeup.h"
#include "platform/window.h"
#include "render/clips.h"
#include "render/export.h"
#include "render/stage.h"
#include "show/pacing.h"
#include "show/running_order.h"
#include "show/live.h"
#include "monitor/metrics.h"
#include "show/show.h"
#include "monitor/status.h"
#include "util/array.h"
#include "util/file_write.h"
#include "util/log.h"
#include "util/str.h"
#include "util/translate.h"
#include "util/zone.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifndef HALLSCREEN_VERSION
#define HALLSCREEN_VERSION "0.0"
#endif

/* The real-time clock, in milliseconds since 1970 UTC. */
static int64_t wall_clock_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The time now, in milliseconds since 1970 UTC: --now (read in event time)
 * plus the time since the program started, else the real-time clock. */
static int64_t now_utc_ms(const struct options *opts, int64_t elapsed_ms)
{
    return opts->has_now ? zone_utc(opts->now) * 1000 + elapsed_ms : wall_clock_ms();
}

/* The theme.yaml that set the theme: the content folder's, else the
 * assets'. The caller frees it. */
static char *theme_file(const struct programme *prog, const char *assets_dir)
{
    char *path = str_printf("%s/theme.yaml", prog->content_dir);
    if (path && access(path, F_OK) != 0) {
        free(path);
        path = str_printf("%s/theme.yaml", assets_dir);
    }
    return path;
}

static int run_check(const struct programme *prog, struct diag_list *diags,
                     const struct options *opts, const char *assets_dir)
{
    if (opts->room)
        order_check_room(prog, opts->room, diags);
    clips_check(prog, opts->hwdec, diags);
    char *event_path = str_printf("%s/event.yaml", prog->content_dir);
    for (size_t i = 0; i < prog->event.language_count; i++)
        if (!translate_known(prog->event.languages[i]))
            diag_add(diags, DIAG_WARNING, event_path ? event_path : "event.yaml", 0,
                     "language: '%s' has no catalog (known: %s); English is shown in its place",
                     prog->event.languages[i], translate_known_list());
    free(event_path);
    char *theme_path = theme_file(prog, assets_dir);
    contrast_check_theme(&prog->theme, theme_path ? theme_path : "theme.yaml", CONTRAST_WARNING,
                         diags);
    free(theme_path);
    size_t errors = diag_count(diags, DIAG_ERROR), warnings = diag_count(diags, DIAG_WARNING);
    int status = errors || warnings || prog->slide_count == 0 ? 1 : 0;
    if (opts->json) {
        char *report = diag_report_json(diags, prog->content_dir, prog->slide_count, status);
        puts(report ? report : "{}");
        free(report);
        return report ? status : 1;
    }
    diag_print(diags, stdout);
    if (prog->slide_count == 0)
        printf("%s: no slides to show\n", prog->content_dir);
    printf("%s: %zu slides, %zu errors, %zu warnings\n", prog->content_dir, prog->slide_count,
           errors, warnings);
    return status;
}

/* Everything the show loop owns. */
struct app {
    const struct options *opts;
    struct window window;
    struct stage stage;
    struct live live;
    struct settle settle;
    struct watch *watch;
    struct wakeup *wakeup;
    Uint32 wakeup_event;
    struct status status;
    char clock[64];              /* the footer's clock as last drawn, in the event's language */
    int64_t started_ms;          /* SDL ticks when the loop started */
    bool ready;                  /* systemd has been told the first frame is up */
    int64_t watchdog_ms;         /* how often to tell systemd the loop is alive; -1: never */
    int64_t alive_at_ms;         /* when to tell it next */
    size_t clip_failures_listed; /* of the stage's, among the content's problems */
    int64_t started_utc_ms;      /* when the program started, ms since 1970 UTC */
    int64_t metrics_due_ms;      /* when to write the metrics file next */
    char metrics_error[256];     /* why the last write failed; "" when it did not */
};

static int64_t app_utc_ms(const struct app *app, int64_t now_ms)
{
    return now_utc_ms(app->opts, now_ms - app->started_ms);
}

/* Synchronised playback: asked for by --sync, or by the event's sync: true. */
static bool synced(const struct app *app)
{
    return app->opts->sync || app->live.prog.event.sync;
}

/* The program's resident memory in bytes, -1 when unknown. */
static long resident_bytes(void)
{
    long size, pages = -1;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f && fscanf(f, "%ld %ld", &size, &pages) != 2)
        pages = -1;
    if (f)
        fclose(f);
    return pages < 0 ? -1 : pages * sysconf(_SC_PAGESIZE);
}

/* Rewrites the metrics file (--metrics) when it is due: every few seconds,
 * and at once after a slide change or a reload. A failure is logged once. */
static void publish_metrics(struct app *app, int64_t now_ms)
{
    const char *path = app->opts->metrics_path;
    if (!path || now_ms < app->metrics_due_ms)
        return;
    app->metrics_due_ms = now_ms + METRICS_EVERY_MS;
    const struct live *l = &app->live;
    struct metrics m = {.screen = getenv("HALLSCREEN_SCREEN"),
                        .now_ms = app_utc_ms(app, now_ms),
                        .started_ms = app->started_utc_ms,
                        .shown = &l->shown,
                        .current = l->show.current,
                        .reloads = (unsigned long)l->reloads,
                        .failed_reloads = (unsigned long)l->failed_reloads,
                        .last_good_reload_ms = l->last_good_reload * 1000,
                        .errors = diag_count(&l->diags, DIAG_ERROR),
                        .warnings = diag_count(&l->diags, DIAG_WARNING),
                        .transitions = app->stage.transitions,
                        .frames_dropped = app->stage.frames_dropped,
                        .resident_bytes = resident_bytes(),
                        .clock_synchronised = app->status.clock_synchronised,
                        .sync = synced(app),
                        .in_step = show_in_step(&l->show)};
    char *text = metrics_text(&m);
    char why[sizeof app->metrics_error] = "out of memory";
    if (text && file_write_atomic(path, text, strlen(text), why, sizeof why)) {
        if (app->metrics_error[0])
            LOG(LOG_INFO, "metrics", "%s is written again", path);
        app->metrics_error[0] = '\0';
    } else if (strcmp(why, app->metrics_error) != 0) {
        LOG(LOG_WARN, "metrics", "cannot write %s: %s", path, why);
        snprintf(app->metrics_error, sizeof app->metrics_error, "%s", why);
    }
    free(text);
}

/* Brings the shown programme up to the moment; always when force is set. */
static void update_shown(struct app *app, int64_t now_ms, bool force)
{
    int64_t utc = app_utc_ms(app, now_ms) / 1000;
    stage_fit_view(&app->stage, &app->live.view);
    if (live_follow_time(&app->live, utc, now_ms, force))
        app->stage.dirty = app->status.stale = true;
}

/* Reads what changed in the content folder: the show goes on with the last
 * good version of whatever is broken. */
static void reload(struct app *app, int64_t now_ms)
{
    settle_take(&app->settle, now_ms);
    int64_t utc_ms = app_utc_ms(app, now_ms);
    stage_fit_view(&app->stage, &app->live.view);
    unsigned change = live_reload(&app->live, utc_ms / 1000, now_ms);
    zone_format_clock(utc_ms, NULL, app->status.last_reload, sizeof app->status.last_reload);
    zone_format_clock(utc_ms, event_language(&app->live.prog.event), app->clock,
                      sizeof app->clock); /* the language may have changed */
    app->status.stale = true;
    app->metrics_due_ms = now_ms;
    if (change & LIVE_PROGRAMME)
        stage_new_content(&app->stage, &app->live.prog.theme, change & LIVE_FONTS);
    app->clip_failures_listed = 0; /* the problems are the content's again */
}

/* Clips that would not play join the content's problems, for --status. */
static void list_clip_failures(struct app *app)
{
    const struct clips *clips = &app->stage.clips;
    for (size_t i = app->clip_failures_listed; i < clips->failure_count; i++)
        diag_add(&app->live.diags, DIAG_ERROR, clips->failures[i].path, 0,
                 "%s; its slide is left out", clips->failures[i].problem);
    app->status.stale |= app->clip_failures_listed != clips->failure_count;
    app->clip_failures_listed = clips->failure_count;
}

/* A clip that has ended moves the show on (or plays again when no other
 * slide would follow); slides whose clip cannot play are passed over. */
static void follow_clips(struct app *app, int64_t now_ms)
{
    struct clips *clips = &app->stage.clips;
    struct show *show = &app->live.show;
    const struct programme *shown = &app->live.shown;
    const struct slide *slide = live_slide(&app->live);
    if (clips_take_over(clips) && slide && slide_plays_clip(slide) &&
        (synced(app) || !show_clip_ended(show, shown)) && clips->playing.video)
        video_play(clips->playing.video, now_ms); /* synced: again, until the slide's time is up */
    for (size_t n = 0; n < shown->slide_count && clips_broken(clips, live_slide(&app->live)); n++)
        show_step(show, shown, 1, now_ms);
    list_clip_failures(app);
}

static void take_signals(struct app *app, int64_t now_ms)
{
    struct signals_seen seen = signals_take();
    if (seen.user1 && app->opts->screenshot_path)
        stage_screenshot(&app->stage, app->opts->screenshot_path);
    else if (seen.user1)
        LOG(LOG_WARN, "screen", "SIGUSR1: no --screenshot FILE to write to");
    if (seen.hangup) {
        LOG(LOG_INFO, "reload", "SIGHUP: reading the whole content folder again");
        watch_restart(app->watch, &app->settle, now_ms);
    }
}

static bool handle_event(struct app *app, const SDL_Event *e, int64_t now_ms)
{
    struct show *show = &app->live.show;
    if (e->type == SDL_QUIT)
        return false;
    if (e->type == app->wakeup_event) {
        clips_update(&app->stage.clips, now_ms);
        take_signals(app, now_ms);
        watch_check(app->watch, &app->settle, now_ms);
        wakeup_rearm(app->wakeup);
    } else if (e->type == SDL_WINDOWEVENT) {
        stage_invalidate(&app->stage); /* at least present again */
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
            update_shown(app, now_ms, false);
    } else if (e->type == SDL_KEYDOWN) {
        SDL_Keycode key = e->key.keysym.sym;
        if (key == SDLK_q || key == SDLK_ESCAPE)
            return false;
        if (key == SDLK_RIGHT || key == SDLK_LEFT)
            show_step(show, &app->live.shown, key == SDLK_LEFT ? -1 : 1, now_ms);
        if (key == SDLK_LEFT)
            app->stage.direction = -1;
        if (key == SDLK_SPACE)
            show_set_paused(show, !show->paused, now_ms);
        if (key == SDLK_SPACE && app->stage.clips.playing.video)
            video_pause(app->stage.clips.playing.video, show->paused, now_ms);
        if (key == SDLK_f)
            window_toggle_fullscreen(&app->window);
        app->stage.dirty = app->status.stale = true;
    }
    return true;
}

/* The status file: what is on screen, which programme, what is wrong. */
static void publish_status(struct app *app, int64_t now_ms)
{
    app->status.prog = &app->live.shown;
    app->status.show = &app->live.show;
    app->status.diags = &app->live.diags;
    app->status.version = app->live.version;
    app->status.reloads = app->live.reloads;
    app->status.polling = watch_polls(app->watch);
    app->status.sync = synced(app);
    status_publish(&app->status, app->opts->status_path, now_ms);
}

/* Tells systemd the first frame is up, which slide is on screen, and that
 * the loop is alive. */
static void tell_service(struct app *app, bool new_slide, int64_t now_ms)
{
    if (!app->ready) {
        service_ready();
        window_first_frame_shown(&app->window);
        app->ready = true;
    }
    if (new_slide) {
        char *line = live_describe(&app->live);
        if (line)
            service_status(line);
        free(line);
    }
    if (app->watchdog_ms > 0 && now_ms >= app->alive_at_ms) {
        service_alive();
        app->alive_at_ms = now_ms + app->watchdog_ms;
    }
}

static void run_loop(struct app *app)
{
    struct stage *stage = &app->stage;
    for (bool running = true; running;) {
        int64_t now_ms = (int64_t)SDL_GetTicks64();
        if (settle_wait_ms(&app->settle, now_ms) == 0 || watch_wait_ms(app->watch, now_ms) == 0)
            watch_check(app->watch, &app->settle, now_ms);
        if (settle_wait_ms(&app->settle, now_ms) == 0)
            reload(app, now_ms);
        int64_t utc_ms = app_utc_ms(app, now_ms);
        char clock[64];
        zone_format_clock(utc_ms, NULL, clock, sizeof clock);
        if (strcmp(clock, app->status.clock) != 0) {
            zone_format_clock(utc_ms, event_language(&app->live.prog.event), app->clock,
                              sizeof app->clock);
            snprintf(app->status.clock, sizeof app->status.clock, "%s", clock);
            update_shown(app, now_ms, false);
            app->status.clock_synchronised = clock_synchronised();
            stage->dirty = app->status.stale = true;
        }
        struct show *show = &app->live.show;
        if (synced(app) ? show_sync(show, &app->live.shown, utc_ms, now_ms)
                        : show_tick(show, &app->live.shown, now_ms))
            app->status.stale = true;
        follow_clips(app, now_ms);
        bool new_slide = stage_follow(stage, &app->live.shown, live_slide(&app->live), now_ms);
        if (new_slide) {
            app->status.slide_started_ms = app_utc_ms(app, (int64_t)SDL_GetTicks64());
            app->status.stale = true;
            app->metrics_due_ms = now_ms;
        }
        if (stage_frame_wait(stage, now_ms) == 0) {
            stage_draw(stage, &app->live.shown, live_slide(&app->live), app->clock, now_ms);
            app->status.presented_ms = wall_clock_ms();
        }
        publish_status(app, now_ms);
        publish_metrics(app, now_ms);
        tell_service(app, new_slide, now_ms);
        int64_t until_change = synced(app) ? show_sync_wait(show, &app->live.shown, utc_ms)
                                           : show_ms_until_change(show, &app->live.shown, now_ms);
        struct video *playing = stage->clips.playing.video;
        int64_t until_prepare =
            until_change < 0 && playing ? video_remaining_ms(playing, now_ms) : until_change;
        int64_t waits[WAIT_COUNT] = {
            [WAIT_CLOCK] = 60000 - utc_ms % 60000,
            [WAIT_SLIDE] = until_change,
            [WAIT_PREPARE] = stage_prepare(stage, &app->live.shown, live_next_slide(&app->live),
                                           until_prepare, now_ms),
            [WAIT_WATCHDOG] = app->watchdog_ms > 0 ? app->alive_at_ms - now_ms : -1,
            [WAIT_SETTLE] = settle_wait_ms(&app->settle, now_ms),
            [WAIT_WATCH] = watch_wait_ms(app->watch, now_ms),
            [WAIT_FRAME] = stage_frame_wait(stage, now_ms),
            [WAIT_STATUS] = status_wait_ms(&app->status, now_ms),
            [WAIT_METRICS] = app->opts->metrics_path ? app->metrics_due_ms - now_ms : -1,
        };
        SDL_Event e;
        bool paced_by_display = stage->vsync && stage->transition.running;
        if (paced_by_display ? SDL_PollEvent(&e)
                             : window_wait_event(&app->window, wakeup_fd(app->wakeup), &e,
                                                 pacing_soonest(waits))) {
            do
                running = handle_event(app, &e, (int64_t)SDL_GetTicks64());
            while (running && SDL_PollEvent(&e));
        }
    }
}

/* Output files inside the content folder would wake the show at each write:
 * they are left out of what it watches. */
static void ignore_own_outputs(struct app *app)
{
    const char *outputs[] = {app->opts->status_path, app->opts->screenshot_path};
    for (size_t i = 0; i < COUNT(outputs); i++) {
        char *name = outputs[i] ? content_relative_name(app->opts->content_dir, outputs[i]) : NULL;
        if (name) {
            LOG(LOG_WARN, "content",
                "%s is inside the content folder: keep outputs elsewhere (such as /run)",
                outputs[i]);
            settle_ignore(&app->settle, name);
        }
        free(name);
    }
}

static int run_show(struct app *app)
{
    char err[256] = "";
    if (!window_open(&app->window, app->opts, err, sizeof err) ||
        !stage_open(&app->stage, app->window.renderer, app->window.vsync, &app->live.prog.theme,
                    app->opts->rotate, app->opts->hwdec, err, sizeof err)) {
        fprintf(stderr, "hallscreen: %s\n", err[0] ? err : SDL_GetError());
        stage_close(&app->stage);
        window_close(&app->window);
        return 1;
    }
    app->status.stale = true;
    app->watch = watch_open(app->opts->content_dir, app->opts->poll_ms);
    if (!app->watch)
        LOG(LOG_ERROR, "watch", "out of memory: changes to the content are read at SIGHUP only");
    settle_init(&app->settle, app->opts->settle_ms, watch_polls(app->watch));
    ignore_own_outputs(app);
    content_use_settle(app->live.content, &app->settle);
    app->wakeup_event = SDL_RegisterEvents(1);
    int fds[] = {watch_fd(app->watch), signals_fd(), clips_wake_fd(&app->stage.clips)};
    app->wakeup = wakeup_start(fds, (int)COUNT(fds), app->wakeup_event);
    app->watchdog_ms = service_watchdog_interval_ms();
    app->started_ms = (int64_t)SDL_GetTicks64();
    app->started_utc_ms = app_utc_ms(app, app->started_ms);
    app->status.clock_synchronised = clock_synchronised();
    app->live.show.shown_at_ms = app->started_ms;
    update_shown(app, app->started_ms, true);
    run_loop(app);
    service_stopping();
    wakeup_stop(app->wakeup);
    watch_close(app->watch);
    settle_free(&app->settle);
    stage_close(&app->stage);
    window_close(&app->window);
    return 0;
}

/* The content folder read once, with its problems in diags; false when the
 * folder is missing. */
static bool load_content(const struct options *opts, const char *assets_dir,
                         struct theme *base_theme, struct live *live, struct diag_list *diags)
{
    char *theme_path = str_printf("%s/theme.yaml", assets_dir);
    struct diag_list theme_problems = {0};
    const struct source theme_source = {.path = theme_path,
                                        .dir = assets_dir,
                                        .diags = &theme_problems,
                                        .font_installed = font_lookup_installed,
                                        .font_file_usable = font_lookup_usable};
    if (theme_path && access(theme_path, F_OK) == 0)
        theme_load_file(&theme_source, base_theme);
    free(theme_path);
    struct content *content = content_open(opts->content_dir, base_theme);
    if (content)
        content_keep_problems(content, &theme_problems);
    diag_list_clear(&theme_problems);
    struct programme prog = {0};
    if (!content || !content_refresh(content, &prog, diags, NULL)) {
        content_close(content);
        return false;
    }
    live_start(live, content, &prog, &(struct diag_list){0}, 0);
    live->view = (struct order_view){.room = opts->room, .clock_given = opts->has_now};
    return true;
}

int main(int argc, char **argv)
{
    /* Slide pictures (8 MB at 1080p) are large, short-lived buffers: give
     * each back to the system when it is freed, so memory stays flat. Lines
     * of text drawn into a slide are smaller and many: from the heap, they
     * cost no fresh pages. Clips come and go with a dozen threads each: with
     * an arena per thread, freed memory would stay scattered over many. */
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
    mallopt(M_ARENA_MAX, 2);
    struct options opts;
    char err[512];
    if (!options_parse(argc, argv, &opts, err, sizeof err)) {
        fprintf(stderr, "hallscreen: %s\n", err);
        return 2;
    }
    if (opts.help || opts.version) {
        fputs(opts.help ? options_usage : "hallscreen " HALLSCREEN_VERSION "\n", stdout);
        return 0;
    }
    if (opts.verbosity)
        log_set_level(opts.verbosity > 0 ? LOG_DEBUG : LOG_WARN);
    /* Before anything slow: a SIGHUP or SIGUSR1 during start-up is kept for
     * the loop, not fatal. */
    if (!opts.check && !opts.render_dir && signals_open() < 0)
        LOG(LOG_WARN, "signals", "SIGHUP and SIGUSR1 cannot be caught");

    char *data_dir = data_dir_find();
    char *locale_dir = data_dir_locale(data_dir);
    translate_init(locale_dir); /* before any thread */
    free(locale_dir);
    char *assets_dir =
        opts.assets_dir ? str_dup(opts.assets_dir) : str_printf("%s/assets", data_dir);
    char *content_dir =
        opts.content_dir ? str_dup(opts.content_dir) : str_printf("%s/content", data_dir);
    opts.content_dir = content_dir;
    struct theme base_theme;
    theme_init_defaults(&base_theme);
    struct diag_list diags = {0};
    struct app app = {.opts = &opts};
    int status = 1;
    if (!load_content(&opts, assets_dir, &base_theme, &app.live, &diags)) {
        fprintf(stderr,
                "hallscreen: content folder '%s' not found: name the folder of the show "
                "(hallscreen path/to/content)\n",
                content_dir);
    } else if (opts.check) {
        status = run_check(&app.live.prog, &diags, &opts, assets_dir);
    } else if (TTF_Init() != 0) {
        fprintf(stderr, "hallscreen: cannot start the font engine: %s\n", TTF_GetError());
    } else {
        diag_print(&diags, stderr);
        app.live.diags = diags;
        memset(&diags, 0, sizeof diags);
        zone_use(app.live.prog.event.timezone);
        IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG | IMG_INIT_WEBP);
        status = opts.render_dir ? export_slides(&opts, &app.live.prog, now_utc_ms(&opts, 0))
                                 : run_show(&app);
        IMG_Quit();
        TTF_Quit();
    }
    video_shutdown();
    SDL_Quit();
    signals_close();
    live_free(&app.live);
    theme_free(&base_theme);
    diag_list_clear(&diags);
    free(data_dir);
    free(assets_dir);
    free(content_dir);
    return status;
}
