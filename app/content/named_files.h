/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The files a content file names (logos, pictures, clips, fonts): where
 * they are, whether they can be used, and the list of them kept so that a
 * change to any of them means reading the content file again. */
#ifndef HALLSCREEN_NAMED_FILES_H
#define HALLSCREEN_NAMED_FILES_H

#include "fields.h"

#include <stddef.h>

/* The files a content file names, relative to its folder. */
struct named_files {
    char **names;
    size_t count, capacity;
};

/* Empties the list; NULL is fine. */
void named_files_clear(struct named_files *refs);

/* The functions below read the value text of the field name, at line of
 * file: a path relative to the file's folder, which must lead to a regular
 * file inside it (links too). Each notes the path in the file's list
 * (src->refs), and returns the file's full path (malloc'd), or NULL after
 * warning why the file cannot be used. */

/* A logo or picture, when its header shows an image that can be decoded. */
char *named_files_image(struct yaml_file *file, const char *name, const char *text, int line);

/* A video clip, when it is a file with something in it. Whether it plays
 * is for the player to say (see --check). */
char *named_files_clip(struct yaml_file *file, const char *name, const char *text, int line);

/* A font field's value: the full path of a TrueType or OpenType font file
 * inside the folder, or a family (a copy of text) that is installed. NULL
 * after warning why it cannot be used (the font the theme had before
 * stays). */
char *named_files_font(struct yaml_file *file, const char *name, const char *text, int line);

#endif
