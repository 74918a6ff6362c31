/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Logging to stderr. */
#include "log.h"

#include "str.h"

#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>

static enum log_level threshold = LOG_INFO;

void log_set_level(enum log_level level)
{
    threshold = level;
}

void log_write(enum log_level level, const char *module, const char *fmt, ...)
{
    static const char *const names[] = {"debug", "info", "warning", "error", ""};
    if (level < threshold)
        return;
    char message[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    char *line = str_escape(message); /* a file name may hold a newline */
    fprintf(stderr, "hallscreen: %s: %s: %s\n", names[level], module, line ? line : message);
    free(line);
}
