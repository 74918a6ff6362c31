/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Rendering the show to PNG files with SDL's software renderer. */
#include "export.h"

#include "clips.h"
#include "frame.h"
#include "png.h"
#include "render.h"
#include "timer_screen.h"
#include "../layout/slide_layout.h"
#include "../util/str.h"
#include "../util/zone.h"

#include <SDL.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { DEFAULT_RENDER_W = 1920, DEFAULT_RENDER_H = 1080 };

/* Gives the renderer the poster frame of a video slide's clip (the frame
 * at poster:, else the first). False, after saying why, when the clip
 * cannot be played: its slide is left out. */
static bool give_poster(struct renderer *r, const struct slide *slide, int w, int h)
{
    struct video_request rq = clips_request(slide, NULL, -1);
    rq.start_ms = slide->poster_ms;
    char err[256];
    struct video *v = video_open_wait(&rq, err, sizeof err);
    if (!v) {
        fprintf(stderr, "hallscreen: %s: %s; its slide is left out\n", slide->video, err);
        return false;
    }
    struct frame_geometry g = layout_geometry(w, h);
    struct box box = layout_clip_box(render_measurer(r), slide, &g);
    const struct video_picture *picture = video_picture(v, box.w, box.h);
    if (picture)
        render_set_clip(r, render_slide_key(r, slide), box, picture, w, h);
    video_close(v);
    return true;
}

/* Draws and writes each slide of shown; returns how many were written. */
static size_t write_slides(struct renderer *r, SDL_Renderer *sdl, const char *dir,
                           const struct programme *shown, const char *clock, int w, int h)
{
    size_t written = 0;
    for (size_t i = shown->alert ? 0 : 1; i <= shown->slide_count; i++) {
        const struct slide *slide = i == 0 ? shown->alert : &shown->slides[i - 1];
        char *path = str_printf("%s/%02zu-%s.png", dir, i, slide_kind_name(slide->kind));
        char why[256] = "out of memory";
        if (slide->kind == SLIDE_VIDEO && !give_poster(r, slide, w, h)) {
            free(path);
            continue;
        }
        if (path && !frame_draw_slide(r, shown, slide, clock, w, h))
            snprintf(why, sizeof why, "cannot draw it: %s", SDL_GetError());
        else if (path && png_save_target(sdl, w, h, path, why, sizeof why)) {
            printf("%s\n", path);
            written++;
            free(path);
            continue;
        }
        fprintf(stderr, "hallscreen: cannot write %s: %s\n", path ? path : "a slide", why);
        free(path);
    }
    return written;
}

/* Makes path and the folders above it that are missing, as mkdir -p
 * does; false with errno set when one cannot be made. */
static bool make_folders(const char *path)
{
    char *copy = str_dup(path);
    bool ok = copy != NULL;
    for (char *p = copy ? copy + 1 : NULL; ok && p && *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        ok = mkdir(copy, 0777) == 0 || errno == EEXIST;
        *p = '/';
    }
    ok = ok && (mkdir(path, 0777) == 0 || errno == EEXIST);
    free(copy);
    return ok;
}

/* The screen slides are rendered for, as a page fitter sees it. */
struct export_screen {
    struct renderer *renderer;
    struct frame_geometry geometry;
};

static bool page_fits(void *ctx, const struct programme *prog, const struct slide *page)
{
    struct export_screen *screen = ctx;
    return layout_slide_fits(render_measurer(screen->renderer), prog, page, &screen->geometry);
}

/* An opaque picture of the request's size (a screen is opaque: the
 * pictures are what one shows), its software renderer and the show's. */
struct canvas {
    int w, h;
    SDL_Surface *surface;
    SDL_Renderer *sdl;
    struct renderer *r;
};

/* Makes the canvas and its folder; false (after saying why) when it
 * cannot be had. The caller closes it either way. */
static bool canvas_open(struct canvas *c, const struct export_request *rq, const struct theme *t)
{
    c->w = rq->width ? rq->width : DEFAULT_RENDER_W;
    c->h = rq->height ? rq->height : DEFAULT_RENDER_H;
    if (!make_folders(rq->dir)) {
        fprintf(stderr, "hallscreen: cannot make folder %s: %s\n", rq->dir, strerror(errno));
        return false;
    }
    c->surface = SDL_CreateRGBSurfaceWithFormat(0, c->w, c->h, 32, SDL_PIXELFORMAT_RGB888);
    c->sdl = c->surface ? SDL_CreateSoftwareRenderer(c->surface) : NULL;
    char err[256] = "";
    c->r = c->sdl ? render_create(c->sdl, t, err, sizeof err) : NULL;
    if (!c->r)
        fprintf(stderr, "hallscreen: cannot render: %s\n", err[0] ? err : SDL_GetError());
    return c->r != NULL;
}

static void canvas_close(struct canvas *c)
{
    render_destroy(c->r);
    if (c->sdl)
        SDL_DestroyRenderer(c->sdl);
    SDL_FreeSurface(c->surface);
}

int export_slides(const struct export_request *rq, struct live *live, int64_t utc_ms)
{
    const struct programme *prog = &live->prog;
    if (prog->slide_count == 0 && !prog->alert) {
        fprintf(stderr, "hallscreen: %s has no slides to render\n", prog->content_dir);
        return 1;
    }
    struct canvas c = {0};
    int status = 1;
    if (canvas_open(&c, rq, &prog->theme)) {
        char clock[64];
        zone_format_clock(utc_ms, event_language(&prog->event), clock, sizeof clock);
        struct frame_geometry g = layout_geometry(c.w, c.h);
        struct export_screen screen = {c.r, g};
        live->view.overview_rows = layout_overview_rows(&g);
        live->view.fitter = (struct page_fitter){page_fits, &screen};
        live_follow_time(live, utc_ms / 1000, 0, true);
        const struct programme *shown = &live->shown;
        size_t total = shown->slide_count + (shown->alert != NULL);
        status = write_slides(c.r, c.sdl, rq->dir, shown, clock, c.w, c.h) == total ? 0 : 1;
        live->view.fitter = (struct page_fitter){0};
    }
    canvas_close(&c);
    return status;
}

int export_timer(const struct export_request *rq, struct live *live, const char *room,
                 int64_t utc_ms)
{
    const struct programme *prog = &live->prog;
    struct canvas c = {0};
    if (!canvas_open(&c, rq, &prog->theme)) {
        canvas_close(&c);
        return 1;
    }
    char *path = str_printf("%s/timer.png", rq->dir);
    int status = 1;
    struct timer_screen screen = {0};
    struct timer_reading reading =
        timer_read(prog, room, timer_late_minutes(prog, room, utc_ms), NULL, utc_ms);
    char why[256] = "out of memory";
    if (path && !timer_screen_draw(&screen, c.r, prog, room, &reading, c.w, c.h))
        snprintf(why, sizeof why, "cannot draw it: %s", SDL_GetError());
    else if (path && png_save_target(c.sdl, c.w, c.h, path, why, sizeof why))
        status = 0;
    if (status == 0)
        printf("%s\n", path);
    else
        fprintf(stderr, "hallscreen: cannot write %s: %s\n", path ? path : "the timer", why);
    free(path);
    timer_screen_free(&screen);
    canvas_close(&c);
    return status;
}
