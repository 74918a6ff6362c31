/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The programme at a moment. */
#include "running_order.h"

#include "order_internal.h"
#include "rooms.h"
#include "rooms_state.h"

#include "../util/array.h"
#include "../util/civil_time.h"
#include "../util/hash.h"
#include "../util/str.h"
#include "../util/translate.h"
#include "../util/zone.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool order_clock_is_wrong(int64_t now_utc)
{
    return now_utc < ORDER_CLOCK_FLOOR;
}

void order_sign(struct builder *b, const char *text)
{
    b->signature = hash_text(b->signature, text);
}

static int64_t day_of(int64_t local)
{
    return local / SECONDS_PER_DAY - (local % SECONDS_PER_DAY < 0);
}

/* Places a session with a start time on the day it happens (today, for a
 * session with no date); a talk of an export where it says. */
static struct timed place_on_calendar(const struct builder *b, const struct slide *s)
{
    if (s->runs.set) /* a talk of an export: its exact time, however long */
        return (struct timed){s, s->runs.start, s->runs.end, MARK_NONE, 0};
    int64_t day = s->date.set ? s->date.days : b->today;
    int64_t start = day * SECONDS_PER_DAY + s->start.minutes * 60;
    int64_t end = start + SESSION_DEFAULT_MINUTES * 60;
    if (s->end.set) {
        end = day * SECONDS_PER_DAY + s->end.minutes * 60;
        if (s->end.minutes <= s->start.minutes)
            end += SECONDS_PER_DAY; /* over midnight */
    }
    return (struct timed){s, zone_utc(start), zone_utc(end), MARK_NONE, 0};
}

/* The session placed, later by as much as its room runs late. */
static struct timed place_session(const struct builder *b, const struct slide *s)
{
    struct timed t = place_on_calendar(b, s);
    t.late = rooms_state_late(b->prog, s->room, b->now);
    t.start += (int64_t)t.late * 60;
    t.end += (int64_t)t.late * 60;
    return t;
}

/* What changed and how late the room runs, then text: "Cancelled",
 * "15 min late · Now · ends 11:45" (first, so that a line cut short keeps
 * them); takes text over. A ghost (where a cancelled or moved talk stood)
 * says only what became of it when ghost_alone. */
char *order_with_notes(const char *lang, char *text, int late, const struct slide *s,
                       bool ghost_alone, bool door)
{
    /* beside a door, the long form: "Moved to Hall A · 14:10" */
    const char *change = s ? (door ? s->change_note : s->change_short) : NULL;
    if (change && s->change >= TALK_CANCELLED && ghost_alone) {
        free(text);
        return str_dup(change);
    }
    if (!text || (!late && !change))
        return text;
    char *late_text = late ? str_printf(tr(lang, "%d min late"), late) : NULL;
    char *joined = str_printf("%s%s%s%s%s", change ? change : "", change ? " \u00b7 " : "",
                              late_text ? late_text : "", late_text ? " \u00b7 " : "", text);
    free(late_text);
    free(text);
    return joined;
}

bool order_is_timed(const struct slide *s)
{
    return s->kind == SLIDE_SESSION && s->start.set;
}

static bool in_window(const struct builder *b, const struct slide *s)
{
    if (s->show_from.set && b->now < zone_utc(s->show_from.local))
        return false;
    if (s->show_until.set && b->now >= zone_utc(s->show_until.local))
        return false;
    return true;
}

static bool same_room(const struct slide *a, const struct slide *b)
{
    if (!a->room || !b->room)
        return a->room == b->room;
    return strcmp(a->room, b->room) == 0;
}

void order_format_clock(int64_t utc, char *buf, size_t size)
{
    int64_t local = zone_local(utc);
    civil_format_clock((int)((local - day_of(local) * SECONDS_PER_DAY) / 60), buf, size);
}

static char *mark_text_alone(const struct builder *b, const struct timed *t)
{
    const char *lang = event_language(&b->prog->event);
    char clock[16];
    switch (t->mark) {
    case MARK_NOW:
        if (!t->slide->end.set)
            return str_dup(tr(lang, "Now"));
        order_format_clock(t->end, clock, sizeof clock);
        return str_printf(tr(lang, "Now \u00b7 ends %s"), clock);
    case MARK_NEXT: {
        int64_t minutes = (t->start - b->now + 59) / 60;
        if (minutes <= SOON_MINUTES)
            return str_printf(tr(lang, "Next \u00b7 in %d min"), (int)minutes);
        order_format_clock(t->start, clock, sizeof clock);
        return str_printf(tr(lang, "Next \u00b7 at %s"), clock);
    }
    case MARK_LATER:
        order_format_clock(t->start, clock, sizeof clock);
        return str_printf(tr(lang, "Later today \u00b7 %s"), clock);
    case MARK_NONE:
        break;
    }
    return NULL;
}

/* The mark, and how late the room runs. */
static char *mark_text(const struct builder *b, const struct timed *t)
{
    return order_with_notes(event_language(&b->prog->event), mark_text_alone(b, t), t->late, NULL,
                            false, false);
}

struct slide *order_add_slide(struct builder *b)
{
    struct programme *out = b->out;
    if (!ARRAY_RESERVE(out->slides, out->slide_count, out->slide_capacity))
        return NULL;
    struct slide *s = &out->slides[out->slide_count];
    memset(s, 0, sizeof *s);
    return s;
}

/* A copy of src for this moment, marked now or next as t says, over as
 * many pages as it needs at this screen's size. */
static void add_copy(struct builder *b, const struct slide *src, const struct timed *t)
{
    struct slide marked = *src;
    /* where a talk stood (a ghost) is not now or next: its change says it */
    char *text = t && t->mark != MARK_NONE && src->change < TALK_CANCELLED ? mark_text(b, t) : NULL;
    if (text) {
        marked.mark = t->mark;
        marked.mark_text = text;
    }
    const struct page_fitter *fitter = b->view->fitter.fits ? &b->view->fitter : NULL;
    struct slide *pages = NULL;
    size_t count = slide_pages(&marked, b->prog, fitter, &pages);
    order_sign(b, src->source);
    order_sign(b, marked.mark_text);
    order_sign(b, src->change_note);
    free(text);
    for (size_t i = 0; i < count; i++) {
        struct slide *s = order_add_slide(b);
        if (!s) {
            slide_free(&pages[i]);
            continue;
        }
        *s = pages[i];
        b->out->slide_count++;
        b->signature = hash_number(b->signature, (uint64_t)s->page_count);
    }
    free(pages);
}

static int compare_timed(const void *pa, const void *pb)
{
    const struct timed *a = pa, *b = pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    const char *ra = a->slide->room ? a->slide->room : "",
               *rb = b->slide->room ? b->slide->room : "";
    return strcmp(ra, rb);
}

/* An overview slide: label, title and body, or rows [first, first + n). */
static void add_overview(struct builder *b, const char *label, const char *title, const char *body,
                         const struct timed *rows, size_t n, int page, int pages)
{
    struct slide *s = order_add_slide(b);
    if (!s)
        return;
    s->kind = SLIDE_OVERVIEW;
    s->source = str_printf("overview");
    s->label = str_dup(label);
    s->title = str_dup(title);
    s->body = str_dup(body);
    s->page = page;
    s->page_count = pages;
    s->rows = n ? calloc(n, sizeof *s->rows) : NULL;
    b->out->slide_count++;
    order_sign(b, label);
    order_sign(b, title);
    order_sign(b, body);
    for (size_t i = 0; s->rows && i < n; i++) {
        const struct timed *t = &rows[i];
        char start[16], end[16];
        order_format_clock(t->start, start, sizeof start);
        order_format_clock(t->end, end, sizeof end);
        struct overview_row *row = &s->rows[s->row_count++];
        row->when = order_with_notes(event_language(&b->prog->event),
                                     t->slide->end.set ? str_printf("%s\u2013%s", start, end)
                                                       : str_dup(start),
                                     t->late, t->slide, false, false);
        row->title = str_dup(t->slide->title);
        row->room = str_dup(rooms_display(&b->prog->event, t->slide->room));
        row->mark = t->mark;
        order_sign(b, row->when);
        order_sign(b, row->title);
        order_sign(b, row->room);
        b->signature += (uint64_t)row->mark;
    }
}

/* "Wednesday 12 February 2025 at 09:00", in lang */
static void format_moment_at(int64_t utc, const char *lang, char *buf, size_t size)
{
    int64_t local = zone_local(utc);
    char date[96], clock[16];
    civil_format_date(day_of(local), lang, date, sizeof date);
    order_format_clock(utc, clock, sizeof clock);
    snprintf(buf, size, tr(lang, "%1$s at %2$s"), date, clock);
}

/* The event's last day: last_day: in event.yaml, else the last day of a
 * talk of the export or of a dated session; -1 when nothing says (sessions
 * with no date come every day). */
static int64_t last_day(const struct builder *b)
{
    const struct event *e = &b->prog->event;
    if (e->last_day.set)
        return e->last_day.days;
    int64_t last = -1;
    for (size_t i = 0; i < b->prog->slide_count; i++) {
        const struct slide *s = &b->prog->slides[i];
        if (!order_is_timed(s) || (!s->runs.set && !s->date.set))
            continue;
        int64_t day = s->runs.set ? day_of(zone_local(s->runs.start)) : s->date.days;
        if (day > last)
            last = day;
    }
    return last;
}

/* Moves to the front of today, in time order, the sessions still to come
 * that a board beside them leaves to the list: those in rooms the board
 * shows (or in no room), not running. Returns how many. */
static size_t coming_on_board(const struct builder *b, struct timed *today, size_t today_count)
{
    size_t kept = 0;
    for (size_t i = 0; i < today_count; i++) {
        const struct slide *s = today[i].slide;
        if (today[i].mark == MARK_NOW || (s->room && !rooms_on_board(&b->prog->event, s->room)))
            continue;
        struct timed t = today[i];
        memmove(&today[kept + 1], &today[kept], (i - kept) * sizeof *today);
        today[kept++] = t;
    }
    return kept;
}

/* The overview pages: what comes today, or when the programme resumes, or
 * that the event is over (after last, its last day; -1: when nothing comes). */
static void add_overviews(struct builder *b, struct timed *today, size_t today_count,
                          const struct timed *upcoming, bool any_timed, int64_t last,
                          int rows_per_page)
{
    const struct event *e = &b->prog->event;
    const char *lang = event_language(e);
    char date[96], when[160], heading[160];
    civil_format_date(b->today, lang, date, sizeof date);
    bool event_over = last >= 0 && b->today > last;
    /* between two days of the event, and nothing of the next in the
     * programme yet */
    bool between = last >= 0 && b->today < last && !upcoming && any_timed;
    if (today_count > 0) {
        size_t pages = (today_count + (size_t)rows_per_page - 1) / (size_t)rows_per_page;
        for (size_t p = 0; p < pages; p++) {
            size_t first = p * (size_t)rows_per_page;
            size_t n = today_count - first < (size_t)rows_per_page ? today_count - first
                                                                   : (size_t)rows_per_page;
            tr_each(e->languages, e->language_count, "Up next", heading, sizeof heading);
            add_overview(b, date, heading, NULL, today + first, n, (int)p + 1, (int)pages);
        }
    } else if (upcoming && !event_over) {
        format_moment_at(upcoming->start, lang, when, sizeof when);
        bool started = e->first_day.set ? b->today >= e->first_day.days : true;
        char *body = str_printf(
            tr(lang, started ? "The programme resumes %s" : "The programme starts %s"), when);
        tr_each(e->languages, e->language_count,
                started ? "That was today's programme" : "Coming soon", heading, sizeof heading);
        add_overview(b, date, heading, body, NULL, 0, 1, 1);
        free(body);
    } else if (b->view->room && !event_over) {
        /* beside a door: the room, free for the rest of the day */
        tr_each(e->languages, e->language_count, "Nothing more in this room today", heading,
                sizeof heading);
        add_overview(b, b->room ? rooms_display(&b->prog->event, b->room) : b->view->room, heading,
                     NULL, NULL, 0, 1, 1);
    } else if (between) {
        bool before = e->first_day.set && b->today < e->first_day.days;
        char *body = NULL;
        if (before) {
            civil_format_date(e->first_day.days, lang, when, sizeof when);
            body = str_printf(tr(lang, "The programme starts on %s"), when);
        } else {
            body = str_dup(tr(lang, "The programme resumes tomorrow"));
        }
        tr_each(e->languages, e->language_count,
                before ? "Coming soon" : "That was today's programme", heading, sizeof heading);
        add_overview(b, date, heading, body, NULL, 0, 1, 1);
        free(body);
    } else if (event_over || any_timed) {
        /* "Thank you for joining NAME, 10–12 February 2025.", then its motto
         * and website, from what event.yaml gives */
        char dates[96] = "";
        if (e->first_day.set)
            civil_format_date_range(e->first_day.days, e->last_day.days, lang, dates, sizeof dates);
        char *joined = e->name ? str_printf("%s%s%s", e->name, dates[0] ? ", " : "", dates) : NULL;
        char *thanks = joined ? str_printf(tr(lang, "Thank you for joining %s."), joined)
                              : str_dup(tr(lang, "Thank you for joining us."));
        char *body = str_printf("%s%s%s%s%s", thanks ? thanks : "", e->tagline ? "\n" : "",
                                e->tagline ? e->tagline : "", e->website ? "\n" : "",
                                e->website ? e->website : "");
        free(joined);
        free(thanks);
        tr_each(e->languages, e->language_count, "The event has ended", heading, sizeof heading);
        add_overview(b, e->name, heading, body, NULL, 0, 1, 1);
        free(body);
    }
}

bool order_same_room(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    for (;;) {
        while (*a && !isalnum((unsigned char)*a) && !((unsigned char)*a & 0x80))
            a++;
        while (*b && !isalnum((unsigned char)*b) && !((unsigned char)*b & 0x80))
            b++;
        if (!*a || !*b)
            return !*a && !*b;
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return false;
        a++, b++;
    }
}

const char *order_find_room(const struct programme *prog, const char *name, const char **second)
{
    const char *first = NULL;
    *second = NULL;
    const struct room_entry *named = rooms_entry_named(&prog->event, name);
    if (named) /* its display name in rooms: */
        name = named->name;
    for (size_t i = 0; i < prog->slide_count; i++) {
        const char *room = prog->slides[i].room;
        if (room && strcmp(room, name) == 0) {
            *second = NULL;
            return room;
        }
        if (!room || !order_same_room(room, name))
            continue;
        if (!first)
            first = room;
        else if (!*second && strcmp(room, first) != 0)
            *second = room;
    }
    return first;
}

void order_check_room(const struct programme *prog, const char *option, const char *room,
                      struct diag_list *diags)
{
    const char *second, *found = order_find_room(prog, room, &second);
    if (found && second) {
        diag_add(diags, DIAG_ERROR, option, 0,
                 "'%s' could be the room '%s' or '%s': give its name exactly as the programme "
                 "writes it",
                 room, found, second);
        return;
    }
    if (found)
        return;
    char rooms[1024] = "";
    for (size_t i = 0; i < prog->slide_count; i++) {
        const char *name = prog->slides[i].room;
        if (!name)
            continue;
        bool listed = false;
        for (size_t j = 0; j < i && !listed; j++)
            listed = prog->slides[j].room && strcmp(prog->slides[j].room, name) == 0;
        size_t used = strlen(rooms);
        if (!listed)
            snprintf(rooms + used, sizeof rooms - used, "%s%s", used ? ", " : "", name);
    }
    if (rooms[0])
        diag_add(diags, DIAG_ERROR, option, 0, "'%s' is no room of the programme; its rooms: %s",
                 room, rooms);
    else
        diag_add(diags, DIAG_ERROR, option, 0,
                 "'%s': the programme names no rooms (give sessions a room:, or add the "
                 "schedule export that has them)",
                 room);
}

/* True when the session s belongs on this screen: every room's, or the
 * screen's room. */
bool order_in_view(const struct builder *b, const struct slide *s)
{
    if (!b->view->room || !order_is_timed(s))
        return true;
    return b->room ? s->room && strcmp(s->room, b->room) == 0 : false;
}

uint64_t order_build(const struct programme *prog, int64_t now_utc, int overview_rows,
                     struct programme *out)
{
    const struct order_view view = {.overview_rows = overview_rows};
    return order_build_view(prog, now_utc, &view, out);
}

uint64_t order_build_view(const struct programme *prog, int64_t now_utc,
                          const struct order_view *view, struct programme *out)
{
    memset(out, 0, sizeof *out);
    out->content_dir = str_dup(prog->content_dir);
    theme_copy(&out->theme, &prog->theme);
    event_copy(&out->event, &prog->event);
    if (prog->alert) {
        out->alert = calloc(1, sizeof *out->alert);
        if (out->alert && !slide_copy(out->alert, prog->alert)) {
            free(out->alert);
            out->alert = NULL;
        }
    }
    struct builder b = {prog, view, now_utc, day_of(zone_local(now_utc)), out, HASH_START, NULL};
    const char *second;
    if (view->room)
        b.room = order_find_room(prog, view->room, &second);
    order_sign(&b, prog->alert ? prog->alert->title : NULL);
    if (!view->clock_given && order_clock_is_wrong(now_utc)) {
        for (size_t i = 0; i < prog->slide_count; i++)
            add_copy(&b, &prog->slides[i], NULL);
        return b.signature;
    }

    /* Place the timed sessions: those of today still to come or running. */
    struct timed *today = calloc(prog->slide_count + 1, sizeof *today);
    struct timed upcoming = {0}; /* the first timed session after today */
    size_t today_count = 0;
    bool any_timed = false, any_upcoming = false;
    for (size_t i = 0; today && i < prog->slide_count; i++) {
        const struct slide *s = &prog->slides[i];
        if (!order_is_timed(s) || !order_in_view(&b, s))
            continue;
        any_timed = true;
        struct timed t = place_session(&b, s);
        if (t.end <= now_utc)
            continue;
        if (t.start <= now_utc) {
            t.mark = MARK_NOW;
        } else if (day_of(zone_local(t.start)) != b.today) {
            if (!any_upcoming || t.start < upcoming.start)
                upcoming = t;
            any_upcoming = true;
            continue;
        }
        today[today_count++] = t;
    }
    if (today)
        qsort(today, today_count, sizeof *today, compare_timed);
    for (size_t i = 0; i < today_count; i++) {
        if (today[i].mark == MARK_NOW)
            continue;
        bool first_in_room = true;
        for (size_t j = 0; j < i && first_in_room; j++)
            first_in_room =
                !(today[j].mark != MARK_NOW && same_room(today[j].slide, today[i].slide));
        today[i].mark = first_in_room ? MARK_NEXT : MARK_LATER;
    }
    /* A board of the rooms stands in for the list of what comes next, but
     * beside one room's door the rest of its day is listed too, and beside
     * an export, hand-made sessions to come get the list's first page. */
    bool scheduled_today = false, made_today = false;
    for (size_t i = 0; i < today_count; i++) {
        scheduled_today = scheduled_today || today[i].slide->scheduled;
        made_today = made_today || !today[i].slide->scheduled;
    }
    if (scheduled_today)
        order_add_board(&b, today, today_count);
    int rows = view->overview_rows > 0 ? view->overview_rows : 1;
    if (!scheduled_today || view->room) {
        add_overviews(&b, today, today_count, any_upcoming ? &upcoming : NULL, any_timed,
                      last_day(&b), rows);
    } else if (made_today) {
        size_t coming = coming_on_board(&b, today, today_count);
        if (coming)
            add_overviews(&b, today, coming > (size_t)rows ? (size_t)rows : coming, NULL, true,
                          last_day(&b), rows);
    }
    int lookahead =
        prog->event.lookahead_minutes > 0 ? prog->event.lookahead_minutes : ORDER_LOOKAHEAD_MINUTES;

    /* The slides in show order, each if it belongs to this moment. */
    for (size_t i = 0; i < prog->slide_count; i++) {
        const struct slide *s = &prog->slides[i];
        if (!in_window(&b, s))
            continue;
        if (order_is_timed(s)) {
            /* a talk of the export: while it runs, or when it comes soon */
            bool shown = !s->scheduled || view->room || rooms_on_board(&prog->event, s->room);
            for (size_t j = 0; shown && j < today_count; j++)
                if (today[j].slide == s &&
                    (!s->scheduled || today[j].start <= now_utc + lookahead * 60))
                    add_copy(&b, s, &today[j]);
        } else if (s->kind != SLIDE_SESSION || !s->date.set || s->date.days == b.today) {
            add_copy(&b, s, NULL);
        }
    }
    free(today);
    return b.signature;
}

bool order_session_times(const struct slide *s, int64_t today_local, int64_t *start, int64_t *end)
{
    if (!order_is_timed(s))
        return false;
    const struct builder b = {.today = today_local};
    struct timed t = place_on_calendar(&b, s);
    *start = t.start;
    *end = t.end;
    return true;
}
