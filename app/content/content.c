/* The content folder and the last good version of each of its files. */
#include "content.h"
#include "../util/array.h"

#include "fields.h"
#include "loader.h"
#include "../util/str.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/stat.h>

enum file_role { ROLE_THEME, ROLE_EVENT, ROLE_ALERT, ROLE_SLIDE };

struct content_file {
    char *name; /* relative to the content folder */
    enum file_role role;
    uint64_t hash; /* of the bytes last parsed */
    bool seen;     /* present at this refresh */
    bool has_good; /* a good version is kept below */
    struct theme theme;
    struct event event;
    struct slide *slides;
    size_t slide_count;
    struct diag_list diags; /* the problems of the file as it is now */
};

struct content {
    char *dir;
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

static void drop_good_version(struct content_file *f)
{
    theme_free(&f->theme);
    event_free(&f->event);
    for (size_t i = 0; i < f->slide_count; i++)
        slide_free(&f->slides[i]);
    free(f->slides);
    f->slides = NULL;
    f->slide_count = 0;
    f->has_good = false;
}

static void free_file(struct content_file *f)
{
    drop_good_version(f);
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
    free(c->dir);
    free(c);
}

/* FNV-1a: tells whether a file's bytes changed since they were parsed. */
static uint64_t hash_bytes(const char *bytes, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)bytes[i]) * 0x100000001b3ULL;
    return h;
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

/* Parses the file as its role says; true with the good version replaced. */
static bool parse_file(struct content *c, struct content_file *f, const char *path,
                       const char *text, size_t size)
{
    struct diag_list *diags = &f->diags;
    switch (f->role) {
    case ROLE_THEME: {
        struct theme theme;
        if (!theme_copy(&theme, &c->base_theme))
            return false;
        if (!theme_parse(path, text, size, &theme, diags)) {
            theme_free(&theme);
            return false;
        }
        drop_good_version(f);
        f->theme = theme;
        break;
    }
    case ROLE_EVENT: {
        struct event event = {0};
        if (!event_parse(path, text, size, &event, diags))
            return false;
        drop_good_version(f);
        f->event = event;
        break;
    }
    case ROLE_ALERT: {
        struct slide alert;
        if (!alert_parse(path, text, size, &alert, diags))
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
    case ROLE_SLIDE: {
        struct slide *slides = NULL;
        size_t n = slide_parse(path, text, size, c->dir, &slides, diags);
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

/* Brings the file name up to date if its bytes changed. Returns it, or NULL
 * when it does not exist. */
static struct content_file *refresh_file(struct content *c, const char *name, enum file_role role,
                                         struct content_changes *changes)
{
    char *path = str_printf("%s/%s", c->dir, name);
    struct stat st;
    if (!path || stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
        free(path);
        return NULL;
    }
    struct content_file *f = find_file(c, name);
    bool is_new = f == NULL;
    if (is_new)
        f = add_file(c, name, role);
    if (!f) {
        free(path);
        return NULL;
    }
    f->seen = true;
    struct diag_list diags = {0};
    size_t size = 0;
    char *text = content_read_file(path, &size, &diags);
    uint64_t hash = text ? hash_bytes(text, size) : 0;
    if (!is_new && text && hash == f->hash) {
        free(text);
        free(path);
        return f; /* unchanged */
    }
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

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The slide file names in the folder, sorted; NULL when it cannot be read. */
static char **list_slide_files(const char *dir, size_t *count)
{
    *count = 0;
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    size_t capacity = 16;
    char **names = malloc(capacity * sizeof *names);
    struct dirent *entry;
    while (names && (entry = readdir(d))) {
        if (!content_is_slide_name(entry->d_name))
            continue;
        if (*count + 1 == capacity) {
            char **grown = realloc(names, (capacity *= 2) * sizeof *names);
            if (!grown)
                break;
            names = grown;
        }
        char *name = str_printf("slides/%s", entry->d_name);
        if (name)
            names[(*count)++] = name;
    }
    closedir(d);
    if (names)
        qsort(names, *count, sizeof *names, compare_names);
    return names;
}

static bool append_slides(struct programme *prog, const struct content_file *f)
{
    struct slide *grown =
        realloc(prog->slides, (prog->slide_count + f->slide_count) * sizeof *grown);
    if (!grown)
        return false;
    prog->slides = grown;
    for (size_t i = 0; i < f->slide_count; i++)
        if (slide_copy(&prog->slides[prog->slide_count], &f->slides[i]))
            prog->slide_count++;
    return true;
}

static void copy_problems(struct diag_list *out, const struct content_file *f)
{
    for (size_t i = 0; i < f->diags.count; i++) {
        const struct diag *d = &f->diags.items[i];
        diag_add(out, d->severity, d->path, d->line, "%s", d->message);
    }
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

    struct content_file *theme = refresh_file(c, "theme.yaml", ROLE_THEME, changes);
    theme_copy(&prog->theme, theme && theme->has_good ? &theme->theme : &c->base_theme);
    struct content_file *event = refresh_file(c, "event.yaml", ROLE_EVENT, changes);
    if (event && event->has_good)
        event_copy(&prog->event, &event->event);
    char *path = str_printf("%s/event.yaml", c->dir);
    if (!event && path)
        diag_add(diags, DIAG_ERROR, path, 0,
                 "missing: the footer needs the event's name (see content/README.md)");
    free(path);

    struct content_file *alert = refresh_file(c, "alert.yaml", ROLE_ALERT, changes);
    if (alert && alert->has_good) {
        prog->alert = malloc(sizeof *prog->alert);
        if (prog->alert && !slide_copy(prog->alert, &alert->slides[0])) {
            free(prog->alert);
            prog->alert = NULL;
        }
    }

    size_t count;
    path = str_printf("%s/slides", c->dir);
    char **names = path ? list_slide_files(path, &count) : NULL;
    if (path && !names)
        diag_add(diags, DIAG_ERROR, path, 0, "slides folder not found");
    free(path);
    for (size_t i = 0; names && i < count; i++) {
        struct content_file *f = refresh_file(c, names[i], ROLE_SLIDE, changes);
        if (f && f->has_good)
            append_slides(prog, f);
        free(names[i]);
    }
    free(names);

    /* Forget the files that are gone; report the problems of those that stay. */
    size_t kept = 0;
    for (size_t i = 0; i < c->count; i++) {
        struct content_file *f = &c->files[i];
        if (!f->seen) {
            note_change(changes, CHANGE_REMOVED, f->name);
            free_file(f);
            continue;
        }
        copy_problems(diags, f);
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
