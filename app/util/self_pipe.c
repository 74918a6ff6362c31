/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Non-blocking pipes for waking a poll(). */
#include "self_pipe.h"

#include <fcntl.h>
#include <unistd.h>

bool self_pipe_open(int fds[2])
{
    if (pipe(fds) != 0) {
        fds[0] = fds[1] = -1;
        return false;
    }
    for (int i = 0; i < 2; i++) {
        fcntl(fds[i], F_SETFL, O_NONBLOCK);
        fcntl(fds[i], F_SETFD, FD_CLOEXEC);
    }
    return true;
}

void self_pipe_close(int fds[2])
{
    for (int i = 0; i < 2; i++) {
        if (fds[i] >= 0)
            close(fds[i]);
        fds[i] = -1;
    }
}
