/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The show as it plays: the content folder read again when it changes
 * (each file keeping its last good version), and the programme as it
 * stands at each moment, with the slide on screen kept across both. The
 * clocks are passed in; a reload reads the folder (content.h). */
#ifndef HALLSCREEN_LIVE_H
#define HALLSCREEN_LIVE_H

#include "changes.h"
#include "running_order.h"
#include "show.h"
#include "../content/content.h"

#include <stdbool.h>
#include <stdint.h>

struct live {
    struct content *content;
    struct programme prog;  /* as the content folder has it */
    struct programme shown; /* as it stands now: see order_build() */
    uint64_t shown_signature;
    bool clock_wrong;       /* the machine's clock is plainly wrong */
    struct diag_list diags; /* the content's problems now */
    struct show show;
    struct order_view view;       /* how this screen shows the programme */
    int version;                  /* of the programme: 1, then one more per change */
    int reloads;                  /* reloads tried, changed or not */
    int failed_reloads;           /* of those, where the folder or a file could not be read */
    int64_t last_good_reload;     /* when a reload last read everything, s since 1970 UTC */
    char *state_dir;              /* NULL: what the screen saw is kept in memory only */
    struct changes_state changes; /* the baseline the programme is marked against */
    bool changes_on;              /* live_use_state() was called */
};

/* What a reload changed. */
enum live_change {
    LIVE_PROGRAMME = 1, /* a new programme plays */
    LIVE_FONTS = 2,     /* and its theme names other fonts */
};

/* Starts the show at now_ms on prog and its problems diags, read from
 * content; takes all three over. */
void live_start(struct live *l, struct content *content, struct programme *prog,
                struct diag_list *diags, int64_t now_ms);

/* Keeps what the screen saw of the programme in state_dir (NULL: in
 * memory only), reading what it knew before, and marks the programme as
 * changed since its baseline (show/changes.h) from now on. */
void live_use_state(struct live *l, const char *state_dir, int64_t now_utc);

/* Frees all it holds, the content included; a zeroed struct is fine. */
void live_free(struct live *l);

/* Brings the shown programme to the moment now_utc (seconds since 1970),
 * as l->view fits it to the screen: rebuilt when what it shows differs, or
 * always when force is set. Returns true when it was. */
bool live_follow_time(struct live *l, int64_t now_utc, int64_t now_ms, bool force);

/* Reads what changed in the content folder and plays the new programme,
 * going on with the last good version of whatever is broken (and with the
 * old programme when the folder or every slide is gone). New problems and
 * what changed are logged. Returns enum live_change flags. */
unsigned live_reload(struct live *l, int64_t now_utc, int64_t now_ms);

/* The slide on screen: the urgent notice, else the show's current slide;
 * NULL when there is nothing to show. */
const struct slide *live_slide(const struct live *l);

/* The slide that comes after the one on screen; NULL when none will (an
 * urgent notice stands, or fewer than two slides). */
const struct slide *live_next_slide(const struct live *l);

/* A one-line description of what is on screen, for `systemctl status`
 * ("showing session 3/8: Title"); the caller frees it. */
char *live_describe(const struct live *l);

#endif
