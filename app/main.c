/* hallscreen: the command line, the three modes (show, --render, --check)
 * and the show's main loop. The only place that decides to exit. */
#include "content/content.h"
#include "content/font_lookup.h"
#include "content/loader.h"
#include "content/settle.h"
#include "content/watch.h"
#include "layout/slide_layout.h"
#include "options.h"
#include "platform/data_dir.h"
#include "platform/service.h"
#include "platform/signals.h"
#include "platform/wakeup.h"
#include "platform/window.h"
#include "render/export.h"
#include "render/render.h"
#include "show/pacing.h"
#include "show/schedule.h"
#include "show/show.h"
#include "show/status.h"
#include "util/log.h"
#include "util/str.h"
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

enum {
    FRAME_MS = 16,           /* between frames of a moving transition without vsync */
    FADE_FRAME_MS = 33,      /* between frames of a crossfade without vsync: a dissolve
                              * has no motion to judder, and costs half the CPU */
    PREPARE_AHEAD_MS = 1500, /* the next slide is composed this long before its turn */
    STATUS_RETRY_MS = 5000,  /* a status file that cannot be written is tried again */
};

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

static void print_problems(const struct diag_list *diags, FILE *out)
{
    char line[2048];
    for (size_t i = 0; i < diags->count; i++) {
        diag_format(&diags->items[i], line, sizeof line);
        fprintf(out, "%s\n", line);
    }
}

static int run_check(const struct programme *prog, const struct diag_list *diags)
{
    print_problems(diags, stdout);
    size_t errors = diag_count(diags, DIAG_ERROR), warnings = diag_count(diags, DIAG_WARNING);
    if (prog->slide_count == 0)
        printf("%s: no slides to show\n", prog->content_dir);
    printf("%s: %zu slides, %zu errors, %zu warnings\n", prog->content_dir, prog->slide_count,
           errors, warnings);
    return errors || warnings || prog->slide_count == 0 ? 1 : 0;
}

/* Everything the show loop owns. */
struct app {
    const struct options *opts;
    struct window window;
    struct renderer *renderer;
    struct content *content;
    struct programme prog;  /* as the content folder has it */
    struct programme shown; /* as it stands now: see schedule_build() */
    uint64_t shown_signature;
    bool clock_wrong;       /* the machine's clock is plainly wrong */
    struct diag_list diags; /* the content's problems now */
    struct show show;
    struct settle settle;
    struct watch *watch;
    struct wakeup *wakeup;
    Uint32 wakeup_event;
    struct status status;
    char clock[64];     /* the footer's clock as last drawn */
    int64_t started_ms; /* SDL ticks when the loop started */
    uint64_t on_screen; /* render_slide_key() of the slide on screen, 0 at first */
    struct transition_timing transition;
    int direction;          /* of the last step: -1 after the Left key */
    bool next_prepared;     /* the slide after this one is composed */
    bool dirty;             /* the frame must be drawn again */
    bool screenshot_due;    /* SIGUSR1 asked for a screenshot */
    bool ready;             /* systemd has been told the first frame is up */
    int64_t watchdog_ms;    /* how often to tell systemd the loop is alive; -1: never */
    int64_t alive_at_ms;    /* when to tell it next */
    bool status_stale;      /* the status file must be written again */
    int64_t status_retry_ms; /* after a failure, when to try again */
    char status_error[256];  /* why it last failed, "" when it did not */
};

static int64_t app_utc_ms(const struct app *app, int64_t now_ms)
{
    return now_utc_ms(app->opts, now_ms - app->started_ms);
}

/* Brings the shown programme up to the moment: rebuilt when what it shows
 * differs, or always when force is set (the content changed). */
static void update_shown(struct app *app, int64_t now_ms, bool force)
{
    int64_t utc = app_utc_ms(app, now_ms) / 1000;
    bool wrong = schedule_clock_is_wrong(utc);
    if (wrong && !app->clock_wrong)
        LOG(LOG_WARN, "clock",
            "the clock says %lld, before 2020: it is wrong (no real-time "
            "clock, NTP not synced yet?); every slide plays, with no times",
            (long long)utc);
    else if (!wrong && app->clock_wrong)
        LOG(LOG_INFO, "clock", "the clock is right now: sessions follow the time again");
    app->clock_wrong = wrong;
    int w, h;
    SDL_GetRendererOutputSize(app->window.renderer, &w, &h);
    render_logical_size(app->renderer, w, h, &w, &h);
    struct frame_geometry g = layout_geometry(w, h);
    struct programme next;
    uint64_t signature = schedule_build(&app->prog, utc, layout_overview_rows(&g), &next);
    if (!force && signature == app->shown_signature) {
        programme_free(&next);
        return;
    }
    show_follow(&app->show, &app->shown, &next, now_ms);
    programme_free(&app->shown);
    app->shown = next;
    app->shown_signature = signature;
    app->dirty = app->status_stale = true;
}

/* Takes a newly read programme in place of the one playing. */
static void adopt(struct app *app, struct programme *next, int64_t now_ms)
{
    bool fonts_changed = strcmp(next->theme.font, app->prog.theme.font) != 0 ||
                         strcmp(next->theme.font_bold, app->prog.theme.font_bold) != 0;
    const char *zone = next->event.timezone ? next->event.timezone : "";
    if (strcmp(zone, app->prog.event.timezone ? app->prog.event.timezone : "") != 0)
        zone_use(next->event.timezone);
    programme_free(&app->prog);
    app->prog = *next;
    update_shown(app, now_ms, true);
    app->status.version++;
    char err[256];
    struct renderer *fresh =
        fonts_changed ? render_create(app->window.renderer, &app->prog.theme, err, sizeof err)
                      : NULL;
    if (fresh) {
        render_destroy(app->renderer);
        app->renderer = fresh;
        render_set_rotation(fresh, app->opts->rotate);
    } else {
        render_forget(app->renderer);
    }
}

/* Reads what changed in the content folder and swaps the new programme in;
 * the show goes on with the last good version of whatever is broken. */
static void reload(struct app *app, int64_t now_ms)
{
    struct programme next;
    struct diag_list diags = {0};
    struct content_changes changes;
    settle_take(&app->settle, now_ms);
    bool read = content_refresh(app->content, &next, &diags, &changes);
    app->status.reloads++;
    zone_format_clock(app_utc_ms(app, now_ms), app->status.last_reload,
                      sizeof app->status.last_reload);
    app->status_stale = true;
    int changed =
        changes.count[CHANGE_ADDED] + changes.count[CHANGE_CHANGED] + changes.count[CHANGE_REMOVED];
    bool emptied = next.slide_count == 0 && app->prog.slide_count > 0;
    if (!read)
        LOG(LOG_WARN, "reload", "%s is missing: the show goes on as it was",
            app->opts->content_dir);
    else if (emptied)
        LOG(LOG_WARN, "reload",
            "no slides left in %s/slides: the show goes on as it was until slides return",
            app->prog.content_dir);
    else if (changed || changes.count[CHANGE_FAILED])
        LOG(LOG_INFO, "reload", "%s; %zu slides, %zu problems", changes.summary, next.slide_count,
            diags.count);
    diag_log_new(&app->diags, &diags);
    if (read && changed && !emptied)
        adopt(app, &next, now_ms);
    else
        programme_free(&next);
    diag_list_clear(&app->diags);
    app->diags = diags;
}

static void take_signals(struct app *app, int64_t now_ms)
{
    struct signals_seen seen = signals_take();
    if (seen.user1 && app->opts->screenshot_path) {
        app->screenshot_due = app->dirty = true;
        render_invalidate(app->renderer);
    } else if (seen.user1) {
        LOG(LOG_WARN, "screen", "SIGUSR1: no --screenshot FILE to write to");
    }
    if (seen.hangup) {
        LOG(LOG_INFO, "reload", "SIGHUP: reading the whole content folder again");
        watch_restart(app->watch, &app->settle, now_ms);
    }
}

static bool handle_event(struct app *app, const SDL_Event *e, int64_t now_ms)
{
    if (e->type == SDL_QUIT)
        return false;
    if (e->type == app->wakeup_event) {
        take_signals(app, now_ms);
        watch_check(app->watch, &app->settle, now_ms);
        wakeup_rearm(app->wakeup);
        return true;
    }
    if (e->type == SDL_WINDOWEVENT) {
        app->dirty = true; /* at least present again */
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            render_invalidate(app->renderer);
            update_shown(app, now_ms, false);
        }
    }
    if (e->type != SDL_KEYDOWN)
        return true;
    switch (e->key.keysym.sym) {
    case SDLK_q:
    case SDLK_ESCAPE:
        return false;
    case SDLK_RIGHT:
        show_step(&app->show, &app->shown, 1, now_ms);
        break;
    case SDLK_LEFT:
        show_step(&app->show, &app->shown, -1, now_ms);
        app->direction = -1;
        break;
    case SDLK_SPACE:
        show_set_paused(&app->show, !app->show.paused, now_ms);
        break;
    case SDLK_f:
        window_toggle_fullscreen(&app->window);
        break;
    default:
        return true;
    }
    app->dirty = app->status_stale = true;
    return true;
}

static const struct slide *slide_on_screen(const struct app *app)
{
    const struct programme *prog = &app->shown;
    return prog->alert ? prog->alert : prog->slide_count ? &prog->slides[app->show.current] : NULL;
}

/* Starts a transition when the slide to show is not the one on screen, and
 * tells systemd which slide is up. */
static void follow_slide(struct app *app, int64_t now_ms)
{
    uint64_t key = render_slide_key(app->renderer, slide_on_screen(app));
    if (key == app->on_screen)
        return;
    const struct theme *t = &app->shown.theme;
    int duration = t->transition == TRANSITION_NONE ? 0 : t->transition_ms;
    int frame_ms = app->window.vsync                     ? 0
                   : t->transition == TRANSITION_CROSSFADE ? FADE_FRAME_MS
                                                           : FRAME_MS;
    transition_begin(&app->transition, app->on_screen, now_ms, duration, frame_ms, app->direction);
    app->on_screen = key;
    app->direction = 1;
    app->next_prepared = false;
    app->dirty = app->status_stale = true;
    const struct slide *slide = slide_on_screen(app);
    char *status = slide ? str_printf("showing %s %zu/%zu: %s", slide_kind_name(slide->kind),
                                      app->show.current + 1, app->shown.slide_count,
                                      slide->title ? slide->title : "")
                         : str_dup("no slides to show");
    char *line = status ? str_escape(status) : NULL; /* one line, whatever the title holds */
    if (line)
        service_status(line);
    free(line);
    free(status);
}

/* Writes what is on screen to --screenshot's file, whole or not at all. */
static void save_screenshot(struct app *app, int w, int h)
{
    const char *path = app->opts->screenshot_path;
    char why[256];
    if (render_save_png(app->window.renderer, w, h, path, why, sizeof why))
        LOG(LOG_INFO, "screen", "screenshot written to %s", path);
    else
        LOG(LOG_WARN, "screen", "cannot write a screenshot to %s: %s", path, why);
    app->screenshot_due = false;
}

static void draw(struct app *app, int64_t now_ms)
{
    int w, h;
    SDL_GetRendererOutputSize(app->window.renderer, &w, &h);
    struct transition_timing *t = &app->transition;
    struct frame f = {.prog = &app->shown,
                      .slide = slide_on_screen(app),
                      .from = t->from,
                      .progress = transition_progress(t, now_ms),
                      .kind = app->shown.theme.transition,
                      .direction = t->direction,
                      .clock = app->clock};
    bool drawn = render_transition(app->renderer, &f, w, h);
    if (drawn && app->screenshot_due)
        save_screenshot(app, w, h);
    if (drawn)
        SDL_RenderPresent(app->window.renderer);
    transition_frame_drawn(t, now_ms);
    app->status.presented_ms = wall_clock_ms();
    app->dirty = t->running;
}

/* Composes the next slide while nothing moves, so its transition only blends. */
static void prepare_next(struct app *app)
{
    const struct programme *prog = &app->shown;
    app->next_prepared = true;
    if (prog->alert || prog->slide_count < 2)
        return;
    int w, h;
    SDL_GetRendererOutputSize(app->window.renderer, &w, &h);
    const struct slide *next = &prog->slides[(app->show.current + 1) % prog->slide_count];
    render_prepare(app->renderer, prog, next, w, h);
}

/* Writes the status file; a failure is logged once, not at every try. */
static void write_status(struct app *app, int64_t now_ms)
{
    app->status_stale = false;
    if (!app->opts->status_path)
        return;
    app->status.prog = &app->shown;
    app->status.show = &app->show;
    app->status.diags = &app->diags;
    app->status.polling = watch_polls(app->watch);
    char *text = status_json(&app->status);
    char why[256] = "out of memory";
    if (text && status_write_file(app->opts->status_path, text, why, sizeof why)) {
        if (app->status_error[0])
            LOG(LOG_INFO, "status", "%s is written again", app->opts->status_path);
        app->status_error[0] = '\0';
    } else {
        if (strcmp(why, app->status_error) != 0)
            LOG(LOG_WARN, "status", "cannot write %s: %s (tried again every %d s)",
                app->opts->status_path, why, STATUS_RETRY_MS / 1000);
        snprintf(app->status_error, sizeof app->status_error, "%s", why);
        app->status_stale = true;
        app->status_retry_ms = now_ms + STATUS_RETRY_MS;
    }
    free(text);
}

static void run_loop(struct app *app)
{
    for (bool running = true; running;) {
        int64_t now_ms = (int64_t)SDL_GetTicks64();
        if (settle_wait_ms(&app->settle, now_ms) == 0 || watch_wait_ms(app->watch, now_ms) == 0)
            watch_check(app->watch, &app->settle, now_ms);
        if (settle_wait_ms(&app->settle, now_ms) == 0)
            reload(app, now_ms);
        int64_t utc_ms = app_utc_ms(app, now_ms);
        char clock[64];
        zone_format_clock(utc_ms, clock, sizeof clock);
        if (strcmp(clock, app->clock) != 0) {
            snprintf(app->clock, sizeof app->clock, "%s", clock);
            snprintf(app->status.clock, sizeof app->status.clock, "%s", clock);
            update_shown(app, now_ms, false);
            app->dirty = app->status_stale = true;
        }
        if (show_tick(&app->show, &app->shown, now_ms))
            app->status_stale = true;
        follow_slide(app, now_ms);
        if (app->dirty && transition_frame_wait(&app->transition, now_ms) <= 0)
            draw(app, now_ms);
        if (app->status_stale && now_ms >= app->status_retry_ms)
            write_status(app, now_ms);
        if (!app->ready) {
            service_ready();
            window_first_frame_shown(&app->window);
            app->ready = true;
        }
        if (app->watchdog_ms > 0 && now_ms >= app->alive_at_ms) {
            service_alive();
            app->alive_at_ms = now_ms + app->watchdog_ms;
        }
        int64_t until_change = show_ms_until_change(&app->show, &app->shown, now_ms);
        if (!app->transition.running && !app->next_prepared && until_change >= 0 &&
            until_change <= PREPARE_AHEAD_MS)
            prepare_next(app);
        int64_t waits[WAIT_COUNT] = {
            [WAIT_CLOCK] = 60000 - utc_ms % 60000,
            [WAIT_SLIDE] = until_change,
            [WAIT_PREPARE] = app->next_prepared || until_change < PREPARE_AHEAD_MS
                                 ? -1
                                 : until_change - PREPARE_AHEAD_MS,
            [WAIT_WATCHDOG] = app->watchdog_ms > 0 ? app->alive_at_ms - now_ms : -1,
            [WAIT_SETTLE] = settle_wait_ms(&app->settle, now_ms),
            [WAIT_WATCH] = watch_wait_ms(app->watch, now_ms),
            [WAIT_FRAME] = app->dirty ? transition_frame_wait(&app->transition, now_ms) : -1,
            [WAIT_RETRY] = app->status_stale ? app->status_retry_ms - now_ms : -1,
        };
        int64_t wait = pacing_soonest(waits);
        SDL_Event e;
        bool paced_by_display = app->window.vsync && app->transition.running;
        if (paced_by_display ? SDL_PollEvent(&e)
                             : window_wait_event(&app->window, wakeup_fd(app->wakeup), &e, wait)) {
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
    for (size_t i = 0; i < sizeof outputs / sizeof *outputs; i++) {
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
        !(app->renderer = render_create(app->window.renderer, &app->prog.theme, err, sizeof err))) {
        fprintf(stderr, "hallscreen: %s\n", err[0] ? err : SDL_GetError());
        render_destroy(app->renderer);
        window_close(&app->window);
        return 1;
    }
    render_set_rotation(app->renderer, app->opts->rotate);
    app->status.version = 1;
    app->dirty = app->status_stale = true;
    app->watch = watch_open(app->opts->content_dir, app->opts->poll_ms);
    settle_init(&app->settle, app->opts->settle_ms, watch_polls(app->watch));
    ignore_own_outputs(app);
    content_use_settle(app->content, &app->settle);
    app->wakeup_event = SDL_RegisterEvents(1);
    int fds[] = {watch_fd(app->watch), signals_fd()};
    app->wakeup = wakeup_start(fds, 2, app->wakeup_event);
    app->watchdog_ms = service_watchdog_interval_ms();
    app->started_ms = (int64_t)SDL_GetTicks64();
    show_start(&app->show, app->started_ms);
    update_shown(app, app->started_ms, true);
    run_loop(app);
    service_stopping();
    wakeup_stop(app->wakeup);
    watch_close(app->watch);
    settle_free(&app->settle);
    render_destroy(app->renderer);
    window_close(&app->window);
    programme_free(&app->shown);
    return 0;
}

int main(int argc, char **argv)
{
    /* Slide pictures are large, short-lived buffers: give each back to the
     * system when it is freed, so memory stays flat. */
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
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
    /* Before anything slow: a SIGHUP or SIGUSR1 during start-up is kept for
     * the loop, not fatal. */
    bool show_mode = !opts.check && !opts.render_dir;
    if (show_mode && signals_open() < 0)
        LOG(LOG_WARN, "signals", "SIGHUP and SIGUSR1 cannot be caught");

    char *data_dir = data_dir_find();
    char *assets_dir =
        opts.assets_dir ? str_dup(opts.assets_dir) : str_printf("%s/assets", data_dir);
    char *content_dir =
        opts.content_dir ? str_dup(opts.content_dir) : str_printf("%s/content", data_dir);
    opts.content_dir = content_dir;
    struct theme base_theme;
    theme_init_defaults(&base_theme);
    struct diag_list diags = {0};
    char *theme_path = str_printf("%s/theme.yaml", assets_dir);
    const struct source theme_source = {
        .path = theme_path, .dir = assets_dir, .diags = &diags, .font_installed = font_family_installed};
    if (theme_path && access(theme_path, F_OK) == 0)
        theme_load_file(&theme_source, &base_theme);
    free(theme_path);

    struct app app = {.opts = &opts, .content = content_open(content_dir, &base_theme)};
    int status;
    if (!app.content || !content_refresh(app.content, &app.prog, &diags, NULL)) {
        fprintf(stderr,
                "hallscreen: content folder '%s' not found: name the folder of the show "
                "(hallscreen path/to/content)\n",
                content_dir);
        status = 1;
    } else if (opts.check) {
        status = run_check(&app.prog, &diags);
    } else {
        print_problems(&diags, stderr);
        zone_use(app.prog.event.timezone);
        if (TTF_Init() != 0) {
            fprintf(stderr, "hallscreen: cannot start the font engine: %s\n", TTF_GetError());
            status = 1;
        } else {
            IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
            if (opts.render_dir) {
                status = export_slides(&opts, &app.prog, now_utc_ms(&opts, 0));
            } else {
                app.diags = diags;
                memset(&diags, 0, sizeof diags);
                status = run_show(&app);
            }
            IMG_Quit();
            TTF_Quit();
        }
        SDL_Quit();
    }
    signals_close();
    content_close(app.content);
    programme_free(&app.prog);
    diag_list_clear(&app.diags);
    theme_free(&base_theme);
    diag_list_clear(&diags);
    free(data_dir);
    free(assets_dir);
    free(content_dir);
    return status;
}
