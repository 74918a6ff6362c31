/* SPDX-License-Identifier: GPL-2.0-or-later */
/* hallscreen-fetch: keeps the local copies of the schedule exports that
 * event.yaml names with a url: up to date from the organisers' server. A
 * download replaces the copy only once the show's own schedule reader has
 * read talks from it; the show itself never talks to the network. */
#include "fetch_http.h"
#include "fetch_plan.h"
#include "fetch_report.h"

#include "../content/fields.h"
#include "../content/loader.h"
#include "../schedule/import.h"
#include "../util/file_read.h"
#include "../util/file_write.h"
#include "../util/hash.h"
#include "../util/log.h"
#include "../util/str.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#ifndef HALLSCREEN_VERSION
#define HALLSCREEN_VERSION "0.0"
#endif

enum { EXIT_SOURCE_FAILED = 1, EXIT_USAGE = 2 };

struct fetcher {
    const char *content_dir;
    char *state_path; /* DIR/state.json; NULL: nothing kept across restarts */
    const char *status_path, *metrics_path;
    bool once;
    struct fetch_plan plan;
    struct fetch_http *http;
    struct event event;         /* event.yaml as last read well */
    struct timespec event_seen; /* its modification time when last read, well or not */
    ino_t event_inode;          /* and its inode (rsync and editors rename a new one in) */
    bool event_read, event_missing;
    int64_t started_ms, reported_ms;
    /* why the state, status and metrics files could not be written last
     * ("": they could), so that each reason is logged once */
    char state_why[256], status_why[256], metrics_why[256];
};

static const char usage[] =
    "usage: hallscreen-fetch [OPTIONS] CONTENT_DIR\n"
    "Keeps the local copies of the schedule exports that CONTENT_DIR/event.yaml\n"
    "names with a url: up to date, checking each every: seconds (default 300).\n"
    "A download replaces the copy only when it is a schedule the show can read.\n"
    "\n"
    "  --once          check every source once and exit: 1 when one failed\n"
    "  --state DIR     keep ETags and dates across restarts in DIR/state.json\n"
    "                  (default: $STATE_DIRECTORY, as systemd's StateDirectory= sets)\n"
    "  --status FILE   keep each source's state in FILE (JSON)\n"
    "  --metrics FILE  keep figures for Prometheus in FILE (hallscreen_fetch_*)\n"
    "  --cafile FILE   trust the certificates in FILE instead of the system's\n"
    "  --timeout S     give up a download after S seconds (default 120)\n"
    "  --quiet         log failures only\n"
    "  --version, --help\n"
    "SIGHUP checks every source now; SIGTERM or SIGINT stops.\n";

static int64_t wall_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* A random number for the jitter (not for security). */
static uint32_t jitter_random(void)
{
    static bool seeded;
    if (!seeded) {
        srandom((unsigned)wall_ms() ^ (unsigned)getpid() << 16);
        seeded = true;
    }
    return (uint32_t)random() << 1 ^ (uint32_t)random();
}

/* Reads event.yaml again when it changed; its problems are logged. A broken
 * one keeps the sources as they were. Returns false when none was ever
 * read well. */
static bool follow_event(struct fetcher *f)
{
    char *path = str_printf("%s/event.yaml", f->content_dir);
    struct stat st;
    if (!path || stat(path, &st) != 0) {
        if (!f->event_read && !f->event_missing)
            LOG(LOG_ERROR, "fetch", "%s: %s", path ? path : "event.yaml", strerror(errno));
        f->event_missing = true;
        f->event_seen = (struct timespec){0};
        free(path);
        return f->event_read;
    }
    f->event_missing = false;
    if (st.st_mtim.tv_sec == f->event_seen.tv_sec && st.st_mtim.tv_nsec == f->event_seen.tv_nsec &&
        st.st_ino == f->event_inode) {
        free(path);
        return f->event_read;
    }
    struct diag_list diags = {0};
    size_t size = 0;
    char *text = fields_read_file(path, CONTENT_FILE_MAX_BYTES, &size, &diags);
    const struct source src = {.path = path, .dir = f->content_dir, .diags = &diags};
    struct event event = {0};
    bool ok = text && event_parse(&src, text, size, &event);
    diag_print(&diags, stderr);
    diag_list_clear(&diags);
    free(text);
    for (size_t i = 0; ok && i < event.schedule_count; i++)
        if (event.schedules[i].url && !fetch_plan_file_ok(event.schedules[i].file))
            LOG(LOG_WARN, "fetch",
                "%s: schedule: '%s' must be a file inside the content folder: "
                "it is not fetched",
                path, event.schedules[i].file);
        else if (fetch_plan_first_url(&event, i))
            LOG(LOG_WARN, "fetch",
                "%s: schedule: '%s' has two url:s; %s is not fetched, %s is: remove one", path,
                event.schedules[i].file, event.schedules[i].url, fetch_plan_first_url(&event, i));
    if (ok && fetch_plan_follow(&f->plan, &event)) {
        event_free(&f->event);
        f->event = event;
        f->event_seen = st.st_mtim;
        f->event_inode = st.st_ino;
        f->event_read = true;
        LOG(LOG_INFO, "fetch", "%zu source%s with a url: in %s", f->plan.count,
            f->plan.count == 1 ? "" : "s", path);
    } else {
        event_free(&event);
        f->event_seen = st.st_mtim; /* reported once, read again when it changes */
        f->event_inode = st.st_ino;
        if (f->event_read)
            LOG(LOG_WARN, "fetch", "%s has errors: its sources stay as they were", path);
    }
    free(path);
    return f->event_read;
}

/* The file's modification time in ms since 1970; 0 when it is missing. */
static int64_t mtime_of(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return 0;
    return (int64_t)st.st_mtim.tv_sec * 1000 + st.st_mtim.tv_nsec / 1000000;
}

/* The copy's hash (0 when it is missing or unreadable) and modification
 * time (0 when missing). */
static uint64_t copy_facts(const char *path, int64_t *mtime_ms)
{
    struct stat st;
    *mtime_ms = 0;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    *mtime_ms = (int64_t)st.st_mtim.tv_sec * 1000 + st.st_mtim.tv_nsec / 1000000;
    size_t size;
    char *text = file_read_all(path, FETCH_MAX_BYTES, &size, NULL, 0);
    uint64_t hash = text ? hash_bytes(HASH_START, text, size) : 0;
    free(text);
    return hash ? hash : 1; /* 0 means missing */
}

/* Makes the folders of path inside the content folder (a file: in a
 * folder of its own, which rsync --delete may leave alone). */
static void make_parents(const char *content_dir, const char *file)
{
    char *path = str_printf("%s/%s", content_dir, file);
    size_t skip = strlen(content_dir) + 1;
    for (char *slash = path ? strchr(path + skip, '/') : NULL; slash;
         slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        mkdir(path, 0755);
        *slash = '/';
    }
    free(path);
}

/* True when the folder the copy at path goes into is the content folder or
 * one inside it, its symbolic links followed: a link to a folder elsewhere
 * would have the fetcher write outside it. */
static bool folder_inside(const char *content_dir, const char *path)
{
    char *copy = str_dup(path);
    char *slash = copy ? strrchr(copy, '/') : NULL;
    if (slash)
        *slash = '\0';
    char *top = realpath(content_dir, NULL), *folder = slash ? realpath(copy, NULL) : NULL;
    size_t n = top ? strlen(top) : 0;
    bool inside = top && folder && strncmp(folder, top, n) == 0 &&
                  (folder[n] == '\0' || folder[n] == '/' || n == 1);
    free(top);
    free(folder);
    free(copy);
    return inside;
}

/* Why a download is no schedule the show can read: the first problem the
 * show's reader found, as "url:line: message"; "" when it holds talks. */
static void validate(const struct fetcher *f, const struct fetch_source *s,
                     const struct fetch_response *r, char *why, size_t size)
{
    why[0] = '\0';
    if (r->size == 0) {
        snprintf(why, size, "%s: the server sent an empty document", s->url);
        return;
    }
    struct diag_list diags = {0};
    struct slide *slides = NULL;
    size_t n = schedule_import(s->url, &diags, r->body, r->size, f->event.timezone, &slides);
    for (size_t i = 0; i < n; i++)
        slide_free(&slides[i]);
    free(slides);
    for (size_t i = 0; n == 0 && i < diags.count && !why[0]; i++) {
        const struct diag *d = &diags.items[i];
        if (d->severity == DIAG_ERROR && d->line)
            snprintf(why, size, "%s:%d: %s", d->path, d->line, d->message);
        else if (d->severity == DIAG_ERROR)
            snprintf(why, size, "%s: %s", d->path, d->message);
    }
    if (n == 0 && !why[0])
        snprintf(why, size, "%s: holds no talks", s->url);
    diag_list_clear(&diags);
}

static void replace_text(char **place, char *value)
{
    free(*place);
    *place = value;
}

/* The copy's modification time set to now: the server confirmed it, so the
 * copy's age (here and in the show) says how long ago it was known good. */
static void touch(const char *path)
{
    utimensat(AT_FDCWD, path, NULL, 0);
}

/* Why an answer with this status is no schedule. */
static void status_error(const struct fetch_source *s, long status, char *why, size_t size)
{
    const char *what = status == 404   ? " (not found: is the address right?)"
                       : status == 401 ? " (the export asks for a login: is it public?)"
                       : status == 403 ? " (forbidden: is the export public?)"
                       : status == 304 ? " (not modified, though nothing was asked)"
                       : status >= 500 ? " (an error of the server)"
                                       : "";
    snprintf(why, size, "%s: the server answered HTTP %ld%s", s->url, status, what);
}

/* Checks one source: downloads it when it changed, and replaces the copy
 * when the download is good. Returns false when the check failed. */
static bool check_source(struct fetcher *f, struct fetch_source *s, bool *stopped)
{
    char *path = str_printf("%s/%s", f->content_dir, s->file);
    if (!path)
        return false;
    int64_t mtime_ms;
    uint64_t copy_hash = copy_facts(path, &mtime_ms);
    char if_none_match[512], if_modified_since[128];
    fetch_plan_headers(s, copy_hash, if_none_match, sizeof if_none_match, if_modified_since,
                       sizeof if_modified_since);
    struct fetch_response r;
    char why[sizeof s->error] = "";
    bool answered = fetch_http_get(f->http, s->url, if_none_match, if_modified_since, &r);
    int64_t now_ms = wall_ms();
    *stopped = r.stopped;
    if (r.stopped) {
        fetch_response_free(&r);
        free(path);
        return true;
    }
    bool conditional = if_none_match[0] || if_modified_since[0];
    if (!answered)
        snprintf(why, sizeof why, "%s: %s", s->url, r.error);
    else if (r.status == 304 && conditional) {
        s->not_modified++;
        touch(path);
    } else if (r.status != 200)
        status_error(s, r.status, why, sizeof why);
    else
        validate(f, s, &r, why, sizeof why);
    if (answered && r.status == 200 && !why[0]) {
        s->bytes += r.size;
        uint64_t hash = hash_bytes(HASH_START, r.body, r.size);
        hash = hash ? hash : 1;
        if (hash == copy_hash) {
            s->not_modified++; /* the same bytes: a server that sends no ETag */
            touch(path);
        } else {
            char write_why[256];
            make_parents(f->content_dir, s->file);
            if (!folder_inside(f->content_dir, path)) {
                snprintf(why, sizeof why,
                         "%s: %s leads out of the content folder %s (a symbolic link?): it is "
                         "not written; name a file inside it",
                         s->url, path, f->content_dir);
            } else if (file_write_atomic(path, r.body, r.size, write_why, sizeof write_why)) {
                s->downloads++;
                s->last_change_ms = now_ms;
                LOG(LOG_INFO, "fetch", "%s: a new version (%zu bytes) written to %s", s->url,
                    r.size, path);
            } else {
                snprintf(why, sizeof why, "%s: cannot write %s: %s", s->url, path, write_why);
            }
        }
        if (!why[0]) {
            s->copy_hash = hash;
            replace_text(&s->etag, r.etag);
            replace_text(&s->last_modified, r.last_modified);
            r.etag = r.last_modified = NULL;
        }
    }
    bool failed = why[0] != '\0';
    if (failed) {
        s->failed++;
        if (strcmp(why, s->error) != 0 || s->failures == 0)
            LOG(LOG_WARN, "fetch", "%s%s", why,
                access(path, F_OK) == 0 ? " (the copy in the folder stays as it was)" : "");
    } else {
        if (s->error[0])
            LOG(LOG_INFO, "fetch", "%s: works again", s->url);
        s->last_success_ms = now_ms;
    }
    snprintf(s->error, sizeof s->error, "%s", why);
    fetch_plan_attempted(s, now_ms, failed, jitter_random());
    s->copy_mtime_ms = mtime_of(path);
    fetch_response_free(&r);
    free(path);
    return !failed;
}

/* Writes text (taken over) to path; a failure is logged when its reason is
 * not the one last logged in said, and a recovery too. */
static void write_file(const char *path, char *text, const char *what, char said[256])
{
    char why[256] = "out of memory";
    if (text && file_write_atomic(path, text, strlen(text), why, sizeof why)) {
        if (said[0])
            LOG(LOG_INFO, "fetch", "the %s %s is written again", what, path);
        said[0] = '\0';
    } else if (strcmp(why, said) != 0) {
        LOG(LOG_WARN, "fetch", "cannot write the %s %s: %s", what, path, why);
        snprintf(said, 256, "%s", why);
    }
    free(text);
}

/* The state, status and metrics files, written again. */
static void report(struct fetcher *f)
{
    int64_t now_ms = wall_ms();
    for (size_t i = 0; i < f->plan.count; i++) {
        struct fetch_source *s = &f->plan.sources[i];
        char *path = str_printf("%s/%s", f->content_dir, s->file);
        struct stat st;
        s->copy_mtime_ms = path && stat(path, &st) == 0
                               ? (int64_t)st.st_mtim.tv_sec * 1000 + st.st_mtim.tv_nsec / 1000000
                               : 0;
        free(path);
    }
    if (f->state_path)
        write_file(f->state_path, fetch_plan_state_json(&f->plan), "state file", f->state_why);
    if (f->status_path) {
        char *json = fetch_report_status(&f->plan, f->content_dir, now_ms);
        write_file(f->status_path, json ? str_printf("%s\n", json) : NULL, "status file",
                   f->status_why);
        free(json);
    }
    if (f->metrics_path)
        write_file(f->metrics_path,
                   fetch_report_metrics(&f->plan, f->content_dir, f->started_ms, now_ms),
                   "metrics file", f->metrics_why);
    f->reported_ms = now_ms;
}

/* Takes back what the state file knew of the sources. */
static void restore_state(struct fetcher *f)
{
    size_t size;
    char why[256];
    struct stat st;
    if (!f->state_path || stat(f->state_path, &st) != 0)
        return; /* none yet */
    char *text = file_read_all(f->state_path, 4 << 20, &size, why, sizeof why);
    if (!text)
        LOG(LOG_WARN, "fetch", "%s: %s: it starts afresh", f->state_path, why);
    else if (!fetch_plan_restore(&f->plan, text))
        LOG(LOG_WARN, "fetch", "%s is not a state hallscreen-fetch wrote: it starts afresh",
            f->state_path);
    free(text);
}

/* Waits up to wait_ms for SIGTERM, SIGINT or SIGHUP; returns the signal, or 0. */
static int wait_signal(const sigset_t *signals, int64_t wait_ms)
{
    struct timespec t = {.tv_sec = (time_t)(wait_ms / 1000),
                         .tv_nsec = (long)(wait_ms % 1000) * 1000000};
    int sig = sigtimedwait(signals, NULL, &t);
    return sig > 0 ? sig : 0;
}

/* Checks every source due (all of them with --once); false when one failed. */
static bool check_due(struct fetcher *f, bool all, bool *stopped)
{
    bool ok = true;
    for (size_t i = 0; i < f->plan.count && !*stopped; i++) {
        struct fetch_source *s = &f->plan.sources[i];
        if (all || s->next_ms <= wall_ms()) {
            ok = check_source(f, s, stopped) && ok;
            if (f->state_path && !*stopped)
                write_file(f->state_path, fetch_plan_state_json(&f->plan), "state file",
                           f->state_why);
        }
    }
    return ok;
}

static int run(struct fetcher *f)
{
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGHUP);
    sigprocmask(SIG_BLOCK, &signals, NULL); /* taken by sigtimedwait(), seen by downloads */
    while (!follow_event(f)) {              /* running on, it waits for a good event.yaml */
        if (f->once)
            return EXIT_USAGE;
        int sig = wait_signal(&signals, FETCH_STATUS_EVERY_MS);
        if (sig == SIGTERM || sig == SIGINT)
            return EXIT_SUCCESS;
    }
    restore_state(f);
    bool stopped = false;
    if (f->once) {
        if (f->plan.count == 0)
            LOG(LOG_INFO, "fetch", "no schedule: entry of event.yaml has a url: nothing to do");
        bool ok = check_due(f, true, &stopped);
        report(f);
        return ok && !stopped ? EXIT_SUCCESS : EXIT_SOURCE_FAILED;
    }
    report(f); /* the copies' modification times, for the start below */
    for (size_t i = 0; i < f->plan.count; i++)
        fetch_plan_start(&f->plan.sources[i], f->plan.sources[i].copy_mtime_ms != 0, wall_ms(),
                         jitter_random());
    while (!stopped) {
        check_due(f, false, &stopped);
        if (stopped)
            break;
        report(f);
        int64_t wait = fetch_plan_wait_ms(&f->plan, wall_ms());
        if (wait < 0 || wait > FETCH_STATUS_EVERY_MS)
            wait = FETCH_STATUS_EVERY_MS; /* the copies' ages stay fresh; event.yaml is read */
        int sig = wait_signal(&signals, wait);
        stopped = sig == SIGTERM || sig == SIGINT;
        follow_event(f);
        if (sig == SIGHUP) {
            LOG(LOG_INFO, "fetch", "SIGHUP: every source is checked now");
            for (size_t i = 0; i < f->plan.count; i++)
                f->plan.sources[i].next_ms = 0;
        }
    }
    report(f);
    LOG(LOG_INFO, "fetch", "stopped");
    return EXIT_SUCCESS;
}

int main(int argc, char **argv)
{
    static const struct option long_options[] = {
        {"once", no_argument, NULL, 'o'},         {"state", required_argument, NULL, 's'},
        {"status", required_argument, NULL, 'S'}, {"metrics", required_argument, NULL, 'm'},
        {"cafile", required_argument, NULL, 'c'}, {"timeout", required_argument, NULL, 't'},
        {"quiet", no_argument, NULL, 'q'},        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},      {NULL, 0, NULL, 0},
    };
    struct fetcher f = {.started_ms = wall_ms()};
    struct fetch_http_options http = {.timeout_s = FETCH_TIMEOUT_S,
                                      .connect_timeout_s = FETCH_CONNECT_TIMEOUT_S,
                                      .max_bytes = FETCH_MAX_BYTES,
                                      .max_redirects = FETCH_MAX_REDIRECTS,
                                      .user_agent = "hallscreen-fetch/" HALLSCREEN_VERSION};
    const char *state_dir = getenv("STATE_DIRECTORY");
    char *end;
    int c;
    while ((c = getopt_long(argc, argv, "", long_options, NULL)) != -1) {
        switch (c) {
        case 'o':
            f.once = true;
            break;
        case 's':
            state_dir = optarg;
            break;
        case 'S':
            f.status_path = optarg;
            break;
        case 'm':
            f.metrics_path = optarg;
            break;
        case 'c':
            http.cafile = optarg;
            break;
        case 't':
            http.timeout_s = strtol(optarg, &end, 10);
            if (*end || http.timeout_s < 1 || http.timeout_s > 3600) {
                fprintf(stderr, "hallscreen-fetch: --timeout: write seconds from 1 to 3600\n");
                return EXIT_USAGE;
            }
            break;
        case 'q':
            log_set_level(LOG_WARN);
            break;
        case 'h':
            fputs(usage, stdout);
            return EXIT_SUCCESS;
        case 'V':
            printf("hallscreen-fetch %s (%s)\n", HALLSCREEN_VERSION, fetch_http_version());
            return EXIT_SUCCESS;
        default:
            fputs(usage, stderr);
            return EXIT_USAGE;
        }
    }
    if (optind != argc - 1) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    f.content_dir = argv[optind];
    struct stat st;
    if (stat(f.content_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "hallscreen-fetch: %s: not a folder\n", f.content_dir);
        return EXIT_USAGE;
    }
    if (state_dir && state_dir[0]) {
        /* systemd may list several state folders, separated by colons: the first */
        size_t n = strcspn(state_dir, ":");
        char *dir = str_printf("%.*s", (int)n, state_dir);
        if (dir && mkdir(dir, 0755) != 0 && errno != EEXIST)
            LOG(LOG_WARN, "fetch", "cannot make the state folder %s: %s", dir, strerror(errno));
        f.state_path = dir ? str_printf("%s/state.json", dir) : NULL;
        free(dir);
    }
    /* A copy over ulimit -f (or a quota) fails its write, which is reported,
     * instead of ending the fetcher. */
    signal(SIGXFSZ, SIG_IGN);
    f.http = fetch_http_open(&http);
    if (!f.http) {
        fprintf(stderr, "hallscreen-fetch: libcurl cannot be set up\n");
        return EXIT_USAGE;
    }
    int status = run(&f);
    fetch_http_close(f.http);
    fetch_plan_free(&f.plan);
    event_free(&f.event);
    free(f.state_path);
    return status;
}
