/* The show's state for monitoring and tests, as a JSON file rewritten
 * atomically: what is on screen, which programme, what is wrong. */
#ifndef HALLSCREEN_STATUS_H
#define HALLSCREEN_STATUS_H

#include "show.h"
#include "../content/diag.h"

#include <stdbool.h>
#include <stdint.h>

struct status {
    const struct programme *prog;
    const struct show *show;
    const struct diag_list *diags; /* the content's problems now */
    int version;                   /* of the programme: 1, then one more per reload */
    int reloads;                   /* reloads tried, changed or not */
    char last_reload[32];          /* event time of the last reload, or "" */
    char clock[64];                /* the footer's clock: event time now */
    int64_t presented_ms;          /* wall clock (ms since 1970) of the last frame shown */
    bool polling;                  /* changes are found by polling, not inotify */
};

/* The status as JSON text; the caller frees it. NULL when memory runs out. */
char *status_json(const struct status *status);

/* Writes text to path whole (see file_write_atomic()), so readers never see
 * half of it. False with the reason in why. */
bool status_write_file(const char *path, const char *text, char *why, size_t why_size);

#endif
