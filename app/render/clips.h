/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The clips of the show: the one of the slide on screen, playing, and the
 * next slide's, opened ahead of its turn and paused on its first frame, so
 * that its transition has a picture to blend. At most these two players
 * exist, and only one of them decodes more than a frame. A clip that
 * cannot be played is remembered (by its file's identity, so a replaced
 * file is tried again) and its slide left out. */
#ifndef HALLSCREEN_CLIPS_H
#define HALLSCREEN_CLIPS_H

#include "video.h"
#include "../model/diag.h"
#include "../model/programme.h"

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

/* A clip file that would not play. */
struct clip_failure {
    char *path;
    char *problem;
    dev_t dev;
    ino_t ino;
    off_t size;
    int64_t mtime_ns;
};

struct clip {
    struct video *video;
    struct slide *slide; /* a copy of the slide it plays for */
    uint64_t drawn_key;  /* the slide key its picture was last given for; 0: none */
};

struct clips {
    struct clip playing, cued;
    int bell[2]; /* libmpv's wake-ups arrive on bell[0] */
    const char *hwdec;
    bool over; /* the playing clip has ended or failed since clips_take_over() */
    struct clip_failure *failures;
    size_t failure_count, failure_capacity;
};

/* No clips yet; hwdec (NULL: auto-safe) is mpv's hardware decoding choice.
 * False when the wake-up pipe cannot be made. */
bool clips_init(struct clips *c, const char *hwdec);

/* Closes both players; a zeroed struct is fine. */
void clips_free(struct clips *c);

/* Readable when a player has news: then call clips_update(). */
int clips_wake_fd(const struct clips *c);

/* Takes in the players' news; a clip that fails is logged ("file:
 * problem") and remembered. */
void clips_update(struct clips *c, int64_t now_ms);

/* True once after the playing clip ended or failed. */
bool clips_take_over(struct clips *c);

/* True when slide is a video slide whose clip is known not to play. */
bool clips_broken(const struct clips *c, const struct slide *slide);

/* The slide now on screen (NULL: none): its clip plays (the cued player
 * when it is that clip), any other is closed. */
void clips_follow(struct clips *c, const struct slide *slide, int64_t now_ms);

/* The slide that comes next (NULL: none): its clip is opened, paused. */
void clips_cue(struct clips *c, const struct slide *next, int64_t now_ms);

/* Opens each clip the programme's slides name and decodes its first frame,
 * for --check: a clip that cannot play is an error, one too large to
 * decode smoothly without hardware a warning. */
void clips_check(const struct programme *prog, const char *hwdec, struct diag_list *diags);

/* The request that plays slide's clip. */
struct video_request clips_request(const struct slide *slide, const char *hwdec, int wake_fd);

#endif
