/* YAML files to C structs, table-driven. */
#include "../limits.h"
#include "fields.h"
#include "named_files.h"

#include "../model/programme.h"
#include "../util/civil_time.h"
#include "../util/file_read.h"
#include "../util/str.h"
#include "../util/zone.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int node_line(const yaml_node_t *node)
{
    return (int)node->start_mark.line + 1;
}

char *content_read_file(const char *path, size_t max_bytes, size_t *size, struct diag_list *diags)
{
    char why[160];
    char *text = file_read_all(path, max_bytes, size, why, sizeof why);
    if (!text)
        diag_add(diags, DIAG_ERROR, path, 0, "%s", why);
    return text;
}

/* True when the file's text is UTF-8 without NUL bytes; else reports where. */
static bool check_text(struct yaml_file *file)
{
    const char *text = file->text;
    size_t n = file->size;
    size_t bad = utf8_invalid_at(text, n);
    const char *nul = memchr(text, '\0', n);
    if (nul && (size_t)(nul - text) < bad)
        bad = (size_t)(nul - text);
    if (bad == n)
        return true;
    int line = 1;
    for (size_t i = 0; i < bad; i++)
        line += text[i] == '\n';
    diag_add(file->src->diags, DIAG_ERROR, file->src->path, line,
             nul && text + bad == nul ? "contains a NUL byte: this is not a text file"
                                      : "is not UTF-8 text: save it as UTF-8");
    return false;
}

/* Reports and returns false when the text nests collections deeper than
 * MAX_DEPTH, which no content needs and which makes parsing slow. Syntax
 * errors are left for the loader to report. */
static bool nesting_is_sane(struct yaml_file *file)
{
    enum { MAX_DEPTH = 32 };
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return false;
    yaml_parser_set_input_string(&parser, (const unsigned char *)file->text, file->size);
    int depth = 0;
    bool sane = true, done = false;
    while (!done && sane) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event))
            break;
        if (event.type == YAML_SEQUENCE_START_EVENT || event.type == YAML_MAPPING_START_EVENT)
            depth++;
        else if (event.type == YAML_SEQUENCE_END_EVENT || event.type == YAML_MAPPING_END_EVENT)
            depth--;
        if (depth > MAX_DEPTH) {
            diag_add(file->src->diags, DIAG_ERROR, file->src->path, (int)event.start_mark.line + 1,
                     "lists or fields nested more than %d deep", MAX_DEPTH);
            sane = false;
        }
        done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
    }
    yaml_parser_delete(&parser);
    return sane;
}

/* A file holds one slide or setting: a second document ('---' and more
 * after the first) is reported, since it would be ignored. */
static void warn_second_document(struct yaml_file *file, yaml_parser_t *parser)
{
    yaml_document_t next;
    bool read = yaml_parser_load(parser, &next);
    yaml_node_t *root = read ? yaml_document_get_root_node(&next) : NULL;
    if (root || !read)
        diag_add(file->src->diags, DIAG_WARNING, file->src->path,
                 root ? node_line(root) : (int)parser->problem_mark.line + 1,
                 "a second YAML document ('---') is ignored: one file holds one slide");
    if (read)
        yaml_document_delete(&next);
}

yaml_node_t *yaml_file_load(struct yaml_file *file)
{
    file->loaded = false;
    if (!check_text(file) || !nesting_is_sane(file))
        return NULL;
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return NULL;
    yaml_parser_set_input_string(&parser, (const unsigned char *)file->text, file->size);
    bool ok = yaml_parser_load(&parser, &file->doc);
    if (!ok) {
        const char *problem = parser.problem ? parser.problem : "cannot be parsed";
        if (parser.context)
            diag_add(file->src->diags, DIAG_ERROR, file->src->path,
                     (int)parser.problem_mark.line + 1, "YAML syntax: %s (%s at line %d)", problem,
                     parser.context, (int)parser.context_mark.line + 1);
        else
            diag_add(file->src->diags, DIAG_ERROR, file->src->path,
                     (int)parser.problem_mark.line + 1, "YAML syntax: %s", problem);
    }
    if (ok)
        warn_second_document(file, &parser);
    yaml_parser_delete(&parser);
    if (!ok)
        return NULL;
    file->loaded = true;
    yaml_node_t *root = yaml_document_get_root_node(&file->doc);
    if (!root) {
        diag_add(file->src->diags, DIAG_ERROR, file->src->path, 0, "is empty");
        return NULL;
    }
    if (root->type != YAML_MAPPING_NODE) {
        diag_add(file->src->diags, DIAG_ERROR, file->src->path, node_line(root),
                 "expected fields written as 'name: value'");
        return NULL;
    }
    return root;
}

void yaml_file_free(struct yaml_file *file)
{
    if (file->loaded)
        yaml_document_delete(&file->doc);
    file->loaded = false;
}

static const char *scalar(const yaml_node_t *node)
{
    return node && node->type == YAML_SCALAR_NODE ? (const char *)node->data.scalar.value : NULL;
}

const char *yaml_mapping_scalar(yaml_document_t *doc, yaml_node_t *mapping, const char *key,
                                int *line)
{
    for (yaml_node_pair_t *p = mapping->data.mapping.pairs.start;
         p < mapping->data.mapping.pairs.top; p++) {
        const char *k = scalar(yaml_document_get_node(doc, p->key));
        if (k && strcmp(k, key) == 0) {
            yaml_node_t *value = yaml_document_get_node(doc, p->value);
            *line = node_line(value);
            return scalar(value);
        }
    }
    return NULL;
}

/* A copy of text with surrounding white space removed; NULL when nothing is left. */
static char *trimmed_copy(const char *text)
{
    while (*text == ' ' || *text == '\t' || *text == '\n' || *text == '\r')
        text++;
    size_t n = strlen(text);
    while (n > 0 && strchr(" \t\r\n", text[n - 1]))
        n--;
    return n ? str_ndup(text, n) : NULL;
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

static bool read_text_list(struct yaml_file *file, const struct field *f, yaml_node_t *value,
                           char ***items, size_t *count)
{
    yaml_node_item_t *start = NULL, *top = NULL;
    yaml_node_item_t single;
    if (value->type == YAML_SCALAR_NODE) {
        single = (yaml_node_item_t)(value - file->doc.nodes.start) + 1;
        start = &single, top = &single + 1;
    } else if (value->type == YAML_SEQUENCE_NODE) {
        start = value->data.sequence.items.start, top = value->data.sequence.items.top;
    } else {
        diag_add(file->src->diags, DIAG_ERROR, file->src->path, node_line(value),
                 "%s: expected a list of names, one per line starting with '- '", f->name);
        return false;
    }
    if (f->max > 0 && top - start > f->max) {
        diag_add(file->src->diags, DIAG_WARNING, file->src->path, node_line(value),
                 "%s: %zu items; the first %d are shown", f->name, (size_t)(top - start), f->max);
        top = start + f->max;
    }
    char **list = calloc((size_t)(top - start) + 1, sizeof *list);
    if (!list)
        return false;
    size_t n = 0;
    for (yaml_node_item_t *it = start; it < top; it++) {
        yaml_node_t *item = yaml_document_get_node(&file->doc, *it);
        const char *text = scalar(item);
        if (!text) {
            diag_add(file->src->diags, DIAG_ERROR, file->src->path, node_line(item),
                     "%s: each item must be plain text", f->name);
            for (size_t i = 0; i < n; i++)
                free(list[i]);
            free(list);
            return false;
        }
        char *copy = trimmed_copy(text);
        if (copy)
            list[n++] = copy;
    }
    *items = list;
    *count = n;
    return true;
}

static bool read_partners(struct yaml_file *file, const struct field *f, yaml_node_t *value,
                          struct partner **items, size_t *count)
{
    if (value->type != YAML_SEQUENCE_NODE) {
        diag_add(file->src->diags, DIAG_ERROR, file->src->path, node_line(value),
                 "%s: expected a list, each item starting with '- name:'", f->name);
        return false;
    }
    yaml_node_item_t *start = value->data.sequence.items.start;
    yaml_node_item_t *top = value->data.sequence.items.top;
    if (f->max > 0 && top - start > f->max) {
        diag_add(file->src->diags, DIAG_WARNING, file->src->path, node_line(value),
                 "%s: %zu partners; the first %d are shown", f->name, (size_t)(top - start),
                 f->max);
        top = start + f->max;
    }
    struct partner *list = calloc((size_t)(top - start) + 1, sizeof *list);
    if (!list)
        return false;
    size_t n = 0;
    bool ok = true;
    for (yaml_node_item_t *it = start; it < top; it++) {
        yaml_node_t *item = yaml_document_get_node(&file->doc, *it);
        struct partner p = {0};
        if (scalar(item)) {
            p.name = trimmed_copy(scalar(item));
        } else if (item->type == YAML_MAPPING_NODE) {
            if (!fields_read(file, item, partner_fields,
                             sizeof partner_fields / sizeof *partner_fields, &p))
                ok = false;
        } else {
            diag_add(file->src->diags, DIAG_ERROR, file->src->path, node_line(item),
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
    *items = list;
    *count = n;
    return ok;
}

/* Track colours: a mapping of track names to colours. */
static bool read_tracks(struct yaml_file *file, const struct field *f, yaml_node_t *value,
                        struct track_colour **items, size_t *count)
{
    if (value->type != YAML_MAPPING_NODE) {
        diag_add(file->src->diags, DIAG_ERROR, file->src->path, node_line(value),
                 "%s: expected one line a track, indented, like '  Security: \"#c0392b\"'",
                 f->name);
        return false;
    }
    yaml_node_pair_t *pairs = value->data.mapping.pairs.start;
    size_t n = (size_t)(value->data.mapping.pairs.top - pairs), kept = 0;
    struct track_colour *list = calloc(n + 1, sizeof *list);
    bool ok = list != NULL;
    for (size_t i = 0; ok && i < n; i++) {
        yaml_node_t *key = yaml_document_get_node(&file->doc, pairs[i].key);
        yaml_node_t *colour = yaml_document_get_node(&file->doc, pairs[i].value);
        const char *name = scalar(key), *text = scalar(colour);
        char *trimmed = text ? trimmed_copy(text) : NULL;
        struct rgba c;
        if (name && trimmed && parse_colour(trimmed, &c)) {
            list[kept++] = (struct track_colour){str_dup(name), c};
        } else {
            diag_add(file->src->diags, DIAG_ERROR, file->src->path, node_line(colour),
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
    return ok;
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

/* Reads one value into its place; false after reporting an error. */
static bool read_value(struct yaml_file *file, const struct field *f, yaml_node_t *value,
                       void *base)
{
    char *place = (char *)base + f->offset;
    const char *text = scalar(value);
    int line = node_line(value);
    if (f->type == FIELD_TEXT_LIST)
        return read_text_list(file, f, value, (char ***)place,
                              (size_t *)((char *)base + f->count_offset));
    if (f->type == FIELD_MAPPING) {
        if (value->type != YAML_MAPPING_NODE) {
            diag_add(file->src->diags, DIAG_ERROR, file->src->path, node_line(value),
                     "%s: expected fields under it, indented, like '  title: ...'", f->name);
            return false;
        }
        return fields_read(file, value, f->table, f->table_count, base);
    }
    if (f->type == FIELD_TRACKS)
        return read_tracks(file, f, value, (struct track_colour **)place,
                           (size_t *)((char *)base + f->count_offset));
    if (f->type == FIELD_PARTNERS)
        return read_partners(file, f, value, (struct partner **)place,
                             (size_t *)((char *)base + f->count_offset));
    if (!text) {
        diag_add(file->src->diags, DIAG_ERROR, file->src->path, line, "%s: expected a single value",
                 f->name);
        return false;
    }
    /* What a value of each type must look like, for the problem report. */
    static const char *const expected[] = {
        [FIELD_DATE] = "a date: write it as YYYY-MM-DD, e.g. 2025-02-12",
        [FIELD_CLOCK] = "a time of day: write it as HH:MM, e.g. 09:30",
        [FIELD_MOMENT] = "a date and time: write YYYY-MM-DD HH:MM, e.g. 2025-02-12 09:00",
        [FIELD_ZONE] = "a time zone: write a name such as Asia/Dubai or Europe/Berlin",
        [FIELD_DURATION] = "a duration: write seconds, e.g. 10 or 7.5",
        [FIELD_COLOUR] = "a colour: write \"#rrggbb\" in quotes",
        [FIELD_TRANSITION] = "a transition: write crossfade, push or none",
        [FIELD_DIRECTION] = "a direction: write auto, ltr or rtl",
        [FIELD_MINUTES] = "a number of minutes, such as 60",
        [FIELD_FIT] = "a fit: write contain (all of the picture) or cover (the whole slide)",
        [FIELD_HIDDEN] = "true or false",
        [FIELD_FLAG] = "true or false",
        [FIELD_COUNT] = "a whole number, such as 3",
        [FIELD_PERCENT] = "a number, such as 3.4",
        [FIELD_FOCUS] = "a focus: write center, top, bottom, left, right, a pair such as "
                        "top left, or two percentages such as 30% 70%",
    };
    static const char *const transitions[] = {"crossfade", "push", "none"};
    static const char *const directions[] = {"auto", "ltr", "rtl"};
    char *value_text = trimmed_copy(text);
    bool ok = value_text != NULL;
    switch (f->type) {
    case FIELD_TEXT:
    case FIELD_ZONE:
        ok = f->type == FIELD_TEXT || (ok && zone_exists(value_text));
        if (ok && value_text) {
            free(*(char **)place); /* a default that the file overrides */
            *(char **)place = value_text;
            value_text = NULL;
        }
        break;
    case FIELD_DATE: {
        struct optional_day *day = (struct optional_day *)place;
        day->set = ok = ok && civil_parse_date(value_text, &day->days);
        break;
    }
    case FIELD_CLOCK: {
        struct optional_clock *clock = (struct optional_clock *)place;
        clock->set = ok = ok && civil_parse_clock(value_text, &clock->minutes);
        break;
    }
    case FIELD_MOMENT: {
        struct optional_moment *moment = (struct optional_moment *)place;
        moment->set = ok = ok && civil_parse_datetime(value_text, &moment->local);
        break;
    }
    case FIELD_DURATION: {
        int ms = 0;
        ok = ok && parse_duration(value_text, &ms);
        if (ok && (ms < f->min || ms > (f->max ? f->max : SLIDE_MAX_DURATION_MS))) {
            diag_add(file->src->diags, DIAG_ERROR, file->src->path, line,
                     "%s: %s s is out of range: write %g to %g seconds", f->name, value_text,
                     f->min / 1000.0, (f->max ? f->max : SLIDE_MAX_DURATION_MS) / 1000.0);
            free(value_text);
            return false;
        }
        if (ok)
            *(int *)place = ms;
        break;
    }
    case FIELD_COLOUR:
        ok = ok && parse_colour(value_text, (struct rgba *)place);
        break;
    case FIELD_MINUTES:
    case FIELD_COUNT: {
        char *end;
        long number = ok ? strtol(value_text, &end, 10) : -1;
        ok = ok && *end == '\0' && isdigit((unsigned char)value_text[0]);
        if (ok && (number < f->min || number > f->max)) {
            diag_add(file->src->diags, DIAG_ERROR, file->src->path, line,
                     "%s: %s is out of range: write %d to %d", f->name, value_text, f->min, f->max);
            free(value_text);
            return false;
        }
        if (ok)
            *(int *)place = (int)number;
        break;
    }
    case FIELD_PERCENT: {
        char *end;
        double number = ok ? strtod(value_text, &end) : -1;
        ok = ok && *end == '\0' && isdigit((unsigned char)value_text[0]);
        if (ok && !(number >= f->min && number <= f->max)) {
            diag_add(file->src->diags, DIAG_ERROR, file->src->path, line,
                     "%s: %s is out of range: write %d to %d", f->name, value_text, f->min, f->max);
            free(value_text);
            return false;
        }
        float taken = (float)number;
        if (ok)
            memcpy(place, &taken, sizeof taken);
        break;
    }
    case FIELD_TRANSITION:
    case FIELD_DIRECTION: {
        bool transition = f->type == FIELD_TRANSITION;
        const char *const *names = transition ? transitions : directions;
        int chosen = -1;
        for (int i = 0; ok && i < 3; i++)
            if (strcmp(value_text, names[i]) == 0)
                chosen = i;
        ok = chosen >= 0;
        if (ok && transition)
            *(enum transition *)place = (enum transition)chosen;
        else if (ok)
            *(enum text_direction *)place = (enum text_direction)chosen;
        break;
    }
    case FIELD_FIT:
        ok = ok && (strcmp(value_text, "contain") == 0 || strcmp(value_text, "cover") == 0);
        if (ok)
            *(enum fit *)place = strcmp(value_text, "cover") == 0 ? FIT_COVER : FIT_CONTAIN;
        break;
    case FIELD_HIDDEN:
    case FIELD_FLAG: {
        bool yes = ok && (strcmp(value_text, "true") == 0 || strcmp(value_text, "yes") == 0);
        bool no = ok && (strcmp(value_text, "false") == 0 || strcmp(value_text, "no") == 0);
        ok = yes || no;
        if (ok)
            *(bool *)place = f->type == FIELD_HIDDEN ? no : yes;
        break;
    }
    case FIELD_FOCUS:
        ok = ok && parse_focus(value_text, (struct slide *)base);
        break;
    case FIELD_FILE: {
        ok = true;
        replace_text((char **)place,
                     value_text ? named_files_image(file, f->name, value_text, line) : NULL);
        break;
    }
    case FIELD_CLIP:
        ok = true;
        replace_text((char **)place,
                     value_text ? named_files_clip(file, f->name, value_text, line) : NULL);
        break;
    case FIELD_FONT: {
        ok = true;
        replace_text((char **)place,
                     value_text ? named_files_font(file, f->name, value_text, line) : NULL);
        break;
    }
    case FIELD_TEXT_LIST: /* lists and mappings are not one value: read above */
    case FIELD_MAPPING:
    case FIELD_PARTNERS:
    case FIELD_TRACKS:
    case FIELD_KIND:
        ok = true;
        break;
    }
    if (!ok)
        diag_add(file->src->diags, DIAG_ERROR, file->src->path, line, "%s: '%s' is not %s", f->name,
                 text, expected[f->type]);
    free(value_text);
    return ok;
}

static const struct field *find_field(const struct field *table, size_t count, const char *name)
{
    for (size_t i = 0; i < count; i++)
        if (strcmp(table[i].name, name) == 0)
            return &table[i];
    return NULL;
}

static void report_unknown(struct yaml_file *file, const struct field *table, size_t count,
                           const char *key, int line)
{
    const char *nearest = NULL;
    int best = 3;
    for (size_t i = 0; i < count; i++) {
        int d = str_distance(key, table[i].name);
        if (d < best)
            best = d, nearest = table[i].name;
    }
    if (nearest) {
        diag_add(file->src->diags, DIAG_WARNING, file->src->path, line,
                 "unknown field '%s' (did you mean '%s'?); it is ignored", key, nearest);
        return;
    }
    char known[512] = "";
    for (size_t i = 0; i < count; i++) {
        if (i)
            strncat(known, ", ", sizeof known - strlen(known) - 1);
        strncat(known, table[i].name, sizeof known - strlen(known) - 1);
    }
    diag_add(file->src->diags, DIAG_WARNING, file->src->path, line,
             "unknown field '%s'; it is ignored (known fields: %s)", key, known);
}

bool fields_read(struct yaml_file *file, yaml_node_t *mapping, const struct field *table,
                 size_t count, void *base)
{
    enum { MAX_FIELDS = 32, MAX_PAIRS = 200 };
    int seen_line[MAX_FIELDS] = {0}; /* where each field was given; 0: not given */
    bool ok = true;
    if (count > MAX_FIELDS)
        return false;
    yaml_node_pair_t *pairs = mapping->data.mapping.pairs.start;
    size_t pair_count = (size_t)(mapping->data.mapping.pairs.top - pairs);
    if (pair_count > MAX_PAIRS) {
        diag_add(file->src->diags, DIAG_ERROR, file->src->path, node_line(mapping),
                 "%zu fields: no slide has more than a few dozen", pair_count);
        return false;
    }
    for (size_t i = 0; i < pair_count; i++) {
        yaml_node_t *key_node = yaml_document_get_node(&file->doc, pairs[i].key);
        yaml_node_t *value = yaml_document_get_node(&file->doc, pairs[i].value);
        const char *key = scalar(key_node);
        int line = node_line(key_node);
        if (!key) {
            diag_add(file->src->diags, DIAG_ERROR, file->src->path, line,
                     "a field name must be plain text");
            ok = false;
            continue;
        }
        bool duplicate = false;
        for (size_t j = 0; j < i && !duplicate; j++) {
            const char *earlier = scalar(yaml_document_get_node(&file->doc, pairs[j].key));
            if (earlier && strcmp(earlier, key) == 0) {
                diag_add(file->src->diags, DIAG_ERROR, file->src->path, line,
                         "%s: given twice (first at line %d)", key,
                         node_line(yaml_document_get_node(&file->doc, pairs[j].key)));
                duplicate = true;
            }
        }
        if (duplicate) {
            ok = false;
            continue;
        }
        const struct field *f = find_field(table, count, key);
        if (!f) {
            report_unknown(file, table, count, key, line);
            continue;
        }
        seen_line[f - table] = line;
        if (f->type != FIELD_KIND && !read_value(file, f, value, base)) {
            seen_line[f - table] = -1; /* already reported */
            ok = false;
        }
    }
    for (size_t i = 0; i < count; i++) {
        const struct field *f = &table[i];
        if (!f->required || f->type != FIELD_TEXT || *(char **)((char *)base + f->offset) ||
            seen_line[i] < 0)
            continue;
        if (seen_line[i])
            diag_add(file->src->diags, DIAG_ERROR, file->src->path, seen_line[i], "%s: is empty",
                     f->name);
        else
            diag_add(file->src->diags, DIAG_ERROR, file->src->path, node_line(mapping),
                     "%s: missing (this field is required)", f->name);
        ok = false;
    }
    return ok;
}
