/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Content files to programme parts: theme, event, alert and slide files.
 * Each parser takes the file's text and the path to name in problems. */
#ifndef HALLSCREEN_LOADER_H
#define HALLSCREEN_LOADER_H

#include "../model/diag.h"
#include "fields.h"
#include "../model/programme.h"

#include <stdbool.h>
#include <stddef.h>

/* Each parser takes the file's text and src: its path to name in problems
 * (which go to src->diags), the folder the paths it names are inside, and
 * where to note the files it names (src->refs). */

/* Overrides the theme fields that the text sets; fonts are font families
 * or font files in src->dir. Returns false, with the theme unchanged, when
 * it has errors; a font that cannot be used is a warning, and the theme's
 * font stays. */
bool theme_parse(const struct source *src, const char *text, size_t size, struct theme *theme);

/* The built-in theme (assets/theme.yaml as the program was built with it),
 * used where neither the assets' nor the content's theme.yaml say
 * otherwise. Free it with theme_free(). */
void theme_init_defaults(struct theme *theme);

/* Reads the theme file at src->path and parses it as theme_parse() does. */
bool theme_load_file(const struct source *src, struct theme *theme);

/* Parses an event file into event. Returns false, with event untouched,
 * when it has errors. */
bool event_parse(const struct source *src, const char *text, size_t size, struct event *event);

/* Parses the urgent notice (label, title, body) into alert, a slide of kind
 * SLIDE_ALERT. Returns false, with alert untouched, on errors. */
bool alert_parse(const struct source *src, const char *text, size_t size, struct slide *alert);

/* Parses one slide file; logos are looked for in src->dir. Returns the
 * number of slides it makes (a long partner list makes several), written to
 * *slides (the caller frees each with slide_free() and the array with
 * free()); 0 after reporting the errors. */
size_t slide_parse(const struct source *src, const char *text, size_t size, struct slide **slides);

/* True for names that are read in slides/: *.yaml or *.yml in any case,
 * not hidden, not an editor's backup or lock file. */
bool content_is_slide_name(const char *name);

/* Why a file in slides/ that looks meant as a slide is not read (such as
 * "10-a.yaml.txt"), or NULL when it is a slide or plainly no slide (notes,
 * hidden and editors' files). */
const char *content_not_slide_reason(const char *name);

#endif
