/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The stage timer's count, from the room's sessions and the chair's keys. */
#include "timer.h"

#include "rooms_state.h"
#include "running_order.h"
#include "../util/civil_time.h"
#include "../util/zone.h"

#include <stdio.h>
#include <string.h>

enum { MS = 1000, MINUTE_MS = 60 * MS, ORANGE_S = 5 * 60, RED_S = 2 * 60 };

/* A session of the room, placed, in UTC ms. */
struct placed {
    const struct slide *slide;
    int64_t start, end;
};

/* Seconds, rounded towards minus infinity. */
static int64_t floor_div(int64_t a, int64_t b)
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static int64_t ceil_div(int64_t a, int64_t b)
{
    return -floor_div(-a, b);
}

int timer_late_minutes(const struct programme *prog, const char *room, int64_t now_ms)
{
    return rooms_state_late(prog, room, floor_div(now_ms, MS));
}

/* The event's day (days since 1970 in its time zone) of an instant in ms. */
static int64_t day_of(int64_t utc_ms)
{
    return floor_div(zone_local(floor_div(utc_ms, MS)), SECONDS_PER_DAY);
}

/* What the room's sessions say at now: the talk running, the last one over
 * and the first to come, each moved by shift. */
struct room_now {
    struct placed running, over, coming, after_coming;
};

static bool earlier(const struct placed *a, const struct placed *b)
{
    return !b->slide || a->start < b->start;
}

static struct room_now find_room_now(const struct programme *prog, const char *room,
                                     int64_t shift_ms, int64_t now_ms)
{
    struct room_now rn = {0};
    const char *second;
    const char *name = room ? order_find_room(prog, room, &second) : NULL;
    if (!name)
        return rn;
    int64_t today = day_of(now_ms);
    for (size_t i = 0; i < prog->slide_count; i++) {
        const struct slide *s = &prog->slides[i];
        int64_t start, end;
        if (!s->room || strcmp(s->room, name) != 0 || s->change >= TALK_CANCELLED ||
            !order_session_times(s, today, &start, &end))
            continue; /* another room's, or where a cancelled or moved talk stood */
        struct placed p = {s, start * MS + shift_ms, end * MS + shift_ms};
        if (p.start <= now_ms && now_ms < p.end) {
            if (!rn.running.slide || p.start > rn.running.start) /* the latest to begin */
                rn.running = p;
        } else if (p.end <= now_ms) {
            if (!rn.over.slide || p.end > rn.over.end)
                rn.over = p;
        } else if (earlier(&p, &rn.coming)) {
            rn.after_coming = rn.coming;
            rn.coming = p;
        } else if (earlier(&p, &rn.after_coming)) {
            rn.after_coming = p;
        }
    }
    return rn;
}

/* The colour of a count of seconds left. */
static enum timer_colour colour_of(int64_t left_s)
{
    return left_s < RED_S ? TIMER_RED : left_s < ORANGE_S ? TIMER_ORANGE : TIMER_WHITE;
}

struct timer_reading timer_read(const struct programme *prog, const char *room, int late_minutes,
                                const struct timer_control *control, int64_t now_ms)
{
    const struct timer_control none = {0};
    const struct timer_control *c = control ? control : &none;
    int64_t at = c->held ? c->held_at_ms : now_ms;
    struct room_now rn =
        find_room_now(prog, room, (int64_t)late_minutes * MINUTE_MS + c->shift_ms, at);
    struct timer_reading r = {.visible = true, .held = c->held};
    const struct placed *talk = NULL, *next = &rn.coming;
    bool over_shown = rn.over.slide && at - rn.over.end < TIMER_OVERTIME_MAX_MINUTES * MINUTE_MS;
    if (rn.running.slide) {
        talk = &rn.running;
        r.phase = TIMER_RUNNING;
        r.count_s = ceil_div(talk->end - at, MS);
        r.colour = colour_of(r.count_s);
        r.progress = (float)(at - talk->start) / (float)(talk->end - talk->start);
    } else if (over_shown) {
        talk = &rn.over;
        r.phase = TIMER_OVER;
        r.count_s = floor_div(at - talk->end, MS);
        r.colour = TIMER_RED;
        r.progress = 1.0f;
        r.visible = c->held || (at - talk->end) % (2 * TIMER_BLINK_MS) < TIMER_BLINK_MS;
    } else if (rn.coming.slide && rn.coming.start - at <= TIMER_COUNTDOWN_MAX_MINUTES * MINUTE_MS) {
        talk = &rn.coming;
        next = &rn.after_coming;
        r.phase = TIMER_BEFORE;
        r.count_s = ceil_div(talk->start - at, MS);
        r.colour = TIMER_WHITE;
    }
    if (!talk) { /* a talk later on, not counted down to yet, is the next */
        r.next = rn.coming.slide;
        r.next_start_ms = rn.coming.start;
        return r;
    }
    r.talk = talk->slide;
    r.start_ms = talk->start;
    r.end_ms = talk->end;
    r.next = next->slide;
    r.next_start_ms = next->start;
    return r;
}

const char *timer_phase_name(enum timer_phase phase)
{
    static const char *const names[] = {
        [TIMER_NONE] = "none",
        [TIMER_BEFORE] = "before",
        [TIMER_RUNNING] = "running",
        [TIMER_OVER] = "over",
    };
    return names[phase];
}

void timer_format_count(const struct timer_reading *r, char *buf, size_t size)
{
    if (r->phase == TIMER_NONE) {
        snprintf(buf, size, "%s", "");
        return;
    }
    int64_t s = r->count_s < 0 ? 0 : r->count_s;
    const char *sign = r->phase == TIMER_OVER ? "+" : "";
    if (s >= 3600)
        snprintf(buf, size, "%s%lld:%02d:%02d", sign, (long long)(s / 3600), (int)(s / 60 % 60),
                 (int)(s % 60));
    else
        snprintf(buf, size, "%s%d:%02d", sign, (int)(s / 60), (int)(s % 60));
}

int64_t timer_wait_ms(const struct timer_reading *r, int64_t now_ms)
{
    if (r->held || r->phase == TIMER_NONE)
        return -1;
    int64_t mark = r->phase == TIMER_BEFORE ? r->start_ms : r->end_ms;
    int64_t step = r->phase == TIMER_OVER ? TIMER_BLINK_MS : MS;
    int64_t into = (now_ms - mark) % step;
    return into < 0 ? -into : step - into;
}

bool timer_take_key(struct timer_control *control, int key, int64_t now_ms)
{
    switch (key) {
    case ' ':
        if (control->held) /* resumed: the talks move by the time held, in whole seconds */
            control->shift_ms += ceil_div(now_ms - control->held_at_ms, MS) * MS;
        else
            control->held_at_ms = now_ms;
        control->held = !control->held;
        return true;
    case '+':
    case '-':
        control->shift_ms += key == '+' ? MINUTE_MS : -MINUTE_MS;
        return true;
    case '0':
        *control = (struct timer_control){0};
        return true;
    default:
        return false;
    }
}
