/* Content files to programme parts: theme.yaml, event.yaml, slide files. */
#ifndef HALLSCREEN_LOADER_H
#define HALLSCREEN_LOADER_H

#include "diag.h"
#include "programme.h"

#include <stdbool.h>

/* Overrides the fields that the theme file at path sets. Returns false, with
 * the theme unchanged, when the file has errors (reported to diags). */
bool theme_load_file(const char *path, struct theme *theme, struct diag_list *diags);

/* Reads the event file at path into event. Returns false, with event
 * untouched, when the file has errors (reported to diags). */
bool event_load_file(const char *path, struct event *event, struct diag_list *diags);

/* Loads one slide file. Returns the number of slides it makes (a long
 * partner list makes several), written to *slides (caller frees each with
 * slide_free() and the array with free()); 0 after reporting the errors. */
size_t content_load_slide(const char *path, const char *content_dir, struct slide **slides,
                          struct diag_list *diags);

/* Reads the urgent notice at path (label, title, body) into alert, a slide
 * of kind SLIDE_ALERT. Returns false, with alert untouched, on errors. */
bool alert_load_file(const char *path, struct slide *alert, struct diag_list *diags);

/* True for names that the loader reads in slides/: *.yaml or *.yml, not
 * hidden, not an editor's backup or lock file. */
bool content_is_slide_name(const char *name);

#endif
