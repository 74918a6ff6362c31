/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The stage timer as chairs use it, against the real clock: two timers
 * of parallel rooms with --sync, started 1.3 s apart, show the same second
 * in every sample (read through --status) and the right one; and the
 * chair's keys, pressed through XTest on an Xvfb display of the test's
 * own: Space holds and resumes, + gives a minute, - takes one, 0 goes back
 * to the schedule. Usage: test_timer_screens PROGRAM */
#include "temp.h"

#include <cjson/cJSON.h>
#include <dlfcn.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

enum { SAMPLE_MS = 37, RUN_MS = 5000 };

static int failures;

#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            failures++;                                                                            \
            printf("FAIL: " __VA_ARGS__);                                                          \
            putchar('\n');                                                                         \
        }                                                                                          \
    } while (0)

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
        fprintf(stderr, "cannot write %s\n", path);
        exit(1);
    }
}

/* A show whose room "Stage" has a talk that began 10 minutes ago (at a
 * whole minute) and lasts 40, in UTC (an end past midnight is the next
 * day's, as exports have it); its end, in ms since 1970. */
static int64_t make_show(const char *dir)
{
    char path[512], text[512];
    snprintf(path, sizeof path, "%s/event.yaml", dir);
    write_file(path, "name: Timers\ntimezone: UTC\n");
    time_t start = time(NULL) / 60 * 60 - 600, end = start + 2400, next = end + 900,
           next_end = next + 1800;
    struct tm a, b, c, d;
    gmtime_r(&start, &a);
    gmtime_r(&end, &b);
    gmtime_r(&next, &c);
    gmtime_r(&next_end, &d);
    snprintf(text, sizeof text,
             "date,start,end,room,title\n"
             "%04d-%02d-%02d,%02d:%02d,%02d:%02d,Stage,The talk on stage\n"
             "%04d-%02d-%02d,%02d:%02d,%02d:%02d,Stage,The next talk\n",
             a.tm_year + 1900, a.tm_mon + 1, a.tm_mday, a.tm_hour, a.tm_min, b.tm_hour, b.tm_min,
             c.tm_year + 1900, c.tm_mon + 1, c.tm_mday, c.tm_hour, c.tm_min, d.tm_hour, d.tm_min);
    snprintf(path, sizeof path, "%s/schedule.csv", dir);
    write_file(path, text);
    return (int64_t)end * 1000;
}

static pid_t start(const char *program, const char *dir, const char *status, bool windowed)
{
    char timer[] = "--timer", room[] = "Stage", sync[] = "--sync", status_option[] = "--status",
         window[] = "--windowed", size[] = "--size", small[] = "480x270";
    char *argv[] = {(char *)program, timer, room, sync, status_option, (char *)status,
                    (char *)dir,     NULL,  NULL, NULL, NULL};
    if (windowed) {
        argv[6] = window;
        argv[7] = size;
        argv[8] = small;
        argv[9] = (char *)dir;
    }
    pid_t pid;
    if (posix_spawn(&pid, program, NULL, NULL, argv, environ) != 0) {
        perror(program);
        exit(1);
    }
    return pid;
}

struct reading {
    bool ok, held;
    int seconds; /* of the count */
};

/* The timer as the status file says, if it can be read. */
static struct reading read_status(const char *path)
{
    struct reading r = {0};
    FILE *f = fopen(path, "r");
    if (!f)
        return r;
    char text[16384];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    cJSON *root = cJSON_Parse(text);
    cJSON *timer = cJSON_GetObjectItem(root, "timer");
    cJSON *count = cJSON_GetObjectItem(timer, "count");
    int m, s;
    if (cJSON_IsString(count) && sscanf(count->valuestring, "%d:%d", &m, &s) == 2) {
        r.ok = true;
        r.seconds = m * 60 + s;
        r.held = cJSON_IsTrue(cJSON_GetObjectItem(timer, "held"));
    }
    cJSON_Delete(root);
    return r;
}

/* Waits up to 10 s for the status file to be readable. */
static struct reading wait_status(const char *path)
{
    for (int i = 0; i < 500; i++) {
        struct reading r = read_status(path);
        if (r.ok)
            return r;
        usleep(20 * 1000);
    }
    return (struct reading){0};
}

static void stop(pid_t pid, const char *what)
{
    int status = 0;
    kill(pid, SIGTERM);
    waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s did not end well", what);
}

static void two_timers_show_the_same_second(const char *program, const char *root)
{
    char dir[400], status_a[450], status_b[450];
    snprintf(dir, sizeof dir, "%s/show", root);
    mkdir(dir, 0755);
    int64_t end = make_show(dir);
    snprintf(status_a, sizeof status_a, "%s/a.json", root);
    snprintf(status_b, sizeof status_b, "%s/b.json", root);
    setenv("SDL_VIDEODRIVER", "offscreen", 1);
    pid_t a = start(program, dir, status_a, true);
    usleep(1300 * 1000); /* the second starts 1.3 s late */
    pid_t b = start(program, dir, status_b, true);
    CHECK(wait_status(status_a).ok && wait_status(status_b).ok, "no timer in the status files");
    int samples = 0, differing = 0, wrong = 0, changes = 0, last = -1;
    for (int64_t stop_at = now_ms() + RUN_MS; now_ms() < stop_at; usleep(SAMPLE_MS * 1000)) {
        int64_t before = now_ms();
        struct reading ra = read_status(status_a), rb = read_status(status_b);
        int64_t after = now_ms();
        /* both read well inside one second of the clock: what each shows
         * then is that second's count */
        if (!ra.ok || !rb.ok || before / 1000 != after / 1000 || before % 1000 < 80)
            continue;
        samples++;
        int expected = (int)((end - before + 999) / 1000);
        differing += ra.seconds != rb.seconds;
        wrong += ra.seconds != expected;
        changes += last >= 0 && ra.seconds != last;
        last = ra.seconds;
    }
    stop(a, "the first timer");
    stop(b, "the second timer");
    printf("%d samples: %d differing, %d not the clock's second, %d ticks seen\n", samples,
           differing, wrong, changes);
    CHECK(samples >= 40, "too few samples (%d)", samples);
    CHECK(differing == 0, "the two timers showed different seconds");
    CHECK(wrong == 0, "a timer showed another second than the clock's");
    CHECK(changes >= 3, "the count did not tick");
}

/* An X server of the test's own, on the first display number free. */
static pid_t start_xvfb(char *display, size_t size)
{
    for (int n = 91; n < 191; n++) {
        char socket[64], lock[64];
        snprintf(socket, sizeof socket, "/tmp/.X11-unix/X%d", n);
        snprintf(lock, sizeof lock, "/tmp/.X%d-lock", n);
        if (access(socket, F_OK) == 0 || access(lock, F_OK) == 0)
            continue;
        snprintf(display, size, ":%d", n);
        char xvfb[] = "Xvfb", screen[] = "-screen", zero[] = "0", geometry[] = "640x360x24",
             nolisten[] = "-nolisten", tcp[] = "tcp";
        char *argv[] = {xvfb, display, screen, zero, geometry, nolisten, tcp, NULL};
        pid_t pid;
        if (posix_spawnp(&pid, "Xvfb", NULL, NULL, argv, environ) != 0)
            return -1;
        for (int i = 0; i < 500 && access(socket, F_OK) != 0; i++)
            usleep(20 * 1000);
        if (access(socket, F_OK) == 0)
            return pid;
        kill(pid, SIGTERM);
        waitpid(pid, NULL, 0);
    }
    return -1;
}

/* XTest, found at run time (libxtst6): no headers needed to build. */
struct xtest {
    void *x11, *xtst, *display;
    void *(*open_display)(const char *);
    unsigned long (*string_to_keysym)(const char *);
    unsigned char (*keysym_to_keycode)(void *, unsigned long);
    int (*fake_key)(void *, unsigned, int, unsigned long);
    int (*flush)(void *);
    int (*close_display)(void *);
};

static bool xtest_open(struct xtest *x, const char *display)
{
    x->x11 = dlopen("libX11.so.6", RTLD_NOW);
    x->xtst = dlopen("libXtst.so.6", RTLD_NOW);
    if (!x->x11 || !x->xtst)
        return false;
    *(void **)&x->open_display = dlsym(x->x11, "XOpenDisplay");
    *(void **)&x->string_to_keysym = dlsym(x->x11, "XStringToKeysym");
    *(void **)&x->keysym_to_keycode = dlsym(x->x11, "XKeysymToKeycode");
    *(void **)&x->flush = dlsym(x->x11, "XFlush");
    *(void **)&x->close_display = dlsym(x->x11, "XCloseDisplay");
    *(void **)&x->fake_key = dlsym(x->xtst, "XTestFakeKeyEvent");
    x->display = x->open_display ? x->open_display(display) : NULL;
    return x->display && x->string_to_keysym && x->keysym_to_keycode && x->flush && x->fake_key;
}

static void press(struct xtest *x, const char *keysym)
{
    unsigned code = x->keysym_to_keycode(x->display, x->string_to_keysym(keysym));
    x->fake_key(x->display, code, 1, 0);
    x->fake_key(x->display, code, 0, 0);
    x->flush(x->display);
}

/* Waits up to 5 s for the timer to hold (or not) and show near seconds. */
static struct reading wait_for(const char *status, bool held, int seconds)
{
    struct reading r = {0};
    for (int i = 0; i < 250; i++) {
        r = read_status(status);
        if (r.ok && r.held == held && abs(r.seconds - seconds) <= 2)
            return r;
        usleep(20 * 1000);
    }
    return r;
}

static void the_chairs_keys_hold_and_move_the_count(const char *program, const char *root)
{
    char display[16], dir[400], status[450];
    pid_t xvfb = start_xvfb(display, sizeof display);
    CHECK(xvfb > 0, "no Xvfb display could be started");
    if (xvfb <= 0)
        return;
    snprintf(dir, sizeof dir, "%s/keys", root);
    mkdir(dir, 0755);
    int64_t end = make_show(dir);
    snprintf(status, sizeof status, "%s/keys.json", root);
    setenv("DISPLAY", display, 1);
    unsetenv("SDL_VIDEODRIVER");
    pid_t pid = start(program, dir, status, false); /* fullscreen: the keys reach it */
    struct xtest x = {0};
    CHECK(xtest_open(&x, display), "XTest cannot be had (libX11, libXtst)");
    struct reading r = wait_status(status);
    CHECK(r.ok && !r.held, "the timer did not start counting");
    if (x.display && r.ok) {
#define SCHEDULE() ((int)((end - now_ms() + 999) / 1000))
        usleep(300 * 1000); /* the window has the keyboard */
        press(&x, "space");
        r = wait_for(status, true, SCHEDULE());
        CHECK(r.held, "Space did not hold the count");
        int held_at = r.seconds;
        usleep(2200 * 1000);
        r = read_status(status);
        CHECK(r.held && r.seconds == held_at, "the count moved while held (%d, then %d)", held_at,
              r.seconds);
        press(&x, "space");
        r = wait_for(status, false, held_at);
        CHECK(!r.held && abs(r.seconds - held_at) <= 1, "Space did not resume where it stood");
        int resumed = r.seconds;
        usleep(1500 * 1000);
        CHECK(read_status(status).seconds < resumed, "the count did not go on after Space");
        press(&x, "KP_Add");
        r = wait_for(status, false, SCHEDULE() + 2 + 60);
        CHECK(abs(r.seconds - (SCHEDULE() + 2 + 60)) <= 2, "+ did not give a minute");
        press(&x, "minus");
        press(&x, "minus");
        r = wait_for(status, false, SCHEDULE() + 2 - 60);
        CHECK(abs(r.seconds - (SCHEDULE() + 2 - 60)) <= 2, "- did not take a minute");
        press(&x, "0");
        r = wait_for(status, false, SCHEDULE());
        CHECK(abs(r.seconds - SCHEDULE()) <= 1, "0 did not go back to the schedule (%d, not %d)",
              r.seconds, SCHEDULE());
#undef SCHEDULE
    }
    stop(pid, "the timer under X");
    if (x.display)
        x.close_display(x.display);
    kill(xvfb, SIGTERM);
    waitpid(xvfb, NULL, 0);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_timer_screens PROGRAM\n");
        return 2;
    }
    char root[] = "/tmp/hallscreen-timers-" TEMP_SUFFIX;
    if (!mkdtemp(root))
        return 1;
    two_timers_show_the_same_second(argv[1], root);
    the_chairs_keys_hold_and_move_the_count(argv[1], root);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", root);
    puts(failures ? "FAIL" : "the timers count together and follow the keys");
    return failures ? 1 : 0;
}
