/* SPDX-License-Identifier: GPL-2.0-or-later */
/* When changed content files are ready to be read, file by file: a file
 * renamed into place or closed after writing is ready at once; one still
 * open for writing waits until it is closed (or, where writers cannot be
 * seen, until it stops changing), so a half-written file is never read;
 * removals and folder changes (rm -rf and a fresh copy) wait for a quiet
 * spell. A busy file never holds back another file's change. Pure: the
 * caller passes file events and the clock in. */
#ifndef HALLSCREEN_SETTLE_H
#define HALLSCREEN_SETTLE_H

#include "../limits.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum file_event {
    FILE_WRITTEN,  /* created or modified: perhaps still being written */
    FILE_FINISHED, /* closed after writing */
    FILE_ATTRIB,   /* permissions or times changed */
    FILE_MOVED_IN, /* renamed into place: complete */
    FILE_REMOVED,  /* deleted or renamed away */
    FILE_RESCAN,   /* anything may have changed: read everything */
};

/* A file being written. */
struct busy_file {
    char *name;
    int64_t written_ms; /* when it was last written */
};

struct settle {
    int quiet_ms;           /* removals, and with polling every write: quiet time before reading */
    bool polling;           /* writers cannot be seen closing files: go by quiet time */
    bool pending;           /* a ready change waits to be read */
    bool upheaval;          /* files or folders went: wait for quiet */
    int64_t upheaval_ms;    /* the last removal or rescan */
    struct busy_file *busy; /* files written and not yet closed */
    size_t busy_count, busy_capacity;
    char **ignored; /* the program's own output files */
    size_t ignored_count, ignored_capacity;
};

/* Nothing pending. With polling, a written file is ready after quiet_ms
 * without change; otherwise when closed, or after SETTLE_SILENT_WRITER_MS
 * without a write. */
void settle_init(struct settle *s, int quiet_ms, bool polling);

/* Frees what settle_init() and the notes made; NULL is fine. */
void settle_free(struct settle *s);

/* Leaves name (relative to the content folder) out from now on. */
void settle_ignore(struct settle *s, const char *name);

/* Notes that name (relative to the content folder) had event at now_ms.
 * Hidden and editor files, and ignored names, are left out. */
void settle_note(struct settle *s, enum file_event event, const char *name, int64_t now_ms);

/* Milliseconds until the folder should be read: 0 for now, -1 when nothing
 * is waiting. */
int64_t settle_wait_ms(const struct settle *s, int64_t now_ms);

/* The folder is being read at now_ms: files still busy are left as they
 * are (see settle_is_busy()), except those silent for too long, which are
 * read now and logged. Nothing else is pending after it. */
void settle_take(struct settle *s, int64_t now_ms);

/* True while name is being written and must not be read yet. */
bool settle_is_busy(const struct settle *s, const char *name);

/* True for files that are no part of a show: hidden files (rsync's and
 * editors' temporary files among them), backups and lock files. */
bool settle_ignores(const char *name);

#endif
