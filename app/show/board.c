/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The board at a moment: each room's talk now and next, in the order
 * rooms: gives, on pages that fit the screen; beside a door, the room's
 * door sign with the rest of its day and a QR code to the talk now. */
#include "order_internal.h"

#include "rooms.h"
#include "rooms_state.h"

#include "../limits.h"
#include "../util/array.h"
#include "../util/hash.h"
#include "../util/str.h"
#include "../util/translate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The rooms of a board, in order: those event.yaml's rooms: lists, else
 * (and beside a door) each room as the export first names it, then those of
 * hand-made sessions the export does not have. The names point into prog;
 * the caller frees the list. */
static const char **board_rooms(const struct builder *b, size_t *count)
{
    const struct programme *prog = b->prog;
    const struct event *e = &prog->event;
    const char **rooms = calloc(prog->slide_count + e->room_count + 1, sizeof *rooms);
    *count = 0;
    if (rooms && e->room_count && !b->view->room) {
        for (size_t i = 0; i < e->room_count; i++) {
            bool listed = false; /* "Saal 1" and "saal 1" are one room, shown once */
            for (size_t r = 0; r < *count && !listed; r++)
                listed = order_same_room(rooms[r], e->rooms[i].name);
            if (!listed)
                rooms[(*count)++] = e->rooms[i].name;
        }
        return rooms;
    }
    for (int pass = 0; rooms && pass < 2; pass++) /* the export's, then hand-made */
        for (size_t i = 0; i < prog->slide_count; i++) {
            const struct slide *s = &prog->slides[i];
            if (s->scheduled != (pass == 0) || !s->room || !order_is_timed(s) ||
                !order_in_view(b, s))
                continue;
            bool listed = false;
            for (size_t r = 0; r < *count && !listed; r++)
                listed = order_same_room(rooms[r], s->room);
            if (!listed)
                rooms[(*count)++] = s->room;
        }
    return rooms;
}

/* The speakers of s, "A, B, C"; NULL when none. */
static char *speakers_of(const struct slide *s)
{
    char *joined = NULL;
    for (size_t i = 0; i < s->speaker_count; i++) {
        char *longer =
            str_printf("%s%s%s", joined ? joined : "", joined ? ", " : "", s->speakers[i]);
        free(joined);
        joined = longer;
    }
    return joined;
}

static void row_free(struct overview_row *row)
{
    char *texts[] = {row->room,
                     row->title,
                     row->when,
                     row->next_title,
                     row->next_when,
                     row->span,
                     row->left,
                     row->speakers,
                     row->next_speakers,
                     row->when_short,
                     row->when_shortest,
                     row->notice,
                     row->next_when_short,
                     row->next_when_shortest};
    for (size_t i = 0; i < COUNT(texts); i++)
        free(texts[i]);
    memset(row, 0, sizeof *row);
}

/* A room's row of a board, the room shown as name: its state and notice
 * (rooms.yaml); its talk now (how long it has left, in shorter forms too)
 * or when it is free until, and its next (when it starts: soon, in
 * minutes); each with what changed and how late the room runs. */
static void fill_board_row(const struct builder *b, struct overview_row *row, const char *name,
                           const char *room, const struct timed *now, const struct timed *next)
{
    const char *lang = event_language(&b->prog->event);
    bool door = b->view->room != NULL;
    char clock[16];
    row->room = str_dup(name ? name : "");
    row->notice = rooms_state_notice(b->prog, room, b->now, lang);
    if (now) {
        char start[16];
        order_format_clock(now->start, start, sizeof start);
        order_format_clock(now->end, clock, sizeof clock);
        int left = (int)((now->end - b->now + 59) / 60);
        row->title = str_dup(now->slide->title);
        row->when = order_with_notes(
            lang, str_printf(tr(lang, "Now \u00b7 %d min left \u00b7 until %s"), left, clock),
            now->late, now->slide, true, door);
        row->when_short = order_with_notes(lang, str_printf(tr(lang, "Now \u00b7 until %s"), clock),
                                           now->late, now->slide, true, door);
        row->when_shortest = str_printf(tr(lang, "until %s"), clock);
        row->span = str_printf("%s\u2013%s", start, clock);
        row->left = str_printf(tr(lang, "%d min left"), left);
        row->speakers = speakers_of(now->slide);
        row->not_recorded = now->slide->not_recorded;
        row->mark = MARK_NOW;
    } else if (next) { /* free until its next talk */
        order_format_clock(next->start, clock, sizeof clock);
        row->when = str_printf(tr(lang, "Free until %s"), clock);
    }
    if (next) {
        order_format_clock(next->start, clock, sizeof clock);
        int in = (int)((next->start - b->now + 59) / 60);
        row->next_title = str_dup(next->slide->title);
        row->next_when = order_with_notes(
            lang,
            in <= SOON_MINUTES ? str_printf(tr(lang, "Next \u00b7 in %d min \u00b7 %s"), in, clock)
                               : str_printf(tr(lang, "Next \u00b7 %s"), clock),
            next->late, next->slide, true, door);
        row->next_when_short = order_with_notes(lang, str_printf(tr(lang, "Next \u00b7 %s"), clock),
                                                next->late, next->slide, true, door);
        /* when a cell is too narrow for what changed: when it starts, whole */
        row->next_when_shortest = str_printf(tr(lang, "Next \u00b7 %s"), clock);
        row->next_speakers = speakers_of(next->slide);
    }
}

/* What a door sign's QR code leads to: the talk now's page or feedback
 * form, as event.yaml's talk_qr says; NULL: none. */
static const char *talk_qr_text(const struct event *e, const struct slide *talk, bool *feedback)
{
    const char *url = talk->url, *form = talk->feedback_url;
    *feedback = false;
    if (e->talk_qr == TALK_QR_NONE)
        return NULL;
    bool form_first = e->talk_qr == TALK_QR_FEEDBACK;
    const char *first = form_first ? form : url, *second = form_first ? url : form;
    const char *chosen = first ? first : second;
    *feedback = chosen && chosen == form;
    return chosen;
}

/* The door sign's more: the rest of the room's day after its next talk,
 * as rows after the room's own; a QR code to the talk now. */
static void add_door_sign(struct builder *b, struct slide *s, const struct timed *today,
                          size_t today_count, const struct timed *now, const struct timed *next)
{
    size_t later = 0;
    for (size_t j = 0; j < today_count; j++)
        later += &today[j] != now && &today[j] != next && today[j].mark != MARK_NOW &&
                 today[j].slide->scheduled && order_same_room(today[j].slide->room, s->room);
    struct overview_row *rows = realloc(s->rows, (s->row_count + later) * sizeof *rows);
    if (!rows)
        return;
    s->rows = rows;
    for (size_t j = 0; j < today_count; j++) {
        const struct timed *t = &today[j];
        if (t == now || t == next || t->mark == MARK_NOW || !t->slide->scheduled ||
            !order_same_room(t->slide->room, s->room))
            continue;
        struct overview_row *row = &s->rows[s->row_count++];
        memset(row, 0, sizeof *row);
        char clock[16];
        order_format_clock(t->start, clock, sizeof clock);
        row->when = str_dup(clock);
        row->title = str_dup(t->slide->title);
        row->speakers = speakers_of(t->slide);
        row->mark = MARK_LATER;
    }
    bool feedback;
    const char *qr = now ? talk_qr_text(&b->prog->event, now->slide, &feedback) : NULL;
    if (qr) {
        const struct event *e = &b->prog->event;
        char caption[160];
        tr_each(e->languages, e->language_count,
                feedback ? "Feedback on this talk" : "About this talk", caption, sizeof caption);
        s->qr = str_dup(qr);
        s->qr_caption = str_dup(caption);
    }
}

/* True when the board's rows, per_page a page, fit this screen's pages. */
static bool board_pages_fit(const struct builder *b, struct overview_row *rows, size_t count,
                            size_t per_page)
{
    const struct page_fitter *f = &b->view->fitter;
    char both[160];
    tr_each(b->prog->event.languages, b->prog->event.language_count, "Now and next", both,
            sizeof both);
    size_t pages = (count + per_page - 1) / per_page;
    bool fit = true;
    for (size_t p = 0; p < pages && fit; p++) {
        size_t first = p * per_page;
        struct slide page = {.kind = SLIDE_BOARD,
                             .label = both,
                             .rows = rows + first,
                             .row_count = count - first < per_page ? count - first : per_page,
                             .page = (int)p + 1,
                             .page_count = (int)pages};
        fit = f->fits(f->ctx, b->out, &page);
    }
    return fit;
}

/* The most rooms a page of the board holds at this screen's size (all of
 * them on one page when they fit): pages only when the rooms do not fit. */
static size_t board_rows_that_fit(const struct builder *b, struct overview_row *rows, size_t count)
{
    /* the most that fit, by halving: fewer rooms a page fit where more do */
    size_t lo = 1, hi = count < LAYOUT_BOARD_MAX_ROWS ? count : LAYOUT_BOARD_MAX_ROWS;
    while (lo < hi) {
        size_t mid = lo + (hi - lo + 1) / 2;
        if (board_pages_fit(b, rows, count, mid))
            lo = mid;
        else
            hi = mid - 1;
    }
    size_t per_page = lo;
    /* as many pages, the rooms shared evenly among them: 2 and 2, not 3 and 1 */
    size_t pages = (count + per_page - 1) / per_page;
    size_t even = (count + pages - 1) / pages;
    return even < per_page && board_pages_fit(b, rows, count, even) ? even : per_page;
}

/* A board: each room with a talk now or later today, in board_rooms()'
 * order, with its talk now and its next, hand-made sessions with a room
 * among the export's talks. One room (beside its door, or the only one)
 * gets its door sign: the board slide with its room set. */
void order_add_board(struct builder *b, const struct timed *today, size_t today_count)
{
    const struct programme *prog = b->prog;
    size_t rows_per_page = b->view->overview_rows > 0 ? (size_t)b->view->overview_rows : 1;
    size_t room_count = 0;
    const char **rooms = board_rooms(b, &room_count);
    struct overview_row *rows = calloc(room_count + 1, sizeof *rows);
    const struct timed *door_now = NULL, *door_next = NULL;
    const char *door_room = NULL; /* the first row's room as the programme writes it */
    size_t count = 0;
    for (size_t i = 0; rows && rooms && i < room_count; i++) {
        const struct timed *now = NULL, *next = NULL;
        for (size_t j = 0; j < today_count; j++) {
            const struct timed *t = &today[j];
            if (!order_same_room(t->slide->room, rooms[i]))
                continue;
            bool ghost = t->slide->change >= TALK_CANCELLED; /* where a talk stood */
            if (t->mark == MARK_NOW && (!now || (now->slide->change >= TALK_CANCELLED && !ghost)))
                now = t;
            else if (t->mark != MARK_NOW && (!next || t->start < next->start))
                next = t;
        }
        if (!now && !next)
            continue; /* nothing more today in this room */
        const char *name = rooms_display(&prog->event, rooms[i]);
        if (name == rooms[i] && prog->event.room_count && !b->view->room)
            name = (now ? now : next)->slide->room; /* as the programme writes it */
        if (!count)
            door_now = now, door_next = next, door_room = (now ? now : next)->slide->room;
        fill_board_row(b, &rows[count++], name, rooms[i], now, next);
    }
    free(rooms);
    if (count > 1 && b->view->fitter.fits)
        rows_per_page = board_rows_that_fit(b, rows, count);
    size_t pages = (count + rows_per_page - 1) / rows_per_page;
    for (size_t p = 0; p < pages; p++) {
        struct slide *s = order_add_slide(b);
        if (!s)
            break;
        s->kind = SLIDE_BOARD;
        s->source = str_printf("board");
        /* one room (beside its door, or the only one): its name as the
         * schedule writes it, over its talks set large */
        char both[160];
        tr_each(b->prog->event.languages, b->prog->event.language_count, "Now and next", both,
                sizeof both);
        s->label = str_dup(count == 1 ? rows[0].room : both);
        s->page = (int)p + 1;
        s->page_count = (int)pages;
        size_t first = p * rows_per_page;
        size_t n = count - first < rows_per_page ? count - first : rows_per_page;
        s->rows = calloc(n, sizeof *s->rows);
        for (size_t i = 0; s->rows && i < n; i++) {
            s->rows[s->row_count++] = rows[first + i];
            memset(&rows[first + i], 0, sizeof rows[first + i]);
        }
        if (count == 1 && s->row_count == 1) {
            s->room = str_dup(door_room);
            add_door_sign(b, s, today, today_count, door_now, door_next);
            if (b->view->room)
                rooms_door_sign(&b->prog->event, b->room, s);
        }
        b->out->slide_count++;
        b->signature = hash_number(b->signature, slide_fingerprint(s));
    }
    for (size_t i = 0; rows && i < count; i++)
        row_free(&rows[i]);
    free(rows);
}
