/* hallscreen: the command line, the three modes (show, --render, --check)
 * and the show's main loop. The only place that decides to exit. */
#include "content/content.h"
#include "content/loader.h"
#include "content/settle.h"
#include "content/watch.h"
#include "layout/slide_layout.h"
#include "options.h"
#include "platform/screen.h"
#include "platform/service.h"
#include "platform/signals.h"
#include "platform/wakeup.h"
#include "render/render.h"
#include "show/schedule.h"
#include "show/show.h"
#include "show/status.h"
#include "util/civil_time.h"
#include "util/log.h"
#include "util/str.h"
#include "util/zone.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <malloc.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef HALLSCREEN_VERSION
#define HALLSCREEN_VERSION "0.0"
#endif
#ifndef HALLSCREEN_DATADIR
#define HALLSCREEN_DATADIR "/usr/local/share/hallscreen"
#endif

enum {
    FRAME_MS = 16,           /* between frames of a moving transition without vsync */
    FADE_FRAME_MS = 33,      /* between frames of a crossfade without vsync: a dissolve
                              * has no motion to judder, and costs half the CPU */
    PREPARE_AHEAD_MS = 1500, /* the next slide is composed this long before its turn */
    INPUT_POLL_MS = 100,     /* how often keys are looked for where SDL cannot wait */
    DEFAULT_WINDOW_W = 1280,
    DEFAULT_WINDOW_H = 720,
    DEFAULT_RENDER_W = 1920,
    DEFAULT_RENDER_H = 1080
};

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The folder that holds assets/ and content/: beside the build or install
 * folder of the program, or the data folder it was installed with. */
static char *find_data_dir(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *bin = dirname(exe);
        const char *relative[] = {"..", "../share/hallscreen"};
        for (size_t i = 0; i < sizeof relative / sizeof *relative; i++) {
            char *dir = str_printf("%s/%s", bin, relative[i]);
            char *assets = dir ? str_printf("%s/assets", dir) : NULL;
            bool found = assets && is_dir(assets);
            free(assets);
            if (found)
                return dir;
            free(dir);
        }
    }
    return str_dup(HALLSCREEN_DATADIR);
}

/* The time now, in milliseconds since 1970 UTC: --now (read in event time)
 * plus the time since the program started, else the real-time clock. */
static int64_t now_utc_ms(const struct options *opts, int64_t elapsed_ms)
{
    if (opts->has_now)
        return zone_utc(opts->now) * 1000 + elapsed_ms;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The footer's clock: event time. */
static void format_clock(int64_t utc_ms, char *buf, size_t size)
{
    civil_format_moment(zone_local(utc_ms / 1000), buf, size);
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

static int run_render(const struct options *opts, const struct programme *prog)
{
    int w = opts->width ? opts->width : DEFAULT_RENDER_W;
    int h = opts->height ? opts->height : DEFAULT_RENDER_H;
    if (prog->slide_count == 0 && !prog->alert) {
        fprintf(stderr, "hallscreen: %s has no slides to render\n", prog->content_dir);
        return 1;
    }
    if (mkdir(opts->render_dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "hallscreen: cannot make folder %s: %s\n", opts->render_dir,
                strerror(errno));
        return 1;
    }
    SDL_Surface *canvas = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *sdl = canvas ? SDL_CreateSoftwareRenderer(canvas) : NULL;
    char err[256] = "";
    struct renderer *r = sdl ? render_create(sdl, &prog->theme, err, sizeof err) : NULL;
    if (!r) {
        fprintf(stderr, "hallscreen: cannot render: %s\n", err[0] ? err : SDL_GetError());
        if (sdl)
            SDL_DestroyRenderer(sdl);
        SDL_FreeSurface(canvas);
        return 1;
    }
    int64_t now_ms = now_utc_ms(opts, 0);
    char clock[64];
    format_clock(now_ms, clock, sizeof clock);
    struct frame_geometry g = layout_geometry(w, h);
    struct programme shown;
    if (schedule_clock_is_wrong(now_ms / 1000))
        LOG(LOG_WARN, "clock", "the time is before 2020: every slide is rendered, with no times");
    schedule_build(prog, now_ms / 1000, layout_overview_rows(&g), &shown);
    /* The alert first, as 00-alert.png, when there is one; then the show. */
    size_t written = 0, total = shown.slide_count + (shown.alert != NULL);
    for (size_t i = shown.alert ? 0 : 1; i <= shown.slide_count; i++) {
        const struct slide *slide = i == 0 ? shown.alert : &shown.slides[i - 1];
        char *path =
            str_printf("%s/%02zu-%s.png", opts->render_dir, i, slide_kind_name(slide->kind));
        if (path && render_frame(r, &shown, slide, clock, w, h) &&
            render_save_png(sdl, w, h, path)) {
            printf("%s\n", path);
            written++;
        } else {
            fprintf(stderr, "hallscreen: cannot write %s: %s\n", path ? path : "a slide",
                    SDL_GetError());
        }
        free(path);
    }
    programme_free(&shown);
    render_destroy(r);
    SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(canvas);
    return written == total ? 0 : 1;
}

/* Everything the show loop owns. */
struct app {
    const struct options *opts;
    const struct theme *base_theme; /* the assets' theme, before content overrides it */
    SDL_Window *window;
    SDL_Renderer *sdl;
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
    Uint64 started_ms;  /* SDL ticks when the loop started */
    uint64_t on_screen; /* render_slide_key() of the slide on screen, 0 at first */
    struct {
        uint64_t from; /* the slide going out */
        int64_t start_ms;
        int direction; /* 1 forwards, -1 backwards */
        bool running;
    } transition;
    int direction;         /* of the last step: -1 after the Left key */
    bool next_prepared;    /* the slide after this one is composed */
    bool dirty;            /* the frame must be drawn again */
    bool vsync;            /* presenting waits for the display's refresh */
    bool fullscreen_later; /* go fullscreen once the first frame is up */
    bool sdl_waits;        /* SDL's video driver sleeps until an event comes */
    bool screenshot_due;   /* SIGUSR1 asked for a screenshot */
    bool ready;            /* systemd has been told the first frame is up */
    int64_t watchdog_ms;   /* how often to tell systemd the loop is alive; -1: never */
    int64_t alive_at_ms;   /* when to tell it next */
    bool status_stale;     /* the status file must be written again */
};

static int64_t app_utc_ms(const struct app *app, int64_t now_ms)
{
    return now_utc_ms(app->opts, now_ms - (int64_t)app->started_ms);
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
    SDL_GetRendererOutputSize(app->sdl, &w, &h);
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
    app->dirty = true;
    app->status_stale = true;
}

static bool same_problem(const struct diag *a, const struct diag *b)
{
    return a->line == b->line && strcmp(a->path, b->path) == 0 &&
           strcmp(a->message, b->message) == 0;
}

/* Logs the problems of now that were not there before. */
static void log_new_problems(const struct diag_list *before, const struct diag_list *now)
{
    for (size_t i = 0; i < now->count; i++) {
        const struct diag *d = &now->items[i];
        bool known = false;
        for (size_t j = 0; j < before->count && !known; j++)
            known = same_problem(d, &before->items[j]);
        if (!known && d->line)
            LOG(d->severity == DIAG_ERROR ? LOG_ERROR : LOG_WARN, "content", "%s:%d: %s", d->path,
                d->line, d->message);
        else if (!known)
            LOG(d->severity == DIAG_ERROR ? LOG_ERROR : LOG_WARN, "content", "%s: %s", d->path,
                d->message);
    }
}

/* Reads what changed in the content folder and swaps the new programme in;
 * the show goes on with the last good version of whatever is broken. */
static void reload(struct app *app, int64_t now_ms)
{
    struct programme next;
    struct diag_list diags = {0};
    struct content_changes changes;
    bool read = content_refresh(app->content, &next, &diags, &changes);
    settle_done(&app->settle);
    app->status.reloads++;
    format_clock(app_utc_ms(app, now_ms), app->status.last_reload, sizeof app->status.last_reload);
    app->status_stale = true;
    int changed =
        changes.count[CHANGE_ADDED] + changes.count[CHANGE_CHANGED] + changes.count[CHANGE_REMOVED];
    if (!read) {
        LOG(LOG_WARN, "reload", "%s is missing: the show goes on as it was",
            app->opts->content_dir);
    } else if (next.slide_count == 0 && app->prog.slide_count > 0) {
        LOG(LOG_WARN, "reload",
            "no slides left in %s/slides: the show goes on as it was until slides return",
            app->prog.content_dir);
    } else if (changed || changes.count[CHANGE_FAILED]) {
        LOG(LOG_INFO, "reload", "%s; %zu slides, %zu problems", changes.summary, next.slide_count,
            diags.count);
    }
    log_new_problems(&app->diags, &diags);
    if (read && changed && !(next.slide_count == 0 && app->prog.slide_count > 0)) {
        bool fonts_changed = strcmp(next.theme.font, app->prog.theme.font) != 0 ||
                             strcmp(next.theme.font_bold, app->prog.theme.font_bold) != 0;
        const char *zone = next.event.timezone ? next.event.timezone : "";
        if (strcmp(zone, app->prog.event.timezone ? app->prog.event.timezone : "") != 0)
            zone_use(next.event.timezone);
        programme_free(&app->prog);
        app->prog = next;
        update_shown(app, now_ms, true);
        app->status.version++;
        app->dirty = true;
        char err[256];
        struct renderer *fresh =
            fonts_changed ? render_create(app->sdl, &app->prog.theme, err, sizeof err) : NULL;
        if (fresh) {
            render_destroy(app->renderer);
            app->renderer = fresh;
            render_set_rotation(fresh, app->opts->rotate);
        } else {
            render_forget(app->renderer);
        }
    } else {
        programme_free(&next);
    }
    diag_list_clear(&app->diags);
    app->diags = diags;
}

static bool handle_event(struct app *app, const SDL_Event *e, int64_t now_ms)
{
    if (e->type == SDL_QUIT)
        return false;
    if (e->type == app->wakeup_event) {
        struct signals_seen seen = signals_take();
        if (seen.user1 && app->opts->screenshot_path) {
            app->screenshot_due = true;
            app->dirty = true;
            render_invalidate(app->renderer);
        } else if (seen.user1) {
            LOG(LOG_WARN, "screen", "SIGUSR1: no --screenshot FILE to write to");
        }
        if (seen.hangup) {
            LOG(LOG_INFO, "reload", "SIGHUP: reading the whole content folder again");
            content_close(app->content);
            app->content = content_open(app->opts->content_dir, app->base_theme);
            settle_note(&app->settle, FILE_RESCAN, "", now_ms);
        }
        watch_check(app->watch, &app->settle, now_ms);
        wakeup_rearm(app->wakeup);
        return true;
    }
    if (e->type == SDL_WINDOWEVENT) {
        app->dirty = true; /* at least present again */
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
            render_invalidate(app->renderer);
    }
    if (e->type == SDL_WINDOWEVENT && e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
        update_shown(app, now_ms, false);
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
    case SDLK_f: {
        bool full = SDL_GetWindowFlags(app->window) & SDL_WINDOW_FULLSCREEN;
        SDL_SetWindowFullscreen(app->window, full ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
        SDL_ShowCursor(full ? SDL_ENABLE : SDL_DISABLE);
        break;
    }
    default:
        return true;
    }
    app->dirty = true;
    app->status_stale = true;
    return true;
}

static const struct slide *slide_on_screen(const struct app *app)
{
    const struct programme *prog = &app->shown;
    return prog->alert ? prog->alert : prog->slide_count ? &prog->slides[app->show.current] : NULL;
}

/* Starts a transition when the slide to show is not the one on screen. */
static void follow_slide(struct app *app, int64_t now_ms)
{
    uint64_t key = render_slide_key(app->renderer, slide_on_screen(app));
    if (key == app->on_screen)
        return;
    const struct theme *t = &app->shown.theme;
    bool animate = app->on_screen && t->transition != TRANSITION_NONE && t->transition_ms > 0;
    app->transition.from = app->on_screen;
    app->transition.start_ms = now_ms;
    app->transition.direction = app->direction < 0 ? -1 : 1;
    app->transition.running = animate;
    app->on_screen = key;
    app->direction = 1;
    app->next_prepared = false;
    app->dirty = true;
    /* for `systemctl status` */
    const struct slide *slide = slide_on_screen(app);
    char *status = slide ? str_printf("showing %s %zu/%zu: %s", slide_kind_name(slide->kind),
                                      app->show.current + 1, app->shown.slide_count,
                                      slide->title ? slide->title : "")
                         : str_dup("no slides to show");
    if (status)
        service_status(status);
    free(status);
}

/* Writes what is on screen to --screenshot's file, whole or not at all. */
static void save_screenshot(struct app *app, int w, int h)
{
    const char *path = app->opts->screenshot_path;
    char *tmp = str_printf("%s.tmp.png", path);
    if (tmp && render_save_png(app->sdl, w, h, tmp) && rename(tmp, path) == 0)
        LOG(LOG_INFO, "screen", "screenshot written to %s", path);
    else
        LOG(LOG_WARN, "screen", "cannot write a screenshot to %s: %s", path,
            tmp ? SDL_GetError() : "out of memory");
    if (tmp)
        unlink(tmp);
    free(tmp);
    app->screenshot_due = false;
}

static void draw(struct app *app, const char *clock, int64_t now_ms)
{
    int w, h;
    SDL_GetRendererOutputSize(app->sdl, &w, &h);
    const struct theme *t = &app->shown.theme;
    float progress = 1.0f;
    if (app->transition.running) {
        progress = (float)(now_ms - app->transition.start_ms) / (float)t->transition_ms;
        if (progress >= 1.0f) {
            progress = 1.0f;
            app->transition.running = false;
        }
    }
    struct frame f = {.prog = &app->shown,
                      .slide = slide_on_screen(app),
                      .from = app->transition.from,
                      .progress = progress,
                      .kind = t->transition,
                      .direction = app->transition.direction,
                      .clock = clock};
    bool drawn = render_transition(app->renderer, &f, w, h);
    if (drawn && app->screenshot_due)
        save_screenshot(app, w, h);
    if (drawn)
        SDL_RenderPresent(app->sdl);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    app->status.presented_ms = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
    app->dirty = app->transition.running;
}

/* Composes the next slide while nothing moves, so its transition only blends. */
static void prepare_next(struct app *app)
{
    const struct programme *prog = &app->shown;
    app->next_prepared = true;
    if (prog->alert || prog->slide_count < 2)
        return;
    int w, h;
    SDL_GetRendererOutputSize(app->sdl, &w, &h);
    const struct slide *next = &prog->slides[(app->show.current + 1) % prog->slide_count];
    render_prepare(app->renderer, prog, next, w, h);
}

static void write_status(struct app *app)
{
    app->status_stale = false;
    if (!app->opts->status_path)
        return;
    app->status.prog = &app->shown;
    app->status.show = &app->show;
    app->status.diags = &app->diags;
    app->status.polling = watch_polls(app->watch);
    char *text = status_json(&app->status);
    if (!text || !status_write_file(app->opts->status_path, text))
        LOG(LOG_WARN, "status", "cannot write %s: %s", app->opts->status_path, strerror(errno));
    free(text);
}

/* The smallest of the waits that are not -1, and at most a minute. */
static int64_t soonest(const int64_t *waits, size_t count)
{
    int64_t best = 60000;
    for (size_t i = 0; i < count; i++)
        if (waits[i] >= 0 && waits[i] < best)
            best = waits[i];
    return best;
}

/* Sleeps until an event comes or timeout_ms pass. Where SDL's video driver
 * can sleep on its events (X11, Wayland), SDL waits; elsewhere (KMSDRM, the
 * headless drivers) SDL would wake every millisecond to look, so the loop
 * sleeps in poll() on its own wake-ups, looking at SDL's events every
 * INPUT_POLL_MS. */
static bool wait_event(struct app *app, SDL_Event *e, int64_t timeout_ms)
{
    if (app->sdl_waits)
        return SDL_WaitEventTimeout(e, (int)timeout_ms + 1);
    if (SDL_PollEvent(e))
        return true;
    struct pollfd fd = {.fd = wakeup_fd(app->wakeup), .events = POLLIN};
    poll(&fd, fd.fd >= 0 ? 1 : 0,
         (int)(timeout_ms < INPUT_POLL_MS ? timeout_ms + 1 : INPUT_POLL_MS));
    return SDL_PollEvent(e);
}

static void run_loop(struct app *app)
{
    char shown_clock[64] = "";
    for (bool running = true; running;) {
        int64_t now_ms = (int64_t)SDL_GetTicks64();
        if (settle_wait_ms(&app->settle, now_ms) == 0 || watch_wait_ms(app->watch, now_ms) == 0)
            watch_check(app->watch, &app->settle, now_ms);
        if (settle_wait_ms(&app->settle, now_ms) == 0 && app->content)
            reload(app, now_ms);
        int64_t utc_ms = app_utc_ms(app, now_ms);
        char clock[64];
        format_clock(utc_ms, clock, sizeof clock);
        if (strcmp(clock, shown_clock) != 0)
            update_shown(app, now_ms, false);
        if (show_tick(&app->show, &app->shown, now_ms))
            app->status_stale = true;
        follow_slide(app, now_ms);
        if (app->dirty || strcmp(clock, shown_clock) != 0) {
            draw(app, clock, now_ms);
            snprintf(shown_clock, sizeof shown_clock, "%s", clock);
            snprintf(app->status.clock, sizeof app->status.clock, "%s", clock);
            app->status_stale = true;
        }
        if (app->status_stale)
            write_status(app);
        if (!app->ready) {
            service_ready();
            app->ready = true;
        }
        if (app->watchdog_ms > 0 && now_ms >= app->alive_at_ms) {
            service_alive();
            app->alive_at_ms = now_ms + app->watchdog_ms;
        }
        if (app->fullscreen_later) {
            app->fullscreen_later = false;
            SDL_SetWindowFullscreen(app->window, SDL_WINDOW_FULLSCREEN_DESKTOP);
        }
        int64_t until_change = show_ms_until_change(&app->show, &app->shown, now_ms);
        bool prepare_due = until_change >= 0 && until_change <= PREPARE_AHEAD_MS;
        if (!app->transition.running && !app->next_prepared && prepare_due)
            prepare_next(app);
        /* While a transition runs, the next frame (vsync, or about 60 a second);
         * else sleep until the clock's next minute, the next slide, or a
         * change in the content is due. */
        int64_t frame_ms =
            app->shown.theme.transition == TRANSITION_CROSSFADE ? FADE_FRAME_MS : FRAME_MS;
        int64_t next_frame = app->transition.running ? frame_ms : -1;
        int64_t prepare_in = app->next_prepared || until_change < PREPARE_AHEAD_MS
                                 ? -1
                                 : until_change - PREPARE_AHEAD_MS;
        int64_t alive_in = app->watchdog_ms > 0 ? app->alive_at_ms - now_ms : -1;
        int64_t waits[] = {60000 - utc_ms % 60000,
                           until_change,
                           prepare_in,
                           alive_in,
                           settle_wait_ms(&app->settle, now_ms),
                           watch_wait_ms(app->watch, now_ms),
                           next_frame};
        int64_t wait = soonest(waits, sizeof waits / sizeof *waits);
        SDL_Event e;
        if (app->vsync && app->transition.running ? SDL_PollEvent(&e) : wait_event(app, &e, wait)) {
            do
                running = handle_event(app, &e, (int64_t)SDL_GetTicks64());
            while (running && SDL_PollEvent(&e));
        }
    }
}

/* The show's window: fullscreen on the chosen display, or a desktop window.
 * On X11 a fullscreen window first waits for a window manager, which a kiosk
 * often does not run: there it starts as a borderless window covering the
 * display, and *fullscreen_later asks for fullscreen once the first frame
 * is up. */
static SDL_Window *open_window(const struct options *opts, bool *fullscreen_later)
{
    int display = opts->display < SDL_GetNumVideoDisplays() ? opts->display : 0;
    *fullscreen_later = false;
    if (opts->windowed) {
        int w = opts->width ? opts->width : DEFAULT_WINDOW_W;
        int h = opts->height ? opts->height : DEFAULT_WINDOW_H;
        return SDL_CreateWindow("hallscreen", SDL_WINDOWPOS_CENTERED_DISPLAY(display),
                                SDL_WINDOWPOS_CENTERED_DISPLAY(display), w, h,
                                SDL_WINDOW_RESIZABLE);
    }
    SDL_Rect bounds;
    if (strcmp(SDL_GetCurrentVideoDriver(), "x11") == 0 &&
        SDL_GetDisplayBounds(display, &bounds) == 0) {
        *fullscreen_later = true;
        return SDL_CreateWindow("hallscreen", bounds.x, bounds.y, bounds.w, bounds.h,
                                SDL_WINDOW_BORDERLESS);
    }
    return SDL_CreateWindow("hallscreen", SDL_WINDOWPOS_CENTERED_DISPLAY(display),
                            SDL_WINDOWPOS_CENTERED_DISPLAY(display), 0, 0,
                            SDL_WINDOW_FULLSCREEN_DESKTOP);
}

static int run_show(const struct options *opts, const struct theme *base_theme,
                    struct content *content, struct programme *prog, struct diag_list *diags)
{
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr,
                "hallscreen: no display (%s): run it on a desktop, on the console with "
                "SDL_VIDEODRIVER=kmsdrm, or use --render\n",
                SDL_GetError());
        return 1;
    }
    SDL_DisableScreenSaver();
    struct app app = {.opts = opts,
                      .base_theme = base_theme,
                      .content = content,
                      .prog = *prog,
                      .diags = *diags,
                      .dirty = true,
                      .status_stale = true};
    memset(prog, 0, sizeof *prog);
    memset(diags, 0, sizeof *diags);
    app.status.version = 1;
    char err[256] = "";
    app.window = open_window(opts, &app.fullscreen_later);
    app.sdl = app.window ? screen_renderer(app.window, opts->renderer, &app.vsync) : NULL;
    app.renderer = app.sdl ? render_create(app.sdl, &app.prog.theme, err, sizeof err) : NULL;
    if (app.renderer)
        render_set_rotation(app.renderer, opts->rotate);
    int status = 0;
    if (!app.renderer) {
        fprintf(stderr, "hallscreen: cannot open the screen: %s\n", err[0] ? err : SDL_GetError());
        status = 1;
    } else {
        if (!opts->windowed)
            SDL_ShowCursor(SDL_DISABLE);
        settle_init(&app.settle, opts->settle_ms);
        app.watch = watch_open(opts->content_dir, opts->poll_ms);
        app.wakeup_event = SDL_RegisterEvents(1);
        int fds[] = {watch_fd(app.watch), signals_open()};
        app.wakeup = wakeup_start(fds, 2, app.wakeup_event);
        const char *driver = SDL_GetCurrentVideoDriver();
        app.sdl_waits = strcmp(driver, "x11") == 0 || strcmp(driver, "wayland") == 0;
        app.watchdog_ms = service_watchdog_interval_ms();
        app.started_ms = SDL_GetTicks64();
        show_start(&app.show, (int64_t)app.started_ms);
        update_shown(&app, (int64_t)app.started_ms, true);
        run_loop(&app);
        service_stopping();
        wakeup_stop(app.wakeup);
        signals_close();
        watch_close(app.watch);
    }
    render_destroy(app.renderer);
    if (app.sdl)
        SDL_DestroyRenderer(app.sdl);
    if (app.window)
        SDL_DestroyWindow(app.window);
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
    content_close(app.content);
    programme_free(&app.prog);
    programme_free(&app.shown);
    diag_list_clear(&app.diags);
    return status;
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
    if (opts.help) {
        fputs(options_usage, stdout);
        return 0;
    }
    if (opts.version) {
        printf("hallscreen %s\n", HALLSCREEN_VERSION);
        return 0;
    }

    char *data_dir = find_data_dir();
    char *assets_dir =
        opts.assets_dir ? str_dup(opts.assets_dir) : str_printf("%s/assets", data_dir);
    char *content_dir =
        opts.content_dir ? str_dup(opts.content_dir) : str_printf("%s/content", data_dir);
    struct theme base_theme;
    theme_init_defaults(&base_theme);
    struct diag_list diags = {0};
    char *theme_path = str_printf("%s/theme.yaml", assets_dir);
    if (theme_path && access(theme_path, R_OK) == 0)
        theme_load_file(theme_path, &base_theme, &diags);
    free(theme_path);

    struct content *content = content_open(content_dir, &base_theme);
    struct programme prog = {0};
    int status;
    if (!content || !content_refresh(content, &prog, &diags, NULL)) {
        fprintf(stderr,
                "hallscreen: content folder '%s' not found: name the folder of the show "
                "(hallscreen path/to/content)\n",
                content_dir);
        status = 1;
    } else if (opts.check) {
        status = run_check(&prog, &diags);
    } else {
        print_problems(&diags, stderr);
        zone_use(prog.event.timezone);
        if (TTF_Init() != 0) {
            fprintf(stderr, "hallscreen: cannot start the font engine: %s\n", TTF_GetError());
            status = 1;
        } else {
            IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
            opts.content_dir = content_dir;
            if (opts.render_dir) {
                status = run_render(&opts, &prog);
            } else {
                status = run_show(&opts, &base_theme, content, &prog, &diags);
                content = NULL; /* the show closed it */
            }
            IMG_Quit();
            TTF_Quit();
        }
        SDL_Quit();
    }
    content_close(content);
    programme_free(&prog);
    theme_free(&base_theme);
    diag_list_clear(&diags);
    free(data_dir);
    free(assets_dir);
    free(content_dir);
    return status;
}
