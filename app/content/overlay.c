/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The files of the overlay folder, and how each is checked before it is
 * written there: by the show's own parsers. */
#include "overlay.h"

#include "fields.h"
#include "loader.h"
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

/* A YAML mapping, as the show reads it (UTF-8, no NUL, no syntax error). */
static bool check_mapping(const char *path, const char *text, size_t size, struct diag_list *diags)
{
    const struct source src = {.path = path, .diags = diags};
    struct yaml_file file = {.src = &src, .text = text, .size = size};
    bool ok = fields_load(&file) != NULL;
    fields_free(&file);
    return ok;
}

const struct overlay_file overlay_files[] = {
    {"alert.yaml", "alert", check_alert},
    /* rooms.yaml: checked as YAML fields until its own parser is called here */
    {"rooms.yaml", "rooms", check_mapping},
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
