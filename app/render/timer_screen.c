/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The stage timer on screen: the still part once, the moving box at each
 * tick. */
#include "timer_screen.h"

#include "coverage.h"
#include "fonts.h"
#include "render_internal.h"
#include "../layout/timer_slides.h"
#include "../util/log.h"

#include <string.h>

/* Lays out and draws the still part onto the current target. */
static void draw_still(struct renderer *r, const struct programme *prog, const char *room,
                       const struct timer_reading *reading, const struct frame_geometry *g)
{
    struct scene scene = {0};
    layout_timer_still(render_measurer(r), prog, room, reading, g, &scene);
    render_draw_scene(r, &scene);
    scene_clear(&scene);
}

/* The still part as a texture of its own, made again when it changed. */
static SDL_Texture *still_texture(struct timer_screen *ts, struct renderer *r,
                                  const struct programme *prog, const char *room,
                                  const struct timer_reading *reading,
                                  const struct frame_geometry *g, uint64_t key)
{
    if (ts->still && ts->still_key == key && ts->still_w == g->w && ts->still_h == g->h)
        return ts->still;
    if (ts->still && (ts->still_w != g->w || ts->still_h != g->h)) {
        SDL_DestroyTexture(ts->still);
        ts->still = NULL;
    }
    if (!ts->still)
        ts->still =
            SDL_CreateTexture(r->sdl, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET, g->w, g->h);
    if (!ts->still) {
        LOG(LOG_ERROR, "render", "cannot make a %dx%d texture: %s", g->w, g->h, SDL_GetError());
        return NULL;
    }
    SDL_Texture *target = SDL_GetRenderTarget(r->sdl);
    bool ok = SDL_SetRenderTarget(r->sdl, ts->still) == 0;
    if (ok)
        draw_still(r, prog, room, reading, g);
    SDL_SetRenderTarget(r->sdl, target);
    ts->still_key = ok ? key : 0;
    ts->still_w = g->w;
    ts->still_h = g->h;
    return ok ? ts->still : NULL;
}

static void drop_figures(struct timer_figures *f)
{
    for (size_t i = 0; i < sizeof f->glyph / sizeof *f->glyph; i++)
        if (f->glyph[i])
            SDL_DestroyTexture(f->glyph[i]);
    memset(f, 0, sizeof *f);
}

/* The figures at px, drawn now unless they are already. False when one
 * cannot be. */
static bool figures_at(struct timer_figures *f, struct renderer *r, int px)
{
    if (f->px == px)
        return true;
    drop_figures(f);
    const struct rgba white = {0xff, 0xff, 0xff, 0xff};
    for (size_t i = 0; i < sizeof TIMER_FIGURES - 1; i++) {
        const char one[] = {TIMER_FIGURES[i], '\0'};
        SDL_Surface *line =
            fonts_draw_line(render_fonts(r), FONT_BOLD, px, one, false, white, &f->ascent[i]);
        SDL_Surface *s = line ? coverage_in_colour(line, white) : NULL;
        f->glyph[i] = s ? SDL_CreateTextureFromSurface(r->sdl, s) : NULL;
        if (s) {
            f->w[i] = s->w;
            f->h[i] = s->h;
        }
        SDL_FreeSurface(s);
        SDL_FreeSurface(line);
        if (!f->glyph[i]) {
            drop_figures(f);
            return false;
        }
        SDL_SetTextureBlendMode(f->glyph[i], SDL_BLENDMODE_BLEND);
        f->advance[i] = fonts_text_width(render_fonts(r), FONT_BOLD, px, one, 1);
    }
    f->px = px;
    return true;
}

/* True when item is a line of the count's figures alone. */
static bool is_count(const struct item *item)
{
    return item->kind == ITEM_TEXT && item->text[0] &&
           strspn(item->text, TIMER_FIGURES) == strlen(item->text);
}

/* Draws the count from its figures, tinted; as a line of text where they
 * cannot be had. */
static void draw_count(struct timer_screen *ts, struct renderer *r, const struct item *item)
{
    struct timer_figures *f = &ts->figures;
    if (!figures_at(f, r, item->px)) {
        render_draw_scene(r, &(struct scene){.items = (struct item *)item, .count = 1});
        return;
    }
    int x = item->box.x;
    for (const char *c = item->text; *c; c++) {
        size_t i = (size_t)(strchr(TIMER_FIGURES, *c) - TIMER_FIGURES);
        SDL_Rect dst = {x, item->baseline - f->ascent[i], f->w[i], f->h[i]};
        SDL_SetTextureColorMod(f->glyph[i], item->colour.r, item->colour.g, item->colour.b);
        SDL_RenderCopy(r->sdl, f->glyph[i], NULL, &dst);
        x += f->advance[i];
    }
}

/* Draws the timer at logical size g onto the current target, which keeps
 * its pixels from the last call when keeps is set. */
static bool draw_timer(struct timer_screen *ts, struct renderer *r, const struct programme *prog,
                       const char *room, const struct timer_reading *reading,
                       const struct frame_geometry *g, bool keeps)
{
    uint64_t key = layout_timer_still_key(prog, room, reading);
    struct box moving = layout_timer_moving_box(g);
    SDL_Rect area = {moving.x, moving.y, moving.w, moving.h};
    if (keeps && ts->held_key == key && ts->held_w == g->w && ts->held_h == g->h) {
        struct rgba bg = layout_timer_background; /* only the moving box changes */
        SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_NONE);
        SDL_SetRenderDrawColor(r->sdl, bg.r, bg.g, bg.b, 0xff);
        SDL_RenderFillRect(r->sdl, &area);
    } else if (keeps) {
        draw_still(r, prog, room, reading, g);
    } else {
        SDL_Texture *still = still_texture(ts, r, prog, room, reading, g, key);
        if (!still || SDL_RenderCopy(r->sdl, still, NULL, NULL) != 0)
            return false;
    }
    ts->held_key = keeps ? key : 0;
    ts->held_w = g->w;
    ts->held_h = g->h;
    struct scene scene = {0};
    layout_timer_moving(render_measurer(r), prog, reading, g, &scene);
    SDL_RenderSetClipRect(r->sdl, &area); /* nothing drawn where the still part stands */
    for (size_t i = 0; i < scene.count; i++) {
        struct item *item = &scene.items[i];
        if (is_count(item))
            draw_count(ts, r, item);
        else
            render_draw_scene(r, &(struct scene){.items = item, .count = 1});
    }
    SDL_RenderSetClipRect(r->sdl, NULL);
    scene_clear(&scene);
    return true;
}

bool timer_screen_draw(struct timer_screen *ts, struct renderer *r, const struct programme *prog,
                       const char *room, const struct timer_reading *reading, int w, int h)
{
    int lw, lh;
    render_logical_size(r, w, h, &lw, &lh);
    struct frame_geometry g = layout_geometry(lw, lh);
    if (r->rotation == 0)
        return draw_timer(ts, r, prog, room, reading, &g, r->retained);
    /* turned: drawn into the frame texture, which keeps its pixels, then
     * copied turned about its centre over the screen */
    SDL_Texture *target = SDL_GetRenderTarget(r->sdl);
    bool fresh = !r->frame.texture || r->frame.w != lw || r->frame.h != lh;
    if (fresh)
        timer_screen_invalidate(ts);
    bool ok = render_begin_texture(r, &r->frame, lw, lh) &&
              draw_timer(ts, r, prog, room, reading, &g, true);
    SDL_SetRenderTarget(r->sdl, target);
    SDL_Rect dst = {(w - lw) / 2, (h - lh) / 2, lw, lh};
    SDL_SetTextureBlendMode(r->frame.texture, SDL_BLENDMODE_NONE);
    return ok && SDL_RenderCopyEx(r->sdl, r->frame.texture, NULL, &dst, r->rotation, NULL,
                                  SDL_FLIP_NONE) == 0;
}

void timer_screen_invalidate(struct timer_screen *ts)
{
    ts->held_key = ts->still_key = 0;
    drop_figures(&ts->figures); /* perhaps in other fonts now */
}

void timer_screen_free(struct timer_screen *ts)
{
    if (ts->still)
        SDL_DestroyTexture(ts->still);
    drop_figures(&ts->figures);
    *ts = (struct timer_screen){0};
}
