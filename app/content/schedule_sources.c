/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The schedule: list of event.yaml, plain names or file:, url:, every:. */
#include "../limits.h"
#include "schedule_sources.h"

#include "../util/str.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct field schedule_source_fields[] = {
    {.name = "file",
     .type = FIELD_TEXT,
     .offset = offsetof(struct schedule_source, file),
     .required = true},
    {.name = "url", .type = FIELD_TEXT, .offset = offsetof(struct schedule_source, url)},
    {.name = "every",
     .type = FIELD_COUNT,
     .offset = offsetof(struct schedule_source, every),
     .min = FETCH_EVERY_MIN_S,
     .max = FETCH_EVERY_MAX_S},
};

/* A web address hallscreen-fetch can use: http or https, no space, no
 * control character. */
static bool is_web_address(const char *url)
{
    const char *rest = strncmp(url, "https://", 8) == 0  ? url + 8
                       : strncmp(url, "http://", 7) == 0 ? url + 7
                                                         : NULL;
    if (!rest || !*rest || *rest == '/')
        return false;
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        if (*p <= ' ' || *p == 0x7f)
            return false;
    return true;
}

/* True when file names one of the content folder's own files (its settings
 * or a slide), which a download of the export must not replace. */
static bool is_content_own_file(const char *file)
{
    static const char *const own[] = {"event.yaml", "theme.yaml", "alert.yaml", "rooms.yaml"};
    while (strncmp(file, "./", 2) == 0)
        file += 2;
    for (size_t i = 0; i < sizeof own / sizeof *own; i++)
        if (strcmp(file, own[i]) == 0)
            return true;
    size_t n = strlen(file);
    return strncmp(file, "slides/", 7) == 0 || (n >= 5 && strcasecmp(file + n - 5, ".yaml") == 0) ||
           (n >= 4 && strcasecmp(file + n - 4, ".yml") == 0);
}

/* One source as a mapping: file: (required), url:, every:. */
static bool read_schedule_source(struct yaml_file *file, const struct field *f, yaml_node_t *item,
                                 struct schedule_source *out)
{
    bool ok = fields_read(file, item, schedule_source_fields,
                          sizeof schedule_source_fields / sizeof *schedule_source_fields, out);
    int line = fields_node_line(item);
    if (out->url && !is_web_address(out->url)) {
        fields_mapping_text(&file->doc, item, "url", &line);
        diag_add(file->src->diags, DIAG_ERROR, file->src->path, line,
                 "%s: url: '%s' is not a web address: write it whole, as in "
                 "https://pretalx.example.org/EVENT/schedule/export/schedule.json",
                 f->name, out->url);
        return false;
    }
    if (!ok)
        return false;
    if (out->url && is_content_own_file(out->file)) {
        fields_mapping_text(&file->doc, item, "file", &line);
        diag_add(file->src->diags, DIAG_ERROR, file->src->path, line,
                 "%s: file: '%s' is one of the content folder's own files (settings or a slide), "
                 "which each download would replace: name the export's copy, as in "
                 "schedule.json",
                 f->name, out->file);
        return false;
    }
    if (out->every && !out->url) {
        fields_mapping_text(&file->doc, item, "every", &line);
        diag_add(file->src->diags, DIAG_WARNING, file->src->path, line,
                 "%s: every: is for a file with a url:; it is ignored", f->name);
    }
    return true;
}

bool schedule_sources_read(struct yaml_file *file, const struct field *f, yaml_node_t *value,
                           struct schedule_source **place, size_t *count)
{
    yaml_node_item_t *start = NULL, *top = NULL;
    yaml_node_item_t single;
    if (value->type == YAML_SCALAR_NODE) {
        single = (yaml_node_item_t)(value - file->doc.nodes.start) + 1;
        start = &single, top = &single + 1;
    } else if (value->type == YAML_SEQUENCE_NODE) {
        start = value->data.sequence.items.start, top = value->data.sequence.items.top;
    } else {
        diag_add(file->src->diags, DIAG_ERROR, file->src->path, fields_node_line(value),
                 "%s: expected a list, one file a line starting with '- ', or '- file:' "
                 "and 'url:'",
                 f->name);
        return false;
    }
    if (f->max > 0 && top - start > f->max) {
        diag_add(file->src->diags, DIAG_WARNING, file->src->path, fields_node_line(value),
                 "%s: %zu items; the first %d are read", f->name, (size_t)(top - start), f->max);
        top = start + f->max;
    }
    struct schedule_source *list = calloc((size_t)(top - start) + 1, sizeof *list);
    if (!list)
        return false;
    size_t n = 0;
    bool ok = true;
    for (yaml_node_item_t *it = start; it < top; it++) {
        yaml_node_t *item = yaml_document_get_node(&file->doc, *it);
        struct schedule_source source = {0};
        if (fields_node_text(item)) {
            source.file = fields_trimmed_copy(fields_node_text(item));
            if (source.file && is_content_own_file(source.file)) {
                diag_add(file->src->diags, DIAG_ERROR, file->src->path, fields_node_line(item),
                         "%s: '%s' is one of the content folder's own files (settings or a "
                         "slide), not a schedule export: name the export, as in schedule.xml",
                         f->name, source.file);
                ok = false;
                free(source.file);
                source.file = NULL;
            }
        } else if (item->type == YAML_MAPPING_NODE) {
            ok = read_schedule_source(file, f, item, &source) && ok;
        } else {
            diag_add(file->src->diags, DIAG_ERROR, file->src->path, fields_node_line(item),
                     "%s: each item is a file name, or 'file:' and 'url:'", f->name);
            ok = false;
        }
        if (source.file) {
            list[n++] = source;
        } else {
            free(source.file);
            free(source.url);
        }
    }
    schedule_sources_free(*place, *count);
    *place = list;
    *count = n;
    return ok;
}
