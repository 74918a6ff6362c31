/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The metrics file: valid Prometheus text exposition format (checked by a
 * small parser of the format, below), with the figures the show gives. */
#include "../app/monitor/metrics.h"

#include <ctype.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

enum { MAX_NAMES = 64, MAX_SERIES = 128 };

struct parsed {
    char types[MAX_NAMES][64], type_of[MAX_NAMES][16];
    size_t type_count;
    char series[MAX_SERIES][160]; /* name{labels} */
    double values[MAX_SERIES];
    size_t series_count;
};

static bool name_char(char c, bool first)
{
    return isalpha((unsigned char)c) || c == '_' || c == ':' ||
           (!first && isdigit((unsigned char)c));
}

/* The length of a metric or label name at p, 0 when there is none. */
static size_t name_length(const char *p)
{
    size_t n = 0;
    while (name_char(p[n], n == 0))
        n++;
    return n;
}

/* Parses {a="x",b="y"} at p; returns the length, 0 when malformed. */
static size_t labels_length(const char *p)
{
    size_t i = 1;
    if (p[0] != '{')
        return 0;
    while (p[i] != '}') {
        size_t n = name_length(p + i);
        if (n == 0 || p[i + n] != '=' || p[i + n + 1] != '"')
            return 0;
        i += n + 2;
        while (p[i] && p[i] != '"')
            i += p[i] == '\\' && p[i + 1] ? 2 : 1;
        if (p[i] != '"')
            return 0;
        i++;
        if (p[i] == ',')
            i++;
        else if (p[i] != '}')
            return 0;
    }
    return i + 1;
}

static const char *type_of(const struct parsed *p, const char *name, size_t n)
{
    for (size_t i = 0; i < p->type_count; i++)
        if (strlen(p->types[i]) == n && strncmp(p->types[i], name, n) == 0)
            return p->type_of[i];
    return NULL;
}

/* Parses text as the exposition format, failing the test at the first line
 * that is not in it. */
static void parse(const char *text, struct parsed *p)
{
    memset(p, 0, sizeof *p);
    for (const char *line = text; *line;) {
        const char *end = strchr(line, '\n');
        assert_non_null(end); /* every line ends in a newline */
        char buf[512];
        size_t len = (size_t)(end - line);
        assert_true(len < sizeof buf);
        memcpy(buf, line, len);
        buf[len] = '\0';
        line = end + 1;
        if (strncmp(buf, "# HELP ", 7) == 0) {
            size_t n = name_length(buf + 7);
            assert_true(n > 0 && buf[7 + n] == ' ' && buf[8 + n]);
            continue;
        }
        if (strncmp(buf, "# TYPE ", 7) == 0) {
            size_t n = name_length(buf + 7);
            assert_true(n > 0 && buf[7 + n] == ' ');
            const char *type = buf + 8 + n;
            assert_true(strcmp(type, "gauge") == 0 || strcmp(type, "counter") == 0);
            assert_null(type_of(p, buf + 7, n)); /* declared once */
            assert_true(p->type_count < MAX_NAMES);
            snprintf(p->types[p->type_count], sizeof p->types[0], "%.*s", (int)n, buf + 7);
            snprintf(p->type_of[p->type_count++], sizeof p->type_of[0], "%.15s", type);
            continue;
        }
        assert_true(buf[0] != '#' && buf[0] != '\0');
        size_t n = name_length(buf);
        assert_true(n > 0);
        const char *type = type_of(p, buf, n);
        assert_non_null(type); /* typed before its first sample */
        if (strcmp(type, "counter") == 0)
            assert_true(n > 6 && strncmp(buf + n - 6, "_total", 6) == 0);
        size_t labels = buf[n] == '{' ? labels_length(buf + n) : 0;
        assert_true(buf[n] != '{' || labels > 0);
        assert_true(buf[n + labels] == ' ');
        char *value_end;
        double value = strtod(buf + n + labels + 1, &value_end);
        assert_true(*value_end == '\0' && value_end != buf + n + labels + 1);
        assert_true(isfinite(value));
        for (size_t i = 0; i < p->series_count; i++) /* each series once */
            assert_true(strlen(p->series[i]) != n + labels ||
                        strncmp(p->series[i], buf, n + labels) != 0);
        assert_true(p->series_count < MAX_SERIES);
        snprintf(p->series[p->series_count], sizeof p->series[0], "%.*s", (int)(n + labels), buf);
        p->values[p->series_count++] = value;
    }
}

static double value_of(const struct parsed *p, const char *series)
{
    for (size_t i = 0; i < p->series_count; i++)
        if (strcmp(p->series[i], series) == 0)
            return p->values[i];
    fail_msg("no series %s", series);
    return NAN;
}

static void the_file_is_prometheus_text_with_the_shows_figures(void **state)
{
    (void)state;
    char title[] = "Welcome", source[] = "a.yaml";
    struct slide slides[2] = {{.kind = SLIDE_HEADLINE, .title = title, .source = source},
                              {.kind = SLIDE_VIDEO, .title = title, .source = source}};
    struct programme shown = {.slides = slides, .slide_count = 2};
    struct metrics m = {.now_ms = 1739340060000,
                        .started_ms = 1739340000500,
                        .shown = &shown,
                        .current = 1,
                        .reloads = 7,
                        .failed_reloads = 2,
                        .last_good_reload_ms = 1739340050000,
                        .errors = 3,
                        .warnings = 1,
                        .transitions = 41,
                        .frames_dropped = 5,
                        .resident_bytes = 25 << 20,
                        .clock_synchronised = true,
                        .sync = true,
                        .in_step = false};
    char *text = metrics_text(&m);
    assert_non_null(text);
    struct parsed p;
    parse(text, &p);
    assert_true(value_of(&p, "hallscreen_up") == 1);
    assert_true(value_of(&p, "hallscreen_start_time_seconds") == 1739340000.5);
    assert_true(value_of(&p, "hallscreen_slides") == 2);
    assert_true(value_of(&p, "hallscreen_slide_index") == 1);
    assert_true(value_of(&p, "hallscreen_slide_kind{kind=\"video\"}") == 1);
    assert_true(value_of(&p, "hallscreen_slide_kind{kind=\"headline\"}") == 0);
    assert_true(value_of(&p, "hallscreen_reloads_total") == 7);
    assert_true(value_of(&p, "hallscreen_reload_failures_total") == 2);
    assert_true(value_of(&p, "hallscreen_seconds_since_good_reload") == 10);
    assert_true(value_of(&p, "hallscreen_content_problems{severity=\"error\"}") == 3);
    assert_true(value_of(&p, "hallscreen_content_problems{severity=\"warning\"}") == 1);
    assert_true(value_of(&p, "hallscreen_transitions_total") == 41);
    assert_true(value_of(&p, "hallscreen_dropped_frames_total") == 5);
    assert_true(value_of(&p, "hallscreen_resident_memory_bytes") == 25 << 20);
    assert_true(value_of(&p, "hallscreen_clock_synchronised") == 1);
    assert_true(value_of(&p, "hallscreen_sync_enabled") == 1);
    assert_true(value_of(&p, "hallscreen_sync_in_step") == 0);
    char series[80];
    snprintf(series, sizeof series, "hallscreen_programme_info{programme=\"%016llx\"}",
             (unsigned long long)programme_fingerprint(&shown));
    assert_true(value_of(&p, series) == 1);
    free(text);
    /* a screen's label on every series, quotes in it escaped */
    m.screen = "hall \"B\"";
    m.shown = NULL;
    text = metrics_text(&m);
    parse(text, &p);
    assert_true(value_of(&p, "hallscreen_slide_index{screen=\"hall \\\"B\\\"\"}") == -1);
    assert_true(value_of(&p, "hallscreen_slide_kind{screen=\"hall \\\"B\\\"\",kind=\"video\"}") ==
                0);
    for (size_t i = 0; i < p.series_count; i++)
        assert_non_null(strstr(p.series[i], "{screen="));
    free(text);
}

/* Screens whose folders differ by one slide, or by a slide's time, tell
 * it by their fingerprints; the same programme read twice has one. */
static void a_programme_differing_by_a_slide_has_another_fingerprint(void **state)
{
    (void)state;
    char a[] = "Welcome", b[] = "Lunch", source[] = "a.yaml";
    struct slide slides[3] = {{.kind = SLIDE_HEADLINE, .title = a, .source = source},
                              {.kind = SLIDE_HEADLINE, .title = b, .source = source},
                              {.kind = SLIDE_HEADLINE, .title = b, .source = source}};
    struct programme two = {.slides = slides, .slide_count = 2};
    struct programme same = {.slides = slides + 1, .slide_count = 2};
    struct programme three = {.slides = slides, .slide_count = 3};
    uint64_t before = programme_fingerprint(&two);
    assert_true(before != programme_fingerprint(&three));
    assert_true(before != programme_fingerprint(&same)); /* Lunch, Lunch */
    slides[1].duration_ms = 5000;
    assert_true(before != programme_fingerprint(&two));
    slides[1].duration_ms = 0;
    assert_true(before == programme_fingerprint(&two));
}

/* The age of each schedule export the programme takes talks from (not
 * of slide files, each export once), from its modification time; a gone
 * export has a time of 0 and no age. */
static void each_schedule_export_played_has_its_age(void **state)
{
    (void)state;
    char dir[] = "/tmp/hallscreen-metrics-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128], talk_a[160], talk_b[160], gone[160], title[] = "Talk", slide[] = "a.yaml";
    snprintf(path, sizeof path, "%s/live/schedule.json", dir);
    snprintf(talk_a, sizeof talk_a, "%s#1", path);
    snprintf(talk_b, sizeof talk_b, "%s#2", path);
    snprintf(gone, sizeof gone, "%s/gone.csv#1", dir);
    char live[128];
    snprintf(live, sizeof live, "%s/live", dir);
    assert_int_equal(mkdir(live, 0755), 0);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fclose(f);
    struct timespec times[2] = {{1739337600, 0}, {1739337600, 0}}; /* 2025-02-12 05:20 UTC */
    assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
    struct slide slides[4] = {
        {.kind = SLIDE_HEADLINE, .title = title, .source = slide},
        {.kind = SLIDE_SESSION, .title = title, .source = talk_a, .scheduled = true},
        {.kind = SLIDE_SESSION, .title = title, .source = talk_b, .scheduled = true},
        {.kind = SLIDE_SESSION, .title = title, .source = gone, .scheduled = true}};
    struct programme prog = {.content_dir = dir, .slides = slides, .slide_count = 4};
    struct metrics m = {.now_ms = 1, .content = &prog, .wall_ms = 1739340000000};
    char *text = metrics_text(&m);
    assert_non_null(text);
    struct parsed p;
    parse(text, &p);
    assert_true(value_of(&p, "hallscreen_schedule_age_seconds{file=\"live/schedule.json\"}") ==
                2400);
    assert_true(value_of(&p, "hallscreen_schedule_modified_timestamp_seconds{file=\"live/"
                             "schedule.json\"}") == 1739337600);
    assert_true(value_of(&p, "hallscreen_schedule_modified_timestamp_seconds{file=\"gone.csv\"}") ==
                0);
    assert_null(strstr(text, "hallscreen_schedule_age_seconds{file=\"gone.csv\"}"));
    assert_null(strstr(text, "a.yaml"));
    free(text);
    remove(path);
    rmdir(live);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_file_is_prometheus_text_with_the_shows_figures),
        cmocka_unit_test(a_programme_differing_by_a_slide_has_another_fingerprint),
        cmocka_unit_test(each_schedule_export_played_has_its_age),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
