/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The overlay folder (--overlay DIR): the files that a fleet agent may
 * write there, read by the show over the content folder's own, and the
 * names the show and the agent share inside it. The one list of those
 * files is here. */
#ifndef HALLSCREEN_OVERLAY_H
#define HALLSCREEN_OVERLAY_H

#include "../model/diag.h"

#include <stdbool.h>
#include <stddef.h>

/* One file the overlay may hold instead of the content folder's. */
struct overlay_file {
    const char *name;  /* in both folders: "alert.yaml" */
    const char *topic; /* the fleet's topic under the prefix that carries it: "alert" */
    /* true when text (size bytes) is a file the show would take; else false
     * with the reasons in diags, each against path */
    bool (*check)(const char *path, const char *text, size_t size, struct diag_list *diags);
};

extern const struct overlay_file overlay_files[];
extern const size_t overlay_file_count;

/* The overlay file called name ("alert.yaml"), or NULL when the overlay
 * holds no such file. */
const struct overlay_file *overlay_find(const char *name);

/* The overlay file carried by topic ("alert", "rooms"), or NULL. */
const struct overlay_file *overlay_find_topic(const char *topic);

/* The show's local socket in the overlay folder, where commands come in
 * (hidden: the show's watch passes over it). */
#define OVERLAY_CONTROL_NAME ".control"
/* The picture of the screen that the command "screenshot" writes. */
#define OVERLAY_SCREENSHOT_NAME ".screenshot.png"

#endif
