/* The show's figures in Prometheus' text format, for node_exporter's
 * textfile collector: one file a screen, rewritten whole. */
#ifndef HALLSCREEN_METRICS_H
#define HALLSCREEN_METRICS_H

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
};

/* The figures as exposition-format text (each with HELP and TYPE lines);
 * malloc'd, NULL when memory runs out. */
char *metrics_text(const struct metrics *m);

#endif
