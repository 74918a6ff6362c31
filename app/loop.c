/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The show's main loop, as a list of named steps: read the changes that
 * have settled, follow the clock, advance the show, follow the clips, draw
 * when a frame is due, publish the state, and sleep until the next thing
 * to do. */
#include "loop.h"

#include "content/content.h"
#include "content/overlay.h"
#include "monitor/metrics.h"
#include "monitor/status.h"
#include "platform/clock.h"
#include "platform/control.h"
#include "platform/service.h"
#include "platform/signals.h"
#include "platform/wakeup.h"
#include "platform/window.h"
#include "render/clips.h"
#include "render/png.h"
#include "render/stage.h"
#include "render/timer_screen.h"
#include "show/pacing.h"
#include "show/timer.h"
#include "util/array.h"
#include "util/log.h"
#include "util/str.h"
#include "util/zone.h"
#include "watch/settle.h"
#include "watch/watch.h"

#include <SDL.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* Everything the show loop owns. */
struct loop {
    const struct options *opts;
    struct live *live;
    struct window window;
    struct stage stage;
    struct settle settle;
    struct watch *watch;
    struct wakeup *wakeup;
    Uint32 wakeup_event;
    struct status status;
    struct metrics_file metrics;
    char clock[64];              /* the footer's clock as last drawn, in the event's language */
    int64_t started_ms;          /* monotonic clock when the loop started */
    int64_t started_utc_ms;      /* when the program started, ms since 1970 UTC */
    bool ready;                  /* systemd has been told the first frame is up */
    int64_t watchdog_ms;         /* how often to tell systemd the loop is alive; -1: never */
    int64_t alive_at_ms;         /* when to tell it next */
    size_t clip_failures_listed; /* of the stage's, among the content's problems */
    /* --overlay: the folder the agent writes, watched apart from the content
     * folder; its files are written whole, so a change there is read at once */
    struct watch *overlay_watch;
    struct settle overlay_settle;
    int control_fd;        /* the control socket, or -1 */
    char *control_path;    /* OVERLAY/.control */
    char *screenshot_path; /* OVERLAY/.screenshot.png, for the command "screenshot" */
    /* --timer: the stage timer instead of the slides */
    struct timer_screen timer;
    struct timer_control timer_keys; /* what the chair's keys did */
    int64_t timer_due_ms;            /* when what it shows changes next; -1: at a key */
};

/* Waking this much after the timer's second has turned, never just before. */
enum { TIMER_WAKE_SLACK_MS = 2 };

/* The time now, in milliseconds since 1970 UTC: --now (read in event time)
 * plus the time since the loop started, else the real-time clock. */
static int64_t utc_ms_at(const struct loop *l, int64_t now_ms)
{
    return l->opts->has_now ? zone_utc(l->opts->now) * 1000 + now_ms - l->started_ms
                            : clock_wall_ms();
}

/* Synchronised playback: asked for by --sync, or by the event's sync: true. */
static bool synced(const struct loop *l)
{
    return l->opts->sync || l->live->prog.event.sync;
}

/* Brings the shown programme up to the moment; always when force is set. */
static void update_shown(struct loop *l, int64_t now_ms, bool force)
{
    stage_fit_view(&l->stage, &l->live->view);
    if (live_follow_time(l->live, utc_ms_at(l, now_ms) / 1000, now_ms, force))
        l->stage.dirty = l->status.stale = true;
}

/* Reads what changed in the content folder: the show goes on with the last
 * good version of whatever is broken. */
static void reload(struct loop *l, int64_t now_ms)
{
    settle_take(&l->settle, now_ms);
    settle_take(&l->overlay_settle, now_ms);
    int64_t utc_ms = utc_ms_at(l, now_ms);
    stage_fit_view(&l->stage, &l->live->view);
    unsigned change = live_reload(l->live, utc_ms / 1000, now_ms);
    zone_format_clock(utc_ms, NULL, l->status.last_reload, sizeof l->status.last_reload);
    zone_format_clock(utc_ms, event_language(&l->live->prog.event), l->clock,
                      sizeof l->clock); /* the language may have changed */
    l->status.stale = true;
    metrics_file_soon(&l->metrics, now_ms);
    if (change & LIVE_PROGRAMME) {
        stage_new_content(&l->stage, &l->live->prog.theme, change & LIVE_FONTS);
        timer_screen_invalidate(&l->timer);
    }
    l->clip_failures_listed = 0; /* the problems are the content's again */
}

/* Step: a change that has settled is read. */
static void read_settled_changes(struct loop *l, int64_t now_ms)
{
    if (settle_wait_ms(&l->settle, now_ms) == 0 || watch_wait_ms(l->watch, now_ms) == 0)
        watch_check(l->watch, &l->settle, now_ms);
    if (l->overlay_watch && watch_wait_ms(l->overlay_watch, now_ms) == 0)
        watch_check(l->overlay_watch, &l->overlay_settle, now_ms);
    if (settle_wait_ms(&l->settle, now_ms) == 0 || settle_wait_ms(&l->overlay_settle, now_ms) == 0)
        reload(l, now_ms);
}

/* Step: a new minute redraws the footer's clock and may change the
 * programme (a session starts or ends). */
static void follow_clock(struct loop *l, int64_t now_ms, int64_t utc_ms)
{
    char clock[64];
    zone_format_clock(utc_ms, NULL, clock, sizeof clock);
    if (strcmp(clock, l->status.clock) == 0)
        return;
    zone_format_clock(utc_ms, event_language(&l->live->prog.event), l->clock, sizeof l->clock);
    snprintf(l->status.clock, sizeof l->status.clock, "%s", clock);
    update_shown(l, now_ms, false);
    l->status.clock_synchronised = clock_synchronised();
    l->stage.dirty = l->status.stale = true;
}

/* Step: the next slide comes when its turn has come. */
static void advance_show(struct loop *l, int64_t now_ms, int64_t utc_ms)
{
    if (l->opts->timer_room)
        return; /* no slides play */
    if (show_advance(&l->live->show, &l->live->shown, synced(l), utc_ms, now_ms))
        l->status.stale = true;
}

/* Clips that would not play join the content's problems, for --status. */
static void list_clip_failures(struct loop *l)
{
    const struct clips *clips = &l->stage.clips;
    for (size_t i = l->clip_failures_listed; i < clips->failure_count; i++)
        diag_add(&l->live->diags, DIAG_ERROR, clips->failures[i].path, 0,
                 "%s; its slide is left out", clips->failures[i].problem);
    l->status.stale |= l->clip_failures_listed != clips->failure_count;
    l->clip_failures_listed = clips->failure_count;
}

/* Step: a clip that has ended moves the show on (or plays again when no
 * other slide would follow); slides whose clip cannot play are passed over. */
static void follow_clips(struct loop *l, int64_t now_ms)
{
    if (l->opts->timer_room)
        return;
    struct clips *clips = &l->stage.clips;
    struct show *show = &l->live->show;
    const struct programme *shown = &l->live->shown;
    const struct slide *slide = live_slide(l->live);
    if (clips_take_over(clips) && slide && slide_plays_clip(slide) &&
        (synced(l) || !show_clip_ended(show, shown)) && clips->playing.video)
        video_play(clips->playing.video, now_ms); /* synced: again, until the slide's time is up */
    for (size_t n = 0; n < shown->slide_count && clips_broken(clips, live_slide(l->live)); n++)
        show_step(show, shown, 1, now_ms);
    list_clip_failures(l);
}

/* --timer: the timer is drawn when its count or blink turns, or when the
 * screen must be drawn again; the status file follows its count. */
static void draw_timer_if_due(struct loop *l, int64_t now_ms)
{
    if (!l->stage.dirty && (l->timer_due_ms < 0 || now_ms < l->timer_due_ms))
        return;
    const char *room = l->opts->timer_room;
    const struct programme *prog = &l->live->prog;
    int64_t utc_ms = utc_ms_at(l, now_ms);
    struct timer_reading r =
        timer_read(prog, room, timer_late_minutes(prog, room, utc_ms), &l->timer_keys, utc_ms);
    int w, h;
    SDL_GetRendererOutputSize(l->stage.sdl, &w, &h);
    bool drawn = timer_screen_draw(&l->timer, l->stage.renderer, prog, room, &r, w, h);
    char why[256];
    if (drawn && l->stage.screenshot && /* SIGUSR1 */
        !png_save_target(l->stage.sdl, w, h, l->stage.screenshot, why, sizeof why))
        LOG(LOG_WARN, "screen", "cannot write a screenshot to %s: %s", l->stage.screenshot, why);
    l->stage.screenshot = NULL;
    if (drawn)
        SDL_RenderPresent(l->stage.sdl);
    l->stage.dirty = false;
    l->status.presented_ms = clock_wall_ms();
    char count[sizeof l->status.timer_count];
    timer_format_count(&r, count, sizeof count);
    l->status.stale |= strcmp(count, l->status.timer_count) != 0 ||
                       l->status.timer_held != r.held ||
                       l->status.timer_phase != timer_phase_name(r.phase);
    memcpy(l->status.timer_count, count, sizeof count);
    l->status.timer_held = r.held;
    l->status.timer_phase = timer_phase_name(r.phase);
    int64_t wait = timer_wait_ms(&r, utc_ms);
    l->timer_due_ms = wait < 0 ? -1 : now_ms + wait + TIMER_WAKE_SLACK_MS;
}

/* Milliseconds until the timer is due; -1: not before something else. */
static int64_t timer_wait(const struct loop *l, int64_t now_ms)
{
    if (!l->opts->timer_room || l->timer_due_ms < 0)
        return -1;
    return l->timer_due_ms > now_ms ? l->timer_due_ms - now_ms : 0;
}

/* Step: the stage takes the slide on screen; a frame is drawn when due.
 * Returns true when a new slide began to come on. */
static bool draw_if_due(struct loop *l, int64_t now_ms)
{
    if (l->opts->timer_room) {
        draw_timer_if_due(l, now_ms);
        return false;
    }
    bool new_slide = stage_follow(&l->stage, &l->live->shown, live_slide(l->live), now_ms);
    if (new_slide) {
        l->status.slide_started_ms = utc_ms_at(l, clock_monotonic_ms());
        l->status.stale = true;
        metrics_file_soon(&l->metrics, now_ms);
    }
    if (stage_frame_wait(&l->stage, now_ms) == 0) {
        stage_draw(&l->stage, &l->live->shown, live_slide(l->live), l->clock, now_ms);
        l->status.presented_ms = clock_wall_ms();
    }
    return new_slide;
}

/* The status file: what is on screen, which programme, what is wrong. */
static void publish_status(struct loop *l, int64_t now_ms)
{
    l->status.prog = &l->live->shown;
    l->status.show = &l->live->show;
    l->status.diags = &l->live->diags;
    l->status.version = l->live->version;
    l->status.reloads = l->live->reloads;
    l->status.polling = watch_polls(l->watch);
    l->status.sync = synced(l);
    l->status.content = &l->live->prog;
    l->status.wall_ms = clock_wall_ms();
    status_publish(&l->status, l->opts->status_path, now_ms);
}

/* The metrics file (--metrics), when it is due. */
static void publish_metrics(struct loop *l, int64_t now_ms)
{
    if (!metrics_file_due(&l->metrics, now_ms))
        return;
    const struct live *live = l->live;
    struct metrics m = {.screen = getenv("HALLSCREEN_SCREEN"),
                        .now_ms = utc_ms_at(l, now_ms),
                        .started_ms = l->started_utc_ms,
                        .shown = &live->shown,
                        .current = live->show.current,
                        .reloads = (unsigned long)live->reloads,
                        .failed_reloads = (unsigned long)live->failed_reloads,
                        .last_good_reload_ms = live->last_good_reload * 1000,
                        .errors = diag_count(&live->diags, DIAG_ERROR),
                        .warnings = diag_count(&live->diags, DIAG_WARNING),
                        .transitions = l->stage.transitions,
                        .frames_dropped = l->stage.frames_dropped,
                        .resident_bytes = metrics_resident_bytes(),
                        .clock_synchronised = l->status.clock_synchronised,
                        .sync = synced(l),
                        .in_step = show_in_step(&live->show),
                        .content = &live->prog,
                        .wall_ms = clock_wall_ms()};
    metrics_file_write(&l->metrics, &m);
}

/* Tells systemd the first frame is up, which slide is on screen, and that
 * the loop is alive. */
static void tell_service(struct loop *l, bool new_slide, int64_t now_ms)
{
    if (!l->ready) {
        service_ready();
        window_first_frame_shown(&l->window);
        l->ready = true;
    }
    if (new_slide) {
        char *line = live_describe(l->live);
        if (line)
            service_status(line);
        free(line);
    }
    if (l->watchdog_ms > 0 && now_ms >= l->alive_at_ms) {
        service_alive();
        l->alive_at_ms = now_ms + l->watchdog_ms;
    }
}

/* Step: all the state the others changed, published. */
static void publish(struct loop *l, bool new_slide, int64_t now_ms)
{
    publish_status(l, now_ms);
    publish_metrics(l, now_ms);
    tell_service(l, new_slide, now_ms);
}

static void take_signals(struct loop *l, int64_t now_ms)
{
    struct signals_seen seen = signals_take();
    if (seen.user1 && l->opts->screenshot_path)
        stage_screenshot(&l->stage, l->opts->screenshot_path);
    else if (seen.user1)
        LOG(LOG_WARN, "screen", "SIGUSR1: no --screenshot FILE to write to");
    if (seen.hangup) {
        LOG(LOG_INFO, "reload", "SIGHUP: reading the whole content folder again");
        watch_restart(l->watch, &l->settle, now_ms);
    }
}

/* The show (and its clip) paused or going on. */
static void set_paused(struct loop *l, bool paused, int64_t now_ms)
{
    struct show *show = &l->live->show;
    show_set_paused(show, paused, now_ms);
    if (l->stage.clips.playing.video)
        video_pause(l->stage.clips.playing.video, show->paused, now_ms);
}

/* --timer: the chair's key, as timer_take_key() names it; 0: not one. */
static int timer_key(SDL_Keycode key)
{
    switch (key) {
    case SDLK_SPACE:
        return ' ';
    case SDLK_PLUS:
    case SDLK_EQUALS: /* + without shift */
    case SDLK_KP_PLUS:
        return '+';
    case SDLK_MINUS:
    case SDLK_KP_MINUS:
        return '-';
    case SDLK_0:
    case SDLK_KP_0:
        return '0';
    default:
        return 0;
    }
}

static void take_key(struct loop *l, SDL_Keycode key, int64_t now_ms)
{
    struct show *show = &l->live->show;
    if (l->opts->timer_room &&
        timer_take_key(&l->timer_keys, timer_key(key), utc_ms_at(l, now_ms))) {
        l->stage.dirty = true;
        return;
    }
    if (key == SDLK_RIGHT || key == SDLK_LEFT)
        show_step(show, &l->live->shown, key == SDLK_LEFT ? -1 : 1, now_ms);
    if (key == SDLK_LEFT)
        l->stage.direction = -1;
    if (key == SDLK_SPACE)
        set_paused(l, !show->paused, now_ms);
    if (key == SDLK_f)
        window_toggle_fullscreen(&l->window);
    l->stage.dirty = l->status.stale = true;
}

/* The commands that came on the control socket, as the keys would do them. */
static void take_commands(struct loop *l, int64_t now_ms)
{
    struct show *show = &l->live->show;
    for (enum remote_command c; (c = control_take(l->control_fd)) != REMOTE_NONE;) {
        LOG(LOG_INFO, "control", "command: %s", remote_name(c));
        switch (c) {
        case REMOTE_NEXT:
        case REMOTE_PREVIOUS:
            show_step(show, &l->live->shown, c == REMOTE_PREVIOUS ? -1 : 1, now_ms);
            l->stage.direction = c == REMOTE_PREVIOUS ? -1 : l->stage.direction;
            break;
        case REMOTE_PAUSE:
        case REMOTE_RESUME:
            set_paused(l, c == REMOTE_PAUSE, now_ms);
            break;
        case REMOTE_SCREENSHOT:
            if (l->screenshot_path)
                stage_screenshot(&l->stage, l->screenshot_path);
            break;
        case REMOTE_NONE:
            break;
        }
        l->stage.dirty = l->status.stale = true;
    }
}

/* Returns false when the event ends the show. */
static bool take_event(struct loop *l, const SDL_Event *e, int64_t now_ms)
{
    if (e->type == SDL_QUIT)
        return false;
    if (e->type == l->wakeup_event) {
        clips_update(&l->stage.clips, now_ms);
        take_signals(l, now_ms);
        take_commands(l, now_ms);
        watch_check(l->watch, &l->settle, now_ms);
        watch_check(l->overlay_watch, &l->overlay_settle, now_ms);
        wakeup_rearm(l->wakeup);
    } else if (e->type == SDL_WINDOWEVENT) {
        stage_invalidate(&l->stage); /* at least present again */
        timer_screen_invalidate(&l->timer);
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
            update_shown(l, now_ms, false);
    } else if (e->type == SDL_KEYDOWN) {
        SDL_Keycode key = e->key.keysym.sym;
        if (key == SDLK_q || key == SDLK_ESCAPE)
            return false;
        take_key(l, key, now_ms);
    }
    return true;
}

/* The sooner of two waits, where -1 is none. */
static int64_t soonest_of(int64_t a, int64_t b)
{
    return a < 0 ? b : b < 0 ? a : a < b ? a : b;
}

/* Step: sleeps until the soonest thing to do, or an event; then takes the
 * events. Returns false when one ends the show. */
static bool sleep_until_next(struct loop *l, int64_t now_ms, int64_t utc_ms)
{
    struct stage *stage = &l->stage;
    const struct programme *shown = &l->live->shown;
    bool timer = l->opts->timer_room != NULL; /* no slides play */
    int64_t until_change =
        timer ? -1 : show_advance_wait(&l->live->show, shown, synced(l), utc_ms, now_ms);
    struct video *playing = stage->clips.playing.video;
    int64_t until_prepare =
        until_change < 0 && playing ? video_remaining_ms(playing, now_ms) : until_change;
    int64_t waits[WAIT_COUNT] = {
        [WAIT_CLOCK] = 60000 - utc_ms % 60000,
        [WAIT_SLIDE] = until_change,
        [WAIT_PREPARE] =
            timer ? -1
                  : stage_prepare(stage, shown, live_next_slide(l->live), until_prepare, now_ms),
        [WAIT_WATCHDOG] = l->watchdog_ms > 0 ? l->alive_at_ms - now_ms : -1,
        [WAIT_SETTLE] = settle_wait_ms(&l->settle, now_ms),
        [WAIT_WATCH] = watch_wait_ms(l->watch, now_ms),
        [WAIT_FRAME] = stage_frame_wait(stage, now_ms),
        [WAIT_STATUS] = status_wait_ms(&l->status, now_ms),
        [WAIT_METRICS] = metrics_file_wait_ms(&l->metrics, now_ms),
        [WAIT_OVERLAY] = soonest_of(settle_wait_ms(&l->overlay_settle, now_ms),
                                    watch_wait_ms(l->overlay_watch, now_ms)),
        [WAIT_TIMER] = timer_wait(l, now_ms),
    };
    SDL_Event e;
    bool paced_by_display = stage->vsync && stage->transition.running;
    if (!(paced_by_display
              ? SDL_PollEvent(&e)
              : window_wait_event(&l->window, wakeup_fd(l->wakeup), &e, pacing_soonest(waits))))
        return true;
    bool running;
    do
        running = take_event(l, &e, clock_monotonic_ms());
    while (running && SDL_PollEvent(&e));
    return running;
}

static void run_steps(struct loop *l)
{
    for (bool running = true; running;) {
        int64_t now_ms = clock_monotonic_ms();
        read_settled_changes(l, now_ms);
        int64_t utc_ms = utc_ms_at(l, now_ms); /* the time of day, read once a turn */
        follow_clock(l, now_ms, utc_ms);
        advance_show(l, now_ms, utc_ms);
        follow_clips(l, now_ms);
        bool new_slide = draw_if_due(l, now_ms);
        publish(l, new_slide, now_ms);
        running = sleep_until_next(l, now_ms, utc_ms);
    }
}

/* Output files inside the content folder would wake the show at each write:
 * they are left out of what it watches. */
static void ignore_own_outputs(struct loop *l)
{
    const char *outputs[] = {l->opts->status_path, l->opts->screenshot_path};
    for (size_t i = 0; i < COUNT(outputs); i++) {
        char *name = outputs[i] ? content_relative_name(l->opts->content_dir, outputs[i]) : NULL;
        if (name) {
            LOG(LOG_WARN, "content",
                "%s is inside the content folder: keep outputs elsewhere (such as /run)",
                outputs[i]);
            settle_ignore(&l->settle, name);
        }
        free(name);
    }
}

/* --overlay: the folder watched (made when missing: the agent may start
 * later) and the control socket opened in it. */
static void start_overlay(struct loop *l)
{
    const char *dir = l->opts->overlay_dir;
    settle_init(&l->overlay_settle, 0, false);
    l->control_fd = -1;
    if (!dir)
        return;
    if (mkdir(dir, 0750) != 0 && errno != EEXIST)
        LOG(LOG_WARN, "overlay", "%s: %s: the overlay is read once it appears", dir,
            strerror(errno));
    l->overlay_watch = watch_open(dir, l->opts->poll_ms);
    settle_init(&l->overlay_settle, 0, watch_polls(l->overlay_watch));
    /* what the agent wrote since the content was read is read now */
    settle_note(&l->overlay_settle, FILE_RESCAN, "", clock_monotonic_ms());
    l->control_path = str_printf("%s/%s", dir, OVERLAY_CONTROL_NAME);
    l->screenshot_path = str_printf("%s/%s", dir, OVERLAY_SCREENSHOT_NAME);
    l->control_fd = l->control_path ? control_open(l->control_path) : -1;
}

static void stop_overlay(struct loop *l)
{
    control_close(l->control_fd, l->control_path);
    watch_close(l->overlay_watch);
    settle_free(&l->overlay_settle);
    free(l->control_path);
    free(l->screenshot_path);
}

/* Starts watching the folder and listening for wake-ups. */
static void start_following(struct loop *l)
{
    l->watch = watch_open(l->opts->content_dir, l->opts->poll_ms);
    if (!l->watch)
        LOG(LOG_ERROR, "watch", "out of memory: changes to the content are read at SIGHUP only");
    settle_init(&l->settle, l->opts->settle_ms, watch_polls(l->watch));
    ignore_own_outputs(l);
    content_use_settle(l->live->content, &l->settle);
    l->wakeup_event = SDL_RegisterEvents(1);
    start_overlay(l);
    int fds[] = {watch_fd(l->watch), signals_fd(), clips_wake_fd(&l->stage.clips),
                 watch_fd(l->overlay_watch), l->control_fd};
    l->wakeup = wakeup_start(fds, (int)COUNT(fds), l->wakeup_event);
}

/* Opens the window and its stage. Under systemd, a screen that cannot be
 * had (a monitor or a driver not there yet, a card another process holds)
 * is said once and tried again every SCREEN_RETRY_MS, the watchdog fed
 * meanwhile, rather than left to a restart loop; elsewhere it is an error
 * at once. SIGTERM meanwhile ends the process by its default action (SDL's
 * handler goes with the video subsystem). */
static bool open_screen(struct loop *l, const struct window_request *window)
{
    char said[256] = "";
    for (;;) {
        char err[256] = "";
        if (window_open(&l->window, window, err, sizeof err) &&
            stage_open(&l->stage, l->window.renderer, l->window.vsync, &l->live->prog.theme,
                       l->opts->rotate, l->opts->hwdec, err, sizeof err)) {
            if (said[0])
                LOG(LOG_INFO, "screen", "the screen can be opened now");
            return true;
        }
        if (!err[0])
            snprintf(err, sizeof err, "%s", SDL_GetError());
        stage_close(&l->stage);
        window_close(&l->window);
        if (!service_managed()) {
            fprintf(stderr, "hallscreen: %s\n", err);
            return false;
        }
        if (strcmp(err, said) != 0) {
            LOG(LOG_ERROR, "screen", "%s; tried again every %d s", err, SCREEN_RETRY_MS / 1000);
            snprintf(said, sizeof said, "%s", err);
            service_waiting(err);
        }
        for (int waited = 0; waited < SCREEN_RETRY_MS; waited += 1000) {
            service_alive();
            struct timespec second = {1, 0};
            nanosleep(&second, NULL);
        }
    }
}

int loop_run(const struct options *opts, struct live *live)
{
    struct loop l = {.opts = opts, .live = live, .metrics = {.path = opts->metrics_path}};
    const struct window_request window = {.display = opts->display,
                                          .windowed = opts->windowed,
                                          .width = opts->width,
                                          .height = opts->height,
                                          .renderer = opts->renderer};
    if (!open_screen(&l, &window))
        return 1;
    l.status.stale = true;
    start_following(&l);
    l.watchdog_ms = service_watchdog_interval_ms();
    l.started_ms = clock_monotonic_ms();
    l.started_utc_ms = utc_ms_at(&l, l.started_ms);
    l.status.clock_synchronised = clock_synchronised();
    live->show.shown_at_ms = l.started_ms;
    update_shown(&l, l.started_ms, true);
    window_ready(&l.window);
    run_steps(&l);
    service_stopping();
    timer_screen_free(&l.timer);
    wakeup_stop(l.wakeup);
    watch_close(l.watch);
    settle_free(&l.settle);
    stop_overlay(&l);
    stage_close(&l.stage);
    window_close(&l.window);
    return 0;
}
