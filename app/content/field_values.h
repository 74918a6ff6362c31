/* SPDX-License-Identifier: GPL-2.0-or-later */
/* One field's value read into its place in a struct, by the syntax of the
 * field's type (dates, colours, durations, lists, named files, ...). */
#ifndef HALLSCREEN_FIELD_VALUES_H
#define HALLSCREEN_FIELD_VALUES_H

#include "fields.h"

#include <stdbool.h>
#include <yaml.h>

/* Reads node, the value of field f in file, into base + f->offset (a
 * nested mapping into base itself). A value with no text, or a file that
 * cannot be used, leaves what was there; malformed and out-of-range values
 * are reported as errors. Returns false after reporting an error. */
bool field_value_read(struct yaml_file *file, const struct field *f, yaml_node_t *node, void *base);

#endif
