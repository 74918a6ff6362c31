/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Wakes the main loop, asleep in SDL_WaitEventTimeout, when a file
 * descriptor (inotify, the signal pipe) becomes readable: a thread waits on
 * them and pushes an SDL event. */
#ifndef HALLSCREEN_WAKEUP_H
#define HALLSCREEN_WAKEUP_H

#include <SDL.h>

#define WAKEUP_MAX_FDS 6

struct wakeup;

/* Starts listening on the fds (entries of -1 are skipped); each time one is
 * readable an event of event_type is pushed. NULL on failure. */
struct wakeup *wakeup_start(const int *fds, int count, Uint32 event_type);

/* A descriptor that becomes readable with each wake-up, for a loop that
 * sleeps in poll() rather than in SDL_WaitEventTimeout(). */
int wakeup_fd(const struct wakeup *w);

/* The main loop has read the fds: listen again. */
void wakeup_rearm(struct wakeup *w);

/* Stops the thread; NULL is fine. */
void wakeup_stop(struct wakeup *w);

#endif
