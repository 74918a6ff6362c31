/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The show's figures in Prometheus' text format, for node_exporter's
 * textfile collector: one file a screen, rewritten whole. */
#ifndef HALLSCREEN_METRICS_H
#define HALLSCREEN_METRICS_H

#include "../limits.h"
#include "../model/programme.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct metrics {
    const char *screen; /* the screen label's value; NULL: no label */
    int64_t now_ms;     /* ms since 1970 UTC */
    int64_t started_ms; /* when the program started */
    const struct programme *shown;
    size_t current; /* the slide on screen, an index into shown */
    unsigned long reloads, failed_reloads;
    int64_t last_good_reload_ms; /* 0: none yet */
    size_t errors, warnings;     /* content problems now */
    unsigned long transitions, frames_dropped;
    long resident_bytes; /* -1: unknown */
    bool clock_synchronised, sync, in_step;
    /* the schedule's age: the exports the whole programme takes talks from */
    const struct programme *content; /* NULL: none */
    int64_t wall_ms;                 /* ms since 1970, real time even with --now */
};

/* The figures as exposition-format text (each with HELP and TYPE lines);
 * malloc'd, NULL when memory runs out. */
char *metrics_text(const struct metrics *m);

/* The metrics file (--metrics) and when it is due. */
struct metrics_file {
    const char *path; /* NULL: no metrics file */
    int64_t due_ms;   /* when to write it next */
    char error[256];  /* why the last write failed; "" when it did not */
};

/* True when the file is due at now_ms: every METRICS_EVERY_MS, and at once
 * after metrics_file_soon(). Moves the next time on when it is. */
bool metrics_file_due(struct metrics_file *f, int64_t now_ms);

/* Has the file written at the next metrics_file_due(). */
void metrics_file_soon(struct metrics_file *f, int64_t now_ms);

/* Milliseconds until the file is due; -1: no file. */
int64_t metrics_file_wait_ms(const struct metrics_file *f, int64_t now_ms);

/* Writes the figures to the file whole (atomically). A failure is logged
 * once, and its recovery too. */
void metrics_file_write(struct metrics_file *f, const struct metrics *m);

/* The program's resident memory in bytes, -1 when unknown. */
long metrics_resident_bytes(void);

#endif
