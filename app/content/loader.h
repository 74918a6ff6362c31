/* The content folder to a programme: event.yaml, theme.yaml and slides/. */
#ifndef HALLSCREEN_LOADER_H
#define HALLSCREEN_LOADER_H

#include "diag.h"
#include "programme.h"

#include <stdbool.h>

/* Overrides the fields that the theme file at path sets. Returns false, with
 * the theme unchanged, when the file has errors (reported to diags). */
bool theme_load_file(const char *path, struct theme *theme, struct diag_list *diags);

/* Loads the content folder dir into prog, starting from base_theme. Every
 * problem goes to diags; a bad file is left out and the rest still loads.
 * Returns false only when dir is not a readable folder (prog is then empty).
 * The caller frees prog with programme_free(). */
bool content_load(const char *dir, const struct theme *base_theme, struct programme *prog,
                  struct diag_list *diags);

/* Loads one slide file. Returns the number of slides it makes (a long
 * partner list makes several), written to *slides (caller frees each with
 * slide_free() and the array with free()); 0 after reporting the errors. */
size_t content_load_slide(const char *path, const char *content_dir, struct slide **slides,
                          struct diag_list *diags);

/* True for names that the loader reads in slides/: *.yaml or *.yml, not
 * hidden, not an editor's backup or lock file. */
bool content_is_slide_name(const char *name);

#endif
