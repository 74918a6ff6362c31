/* SPDX-License-Identifier: GPL-2.0-or-later */
/* frab, pretalx and pentabarf schedule.xml through libxml2: no network, no
 * entity expansion, no external DTD, libxml2's depth limit. */
#include "../limits.h"
#include "formats.h"

#include "../util/civil_time.h"
#include "../util/str.h"
#include "../util/zone.h"

#include "libs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool named(const xmlNode *node, const char *name)
{
    return node->type == XML_ELEMENT_NODE && strcmp((const char *)node->name, name) == 0;
}

static xmlNode *child(const xmlNode *node, const char *name)
{
    for (xmlNode *c = node->children; c; c = c->next)
        if (named(c, name))
            return c;
    return NULL;
}

/* The text directly inside node: its text and CDATA children only, so an
 * entity reference is never expanded. Caller frees; NULL when empty. */
static char *text_of(const xmlNode *node)
{
    if (!node)
        return NULL;
    size_t n = 0;
    for (xmlNode *c = node->children; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            n += strlen((const char *)c->content);
    char *text = malloc(n + 1), *o = text;
    for (xmlNode *c = node->children; text && c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
            size_t len = strlen((const char *)c->content);
            memcpy(o, c->content, len);
            o += len;
        }
    if (!text)
        return NULL;
    *o = '\0';
    /* trimmed */
    char *start = text;
    while (*start == ' ' || *start == '\n' || *start == '\t' || *start == '\r')
        start++;
    size_t len = strlen(start);
    while (len && strchr(" \n\t\r", start[len - 1]))
        len--;
    char *trimmed = len ? str_ndup(start, len) : NULL;
    free(text);
    return trimmed;
}

static char *child_text(const xmlNode *node, const char *name)
{
    return text_of(child(node, name));
}

/* An attribute's text, without expanding entity references in it (as
 * xmlGetProp() would: a billion laughs hides there too). */
static char *attribute(const xmlNode *node, const char *name)
{
    for (const xmlAttr *a = node->properties; a; a = a->next)
        if (strcmp((const char *)a->name, name) == 0)
            return text_of((const xmlNode *)a);
    return NULL;
}

static int line_of(const xmlNode *node)
{
    long line = schedule_libs_xml(NULL, 0)->line_number(node); /* loaded: a document exists */
    return line > 0 && line < 1000000000 ? (int)line : 0;
}

/* What the conference says about its days. */
struct conference {
    int day_change; /* minutes: a talk starting earlier belongs to the next date; -1: none */
};

/* "HH:MM" or "HH:MM:SS" as minutes after midnight, or -1. */
static int clock_minutes(const char *text)
{
    int minutes;
    if (!text || !talks_duration(text, &minutes) || strchr(text, ':') == NULL)
        return -1;
    return minutes;
}

/* The minutes after midnight at which a day's programme starts, from its
 * start="2019-12-27T11:00:00+01:00" in the zone in use; -1 when unknown. */
static int day_start_minutes(const char *start)
{
    int64_t t;
    bool offset;
    int h, m;
    const char *at = start ? strpbrk(start, "T ") : NULL;
    /* the clock time as written is when the day's programme starts */
    if (!at || !talks_datetime(start, &t, &offset) || sscanf(at + 1, "%2d:%2d", &h, &m) != 2)
        return -1;
    return h * 60 + m;
}

/* Reads one <event>, on the calendar day day (days since 1970) whose
 * programme starts at day_start minutes (-1: unknown). */
static void read_event(struct talks *b, const xmlNode *e, int64_t day, int day_start,
                       const char *room_name, const struct conference *conf)
{
    int line = line_of(e);
    char *guid = attribute(e, "guid");
    char *id = attribute(e, "id"), *title = child_text(e, "title");
    char *room = child_text(e, "room"), *date = child_text(e, "date");
    char *start = child_text(e, "start"), *duration = child_text(e, "duration");
    char *track = child_text(e, "track"), *type = child_text(e, "type");
    char *language = child_text(e, "language"), *abstract = child_text(e, "abstract");
    if (!abstract)
        abstract = child_text(e, "description");
    char *url = child_text(e, "url"), *feedback_url = child_text(e, "feedback_url");
    const xmlNode *recording = child(e, "recording"); /* frab: <recording><optout> */
    char *optout = recording ? child_text(recording, "optout") : NULL;
    char *speakers[SPEAKERS_PER_TALK];
    size_t speaker_count = 0;
    const xmlNode *persons = child(e, "persons");
    for (xmlNode *p = persons ? persons->children : NULL; p && speaker_count < SPEAKERS_PER_TALK;
         p = p->next)
        if (named(p, "person") && (speakers[speaker_count] = text_of(p)))
            speaker_count++;
    struct talk t = {.id = id,
                     .guid = guid,
                     .title = title,
                     .room = room ? room : room_name,
                     .track = track,
                     .type = type,
                     .language = language,
                     .abstract = abstract,
                     .speakers = (const char *const *)speakers,
                     .speaker_count = speaker_count,
                     .url = url,
                     .feedback_url = feedback_url,
                     .not_recorded = optout && strcmp(optout, "true") == 0};
    char what[64];
    snprintf(what, sizeof what, "event%s%s", id ? " " : "", id ? id : "");
    int turn = conf->day_change >= 0 ? conf->day_change : day_start, clock;
    if (!duration || !talks_duration(duration, &t.minutes))
        diag_add(b->diags, DIAG_WARNING, b->path, line,
                 "%s: duration '%s' is not a duration (write HH:MM): it is left out", what,
                 duration ? duration : "");
    else if (start && !talks_clock(start, &clock))
        diag_add(b->diags, DIAG_WARNING, b->path, line,
                 "%s: start '%s' is not a time of day (write HH:MM): it is left out", what, start);
    else if (!talks_place(b, date, start, day, turn, line, what, &t.start))
        diag_add(b->diags, DIAG_WARNING, b->path, line, "%s: no date or start time: it is left out",
                 what);
    else
        talks_add(b, &t, line);
    for (size_t i = 0; i < speaker_count; i++)
        free(speakers[i]);
    free(guid), free(id), free(title), free(room), free(date), free(start), free(duration);
    free(track), free(type), free(language), free(abstract);
    free(url), free(feedback_url), free(optout);
}

static void read_day(struct talks *b, const xmlNode *d, const struct conference *conf)
{
    char *date = attribute(d, "date"), *start = attribute(d, "start");
    int64_t day = -1;
    if (!date || !civil_parse_date(date, &day))
        diag_add(b->diags, DIAG_WARNING, b->path, line_of(d),
                 "day: date '%s' is not a date (YYYY-MM-DD): its talks need their own dates",
                 date ? date : "");
    int day_start = day_start_minutes(start);
    for (xmlNode *c = d->children; c; c = c->next) {
        if (named(c, "event")) /* pentabarf: no room wrappers */
            read_event(b, c, day, day_start, NULL, conf);
        if (!named(c, "room"))
            continue;
        char *room = attribute(c, "name");
        for (xmlNode *e = c->children; e; e = e->next)
            if (named(e, "event"))
                read_event(b, e, day, day_start, room, conf);
        free(room);
    }
    free(date);
    free(start);
}

bool schedule_xml_read(struct talks *b, const char *text, size_t size)
{
    /* No XML_PARSE_NOENT (entities stay references), no DTD loading, no
     * network, no XML_PARSE_HUGE (libxml2 keeps its depth and size limits). */
    int options = XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR;
    char why[200];
    const struct schedule_xml_lib *lib = schedule_libs_xml(why, sizeof why);
    if (!lib) {
        diag_add(b->diags, DIAG_ERROR, b->path, 0, "cannot be read: %s", why);
        return false;
    }
    xmlDoc *doc = lib->read_memory(text, (int)size, b->path, NULL, options);
    if (!doc) {
        const xmlError *e = lib->last_error();
        const char *message = e && e->message ? e->message : "cannot be parsed";
        size_t length = strlen(message); /* libxml2 ends its messages with a newline */
        while (length && message[length - 1] == '\n')
            length--;
        diag_add(b->diags, DIAG_ERROR, b->path, e ? e->line : 0, "XML: %.*s", (int)length, message);
        return false;
    }
    xmlNode *root = lib->root_element(doc);
    if (!root || !named(root, "schedule")) {
        diag_add(b->diags, DIAG_ERROR, b->path, root ? line_of(root) : 0,
                 "is not a schedule export: expected <schedule> (frab, pretalx or pentabarf), "
                 "found <%s>",
                 root ? (const char *)root->name : "nothing");
        lib->free_doc(doc);
        return false;
    }
    const xmlNode *conference = child(root, "conference");
    char *zone = conference ? child_text(conference, "time_zone_name") : NULL;
    char *day_change = conference ? child_text(conference, "day_change") : NULL;
    struct conference conf = {.day_change = clock_minutes(day_change)};
    talks_use_zone(b, zone, conference ? line_of(conference) : 0);
    for (xmlNode *c = root->children; c; c = c->next)
        if (named(c, "day"))
            read_day(b, c, &conf);
    free(zone);
    free(day_change);
    lib->free_doc(doc);
    return true;
}
