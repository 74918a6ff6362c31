/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The show on screen: the main loop, its events, keys, signals and waits. */
#ifndef HALLSCREEN_LOOP_H
#define HALLSCREEN_LOOP_H

#include "options.h"
#include "show/live.h"

/* Opens the window and plays live until the user or a signal ends it.
 * Returns the exit status: 1 when the window or the renderer cannot be
 * had (said on stderr), else 0. */
int loop_run(const struct options *opts, struct live *live);

#endif
