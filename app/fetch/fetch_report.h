/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What hallscreen-fetch tells its watchers: each source's state as a JSON
 * status file (--status) and as Prometheus metrics (--metrics), in the
 * same shape as the show's. */
#ifndef HALLSCREEN_FETCH_REPORT_H
#define HALLSCREEN_FETCH_REPORT_H

#include "fetch_plan.h"

#include <stdint.h>

/* The status as JSON text at now_ms (ms since 1970): for each source its
 * file, url, every, last success, last attempt and last change (as UTC
 * times, "" for never), last error ("" for none), failures in a row,
 * ETag, next check and the local copy's age in seconds (null when it is
 * missing). malloc'd; NULL when memory runs out. */
char *fetch_report_status(const struct fetch_plan *plan, const char *content_dir, int64_t now_ms);

/* The metrics as Prometheus text (hallscreen_fetch_*, each source
 * labelled with its file and the content folder). malloc'd; NULL when
 * memory runs out. */
char *fetch_report_metrics(const struct fetch_plan *plan, const char *content_dir,
                           int64_t started_ms, int64_t now_ms);

#endif
