/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The programme's data and its ownership. */
#include "programme.h"

#include "../util/array.h"
#include "../util/hash.h"
#include "../util/str.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Copies *field in place: true when it was NULL or copied. */
static bool copy_string(char **field)
{
    if (!*field)
        return true;
    *field = str_dup(*field);
    return *field != NULL;
}

/* Copies each field in place, all of them even when one fails; true when
 * every one was copied. */
static bool copy_strings(char **const *fields, size_t count)
{
    bool ok = true;
    for (size_t i = 0; i < count; i++)
        ok = copy_string(fields[i]) && ok;
    return ok;
}

#define COPY_STRINGS(...)                                                                          \
    copy_strings((char **const[]){__VA_ARGS__},                                                    \
                 sizeof((char **const[]){__VA_ARGS__}) / sizeof(char **))

/* Copies a list of count strings into *dst and *dst_count (which say what
 * was copied when memory runs out); true when all were. */
static bool copy_string_list(char ***dst, size_t *dst_count, char *const *src, size_t count)
{
    *dst = NULL;
    *dst_count = 0;
    if (!count)
        return true;
    *dst = calloc(count, sizeof **dst);
    for (size_t i = 0; *dst && i < count; i++) {
        (*dst)[i] = src[i];
        *dst_count = i + 1;
        if (!copy_string(&(*dst)[i]))
            return false;
    }
    return *dst != NULL;
}

static void free_string_list(char **list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(list[i]);
    free(list);
}

bool theme_copy(struct theme *dst, const struct theme *src)
{
    *dst = *src;
    dst->tracks = NULL;
    dst->track_count = 0;
    bool ok = COPY_STRINGS(&dst->font, &dst->font_bold, &dst->background_image);
    if (ok && src->track_count) {
        dst->tracks = calloc(src->track_count, sizeof *dst->tracks);
        ok = dst->tracks != NULL;
        for (size_t i = 0; ok && i < src->track_count; i++) {
            dst->tracks[i] = src->tracks[i];
            dst->track_count = i + 1;
            ok = copy_string(&dst->tracks[i].track);
        }
    }
    if (!ok)
        theme_free(dst);
    return ok;
}

void theme_free(struct theme *theme)
{
    if (!theme)
        return;
    free(theme->font);
    free(theme->font_bold);
    free(theme->background_image);
    theme->font = theme->font_bold = theme->background_image = NULL;
    for (size_t i = 0; i < theme->track_count; i++)
        free(theme->tracks[i].track);
    free(theme->tracks);
    theme->tracks = NULL;
    theme->track_count = 0;
}

struct rgba theme_track_colour(const struct theme *theme, const char *track)
{
    for (size_t i = 0; track && i < theme->track_count; i++)
        if (strcasecmp(theme->tracks[i].track, track) == 0)
            return theme->tracks[i].colour;
    return (struct rgba){0, 0, 0, 0};
}

void slide_free(struct slide *slide)
{
    if (!slide)
        return;
    free(slide->source);
    free(slide->label);
    free(slide->title);
    free(slide->subtitle);
    free(slide->body);
    free(slide->room);
    free(slide->chair);
    free_string_list(slide->speakers, slide->speaker_count);
    free(slide->description);
    free(slide->language);
    free(slide->image);
    free(slide->video);
    free(slide->caption);
    free(slide->qr);
    free(slide->qr_caption);
    free(slide->url);
    free(slide->feedback_url);
    free(slide->translated_title);
    free(slide->translated_subtitle);
    free(slide->translated_body);
    free(slide->translated_description);
    for (size_t i = 0; i < slide->partner_count; i++) {
        free(slide->partners[i].name);
        free(slide->partners[i].logo);
    }
    free(slide->partners);
    free(slide->mark_text);
    free(slide->talk_key);
    free(slide->change_note);
    free(slide->change_short);
    for (size_t i = 0; i < slide->row_count; i++) {
        free(slide->rows[i].when);
        free(slide->rows[i].title);
        free(slide->rows[i].room);
        free(slide->rows[i].next_when);
        free(slide->rows[i].next_title);
        free(slide->rows[i].notice);
        free(slide->rows[i].span);
        free(slide->rows[i].left);
        free(slide->rows[i].speakers);
        free(slide->rows[i].next_speakers);
        free(slide->rows[i].when_short);
        free(slide->rows[i].when_shortest);
        free(slide->rows[i].next_when_short);
        free(slide->rows[i].next_when_shortest);
    }
    free(slide->rows);
    memset(slide, 0, sizeof *slide);
}

void schedule_sources_free(struct schedule_source *list, size_t count)
{
    for (size_t i = 0; list && i < count; i++) {
        free(list[i].file);
        free(list[i].url);
    }
    free(list);
}

/* Copies the first count of dst's schedule sources, which are src's, in
 * place; false when memory runs out (dst then holds what was copied). */
static bool copy_schedule_sources(struct event *dst, size_t count)
{
    const struct schedule_source *src = dst->schedules;
    dst->schedules = count ? calloc(count, sizeof *dst->schedules) : NULL;
    dst->schedule_count = 0;
    if (count && !dst->schedules)
        return false;
    for (size_t i = 0; i < count; i++) {
        dst->schedules[i] = src[i];
        dst->schedule_count = i + 1;
        if (!COPY_STRINGS(&dst->schedules[i].file, &dst->schedules[i].url))
            return false;
    }
    return true;
}

bool event_copy(struct event *dst, const struct event *src)
{
    *dst = *src;
    bool ok = COPY_STRINGS(&dst->name, &dst->timezone, &dst->tagline, &dst->place, &dst->website,
                           &dst->logo);
    ok = copy_schedule_sources(dst, ok ? src->schedule_count : 0) && ok;
    ok = copy_string_list(&dst->languages, &dst->language_count, src->languages,
                          ok ? src->language_count : 0) &&
         ok;
    dst->rooms = NULL;
    dst->room_count = 0;
    if (ok && src->room_count) {
        dst->rooms = calloc(src->room_count, sizeof *dst->rooms);
        ok = dst->rooms != NULL;
        for (size_t i = 0; ok && i < src->room_count; i++) {
            struct room_entry *r = &dst->rooms[i];
            *r = src->rooms[i];
            dst->room_count = i + 1;
            ok = COPY_STRINGS(&r->name, &r->display, &r->stream);
            ok = copy_string_list(&r->info, &r->info_count, src->rooms[i].info,
                                  ok ? src->rooms[i].info_count : 0) &&
                 ok;
        }
    }
    if (!ok)
        event_free(dst);
    return ok;
}

void event_free(struct event *event)
{
    if (!event)
        return;
    free(event->name);
    free(event->timezone);
    free(event->tagline);
    free(event->place);
    free(event->website);
    free(event->logo);
    schedule_sources_free(event->schedules, event->schedule_count);
    free_string_list(event->languages, event->language_count);
    for (size_t i = 0; i < event->room_count; i++)
        room_entry_free(&event->rooms[i]);
    free(event->rooms);
    memset(event, 0, sizeof *event);
}

void room_entry_free(struct room_entry *room)
{
    if (!room)
        return;
    free(room->name);
    free(room->display);
    free(room->stream);
    free_string_list(room->info, room->info_count);
    memset(room, 0, sizeof *room);
}

const char *event_language(const struct event *event)
{
    return event->language_count ? event->languages[0] : NULL;
}

bool slide_copy(struct slide *dst, const struct slide *src)
{
    *dst = *src;
    dst->speakers = NULL;
    dst->partners = NULL;
    dst->rows = NULL;
    dst->speaker_count = dst->partner_count = dst->row_count = 0;
    bool ok = COPY_STRINGS(&dst->source, &dst->label, &dst->title, &dst->subtitle, &dst->body,
                           &dst->room, &dst->chair, &dst->description, &dst->mark_text,
                           &dst->language, &dst->image, &dst->video, &dst->caption, &dst->qr,
                           &dst->qr_caption, &dst->translated_title, &dst->translated_subtitle,
                           &dst->translated_body, &dst->translated_description);
    ok = COPY_STRINGS(&dst->talk_key, &dst->change_note, &dst->change_short) && ok;
    ok = COPY_STRINGS(&dst->url, &dst->feedback_url) && ok;
    ok = copy_string_list(&dst->speakers, &dst->speaker_count, src->speakers,
                          ok ? src->speaker_count : 0) &&
         ok;
    if (ok && src->partner_count) {
        dst->partners = calloc(src->partner_count, sizeof *dst->partners);
        ok = dst->partners != NULL;
        for (size_t i = 0; ok && i < src->partner_count; i++) {
            dst->partners[i] = src->partners[i];
            dst->partner_count = i + 1;
            ok = COPY_STRINGS(&dst->partners[i].name, &dst->partners[i].logo);
        }
    }
    if (ok && src->row_count) {
        dst->rows = calloc(src->row_count, sizeof *dst->rows);
        ok = dst->rows != NULL;
        for (size_t i = 0; ok && i < src->row_count; i++) {
            dst->rows[i] = src->rows[i];
            dst->row_count = i + 1;
            ok = COPY_STRINGS(&dst->rows[i].when, &dst->rows[i].title, &dst->rows[i].room,
                              &dst->rows[i].next_when, &dst->rows[i].next_title,
                              &dst->rows[i].notice, &dst->rows[i].next_when_shortest);
            ok = COPY_STRINGS(&dst->rows[i].span, &dst->rows[i].left, &dst->rows[i].speakers,
                              &dst->rows[i].next_speakers, &dst->rows[i].when_short,
                              &dst->rows[i].when_shortest, &dst->rows[i].next_when_short) &&
                 ok;
        }
    }
    if (!ok)
        slide_free(dst);
    return ok;
}

uint64_t slide_fingerprint(const struct slide *s)
{
    uint64_t h = hash_number(HASH_START, (uint64_t)s->kind);
    const char *texts[] = {s->label,   s->title,       s->subtitle,   s->body,     s->room,
                           s->chair,   s->description, s->mark_text,  s->language, s->image,
                           s->caption, s->qr,          s->qr_caption, s->video,    s->change_note};
    for (size_t i = 0; i < COUNT(texts); i++)
        h = hash_text(h, texts[i]);
    for (size_t i = 0; i < s->speaker_count; i++)
        h = hash_text(h, s->speakers[i]);
    for (size_t i = 0; i < s->partner_count; i++)
        h = hash_text(hash_text(h, s->partners[i].name), s->partners[i].logo);
    for (size_t i = 0; i < s->row_count; i++) {
        const struct overview_row *r = &s->rows[i];
        const char *row_texts[] = {r->when,      r->title,      r->room,
                                   r->next_when, r->next_title, r->notice};
        for (size_t k = 0; k < COUNT(row_texts); k++)
            h = hash_text(h, row_texts[k]);
        h += r->mark;
    }
    for (size_t i = 0; i < s->row_count; i++) /* a door sign's */
        h = hash_number(
            hash_text(hash_text(hash_text(hash_text(h, s->rows[i].span), s->rows[i].left),
                                s->rows[i].speakers),
                      s->rows[i].next_speakers),
            s->rows[i].not_recorded);
    h = hash_number(hash_text(hash_text(h, s->url), s->feedback_url), s->not_recorded);
    int64_t numbers[] = {s->date.set ? s->date.days : -1,
                         s->start.set ? s->start.minutes : -1,
                         s->end.set ? s->end.minutes : -1,
                         s->page,
                         s->page_count,
                         s->mark,
                         (int64_t)s->track_colour.r << 24 | s->track_colour.g << 16 |
                             s->track_colour.b << 8 | s->track_colour.a,
                         (int64_t)s->background.r << 24 | s->background.g << 16 |
                             s->background.b << 8 | s->background.a,
                         s->fit,
                         s->hide_footer,
                         s->audio,
                         s->loops,
                         s->poster_ms,
                         (int64_t)(s->qr_size * 100),
                         (int64_t)(s->focus.x * 1000) * 1000 + (int64_t)(s->focus.y * 1000)};
    for (size_t i = 0; i < COUNT(numbers); i++)
        h = hash_number(h, (uint64_t)numbers[i]);
    return h ? h : 1; /* 0 means "no slide" */
}

uint64_t programme_fingerprint(const struct programme *prog)
{
    uint64_t h = hash_number(HASH_START, prog->alert ? slide_fingerprint(prog->alert) : 0);
    h = hash_number(h, (uint64_t)prog->theme.slide_ms);
    for (size_t i = 0; i < prog->slide_count; i++) {
        h = hash_number(h, slide_fingerprint(&prog->slides[i]));
        h = hash_number(h, (uint64_t)prog->slides[i].duration_ms);
    }
    return h;
}

void programme_free(struct programme *prog)
{
    if (!prog)
        return;
    free(prog->content_dir);
    event_free(&prog->event);
    theme_free(&prog->theme);
    for (size_t i = 0; i < prog->slide_count; i++)
        slide_free(&prog->slides[i]);
    free(prog->slides);
    slide_free(prog->alert);
    free(prog->alert);
    room_states_free(prog->room_states, prog->room_state_count);
    memset(prog, 0, sizeof *prog);
}

bool slide_plays_clip(const struct slide *slide)
{
    return slide->kind == SLIDE_VIDEO && slide->duration_ms == 0;
}

int slide_duration_ms(const struct programme *prog, const struct slide *slide)
{
    return slide->duration_ms > 0 ? slide->duration_ms : prog->theme.slide_ms;
}

const char *slide_kind_name(enum slide_kind kind)
{
    static const char *const names[] = {"headline", "session", "partners", "alert",
                                        "overview", "board",   "image",    "video"};
    return names[kind];
}

void room_states_free(struct room_state *rooms, size_t count)
{
    for (size_t i = 0; rooms && i < count; i++) {
        free(rooms[i].room);
        free(rooms[i].notice);
    }
    free(rooms);
}

bool room_states_copy(struct room_state **dst, const struct room_state *src, size_t count)
{
    *dst = count ? calloc(count, sizeof **dst) : NULL;
    if (count && !*dst)
        return false;
    bool ok = true;
    for (size_t i = 0; i < count; i++) {
        (*dst)[i] = src[i];
        ok = COPY_STRINGS(&(*dst)[i].room, &(*dst)[i].notice) && ok;
    }
    if (!ok) {
        room_states_free(*dst, count);
        *dst = NULL;
    }
    return ok;
}
