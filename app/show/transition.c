/* SPDX-License-Identifier: GPL-2.0-or-later */
/* When a transition's frames are due, and how far it has come. */
#include "transition.h"

enum { DISPLAY_HZ = 60 }; /* taken for a display that paces frames itself */

void transition_begin(struct transition_timing *t, uint64_t from, int64_t now_ms, int duration_ms,
                      int frame_hz, int direction)
{
    *t = (struct transition_timing){.from = from,
                                    .start_ms = now_ms,
                                    .drawn_ms = now_ms - 1, /* none yet: the first is due */
                                    .duration_ms = duration_ms,
                                    .frame_hz = frame_hz > 0 ? frame_hz : 0,
                                    .direction = direction < 0 ? -1 : 1,
                                    .running = from != 0 && duration_ms > 0};
}

/* How many frames fall due from the start up to at_ms: frame n at the first
 * whole millisecond from n / rate s (frame 0 at the start). */
static int64_t frames_due(const struct transition_timing *t, int64_t at_ms)
{
    int64_t hz = t->frame_hz > 0 ? t->frame_hz : DISPLAY_HZ;
    return at_ms < t->start_ms ? 0 : (at_ms - t->start_ms) * hz / 1000 + 1;
}

float transition_progress(struct transition_timing *t, int64_t now_ms)
{
    if (!t->running)
        return 1.0f;
    float progress = (float)(now_ms - t->start_ms) / (float)t->duration_ms;
    if (progress >= 1.0f) {
        t->running = false;
        return 1.0f;
    }
    return progress < 0.0f ? 0.0f : progress;
}

int64_t transition_frame_wait(const struct transition_timing *t, int64_t now_ms)
{
    if (!t->running)
        return -1;
    /* frames fall due on a grid from the start: a late one does not push
     * back the ones after it */
    int64_t due = t->drawn_ms < t->start_ms ? t->start_ms : t->drawn_ms; /* display-paced */
    if (t->frame_hz > 0) {
        int64_t next = frames_due(t, t->drawn_ms);
        due = t->start_ms + (next * 1000 + t->frame_hz - 1) / t->frame_hz;
    }
    int64_t end = t->start_ms + t->duration_ms; /* the last frame is never late */
    if (end < due)
        due = end;
    return due > now_ms ? due - now_ms : 0;
}

void transition_frame_drawn(struct transition_timing *t, int64_t now_ms)
{
    t->drawn_ms = now_ms;
}

int transition_frames_missed(const struct transition_timing *t, int64_t now_ms)
{
    if (!t->running)
        return 0;
    /* the frames due on the grid after the last drawn, up to now, but the
     * one drawn now */
    int64_t due = frames_due(t, now_ms), done = frames_due(t, t->drawn_ms);
    return due - done > 1 ? (int)(due - done - 1) : 0;
}
