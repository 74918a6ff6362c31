/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The probe child: each new clip is first opened in a child process of the
 * program itself, and what came of it is kept per file (path, size, mtime). */
#include "clip_probe.h"

#include "video_internal.h"
#include "../platform/clock.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

enum {
    PROBE_WAIT_MS = VIDEO_OPEN_TIMEOUT_MS + 5000, /* a probe child still busy then is killed */
    VERDICTS_MAX = 256,                           /* files whose probe verdict is kept */
};

extern char **environ;

/* A probe in flight, shared by its thread and the clip until both let go. */
struct clip_probe {
    pthread_mutex_t lock;
    bool done, abandoned;
    int wake_fd;
    char hwdec[32];
    bool audio;
    struct clip_verdict result;
};

static const char PROBE_ENV[] = "HALLSCREEN_CLIP_PROBE"; /* set: this process is a probe child */
static bool in_probe;                                    /* this process is a probe child */
static int probe_turn;     /* in a probe child: the rotation its second opening tries */
static atomic_int running; /* probe threads not yet ended */

static pthread_mutex_t verdicts_lock = PTHREAD_MUTEX_INITIALIZER;
static struct clip_verdict verdicts[VERDICTS_MAX];
static size_t verdict_count, verdict_next;

static bool file_identity(const char *path, off_t *size, int64_t *mtime_ns)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return false;
    *size = st.st_size;
    *mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
    return true;
}

bool clip_probe_in_child(void)
{
    return in_probe;
}

bool clip_probe_known(const char *path, bool audio, struct clip_verdict *out)
{
    if (in_probe) {
        *out = (struct clip_verdict){.ok = true, .rotation = probe_turn};
        return true;
    }
    off_t size;
    int64_t mtime_ns;
    if (!file_identity(path, &size, &mtime_ns))
        return false;
    bool found = false;
    pthread_mutex_lock(&verdicts_lock);
    for (size_t i = 0; i < verdict_count && !found; i++) {
        const struct clip_verdict *d = &verdicts[i];
        found = strcmp(d->path, path) == 0 && d->size == size && d->mtime_ns == mtime_ns &&
                (d->sound_tested || !audio || !d->ok);
        if (found)
            *out = *d;
    }
    pthread_mutex_unlock(&verdicts_lock);
    return found;
}

bool clip_probe_size(const char *path, int *width, int *height)
{
    bool found = false;
    pthread_mutex_lock(&verdicts_lock);
    for (size_t i = 0; i < verdict_count && !found; i++) {
        const struct clip_verdict *d = &verdicts[i];
        found = strcmp(d->path, path) == 0 && d->ok && d->width > 0 && d->height > 0;
        if (found)
            *width = d->width, *height = d->height;
    }
    pthread_mutex_unlock(&verdicts_lock);
    return found;
}

static void verdict_keep(const struct clip_verdict *d)
{
    pthread_mutex_lock(&verdicts_lock);
    size_t i = 0;
    while (i < verdict_count && strcmp(verdicts[i].path, d->path) != 0)
        i++;
    if (i == verdict_count) {
        if (verdict_count < VERDICTS_MAX)
            verdict_count++;
        else /* full: the oldest goes */
            i = verdict_next++ % VERDICTS_MAX;
    }
    verdicts[i] = *d;
    pthread_mutex_unlock(&verdicts_lock);
}

/* A byte on the wake-up descriptor, if there is one. */
static void ring(int fd)
{
    if (fd >= 0 && write(fd, "v", 1) < 0) {
        /* the pipe is full: a wake-up is pending already */
    }
}

/* Why a probe child ended as it did, in the show's words; where the
 * process's memory is limited, any failure may come from that, so it says so. */
static void probe_judge(struct clip_verdict *d, const char *said, int status)
{
    int silent = 0;
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) {
        snprintf(d->problem, sizeof d->problem,
                 "hangs the video library while being opened (given up after %d s)",
                 PROBE_WAIT_MS / 1000);
    } else if (WIFSIGNALED(status)) {
        snprintf(d->problem, sizeof d->problem, "makes the video library crash (%s)",
                 strsignal(WTERMSIG(status)));
    } else if (sscanf(said, "ok %d %d %d %d", &d->rotation, &silent, &d->width, &d->height) >= 2) {
        d->ok = true;
        d->no_sound = silent != 0;
        return;
    } else if (strncmp(said, "fail ", 5) == 0) {
        snprintf(d->problem, sizeof d->problem, "%.*s", (int)strcspn(said + 5, "\n"), said + 5);
    } else {
        snprintf(d->problem, sizeof d->problem, "cannot be tried: its probe ended with status %d",
                 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    }
    struct rlimit limit;
    size_t used = strlen(d->problem);
    if (getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY &&
        !strstr(d->problem, "short of memory"))
        snprintf(d->problem + used, sizeof d->problem - used,
                 "; this process's memory is limited to %llu MB: perhaps it ran short",
                 (unsigned long long)(limit.rlim_cur >> 20));
}

/* Runs a probe child of this very program on the file, waits for it (a
 * probe that hangs is killed) and fills in the verdict. */
static void probe_run(struct clip_probe *p)
{
    struct clip_verdict *d = &p->result;
    char path_var[600], hwdec_var[64], audio_var[64];
    snprintf(path_var, sizeof path_var, "%s=%s", PROBE_ENV, d->path);
    snprintf(hwdec_var, sizeof hwdec_var, "%s_HWDEC=%s", PROBE_ENV, p->hwdec);
    snprintf(audio_var, sizeof audio_var, "%s_AUDIO=%d", PROBE_ENV, p->audio);
    size_t n = 0;
    while (environ[n])
        n++;
    char **env = calloc(n + 4, sizeof *env);
    int out[2] = {-1, -1};
    if (!env || pipe(out) != 0 || fcntl(out[0], F_SETFD, FD_CLOEXEC) != 0 ||
        fcntl(out[1], F_SETFD, FD_CLOEXEC) != 0) {
        if (out[0] >= 0)
            close(out[0]), close(out[1]);
        free(env);
        snprintf(d->problem, sizeof d->problem, "cannot be tried: %s", strerror(errno));
        return;
    }
    memcpy(env, environ, n * sizeof *env);
    env[n] = path_var, env[n + 1] = hwdec_var, env[n + 2] = audio_var;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    /* the libraries' own lines, in a probe, are nobody's business */
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    char name[] = "hallscreen-clip-probe";
    char *argv[] = {name, NULL};
    pid_t pid;
    int spawned = posix_spawn(&pid, "/proc/self/exe", &actions, NULL, argv, env);
    posix_spawn_file_actions_destroy(&actions);
    free(env);
    close(out[1]);
    if (spawned != 0) {
        close(out[0]);
        snprintf(d->problem, sizeof d->problem, "cannot be tried: %s", strerror(spawned));
        return;
    }
    char said[256] = "";
    size_t got = 0;
    int64_t until = clock_monotonic_ms() + PROBE_WAIT_MS;
    for (;;) {
        int64_t left = until - clock_monotonic_ms();
        struct pollfd fd = {.fd = out[0], .events = POLLIN};
        if (left <= 0 || (poll(&fd, 1, (int)left) < 0 && errno != EINTR)) {
            kill(pid, SIGKILL);
            break;
        }
        if (!fd.revents)
            continue;
        ssize_t r = read(out[0], said + got, sizeof said - 1 - got);
        if (r <= 0 || (got += (size_t)r) == sizeof said - 1)
            break;
    }
    said[got] = '\0';
    close(out[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    probe_judge(d, said, status);
}

static void *probe_thread(void *data)
{
    struct clip_probe *p = data;
    probe_run(p);
    verdict_keep(&p->result);
    pthread_mutex_lock(&p->lock);
    p->done = true;
    bool abandoned = p->abandoned;
    ring(p->wake_fd);
    pthread_mutex_unlock(&p->lock);
    if (abandoned) {
        pthread_mutex_destroy(&p->lock);
        free(p);
    }
    atomic_fetch_sub(&running, 1);
    return NULL;
}

struct clip_probe *clip_probe_start(const char *path, const char *hwdec, bool audio, int wake_fd)
{
    struct clip_probe *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    pthread_mutex_init(&p->lock, NULL);
    p->wake_fd = wake_fd;
    p->audio = audio;
    snprintf(p->hwdec, sizeof p->hwdec, "%s", hwdec);
    snprintf(p->result.path, sizeof p->result.path, "%s", path);
    p->result.sound_tested = audio;
    if (!file_identity(path, &p->result.size, &p->result.mtime_ns))
        p->result.size = -1;
    atomic_fetch_add(&running, 1);
    pthread_attr_t attr;
    pthread_t thread;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    bool started = pthread_create(&thread, &attr, probe_thread, p) == 0;
    pthread_attr_destroy(&attr);
    if (!started) {
        atomic_fetch_sub(&running, 1);
        pthread_mutex_destroy(&p->lock);
        free(p);
        return NULL;
    }
    return p;
}

bool clip_probe_done(struct clip_probe *p, struct clip_verdict *out)
{
    pthread_mutex_lock(&p->lock);
    bool done = p->done;
    *out = p->result;
    pthread_mutex_unlock(&p->lock);
    return done;
}

void clip_probe_drop(struct clip_probe *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->lock);
    bool done = p->done;
    p->abandoned = true;
    p->wake_fd = -1;
    pthread_mutex_unlock(&p->lock);
    if (done) {
        pthread_mutex_destroy(&p->lock);
        free(p);
    }
}

int clip_probe_running(void)
{
    return atomic_load(&running);
}

/* A probe child's work: opens the clip as the show would and says what
 * came of it on its output ("ok ROTATION NO_SOUND" or "fail PROBLEM").
 * Whatever libmpv does to this process, the show goes on. */
static void probe_child(const char *path)
{
    in_probe = true;
    const char *crash = getenv("HALLSCREEN_TEST_PROBE_CRASH"); /* tests: a library that aborts */
    if (crash && *crash && strstr(path, crash))
        abort();
    const char *audio = getenv("HALLSCREEN_CLIP_PROBE_AUDIO");
    struct video_request rq = {.path = path,
                               .audio = audio && strcmp(audio, "1") == 0,
                               .plays = 1,
                               .focus_x = 0.5f,
                               .focus_y = 0.5f,
                               .align_y = 0.5f,
                               .hwdec = getenv("HALLSCREEN_CLIP_PROBE_HWDEC"),
                               .wake_fd = -1};
    char err[256];
    struct video *v = video_open_wait(&rq, err, sizeof err);
    int rotation = 0;
    bool no_sound = false;
    if (v) {
        int64_t seen = 0;
        video_findings(v, &seen, &no_sound);
        rotation = (int)(((seen % 360) + 360) % 360);
        if (rotation % 90 != 0)
            rotation = 0; /* a slant is not turned */
        if (rotation) {   /* once more, turned upright as the show will */
            probe_turn = rotation;
            v = video_open_wait(&rq, err, sizeof err);
        }
    }
    struct video_info info = {0};
    if (v)
        video_info(v, &info);
    if (v)
        dprintf(1, "ok %d %d %d %d\n", rotation, no_sound, info.width, info.height);
    else
        dprintf(1, "fail %s\n", err);
    _exit(0); /* without freeing libmpv: its shutdown costs time, and nothing is kept */
}

void clip_probe_serve(void)
{
    const char *path = getenv(PROBE_ENV);
    if (path && *path)
        probe_child(path);
}

/* Defined by the program's start (app/launch.c), which loads the program
 * as a module: a constructor there runs inside dlopen(), under the
 * dynamic loader's lock, which libmpv's threads would wait for, so the
 * program calls clip_probe_serve() itself. Absent (weak: NULL) in a
 * program that links this file, a test or the bench. */
extern const char hallscreen_launch_marker __attribute__((weak));

/* Before main(): a process started as a probe child runs the probe and
 * ends; any other goes on into the program. */
__attribute__((constructor)) static void probe_entry(void)
{
    if (!&hallscreen_launch_marker)
        clip_probe_serve();
}
