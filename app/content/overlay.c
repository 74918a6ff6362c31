/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The files of the overlay folder, and how each is checked before it is
 * written there: by the show's own parsers. */
#include "overlay.h"

#include "loader.h"
#include "rooms_file.h"
#include "../util/array.h"

#include <string.h>

static bool check_alert(const char *path, const char *text, size_t size, struct diag_list *diags)
{
    const struct source src = {.path = path, .diags = diags};
    struct slide alert;
    if (!alert_parse(&src, text, size, &alert))
        return false;
    slide_free(&alert);
    return true;
}

static bool check_rooms(const char *path, const char *text, size_t size, struct diag_list *diags)
{
    const struct source src = {.path = path, .diags = diags};
    struct room_state *rooms;
    size_t count;
    if (!rooms_parse(&src, text, size, &rooms, &count))
        return false;
    room_states_free(rooms, count);
    return true;
}

const struct overlay_file overlay_files[] = {
    {"alert.yaml", "alert", check_alert},
    {"rooms.yaml", "rooms", check_rooms},
};
const size_t overlay_file_count = COUNT(overlay_files);

const struct overlay_file *overlay_find(const char *name)
{
    for (size_t i = 0; i < overlay_file_count; i++)
        if (strcmp(overlay_files[i].name, name) == 0)
            return &overlay_files[i];
    return NULL;
}

const struct overlay_file *overlay_find_topic(const char *topic)
{
    for (size_t i = 0; i < overlay_file_count; i++)
        if (strcmp(overlay_files[i].topic, topic) == 0)
            return &overlay_files[i];
    return NULL;
}
