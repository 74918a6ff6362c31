/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The conference's schedule export (frab and pretalx XML or JSON, the older
 * pentabarf XML, or a spreadsheet saved as CSV) read into session slides,
 * one per talk, marked as scheduled: the show picks the few that belong on
 * screen at each moment. Times come out right whatever the export's quirks:
 * dates with or without a UTC offset, talks after midnight listed under the
 * previous conference day, durations in any common form. */
#ifndef HALLSCREEN_SCHEDULE_IMPORT_H
#define HALLSCREEN_SCHEDULE_IMPORT_H

#include "../limits.h"
#include "../model/diag.h"
#include "../model/programme.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Parses an export (its format told by its first bytes and its name) into
 * *slides (the caller frees each with slide_free() and the array with
 * free()): one session slide per talk, in the event's time zone
 * event_zone (NULL: the machine's), which is the zone in use afterwards.
 * Local times in the export are read in its own time zone when it names
 * one, else in event_zone. Returns the number of talks; 0 after reporting
 * why to diags (path:line for XML and CSV, the JSON path for JSON). */
size_t schedule_import(const char *path, struct diag_list *diags, const char *text, size_t size,
                       const char *event_zone, struct slide **slides);

#endif
