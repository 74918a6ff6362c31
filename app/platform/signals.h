/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SIGHUP and SIGUSR1 as bytes on a pipe, so the main loop can wait for them
 * with everything else. (SDL turns SIGINT and SIGTERM into SDL_QUIT.) */
#ifndef HALLSCREEN_SIGNALS_H
#define HALLSCREEN_SIGNALS_H

#include <stdbool.h>

struct signals_seen {
    bool hangup; /* SIGHUP: read the whole content folder again */
    bool user1;  /* SIGUSR1 */
};

/* The program's start (app/launch.c) holds SIGHUP and SIGUSR1 back
 * (blocked: one that comes stays pending) before the program and its
 * libraries are loaded, so that one sent while it starts waits for
 * signals_open() instead of ending it. */

/* Lets the held signals through with their default actions (--check and
 * --render end on SIGHUP, as any program does). */
void signals_release(void);

/* Installs the handlers, then lets held signals through: one that came
 * since signals_hold() reaches the loop. Returns the pipe's read end, or -1
 * on failure (the signals are let through all the same). */
int signals_open(void);

/* The pipe's read end, readable when signals came; -1 when not open. */
int signals_fd(void);

/* Reads, without blocking, the signals that came since the last call. */
struct signals_seen signals_take(void);

/* Restores the default handlers and closes the pipe; fine when not open. */
void signals_close(void);

#endif
