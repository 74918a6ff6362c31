/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The files content names (logos, pictures, clips, fonts): each confined
 * to the content folder, checked before it is used, and noted. */
#include "named_files.h"

#include "../util/array.h"
#include "../util/file_read.h"
#include "../util/image_header.h"
#include "../util/str.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <strings.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { FONT_MAGIC_BYTES = 4 };

void named_files_clear(struct named_files *refs)
{
    if (!refs)
        return;
    for (size_t i = 0; i < refs->count; i++)
        free(refs->names[i]);
    free(refs->names);
    memset(refs, 0, sizeof *refs);
}

/* Notes that the file names a file (relative to its folder). */
static void add_ref(struct yaml_file *file, const char *name)
{
    struct named_files *refs = file->src->refs;
    if (!refs)
        return;
    for (size_t i = 0; i < refs->count; i++)
        if (strcmp(refs->names[i], name) == 0)
            return;
    char *copy = str_dup(name);
    if (copy && ARRAY_RESERVE(refs->names, refs->count, refs->capacity))
        refs->names[refs->count++] = copy;
    else
        free(copy);
}

/* The name of a file in dir that differs from text only in case, each
 * folder on the way too ("Logos/Seaforge.PNG" for "logos/seaforge.png");
 * NULL when there is none. The caller frees it. */
static char *case_twin(const char *dir, const char *text)
{
    char *found = str_dup(""), *rest = str_dup(text);
    char *save = NULL;
    for (char *part = rest ? strtok_r(rest, "/", &save) : NULL; found && part;
         part = strtok_r(NULL, "/", &save)) {
        char *folder = str_printf("%s/%s", dir, found);
        DIR *d = folder ? opendir(folder) : NULL;
        const struct dirent *e = NULL;
        while (d && (e = readdir(d)) && strcasecmp(e->d_name, part) != 0)
            ;
        char *next = e ? str_printf("%s%s%s", found, found[0] ? "/" : "", e->d_name) : NULL;
        if (d)
            closedir(d);
        free(folder);
        free(found);
        found = next;
    }
    free(rest);
    if (found && strcmp(found, text) == 0) {
        free(found);
        return NULL;
    }
    return found;
}

/* The full path of a file that content names, when it is a regular file
 * inside the folder (links may lead only to files inside it too). Returns
 * NULL after reporting why it cannot be used. */
static char *confined_path(struct yaml_file *file, const char *name, const char *text, int line,
                           const char *example)
{
    if (text[0] == '/' || strstr(text, "..")) {
        diag_add(file->src->diags, DIAG_WARNING, file->src->path, line,
                 "%s: '%s' must be a path inside the content folder, like %s", name, text, example);
        return NULL;
    }
    add_ref(file, text);
    char *full = str_printf("%s/%s", file->src->dir, text);
    char *real_dir = realpath(file->src->dir, NULL);
    char *real_file = full ? realpath(full, NULL) : NULL;
    struct stat st;
    bool inside = real_dir && real_file && strncmp(real_file, real_dir, strlen(real_dir)) == 0 &&
                  real_file[strlen(real_dir)] == '/';
    bool regular = real_file && stat(real_file, &st) == 0 && S_ISREG(st.st_mode);
    int why = real_file ? 0 : errno;
    char *twin = !real_file && why == ENOENT ? case_twin(file->src->dir, text) : NULL;
    if (twin)
        diag_add(file->src->diags, DIAG_WARNING, file->src->path, line,
                 "%s: file '%s' not found; did you mean '%s'? (names differ in upper and lower "
                 "case here)",
                 name, text, twin);
    else if (!real_file && why != ENOENT && why != ENOTDIR)
        diag_add(file->src->diags, DIAG_WARNING, file->src->path, line,
                 "%s: file '%s' cannot be read: %s", name, text, strerror(why));
    else if (!real_file)
        diag_add(file->src->diags, DIAG_WARNING, file->src->path, line, "%s: file '%s' not found",
                 name, text);
    else if (!regular)
        diag_add(file->src->diags, DIAG_WARNING, file->src->path, line, "%s: '%s' is not a file",
                 name, text);
    else if (!inside)
        diag_add(file->src->diags, DIAG_WARNING, file->src->path, line,
                 "%s: '%s' leads outside the content folder", name, text);
    free(twin);
    free(real_dir);
    free(real_file);
    if (!regular || !inside) {
        free(full);
        return NULL;
    }
    return full;
}

char *named_files_image(struct yaml_file *file, const char *name, const char *text, int line)
{
    char *full = confined_path(file, name, text, line, "logos/name.png");
    struct image_header header;
    char why[160];
    if (full && !image_header_read(full, &header, why, sizeof why)) {
        diag_add(file->src->diags, DIAG_WARNING, file->src->path, line,
                 "%s: '%s' %s; the name is shown instead", name, text, why);
        free(full);
        return NULL;
    }
    return full;
}

char *named_files_clip(struct yaml_file *file, const char *name, const char *text, int line)
{
    char *full = confined_path(file, name, text, line, "videos/loop.mp4");
    struct stat st;
    if (full && stat(full, &st) == 0 && st.st_size == 0) {
        diag_add(file->src->diags, DIAG_WARNING, file->src->path, line,
                 "%s: '%s' is empty (still being copied?)", name, text);
        free(full);
        return NULL;
    }
    return full;
}

/* Why the file at path is not a TrueType or OpenType font, or NULL when it
 * is one; the reason may be written in why. Opened without blocking: a FIFO
 * or device never hangs the show. */
static const char *font_file_problem(const char *path, char *why, size_t why_size)
{
    off_t size = 0;
    int fd = file_read_open(path, &size, why, why_size);
    unsigned char magic[FONT_MAGIC_BYTES];
    const char *problem = NULL;
    if (fd < 0)
        problem = why;
    else if (size == 0)
        problem = "is empty";
    else if (read(fd, magic, sizeof magic) != (ssize_t)sizeof magic ||
             (memcmp(magic, "\0\1\0\0", 4) != 0 && memcmp(magic, "OTTO", 4) != 0 &&
              memcmp(magic, "true", 4) != 0 && memcmp(magic, "ttcf", 4) != 0))
        problem = "is not a TrueType or OpenType font (.ttf, .otf, .ttc)";
    if (fd >= 0)
        close(fd);
    return problem;
}

/* A font file named by a path (it has a '/' or a font file's ending). */
static bool names_font_file(const char *text)
{
    return strchr(text, '/') || str_ends_with(text, ".ttf") || str_ends_with(text, ".otf") ||
           str_ends_with(text, ".ttc") || str_ends_with(text, ".TTF") ||
           str_ends_with(text, ".OTF");
}

char *named_files_font(struct yaml_file *file, const char *name, const char *text, int line)
{
    if (!names_font_file(text)) {
        bool (*installed)(const char *) = file->src->font_installed;
        if (!installed || installed(text))
            return str_dup(text);
        diag_add(file->src->diags, DIAG_WARNING, file->src->path, line,
                 "%s: no font '%s' is installed (fc-list lists them); the default is used", name,
                 text);
        return NULL;
    }
    char *full = confined_path(file, name, text, line, "fonts/brand.ttf");
    char why[160];
    const char *problem = full ? font_file_problem(full, why, sizeof why) : NULL;
    bool (*usable)(const char *) = file->src->font_file_usable;
    if (full && !problem && usable && !usable(full))
        problem = "is damaged: no font can be read from it";
    if (problem) {
        diag_add(file->src->diags, DIAG_WARNING, file->src->path, line,
                 "%s: '%s' %s; the default is used", name, text, problem);
        free(full);
        return NULL;
    }
    return full;
}
