/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Talking to systemd when it runs the show as a Type=notify service:
 * readiness, a status line, and the watchdog's keep-alive, so that a hung
 * program is restarted rather than left frozen on screen. Does nothing when
 * not run by systemd. */
#ifndef HALLSCREEN_SERVICE_H
#define HALLSCREEN_SERVICE_H

#include <stdbool.h>
#include <stdint.h>

/* True when run by systemd as a notify service. */
bool service_managed(void);

/* The first frame is on screen. */
void service_ready(void);

/* Started, but waiting for what it needs (said in `systemctl status`),
 * so that systemd neither times the start out nor restarts it. */
void service_waiting(const char *text);

/* A one-line status for `systemctl status`. */
void service_status(const char *text);

/* How often service_alive() must be called, in milliseconds; -1 when no
 * watchdog is set. */
int64_t service_watchdog_interval_ms(void);

/* The main loop is alive. */
void service_alive(void);

/* The show is ending. */
void service_stopping(void);

#endif
