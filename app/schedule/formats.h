/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The schedule export readers, one per format: each reads its format into
 * talks (talks.h). */
#ifndef HALLSCREEN_SCHEDULE_FORMATS_H
#define HALLSCREEN_SCHEDULE_FORMATS_H

#include "talks.h"

/* The readers: each returns false after reporting why the file cannot be
 * used; talks it cannot place are reported and left out. */
bool schedule_xml_read(struct talks *b, const char *text, size_t size);
bool schedule_json_read(struct talks *b, const char *text, size_t size);
bool schedule_csv_read(struct talks *b, const char *text, size_t size);

#endif
