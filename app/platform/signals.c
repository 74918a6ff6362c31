/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Signals through a self-pipe. */
#include "signals.h"

#include "../util/self_pipe.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static int pipe_fds[2] = {-1, -1};

static void on_signal(int sig)
{
    int saved = errno;
    char c = sig == SIGHUP ? 'H' : 'U';
    if (write(pipe_fds[1], &c, 1) < 0) {
        /* the pipe is full: enough wake-ups are pending already */
    }
    errno = saved;
}

void signals_release(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

int signals_open(void)
{
    if (!self_pipe_open(pipe_fds)) {
        signals_release();
        return -1;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGUSR1, &sa, NULL);
    signals_release();
    return pipe_fds[0];
}

int signals_fd(void)
{
    return pipe_fds[0];
}

struct signals_seen signals_take(void)
{
    struct signals_seen seen = {false, false};
    char buf[64];
    ssize_t n;
    while (pipe_fds[0] >= 0 && (n = read(pipe_fds[0], buf, sizeof buf)) > 0)
        for (ssize_t i = 0; i < n; i++) {
            seen.hangup |= buf[i] == 'H';
            seen.user1 |= buf[i] == 'U';
        }
    return seen;
}

void signals_close(void)
{
    if (pipe_fds[0] < 0)
        return;
    signal(SIGHUP, SIG_DFL);
    signal(SIGUSR1, SIG_DFL);
    self_pipe_close(pipe_fds);
}
