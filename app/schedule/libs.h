/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The libraries the schedule readers need, libxml2 (with ICU) and libcsv,
 * loaded when a schedule is first read, not at start: a show without a
 * schedule never maps them, and the program's start costs the dynamic
 * loader that much less. Each is the one the program was built against,
 * called through pointers of the headers' own types. */
#ifndef HALLSCREEN_SCHEDULE_LIBS_H
#define HALLSCREEN_SCHEDULE_LIBS_H

#include <csv.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stddef.h>

/* libxml2's functions that xml.c calls. */
struct schedule_xml_lib {
    __typeof__(xmlReadMemory) *read_memory;
    __typeof__(xmlGetLastError) *last_error;
    __typeof__(xmlDocGetRootElement) *root_element;
    __typeof__(xmlGetLineNo) *line_number;
    __typeof__(xmlFreeDoc) *free_doc;
};

/* libcsv's functions that csv.c calls. */
struct schedule_csv_lib {
    __typeof__(csv_init) *init;
    __typeof__(csv_set_delim) *set_delim;
    __typeof__(csv_parse) *parse;
    __typeof__(csv_fini) *fini;
    __typeof__(csv_error) *error;
    __typeof__(csv_strerror) *strerror;
    __typeof__(csv_free) *free;
};

/* libxml2, loaded on the first call (thread-safe); NULL when it cannot be,
 * with what to install in why. */
const struct schedule_xml_lib *schedule_libs_xml(char *why, size_t why_size);

/* libcsv, likewise. */
const struct schedule_csv_lib *schedule_libs_csv(char *why, size_t why_size);

#endif
