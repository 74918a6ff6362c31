/* Content files to programme parts: theme, event, alert and slide files.
 * Each parser takes the file's text and the path to name in problems. */
#ifndef HALLSCREEN_LOADER_H
#define HALLSCREEN_LOADER_H

#include "diag.h"
#include "programme.h"

#include <stdbool.h>
#include <stddef.h>

/* Overrides the theme fields that the text sets. Returns false, with the
 * theme unchanged, when it has errors (reported to diags). */
bool theme_parse(const char *path, const char *text, size_t size, struct theme *theme,
                 struct diag_list *diags);

/* Reads the theme file at path and parses it as theme_parse() does. */
bool theme_load_file(const char *path, struct theme *theme, struct diag_list *diags);

/* Parses an event file into event. Returns false, with event untouched,
 * when it has errors. */
bool event_parse(const char *path, const char *text, size_t size, struct event *event,
                 struct diag_list *diags);

/* Parses the urgent notice (label, title, body) into alert, a slide of kind
 * SLIDE_ALERT. Returns false, with alert untouched, on errors. */
bool alert_parse(const char *path, const char *text, size_t size, struct slide *alert,
                 struct diag_list *diags);

/* Parses one slide file; logos are looked for in content_dir. Returns the
 * number of slides it makes (a long partner list makes several), written to
 * *slides (the caller frees each with slide_free() and the array with
 * free()); 0 after reporting the errors. */
size_t slide_parse(const char *path, const char *text, size_t size, const char *content_dir,
                   struct slide **slides, struct diag_list *diags);

/* True for names that are read in slides/: *.yaml or *.yml, not hidden, not
 * an editor's backup or lock file. */
bool content_is_slide_name(const char *name);

#endif
