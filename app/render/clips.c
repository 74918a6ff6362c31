/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The playing clip and the cued one. */
#include "clips.h"

#include "../util/array.h"
#include "../util/log.h"
#include "../util/self_pipe.h"
#include "../util/str.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool clips_init(struct clips *c, const char *hwdec)
{
    *c = (struct clips){.hwdec = hwdec, .bell = {-1, -1}};
    return self_pipe_open(c->bell);
}

static void close_clip(struct clip *clip)
{
    video_close(clip->video);
    slide_free(clip->slide);
    free(clip->slide);
    *clip = (struct clip){0};
}

void clips_free(struct clips *c)
{
    close_clip(&c->playing);
    close_clip(&c->cued);
    for (size_t i = 0; i < c->failure_count; i++) {
        free(c->failures[i].path);
        free(c->failures[i].problem);
    }
    free(c->failures);
    self_pipe_close(c->bell);
    memset(c, 0, sizeof *c);
    c->bell[0] = c->bell[1] = -1;
}

int clips_wake_fd(const struct clips *c)
{
    return c->bell[0];
}

struct video_request clips_request(const struct slide *s, const char *hwdec, int wake_fd)
{
    return (struct video_request){
        .path = s->video,
        .audio = s->audio,
        .plays = s->loops > 0 ? s->loops : 1,
        .cover = s->fit == FIT_COVER,
        .focus_x = s->focus.set ? s->focus.x : 0.5f,
        .focus_y = s->focus.set ? s->focus.y : 0.5f,
        /* a contained clip stands on its caption; else where its focus says */
        .align_y = s->caption     ? 1.0f
                   : s->focus.set ? s->focus.y
                                  : 0.5f,
        .hwdec = hwdec,
        .wake_fd = wake_fd,
    };
}

/* The clip plays for slide as it is: the same file, played the same way. */
static bool plays_for(const struct clip *clip, const struct slide *slide)
{
    const struct slide *s = clip->slide;
    return clip->video && s && slide && slide->kind == SLIDE_VIDEO &&
           strcmp(s->video, slide->video) == 0 && s->audio == slide->audio &&
           s->loops == slide->loops && s->fit == slide->fit && s->focus.set == slide->focus.set &&
           s->focus.x == slide->focus.x && s->focus.y == slide->focus.y;
}

static bool same_file(const struct clip_failure *f, const char *path)
{
    struct stat st;
    return strcmp(f->path, path) == 0 && stat(path, &st) == 0 && st.st_dev == f->dev &&
           st.st_ino == f->ino && st.st_size == f->size &&
           (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec == f->mtime_ns;
}

bool clips_broken(const struct clips *c, const struct slide *slide)
{
    if (!slide || slide->kind != SLIDE_VIDEO)
        return false;
    for (size_t i = 0; i < c->failure_count; i++)
        if (same_file(&c->failures[i], slide->video))
            return true;
    return false;
}

/* Logs and remembers that the clip at path cannot be played. */
static void remember_failure(struct clips *c, const char *path, const char *problem)
{
    LOG(LOG_WARN, "video", "%s: %s; its slide is left out", path, problem);
    struct stat st;
    if (stat(path, &st) != 0 || !ARRAY_RESERVE(c->failures, c->failure_count, c->failure_capacity))
        return;
    /* One entry per path: the latest version of the file. */
    size_t i = 0;
    while (i < c->failure_count && strcmp(c->failures[i].path, path) != 0)
        i++;
    if (i == c->failure_count) {
        c->failures[i] = (struct clip_failure){.path = str_dup(path)};
        c->failure_count++;
    }
    struct clip_failure *f = &c->failures[i];
    free(f->problem);
    f->problem = str_dup(problem);
    f->dev = st.st_dev;
    f->ino = st.st_ino;
    f->size = st.st_size;
    f->mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
}

/* A player for slide's clip, paused on its first frame once it is open;
 * false (remembered as broken) when it cannot be started. */
static bool open_clip(struct clips *c, struct clip *clip, const struct slide *slide, int64_t now_ms)
{
    close_clip(clip);
    struct video_request rq = clips_request(slide, c->hwdec, c->bell[1]);
    char err[256];
    clip->slide = calloc(1, sizeof *clip->slide);
    if (!clip->slide || !slide_copy(clip->slide, slide)) {
        free(clip->slide);
        clip->slide = NULL;
        return false;
    }
    clip->video = video_open(&rq, now_ms, err, sizeof err);
    if (!clip->video) {
        remember_failure(c, slide->video, err);
        close_clip(clip);
        return false;
    }
    return true;
}

void clips_update(struct clips *c, int64_t now_ms)
{
    char drain[64];
    ssize_t got;
    do
        got = c->bell[0] >= 0 ? read(c->bell[0], drain, sizeof drain) : 0;
    while (got > 0);
    struct clip *both[] = {&c->playing, &c->cued};
    for (size_t i = 0; i < COUNT(both); i++) {
        struct clip *clip = both[i];
        if (!clip->video)
            continue;
        enum video_state state = video_update(clip->video, now_ms);
        if (state == VIDEO_FAILED) {
            remember_failure(c, clip->slide->video, video_problem(clip->video));
            close_clip(clip);
        }
        if (clip == &c->playing && (state == VIDEO_FAILED || state == VIDEO_ENDED))
            c->over = true;
    }
}

bool clips_take_over(struct clips *c)
{
    bool over = c->over;
    c->over = false;
    return over;
}

void clips_follow(struct clips *c, const struct slide *slide, int64_t now_ms)
{
    if (plays_for(&c->playing, slide))
        return; /* the same clip, as the content was read again */
    close_clip(&c->playing);
    c->over = false;
    if (!slide || slide->kind != SLIDE_VIDEO || clips_broken(c, slide))
        return;
    if (plays_for(&c->cued, slide)) {
        c->playing = c->cued;
        c->cued = (struct clip){0};
    } else {
        open_clip(c, &c->playing, slide, now_ms);
    }
}

void clips_cue(struct clips *c, const struct slide *next, int64_t now_ms)
{
    if (plays_for(&c->cued, next))
        return;
    close_clip(&c->cued);
    if (next && next->kind == SLIDE_VIDEO && !clips_broken(c, next))
        open_clip(c, &c->cued, next, now_ms);
}

void clips_check(const struct programme *prog, const char *hwdec, struct diag_list *diags)
{
    for (size_t i = 0; i < prog->slide_count; i++) {
        const struct slide *s = &prog->slides[i];
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen =
                prog->slides[j].video && s->video && strcmp(prog->slides[j].video, s->video) == 0;
        if (s->kind != SLIDE_VIDEO || !s->video || seen)
            continue;
        struct video_request rq = clips_request(s, hwdec, -1);
        char err[256];
        struct video *v = video_open_wait(&rq, err, sizeof err);
        if (!v) {
            diag_add(diags, DIAG_ERROR, s->video, 0, "%s; its slide is left out", err);
            continue;
        }
        struct video_info info;
        video_info(v, &info);
        if ((int64_t)info.width * info.height > 1920 * 1088)
            diag_add(diags, DIAG_WARNING, s->video, 0,
                     "%dx%d: larger than 1920x1080, which a small box decoding without hardware "
                     "help may not play smoothly (see --hwdec)",
                     info.width, info.height);
        if (info.duration_ms >= 0 && s->poster_ms > info.duration_ms)
            diag_add(diags, DIAG_WARNING, s->source, 0,
                     "poster: %g s is past the clip's end (%g s); its last frame is the poster",
                     s->poster_ms / 1000.0, (double)info.duration_ms / 1000.0);
        video_close(v);
    }
}
