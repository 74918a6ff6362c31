/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The command line. */
#ifndef HALLSCREEN_OPTIONS_H
#define HALLSCREEN_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct options {
    const char *content_dir;     /* NULL: the bundled show */
    const char *assets_dir;      /* NULL: found next to the program */
    const char *render_dir;      /* --render: write PNGs here and exit */
    const char *status_path;     /* --status: keep the show's state in this file */
    const char *metrics_path;    /* --metrics: keep figures for Prometheus in this file */
    const char *screenshot_path; /* --screenshot: SIGUSR1 writes the screen here */
    const char *state_dir;       /* --state: what the screen saw of the programme; NULL: none */
    const char *overlay_dir;     /* --overlay: alert.yaml and rooms.yaml read from here first */
    int poll_ms;                 /* --poll: look for changes this often instead of inotify */
    int settle_ms;               /* --settle: quiet time before reading a file still open */
    int rotate;                  /* --rotate: 0, 90, 180 or 270 degrees clockwise */
    int display;                 /* --display: which monitor, from 0 */
    const char *renderer;        /* --renderer: "auto", "software" or "gpu" */
    const char *room;            /* --room: the one room this screen shows; NULL: all */
    const char *hwdec;           /* --hwdec: how clips are decoded; NULL: auto-safe */
    const char *timer_room;      /* --timer: the stage timer of this room instead of slides */
    bool windowed;
    bool check;
    bool json;     /* --check --json */
    bool sync;     /* --sync: slides follow the clock */
    int verbosity; /* --verbose 1, --quiet -1, else 0 */
    bool help, version;
    int width, height; /* 0: the default for the mode */
    bool has_now;
    int64_t now; /* --now, seconds since 1970 in event time */
};

/* Parses argv. Returns false with a one-line reason in err when the command
 * line is wrong. */
bool options_parse(int argc, char **argv, struct options *opts, char *err, size_t err_size);

/* The text of --help. */
extern const char options_usage[];

#endif
