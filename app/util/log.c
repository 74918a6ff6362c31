/* Logging to stderr. */
#include "log.h"

#include <stdarg.h>
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
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "hallscreen: %s: %s: ", names[level], module);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}
