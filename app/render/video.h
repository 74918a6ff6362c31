/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Video clips, decoded by libmpv and drawn in memory by its software
 * renderer, one frame at a time when the caller asks. libmpv (with FFmpeg,
 * some two hundred libraries that take a tenth of a second to load) is
 * loaded at the first clip, not at start-up: a show without video pays
 * nothing for it. No SDL here: --check uses it too. */
#ifndef HALLSCREEN_VIDEO_H
#define HALLSCREEN_VIDEO_H

#include "../layout/scene.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    VIDEO_OPEN_TIMEOUT_MS = 10000, /* a clip with no first frame by then is given up */
    VIDEO_STALL_MS = 10000,        /* so is a playing clip whose picture stops for so long */
    VIDEO_SOUND_WAIT_MS = 3000,    /* a probe waits so long for mpv to try the sound device */
};

/* What to play and how. */
struct video_request {
    const char *path;
    bool audio;             /* heard; muted otherwise */
    int plays;              /* times through: 1 or more */
    int64_t start_ms;       /* where the first frame is taken from */
    bool cover;             /* fill the box, cropping around the focus; else letterbox */
    float focus_x, focus_y; /* 0 to 1 */
    float align_y;          /* contain: where the frame stands down the box, 0 to 1 */
    const char *hwdec;      /* mpv's hwdec choice; NULL: auto-safe */
    int wake_fd;            /* a byte is written here when the clip has news; -1: none */
};

enum video_state {
    VIDEO_OPENING, /* its first frame is not decoded yet */
    VIDEO_READY,   /* paused on its first frame */
    VIDEO_PLAYING,
    VIDEO_ENDED,  /* on its last frame */
    VIDEO_FAILED, /* see video_problem() */
};

/* A frame, XRGB8888, and where it stands in the box it was drawn for. */
struct video_picture {
    const uint8_t *pixels;
    int pitch;
    struct box place;
};

struct video_info {
    int width, height;   /* as displayed; 0 before the first frame */
    int64_t duration_ms; /* of one play; -1: unknown */
};

struct video;

/* Starts opening a clip, paused, at now_ms. NULL with the reason in err
 * when libmpv cannot be loaded or started. */
struct video *video_open(const struct video_request *request, int64_t now_ms, char *err,
                         size_t err_size);

/* Opens a clip and waits (at most VIDEO_OPEN_TIMEOUT_MS) for its first
 * frame, for --check and --render. NULL with the reason in err when it
 * cannot be played. */
struct video *video_open_wait(const struct video_request *request, char *err, size_t err_size);

/* Takes in what libmpv has said since the last call and gives up on a
 * clip that stalls. Returns the state now. */
enum video_state video_update(struct video *v, int64_t now_ms);

/* The state as of the last video_update(). */
enum video_state video_current_state(const struct video *v);

/* Why a clip failed: "cannot be read as video (unknown format)". */
const char *video_problem(const struct video *v);

void video_info(const struct video *v, struct video_info *info);

/* Plays a ready clip, or plays an ended one again from its start. */
void video_play(struct video *v, int64_t now_ms);

/* Holds a playing clip on its frame, or lets it go on. */
void video_pause(struct video *v, bool paused, int64_t now_ms);

/* Milliseconds until a new frame is due: 0 now, -1 when none is coming. */
int64_t video_frame_wait(const struct video *v, int64_t now_ms);

/* Milliseconds of playing left, loops included; -1 when unknown. */
int64_t video_remaining_ms(const struct video *v, int64_t now_ms);

/* The current frame drawn for a box_w x box_h box: letterboxed into it, or
 * covering it; drawn again only when a new frame is due or the box
 * changed. NULL before the first frame. The picture stays valid until the
 * next call or video_close(). */
const struct video_picture *video_picture(struct video *v, int box_w, int box_h);

/* Stops and frees the clip. libmpv's shutdown runs on a thread of its own,
 * so that a decoder stuck on a hung file never holds up the caller. NULL is
 * fine. */
void video_close(struct video *v);

/* Waits (a few seconds at most) for clips still being freed: before exit. */
void video_shutdown(void);

#endif
