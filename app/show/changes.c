/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Talks compared with the baseline, and the marks they get. */
#include "changes.h"

#include "running_order.h"
#include "../limits.h"
#include "../util/array.h"
#include "../util/civil_time.h"
#include "../util/str.h"
#include "../util/translate.h"
#include "../util/zone.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEPARATOR " \u00b7 "

/* The talk's key: its guid or id, else its title and speakers (the unit
 * separator between them, which no title holds). */
static char *key_of(const struct slide *s)
{
    if (s->talk_key)
        return str_dup(s->talk_key);
    size_t size = strlen(s->title ? s->title : "") + 1;
    for (size_t i = 0; i < s->speaker_count; i++)
        size += strlen(s->speakers[i]) + 1;
    char *key = malloc(size);
    if (!key)
        return NULL;
    strcpy(key, s->title ? s->title : "");
    for (size_t i = 0; i < s->speaker_count; i++) {
        strcat(key, "\x1f");
        strcat(key, s->speakers[i]);
    }
    return key;
}

static bool is_talk(const struct slide *s)
{
    return s->scheduled && s->runs.set && s->change < TALK_CANCELLED;
}

static int by_key(const void *pa, const void *pb)
{
    const struct changes_talk *a = pa, *b = pb;
    int c = strcmp(a->key, b->key);
    if (c)
        return c;
    return a->start < b->start ? -1 : a->start > b->start;
}

void changes_version_sort(struct changes_version *v)
{
    if (v->count > 1)
        qsort(v->talks, v->count, sizeof *v->talks, by_key);
}

void changes_version_free(struct changes_version *v)
{
    for (size_t i = 0; v && i < v->count; i++) {
        free(v->talks[i].key);
        free(v->talks[i].title);
        free(v->talks[i].room);
    }
    if (v) {
        free(v->talks);
        memset(v, 0, sizeof *v);
    }
}

bool changes_version_of(const struct programme *prog, struct changes_version *out)
{
    memset(out, 0, sizeof *out);
    size_t n = 0;
    for (size_t i = 0; i < prog->slide_count; i++)
        n += is_talk(&prog->slides[i]);
    out->talks = n ? calloc(n, sizeof *out->talks) : NULL;
    if (n && !out->talks)
        return false;
    for (size_t i = 0; i < prog->slide_count; i++) {
        const struct slide *s = &prog->slides[i];
        if (!is_talk(s))
            continue;
        struct changes_talk *t = &out->talks[out->count++];
        *t = (struct changes_talk){key_of(s), str_dup(s->title ? s->title : ""), NULL,
                                   s->runs.start, s->runs.end};
        t->room = s->room ? str_dup(s->room) : NULL;
        if (!t->key || !t->title || (s->room && !t->room)) {
            changes_version_free(out);
            return false;
        }
    }
    changes_version_sort(out);
    return true;
}

void changes_state_free(struct changes_state *st)
{
    changes_version_free(&st->baseline);
    changes_version_free(&st->latest);
    memset(st, 0, sizeof *st);
}

static bool copy_version(struct changes_version *dst, const struct changes_version *src)
{
    memset(dst, 0, sizeof *dst);
    dst->talks = src->count ? calloc(src->count, sizeof *dst->talks) : NULL;
    if (src->count && !dst->talks)
        return false;
    for (size_t i = 0; i < src->count; i++) {
        const struct changes_talk *t = &src->talks[i];
        dst->talks[i] = (struct changes_talk){str_dup(t->key), str_dup(t->title),
                                              t->room ? str_dup(t->room) : NULL, t->start, t->end};
        dst->count = i + 1;
        if (!dst->talks[i].key || !dst->talks[i].title || (t->room && !dst->talks[i].room)) {
            changes_version_free(dst);
            return false;
        }
    }
    return true;
}

int64_t changes_event_day(int64_t now_utc)
{
    int64_t local = zone_local(now_utc) - CHANGES_DAY_STARTS_HOUR * 3600;
    return local / SECONDS_PER_DAY - (local % SECONDS_PER_DAY < 0);
}

bool changes_roll(struct changes_state *st, int64_t today)
{
    if (st->known && today < st->day) {
        /* a day still to come (the clock was wrong, or --render --now a later
         * day used this folder): today is the baseline's day, so that it
         * rolls forward tomorrow morning, not on that day */
        st->day = today;
        return true;
    }
    if (!st->known || today == st->day)
        return false;
    struct changes_version copy;
    if (!copy_version(&copy, &st->latest))
        return false;
    changes_version_free(&st->baseline);
    st->baseline = copy;
    st->day = today;
    return true;
}

/* The first talk of v with key at or after index from, or NULL. */
static const struct changes_talk *find_key(const struct changes_version *v, const char *key)
{
    size_t lo = 0, hi = v->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(v->talks[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < v->count && strcmp(v->talks[lo].key, key) == 0 ? &v->talks[lo] : NULL;
}

static bool share_a_talk(const struct changes_version *a, const struct changes_version *b)
{
    for (size_t i = 0; i < b->count; i++)
        if (find_key(a, b->talks[i].key))
            return true;
    return false;
}

bool changes_see(struct changes_state *st, struct changes_version *v, int64_t today)
{
    bool changed = changes_roll(st, today);
    bool same = st->latest.count == v->count;
    for (size_t i = 0; same && i < v->count; i++) {
        const struct changes_talk *a = &st->latest.talks[i], *b = &v->talks[i];
        same = strcmp(a->key, b->key) == 0 && strcmp(a->title, b->title) == 0 &&
               a->start == b->start && a->end == b->end &&
               strcmp(a->room ? a->room : "", b->room ? b->room : "") == 0;
    }
    if (same && st->known) {
        changes_version_free(v);
        return changed;
    }
    changes_version_free(&st->latest);
    st->latest = *v;
    memset(v, 0, sizeof *v);
    if (!st->known || (st->baseline.count && !share_a_talk(&st->baseline, &st->latest)) ||
        !st->baseline.count) {
        struct changes_version copy;
        if (copy_version(&copy, &st->latest)) {
            changes_version_free(&st->baseline);
            st->baseline = copy;
            st->known = true;
            st->day = today;
        }
    }
    return true;
}

/* "14:10", or "Sat 28 Dec 2014 14:10" when it is on another day than other
 * (both UTC): short, so that a mark on one line keeps it whole. */
static void format_when(int64_t utc, int64_t other, const char *lang, char *buf, size_t size)
{
    int64_t local = zone_local(utc), other_local = zone_local(other);
    int64_t day = local / SECONDS_PER_DAY - (local % SECONDS_PER_DAY < 0);
    int64_t other_day = other_local / SECONDS_PER_DAY - (other_local % SECONDS_PER_DAY < 0);
    if (day == other_day) {
        civil_format_clock((int)((local - day * SECONDS_PER_DAY) / 60), buf, size);
        return;
    }
    civil_format_moment(local, lang, buf, size); /* "Sat 28 Dec 2014  14:10" */
    char *gap = strstr(buf, "  ");
    if (gap)
        memmove(gap, gap + 1, strlen(gap + 1) + 1);
}

/* Takes away the ghosts and marks an earlier changes_mark() made. */
static void unmark(struct programme *prog)
{
    size_t kept = 0;
    for (size_t i = 0; i < prog->slide_count; i++) {
        struct slide *s = &prog->slides[i];
        if (s->change >= TALK_CANCELLED) {
            slide_free(s);
            continue;
        }
        free(s->change_note);
        free(s->change_short);
        s->change_note = s->change_short = NULL;
        s->change = TALK_SAME;
        prog->slides[kept++] = *s;
    }
    prog->slide_count = kept;
}

/* A ghost of the talk was as the baseline had it: like (the talk as it is
 * now, or NULL when it is gone), in its old room and slot. */
static void add_ghost(struct programme *prog, const struct changes_talk *was,
                      const struct slide *like, enum talk_change change, char *note, char *brief)
{
    struct slide ghost = {.kind = SLIDE_SESSION, .scheduled = true};
    if (like && !slide_copy(&ghost, like))
        goto fail;
    free(ghost.title);
    free(ghost.room);
    free(ghost.source);
    free(ghost.talk_key);
    free(ghost.change_note);
    free(ghost.change_short);
    free(ghost.description); /* what it was about matters no more here */
    ghost.description = NULL;
    ghost.title = str_dup(was->title);
    ghost.room = was->room ? str_dup(was->room) : NULL;
    ghost.source = str_printf("changes#%s", was->key);
    ghost.talk_key = str_dup(was->key);
    int64_t start = zone_local(was->start), end = zone_local(was->end);
    int64_t day = start / SECONDS_PER_DAY - (start % SECONDS_PER_DAY < 0);
    ghost.date = (struct optional_day){true, day};
    ghost.start = (struct optional_clock){true, (int)((start - day * SECONDS_PER_DAY) / 60)};
    ghost.end = (struct optional_clock){
        true, (int)(((end % SECONDS_PER_DAY) + SECONDS_PER_DAY) % SECONDS_PER_DAY / 60)};
    ghost.runs.set = true;
    ghost.runs.start = was->start;
    ghost.runs.end = was->end;
    ghost.change = change;
    ghost.change_note = note;
    ghost.change_short = brief;
    note = brief = NULL;
    if (!ghost.title || !ghost.source ||
        !ARRAY_RESERVE(prog->slides, prog->slide_count, prog->slide_capacity)) {
        slide_free(&ghost);
        return;
    }
    prog->slides[prog->slide_count++] = ghost;
    return;
fail:
    free(note);
    free(brief);
}

/* Joins two optional parts with the separator; takes both over. */
static char *join(char *a, char *b)
{
    if (!a || !b) {
        return a ? a : b;
    }
    char *joined = str_printf("%s" SEPARATOR "%s", a, b);
    free(a);
    free(b);
    return joined;
}

/* A talk that moved: its own marks, and the ghost where it stood. */
static void mark_moved(struct programme *prog, size_t index, const struct changes_talk *was,
                       const char *lang)
{
    struct slide *s = &prog->slides[index];
    bool room_moved = !order_same_room(was->room, s->room);
    bool time_moved = was->start != s->runs.start;
    if (!room_moved && !time_moved)
        return;
    char now[160], before[160];
    char clock[16]; /* on the talk's own slide and door sign, its date stands beside */
    format_when(s->runs.start, was->start, lang, now, sizeof now);
    format_when(was->start, s->runs.start, lang, before, sizeof before);
    format_when(s->runs.start, s->runs.start, lang, clock, sizeof clock);
    const char *old_room = was->room ? was->room : "?";
    const char *new_room = s->room ? s->room : "?";
    s->change = TALK_MOVED;
    s->change_note =
        join(room_moved ? str_printf(tr(lang, "Moved from %s"), old_room) : NULL,
             time_moved ? str_printf(tr(lang, "%1$s (was %2$s)"), clock, before) : NULL);
    s->change_short = join(room_moved ? str_printf(tr(lang, "from %s"), old_room) : NULL,
                           time_moved ? str_printf(tr(lang, "was %s"), before) : NULL);
    char *note = room_moved ? str_printf(tr(lang, "Moved to %1$s \u00b7 %2$s"), new_room, now)
                            : str_printf(tr(lang, "Moved to %s"), now);
    char *brief = room_moved ? str_printf(tr(lang, "to %1$s \u00b7 %2$s"), new_room, now)
                             : str_printf(tr(lang, "to %s"), now);
    /* s may move when the ghost is added: copy what the ghost keeps first */
    struct slide like;
    if (!slide_copy(&like, s)) {
        free(note);
        free(brief);
        return;
    }
    add_ghost(prog, was, &like, TALK_MOVED_AWAY, note, brief);
    slide_free(&like);
}

void changes_mark(struct programme *prog, const struct changes_version *baseline)
{
    unmark(prog);
    if (!baseline || !baseline->count)
        return;
    const char *lang = event_language(&prog->event);
    bool *matched = calloc(baseline->count, sizeof *matched);
    if (!matched)
        return;
    size_t talks = prog->slide_count; /* the ghosts come after */
    for (size_t i = 0; i < talks; i++) {
        const struct slide *s = &prog->slides[i];
        if (!is_talk(s))
            continue;
        char *key = key_of(s);
        const struct changes_talk *first = key ? find_key(baseline, key) : NULL, *was = NULL;
        /* the same key twice (a talk given twice): the one at the same
         * time, else the first not yet matched */
        for (const struct changes_talk *t = first;
             t && t < baseline->talks + baseline->count && strcmp(t->key, key) == 0; t++) {
            if (matched[t - baseline->talks])
                continue;
            if (!was || t->start == s->runs.start)
                was = t;
            if (t->start == s->runs.start)
                break;
        }
        free(key);
        if (!was) {
            prog->slides[i].change = TALK_NEW;
            prog->slides[i].change_note = str_dup(tr(lang, "New"));
            prog->slides[i].change_short = str_dup(tr(lang, "New"));
            continue;
        }
        matched[was - baseline->talks] = true;
        mark_moved(prog, i, was, lang);
    }
    for (size_t i = 0; i < baseline->count; i++)
        if (!matched[i])
            add_ghost(prog, &baseline->talks[i], NULL, TALK_CANCELLED,
                      str_dup(tr(lang, "Cancelled")), str_dup(tr(lang, "Cancelled")));
    free(matched);
}
