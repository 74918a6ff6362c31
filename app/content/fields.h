/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Reads YAML files and maps their fields onto C structs through tables of
 * field descriptions, reporting every problem as path:line. */
#ifndef HALLSCREEN_FIELDS_H
#define HALLSCREEN_FIELDS_H

#include "../limits.h"
#include "../model/diag.h"

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

enum field_type {
    FIELD_TEXT,       /* char *; empty text counts as absent */
    FIELD_TEXT_LIST,  /* char **, followed by a size_t count: see FIELD_LIST_COUNT */
    FIELD_DATE,       /* struct optional_day, "YYYY-MM-DD" */
    FIELD_CLOCK,      /* struct optional_clock, "HH:MM" */
    FIELD_MOMENT,     /* struct optional_moment, "YYYY-MM-DD HH:MM" */
    FIELD_ZONE,       /* char *, a tz database name such as "Asia/Dubai" */
    FIELD_DURATION,   /* int milliseconds, written in seconds: 10 or 7.5 */
    FIELD_COLOUR,     /* struct rgba, "#rrggbb" or "#rrggbbaa" */
    FIELD_FILE,       /* char *, full path of a file inside the content folder */
    FIELD_FONT,       /* char *, a font family, or a font file's full path in the folder */
    FIELD_TRANSITION, /* enum transition: crossfade, push or none */
    FIELD_DIRECTION,  /* enum text_direction: auto, ltr or rtl */
    FIELD_MAPPING,    /* fields of the same struct, nested: see struct field's table */
    FIELD_PARTNERS,   /* struct partner *, followed by a size_t count */
    FIELD_MINUTES,    /* int, whole minutes from 0 to the field's max */
    FIELD_TRACKS,     /* struct track_colour *, a count after: "name: colour" lines */
    FIELD_FIT,        /* enum fit: contain or cover */
    FIELD_HIDDEN,     /* bool, set when the value is false: "footer: false" hides it */
    FIELD_FLAG,       /* bool: true or false */
    FIELD_COUNT,      /* int, a whole number from the field's min to its max */
    FIELD_PERCENT,    /* float, a number such as 3.4 from the field's min to its max */
    FIELD_CLIP,       /* char *, full path of a video file inside the content folder */
    FIELD_FOCUS,      /* the focus of a slide: "top", "bottom left", "30% 70%" */
    FIELD_ROOMS,      /* struct room_entry *, a count after: names, or name: display: info: */
    FIELD_SCHEDULES,  /* struct schedule_source *, a count after: names or file: url: every: */
    FIELD_TALK_QR,    /* enum talk_qr: url, feedback or none */
    FIELD_KIND,       /* read by the caller before the table; skipped here */
};

struct field {
    const char *name;
    enum field_type type;
    size_t offset;       /* of the value in the struct being filled */
    size_t count_offset; /* lists: of the size_t count */
    int min, max;        /* FIELD_DURATION: the range in ms; lists: at most max items */
    bool required;
    const struct field *table; /* FIELD_MAPPING: the nested fields */
    size_t table_count;
};

struct named_files; /* see named_files.h */

/* A content file to parse: where it is and what its paths mean. */
struct source {
    const char *path;         /* as reported in problems */
    const char *dir;          /* paths in it lead to files inside this folder */
    struct diag_list *diags;  /* gets every problem */
    struct named_files *refs; /* NULL, or gets the files it names */
    /* NULL, or tells whether a font family (a fontconfig pattern such as
     * "Noto Sans:bold") is installed */
    bool (*font_installed)(const char *pattern);
    /* NULL, or tells whether the font file at path can be read */
    bool (*font_file_usable)(const char *path);
};

struct yaml_file {
    const struct source *src;
    const char *text; /* the file's bytes */
    size_t size;
    yaml_document_t doc;
    bool loaded;
};

/* Reads the file at path whole: a malloc'd, NUL-terminated buffer and its
 * size, or NULL after reporting why (unreadable, not a file, larger than
 * max_bytes), through file_read_all(): opened without blocking, so a FIFO
 * never hangs the show. */
char *fields_read_file(const char *path, size_t max_bytes, size_t *size, struct diag_list *diags);

/* Parses the file's text. Returns the root mapping, or NULL after reporting
 * why the file cannot be used (not UTF-8, a NUL byte, a YAML syntax error,
 * empty, or not a mapping). Call fields_free() either way. */
yaml_node_t *fields_load(struct yaml_file *file);

/* Frees the parsed document; safe on a file that failed to load. */
void fields_free(struct yaml_file *file);

/* The text of node when it is a scalar, or NULL (a list, a mapping, or no
 * node). */
const char *fields_node_text(const yaml_node_t *node);

/* A copy of text without the white space around it, its invisible
 * controls bounded (utf8_bound_invisible()); NULL when nothing is left or
 * memory runs out. */
char *fields_trimmed_copy(const char *text);

/* The line node (not NULL) starts on, counted from 1. */
int fields_node_line(const yaml_node_t *node);

/* Returns the scalar text of key in mapping, with its line in *line, or
 * NULL. */
const char *fields_mapping_text(yaml_document_t *doc, yaml_node_t *mapping, const char *key,
                                int *line);

/* Fills base from mapping as the table says. Unknown fields are warned about
 * (with the nearest known name); missing required fields, duplicate fields
 * and malformed values are errors. Returns false when there was an error:
 * the caller then drops what was read. */
bool fields_read(struct yaml_file *file, yaml_node_t *mapping, const struct field *table,
                 size_t count, void *base);

#endif
