/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The stage timer's screen (--timer): white on black, for the stage. Two
 * parts, so that a tick draws little: the still one (the room, the talk's
 * title, the next talk), which changes with the talk, and the moving one
 * (the label, the count and the progress bar), drawn again each second
 * inside layout_timer_moving_box() alone. */
#ifndef HALLSCREEN_TIMER_SLIDES_H
#define HALLSCREEN_TIMER_SLIDES_H

#include "slide_layout.h"
#include "../show/timer.h"

#include <stdint.h>

/* The colour behind everything, which the moving box is cleared to. */
extern const struct rgba layout_timer_background;

/* Where the moving part is drawn, and nothing else. */
struct box layout_timer_moving_box(const struct frame_geometry *g);

/* Lays out the still part of room's timer r, in prog's language. */
void layout_timer_still(const struct measurer *m, const struct programme *prog, const char *room,
                        const struct timer_reading *r, const struct frame_geometry *g,
                        struct scene *scene);

/* Lays out the moving part of r: its label, its count (left out in the
 * off half of a blink) and the progress bar, all inside the moving box. */
void layout_timer_moving(const struct measurer *m, const struct programme *prog,
                         const struct timer_reading *r, const struct frame_geometry *g,
                         struct scene *scene);

/* What the still part shows: two readings with the same key lay it out
 * alike. Never 0. */
uint64_t layout_timer_still_key(const struct programme *prog, const char *room,
                                const struct timer_reading *r);

/* The label over the count, in lang: "Starts in", "Time left", "Over
 * time", "Held"; NULL with no talk. */
const char *layout_timer_label(const struct timer_reading *r, const char *lang);

#endif
