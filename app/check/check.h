/* SPDX-License-Identifier: GPL-2.0-or-later */
/* --check: the content's problems, and what only a check looks at (the
 * room a door sign names, clips, the event's languages, the theme's
 * contrast), as text or JSON. */
#ifndef HALLSCREEN_CHECK_H
#define HALLSCREEN_CHECK_H

#include "../model/diag.h"
#include "../model/programme.h"

#include <stdbool.h>

/* What the command line asks of the check. */
struct check_request {
    const char *room;        /* --room: the room must have sessions; NULL: none named */
    const char *room_option; /* the option that named it: "--room" or "--timer" */
    const char *hwdec;       /* --hwdec: how clips are opened */
    const char *assets_dir;  /* where the theme.yaml of the bundled assets is */
    bool json;               /* the report as JSON */
};

/* Adds the checks' problems to diags and prints the report to stdout.
 * Returns the exit status: 0 when there are slides and no problem. */
int check_report(const struct programme *prog, struct diag_list *diags,
                 const struct check_request *rq);

#endif
