/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The fleet's topics and messages, as hallscreen-agent reads and writes
 * them: which topic a message came on, whether its payload may go into the
 * overlay folder, which of two alerts a screen shows, how long to wait
 * before connecting again. Pure: no network, no clock. */
#ifndef HALLSCREEN_FLEET_H
#define HALLSCREEN_FLEET_H

#include "../content/overlay.h"
#include "../show/remote.h"

#include <stdbool.h>
#include <stddef.h>

enum fleet_topic_kind {
    FLEET_OTHER,       /* not one of this screen's */
    FLEET_FILE_ALL,    /* PREFIX/alert, PREFIX/rooms: an overlay file for every screen */
    FLEET_FILE_SCREEN, /* PREFIX/screens/NAME/alert: the same for this screen alone */
    FLEET_COMMAND,     /* PREFIX/screens/NAME/command */
};

struct fleet_topic {
    enum fleet_topic_kind kind;
    const struct overlay_file *file; /* for FLEET_FILE_*: which one */
};

/* What topic (under prefix, for the screen called screen) is. */
struct fleet_topic fleet_topic_parse(const char *prefix, const char *screen, const char *topic);

/* PREFIX/what, or PREFIX/screens/SCREEN/what when screen is not NULL; the
 * caller frees it. NULL when memory runs out. */
char *fleet_topic_name(const char *prefix, const char *screen, const char *what);

/* True when name may stand in a topic as the prefix (screen false: one
 * level or more, no wildcard, not empty, no leading or trailing '/') or as
 * a screen's name (screen true: one level); else false with why. */
bool fleet_name_ok(const char *name, bool screen, char *why, size_t why_size);

/* True when size bytes of payload may be written as the overlay file f
 * (an empty payload clears it: true too); else false with a line saying
 * what is wrong in why (the topic as the file's name in it). Checked by the
 * show's own parsers, under the show's size limit. */
bool fleet_payload_ok(const struct overlay_file *f, const char *topic, const void *payload,
                      size_t size, char *why, size_t why_size);

/* The command a payload on the command topic asks for; REMOTE_NONE when
 * it is none (why then says so). */
enum remote_command fleet_command(const void *payload, size_t size, char *why, size_t why_size);

/* Which of a screen's own payload and every screen's one the overlay file
 * holds: the screen's own while it has one, else the other; NULL (the file
 * removed) when neither has. Empty payloads count as none. */
const char *fleet_choose(const char *own, size_t own_size, const char *all, size_t all_size,
                         size_t *size);

/* The wait before the next try to connect, after one that waited wait_ms
 * failed: doubled, from FLEET_RETRY_FIRST_MS up to FLEET_RETRY_MAX_MS. */
int fleet_backoff_ms(int wait_ms);

#endif
