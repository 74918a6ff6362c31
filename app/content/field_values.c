/* SPDX-License-Identifier: GPL-2.0-or-later */
/* One value's syntax for each type of field: a table of small readers,
 * indexed by enum field_type. */
#include "../limits.h"
#include "field_values.h"

#include "named_files.h"
#include "rooms_list.h"
#include "schedule_sources.h"
#include "../model/programme.h"
#include "../util/civil_time.h"
#include "../util/qr.h"
#include "../util/str.h"
#include "../util/zone.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One value being read: the field, its node and where it goes. */
struct value {
    struct yaml_file *file;
    const struct field *f;
    yaml_node_t *node;
    void *base;       /* the struct being filled */
    void *place;      /* the field's place in it */
    const char *text; /* one value: as written, for reports */
    char *trimmed;    /* one value: without the space around it; NULL when empty */
    int line;
};

/* What a reader made of its value. */
enum outcome {
    VALUE_TAKEN,     /* in its place (an empty one leaves the default) */
    VALUE_MALFORMED, /* not written as its type is: reported as "is not ..." */
    VALUE_REFUSED,   /* an error the reader reported itself */
};

/* Where a list's count goes. */
static size_t *count_of(const struct value *v)
{
    return (size_t *)((char *)v->base + v->f->count_offset);
}

/* The trimmed text, which the caller now owns. */
static char *take_trimmed(struct value *v)
{
    char *text = v->trimmed;
    v->trimmed = NULL;
    return text;
}

static bool parse_hex_byte(const char *s, uint8_t *out)
{
    unsigned v = 0;
    for (int i = 0; i < 2; i++) {
        char c = s[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned)(c - 'A' + 10);
        else
            return false;
    }
    *out = (uint8_t)v;
    return true;
}

static bool parse_colour(const char *s, struct rgba *out)
{
    if (*s == '#')
        s++;
    size_t n = strlen(s);
    struct rgba c = {0, 0, 0, 0xff};
    if ((n != 6 && n != 8) || !parse_hex_byte(s, &c.r) || !parse_hex_byte(s + 2, &c.g) ||
        !parse_hex_byte(s + 4, &c.b) || (n == 8 && !parse_hex_byte(s + 6, &c.a)))
        return false;
    *out = c;
    return true;
}

/* Seconds written in decimal ("10", "7.5", "7.5 s"): no hex, exponent,
 * sign or infinity, which strtod() would take. */
static bool parse_duration(const char *s, int *ms)
{
    const char *p = s;
    while ((*p >= '0' && *p <= '9') || *p == '.')
        p++;
    const char *end = p;
    while (*end == ' ')
        end++;
    if (*end == 's')
        end++;
    if (p == s || *end || strchr(s, '.') != strrchr(s, '.'))
        return false;
    double seconds = strtod(s, NULL);
    if (!isfinite(seconds) || seconds * 1000 > SLIDE_MAX_DURATION_MS)
        return false;
    *ms = (int)lround(seconds * 1000);
    return true;
}

/* A focus: words (top, bottom, left, right, center, in any pair) or two
 * percentages, horizontal first. */
static bool parse_focus(const char *text, struct slide *s)
{
    float x = 0.5f, y = 0.5f, px, py;
    char extra;
    if (sscanf(text, "%f%% %f%%%c", &px, &py, &extra) == 2) {
        if (px < 0 || px > 100 || py < 0 || py > 100)
            return false;
        x = px / 100, y = py / 100;
    } else {
        char words[2][16] = {"", ""};
        int n = sscanf(text, "%15s %15s %c", words[0], words[1], &extra);
        if (n < 1 || n > 2)
            return false;
        for (int i = 0; i < n; i++) {
            const char *w = words[i];
            if (strcmp(w, "top") == 0)
                y = 0;
            else if (strcmp(w, "bottom") == 0)
                y = 1;
            else if (strcmp(w, "left") == 0)
                x = 0;
            else if (strcmp(w, "right") == 0)
                x = 1;
            else if (strcmp(w, "center") != 0 && strcmp(w, "centre") != 0)
                return false;
        }
    }
    s->focus.set = true;
    s->focus.x = x;
    s->focus.y = y;
    return true;
}

/* Puts value (when not NULL) in place of the default the file overrides. */
static void replace_text(char **place, char *value)
{
    if (!value)
        return;
    free(*place);
    *place = value;
}

static const struct field partner_fields[] = {
    {.name = "name",
     .type = FIELD_TEXT,
     .offset = offsetof(struct partner, name),
     .count_offset = 0,
     .required = true},
    {.name = "logo",
     .type = FIELD_FILE,
     .offset = offsetof(struct partner, logo),
     .count_offset = 0,
     .required = false},
};

/* A list of names: one per line starting with '- ', or a single name. */
static enum outcome read_text_list(struct value *v)
{
    struct yaml_file *file = v->file;
    const struct field *f = v->f;
    yaml_node_t *value = v->node;
    yaml_node_item_t *start = NULL, *top = NULL;
    yaml_node_item_t single;
    if (value->type == YAML_SCALAR_NODE) {
        single = (yaml_node_item_t)(value - file->doc.nodes.start) + 1;
        start = &single, top = &single + 1;
    } else if (value->type == YAML_SEQUENCE_NODE) {
        start = value->data.sequence.items.start, top = value->data.sequence.items.top;
    } else {
        diag_add(file->src->diags, DIAG_ERROR, file->src->path, fields_node_line(value),
                 "%s: expected a list of names, one per line starting with '- '", f->name);
        return VALUE_REFUSED;
    }
    if (f->max > 0 && top - start > f->max) {
        diag_add(file->src->diags, DIAG_WARNING, file->src->path, fields_node_line(value),
                 "%s: %zu items; the first %d are shown", f->name, (size_t)(top - start), f->max);
        top = start + f->max;
    }
    char **list = calloc((size_t)(top - start) + 1, sizeof *list);
    if (!list)
        return VALUE_REFUSED;
    size_t n = 0;
    for (yaml_node_item_t *it = start; it < top; it++) {
        yaml_node_t *item = yaml_document_get_node(&file->doc, *it);
        const char *text = fields_node_text(item);
        if (!text) {
            diag_add(file->src->diags, DIAG_ERROR, file->src->path, fields_node_line(item),
                     "%s: each item must be plain text", f->name);
            for (size_t i = 0; i < n; i++)
                free(list[i]);
            free(list);
            return VALUE_REFUSED;
        }
        char *copy = fields_trimmed_copy(text);
        if (copy)
            list[n++] = copy;
    }
    *(char ***)v->place = list;
    *count_of(v) = n;
    return VALUE_TAKEN;
}

/* Schedule exports: see schedule_sources.h. */
static enum outcome read_schedules(struct value *v)
{
    return schedule_sources_read(v->file, v->f, v->node, v->place, count_of(v)) ? VALUE_TAKEN
                                                                                : VALUE_REFUSED;
}

/* Partners: a list of names, or of 'name:' and 'logo:' fields. */
static enum outcome read_partners(struct value *v)
{
    struct yaml_file *file = v->file;
    const struct field *f = v->f;
    yaml_node_t *value = v->node;
    if (value->type != YAML_SEQUENCE_NODE) {
        diag_add(file->src->diags, DIAG_ERROR, file->src->path, fields_node_line(value),
                 "%s: expected a list, each item starting with '- name:'", f->name);
        return VALUE_REFUSED;
    }
    yaml_node_item_t *start = value->data.sequence.items.start;
    yaml_node_item_t *top = value->data.sequence.items.top;
    if (f->max > 0 && top - start > f->max) {
        diag_add(file->src->diags, DIAG_WARNING, file->src->path, fields_node_line(value),
                 "%s: %zu partners; the first %d are shown", f->name, (size_t)(top - start),
                 f->max);
        top = start + f->max;
    }
    struct partner *list = calloc((size_t)(top - start) + 1, sizeof *list);
    if (!list)
        return VALUE_REFUSED;
    size_t n = 0;
    bool ok = true;
    for (yaml_node_item_t *it = start; it < top; it++) {
        yaml_node_t *item = yaml_document_get_node(&file->doc, *it);
        struct partner p = {0};
        if (fields_node_text(item)) {
            p.name = fields_trimmed_copy(fields_node_text(item));
        } else if (item->type == YAML_MAPPING_NODE) {
            if (!fields_read(file, item, partner_fields,
                             sizeof partner_fields / sizeof *partner_fields, &p))
                ok = false;
        } else {
            diag_add(file->src->diags, DIAG_ERROR, file->src->path, fields_node_line(item),
                     "%s: each partner is a name, or 'name:' and 'logo:'", f->name);
            ok = false;
        }
        if (p.name) {
            list[n++] = p;
        } else {
            free(p.name);
            free(p.logo);
        }
    }
    *(struct partner **)v->place = list;
    *count_of(v) = n;
    return ok ? VALUE_TAKEN : VALUE_REFUSED;
}

/* The board's rooms: see rooms_list.h. */
static enum outcome read_rooms(struct value *v)
{
    return rooms_list_read(v->file, v->f, v->node, v->line, v->place, count_of(v)) ? VALUE_TAKEN
                                                                                   : VALUE_REFUSED;
}

/* Track colours: a mapping of track names to colours. */
static enum outcome read_tracks(struct value *v)
{
    struct yaml_file *file = v->file;
    const struct field *f = v->f;
    yaml_node_t *value = v->node;
    struct track_colour **items = v->place;
    size_t *count = count_of(v);
    if (value->type != YAML_MAPPING_NODE) {
        diag_add(file->src->diags, DIAG_ERROR, file->src->path, fields_node_line(value),
                 "%s: expected one line a track, indented, like '  Security: \"#c0392b\"'",
                 f->name);
        return VALUE_REFUSED;
    }
    yaml_node_pair_t *pairs = value->data.mapping.pairs.start;
    size_t n = (size_t)(value->data.mapping.pairs.top - pairs), kept = 0;
    struct track_colour *list = calloc(n + 1, sizeof *list);
    bool ok = list != NULL;
    for (size_t i = 0; ok && i < n; i++) {
        yaml_node_t *key = yaml_document_get_node(&file->doc, pairs[i].key);
        yaml_node_t *colour = yaml_document_get_node(&file->doc, pairs[i].value);
        const char *name = fields_node_text(key), *text = fields_node_text(colour);
        char *trimmed = text ? fields_trimmed_copy(text) : NULL;
        struct rgba c;
        if (name && trimmed && parse_colour(trimmed, &c)) {
            list[kept++] = (struct track_colour){str_dup(name), c};
        } else {
            diag_add(file->src->diags, DIAG_ERROR, file->src->path, fields_node_line(colour),
                     "%s: '%s' is not a colour: write \"#rrggbb\" in quotes", f->name,
                     text ? text : "");
            ok = false;
        }
        free(trimmed);
    }
    for (size_t i = 0; i < *count; i++) /* a default the file overrides */
        free((*items)[i].track);
    free(*items);
    *items = list;
    *count = kept;
    return ok ? VALUE_TAKEN : VALUE_REFUSED;
}

/* Fields of the same struct, indented under the field's name. */
static enum outcome read_mapping(struct value *v)
{
    if (v->node->type != YAML_MAPPING_NODE) {
        diag_add(v->file->src->diags, DIAG_ERROR, v->file->src->path, v->line,
                 "%s: expected fields under it, indented, like '  title: ...'", v->f->name);
        return VALUE_REFUSED;
    }
    return fields_read(v->file, v->node, v->f->table, v->f->table_count, v->base) ? VALUE_TAKEN
                                                                                  : VALUE_REFUSED;
}

static enum outcome read_text(struct value *v)
{
    replace_text((char **)v->place, take_trimmed(v));
    return VALUE_TAKEN;
}

static enum outcome read_zone(struct value *v)
{
    if (!v->trimmed || !zone_exists(v->trimmed))
        return VALUE_MALFORMED;
    replace_text((char **)v->place, take_trimmed(v));
    return VALUE_TAKEN;
}

static enum outcome read_date(struct value *v)
{
    struct optional_day *day = v->place;
    day->set = v->trimmed && civil_parse_date(v->trimmed, &day->days);
    return day->set ? VALUE_TAKEN : VALUE_MALFORMED;
}

static enum outcome read_clock(struct value *v)
{
    struct optional_clock *clock = v->place;
    clock->set = v->trimmed && civil_parse_clock(v->trimmed, &clock->minutes);
    return clock->set ? VALUE_TAKEN : VALUE_MALFORMED;
}

static enum outcome read_moment(struct value *v)
{
    struct optional_moment *moment = v->place;
    moment->set = v->trimmed && civil_parse_datetime(v->trimmed, &moment->local);
    return moment->set ? VALUE_TAKEN : VALUE_MALFORMED;
}

/* Seconds, within the field's range in milliseconds (to a day when it has
 * no maximum). */
static enum outcome read_duration(struct value *v)
{
    int ms = 0;
    if (!v->trimmed || !parse_duration(v->trimmed, &ms))
        return VALUE_MALFORMED;
    int max = v->f->max ? v->f->max : SLIDE_MAX_DURATION_MS;
    if (ms < v->f->min || ms > max) {
        diag_add(v->file->src->diags, DIAG_ERROR, v->file->src->path, v->line,
                 "%s: %s s is out of range: write %g to %g seconds", v->f->name, v->trimmed,
                 v->f->min / 1000.0, max / 1000.0);
        return VALUE_REFUSED;
    }
    *(int *)v->place = ms;
    return VALUE_TAKEN;
}

static enum outcome read_colour(struct value *v)
{
    return v->trimmed && parse_colour(v->trimmed, v->place) ? VALUE_TAKEN : VALUE_MALFORMED;
}

/* A whole number from the field's min to its max (minutes or a count). */
static enum outcome read_whole_number(struct value *v)
{
    if (!v->trimmed)
        return VALUE_MALFORMED;
    char *end;
    long number = strtol(v->trimmed, &end, 10);
    if (*end != '\0' || !isdigit((unsigned char)v->trimmed[0]))
        return VALUE_MALFORMED;
    if (number < v->f->min || number > v->f->max) {
        diag_add(v->file->src->diags, DIAG_ERROR, v->file->src->path, v->line,
                 "%s: %s is out of range: write %d to %d", v->f->name, v->trimmed, v->f->min,
                 v->f->max);
        return VALUE_REFUSED;
    }
    *(int *)v->place = (int)number;
    return VALUE_TAKEN;
}

static enum outcome read_percent(struct value *v)
{
    if (!v->trimmed)
        return VALUE_MALFORMED;
    char *end;
    double number = strtod(v->trimmed, &end);
    if (*end != '\0' || !isdigit((unsigned char)v->trimmed[0]))
        return VALUE_MALFORMED;
    if (!(number >= v->f->min && number <= v->f->max)) {
        diag_add(v->file->src->diags, DIAG_ERROR, v->file->src->path, v->line,
                 "%s: %s is out of range: write %d to %d", v->f->name, v->trimmed, v->f->min,
                 v->f->max);
        return VALUE_REFUSED;
    }
    float taken = (float)number;
    memcpy(v->place, &taken, sizeof taken);
    return VALUE_TAKEN;
}

/* The index of text among the three words, or -1. */
static int word_index(const char *text, const char *const words[3])
{
    int chosen = -1;
    for (int i = 0; text && i < 3; i++)
        if (strcmp(text, words[i]) == 0)
            chosen = i;
    return chosen;
}

static enum outcome read_transition(struct value *v)
{
    static const char *const transitions[] = {"crossfade", "push", "none"};
    int chosen = word_index(v->trimmed, transitions);
    if (chosen < 0)
        return VALUE_MALFORMED;
    *(enum transition *)v->place = (enum transition)chosen;
    return VALUE_TAKEN;
}

static enum outcome read_direction(struct value *v)
{
    static const char *const directions[] = {"auto", "ltr", "rtl"};
    int chosen = word_index(v->trimmed, directions);
    if (chosen < 0)
        return VALUE_MALFORMED;
    *(enum text_direction *)v->place = (enum text_direction)chosen;
    return VALUE_TAKEN;
}

static enum outcome read_talk_qr(struct value *v)
{
    static const char *const leads_to[] = {"url", "feedback", "none"};
    int chosen = word_index(v->trimmed, leads_to);
    if (chosen < 0)
        return VALUE_MALFORMED;
    *(enum talk_qr *)v->place = (enum talk_qr)chosen;
    return VALUE_TAKEN;
}

static enum outcome read_fit(struct value *v)
{
    const char *text = v->trimmed;
    if (!text || (strcmp(text, "contain") != 0 && strcmp(text, "cover") != 0))
        return VALUE_MALFORMED;
    *(enum fit *)v->place = strcmp(text, "cover") == 0 ? FIT_COVER : FIT_CONTAIN;
    return VALUE_TAKEN;
}

/* True when text says yes or no ("true" or "yes", "false" or "no"); *yes
 * tells which. */
static bool parse_yes_no(const char *text, bool *yes)
{
    *yes = text && (strcmp(text, "true") == 0 || strcmp(text, "yes") == 0);
    bool no = text && (strcmp(text, "false") == 0 || strcmp(text, "no") == 0);
    return *yes || no;
}

static enum outcome read_flag(struct value *v)
{
    bool yes;
    if (!parse_yes_no(v->trimmed, &yes))
        return VALUE_MALFORMED;
    *(bool *)v->place = yes;
    return VALUE_TAKEN;
}

/* Set when the value is false: "footer: false" hides the footer. */
static enum outcome read_hidden(struct value *v)
{
    bool yes;
    if (!parse_yes_no(v->trimmed, &yes))
        return VALUE_MALFORMED;
    *(bool *)v->place = !yes;
    return VALUE_TAKEN;
}

/* The focus goes into the slide itself (base), whatever the field's offset. */
static enum outcome read_focus(struct value *v)
{
    return v->trimmed && parse_focus(v->trimmed, v->base) ? VALUE_TAKEN : VALUE_MALFORMED;
}

/* Files content names (these three readers): an empty value, or a file
 * that cannot be used, leaves the default; named_files reports why. */
static enum outcome read_image(struct value *v)
{
    char *path = v->trimmed ? named_files_image(v->file, v->f->name, v->trimmed, v->line) : NULL;
    replace_text((char **)v->place, path);
    return VALUE_TAKEN;
}

static enum outcome read_clip(struct value *v)
{
    char *path = v->trimmed ? named_files_clip(v->file, v->f->name, v->trimmed, v->line) : NULL;
    replace_text((char **)v->place, path);
    return VALUE_TAKEN;
}

static enum outcome read_font(struct value *v)
{
    char *path = v->trimmed ? named_files_font(v->file, v->f->name, v->trimmed, v->line) : NULL;
    replace_text((char **)v->place, path);
    return VALUE_TAKEN;
}

/* The slide's kind, which the caller read before the table. */
static enum outcome read_kind(struct value *v)
{
    (void)v;
    return VALUE_TAKEN;
}

/* How a type's values are read. */
struct value_type {
    enum outcome (*read)(struct value *v);
    bool one_value;       /* a single scalar, trimmed before it is read */
    const char *expected; /* one value: what it must look like, for the report */
};

static const struct value_type value_types[] = {
    [FIELD_TEXT] = {read_text, true, NULL},
    [FIELD_TEXT_LIST] = {read_text_list, false, NULL},
    [FIELD_DATE] = {read_date, true, "a date: write it as YYYY-MM-DD, e.g. 2025-02-12"},
    [FIELD_CLOCK] = {read_clock, true, "a time of day: write it as HH:MM, e.g. 09:30"},
    [FIELD_MOMENT] = {read_moment, true,
                      "a date and time: write YYYY-MM-DD HH:MM, e.g. 2025-02-12 09:00"},
    [FIELD_ZONE] = {read_zone, true,
                    "a time zone: write a name such as Asia/Dubai or Europe/Berlin"},
    [FIELD_DURATION] = {read_duration, true, "a duration: write seconds, e.g. 10 or 7.5"},
    [FIELD_COLOUR] = {read_colour, true, "a colour: write \"#rrggbb\" in quotes"},
    [FIELD_FILE] = {read_image, true, NULL},
    [FIELD_FONT] = {read_font, true, NULL},
    [FIELD_TRANSITION] = {read_transition, true, "a transition: write crossfade, push or none"},
    [FIELD_DIRECTION] = {read_direction, true, "a direction: write auto, ltr or rtl"},
    [FIELD_MAPPING] = {read_mapping, false, NULL},
    [FIELD_PARTNERS] = {read_partners, false, NULL},
    [FIELD_MINUTES] = {read_whole_number, true, "a number of minutes, such as 60"},
    [FIELD_TRACKS] = {read_tracks, false, NULL},
    [FIELD_FIT] = {read_fit, true,
                   "a fit: write contain (all of the picture) or cover (the whole slide)"},
    [FIELD_HIDDEN] = {read_hidden, true, "true or false"},
    [FIELD_FLAG] = {read_flag, true, "true or false"},
    [FIELD_COUNT] = {read_whole_number, true, "a whole number, such as 3"},
    [FIELD_PERCENT] = {read_percent, true, "a number, such as 3.4"},
    [FIELD_CLIP] = {read_clip, true, NULL},
    [FIELD_FOCUS] = {read_focus, true,
                     "a focus: write center, top, bottom, left, right, a pair such as "
                     "top left, or two percentages such as 30% 70%"},
    [FIELD_ROOMS] = {read_rooms, false, NULL},
    [FIELD_SCHEDULES] = {read_schedules, false, NULL},
    [FIELD_TALK_QR] = {read_talk_qr, true,
                       "what the door sign's code leads to: write url, feedback or none"},
    [FIELD_KIND] = {read_kind, true, NULL},
};
_Static_assert(sizeof value_types / sizeof *value_types == FIELD_KIND + 1,
               "a reader for each field type");

bool field_value_read(struct yaml_file *file, const struct field *f, yaml_node_t *node, void *base)
{
    const struct value_type *type = &value_types[f->type];
    struct value v = {.file = file,
                      .f = f,
                      .node = node,
                      .base = base,
                      .place = (char *)base + f->offset,
                      .text = fields_node_text(node),
                      .line = fields_node_line(node)};
    if (type->one_value && !v.text) {
        diag_add(file->src->diags, DIAG_ERROR, file->src->path, v.line,
                 "%s: expected a single value", f->name);
        return false;
    }
    v.trimmed = type->one_value ? fields_trimmed_copy(v.text) : NULL;
    enum outcome outcome = type->read(&v);
    if (outcome == VALUE_MALFORMED)
        diag_add(file->src->diags, DIAG_ERROR, file->src->path, v.line, "%s: '%s' is not %s",
                 f->name, v.text, type->expected);
    free(v.trimmed);
    return outcome == VALUE_TAKEN;
}
