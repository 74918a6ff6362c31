/* SPDX-License-Identifier: GPL-2.0-or-later */
/* hallscreen-fetch's sources and its decisions about them, as plain data
 * and pure functions (no network, no clock): when each is checked next
 * (with jitter, backing off after failures), which conditional headers a
 * request sends, and the sources event.yaml names merged with what was
 * known of them. */
#ifndef HALLSCREEN_FETCH_PLAN_H
#define HALLSCREEN_FETCH_PLAN_H

#include "../limits.h"
#include "../model/programme.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One schedule export kept from a url, and what is known of it. */
struct fetch_source {
    char *file; /* relative to the content folder */
    char *url;
    int every; /* seconds between checks */
    /* kept across restarts (the state folder) */
    char *etag;              /* the copy's ETag as the server sent it; NULL: none */
    char *last_modified;     /* the copy's Last-Modified as the server sent it; NULL: none */
    uint64_t copy_hash;      /* of the copy as it was written or confirmed; 0: none */
    int64_t last_success_ms; /* a good download or a 304 (ms since 1970); 0: never */
    int64_t last_change_ms;  /* a new version written; 0: never */
    /* this run */
    int64_t last_attempt_ms; /* 0: not tried yet */
    int64_t next_ms;         /* when to check next; 0: now */
    int failures;            /* in a row */
    char error[512];         /* "url: what is wrong" of the last attempt; "" when it worked */
    int64_t copy_mtime_ms;   /* the local copy's modification time; 0: it is missing */
    unsigned long downloads, not_modified, failed; /* attempts by outcome */
    unsigned long long bytes;                      /* downloaded */
};

struct fetch_plan {
    struct fetch_source *sources;
    size_t count;
};

/* Makes the plan's sources those of event's schedule: list that have a
 * url: (and a file fetch_plan_file_ok() takes), keeping what is known of each one already there
 * (the same file and url); of two for one file, the first. Returns false when memory runs out
 * (the plan is then as it was). */
bool fetch_plan_follow(struct fetch_plan *plan, const struct event *event);

/* True when file names a file inside the content folder: not empty, not
 * absolute, no ".." part, not ending in '/'. Sources that do not are left
 * out of the plan. */
bool fetch_plan_file_ok(const char *file);

/* The url: of an earlier entry of event's schedule: list that writes the
 * same file as entry index from another address (index's is then not
 * fetched); NULL when none. */
const char *fetch_plan_first_url(const struct event *event, size_t index);

/* Frees the sources; a zeroed plan is fine. */
void fetch_plan_free(struct fetch_plan *plan);

/* Milliseconds from an attempt to the next check: every: after a success,
 * else FETCH_RETRY_FIRST_S doubled for each failure in a row, up to
 * FETCH_RETRY_MAX_S (or every:, when longer); either FETCH_JITTER_PERCENT
 * shorter or longer, as random (any 32-bit number) says. */
int64_t fetch_plan_delay_ms(int every, int failures, uint32_t random);

/* The source after an attempt at now_ms that worked (failed false) or
 * not: the failures in a row and the next check. */
void fetch_plan_attempted(struct fetch_source *s, int64_t now_ms, bool failed, uint32_t random);

/* The first check of s at a start, at now_ms: at once when its copy is
 * missing (have_copy false), else at a random moment (as random says)
 * within its interval or FETCH_START_SPREAD_S, whichever is shorter, so
 * that boxes switched on together do not all ask the server at once. */
void fetch_plan_start(struct fetch_source *s, bool have_copy, int64_t now_ms, uint32_t random);

/* The milliseconds from now_ms to the first check due; 0 when one is due;
 * -1 when there is no source. */
int64_t fetch_plan_wait_ms(const struct fetch_plan *plan, int64_t now_ms);

/* The conditional headers a request for s sends, written into
 * if_none_match and if_modified_since (each "" when not sent): only when
 * the local copy is there and is the one the ETag or date belongs to
 * (copy_hash, 0 when the copy is missing, equals the hash recorded), so
 * that a copy deleted or replaced comes back at once. A value holding a
 * control character is not sent. */
void fetch_plan_headers(const struct fetch_source *s, uint64_t copy_hash, char *if_none_match,
                        size_t if_none_match_size, char *if_modified_since,
                        size_t if_modified_since_size);

/* The state kept across restarts, as JSON text (malloc'd, NULL when memory
 * runs out): each source's file, url, ETag, Last-Modified, the copy's hash
 * and the times of its last success and change. */
char *fetch_plan_state_json(const struct fetch_plan *plan);

/* Takes back from text (what fetch_plan_state_json() wrote) what was known
 * of each of the plan's sources (the same file and url). Returns false,
 * with nothing taken, when text is not such a state. */
bool fetch_plan_restore(struct fetch_plan *plan, const char *text);

#endif
