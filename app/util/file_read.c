/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Non-blocking opens of regular files, and reading one whole. */
#include "file_read.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The descriptor of path opened without blocking, and its status in st;
 * -1 with errno set when it can be neither opened nor examined. */
static int open_nonblocking(const char *path, struct stat *st)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC); /* a FIFO must not hang us */
    if (fd >= 0 && fstat(fd, st) != 0) {
        int error = errno;
        close(fd);
        errno = error;
        return -1;
    }
    return fd;
}

int file_read_open(const char *path, off_t *size, char *why, size_t why_size)
{
    struct stat st;
    int fd = open_nonblocking(path, &st);
    if (fd < 0) {
        snprintf(why, why_size, "%s", strerror(errno));
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(why, why_size, "is not a file");
        close(fd);
        return -1;
    }
    if (size)
        *size = st.st_size;
    return fd;
}

char *file_read_all(const char *path, size_t max_bytes, size_t *size, char *why, size_t why_size)
{
    struct stat st;
    int fd = open_nonblocking(path, &st);
    if (fd < 0) {
        snprintf(why, why_size, "cannot be read: %s", strerror(errno));
        return NULL;
    }
    if (!S_ISREG(st.st_mode) || (size_t)st.st_size > max_bytes) {
        if (S_ISREG(st.st_mode))
            snprintf(why, why_size, "is larger than %zu KiB", max_bytes / 1024);
        else
            snprintf(why, why_size, "is not a file");
        close(fd);
        return NULL;
    }
    /* Read one byte more than it said, to notice a file that grew meanwhile. */
    size_t capacity = (size_t)st.st_size + 1, n = 0;
    char *buf = malloc(capacity + 1);
    ssize_t got = 1;
    while (buf && n < capacity && (got = read(fd, buf + n, capacity - n)) > 0)
        n += (size_t)got;
    close(fd);
    if (!buf || got < 0 || n > (size_t)st.st_size) {
        snprintf(why, why_size, "%s",
                 got < 0 ? "cannot be read" : "changed while it was read: read again soon");
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *size = n;
    return buf;
}
