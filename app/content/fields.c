/* SPDX-License-Identifier: GPL-2.0-or-later */
/* YAML files to C structs, table-driven: loading a file and walking a
 * table of fields over it. Each value's syntax is in field_values.c. */
#include "../limits.h"
#include "fields.h"
#include "field_values.h"

#include "../util/file_read.h"
#include "../util/str.h"

#include <stdlib.h>
#include <string.h>

int fields_node_line(const yaml_node_t *node)
{
    return (int)node->start_mark.line + 1;
}

char *fields_read_file(const char *path, size_t max_bytes, size_t *size, struct diag_list *diags)
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
                 root ? fields_node_line(root) : (int)parser->problem_mark.line + 1,
                 "a second YAML document ('---') is ignored: one file holds one slide");
    if (read)
        yaml_document_delete(&next);
}

yaml_node_t *fields_load(struct yaml_file *file)
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
        if (parser.error == YAML_READER_ERROR && parser.problem_offset < file->size) {
            /* the reader gives a byte offset, not a line: counted here */
            int line = 1, column = 1;
            for (size_t i = 0; i < parser.problem_offset; i++) {
                if (file->text[i] == '\n')
                    line++, column = 1;
                else if (((unsigned char)file->text[i] & 0xc0) != 0x80) /* one a character */
                    column++;
            }
            diag_add(file->src->diags, DIAG_ERROR, file->src->path, line,
                     "YAML syntax: %s (U+%04X at column %d): remove it, or write it as an "
                     "escape in double quotes, as in \"\\t\"",
                     problem, (unsigned)parser.problem_value, column);
        } else if (parser.context)
            diag_add(file->src->diags, DIAG_ERROR, file->src->path,
                     (int)parser.problem_mark.line + 1, "YAML syntax: %s (%s at line %d)", problem,
                     parser.context, (int)parser.context_mark.line + 1);
        else if (strcmp(problem, "mapping values are not allowed in this context") == 0)
            /* the usual cause: a value holding ": ", as talk titles do */
            diag_add(file->src->diags, DIAG_ERROR, file->src->path,
                     (int)parser.problem_mark.line + 1,
                     "YAML syntax: a value holds ': ' (column %d): put the whole value in "
                     "quotes, as in title: \"Keynote: the future\"",
                     (int)parser.problem_mark.column + 1);
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
        diag_add(file->src->diags, DIAG_ERROR, file->src->path, fields_node_line(root),
                 "expected fields written as 'name: value'");
        return NULL;
    }
    return root;
}

void fields_free(struct yaml_file *file)
{
    if (file->loaded)
        yaml_document_delete(&file->doc);
    file->loaded = false;
}

char *fields_trimmed_copy(const char *text)
{
    while (*text && strchr(" \t\r\n", *text))
        text++;
    size_t n = strlen(text);
    while (n > 0 && strchr(" \t\r\n", text[n - 1]))
        n--;
    char *copy = n ? str_ndup(text, n) : NULL;
    if (copy)
        utf8_bound_invisible(copy);
    return copy;
}

const char *fields_node_text(const yaml_node_t *node)
{
    return node && node->type == YAML_SCALAR_NODE ? (const char *)node->data.scalar.value : NULL;
}

const char *fields_mapping_text(yaml_document_t *doc, yaml_node_t *mapping, const char *key,
                                int *line)
{
    for (yaml_node_pair_t *p = mapping->data.mapping.pairs.start;
         p < mapping->data.mapping.pairs.top; p++) {
        const char *k = fields_node_text(yaml_document_get_node(doc, p->key));
        if (k && strcmp(k, key) == 0) {
            yaml_node_t *value = yaml_document_get_node(doc, p->value);
            *line = fields_node_line(value);
            return fields_node_text(value);
        }
    }
    return NULL;
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
        diag_add(file->src->diags, DIAG_ERROR, file->src->path, fields_node_line(mapping),
                 "%zu fields: no slide has more than a few dozen", pair_count);
        return false;
    }
    for (size_t i = 0; i < pair_count; i++) {
        yaml_node_t *key_node = yaml_document_get_node(&file->doc, pairs[i].key);
        yaml_node_t *value = yaml_document_get_node(&file->doc, pairs[i].value);
        const char *key = fields_node_text(key_node);
        int line = fields_node_line(key_node);
        if (!key) {
            diag_add(file->src->diags, DIAG_ERROR, file->src->path, line,
                     "a field name must be plain text");
            ok = false;
            continue;
        }
        bool duplicate = false;
        for (size_t j = 0; j < i && !duplicate; j++) {
            const char *earlier =
                fields_node_text(yaml_document_get_node(&file->doc, pairs[j].key));
            if (earlier && strcmp(earlier, key) == 0) {
                diag_add(file->src->diags, DIAG_ERROR, file->src->path, line,
                         "%s: given twice (first at line %d)", key,
                         fields_node_line(yaml_document_get_node(&file->doc, pairs[j].key)));
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
        if (f->type != FIELD_KIND && !field_value_read(file, f, value, base)) {
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
            diag_add(file->src->diags, DIAG_ERROR, file->src->path, fields_node_line(mapping),
                     "%s: missing (this field is required)", f->name);
        ok = false;
    }
    return ok;
}
