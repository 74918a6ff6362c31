/* SPDX-License-Identifier: GPL-2.0-or-later */
/* event.yaml's rooms: list. */
#include "rooms_list.h"

#include "../limits.h"
#include "../util/qr.h"
#include "../util/str.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

static const struct field room_fields[] = {
    {.name = "name",
     .type = FIELD_TEXT,
     .offset = offsetof(struct room_entry, name),
     .required = true},
    {.name = "display", .type = FIELD_TEXT, .offset = offsetof(struct room_entry, display)},
    {.name = "info",
     .type = FIELD_TEXT_LIST,
     .offset = offsetof(struct room_entry, info),
     .count_offset = offsetof(struct room_entry, info_count),
     .max = ROOM_MAX_INFO_LINES},
    {.name = "stream", .type = FIELD_TEXT, .offset = offsetof(struct room_entry, stream)},
};

/* One room of rooms: a name, or name: display: info: stream: fields. False
 * after reporting an error. */
static bool read_room(struct yaml_file *file, const struct field *f, yaml_node_t *item,
                      struct room_entry *room)
{
    room->line = fields_node_line(item);
    if (fields_node_text(item)) {
        room->name = fields_trimmed_copy(fields_node_text(item));
        return true;
    }
    if (item->type != YAML_MAPPING_NODE) {
        diag_add(file->src->diags, DIAG_ERROR, file->src->path, room->line,
                 "%s: each room is a name, or 'name:' and 'display:', 'info:', 'stream:'", f->name);
        return false;
    }
    if (!fields_read(file, item, room_fields, sizeof room_fields / sizeof *room_fields, room))
        return false;
    for (size_t i = 0; i < room->info_count; i++) {
        size_t chars = 0;
        for (const char *c = room->info[i]; *c; c += utf8_char_len(c))
            chars++;
        if (chars > ROOM_INFO_MAX_CHARS)
            diag_add(file->src->diags, DIAG_WARNING, file->src->path, room->line,
                     "%s: the info: line %zu of '%s' has %zu characters; its door sign shows "
                     "the first %d: make it shorter, or two lines",
                     f->name, i + 1, room->name, chars, ROOM_INFO_MAX_CHARS);
    }
    struct qr_code code = {0};
    if (room->stream && !qr_encode(room->stream, &code)) {
        diag_add(file->src->diags, DIAG_ERROR, file->src->path, room->line,
                 "%s: the stream address of '%s' is too long for a QR code (at most about "
                 "2,000 characters)",
                 f->name, room->name);
        return false;
    }
    qr_free(&code);
    return true;
}

bool rooms_list_read(struct yaml_file *file, const struct field *f, yaml_node_t *node, int line,
                     struct room_entry **place, size_t *count)
{
    if (node->type != YAML_SEQUENCE_NODE) {
        diag_add(file->src->diags, DIAG_ERROR, file->src->path, line,
                 "%s: expected a list of rooms, one per line starting with '- '", f->name);
        return false;
    }
    yaml_node_item_t *start = node->data.sequence.items.start;
    yaml_node_item_t *top = node->data.sequence.items.top;
    if (top - start > EVENT_MAX_ROOMS) {
        diag_add(file->src->diags, DIAG_WARNING, file->src->path, line,
                 "%s: %zu rooms; the first %d are shown", f->name, (size_t)(top - start),
                 EVENT_MAX_ROOMS);
        top = start + EVENT_MAX_ROOMS;
    }
    struct room_entry *list = calloc((size_t)(top - start) + 1, sizeof *list);
    if (!list)
        return false;
    size_t n = 0;
    bool ok = true;
    for (yaml_node_item_t *it = start; it < top; it++) {
        struct room_entry room = {0};
        if (!read_room(file, f, yaml_document_get_node(&file->doc, *it), &room))
            ok = false;
        const struct room_entry *twice = NULL;
        for (size_t i = 0; room.name && i < n && !twice; i++)
            if (strcmp(list[i].name, room.name) == 0)
                twice = &list[i];
        if (twice)
            diag_add(file->src->diags, DIAG_WARNING, file->src->path, room.line,
                     "%s: '%s' is listed twice (first at line %d); the second is ignored", f->name,
                     room.name, twice->line);
        if (room.name && !twice)
            list[n++] = room;
        else
            room_entry_free(&room);
    }
    for (size_t i = 0; i < *count; i++) /* a default the file overrides */
        room_entry_free(&(*place)[i]);
    free(*place);
    *place = list;
    *count = n;
    return ok;
}
