/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What running_order.c and board.c share while they build the programme
 * at a moment: not for other modules. */
#ifndef HALLSCREEN_ORDER_INTERNAL_H
#define HALLSCREEN_ORDER_INTERNAL_H

#include "running_order.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { SOON_MINUTES = 60 };

/* A timed session placed on the calendar. */
struct timed {
    const struct slide *slide;
    int64_t start, end; /* UTC */
    enum mark mark;
    int late; /* minutes its room runs late (rooms.yaml), in start and end already */
};

struct builder {
    const struct programme *prog;
    const struct order_view *view;
    int64_t now;   /* UTC */
    int64_t today; /* event days since 1970 */
    struct programme *out;
    uint64_t signature;
    const char *room; /* the programme's name of the view's room; NULL: none has it */
};

/* Adds text to the signature of what the programme shows. */
void order_sign(struct builder *b, const char *text);

/* A zeroed slide at the end of the programme being built, not yet
 * counted (the caller counts it); NULL when memory runs out. */
struct slide *order_add_slide(struct builder *b);

/* The event's wall-clock time at utc, "14:10". */
void order_format_clock(int64_t utc, char *buf, size_t size);

/* What changed and how late the room runs, then text: "Cancelled",
 * "15 min late · Now · ends 11:45" (first, so that a line cut short keeps
 * them); takes text over. A ghost (where a cancelled or moved talk stood)
 * says only what became of it when ghost_alone. */
char *order_with_notes(const char *lang, char *text, int late, const struct slide *s,
                       bool ghost_alone, bool door);

/* True when s is a session with a start: one a board and Up next list. */
bool order_is_timed(const struct slide *s);

/* True when the session s belongs on this screen: every room's, or the
 * screen's room. */
bool order_in_view(const struct builder *b, const struct slide *s);

/* The board (board.c): each room with a talk now or later today, with its
 * talk now and its next, on as many pages as it needs; one room gets its
 * door sign. */
void order_add_board(struct builder *b, const struct timed *today, size_t today_count);

#endif
