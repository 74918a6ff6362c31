/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Logging: one line per message on stderr, tagged with a level and a module. */
#ifndef HALLSCREEN_LOG_H
#define HALLSCREEN_LOG_H

enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR, LOG_QUIET };

/* Messages below `level` are dropped. The default is LOG_INFO. */
void log_set_level(enum log_level level);

/* Writes "hallscreen: <level>: <module>: <message>". */
void log_write(enum log_level level, const char *module, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#define LOG(level, module, ...) log_write(level, module, __VA_ARGS__)

#endif
