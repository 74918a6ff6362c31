/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rooms.yaml, read into room states. */
#include "rooms_file.h"

#include "../util/array.h"
#include "../util/str.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* One entry as the table reads it, before its state word is checked. */
struct entry {
    int late;
    char *state;
    char *notice;
    struct optional_moment until;
};

static const struct field entry_fields[] = {
    {.name = "late",
     .type = FIELD_MINUTES,
     .offset = offsetof(struct entry, late),
     .max = ROOMS_MAX_LATE_MINUTES},
    {.name = "state", .type = FIELD_TEXT, .offset = offsetof(struct entry, state)},
    {.name = "notice", .type = FIELD_TEXT, .offset = offsetof(struct entry, notice)},
    {.name = "until", .type = FIELD_MOMENT, .offset = offsetof(struct entry, until)},
};

/* True when the text holds nothing but blank lines and comments. */
static bool only_comments(const char *text, size_t size)
{
    bool line_start = true, comment = false;
    for (size_t i = 0; i < size; i++) {
        char c = text[i];
        if (c == '\n') {
            line_start = true;
            comment = false;
        } else if (comment || c == ' ' || c == '\t' || c == '\r') {
            continue;
        } else if (c == '#' && line_start) {
            comment = true;
        } else {
            return false;
        }
    }
    return true;
}

/* The state word: the words FOSDEM's room-state service uses. */
static bool read_fullness(const struct source *src, int line, const char *word,
                          enum room_fullness *out)
{
    static const char *const words[] = {
        [ROOM_EMPTY] = "empty", [ROOM_FULL] = "full", [ROOM_TOO_FULL] = "too full"};
    *out = ROOM_FULLNESS_NONE;
    if (!word)
        return true;
    for (int i = ROOM_EMPTY; i <= ROOM_TOO_FULL; i++)
        if (strcasecmp(word, words[i]) == 0) {
            *out = (enum room_fullness)i;
            return true;
        }
    diag_add(src->diags, DIAG_ERROR, src->path, line,
             "state: '%s' is not a room state: write empty, full or too full", word);
    return false;
}

bool rooms_parse(const struct source *src, const char *text, size_t size, struct room_state **rooms,
                 size_t *count)
{
    *rooms = NULL;
    *count = 0;
    if (only_comments(text, size))
        return true; /* every entry taken away */
    struct yaml_file file = {.src = src, .text = text, .size = size};
    yaml_node_t *root = fields_load(&file);
    struct room_state *read = NULL;
    size_t n = 0, capacity = 0;
    bool ok = root != NULL;
    for (yaml_node_pair_t *p = root ? root->data.mapping.pairs.start : NULL;
         root && p < root->data.mapping.pairs.top; p++) {
        yaml_node_t *key = yaml_document_get_node(&file.doc, p->key);
        yaml_node_t *value = yaml_document_get_node(&file.doc, p->value);
        const char *room = fields_node_text(key);
        int line = fields_node_line(key);
        if (!room || !room[0]) {
            diag_add(src->diags, DIAG_ERROR, src->path, line,
                     "a room's name must be plain text, as the programme writes it");
            ok = false;
            continue;
        }
        if (!value || value->type != YAML_MAPPING_NODE) {
            diag_add(src->diags, DIAG_ERROR, src->path, line,
                     "\"%s\": give its late:, state:, notice: or until: under it, indented", room);
            ok = false;
            continue;
        }
        bool twice = false;
        for (yaml_node_pair_t *q = root->data.mapping.pairs.start; q < p && !twice; q++) {
            yaml_node_t *earlier = yaml_document_get_node(&file.doc, q->key);
            const char *name = fields_node_text(earlier);
            if (name && strcmp(name, room) == 0) {
                diag_add(src->diags, DIAG_ERROR, src->path, line,
                         "\"%s\": given twice (first at line %d)", room, fields_node_line(earlier));
                twice = true;
            }
        }
        struct entry e = {0};
        bool good = !twice && fields_read(&file, value, entry_fields, COUNT(entry_fields), &e);
        enum room_fullness fullness = ROOM_FULLNESS_NONE;
        int state_line = line;
        fields_mapping_text(&file.doc, value, "state", &state_line);
        good = good && read_fullness(src, state_line, e.state, &fullness);
        if (good && ARRAY_RESERVE(read, n, capacity)) {
            read[n++] = (struct room_state){.room = str_dup(room),
                                            .late_minutes = e.late,
                                            .fullness = fullness,
                                            .notice = e.notice,
                                            .until = e.until,
                                            .line = line};
            e.notice = NULL;
        }
        ok = ok && good;
        free(e.state);
        free(e.notice);
    }
    fields_free(&file);
    if (!ok) {
        room_states_free(read, n);
        return false;
    }
    *rooms = read;
    *count = n;
    return true;
}
