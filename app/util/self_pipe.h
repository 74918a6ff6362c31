/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The self-pipe: a pipe a thread or a signal handler writes a byte to, so
 * that a poll() elsewhere wakes up. */
#ifndef HALLSCREEN_SELF_PIPE_H
#define HALLSCREEN_SELF_PIPE_H

#include <stdbool.h>

/* Opens fds[0] (read) and fds[1] (write), both non-blocking (a full pipe
 * never stalls the writer; a drain never stalls the reader) and closed on
 * exec. False, with both set to -1 and errno saying why, when it cannot. */
bool self_pipe_open(int fds[2]);

/* Closes both ends that are open and sets them to -1; -1 ends are fine. */
void self_pipe_close(int fds[2]);

#endif
