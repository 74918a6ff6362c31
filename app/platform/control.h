/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The show's control socket: a local datagram socket in the overlay folder
 * on which hallscreen-agent sends one command a datagram (remote.h). */
#ifndef HALLSCREEN_CONTROL_H
#define HALLSCREEN_CONTROL_H

#include "../show/remote.h"

/* Binds the socket at path (a socket left there by an earlier run is
 * replaced; anything else there is not), readable and writable by the
 * show's user and group. Returns its descriptor, or -1 after logging why. */
int control_open(const char *path);

/* The next command that came, without waiting: REMOTE_NONE when none is
 * left. A datagram that is not a command is logged and passed over. */
enum remote_command control_take(int fd);

/* Closes fd and removes the socket at path; fd -1 is fine. */
void control_close(int fd, const char *path);

#endif
