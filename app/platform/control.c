/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The control socket: AF_UNIX, SOCK_DGRAM, non-blocking. */
#include "control.h"

#include "../util/log.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

int control_open(const char *path)
{
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    if (strlen(path) >= sizeof addr.sun_path) {
        LOG(LOG_ERROR, "control", "%s: the path is too long for a socket: commands are not taken",
            path);
        return -1;
    }
    strcpy(addr.sun_path, path);
    struct stat st;
    if (lstat(path, &st) == 0 && S_ISSOCK(st.st_mode))
        unlink(path);
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0 || bind(fd, (const struct sockaddr *)&addr, sizeof addr) != 0 ||
        chmod(path, 0660) != 0) {
        LOG(LOG_ERROR, "control", "%s: %s: commands are not taken", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    return fd;
}

enum remote_command control_take(int fd)
{
    char buf[64];
    ssize_t n;
    while (fd >= 0 && (n = recv(fd, buf, sizeof buf, 0)) >= 0) {
        enum remote_command command = remote_parse(buf, (size_t)n);
        if (command != REMOTE_NONE)
            return command;
        LOG(LOG_WARN, "control", "a datagram that is not a command was passed over (%zd bytes)", n);
    }
    return REMOTE_NONE;
}

void control_close(int fd, const char *path)
{
    if (fd < 0)
        return;
    close(fd);
    unlink(path);
}
