/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Two screens in step: two instances of the program, started seconds apart
 * on copies of the same folder with --sync, sampled through --status for
 * 30 s: the same slide in every sample, and each transition beginning on
 * both within one frame (1/60 s). Usage: test_sync_screens PROGRAM */
#include "temp.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
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

enum { SAMPLE_MS = 40, RUN_MS = 30000, MAX_STARTS = 512, FRAME_MS = 17 };

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
        fprintf(stderr, "cannot write %s\n", path);
        exit(1);
    }
}

/* A show of five slides of uneven lengths, in a folder under root. */
static void make_show(const char *root, const char *name)
{
    char dir[400], slides[450];
    snprintf(dir, sizeof dir, "%s/%s", root, name);
    snprintf(slides, sizeof slides, "%s/slides", dir);
    if (mkdir(dir, 0755) != 0 || mkdir(slides, 0755) != 0) {
        perror(dir);
        exit(1);
    }
    write_file(dir, "event.yaml", "name: Screens in step\ntimezone: Asia/Dubai\n");
    write_file(dir, "theme.yaml", "slide_duration: 2\ntransition_duration: 0.4\n");
    const char *durations[] = {"2", "2.6", "2.5", "2", "3.1"};
    for (int i = 0; i < 5; i++) {
        char file[32], text[128];
        snprintf(file, sizeof file, "slides/%d.yaml", i + 1);
        snprintf(text, sizeof text, "kind: headline\ntitle: Slide %d\nduration: %s\n", i + 1,
                 durations[i]);
        write_file(dir, file, text);
    }
}

static pid_t start(const char *program, const char *root, const char *name)
{
    char dir[400], status[450];
    snprintf(dir, sizeof dir, "%s/%s", root, name);
    snprintf(status, sizeof status, "%s/%s.json", root, name);
    char sync[] = "--sync", windowed[] = "--windowed", size[] = "--size", small[] = "480x270",
         status_option[] = "--status";
    char *argv[] = {(char *)program, sync, windowed, size, small, status_option, status, dir, NULL};
    setenv("SDL_VIDEODRIVER", "offscreen", 1);
    pid_t pid;
    if (posix_spawn(&pid, program, NULL, NULL, argv, environ) != 0) {
        perror(program);
        exit(1);
    }
    return pid;
}

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct sample {
    bool ok;
    char title[64];
    int64_t started; /* slide_started_ms */
};

/* The slide on screen as the status file says, if it can be read. */
static struct sample read_status(const char *root, const char *name)
{
    char path[450];
    snprintf(path, sizeof path, "%s/%s.json", root, name);
    struct sample s = {0};
    FILE *f = fopen(path, "r");
    if (!f)
        return s;
    char text[8192];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    cJSON *root_json = cJSON_Parse(text);
    cJSON *slide = cJSON_GetObjectItem(root_json, "slide");
    cJSON *title = cJSON_GetObjectItem(slide, "title");
    cJSON *started = cJSON_GetObjectItem(root_json, "slide_started_ms");
    cJSON *sync = cJSON_GetObjectItem(root_json, "sync");
    if (cJSON_IsString(title) && cJSON_IsNumber(started) &&
        cJSON_IsTrue(cJSON_GetObjectItem(sync, "in_step"))) {
        s.ok = true;
        snprintf(s.title, sizeof s.title, "%s", title->valuestring);
        s.started = (int64_t)started->valuedouble;
    }
    cJSON_Delete(root_json);
    return s;
}

/* Adds a transition start to the list, once. */
static void note_start(int64_t *starts, size_t *count, int64_t started)
{
    for (size_t i = 0; i < *count; i++)
        if (starts[i] == started)
            return;
    if (*count < MAX_STARTS)
        starts[(*count)++] = started;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_sync_screens PROGRAM\n");
        return 2;
    }
    char root[] = "/tmp/hallscreen-sync-" TEMP_SUFFIX;
    if (!mkdtemp(root))
        return 1;
    make_show(root, "a");
    make_show(root, "b");
    pid_t a = start(argv[1], root, "a");
    usleep(2300 * 1000); /* the second screen starts late */
    pid_t b = start(argv[1], root, "b");
    usleep(1500 * 1000);
    int64_t starts_a[MAX_STARTS], starts_b[MAX_STARTS];
    size_t count_a = 0, count_b = 0, samples = 0, differing = 0;
    int64_t end = now_ms() + RUN_MS;
    while (now_ms() < end) {
        struct sample sa = read_status(root, "a"), sb = read_status(root, "b");
        if (sa.ok && sb.ok) {
            samples++;
            note_start(starts_a, &count_a, sa.started);
            note_start(starts_b, &count_b, sb.started);
            /* the two files are read a moment apart: a sample on either side
             * of a change counts only when the change is not that moment */
            int64_t t = now_ms();
            bool changing = t - sa.started < 100 || t - sb.started < 100;
            if (strcmp(sa.title, sb.title) != 0 && !changing) {
                differing++;
                printf("differ: a shows '%s' (since %lld), b '%s' (since %lld)\n", sa.title,
                       (long long)sa.started, sb.title, (long long)sb.started);
            }
        }
        usleep(SAMPLE_MS * 1000);
    }
    kill(a, SIGTERM);
    kill(b, SIGTERM);
    int status_a = 0, status_b = 0;
    waitpid(a, &status_a, 0);
    waitpid(b, &status_b, 0);
    /* every transition of b (past its first slide) began on a within a frame */
    size_t matched = 0, compared = 0;
    int64_t worst = 0;
    for (size_t i = 1; i < count_b; i++) {
        int64_t nearest = INT64_MAX;
        for (size_t j = 0; j < count_a; j++) {
            int64_t d = llabs(starts_b[i] - starts_a[j]);
            nearest = d < nearest ? d : nearest;
        }
        compared++;
        matched += nearest <= FRAME_MS;
        worst = nearest > worst && nearest != INT64_MAX ? nearest : worst;
    }
    printf("%zu samples, %zu differing; %zu transitions compared, %zu within %d ms, worst %lld "
           "ms\n",
           samples, differing, compared, matched, FRAME_MS, (long long)worst);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", root);
    bool ok = samples > 300 && differing == 0 && compared >= 10 && matched == compared &&
              WIFEXITED(status_a) && WEXITSTATUS(status_a) == 0 && WIFEXITED(status_b) &&
              WEXITSTATUS(status_b) == 0;
    puts(ok ? "in step" : "FAIL: the screens were not in step");
    return ok ? 0 : 1;
}
