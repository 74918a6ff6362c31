/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The content folder, read again whenever it changes: each file keeps its
 * last good version, so a broken or half-copied file never takes a slide
 * off the screen. */
#ifndef HALLSCREEN_CONTENT_H
#define HALLSCREEN_CONTENT_H

#include "../model/diag.h"
#include "../model/programme.h"

#include <stdbool.h>

struct content;

enum change { CHANGE_ADDED, CHANGE_CHANGED, CHANGE_REMOVED, CHANGE_FAILED, CHANGE_KINDS };

/* What one refresh changed, for the log. */
struct content_changes {
    int count[CHANGE_KINDS]; /* files */
    char summary[1024];      /* names them: "changed slides/10-a.yaml, ..." */
};

/* The content folder at dir, not read yet. NULL when memory runs out. */
struct content *content_open(const char *dir, const struct theme *base_theme);

/* Frees everything; NULL is fine. */
void content_close(struct content *content);

/* Problems from outside the folder (the assets' theme) that every refresh
 * reports too, so that they stay in the status file. Copies them. */
void content_keep_problems(struct content *content, const struct diag_list *problems);

struct settle;

/* Files that settle says are still being written are not read: they keep
 * their last good version (or wait, when new). settle stays the caller's. */
void content_use_settle(struct content *content, const struct settle *settle);

/* Reads the files of the overlay (overlay.h) from dir when they are there,
 * over the content folder's; NULL: no overlay. False when memory runs out. */
bool content_use_overlay(struct content *content, const char *dir);

/* The name of path relative to the folder dir ("status.json",
 * "logos/x.png"), when path is inside it; else NULL. The caller frees it. */
char *content_relative_name(const char *dir, const char *path);

/* Reads the files that changed since the last refresh and builds prog (which
 * the caller frees with programme_free) from the last good version of every
 * file. diags gets every problem the files have now; changes, when not NULL,
 * what this refresh changed. Returns false, with prog left empty, when the
 * folder itself is missing. */
bool content_refresh(struct content *content, struct programme *prog, struct diag_list *diags,
                     struct content_changes *changes);

/* Reads the folder dir once into prog. Returns false only when dir is not a
 * folder (prog is then empty); every problem goes to diags. */
bool content_load(const char *dir, const struct theme *base_theme, struct programme *prog,
                  struct diag_list *diags);

#endif
