/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Synchronised playback: which slide is on screen, and when the next comes,
 * as a function of the wall clock and the programme alone, so that every
 * screen playing the same programme shows the same slide at the same
 * moment with nothing but their clocks in common. */
#ifndef HALLSCREEN_SYNC_H
#define HALLSCREEN_SYNC_H

#include "../model/programme.h"

#include <stdbool.h>
#include <stdint.h>

struct sync_position {
    size_t index;           /* the slide on screen */
    int64_t started_utc_ms; /* when it came on: its transition began */
    int64_t next_utc_ms;    /* when the next one comes */
};

/* The start of the event's day that holds now_utc_ms (midnight in the zone
 * in use, see zone_use()), in ms since 1970 UTC. */
int64_t sync_day_start(int64_t now_utc_ms);

/* Where the cycle of prog's slides, each for its duration
 * (slide_duration_ms()), run over and over from the start of the day,
 * stands at now_utc_ms. False when prog has no slides. */
bool sync_position(const struct programme *prog, int64_t now_utc_ms, struct sync_position *at);

#endif
