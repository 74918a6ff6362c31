/* SPDX-License-Identifier: GPL-2.0-or-later */
/* When a transition's frames are due, and how far it has come. */
#include "transition.h"

void transition_begin(struct transition_timing *t, uint64_t from, int64_t now_ms, int duration_ms,
                      int frame_ms, int direction)
{
    *t = (struct transition_timing){.from = from,
                                    .start_ms = now_ms,
                                    .drawn_ms = now_ms - frame_ms,
                                    .duration_ms = duration_ms,
                                    .frame_ms = frame_ms,
                                    .direction = direction < 0 ? -1 : 1,
                                    .running = from != 0 && duration_ms > 0};
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
    int64_t due = t->drawn_ms + t->frame_ms;
    if (t->frame_ms > 0)
        due = t->start_ms + ((t->drawn_ms - t->start_ms) / t->frame_ms + 1) * t->frame_ms;
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
    int64_t interval = t->frame_ms > 0 ? t->frame_ms : 17;
    int64_t gap = now_ms - t->drawn_ms;
    return gap >= 2 * interval ? (int)(gap / interval - 1) : 0;
}
