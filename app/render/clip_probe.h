/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Each new clip tried first in a child process of the program, so that a
 * file libmpv hangs or crashes on costs the show nothing; verdicts kept. */
#ifndef HALLSCREEN_CLIP_PROBE_H
#define HALLSCREEN_CLIP_PROBE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

/* What a probe child learnt of one file. */
struct clip_verdict {
    char path[512];
    off_t size;
    int64_t mtime_ns;
    bool sound_tested; /* audio was asked for and tried */
    bool ok;
    bool no_sound;     /* sound was asked for and no device plays it */
    int rotation;      /* clockwise degrees the picture needs to stand upright */
    int width, height; /* of the picture upright; 0: not told */
    char problem[200]; /* why not ok */
};

struct clip_probe; /* a probe in flight */

/* In a process started as a probe child: runs the probe and ends the
 * process; in any other, returns at once. A constructor calls it before
 * main() in a program that links this file; the program proper, loaded
 * as a module by its start, calls it first thing instead (see
 * clip_probe.c). */
void clip_probe_serve(void);

/* True in a probe child: the process that only tries a clip. */
bool clip_probe_in_child(void);

/* The verdict on path as it is now, good for a request with or without
 * sound; false when the file was never probed (or has changed since).
 * In a probe child always true: ok, turned as the child is trying it. */
bool clip_probe_known(const char *path, bool audio, struct clip_verdict *out);

/* The upright size of the clip at path once a probe has played it, from
 * the verdicts kept (no file is looked at: cheap enough for every frame);
 * false when none is known. */
bool clip_probe_size(const char *path, int *width, int *height);

/* Tries path apart in a child process, on a thread of its own; a byte is
 * written to wake_fd (if not -1) when the verdict is in. NULL, with errno
 * set, when it cannot be started. */
struct clip_probe *clip_probe_start(const char *path, const char *hwdec, bool audio, int wake_fd);

/* Whether the probe is done; if so its verdict is copied to out. */
bool clip_probe_done(struct clip_probe *p, struct clip_verdict *out);

/* Lets go of the probe (NULL is fine): freed now when done, else by its
 * thread, which then writes to no descriptor. */
void clip_probe_drop(struct clip_probe *p);

/* Probe threads still running, which exit should wait for. */
int clip_probe_running(void);

#endif
