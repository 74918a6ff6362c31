/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Clips played by libmpv through its software render API. */
#include "video.h"

#include "clip_probe.h"
#include "video_internal.h"

#include "../platform/clock.h"
#include "../util/log.h"
#include "../util/self_pipe.h"

#include <dlfcn.h>
#include <errno.h>
#include <math.h>
#include <mpv/client.h>
#include <mpv/render.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum {
    ALIGN = 64, /* mpv's renderer is fastest on rows aligned so */
    SHUTDOWN_WAIT_MS = 3000,
};

/* The libmpv functions used, resolved at the first clip. */
#define MPV_FUNCTIONS(X)                                                                           \
    X(mpv_create)                                                                                  \
    X(mpv_initialize)                                                                              \
    X(mpv_set_option_string)                                                                       \
    X(mpv_get_property)                                                                            \
    X(mpv_command_async)                                                                           \
    X(mpv_wait_event)                                                                              \
    X(mpv_set_wakeup_callback)                                                                     \
    X(mpv_observe_property)                                                                        \
    X(mpv_set_property_async)                                                                      \
    X(mpv_request_log_messages)                                                                    \
    X(mpv_terminate_destroy)                                                                       \
    X(mpv_error_string)                                                                            \
    X(mpv_get_time_us)                                                                             \
    X(mpv_render_context_create)                                                                   \
    X(mpv_render_context_set_update_callback)                                                      \
    X(mpv_render_context_update)                                                                   \
    X(mpv_render_context_get_info)                                                                 \
    X(mpv_render_context_render)                                                                   \
    X(mpv_render_context_free)

static struct {
#define DECLARE(name) __typeof__(name) *name;
    MPV_FUNCTIONS(DECLARE)
#undef DECLARE
} mpv;

static pthread_once_t mpv_once = PTHREAD_ONCE_INIT;
static char mpv_missing[256]; /* why libmpv cannot be used; empty when it can */

static void quiet_alsa(const char *file, int line, const char *function, int err,
                       const char *format, ...)
{
    (void)file, (void)line, (void)function, (void)err, (void)format;
}

static void load_mpv(void)
{
    void *lib = dlopen("libmpv.so.2", RTLD_NOW | RTLD_LOCAL);
    char first[200] = "";
    if (!lib) {
        snprintf(first, sizeof first, "%s", dlerror());
        lib = dlopen("libmpv.so.1", RTLD_NOW | RTLD_LOCAL);
    }
    if (!lib) {
        const char *why = first; /* libmpv.so.2's reason: the one that is installed */
        if (strstr(why, "allocate memory") || strstr(why, "failed to map"))
            snprintf(mpv_missing, sizeof mpv_missing,
                     "libmpv cannot be loaded: short of memory (%s)", why);
        else if (strstr(why, "No such file"))
            snprintf(mpv_missing, sizeof mpv_missing,
                     "libmpv is not installed (%s): install libmpv2", why);
        else
            snprintf(mpv_missing, sizeof mpv_missing, "libmpv cannot be loaded (%s)", why);
        return;
    }
    /* ALSA prints its own complaints (no card, no PCM) to stderr at each
     * opening of a sound device: quiet them, the show says it once. */
    void (*set_alsa_handler)(void (*)(const char *, int, const char *, int, const char *, ...)) =
        (void (*)(void (*)(const char *, int, const char *, int, const char *, ...)))dlsym(
            lib, "snd_lib_error_set_handler");
    if (set_alsa_handler)
        set_alsa_handler(quiet_alsa);
    /* FFmpeg, under libmpv, prints some problems straight to stderr
     * whenever no libmpv instance has its logging hooked in (as one is
     * being freed while the next starts): quiet it; mpv's own report of
     * each problem still arrives through its log messages. */
    void (*set_ffmpeg_log_level)(int) = (void (*)(int))dlsym(lib, "av_log_set_level");
    if (set_ffmpeg_log_level)
        set_ffmpeg_log_level(-8); /* AV_LOG_QUIET */
#define RESOLVE(name)                                                                              \
    if (!mpv_missing[0] && !(*(void **)&mpv.name = dlsym(lib, #name)))                             \
        snprintf(mpv_missing, sizeof mpv_missing, "libmpv has no %s: it is too old", #name);
    MPV_FUNCTIONS(RESOLVE)
#undef RESOLVE
}

struct video {
    struct video_request rq; /* path and hwdec copied below */
    char path[512], hwdec[32];
    struct clip_probe *probe; /* before the player starts: the file being tried apart */
    int rotation;
    mpv_handle *handle;
    mpv_render_context *render;
    enum video_state state;
    char problem[256];
    char last_error[160]; /* mpv's last error line, for the report */
    int wake_fd;
    int plays;
    bool cover;
    float align_y; /* 0 to 1: where a contained frame stands down its box */
    int64_t opened_ms, played_ms, progress_ms; /* when opened, played, last given a frame */
    bool frame_due;                            /* mpv has a frame to draw */
    int64_t frame_due_ms;                      /* from when */
    bool eof;
    struct video_info info;
    uint8_t *buffer; /* the picture, ALIGN-ed */
    size_t buffer_size;
    struct video_picture picture;
    int box_w, box_h; /* the box the picture was drawn for */
    bool drawn;       /* the picture holds the current frame */
    bool have_frame;  /* mpv has given a first frame */
    bool paused;      /* held by video_pause() */
    int64_t paused_at_ms;
    bool no_sound;     /* mpv found no device to play the sound on */
    bool sound_opened; /* mpv has a device playing the clip's sound */
};

static atomic_int closing; /* clips being freed on their threads */

/* Called on libmpv's threads: a byte on the wake-up descriptor, nothing else. */
static void wake(void *ctx)
{
    int fd = (int)(intptr_t)ctx;
    if (fd >= 0 && write(fd, "v", 1) < 0) {
        /* the pipe is full: a wake-up is pending already */
    }
}

/* No more bytes on the wake-up descriptor. */
static void stop_waking(struct video *v)
{
    v->wake_fd = -1;
    if (!v->handle)
        return;
    mpv.mpv_set_wakeup_callback(v->handle, NULL, NULL);
    if (v->render)
        mpv.mpv_render_context_set_update_callback(v->render, NULL, NULL);
    v->wake_fd = -1;
}

static void fail(struct video *v, const char *what)
{
    if (v->state == VIDEO_FAILED)
        return;
    v->state = VIDEO_FAILED;
    if (v->last_error[0])
        snprintf(v->problem, sizeof v->problem, "%.150s (%.100s)", what, v->last_error);
    else
        snprintf(v->problem, sizeof v->problem, "%s", what);
}

/* Options for a player that shows one clip in a slide and nothing else:
 * no configuration files, scripts, subtitles, on-screen display or input. */
static bool configure(struct video *v, const struct video_request *rq, bool silent)
{
    /* mpv's software renderer cannot turn a picture (it asserts): its
     * own rotation is off, and a filter turns the picture instead */
    const char *turn = v->rotation == 90    ? "lavfi=[transpose=clock]"
                       : v->rotation == 180 ? "lavfi=[hflip,vflip]"
                       : v->rotation == 270 ? "lavfi=[transpose=cclock]"
                                            : "";
    char start[32], loops[16], align_x[16], align_y[16];
    snprintf(start, sizeof start, "%.3f", (double)rq->start_ms / 1000.0);
    snprintf(loops, sizeof loops, "%d", rq->plays > 1 ? rq->plays - 1 : 0);
    snprintf(align_x, sizeof align_x, "%.3f", rq->focus_x * 2.0f - 1.0f);
    snprintf(align_y, sizeof align_y, "%.3f", rq->focus_y * 2.0f - 1.0f);
    const char *options[][2] = {
        {"config", "no"},
        {"terminal", "no"},
        {"load-scripts", "no"},
        {"ytdl", "no"},
        {"input-default-bindings", "no"},
        {"osd-level", "0"},
        {"sid", "no"},
        {"audio-display", "no"}, /* an audio file's cover art is not a video */
        {"vo", "libmpv"},
        {"pause", "yes"},
        {"keep-open", "always"}, /* the last frame stays for the transition out */
        {"hwdec", rq->hwdec ? rq->hwdec : "auto-safe"},
        {"aid", rq->audio && !silent ? "auto" : "no"},
        {"audio-fallback-to-null", "yes"}, /* a device gone: the clip plays on, silent */
        {"video-rotate", "no"},
        {"vf", turn},
        {"demuxer-max-bytes", "32MiB"},
        {"start", start},
        {"loop-file", strcmp(loops, "0") == 0 ? "no" : loops},
        {"panscan", rq->cover ? "1.0" : "0.0"},
        {"video-align-x", align_x},
        {"video-align-y", align_y},
    };
    for (size_t i = 0; i < sizeof options / sizeof options[0]; i++) {
        if (mpv.mpv_set_option_string(v->handle, options[i][0], options[i][1]) < 0) {
            snprintf(v->problem, sizeof v->problem, "mpv refuses %s=%s", options[i][0],
                     options[i][1]);
            return false;
        }
    }
    return true;
}

static atomic_bool told_silent; /* "sound cannot be played" was said */

/* Starts libmpv on the clip, turned as the verdict says. */
static bool player_start(struct video *v, const struct clip_verdict *d, char *err, size_t err_size)
{
    pthread_once(&mpv_once, load_mpv);
    if (mpv_missing[0]) {
        snprintf(err, err_size, "%s", mpv_missing);
        return false;
    }
    if (!(v->handle = mpv.mpv_create())) {
        snprintf(err, err_size, "libmpv cannot start: short of memory");
        return false;
    }
    v->rotation = d->rotation;
    bool silent = d->no_sound;
    if (silent && v->rq.audio && !clip_probe_in_child() && !atomic_exchange(&told_silent, true))
        LOG(LOG_WARN, "video",
            "sound cannot be played: no audio device answers here; clips play silent");
    char api[] = MPV_RENDER_API_TYPE_SW;
    mpv_render_param params[] = {{MPV_RENDER_PARAM_API_TYPE, api}, {0}};
    bool ok = configure(v, &v->rq, silent) && mpv.mpv_initialize(v->handle) >= 0 &&
              mpv.mpv_render_context_create(&v->render, v->handle, params) >= 0;
    if (ok) {
        /* Watched, never read: reading a property waits for mpv's core,
         * which may be busy opening the file for a good part of a second. */
        mpv.mpv_request_log_messages(v->handle, "error");
        mpv.mpv_observe_property(v->handle, 0, "eof-reached", MPV_FORMAT_FLAG);
        mpv.mpv_observe_property(v->handle, 0, "current-ao", MPV_FORMAT_STRING);
        mpv.mpv_observe_property(v->handle, 0, "dwidth", MPV_FORMAT_INT64);
        mpv.mpv_observe_property(v->handle, 0, "dheight", MPV_FORMAT_INT64);
        mpv.mpv_observe_property(v->handle, 0, "duration", MPV_FORMAT_DOUBLE);
        mpv.mpv_set_wakeup_callback(v->handle, wake, (void *)(intptr_t)v->wake_fd);
        mpv.mpv_render_context_set_update_callback(v->render, wake, (void *)(intptr_t)v->wake_fd);
        const char *load[] = {"loadfile", v->path, NULL};
        ok = mpv.mpv_command_async(v->handle, 0, load) >= 0;
    }
    if (!ok)
        snprintf(err, err_size, "%s", v->problem[0] ? v->problem : "mpv cannot start");
    return ok;
}

struct video *video_open(const struct video_request *rq, int64_t now_ms, char *err, size_t err_size)
{
    struct video *v = calloc(1, sizeof *v);
    if (!v) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    v->rq = *rq;
    snprintf(v->path, sizeof v->path, "%s", rq->path);
    snprintf(v->hwdec, sizeof v->hwdec, "%s", rq->hwdec ? rq->hwdec : "auto-safe");
    v->rq.path = v->path;
    v->rq.hwdec = v->hwdec;
    v->wake_fd = rq->wake_fd;
    v->plays = rq->plays > 0 ? rq->plays : 1;
    v->cover = rq->cover;
    v->align_y = rq->align_y;
    v->opened_ms = v->progress_ms = now_ms;
    v->info.duration_ms = -1;
    struct clip_verdict known;
    if (!clip_probe_known(v->path, rq->audio, &known)) {
        if ((v->probe = clip_probe_start(v->path, v->hwdec, rq->audio, v->wake_fd)))
            return v;
        snprintf(err, err_size, "cannot be tried apart: %s", strerror(errno));
        free(v);
        return NULL;
    }
    if (!known.ok) {
        snprintf(err, err_size, "%s", known.problem);
        free(v);
        return NULL;
    }
    if (!player_start(v, &known, err, err_size)) {
        video_close(v);
        return NULL;
    }
    return v;
}

/* Takes in a probe's verdict once it is there, and starts the player. */
static void probe_take(struct video *v, int64_t now_ms)
{
    struct clip_verdict d;
    if (!clip_probe_done(v->probe, &d))
        return;
    clip_probe_drop(v->probe);
    v->probe = NULL;
    char err[256];
    v->opened_ms = v->progress_ms = now_ms;
    if (!d.ok)
        fail(v, d.problem);
    else if (!player_start(v, &d, err, sizeof err))
        fail(v, err);
}

struct video *video_open_wait(const struct video_request *request, char *err, size_t err_size)
{
    int bell[2];
    if (!self_pipe_open(bell)) {
        snprintf(err, err_size, "%s", strerror(errno));
        return NULL;
    }
    struct video_request rq = *request;
    rq.wake_fd = bell[1];
    int64_t start = clock_monotonic_ms();
    struct video *v = video_open(&rq, start, err, err_size);
    enum video_state state = v ? VIDEO_OPENING : VIDEO_FAILED;
    while (state == VIDEO_OPENING) {
        struct pollfd fd = {.fd = bell[0], .events = POLLIN};
        char drain[64];
        if (poll(&fd, 1, 100) > 0 && read(bell[0], drain, sizeof drain) < 0)
            break;
        state = video_update(v, clock_monotonic_ms());
    }
    if (v && state != VIDEO_READY) {
        snprintf(err, err_size, "%s", video_problem(v));
        video_close(v);
        v = NULL;
    }
    if (v)
        stop_waking(v); /* the pipe is closed below */
    self_pipe_close(bell);
    return v;
}

/* mpv's reason for ending a clip it could not play, in the show's words. */
static const char *end_reason(int error)
{
    switch (error) {
    case MPV_ERROR_UNKNOWN_FORMAT:
        return "cannot be read as video (unknown or damaged format)";
    case MPV_ERROR_NOTHING_TO_PLAY:
        return "has no video to show";
    case MPV_ERROR_LOADING_FAILED:
        return "cannot be opened";
    default:
        return mpv.mpv_error_string(error);
    }
}

static void take_event(struct video *v, mpv_event *e, int64_t now_ms)
{
    if (e->event_id == MPV_EVENT_LOG_MESSAGE) {
        mpv_event_log_message *m = e->data;
        /* FFmpeg's own lines are its probing for hardware decoders (no
         * CUDA here, no VDPAU there): not why a clip fails */
        if (strcmp(m->prefix, "ffmpeg") == 0)
            return;
        /* no sound device: said once by the show, not a reason to fail */
        if (strncmp(m->prefix, "ao", 2) == 0 || strstr(m->text, "no sound")) {
            v->no_sound |= strstr(m->text, "no sound") != NULL;
            return;
        }
        snprintf(v->last_error, sizeof v->last_error, "%s", m->text);
        size_t n = strlen(v->last_error);
        while (n && (v->last_error[n - 1] == '\n' || v->last_error[n - 1] == '.'))
            v->last_error[--n] = '\0';
    } else if (e->event_id == MPV_EVENT_END_FILE) {
        mpv_event_end_file *end = e->data;
        fail(v,
             end->reason == MPV_END_FILE_REASON_ERROR ? end_reason(end->error) : "stopped playing");
    } else if (e->event_id == MPV_EVENT_PROPERTY_CHANGE) {
        mpv_event_property *p = e->data;
        if (p->format == MPV_FORMAT_FLAG && strcmp(p->name, "eof-reached") == 0) {
            v->eof = *(int *)p->data != 0;
            v->progress_ms = now_ms;
        } else if (p->format == MPV_FORMAT_INT64 && strcmp(p->name, "dwidth") == 0) {
            v->info.width = (int)*(int64_t *)p->data;
            v->drawn = false;
        } else if (p->format == MPV_FORMAT_INT64 && strcmp(p->name, "dheight") == 0) {
            v->info.height = (int)*(int64_t *)p->data;
            v->drawn = false;
        } else if (p->format == MPV_FORMAT_STRING && strcmp(p->name, "current-ao") == 0) {
            const char *output = *(char **)p->data; /* "null": no device answered */
            v->sound_opened = output[0] && strcmp(output, "null") != 0;
            v->no_sound |= strcmp(output, "null") == 0;
        } else if (p->format == MPV_FORMAT_DOUBLE && strcmp(p->name, "duration") == 0) {
            double seconds = *(double *)p->data;
            v->info.duration_ms =
                isfinite(seconds) && seconds >= 0 ? (int64_t)(seconds * 1000) : -1;
        }
    }
}

void video_findings(struct video *v, int64_t *demux_rotation, bool *no_sound)
{
    /* mpv opens the sound device after the first picture: wait for it to
     * have one or to say it has none, so that a box with no sound device
     * is known as one */
    int64_t since = clock_monotonic_ms();
    while (v->rq.audio && !v->sound_opened && !v->no_sound && v->state != VIDEO_FAILED &&
           clock_monotonic_ms() - since < VIDEO_SOUND_WAIT_MS)
        take_event(v, mpv.mpv_wait_event(v->handle, 0.1), clock_monotonic_ms());
    if (mpv.mpv_get_property(v->handle, "current-tracks/video/demux-rotation", MPV_FORMAT_INT64,
                             demux_rotation) < 0)
        *demux_rotation = 0; /* not told */
    *no_sound = v->no_sound;
}

/* The due time of mpv's next frame, on the caller's clock. */
static int64_t next_frame_due(struct video *v, int64_t now_ms)
{
    mpv_render_frame_info frame = {0};
    mpv_render_param info = {MPV_RENDER_PARAM_NEXT_FRAME_INFO, &frame};
    if (mpv.mpv_render_context_get_info(v->render, info) < 0 || !frame.target_time)
        return now_ms;
    int64_t ahead_us = frame.target_time - mpv.mpv_get_time_us(v->handle);
    return ahead_us > 0 ? now_ms + ahead_us / 1000 : now_ms;
}

/* Has mpv draw its current frame at place's size into the buffer. */
static bool render_frame(struct video *v, struct box place)
{
    size_t stride = ((size_t)place.w * 4 + ALIGN - 1) / ALIGN * ALIGN;
    size_t size = stride * (size_t)place.h;
    if (size > v->buffer_size) {
        free(v->buffer);
        v->buffer = aligned_alloc(ALIGN, size);
        v->buffer_size = v->buffer ? size : 0;
        if (!v->buffer)
            return false;
    }
    int dimensions[2] = {place.w, place.h};
    int block = 0;          /* the caller paces frames itself */
    char format[] = "bgr0"; /* XRGB8888 in a little-endian word */
    mpv_render_param params[] = {
        {MPV_RENDER_PARAM_SW_SIZE, dimensions},
        {MPV_RENDER_PARAM_SW_FORMAT, format},
        {MPV_RENDER_PARAM_SW_STRIDE, &stride},
        {MPV_RENDER_PARAM_SW_POINTER, v->buffer},
        {MPV_RENDER_PARAM_BLOCK_FOR_TARGET_TIME, &block},
        {0},
    };
    if (mpv.mpv_render_context_render(v->render, params) < 0)
        return false;
    v->picture = (struct video_picture){v->buffer, (int)stride, place};
    v->frame_due = false;
    return true;
}

enum video_state video_update(struct video *v, int64_t now_ms)
{
    if (v->probe)
        probe_take(v, now_ms);
    if (!v->handle)
        return v->state;
    for (int i = 0; i < 1000 && v->state != VIDEO_FAILED; i++) {
        mpv_event *e = mpv.mpv_wait_event(v->handle, 0);
        if (e->event_id == MPV_EVENT_NONE)
            break;
        take_event(v, e, now_ms);
    }
    if (v->state != VIDEO_FAILED &&
        (mpv.mpv_render_context_update(v->render) & MPV_RENDER_UPDATE_FRAME)) {
        v->frame_due = true;
        v->frame_due_ms = next_frame_due(v, now_ms);
        v->drawn = false;
        v->progress_ms = now_ms;
    }
    /* mpv's core waits for its first frame to be drawn before it goes on
     * (and tells the clip's size): draw it, small, at once */
    if (v->state == VIDEO_OPENING && v->frame_due && !v->have_frame)
        v->have_frame = render_frame(v, (struct box){0, 0, 16, 16});
    if (v->state == VIDEO_OPENING && v->have_frame && v->info.width > 0 && v->info.height > 0)
        v->state = VIDEO_READY;
    if (v->state == VIDEO_PLAYING && v->eof)
        v->state = VIDEO_ENDED;
    if (v->state == VIDEO_OPENING && now_ms - v->opened_ms > VIDEO_OPEN_TIMEOUT_MS)
        fail(v, "gives no picture within 10 s");
    if (v->state == VIDEO_PLAYING && !v->paused && now_ms - v->progress_ms > VIDEO_STALL_MS)
        fail(v, "stalled: no new picture for 10 s");
    return v->state;
}

enum video_state video_current_state(const struct video *v)
{
    return v->state;
}

const char *video_problem(const struct video *v)
{
    return v->problem[0] ? v->problem : "cannot be played";
}

void video_info(const struct video *v, struct video_info *info)
{
    *info = v->info;
}

void video_play(struct video *v, int64_t now_ms)
{
    if (v->state == VIDEO_ENDED) {
        const char *rewind[] = {"seek", "0", "absolute", NULL};
        mpv.mpv_command_async(v->handle, 0, rewind);
        v->eof = false;
    } else if (v->state != VIDEO_READY) {
        return;
    }
    int playing = 0; /* pause: no */
    mpv.mpv_set_property_async(v->handle, 0, "pause", MPV_FORMAT_FLAG, &playing);
    v->state = VIDEO_PLAYING;
    v->played_ms = v->progress_ms = now_ms;
}

void video_pause(struct video *v, bool paused, int64_t now_ms)
{
    if (v->state != VIDEO_PLAYING || paused == v->paused)
        return;
    int flag = paused;
    mpv.mpv_set_property_async(v->handle, 0, "pause", MPV_FORMAT_FLAG, &flag);
    if (paused)
        v->paused_at_ms = now_ms;
    else /* the time held is neither played nor a stall */
        v->played_ms += now_ms - v->paused_at_ms, v->progress_ms = now_ms;
    v->paused = paused;
}

int64_t video_frame_wait(const struct video *v, int64_t now_ms)
{
    if (!v->frame_due || v->state == VIDEO_FAILED)
        return -1;
    return v->frame_due_ms > now_ms ? v->frame_due_ms - now_ms : 0;
}

int64_t video_remaining_ms(const struct video *v, int64_t now_ms)
{
    if (v->info.duration_ms < 0)
        return -1;
    int64_t total = v->info.duration_ms * v->plays;
    int64_t played = v->state != VIDEO_PLAYING ? 0
                     : v->paused               ? v->paused_at_ms - v->played_ms
                                               : now_ms - v->played_ms;
    return v->state == VIDEO_ENDED ? 0 : played < total ? total - played : 0;
}

/* Where a w x h frame stands in the box: all of it, centred across and
 * placed down it as asked (contain), or the whole box (cover: mpv crops). */
static struct box place_in(const struct video *v, int box_w, int box_h)
{
    struct box whole = {0, 0, box_w, box_h};
    int w = v->info.width, h = v->info.height;
    if (v->cover || w <= 0 || h <= 0)
        return whole;
    int64_t fit_w = (int64_t)box_h * w / h;
    if (fit_w <= box_w)
        return (struct box){(box_w - (int)fit_w) / 2, 0, (int)fit_w, box_h};
    int fit_h = (int)((int64_t)box_w * h / w);
    return (struct box){0, (int)((float)(box_h - fit_h) * v->align_y), box_w, fit_h};
}

const struct video_picture *video_picture(struct video *v, int box_w, int box_h)
{
    if (v->state == VIDEO_OPENING || v->state == VIDEO_FAILED || box_w <= 0 || box_h <= 0)
        return NULL;
    if (v->drawn && box_w == v->box_w && box_h == v->box_h)
        return &v->picture;
    struct box place = place_in(v, box_w, box_h);
    if (place.w <= 0 || place.h <= 0 || !render_frame(v, place))
        return NULL;
    v->box_w = box_w;
    v->box_h = box_h;
    v->drawn = true;
    return &v->picture;
}

static void *free_player(void *data)
{
    struct video *v = data;
    if (v->render)
        mpv.mpv_render_context_free(v->render);
    mpv.mpv_terminate_destroy(v->handle);
    free(v->buffer);
    free(v);
    atomic_fetch_sub(&closing, 1);
    return NULL;
}

void video_close(struct video *v)
{
    if (!v)
        return;
    clip_probe_drop(v->probe);
    v->probe = NULL;
    if (!v->handle) {
        free(v->buffer);
        free(v);
        return;
    }
    stop_waking(v); /* the descriptor may be closed before mpv is done */
    atomic_fetch_add(&closing, 1);
    pthread_attr_t attr;
    pthread_t thread;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (pthread_create(&thread, &attr, free_player, v) != 0)
        free_player(v);
    pthread_attr_destroy(&attr);
}

/* Clips still being freed and probes still running, on their threads. */
static int busy(void)
{
    return atomic_load(&closing) + clip_probe_running();
}

void video_shutdown(void)
{
    for (int waited = 0; busy() > 0 && waited < SHUTDOWN_WAIT_MS; waited += 10)
        nanosleep(&(struct timespec){0, 10 * 1000000}, NULL);
    if (busy() > 0)
        LOG(LOG_WARN, "video", "a clip's decoder is still stuck at exit");
}
