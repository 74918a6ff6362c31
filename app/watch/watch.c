/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Watching the content folder with inotify, or by polling. */
#include "../limits.h"
#include "watch.h"
#include "../util/array.h"

#include "../util/log.h"
#include "../util/str.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#define WATCH_MASK                                                                                 \
    (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY |            \
     IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)
/* In the parent: the folder (or the link to it) replaced, removed or back. */
#define PARENT_MASK (IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM | IN_ONLYDIR)

struct watched_dir {
    int wd;
    char *name; /* relative to the content folder; "" for the folder itself */
};

/* One file as the last poll saw it. */
struct polled_file {
    char *name;
    off_t size;
    struct timespec mtime;
    ino_t ino;
    bool seen;
};

struct watch {
    char *dir;
    char *parent, *base; /* the folder's parent, watched to see it come back */
    int fd;              /* inotify; -1 when polling */
    int parent_wd;
    struct watched_dir *dirs; /* released when the kernel drops them (IN_IGNORED) */
    size_t dir_count, dir_capacity;
    bool lost;        /* the folder is gone: watch for it to come back */
    int64_t retry_ms; /* when to try again to watch it */
    int poll_ms;      /* > 0: polling */
    int64_t next_poll_ms;
    struct polled_file *files;
    size_t file_count, file_capacity;
};

static void poll_files(struct watch *w, struct settle *settle, int64_t now_ms);

static void unwatch_all(struct watch *w)
{
    for (size_t i = 0; i < w->dir_count; i++) {
        inotify_rm_watch(w->fd, w->dirs[i].wd);
        free(w->dirs[i].name);
    }
    w->dir_count = 0;
}

/* Forgets the watch wd, which the kernel has dropped (its folder went). */
static void release_dir(struct watch *w, int wd)
{
    for (size_t i = 0; i < w->dir_count; i++) {
        if (w->dirs[i].wd == wd) {
            free(w->dirs[i].name);
            w->dirs[i] = w->dirs[--w->dir_count];
            return;
        }
    }
}

/* Watches the folder rel (relative to the content folder); a folder that
 * exists but cannot be watched is logged, since its changes go unseen. */
static bool watch_dir(struct watch *w, const char *rel)
{
    char *path = rel[0] ? str_printf("%s/%s", w->dir, rel) : str_dup(w->dir);
    int wd = path ? inotify_add_watch(w->fd, path, WATCH_MASK | IN_ONLYDIR) : -1;
    if (wd < 0) {
        if (path && errno != ENOENT && errno != ENOTDIR)
            LOG(LOG_WARN, "watch", "%s cannot be watched (%s): its changes are seen at SIGHUP%s",
                path, strerror(errno),
                errno == ENOSPC ? "; raise fs.inotify.max_user_watches" : "");
        free(path);
        return false;
    }
    free(path);
    for (size_t i = 0; i < w->dir_count; i++)
        if (w->dirs[i].wd == wd)
            return true;
    char *name = str_dup(rel);
    if (!name || !ARRAY_RESERVE(w->dirs, w->dir_count, w->dir_capacity)) {
        free(name);
        return false;
    }
    w->dirs[w->dir_count++] = (struct watched_dir){wd, name};
    return true;
}

/* Watches the folder and its subfolders; false when the folder is missing. */
static bool watch_tree(struct watch *w)
{
    unwatch_all(w);
    if (!watch_dir(w, ""))
        return false;
    DIR *d = opendir(w->dir);
    struct dirent *entry;
    while (d && (entry = readdir(d))) {
        if (entry->d_name[0] == '.')
            continue;
        char *path = str_printf("%s/%s", w->dir, entry->d_name);
        struct stat st;
        if (path && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
            watch_dir(w, entry->d_name);
        free(path);
    }
    if (d)
        closedir(d);
    return true;
}

struct watch *watch_open(const char *dir, int poll_ms)
{
    struct watch *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->dir = str_dup(dir);
    char *copy = str_dup(dir);
    char *copy2 = str_dup(dir);
    if (!w->dir || !copy || !copy2) {
        free(copy);
        free(copy2);
        watch_close(w);
        return NULL;
    }
    w->parent = str_dup(dirname(copy));
    w->base = str_dup(basename(copy2));
    free(copy);
    free(copy2);
    w->fd = -1;
    w->parent_wd = -1;
    if (poll_ms <= 0) {
        w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        if (w->fd >= 0 && watch_tree(w)) {
            w->parent_wd = inotify_add_watch(w->fd, w->parent, PARENT_MASK);
            return w;
        }
        LOG(LOG_WARN, "watch", "%s: inotify cannot watch it; polling every 2 s instead", dir);
        if (w->fd >= 0)
            close(w->fd);
        w->fd = -1;
        poll_ms = 2000;
    }
    w->poll_ms = poll_ms;
    struct settle baseline; /* the first poll only learns what is there */
    settle_init(&baseline, 0, true);
    poll_files(w, &baseline, 0);
    settle_free(&baseline);
    return w;
}

static void forget_polled(struct watch *w)
{
    for (size_t i = 0; i < w->file_count; i++)
        free(w->files[i].name);
    w->file_count = 0;
}

void watch_close(struct watch *w)
{
    if (!w)
        return;
    if (w->fd >= 0) {
        unwatch_all(w);
        close(w->fd);
    }
    free(w->dirs);
    forget_polled(w);
    free(w->files);
    free(w->dir);
    free(w->parent);
    free(w->base);
    free(w);
}

int watch_fd(const struct watch *w)
{
    return w ? w->fd : -1;
}

bool watch_polls(const struct watch *w)
{
    return !w || w->fd < 0;
}

int64_t watch_wait_ms(const struct watch *w, int64_t now_ms)
{
    int64_t due;
    if (!w)
        return -1;
    if (w->fd < 0)
        due = w->next_poll_ms;
    else if (w->lost)
        due = w->retry_ms;
    else
        return -1;
    return due > now_ms ? due - now_ms : 0;
}

static const char *dir_name(const struct watch *w, int wd)
{
    for (size_t i = 0; i < w->dir_count; i++)
        if (w->dirs[i].wd == wd)
            return w->dirs[i].name;
    return NULL;
}

/* True when a file appeared complete: a symbolic or hard link, which no
 * writer will close. */
static bool created_whole(const struct watch *w, const char *name)
{
    char *path = str_printf("%s/%s", w->dir, name);
    struct stat st;
    bool whole = path && lstat(path, &st) == 0 && (S_ISLNK(st.st_mode) || st.st_nlink > 1);
    free(path);
    return whole;
}

static void handle_event(struct watch *w, const struct inotify_event *e, struct settle *settle,
                         int64_t now_ms)
{
    if (e->mask & IN_Q_OVERFLOW) {
        settle_note(settle, FILE_RESCAN, "", now_ms);
        return;
    }
    if (e->wd == w->parent_wd) {
        /* The folder, or the link to it, was replaced (mv -T, ln -sfn),
         * removed or put back: watch whatever the name leads to now. */
        if (!e->len || strcmp(e->name, w->base) != 0)
            return;
        w->lost = !watch_tree(w);
        w->retry_ms = now_ms + WATCH_RETRY_MS;
        settle_note(settle, FILE_RESCAN, "", now_ms);
        return;
    }
    if (e->mask & IN_IGNORED) {
        release_dir(w, e->wd);
        return;
    }
    const char *dir = dir_name(w, e->wd);
    if (!dir)
        return;
    if (dir[0] == '\0' && (e->mask & (IN_DELETE_SELF | IN_MOVE_SELF))) {
        /* The folder itself went: keep the show, watch for it to return. */
        unwatch_all(w);
        w->lost = true;
        w->retry_ms = now_ms + WATCH_RETRY_MS;
        settle_note(settle, FILE_RESCAN, "", now_ms);
        return;
    }
    if (!e->len)
        return;
    char *name = dir[0] ? str_printf("%s/%s", dir, e->name) : str_dup(e->name);
    if (!name)
        return;
    if ((e->mask & IN_ISDIR) && (e->mask & (IN_CREATE | IN_MOVED_TO))) {
        watch_dir(w, name);
        settle_note(settle, FILE_RESCAN, "", now_ms);
    } else if (e->mask & IN_CREATE) {
        settle_note(settle, created_whole(w, name) ? FILE_MOVED_IN : FILE_WRITTEN, name, now_ms);
    } else if (e->mask & IN_MODIFY) {
        settle_note(settle, FILE_WRITTEN, name, now_ms);
    } else if (e->mask & IN_CLOSE_WRITE) {
        settle_note(settle, FILE_FINISHED, name, now_ms);
    } else if (e->mask & IN_ATTRIB) {
        settle_note(settle, FILE_ATTRIB, name, now_ms);
    } else if (e->mask & IN_MOVED_TO) {
        settle_note(settle, FILE_MOVED_IN, name, now_ms);
    } else if (e->mask & (IN_DELETE | IN_MOVED_FROM)) {
        settle_note(settle, (e->mask & IN_ISDIR) ? FILE_RESCAN : FILE_REMOVED, name, now_ms);
    }
    free(name);
}

static void read_events(struct watch *w, struct settle *settle, int64_t now_ms)
{
    char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
    for (;;) {
        ssize_t n = read(w->fd, buf, sizeof buf);
        if (n <= 0)
            break;
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *e = (const struct inotify_event *)p;
            handle_event(w, e, settle, now_ms);
            p += sizeof *e + e->len;
        }
    }
    if (w->lost && now_ms >= w->retry_ms) {
        if (watch_tree(w)) {
            w->lost = false;
            settle_note(settle, FILE_RESCAN, "", now_ms);
        } else {
            w->retry_ms = now_ms + WATCH_RETRY_MS;
        }
    }
}

static struct polled_file *polled(struct watch *w, const char *name)
{
    for (size_t i = 0; i < w->file_count; i++)
        if (strcmp(w->files[i].name, name) == 0)
            return &w->files[i];
    if (!ARRAY_RESERVE(w->files, w->file_count, w->file_capacity))
        return NULL;
    struct polled_file *f = &w->files[w->file_count];
    *f = (struct polled_file){.name = str_dup(name)};
    if (!f->name)
        return NULL;
    w->file_count++;
    return f;
}

/* Compares the files of the folder rel with the last poll, one level deep. */
static void poll_dir(struct watch *w, const char *rel, int depth, struct settle *settle,
                     int64_t now_ms)
{
    char *path = rel[0] ? str_printf("%s/%s", w->dir, rel) : str_dup(w->dir);
    DIR *d = path ? opendir(path) : NULL;
    struct dirent *entry;
    while (d && (entry = readdir(d))) {
        if (entry->d_name[0] == '.')
            continue;
        char *name = rel[0] ? str_printf("%s/%s", rel, entry->d_name) : str_dup(entry->d_name);
        char *full = name ? str_printf("%s/%s", w->dir, name) : NULL;
        struct stat st;
        if (full && stat(full, &st) == 0) {
            if (S_ISDIR(st.st_mode) && depth == 0) {
                poll_dir(w, name, 1, settle, now_ms);
            } else if (S_ISREG(st.st_mode)) {
                bool known = false;
                for (size_t i = 0; i < w->file_count && !known; i++)
                    known = strcmp(w->files[i].name, name) == 0;
                struct polled_file *f = polled(w, name);
                if (f && (!known || f->size != st.st_size || f->ino != st.st_ino ||
                          f->mtime.tv_sec != st.st_mtim.tv_sec ||
                          f->mtime.tv_nsec != st.st_mtim.tv_nsec)) {
                    f->size = st.st_size;
                    f->ino = st.st_ino;
                    f->mtime = st.st_mtim;
                    settle_note(settle, FILE_WRITTEN, name, now_ms);
                }
                if (f)
                    f->seen = true;
            }
        }
        free(full);
        free(name);
    }
    if (d)
        closedir(d);
    free(path);
}

static void poll_files(struct watch *w, struct settle *settle, int64_t now_ms)
{
    for (size_t i = 0; i < w->file_count; i++)
        w->files[i].seen = false;
    poll_dir(w, "", 0, settle, now_ms);
    size_t kept = 0;
    for (size_t i = 0; i < w->file_count; i++) {
        if (w->files[i].seen) {
            w->files[kept++] = w->files[i];
        } else {
            settle_note(settle, FILE_REMOVED, w->files[i].name, now_ms);
            free(w->files[i].name);
        }
    }
    w->file_count = kept;
    w->next_poll_ms = now_ms + w->poll_ms;
}

void watch_restart(struct watch *w, struct settle *settle, int64_t now_ms)
{
    if (w && w->fd >= 0) {
        w->lost = !watch_tree(w);
        w->retry_ms = now_ms + WATCH_RETRY_MS;
    }
    settle_note(settle, FILE_RESCAN, "", now_ms);
}

void watch_check(struct watch *w, struct settle *settle, int64_t now_ms)
{
    if (!w)
        return;
    if (w->fd >= 0)
        read_events(w, settle, now_ms);
    else if (now_ms >= w->next_poll_ms || settle_wait_ms(settle, now_ms) == 0)
        poll_files(w, settle, now_ms);
}
