/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rooms.yaml: each room's state set by hand (how late it runs, how full it
 * is, a notice, until when), parsed with the YAML engine of the other
 * content files. */
#ifndef HALLSCREEN_ROOMS_FILE_H
#define HALLSCREEN_ROOMS_FILE_H

#include "fields.h"
#include "../model/programme.h"

#include <stdbool.h>
#include <stddef.h>

/* Parses rooms.yaml's text (a mapping of room names to late:, state:,
 * notice:, until:) into *rooms and *count (free with room_states_free()).
 * A file of only comments is no entries. Returns false, with nothing
 * kept, after reporting every problem as path:line to src->diags. */
bool rooms_parse(const struct source *src, const char *text, size_t size, struct room_state **rooms,
                 size_t *count);

#endif
