/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Noticing changes in the content folder: inotify where the kernel sees
 * them, or polling file sizes and times (network shares, no inotify, or on
 * request). Each change is passed on as a file event. */
#ifndef HALLSCREEN_WATCH_H
#define HALLSCREEN_WATCH_H

#include "settle.h"

#include <stdbool.h>
#include <stdint.h>

struct watch;

/* Watches dir with inotify, or by polling every poll_ms when poll_ms > 0 or
 * inotify cannot be used. The folder may be a symbolic link: when the link
 * is swapped for one to another folder, that folder is watched. NULL when
 * memory runs out; every function below takes NULL as a watch that sees
 * nothing. */
struct watch *watch_open(const char *dir, int poll_ms);

/* Stops watching; NULL is fine. */
void watch_close(struct watch *w);

/* The file descriptor that becomes readable when inotify has events; -1
 * when polling. */
int watch_fd(const struct watch *w);

/* True when the watch polls (or there is none). */
bool watch_polls(const struct watch *w);

/* Watches the folder afresh, as at the start, and notes in settle that
 * everything must be read again (SIGHUP). */
void watch_restart(struct watch *w, struct settle *settle, int64_t now_ms);

/* Milliseconds until watch_check() should run again: the next poll, or the
 * next try to watch a folder that has gone; -1 when only the fd matters. */
int64_t watch_wait_ms(const struct watch *w, int64_t now_ms);

/* Reads inotify's events, or polls when it is time, and notes every change
 * in settle. Never blocks. */
void watch_check(struct watch *w, struct settle *settle, int64_t now_ms);

#endif
