/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A transition's timing: its progress and the pacing of its frames. Pure:
 * the caller passes the clock. */
#ifndef HALLSCREEN_TRANSITION_H
#define HALLSCREEN_TRANSITION_H

#include <stdbool.h>
#include <stdint.h>

struct transition_timing {
    uint64_t from;    /* the slide going out; 0: none */
    int64_t start_ms; /* when it began */
    int64_t drawn_ms; /* when its last frame was drawn; before start_ms: none yet */
    int duration_ms;
    int frame_hz;  /* frames a second when the display does not pace them; 0: it does */
    int direction; /* 1 forwards, -1 backwards */
    bool running;
};

/* Begins a transition from the slide from at now_ms; it runs only when
 * there is a slide going out and a duration. */
void transition_begin(struct transition_timing *t, uint64_t from, int64_t now_ms, int duration_ms,
                      int frame_hz, int direction);

/* How far the transition has come at now_ms, 0 to 1; at 1 it has ended. */
float transition_progress(struct transition_timing *t, int64_t now_ms);

/* Milliseconds until its next frame is due: 0 for now, -1 when none is
 * (no transition running). Frames fall due frame_hz times a second from
 * the start, on whole milliseconds; a wake-up for anything else never
 * brings a frame forward. */
int64_t transition_frame_wait(const struct transition_timing *t, int64_t now_ms);

/* How many frames of a running transition were due between the last one
 * drawn and now_ms and never drawn: the frames dropped, for the figures.
 * Frames are due frame_hz times a second, or 60 when the display paces
 * them (frame_hz 0). */
int transition_frames_missed(const struct transition_timing *t, int64_t now_ms);

/* A frame of it was drawn at now_ms. */
void transition_frame_drawn(struct transition_timing *t, int64_t now_ms);

#endif
