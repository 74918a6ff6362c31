/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The commands staff may send a screen from afar (through hallscreen-agent
 * and the show's control socket), as words. */
#ifndef HALLSCREEN_REMOTE_H
#define HALLSCREEN_REMOTE_H

#include <stddef.h>

enum remote_command {
    REMOTE_NONE,       /* not a command */
    REMOTE_NEXT,       /* the next slide, as the Right key */
    REMOTE_PREVIOUS,   /* the slide before, as the Left key */
    REMOTE_PAUSE,      /* the slide on screen stays */
    REMOTE_RESUME,     /* the show goes on */
    REMOTE_SCREENSHOT, /* what is on screen, written as PNG (overlay.h) */
};

/* The command size bytes spell ("next", "pause\n"; white space around is
 * fine, case is not), or REMOTE_NONE. */
enum remote_command remote_parse(const char *bytes, size_t size);

/* The word for command ("next"); "" for REMOTE_NONE. */
const char *remote_name(enum remote_command command);

#endif
