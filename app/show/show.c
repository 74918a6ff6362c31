/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Slide timing. */
#include "show.h"

#include "sync.h"

#include <string.h>

/* The slide at show->current comes on screen at now_ms, its clip not yet played. */
static void enter_slide(struct show *show, int64_t now_ms)
{
    show->shown_at_ms = now_ms;
    show->clip_over = false;
}

void show_start(struct show *show, int64_t now_ms)
{
    *show = (struct show){.shown_at_ms = now_ms};
}

int64_t show_ms_until_change(const struct show *show, const struct programme *prog, int64_t now_ms)
{
    if (show->paused || prog->slide_count < 2)
        return -1;
    size_t current = show->current < prog->slide_count ? show->current : 0;
    if (slide_plays_clip(&prog->slides[current])) {
        /* a clip of a frame or two would only flash by */
        int64_t due = show->shown_at_ms + SHOW_MIN_CLIP_MS;
        return !show->clip_over ? -1 : due > now_ms ? due - now_ms : 0;
    }
    int64_t due = show->shown_at_ms + slide_duration_ms(prog, &prog->slides[current]);
    return due > now_ms ? due - now_ms : 0;
}

bool show_tick(struct show *show, const struct programme *prog, int64_t now_ms)
{
    if (prog->slide_count > 0 && show->current >= prog->slide_count) {
        /* The programme shrank under us: start again from the top. */
        show->current = 0;
        enter_slide(show, now_ms);
        return true;
    }
    if (show_ms_until_change(show, prog, now_ms) != 0)
        return false;
    show->current = (show->current + 1) % prog->slide_count;
    enter_slide(show, now_ms);
    return true;
}

bool show_clip_ended(struct show *show, const struct programme *prog)
{
    if (prog->slide_count < 2)
        return false;
    show->clip_over = true;
    return true;
}

void show_step(struct show *show, const struct programme *prog, int delta, int64_t now_ms)
{
    if (prog->slide_count == 0)
        return;
    int64_t n = (int64_t)prog->slide_count;
    int64_t next = ((int64_t)show->current + delta) % n;
    show->current = (size_t)(next < 0 ? next + n : next);
    enter_slide(show, now_ms);
    show->paused_at_ms = now_ms;
    show->off_clock = true;
    show->off_clock_slot = 0;
}

bool show_sync(struct show *show, const struct programme *prog, int64_t now_utc_ms, int64_t now_ms)
{
    struct sync_position at;
    if (show->paused || !sync_position(prog, now_utc_ms, &at))
        return false;
    if (show->off_clock) {
        if (!show->off_clock_slot)
            show->off_clock_slot = at.started_utc_ms;
        if (at.started_utc_ms == show->off_clock_slot)
            return false;
        show->off_clock = false;
    }
    bool changed = at.index != show->current;
    show->current = at.index;
    if (changed)
        enter_slide(show, now_ms);
    show->shown_at_ms = now_ms - (now_utc_ms - at.started_utc_ms);
    return changed;
}

int64_t show_sync_wait(const struct show *show, const struct programme *prog, int64_t now_utc_ms)
{
    struct sync_position at;
    if (show->paused || prog->slide_count < 2 || !sync_position(prog, now_utc_ms, &at))
        return -1;
    return at.next_utc_ms > now_utc_ms ? at.next_utc_ms - now_utc_ms : 0;
}

bool show_in_step(const struct show *show)
{
    return !show->paused && !show->off_clock;
}

void show_set_paused(struct show *show, bool paused, int64_t now_ms)
{
    if (paused == show->paused)
        return;
    if (paused)
        show->paused_at_ms = now_ms;
    else
        show->shown_at_ms += now_ms - show->paused_at_ms;
    show->paused = paused;
}

/* Same file, same page: the same slide, perhaps with new text. */
static bool same_slide(const struct slide *a, const struct slide *b)
{
    return strcmp(a->source, b->source) == 0 && a->page == b->page;
}

void show_follow(struct show *show, const struct programme *before, const struct programme *after,
                 int64_t now_ms)
{
    if (show->current < before->slide_count) {
        const struct slide *shown = &before->slides[show->current];
        for (size_t i = 0; i < after->slide_count; i++) {
            if (same_slide(shown, &after->slides[i])) {
                show->current = i;
                return;
            }
        }
    }
    if (show->current >= after->slide_count)
        show->current = 0;
    enter_slide(show, now_ms);
}

bool show_advance(struct show *show, const struct programme *prog, bool synced, int64_t now_utc_ms,
                  int64_t now_ms)
{
    return synced ? show_sync(show, prog, now_utc_ms, now_ms) : show_tick(show, prog, now_ms);
}

int64_t show_advance_wait(const struct show *show, const struct programme *prog, bool synced,
                          int64_t now_utc_ms, int64_t now_ms)
{
    return synced ? show_sync_wait(show, prog, now_utc_ms)
                  : show_ms_until_change(show, prog, now_ms);
}
