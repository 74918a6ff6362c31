/* When a changing content folder is ready to be read again: at once after
 * files are closed or renamed into place; after a quiet spell when a file may
 * still be being written, or files or folders are going and coming (rm -rf
 * and a fresh copy), so that a half-written file or a half-copied folder is
 * never read. Pure: the caller passes file events and the clock in. */
#ifndef HALLSCREEN_SETTLE_H
#define HALLSCREEN_SETTLE_H

#include <stdbool.h>
#include <stdint.h>

#define SETTLE_DEFAULT_MS 300
#define SETTLE_MAX_OPEN 64

enum file_event {
    FILE_WRITTEN,  /* created or modified: perhaps still being written */
    FILE_FINISHED, /* closed after writing, or its metadata changed */
    FILE_MOVED_IN, /* renamed into place: complete */
    FILE_REMOVED,  /* deleted or renamed away */
    FILE_RESCAN,   /* anything may have changed: read everything */
};

struct settle {
    int settle_ms;                  /* quiet time after the last write of an unclosed file */
    bool pending;                   /* something changed since the last read */
    int64_t last_event_ms;          /* when the last event that counts came */
    char open[SETTLE_MAX_OPEN][64]; /* names written and not yet closed */
    int open_count;
    bool open_overflow; /* more unclosed files than the list holds */
    bool upheaval;      /* files removed or folders changed: wait for quiet */
};

/* Nothing pending; in-place writes count as finished after settle_ms of quiet. */
void settle_init(struct settle *s, int settle_ms);

/* Notes that name (relative to the content folder) had event at now_ms.
 * Hidden and editor files are ignored. */
void settle_note(struct settle *s, enum file_event event, const char *name, int64_t now_ms);

/* Milliseconds until the folder should be read: 0 for now, -1 when nothing
 * changed. */
int64_t settle_wait_ms(const struct settle *s, int64_t now_ms);

/* The folder has been read: nothing is pending any more. */
void settle_done(struct settle *s);

/* True for files that are no part of a show: hidden files (rsync's and
 * editors' temporary files among them), backups and lock files. */
bool settle_ignores(const char *name);

#endif
