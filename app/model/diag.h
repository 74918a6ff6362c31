/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Problems found in content files, each tied to a file and a line. */
#ifndef HALLSCREEN_DIAG_H
#define HALLSCREEN_DIAG_H

#include <stddef.h>
#include <stdio.h>

enum diag_severity {
    DIAG_ERROR,   /* the file, or the item named, is left out of the show */
    DIAG_WARNING, /* the file plays, but something in it was ignored */
};

struct diag {
    enum diag_severity severity;
    char *path;    /* as the user named it: content dir + relative path */
    int line;      /* 1-based; 0 when the problem is the file as a whole */
    char *message; /* names the field and what is wrong with it */
};

struct diag_list {
    struct diag *items;
    size_t count, capacity;
};

/* Appends a problem. Out of memory drops it silently. */
void diag_add(struct diag_list *list, enum diag_severity severity, const char *path, int line,
              const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Counts the problems of the given severity. */
size_t diag_count(const struct diag_list *list, enum diag_severity severity);

/* Formats one problem as "path:line: error: message" (line left out when 0). */
void diag_format(const struct diag *d, char *buf, size_t size);

/* Prints each problem, one a line. */
void diag_print(const struct diag_list *list, FILE *out);

/* A --check report as JSON text, for scripts: the folder, its slide
 * count, the counts of errors and warnings, whether it is valid, and each
 * problem with its file, line (null when none), severity and message.
 * malloc'd; NULL when memory runs out. */
char *diag_report_json(const struct diag_list *list, const char *content_dir, size_t slide_count,
                       int exit_status);

/* Logs each problem of now that before did not have. */
void diag_log_new(const struct diag_list *before, const struct diag_list *now);

/* Frees the problems and empties the list; NULL is fine. */
void diag_list_clear(struct diag_list *list);

#endif
