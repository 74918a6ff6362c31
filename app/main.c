/* SPDX-License-Identifier: GPL-2.0-or-later */
/* hallscreen: the start (the command line, the data folder, the content
 * read once), one of three modes (the show, --render, --check), and the
 * teardown. The only place that decides to exit. */
#include "check/check.h"
#include "content/content.h"
#include "content/loader.h"
#include "platform/window.h"
#include "loop.h"
#include "main.h"
#include "options.h"
#include "platform/clock.h"
#include "platform/data_dir.h"
#include "platform/signals.h"
#include "render/clip_probe.h"
#include "render/export.h"
#include "render/video.h"
#include "util/font_lookup.h"
#include "util/log.h"
#include "util/str.h"
#include "util/translate.h"
#include "util/zone.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef HALLSCREEN_VERSION
#define HALLSCREEN_VERSION "0.0"
#endif

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
    if (content && !content_use_overlay(content, opts->overlay_dir)) {
        content_close(content);
        content = NULL;
    }
    diag_list_clear(&theme_problems);
    struct programme prog = {0};
    if (!content || !content_refresh(content, &prog, diags, NULL)) {
        content_close(content);
        return false;
    }
    live_start(live, content, &prog, &(struct diag_list){0}, 0);
    return true;
}

/* The set-up screen a technician sees while the content folder is
 * missing: what is missing, where it was looked for, how to name another
 * folder, and this box's name. The show starts on its own once the folder
 * appears (the folder is watched as ever). False when memory runs out. */
static bool start_setup_screen(const char *content_dir, const struct theme *base_theme,
                               struct live *live)
{
    char host[256] = "";
    if (gethostname(host, sizeof host - 1) != 0)
        snprintf(host, sizeof host, "this box");
    struct programme prog = {.content_dir = str_dup(content_dir)};
    struct content *content = content_open(content_dir, base_theme);
    prog.slides = calloc(1, sizeof *prog.slides);
    if (!content || !prog.slides || !theme_copy(&prog.theme, base_theme)) {
        content_close(content);
        programme_free(&prog);
        return false;
    }
    prog.event.name = str_printf("hallscreen on %s", host);
    prog.slide_count = 1;
    struct slide *s = &prog.slides[0];
    s->kind = SLIDE_HEADLINE;
    s->source = str_dup("set-up");
    s->label = str_dup("Set-up");
    s->title = str_dup("Waiting for the show's content");
    s->body = str_printf(
        "No content folder at\n%s\nCopy the show there, or name its folder in "
        "HALLSCREEN_CONTENT in /etc/default/hallscreen. The service cannot see folders under "
        "/home (ProtectHome=).\nThe show starts by itself when the folder appears.",
        content_dir);
    live_start(live, content, &prog, &(struct diag_list){0}, 0);
    return true;
}

/* What changed since the screen first saw the programme: kept in --state,
 * else in the unit's StateDirectory= (the first of $STATE_DIRECTORY), else
 * for as long as the show runs; --render marks only with --state. */
static void start_changes(const struct options *opts, struct live *live)
{
    const char *env = getenv("STATE_DIRECTORY");
    char *dir = opts->state_dir                      ? str_dup(opts->state_dir)
                : env && env[0] && !opts->render_dir ? str_dup(env)
                                                     : NULL;
    if (dir && strchr(dir, ':'))
        *strchr(dir, ':') = '\0'; /* systemd lists one folder per StateDirectory= */
    if (opts->render_dir && !dir)
        return;
    int64_t now_ms = opts->has_now ? zone_utc(opts->now) * 1000 : clock_wall_ms();
    live_use_state(live, dir, now_ms / 1000);
    free(dir);
}

/* The show in a window or on screen, or its slides to PNG files: the
 * modes that draw. Returns the exit status. */
static int run_drawing(const struct options *opts, struct live *live, struct diag_list *diags)
{
    if (TTF_Init() != 0) {
        fprintf(stderr, "hallscreen: cannot start the font engine: %s\n", TTF_GetError());
        return 1;
    }
    diag_print(diags, stderr);
    live->diags = *diags;
    memset(diags, 0, sizeof *diags);
    zone_use(live->prog.event.timezone);
    start_changes(opts, live);
    int status;
    if (opts->render_dir) {
        const struct export_request rq = {opts->render_dir, opts->width, opts->height};
        int64_t utc_ms = opts->has_now ? zone_utc(opts->now) * 1000 : clock_wall_ms();
        status = opts->timer_room ? export_timer(&rq, live, opts->timer_room, utc_ms)
                                  : export_slides(&rq, live, utc_ms);
    } else {
        status = loop_run(opts, live);
    }
    TTF_Quit();
    return status;
}

/* The content folder as an absolute path, so that the watch of its parent
 * is never the folder itself (as it is for "."). The last part is kept as
 * named, a link swapped for a release included; as given when it cannot be
 * resolved (a missing folder is reported when it is read). Caller frees. */
static char *absolute_content_dir(const char *given, const char *data_dir)
{
    char *dir = given ? str_dup(given) : str_printf("%s/content", data_dir);
    if (!dir)
        return NULL;
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        dir[--n] = '\0';
    char *slash = strrchr(dir, '/');
    const char *base = slash ? slash + 1 : dir;
    char *resolved = NULL;
    if (!base[0] || strcmp(base, ".") == 0 || strcmp(base, "..") == 0) {
        resolved = realpath(dir, NULL);
    } else {
        char *parent = slash == dir ? str_dup("/")
                       : slash      ? str_printf("%.*s", (int)(slash - dir), dir)
                                    : str_dup(".");
        char *real_parent = parent ? realpath(parent, NULL) : NULL;
        if (real_parent)
            resolved = strcmp(real_parent, "/") == 0 ? str_printf("/%s", base)
                                                     : str_printf("%s/%s", real_parent, base);
        free(parent);
        free(real_parent);
    }
    if (!resolved)
        return dir;
    free(dir);
    return resolved;
}

int hallscreen_main(int argc, char **argv)
{
    clip_probe_serve(); /* a probe child ends there */
    /* Slide pictures (8 MB at 1080p) are large, short-lived buffers: give
     * each back to the system when it is freed, so memory stays flat. Lines
     * of text drawn into a slide are smaller and many: from the heap, they
     * cost no fresh pages, nor do the logos decoded one after another into
     * the memory the last one freed: the heap is not trimmed at each free
     * but once a slide is composed. Clips come and go with a dozen threads
     * each: with an arena per thread, freed memory would stay scattered. */
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_ARENA_MAX, 2);
    /* PipeWire's client library, under libmpv, prints its own warnings to
     * stderr each time a clip tries it for sound: the show says once what
     * it needs to (set here, before any thread reads the environment). */
    setenv("PIPEWIRE_DEBUG", "0", 0);
    window_prepare_environment();
    /* A file over ulimit -f (or a quota) fails its write, which is reported,
     * instead of ending the show. */
    signal(SIGXFSZ, SIG_IGN);
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
    if (opts.check || opts.render_dir)
        signals_release();
    else if (signals_open() < 0)
        LOG(LOG_WARN, "signals", "SIGHUP and SIGUSR1 cannot be caught");

    char *data_dir = data_dir_find();
    char *locale_dir = data_dir_locale(data_dir);
    translate_init(locale_dir); /* before any thread */
    free(locale_dir);
    char *assets_dir =
        opts.assets_dir ? str_dup(opts.assets_dir) : str_printf("%s/assets", data_dir);
    char *content_dir = absolute_content_dir(opts.content_dir, data_dir);
    opts.content_dir = content_dir;
    struct theme base_theme;
    theme_init_defaults(&base_theme);
    struct diag_list diags = {0};
    struct live live = {0};
    int status = 1;
    bool loaded = load_content(&opts, assets_dir, &base_theme, &live, &diags);
    if (!loaded)
        fprintf(stderr,
                "hallscreen: content folder '%s' not found: name the folder of the show "
                "(hallscreen path/to/content)%s\n",
                content_dir,
                opts.check || opts.render_dir ? ""
                                              : "; showing the set-up screen until it appears");
    bool setup = !loaded && !opts.check && !opts.render_dir &&
                 start_setup_screen(content_dir, &base_theme, &live);
    if (setup && !content_use_overlay(live.content, opts.overlay_dir))
        LOG(LOG_ERROR, "overlay", "out of memory: the overlay is not read");
    live.view = (struct order_view){.room = opts.room, .clock_given = opts.has_now};
    if (setup) {
        status = run_drawing(&opts, &live, &diags);
    } else if (!loaded) {
        /* said above */
    } else if (opts.check) {
        /* --timer ROOM is checked as --room ROOM is */
        const struct check_request rq = {opts.room ? opts.room : opts.timer_room,
                                         opts.room ? "--room" : "--timer", opts.hwdec, assets_dir,
                                         opts.json};
        status = check_report(&live.prog, &diags, &rq);
    } else {
        if (opts.timer_room) /* a room the programme does not have is said at once */
            order_check_room(&live.prog, "--timer", opts.timer_room, &diags);
        status = run_drawing(&opts, &live, &diags);
    }
    video_shutdown();
    SDL_Quit();
    signals_close();
    live_free(&live);
    theme_free(&base_theme);
    diag_list_clear(&diags);
    free(data_dir);
    free(assets_dir);
    free(content_dir);
    return status;
}
