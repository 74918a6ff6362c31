/* SPDX-License-Identifier: GPL-2.0-or-later */
/* event.yaml's rooms: list: the rooms the board shows, in order, each a
 * name, or name: with a display: name, info: lines and a stream: address. */
#ifndef HALLSCREEN_ROOMS_LIST_H
#define HALLSCREEN_ROOMS_LIST_H

#include "fields.h"
#include "../model/programme.h"

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

/* Reads node, the value of field f at line, into *list and *count,
 * replacing what was there (the caller frees each with room_entry_free()).
 * Each room once (a second is warned about and ignored), at most
 * EVENT_MAX_ROOMS; an item that is neither a name nor fields, or a stream
 * too long for a QR code, is an error: false after reporting it, with the
 * good rooms kept. */
bool rooms_list_read(struct yaml_file *file, const struct field *f, yaml_node_t *node, int line,
                     struct room_entry **list, size_t *count);

#endif
