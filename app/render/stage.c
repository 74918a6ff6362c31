/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The stage: the slide on screen and transitions. */
#include "stage.h"

#include "frame.h"
#include "png.h"
#include "../layout/slide_layout.h"
#include "../util/hash.h"
#include "../util/log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MOST_HZ = 60, LEAST_HZ = 24 };

bool stage_open(struct stage *s, SDL_Renderer *sdl, bool vsync, const struct theme *theme,
                int rotate, const char *hwdec, char *err, size_t err_size)
{
    *s =
        (struct stage){.sdl = sdl, .vsync = vsync, .rotate = rotate, .direction = 1, .dirty = true};
    if (!clips_init(&s->clips, hwdec))
        LOG(LOG_WARN, "video", "no pipe for the video player's wake-ups: clips cannot play");
    s->renderer = render_create(sdl, theme, err, err_size);
    if (s->renderer)
        render_set_rotation(s->renderer, rotate);
    return s->renderer != NULL;
}

void stage_close(struct stage *s)
{
    free(s->fits);
    s->fits = NULL;
    clips_free(&s->clips);
    render_destroy(s->renderer);
    s->renderer = NULL;
}

void stage_new_content(struct stage *s, const struct theme *theme, bool fonts_changed)
{
    char err[256];
    struct renderer *fresh = fonts_changed ? render_create(s->sdl, theme, err, sizeof err) : NULL;
    if (fonts_changed && !fresh)
        LOG(LOG_WARN, "fonts", "the theme's new fonts cannot be opened (%s): the old ones stay",
            err);
    if (fresh) {
        free(s->fits); /* measured in the old fonts */
        s->fits = NULL;
        render_destroy(s->renderer);
        s->renderer = fresh;
        render_set_rotation(fresh, s->rotate);
    } else {
        render_forget(s->renderer);
    }
    s->ahead_ms = 0;
    s->dirty = true;
}

/* The frame of the screen as slides are laid out on it (turned by --rotate). */
static struct frame_geometry stage_geometry(const struct stage *s)
{
    int w, h;
    SDL_GetRendererOutputSize(s->sdl, &w, &h);
    render_logical_size(s->renderer, w, h, &w, &h);
    return layout_geometry(w, h);
}

/* Which pages fitted: measuring a page in the fonts is most of what
 * building the programme costs (a board of 58 rooms has dozens of talk
 * slides to measure), and a reload or a new minute leaves most pages as
 * they were. Keys say all that a page's fit depends on; a key's slot is
 * simply taken over by the next key that falls on it. */
enum { FIT_SLOTS = 4096 };
struct stage_fits {
    uint64_t key[FIT_SLOTS]; /* 0: empty */
    bool fits[FIT_SLOTS];
};

/* Everything page's fit on a w x h screen depends on: what it shows (its
 * fingerprint, its translations and directions), the theme's fonts and
 * text sizes, the languages of the labels, the event's name. */
static uint64_t fit_key(const struct programme *prog, const struct slide *page, int w, int h)
{
    const struct theme *t = &prog->theme;
    uint64_t k = hash_number(HASH_START, slide_fingerprint(page));
    const char *texts[] = {page->translated_title,
                           page->translated_subtitle,
                           page->translated_body,
                           page->translated_description,
                           t->font,
                           t->font_bold,
                           prog->event.name};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        k = hash_text(k, texts[i]);
    for (size_t i = 0; i < prog->event.language_count; i++)
        k = hash_text(k, prog->event.languages[i]);
    const float sizes[] = {t->largest_text, t->smallest_text};
    k = hash_bytes(k, sizes, sizeof sizes);
    k = hash_bytes(k, &page->directions, sizeof page->directions);
    k = hash_number(hash_number(hash_number(k, (uint64_t)page->direction), (uint64_t)w),
                    (uint64_t)h);
    return k ? k : 1;
}

static bool page_fits(void *ctx, const struct programme *prog, const struct slide *page)
{
    struct stage *s = ctx;
    struct frame_geometry g = stage_geometry(s);
    if (!s->fits)
        s->fits = calloc(1, sizeof *s->fits); /* none: every page measured */
    uint64_t key = fit_key(prog, page, g.w, g.h);
    size_t slot = (size_t)(key % FIT_SLOTS);
    if (s->fits && s->fits->key[slot] == key)
        return s->fits->fits[slot];
    bool fits = layout_slide_fits(render_measurer(s->renderer), prog, page, &g);
    if (s->fits) {
        s->fits->key[slot] = key;
        s->fits->fits[slot] = fits;
    }
    return fits;
}

void stage_fit_view(struct stage *s, struct order_view *view)
{
    struct frame_geometry g = stage_geometry(s);
    view->overview_rows = layout_overview_rows(&g);
    view->fitter = (struct page_fitter){page_fits, s};
}

void stage_invalidate(struct stage *s)
{
    s->ahead_ms = 0;
    frame_invalidate(s->renderer);
    s->clips.playing.drawn_key = s->clips.cued.drawn_key = 0; /* perhaps at another size */
    s->dirty = true;
}

void stage_screenshot(struct stage *s, const char *path)
{
    s->screenshot = path;
    stage_invalidate(s);
}

/* Frames a second of a transition the display does not pace: its refresh
 * rate (a 4K television at 30 Hz shows no more), at most MOST_HZ; MOST_HZ
 * where the rate is unknown (a virtual display, a render without one). */
static int unpaced_hz(SDL_Renderer *sdl)
{
    SDL_Window *window = SDL_RenderGetWindow(sdl);
    int display = window ? SDL_GetWindowDisplayIndex(window) : -1;
    SDL_DisplayMode mode;
    if (display < 0 || SDL_GetCurrentDisplayMode(display, &mode) != 0 ||
        mode.refresh_rate < LEAST_HZ)
        return MOST_HZ;
    return mode.refresh_rate < MOST_HZ ? mode.refresh_rate : MOST_HZ;
}

bool stage_follow(struct stage *s, const struct programme *shown, const struct slide *slide,
                  int64_t now_ms)
{
    uint64_t key = render_slide_key(s->renderer, slide);
    if (key == s->on_screen)
        return false;
    const struct theme *t = &shown->theme;
    int duration = t->transition == TRANSITION_NONE ? 0 : t->transition_ms;
    int frame_hz = s->vsync ? 0 : unpaced_hz(s->sdl);
    transition_begin(&s->transition, s->on_screen, now_ms, duration, frame_hz, s->direction);
    s->transitions += s->transition.running;
    clips_follow(&s->clips, slide, now_ms);
    s->on_screen = key;
    s->ahead_ms = 0;
    s->direction = 1;
    s->next_prepared = false;
    s->dirty = true;
    return true;
}

/* Milliseconds until the playing clip needs drawing: its next frame, or
 * its start once its transition in is over; -1 when it needs nothing. */
static int64_t clip_wait(const struct stage *s, int64_t now_ms)
{
    struct video *v = s->clips.playing.video;
    if (!v || s->transition.running)
        return -1;
    return video_current_state(v) == VIDEO_READY ? 0 : video_frame_wait(v, now_ms);
}

int64_t stage_frame_wait(const struct stage *s, int64_t now_ms)
{
    if (!s->dirty)
        return clip_wait(s, now_ms);
    int64_t wait = transition_frame_wait(&s->transition, now_ms);
    return wait < 0 ? 0 : wait;
}

/* Writes what is on screen to the screenshot's file, whole or not at all. */
static void save_screenshot(struct stage *s, int w, int h)
{
    char why[256];
    if (png_save_target(s->sdl, w, h, s->screenshot, why, sizeof why))
        LOG(LOG_INFO, "screen", "screenshot written to %s", s->screenshot);
    else
        LOG(LOG_WARN, "screen", "cannot write a screenshot to %s: %s", s->screenshot, why);
    s->screenshot = NULL;
}

/* Gives the renderer clip's frame for slide (shown as key) when it has a
 * new one, or has not given it for key yet. */
static void give_picture(struct stage *s, struct clip *clip, const struct slide *slide,
                         uint64_t key, int w, int h, int64_t now_ms)
{
    if (!clip->video || (clip->drawn_key == key && video_frame_wait(clip->video, now_ms) != 0))
        return;
    int lw, lh;
    render_logical_size(s->renderer, w, h, &lw, &lh);
    struct frame_geometry g = layout_geometry(lw, lh);
    struct box box = layout_clip_box(render_measurer(s->renderer), slide, &g);
    const struct video_picture *picture = video_picture(clip->video, box.w, box.h);
    if (picture) {
        render_set_clip(s->renderer, key, box, picture, w, h);
        clip->drawn_key = key;
    }
}

/* Shows the frame drawn: only the part of the window it changed when
 * that is known (the software renderer draws in the window's own pixels),
 * which the display server then copies alone. */
static void present(struct stage *s, int w, int h)
{
    SDL_Rect part;
    SDL_Window *window = SDL_RenderGetWindow(s->sdl);
    if (frame_damage(s->renderer, w, h, &part) && window && !SDL_GetRenderTarget(s->sdl) &&
        SDL_RenderFlush(s->sdl) == 0 &&
        (part.h <= 0 || SDL_UpdateWindowSurfaceRects(window, &part, 1) == 0))
        return;
    SDL_RenderPresent(s->sdl);
}

/* The frame of the transition at progress, with clock in its footer. */
static struct frame transition_frame(const struct stage *s, const struct programme *shown,
                                     const struct slide *slide, const char *clock, float progress)
{
    return (struct frame){.prog = shown,
                          .slide = slide,
                          .from = s->transition.from,
                          .progress = progress,
                          .kind = shown->theme.transition,
                          .direction = s->transition.direction,
                          .clock = clock};
}

/* Whether the frame drawn ahead is the one due at now_ms, and all of it:
 * drawn for the frame due now (not one since missed), at this size, with
 * the same clock, and the last frame only if the transition ends now. */
static bool ahead_is_due(struct stage *s, const char *clock, float progress, int w, int h,
                         int64_t now_ms)
{
    return s->ahead_ms && now_ms >= s->ahead_ms && w == s->ahead_w && h == s->ahead_h &&
           transition_frames_missed(&s->transition, now_ms) == 0 &&
           (progress >= 1.0f) ==
               (s->ahead_ms >= s->transition.start_ms + s->transition.duration_ms) &&
           strcmp(s->ahead_clock, clock ? clock : "") == 0;
}

/* On a target that keeps its pixels, the transition's next frame is drawn
 * right after this one is shown, while the processor's caches still hold
 * the pixels both touch (a crossfade's frame costs half as much then as
 * 16 ms later), and is shown when it falls due. Not when the display
 * paces frames, nor while a clip plays. */
static void draw_ahead(struct stage *s, const struct programme *shown, const struct slide *slide,
                       const char *clock, int w, int h, int64_t now_ms)
{
    int64_t wait = transition_frame_wait(&s->transition, now_ms);
    if (s->vsync || !frame_target_keeps_pixels(s->renderer) || s->clips.playing.video || wait <= 0)
        return;
    struct transition_timing then = s->transition;
    float progress = transition_progress(&then, now_ms + wait);
    struct frame f = transition_frame(s, shown, slide, clock, progress);
    if (!frame_draw(s->renderer, &f, w, h))
        return;
    s->ahead_ms = now_ms + wait;
    s->ahead_w = w;
    s->ahead_h = h;
    snprintf(s->ahead_clock, sizeof s->ahead_clock, "%s", clock ? clock : "");
}

void stage_draw(struct stage *s, const struct programme *shown, const struct slide *slide,
                const char *clock, int64_t now_ms)
{
    int w, h;
    SDL_GetRendererOutputSize(s->sdl, &w, &h);
    struct clip *clip = &s->clips.playing;
    if (clip->video && slide) {
        if (!s->transition.running && video_current_state(clip->video) == VIDEO_READY)
            video_play(clip->video, now_ms);
        give_picture(s, clip, slide, render_slide_key(s->renderer, slide), w, h, now_ms);
    }
    struct transition_timing *t = &s->transition;
    s->frames_dropped += (unsigned long)transition_frames_missed(t, now_ms);
    float progress = transition_progress(t, now_ms);
    bool drawn = ahead_is_due(s, clock, progress, w, h, now_ms);
    s->ahead_ms = 0;
    if (!drawn) {
        struct frame f = transition_frame(s, shown, slide, clock, progress);
        drawn = frame_draw(s->renderer, &f, w, h);
    }
    if (drawn && s->screenshot)
        save_screenshot(s, w, h);
    if (drawn)
        present(s, w, h);
    transition_frame_drawn(t, now_ms);
    s->dirty = t->running;
    if (drawn && t->running)
        draw_ahead(s, shown, slide, clock, w, h, now_ms);
}

int64_t stage_prepare(struct stage *s, const struct programme *shown, const struct slide *next,
                      int64_t until_change_ms, int64_t now_ms)
{
    if (!s->transition.running) { /* opening a clip takes a moment: not while moving */
        clips_cue(&s->clips, next, now_ms);
        int w, h;
        if (next && s->clips.cued.video && SDL_GetRendererOutputSize(s->sdl, &w, &h) == 0)
            give_picture(s, &s->clips.cued, next, render_slide_key(s->renderer, next), w, h,
                         now_ms);
    }
    if (s->next_prepared || until_change_ms < 0)
        return -1;
    if (until_change_ms > STAGE_PREPARE_AHEAD_MS)
        return until_change_ms - STAGE_PREPARE_AHEAD_MS;
    if (s->transition.running)
        return -1; /* the transition's last frame wakes the loop */
    s->next_prepared = true;
    if (next) {
        int w, h;
        SDL_GetRendererOutputSize(s->sdl, &w, &h);
        frame_prepare(s->renderer, shown, next, w, h);
    }
    return -1;
}
