/* SPDX-License-Identifier: GPL-2.0-or-later */
/* event.yaml's schedule: list: the exports the show reads, each a file
 * name, or a file: with the url: and every: hallscreen-fetch keeps it
 * up to date from. */
#ifndef HALLSCREEN_SCHEDULE_SOURCES_H
#define HALLSCREEN_SCHEDULE_SOURCES_H

#include "fields.h"
#include "../model/programme.h"

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

/* Reads node, the value of field f (a list, or one name), into *list and
 * *count, replacing what was there (the caller frees it with
 * schedule_sources_free()). A url: that is not an http or https address,
 * an every: out of range, an item that is neither a name nor fields are
 * errors: false after reporting them, with the good items kept. */
bool schedule_sources_read(struct yaml_file *file, const struct field *f, yaml_node_t *node,
                           struct schedule_source **list, size_t *count);

#endif
