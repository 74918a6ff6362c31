/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Laying out a whole slide: the frame for a screen's size, the theme's background,
 * the QR code's place, then the layout of the slide's kind (slide_kinds.h); and the footer. */
#include "slide_layout.h"

#include "blocks.h"
#include "slide_kinds.h"
#include "stack.h"
#include "../util/str.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct frame_geometry layout_geometry(int w, int h)
{
    /* A portrait screen is as narrow as a landscape one is low, but has room
     * to spare in height: its type may be a little larger. */
    float portrait = h > w ? 1.15f : 1.0f;
    struct frame_geometry g = {.w = w, .h = h, .unit = portrait * (float)(w < h ? w : h) / 100.0f};
    int footer_h = block_px(h > w ? 9.0f : 7.5f, &g); /* a tall screen's may take two lines */
    int margin_x = block_px(6.0f, &g);
    if (margin_x < (int)lroundf(0.06f * (float)w))
        margin_x = (int)lroundf(0.06f * (float)w);
    int margin_top = block_px(7.0f, &g);
    int gap_bottom = block_px(5.0f, &g);
    g.content = (struct box){margin_x, margin_top, w - 2 * margin_x,
                             h - footer_h - margin_top - gap_bottom};
    g.footer = (struct box){0, h - footer_h, w, footer_h};
    return g;
}

int layout_overview_rows(const struct frame_geometry *g)
{
    return g->w > g->h ? 5 : 9;
}

/* The theme's gradient, or its picture covering the slide under a shade of
 * the background colour that keeps the theme's text readable on it. */
static void add_background(const struct measurer *m, const struct programme *prog,
                           const struct frame_geometry *g, struct scene *scene)
{
    const struct theme *t = &prog->theme;
    struct box all = {0, 0, g->w, g->h};
    struct item bg = {.kind = ITEM_GRADIENT,
                      .box = all,
                      .colour = t->background,
                      .colour_end = t->background_end};
    scene_add(scene, &bg);
    scene->background = scene->count;
    int w, h;
    if (!t->background_image ||
        !m->image_size(m->ctx, t->background_image, (struct box){0}, &w, &h)) /* cropped */
        return;
    struct item picture = {.kind = ITEM_IMAGE,
                           .box = all,
                           .path = t->background_image,
                           .crop = block_cover_crop(all, w, h, 0.5f, 0.5f)};
    scene_add(scene, &picture);
    struct rgba shade = t->background;
    shade.a = THEME_SHADE_ALPHA;
    struct item veil = {.kind = ITEM_FILL, .box = all, .colour = shade};
    scene_add(scene, &veil);
    scene->background = scene->count;
}

struct box layout_clip_box(const struct measurer *m, const struct slide *slide,
                           const struct frame_geometry *g)
{
    return picture_clip_box(m, slide, g);
}

void layout_slide(const struct measurer *m, const struct programme *prog, const struct slide *slide,
                  const struct frame_geometry *frame, struct scene *scene)
{
    add_background(m, prog, frame, scene);
    /* a QR code takes the right of the content; the slide keeps the rest */
    struct frame_geometry narrowed = *frame;
    const struct frame_geometry *g = frame;
    struct box qr_at = {0};
    if (slide && slide->qr && slide->kind != SLIDE_IMAGE && slide->kind != SLIDE_VIDEO) {
        qr_at = picture_qr_place(m, &prog->theme, frame, slide, &narrowed.content);
        g = &narrowed;
        /* a door sign's titles before its code: without it when they do
         * not stand whole beside it */
        if (slide->kind == SLIDE_BOARD && slide->room && !scene->measuring) {
            struct scene probe = {.measuring = true};
            door_sign(m, prog, slide, g, &probe);
            bool cut = probe.cut;
            scene_clear(&probe);
            if (cut) {
                qr_at.w = 0;
                g = frame;
            }
        }
    } else if (slide && slide->qr) {
        struct box band = {frame->content.x, frame->content.y, frame->content.w, frame->content.h};
        qr_at = picture_qr_place(NULL, NULL, frame, slide, &band);
    }
    if (!slide) {
        talk_nothing_to_show(m, prog, g, scene);
    } else {
        switch (slide->kind) { /* no default: the compiler names a kind left out */
        case SLIDE_HEADLINE:
            talk_headline(m, prog, slide, g, scene);
            break;
        case SLIDE_SESSION:
            talk_session(m, prog, slide, g, scene);
            break;
        case SLIDE_PARTNERS:
            picture_partners(m, prog, slide, g, scene);
            break;
        case SLIDE_OVERVIEW:
            board_overview(m, prog, slide, g, scene);
            break;
        case SLIDE_BOARD:
            board_now_and_next(m, prog, slide, g, scene);
            break;
        case SLIDE_IMAGE:
            picture_image(m, prog, slide, g, scene);
            break;
        case SLIDE_VIDEO:
            picture_video(m, prog, slide, g, scene);
            break;
        case SLIDE_ALERT:
            talk_alert(m, prog, slide, g, scene);
            break;
        }
    }
    if (slide && slide->qr && qr_at.w > 0)
        picture_qr(m, &prog->theme, slide->qr, slide->qr_caption, qr_at, frame, scene);
}

bool layout_slide_fits(const struct measurer *m, const struct programme *prog,
                       const struct slide *slide, const struct frame_geometry *g)
{
    struct scene scene = {.measuring = true};
    layout_slide(m, prog, slide, g, &scene);
    bool fits = !scene.cut;
    scene_clear(&scene);
    return fits;
}

/* text, shortened after a whole word with an ellipsis to fit width at px
 * (its first word alone when none fits); malloc'd. */
static char *footer_shortened(const struct measurer *m, const char *text, int px, int width)
{
    if (m->text_width(m->ctx, FONT_REGULAR, px, text, strlen(text)) <= width)
        return str_dup(text);
    size_t best = 0;
    for (size_t i = 1; text[i]; i++) {
        if (text[i] != ' ' || text[i - 1] == ' ')
            continue;
        char *trial = str_printf("%.*s\u2026", (int)i, text);
        bool fits = trial && m->text_width(m->ctx, FONT_REGULAR, px, trial, strlen(trial)) <= width;
        free(trial);
        if (!fits)
            break;
        best = i;
    }
    if (!best)
        while (text[best] && text[best] != ' ')
            best++;
    return str_printf("%.*s\u2026", (int)best, text);
}

void layout_footer(const struct measurer *m, const struct programme *prog, const char *clock_text,
                   const struct frame_geometry *g, struct scene *scene)
{
    const struct theme *t = &prog->theme;
    struct item band = {.kind = ITEM_FILL, .box = g->footer, .colour = t->footer_background};
    scene_add(scene, &band);
    int rule_h = block_px(0.35f, g) > 2 ? block_px(0.35f, g) : 2;
    struct item rule = {.kind = ITEM_FILL,
                        .box = {g->footer.x, g->footer.y, g->footer.w, rule_h},
                        .colour = t->accent};
    scene_add(scene, &rule);

    /* the smallest text, as on a landscape screen (a portrait one's width
     * is shared by the name and the clock) */
    float size = t->smallest_text * (float)(g->w < g->h ? g->w : g->h) / 100.0f;
    struct box inner = {g->content.x, g->footer.y + rule_h, g->content.w, g->footer.h - rule_h};
    struct block clock =
        block_one_line(block_text(clock_text, FONT_BOLD, size, size, 1.2f, 0, t->footer_text));
    int clock_w =
        m->text_width(m->ctx, FONT_BOLD, (int)lroundf(size), clock_text, strlen(clock_text));
    struct box right = {inner.x + inner.w - clock_w, inner.y, clock_w, inner.h};

    const struct event *e = &prog->event;
    char *name = e->name && e->place ? str_printf("%s%s%s", e->name, BLOCK_SEPARATOR, e->place)
                                     : str_dup(e->name ? e->name : e->place);
    struct box left = {inner.x, inner.y, inner.w - clock_w - block_px(4.0f, g), inner.h};
    int w, h;
    int logo_h = inner.h * 3 / 5;
    struct box slot = {left.x, inner.y + (inner.h - logo_h) / 2, left.w / 4, logo_h};
    if (e->logo && m->image_size(m->ctx, e->logo, slot, &w, &h)) { /* the event's logo first */
        struct item logo = {
            .kind = ITEM_IMAGE, .box = block_fit_aspect(slot, w, h), .path = e->logo};
        logo.box.x = slot.x;
        scene_add(scene, &logo);
        left.x += logo.box.w + block_px(2.0f, g);
        left.w -= logo.box.w + block_px(2.0f, g);
    }
    /* where one line is too narrow: on a portrait screen (whose band holds
     * two lines) the name across the band's first line, the place and the
     * clock on the next, each shortened rather than wrapped; else the
     * name shortened so that the place stays on the line */
    int px_size = (int)lroundf(size);
    bool too_wide = name && e->name && e->place &&
                    m->text_width(m->ctx, FONT_REGULAR, px_size, name, strlen(name)) > left.w;
    bool two_lines = too_wide && left.h >= 2 * px_size;
    if (two_lines) {
        struct box first = {left.x, inner.y, inner.x + inner.w - left.x, inner.h / 2};
        char *shortened = footer_shortened(m, e->name, px_size, first.w);
        struct block line = block_one_line(
            block_text(shortened, FONT_REGULAR, size, size, 1.0f, 0, t->footer_text));
        layout_stack(m, &line, 1, first, ALIGN_CENTRE, ALIGN_START, scene);
        free(shortened);
        free(name);
        name = str_dup(e->place);
        left.y = right.y = first.y + first.h;
        left.h = right.h = inner.h - first.h;
    }
    layout_stack(m, &clock, 1, right, ALIGN_CENTRE, ALIGN_END, scene);
    if (too_wide && !two_lines) {
        int place_w = m->text_width(m->ctx, FONT_REGULAR, px_size, e->place, strlen(e->place));
        int sep_w =
            m->text_width(m->ctx, FONT_REGULAR, px_size, BLOCK_SEPARATOR, strlen(BLOCK_SEPARATOR));
        int name_w = left.w - place_w - sep_w;
        if (name_w < left.w / 2)
            name_w = left.w / 2;
        char *shortened = footer_shortened(m, e->name, px_size, name_w);
        free(name);
        name = str_printf("%s%s%s", shortened ? shortened : "", BLOCK_SEPARATOR, e->place);
        free(shortened);
    }
    /* a name alone, too wide for its line: over the band's two lines */
    bool name_wraps = !e->place && name && left.h >= 2 * px_size &&
                      m->text_width(m->ctx, FONT_REGULAR, px_size, name, strlen(name)) > left.w;
    struct block name_block = block_text(name, FONT_REGULAR, size, size, 1.0f, 0, t->footer_text);
    if (name_wraps)
        name_block.max_lines = 2;
    struct block event = name_wraps ? name_block : block_one_line(name_block);
    layout_stack(m, &event, 1, left, ALIGN_CENTRE, ALIGN_START, scene);
    free(name);
}
