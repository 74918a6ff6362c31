/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The board's rooms as event.yaml lists them. */
#include "rooms.h"

#include "running_order.h"
#include "../limits.h"
#include "../util/str.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct room_entry *rooms_entry(const struct event *event, const char *room)
{
    for (size_t i = 0; room && i < event->room_count; i++)
        if (strcmp(event->rooms[i].name, room) == 0)
            return &event->rooms[i];
    for (size_t i = 0; room && i < event->room_count; i++)
        if (order_same_room(event->rooms[i].name, room))
            return &event->rooms[i];
    return NULL;
}

const struct room_entry *rooms_entry_named(const struct event *event, const char *name)
{
    for (size_t i = 0; name && i < event->room_count; i++) {
        const struct room_entry *r = &event->rooms[i];
        if (r->display && (strcmp(r->display, name) == 0 || order_same_room(r->display, name)))
            return r;
    }
    return NULL;
}

bool rooms_on_board(const struct event *event, const char *room)
{
    return event->room_count == 0 || rooms_entry(event, room) != NULL;
}

const char *rooms_display(const struct event *event, const char *room)
{
    const struct room_entry *r = rooms_entry(event, room);
    return r && r->display ? r->display : room;
}

/* An address without its scheme, as a caption under its QR code:
 * "streaming.example.org/hall-1". The caller frees it. */
static char *address_caption(const char *address)
{
    const char *rest = strstr(address, "://");
    rest = rest ? rest + 3 : address;
    size_t n = strlen(rest);
    while (n > 1 && rest[n - 1] == '/')
        n--;
    return str_ndup(rest, n);
}

/* The length in bytes of line's first ROOM_INFO_MAX_CHARS characters, to
 * the end of the last word within them; all of it when it is no longer. */
static size_t info_kept(const char *line, bool *cut)
{
    size_t at = 0, word_end = 0;
    for (size_t chars = 0; line[at] && chars < ROOM_INFO_MAX_CHARS; chars++) {
        if (line[at] == ' ' && at > 0 && line[at - 1] != ' ')
            word_end = at;
        at += utf8_char_len(line + at);
    }
    *cut = line[at] != '\0';
    if (*cut && line[at] == ' ')
        word_end = at;
    return *cut && word_end ? word_end : at;
}

void rooms_door_sign(const struct event *event, const char *room, struct slide *s)
{
    const struct room_entry *r = rooms_entry(event, room);
    if (!r)
        return;
    /* each line kept short, so that a paragraph pasted in leaves the
     * room's talks their place on the sign */
    size_t size = 1;
    for (size_t i = 0; i < r->info_count; i++)
        size += strlen(r->info[i]) + 4;
    s->subtitle = r->info_count ? calloc(size, 1) : NULL;
    for (size_t i = 0, used = 0; s->subtitle && i < r->info_count; i++) {
        bool cut;
        size_t n = info_kept(r->info[i], &cut);
        used += (size_t)snprintf(s->subtitle + used, size - used, "%s%.*s%s", i ? "\n" : "", (int)n,
                                 r->info[i], cut ? "\u2026" : "");
    }
    if (r->stream && !s->qr) { /* a QR code to the talk now comes first */
        s->qr = str_dup(r->stream);
        s->qr_caption = address_caption(r->stream);
    }
}

void rooms_check(const struct programme *prog, struct diag_list *diags)
{
    if (!prog->event.room_count)
        return;
    char *path = str_printf("%s/event.yaml", prog->content_dir ? prog->content_dir : ".");
    for (size_t i = 0; i < prog->event.room_count; i++) {
        const struct room_entry *r = &prog->event.rooms[i];
        const struct room_entry *first = NULL;
        for (size_t j = 0; j < i && !first; j++)
            if (order_same_room(prog->event.rooms[j].name, r->name))
                first = &prog->event.rooms[j];
        if (first) {
            diag_add(diags, DIAG_WARNING, path ? path : "event.yaml", r->line,
                     "rooms: '%s' is '%s' again (line %d): the board shows it once; remove one "
                     "of them",
                     r->name, first->name, first->line);
            continue;
        }
        const char *taken = NULL; /* another room's name, shown as this one's */
        for (size_t j = 0; r->display && j < prog->slide_count && !taken; j++)
            if (prog->slides[j].room && order_same_room(prog->slides[j].room, r->display) &&
                !order_same_room(prog->slides[j].room, r->name))
                taken = prog->slides[j].room;
        if (taken)
            diag_add(diags, DIAG_WARNING, path ? path : "event.yaml", r->line,
                     "rooms: '%s' is shown as '%s', the name of another room of the programme: "
                     "the audience cannot tell them apart, nor --room find the one meant; "
                     "give it another display: name",
                     r->name, r->display);
        bool found = false;
        for (size_t j = 0; j < prog->slide_count && !found; j++)
            found = order_same_room(prog->slides[j].room, r->name);
        if (found)
            continue;
        char rooms[512] = "";
        for (size_t j = 0; j < prog->slide_count; j++) {
            const char *name = prog->slides[j].room;
            bool listed = !name;
            for (size_t k = 0; k < j && !listed; k++)
                listed = prog->slides[k].room && strcmp(prog->slides[k].room, name) == 0;
            size_t used = strlen(rooms);
            if (!listed && used < sizeof rooms - 1)
                snprintf(rooms + used, sizeof rooms - used, "%s%s", used ? ", " : "", name);
        }
        diag_add(diags, DIAG_WARNING, path ? path : "event.yaml", r->line,
                 "rooms: '%s' is no room of the programme, so the board leaves it out; "
                 "write it as the schedule does (its rooms: %s)",
                 r->name, rooms[0] ? rooms : "none");
    }
    free(path);
}
