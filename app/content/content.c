/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The content folder and the last good version of each of its files. */
#include "content.h"
#include "../util/array.h"

#include "fields.h"
#include "named_files.h"
#include "../util/font_lookup.h"
#include "loader.h"
#include "rooms_file.h"
#include "overlay.h"
#include "../schedule/import.h"
#include "../watch/settle.h"
#include "../util/hash.h"
#include "../util/str.h"

#include <dirent.h>
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

enum file_role { ROLE_THEME, ROLE_EVENT, ROLE_ALERT, ROLE_SLIDE, ROLE_SCHEDULE, ROLE_ROOMS };

struct content_file {
    char *name; /* relative to the content folder */
    enum file_role role;
    uint64_t hash;           /* of the bytes last parsed */
    struct named_files refs; /* the files it names (logos, fonts) */
    uint64_t refs_state;     /* what they were like when it was parsed */
    bool seen;               /* present at this refresh */
    bool has_good;           /* a good version is kept below */
    struct theme theme;
    struct event event;
    struct slide *slides;
    size_t slide_count;
    struct room_state *rooms; /* rooms.yaml */
    size_t room_count;
    struct diag_list diags; /* the problems of the file as it is now */
};

struct content {
    char *dir;
    char *overlay_dir;           /* NULL, or where the overlay's files are read first */
    const struct settle *settle; /* NULL, or which files are still being written */
    const char *zone;            /* the event's time zone during a refresh; NULL: the machine's */
    struct diag_list standing;   /* problems from outside the folder, reported at every refresh */
    struct theme base_theme;
    struct content_file *files; /* the first sorted_count sorted by name */
    size_t count, capacity, sorted_count;
};

struct content *content_open(const char *dir, const struct theme *base_theme)
{
    struct content *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->dir = str_dup(dir);
    if (!c->dir || !theme_copy(&c->base_theme, base_theme)) {
        free(c->dir);
        free(c);
        return NULL;
    }
    return c;
}

static void copy_problems(struct diag_list *out, const struct diag_list *from)
{
    for (size_t i = 0; i < from->count; i++) {
        const struct diag *d = &from->items[i];
        diag_add(out, d->severity, d->path, d->line, "%s", d->message);
    }
}

void content_keep_problems(struct content *c, const struct diag_list *problems)
{
    copy_problems(&c->standing, problems);
}

void content_use_settle(struct content *c, const struct settle *settle)
{
    c->settle = settle;
}

bool content_use_overlay(struct content *c, const char *dir)
{
    char *copy = dir ? str_dup(dir) : NULL;
    if (dir && !copy)
        return false;
    free(c->overlay_dir);
    c->overlay_dir = copy;
    return true;
}

char *content_relative_name(const char *dir, const char *path)
{
    char *real_dir = realpath(dir, NULL);
    char *copy = str_dup(path), *base = str_dup(path);
    char *real_parent = copy ? realpath(dirname(copy), NULL) : NULL;
    char *name = NULL;
    size_t n = real_dir ? strlen(real_dir) : 0;
    if (real_dir && real_parent && base && strncmp(real_parent, real_dir, n) == 0 &&
        (real_parent[n] == '/' || real_parent[n] == '\0'))
        name = real_parent[n] ? str_printf("%s/%s", real_parent + n + 1, basename(base))
                              : str_dup(basename(base));
    free(real_dir);
    free(real_parent);
    free(copy);
    free(base);
    return name;
}

static void drop_good_version(struct content_file *f)
{
    theme_free(&f->theme);
    event_free(&f->event);
    for (size_t i = 0; i < f->slide_count; i++)
        slide_free(&f->slides[i]);
    free(f->slides);
    f->slides = NULL;
    f->slide_count = 0;
    room_states_free(f->rooms, f->room_count);
    f->rooms = NULL;
    f->room_count = 0;
    f->has_good = false;
}

static void free_file(struct content_file *f)
{
    drop_good_version(f);
    named_files_clear(&f->refs);
    diag_list_clear(&f->diags);
    free(f->name);
}

void content_close(struct content *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->count; i++)
        free_file(&c->files[i]);
    free(c->files);
    theme_free(&c->base_theme);
    diag_list_clear(&c->standing);
    free(c->overlay_dir);
    free(c->dir);
    free(c);
}

static int compare_files(const void *a, const void *b)
{
    return strcmp(((const struct content_file *)a)->name, ((const struct content_file *)b)->name);
}

/* The file as the last refresh knew it. Each name is looked up once a
 * refresh, so the files it adds need not be searched. */
static struct content_file *find_file(struct content *c, const char *name)
{
    struct content_file key = {.name = (char *)name};
    if (c->sorted_count == 0)
        return NULL;
    return bsearch(&key, c->files, c->sorted_count, sizeof key, compare_files);
}

static struct content_file *add_file(struct content *c, const char *name, enum file_role role)
{
    if (!ARRAY_RESERVE(c->files, c->count, c->capacity))
        return NULL;
    struct content_file *f = &c->files[c->count];
    *f = (struct content_file){.name = str_dup(name), .role = role};
    if (!f->name)
        return NULL;
    c->count++;
    return f;
}

static void note_change(struct content_changes *changes, enum change change, const char *name)
{
    static const char *const verbs[] = {"added", "changed", "removed", "failed"};
    if (!changes)
        return;
    changes->count[change]++;
    size_t used = strlen(changes->summary);
    snprintf(changes->summary + used, sizeof changes->summary - used, "%s%s %s", used ? ", " : "",
             verbs[change], name);
}

/* What the files in refs are like now: a change to any (one copied in,
 * replaced, made readable) changes it. */
static uint64_t refs_state(const struct content *c, const struct named_files *refs)
{
    uint64_t h = HASH_START;
    for (size_t i = 0; i < refs->count; i++) {
        char *path = str_printf("%s/%s", c->dir, refs->names[i]);
        struct stat st;
        if (path && stat(path, &st) == 0) {
            uint64_t facts[] = {st.st_ino,
                                (uint64_t)st.st_size,
                                (uint64_t)st.st_mtim.tv_sec,
                                (uint64_t)st.st_mtim.tv_nsec,
                                st.st_mode,
                                access(path, R_OK) == 0};
            h = hash_bytes(h, facts, sizeof facts);
        } else {
            h = hash_number(h, (uint64_t)errno);
        }
        free(path);
    }
    return h;
}

/* True when a file the content names is still being written. */
static bool refs_busy(const struct content *c, const struct named_files *refs)
{
    for (size_t i = 0; i < refs->count; i++)
        if (settle_is_busy(c->settle, refs->names[i]))
            return true;
    return false;
}

/* Parses the file as its role says; true with the good version replaced. */
static bool parse_role(struct content *c, struct content_file *f, const struct source *src,
                       const char *text, size_t size)
{
    switch (f->role) {
    case ROLE_THEME: {
        struct theme theme;
        if (!theme_copy(&theme, &c->base_theme))
            return false;
        if (!theme_parse(src, text, size, &theme)) {
            theme_free(&theme);
            return false;
        }
        drop_good_version(f);
        f->theme = theme;
        break;
    }
    case ROLE_EVENT: {
        struct event event = {0};
        if (!event_parse(src, text, size, &event))
            return false;
        drop_good_version(f);
        f->event = event;
        break;
    }
    case ROLE_ALERT: {
        struct slide alert;
        if (!alert_parse(src, text, size, &alert))
            return false;
        drop_good_version(f);
        f->slides = malloc(sizeof *f->slides);
        if (!f->slides) {
            slide_free(&alert);
            return false;
        }
        f->slides[0] = alert;
        f->slide_count = 1;
        break;
    }
    case ROLE_ROOMS: {
        struct room_state *rooms;
        size_t count;
        if (!rooms_parse(src, text, size, &rooms, &count))
            return false;
        drop_good_version(f);
        f->rooms = rooms;
        f->room_count = count;
        break;
    }
    case ROLE_SCHEDULE:
    case ROLE_SLIDE: {
        struct slide *slides = NULL;
        size_t n = f->role == ROLE_SLIDE
                       ? slide_parse(src, text, size, &slides)
                       : schedule_import(src->path, src->diags, text, size, c->zone, &slides);
        if (n == 0)
            return false;
        drop_good_version(f);
        f->slides = slides;
        f->slide_count = n;
        break;
    }
    }
    f->has_good = true;
    return true;
}

/* Parses the file, noting the files it names; true with the good version
 * replaced. */
static bool parse_file(struct content *c, struct content_file *f, const char *path,
                       const char *text, size_t size)
{
    struct diag_list *diags = &f->diags;
    named_files_clear(&f->refs);
    const struct source src = {.path = path,
                               .dir = c->dir,
                               .diags = diags,
                               .refs = &f->refs,
                               .font_installed = font_lookup_installed,
                               .font_file_usable = font_lookup_usable};
    bool parsed = parse_role(c, f, &src, text, size);
    f->refs_state = refs_state(c, &f->refs);
    return parsed;
}

/* True when path leads to a regular file inside the folder dir, the "content"
 * or "overlay" folder as what says (a link
 * may lead elsewhere only to be refused); else says why not in diags. */
static bool confined(const char *dir, const char *what, const char *path, struct diag_list *diags)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return false;
    if (!S_ISLNK(st.st_mode))
        return S_ISREG(st.st_mode);
    char *real_dir = realpath(dir, NULL), *real_file = realpath(path, NULL);
    size_t n = real_dir ? strlen(real_dir) : 0;
    bool inside = real_dir && real_file && strncmp(real_file, real_dir, n) == 0 &&
                  real_file[n] == '/' && stat(real_file, &st) == 0 && S_ISREG(st.st_mode);
    if (real_file && !inside)
        diag_add(diags, DIAG_ERROR, path, 0,
                 "is a link leading outside the %s folder: it is not read", what);
    free(real_dir);
    free(real_file);
    return inside;
}

/* The folder the file name is read from: the overlay's, for the files it
 * may hold, when it holds that one (a link in it as well); else the content
 * folder. */
static const char *source_dir(const struct content *c, const char *name)
{
    if (!c->overlay_dir || !overlay_find(name))
        return c->dir;
    char *path = str_printf("%s/%s", c->overlay_dir, name);
    struct stat st;
    bool there = path && lstat(path, &st) == 0;
    free(path);
    return there ? c->overlay_dir : c->dir;
}

/* Brings the file name up to date if its bytes, or a file it names,
 * changed. A file still being written keeps its last good version. Returns
 * it, or NULL when it does not exist (or is new and still being written). */
static struct content_file *refresh_file(struct content *c, const char *name, enum file_role role,
                                         struct diag_list *problems,
                                         struct content_changes *changes)
{
    const char *dir = source_dir(c, name);
    char *path = str_printf("%s/%s", dir, name);
    struct content_file *f = find_file(c, name);
    bool busy = settle_is_busy(c->settle, name) || (f && refs_busy(c, &f->refs));
    if (!path || (busy && !f) ||
        !confined(dir, dir == c->dir ? "content" : "overlay", path, problems)) {
        free(path);
        return NULL;
    }
    bool is_new = f == NULL;
    if (is_new)
        f = add_file(c, name, role);
    if (!f || busy) {
        if (f)
            f->seen = true;
        free(path);
        return f;
    }
    f->seen = true;
    struct diag_list diags = {0};
    size_t size = 0;
    size_t limit = role == ROLE_SCHEDULE ? SCHEDULE_MAX_BYTES : CONTENT_FILE_MAX_BYTES;
    char *text = fields_read_file(path, limit, &size, &diags);
    /* talks are kept in event time: a new time zone reads the schedule again */
    uint64_t hash =
        text ? hash_text(hash_bytes(HASH_START, text, size), role == ROLE_SCHEDULE ? c->zone : NULL)
             : 0;
    if (!is_new && text && hash == f->hash && refs_state(c, &f->refs) == f->refs_state) {
        free(text);
        free(path);
        return f; /* unchanged */
    }
    struct stat st;
    if (!text && stat(path, &st) != 0) {
        /* It went between stat and open: as if it had never been there. */
        diag_list_clear(&diags);
        free(path);
        f->seen = is_new ? false : f->seen;
        return is_new ? NULL : f;
    }
    f->hash = hash;
    diag_list_clear(&f->diags);
    f->diags = diags;
    if (text && parse_file(c, f, path, text, size)) {
        note_change(changes, is_new ? CHANGE_ADDED : CHANGE_CHANGED, name);
    } else {
        if (f->has_good)
            diag_add(&f->diags, DIAG_WARNING, path, 0,
                     "the last good version of this file stays on screen until it is fixed");
        note_change(changes, CHANGE_FAILED, name);
    }
    free(text);
    free(path);
    return f;
}

/* Byte order, not the locale's collation: every screen sorts alike. */
static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/* The slide file names in the folder, sorted; NULL when it cannot be read.
 * Files that look meant as slides but are not read go to diags. */
static char **list_slide_files(const char *dir, size_t *count, struct diag_list *diags)
{
    *count = 0;
    struct dirent **entries;
    int n = scandir(dir, &entries, NULL, by_name);
    if (n < 0)
        return NULL;
    char **names = calloc((size_t)n + 1, sizeof *names); /* an empty folder: an empty list */
    for (int i = 0; i < n; i++) {
        const struct dirent *entry = entries[i];
        const char *why = entry->d_type == DT_DIR ? NULL : content_not_slide_reason(entry->d_name);
        char *path = why ? str_printf("%s/%s", dir, entry->d_name) : NULL;
        if (path)
            diag_add(diags, DIAG_WARNING, path, 0, "%s", why);
        free(path);
        char *name = names && content_is_slide_name(entry->d_name)
                         ? str_printf("slides/%s", entry->d_name)
                         : NULL;
        if (name)
            names[(*count)++] = name;
        free(entries[i]);
    }
    free(entries);
    return names;
}

static void append_slides(struct programme *prog, const struct content_file *f)
{
    for (size_t i = 0; i < f->slide_count; i++)
        if (ARRAY_RESERVE(prog->slides, prog->slide_count, prog->slide_capacity) &&
            slide_copy(&prog->slides[prog->slide_count], &f->slides[i]))
            prog->slide_count++;
}

/* Reads the schedule exports event.yaml names, or those of the usual
 * names that are there, and adds their talks to prog. */
/* The line of the file at path where name stands for the nth time (1: the
 * first), as a word of its own; 0 when it cannot tell. */
static int line_naming(const char *path, const char *name, int nth)
{
    FILE *f = fopen(path, "r");
    char text[1024];
    size_t len = strlen(name);
    int line = 0, seen = 0;
    while (f && len && fgets(text, sizeof text, f)) {
        line++;
        for (const char *at = strstr(text, name); at; at = strstr(at + 1, name)) {
            bool alone = (at == text || !strchr("abcdefghijklmnopqrstuvwxyz"
                                                "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./",
                                                at[-1])) &&
                         (!at[len] || !strchr("abcdefghijklmnopqrstuvwxyz"
                                              "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./",
                                              at[len]));
            if (alone && ++seen == nth) {
                fclose(f);
                return line;
            }
        }
    }
    if (f)
        fclose(f);
    return 0;
}

static bool is_dir(const char *path);

static void refresh_schedules(struct content *c, struct programme *prog, struct diag_list *diags,
                              struct content_changes *changes)
{
    static const char *const usual[] = {"schedule.xml", "schedule.json", "schedule.csv"};
    const struct event *e = &prog->event;
    size_t count = e->schedule_count ? e->schedule_count : COUNT(usual);
    char *event_path = str_printf("%s/event.yaml", c->dir);
    char **resolved = calloc(count, sizeof *resolved); /* each export's real path, or NULL */
    c->zone = e->timezone;
    for (size_t i = 0; event_path && i < count; i++) {
        const char *name = e->schedule_count ? e->schedules[i].file : usual[i];
        if (name[0] == '/' || strstr(name, "..")) {
            diag_add(diags, DIAG_ERROR, event_path, 0,
                     "schedule: '%s' must be a file in the content folder", name);
            continue;
        }
        char *joined = str_printf("%s/%s", c->dir, name);
        char *real = joined ? realpath(joined, NULL) : NULL;
        free(joined);
        size_t twin = i;
        for (size_t j = 0; real && resolved && j < i && twin == i; j++)
            if (resolved[j] && strcmp(resolved[j], real) == 0)
                twin = j;
        if (twin != i) { /* one file named twice: read once */
            int nth = 1;
            for (size_t j = 0; j < i; j++)
                nth += strcmp(e->schedules[j].file, name) == 0;
            diag_add(diags, DIAG_WARNING, event_path, line_naming(event_path, name, nth),
                     "schedule: '%s' is '%s' again: it is read once (remove one of them)", name,
                     e->schedules[twin].file);
            free(real);
            continue;
        }
        if (resolved)
            resolved[i] = real;
        else
            free(real);
        struct content_file *f = refresh_file(c, name, ROLE_SCHEDULE, diags, changes);
        if (!f && e->schedule_count) {
            int nth = 1;
            for (size_t j = 0; j < i; j++)
                nth += strcmp(e->schedules[j].file, name) == 0;
            char *at = str_printf("%s/%s", c->dir, name);
            diag_add(diags, DIAG_ERROR, event_path, line_naming(event_path, name, nth),
                     at && is_dir(at) ? "schedule: '%s' is a folder: name the export file in it"
                     : e->schedules[i].url ? "schedule: '%s' is not there yet: hallscreen-fetch "
                                             "writes it from its url: (is it running? see its log)"
                                           : "schedule: '%s' not found: is the name right?",
                     name);
            free(at);
        }
        if (f && f->has_good)
            append_slides(prog, f);
    }
    for (size_t i = 0; resolved && i < count; i++)
        free(resolved[i]);
    free(resolved);
    free(event_path);
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool content_refresh(struct content *c, struct programme *prog, struct diag_list *diags,
                     struct content_changes *changes)
{
    memset(prog, 0, sizeof *prog);
    if (changes)
        memset(changes, 0, sizeof *changes);
    if (!is_dir(c->dir)) {
        diag_add(diags, DIAG_ERROR, c->dir, 0, "content folder not found");
        return false;
    }
    for (size_t i = 0; i < c->count; i++)
        c->files[i].seen = false;
    prog->content_dir = str_dup(c->dir);
    copy_problems(diags, &c->standing);

    struct content_file *theme = refresh_file(c, "theme.yaml", ROLE_THEME, diags, changes);
    theme_copy(&prog->theme, theme && theme->has_good ? &theme->theme : &c->base_theme);
    struct content_file *event = refresh_file(c, "event.yaml", ROLE_EVENT, diags, changes);
    if (event && event->has_good)
        event_copy(&prog->event, &event->event);
    char *path = str_printf("%s/event.yaml", c->dir);
    if (!event && path)
        diag_add(diags, DIAG_ERROR, path, 0,
                 "missing: the footer needs the event's name (see content/README.md)");
    free(path);

    struct content_file *alert = refresh_file(c, "alert.yaml", ROLE_ALERT, diags, changes);
    if (alert && alert->has_good) {
        prog->alert = malloc(sizeof *prog->alert);
        if (prog->alert && !slide_copy(prog->alert, &alert->slides[0])) {
            free(prog->alert);
            prog->alert = NULL;
        }
    }

    struct content_file *rooms = refresh_file(c, "rooms.yaml", ROLE_ROOMS, diags, changes);
    if (rooms && rooms->has_good &&
        room_states_copy(&prog->room_states, rooms->rooms, rooms->room_count))
        prog->room_state_count = rooms->room_count;

    size_t count;
    path = str_printf("%s/slides", c->dir);
    char **names = path ? list_slide_files(path, &count, diags) : NULL;
    int slides_errno = names ? 0 : errno;
    for (size_t i = 0; names && i < count; i++) {
        struct content_file *f = refresh_file(c, names[i], ROLE_SLIDE, diags, changes);
        if (f && f->has_good)
            append_slides(prog, f);
        free(names[i]);
    }
    free(names);
    size_t made_by_hand = prog->slide_count;
    refresh_schedules(c, prog, diags, changes);
    /* a folder of only a schedule export needs no slides folder */
    if (path && slides_errno == ENOENT && made_by_hand == prog->slide_count)
        diag_add(diags, DIAG_ERROR, path, 0,
                 "slides folder not found: make it and put slide files in it, or name a "
                 "schedule export in event.yaml (see content/README.md)");
    else if (path && slides_errno && slides_errno != ENOENT)
        diag_add(diags, DIAG_ERROR, path, 0, "cannot be read: %s", strerror(slides_errno));
    free(path);

    /* Forget the files that are gone; report the problems of those that stay. */
    size_t kept = 0;
    for (size_t i = 0; i < c->count; i++) {
        struct content_file *f = &c->files[i];
        if (!f->seen) {
            note_change(changes, CHANGE_REMOVED, f->name);
            free_file(f);
            continue;
        }
        copy_problems(diags, &f->diags);
        c->files[kept++] = *f;
    }
    c->count = c->sorted_count = kept;
    if (c->count > 1)
        qsort(c->files, c->count, sizeof *c->files, compare_files);
    return true;
}

bool content_load(const char *dir, const struct theme *base_theme, struct programme *prog,
                  struct diag_list *diags)
{
    struct content *c = content_open(dir, base_theme);
    bool ok = c && content_refresh(c, prog, diags, NULL);
    content_close(c);
    return ok;
}
