/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Slides that are pictures: a poster or photo, a clip's frame and caption,
 * partners' logos on cards; and the QR code any slide may carry. */
#include "slide_kinds.h"

#include "address.h"
#include "blocks.h"
#include "../util/array.h"
#include "../util/qr.h"
#include "../util/str.h"
#include "../util/translate.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void layout_partner_card(const struct measurer *m, const struct programme *prog,
                                const struct partner *p, struct box card,
                                const struct frame_geometry *g, struct scene *scene)
{
    struct item fill = {
        .kind = ITEM_FILL, .box = card, .colour = prog->theme.card, .radius = block_px(1.2f, g)};
    scene_add(scene, &fill);
    int pad = (card.w < card.h ? card.w : card.h) / 8;
    struct box inner = {card.x + pad, card.y + pad, card.w - 2 * pad, card.h - 2 * pad};
    int w, h;
    if (p->logo && m->image_size(m->ctx, p->logo, inner, &w, &h)) {
        struct item logo = {
            .kind = ITEM_IMAGE, .box = block_fit_aspect(inner, w, h), .path = p->logo};
        scene_add(scene, &logo);
        return;
    }
    float size = fmaxf(0.34f * (float)inner.h, block_smallest(prog, g));
    struct block wordmark =
        block_text(p->name, FONT_BOLD, size, block_floor(0.12f * (float)inner.h, prog, g), 1.1f, 0,
                   prog->theme.background);
    layout_stack(m, &wordmark, 1, inner, ALIGN_CENTRE, ALIGN_CENTRE, scene);
}

void picture_partners(const struct measurer *m, const struct programme *prog, const struct slide *s,
                      const struct frame_geometry *g, struct scene *scene)
{
    const struct theme *t = &prog->theme;
    float u = g->unit;
    char partners[96];
    tr_each(prog->event.languages, prog->event.language_count, "Partners", partners,
            sizeof partners);
    const char *title = s->title ? s->title : partners;
    char *heading = block_with_page(title, s);
    struct block blocks[] = {
        block_one_line(block_text(s->label, FONT_BOLD, block_smallest(prog, g),
                                  block_smallest(prog, g), 1.2f, 0, t->secondary)),
        block_text(heading, FONT_BOLD, 6.0f * u, block_floor(3.6f * u, prog, g), 1.12f, 1.5f * u,
                   t->text),
        block_rule(g, 3.0f * u, t->accent),
    };
    struct box top = g->content;
    top.h = g->content.h / 3;
    int used = layout_stack(m, blocks, COUNT(blocks), top, ALIGN_START, ALIGN_START, scene);
    free(heading);

    int gap = block_px(3.0f, g);
    struct box area = g->content;
    area.y += used + block_px(5.0f, g);
    area.h -= used + block_px(5.0f, g);
    int count = (int)s->partner_count;
    struct grid grid = block_grid(area, count, gap);
    for (int i = 0; i < count; i++)
        layout_partner_card(m, prog, &s->partners[i], block_grid_cell(&grid, area, count, i), g,
                            scene);
}

/* The height of the caption band under a picture or video. */
/* A caption's band: one line on a landscape screen, up to three lines on
 * a portrait one (whose width is short for a sentence). */
enum { PORTRAIT_CAPTION_LINES = 3 };

static int caption_band(const struct frame_geometry *g)
{
    return g->h > g->w ? block_px(6.0f * PORTRAIT_CAPTION_LINES, g) : block_px(9.0f, g);
}

/* The background of a picture or video slide; area loses a caption's band
 * at its bottom. */
static void layout_picture_frame(const struct slide *s, const struct frame_geometry *g,
                                 struct box *area, struct scene *scene)
{
    struct box whole = {0, 0, g->w, s->hide_footer ? g->h : g->footer.y};
    if (s->background.a) {
        struct item bg = {.kind = ITEM_FILL, .box = whole, .colour = s->background};
        scene_add(scene, &bg);
    }
    if (s->caption)
        area->h -= caption_band(g);
}

/* The caption of a picture or video slide in its band from y down, across
 * area within the margins. */
static void layout_caption(const struct measurer *m, const struct programme *prog,
                           const struct slide *s, const struct frame_geometry *g, struct box area,
                           int y, struct scene *scene)
{
    if (!s->caption)
        return;
    int left = area.x > g->content.x ? area.x : g->content.x;
    int right = area.x + area.w < g->content.x + g->content.w ? area.x + area.w
                                                              : g->content.x + g->content.w;
    struct box caption = {left, y, right - left, caption_band(g)};
    struct block text = block_one_line(block_text(
        s->caption, FONT_BOLD, 4.0f * g->unit, block_smallest(prog, g), 1.2f, 0, prog->theme.text));
    if (g->h > g->w)
        text.max_lines = PORTRAIT_CAPTION_LINES;
    text.direction = s->direction;
    layout_stack(m, &text, 1, caption, ALIGN_CENTRE, ALIGN_CENTRE, scene);
}

/* A picture over the whole slide (above the footer unless it is hidden):
 * all of it letterboxed (contain), or filling it, cropped around its focus
 * (cover); a caption in a band right under it. */
void picture_image(const struct measurer *m, const struct programme *prog, const struct slide *s,
                   const struct frame_geometry *g, struct scene *scene)
{
    struct box area = {0, 0, g->w, s->hide_footer ? g->h : g->footer.y};
    layout_picture_frame(s, g, &area, scene);
    int w, h;
    struct box fit = area;
    if (s->fit == FIT_COVER)
        fit = (struct box){0}; /* a cover is cropped: the whole picture is kept */
    if (!s->image || !m->image_size(m->ctx, s->image, fit, &w, &h) || area.h <= 0) {
        layout_caption(m, prog, s, g, area, area.y + area.h, scene);
        return;
    }
    struct item picture = {
        .kind = ITEM_IMAGE, .box = block_fit_aspect(area, w, h), .path = s->image};
    if (s->fit == FIT_COVER) {
        /* the part of the picture with the slide's shape, around the focus */
        picture.box = area;
        picture.crop = block_cover_crop(area, w, h, s->focus.set ? s->focus.x : 0.5f,
                                        s->focus.set ? s->focus.y : 0.5f);
    }
    scene_add(scene, &picture);
    /* area lost the band at its bottom: a picture in its middle and the band
     * under it are together in the middle of the slide */
    layout_caption(m, prog, s, g, area, picture.box.y + picture.box.h, scene);
}

/* The room a QR code's caption is given under it: two lines at the
 * smallest text of the built-in theme. */
static int qr_caption_room(const struct frame_geometry *g)
{
    return block_px(2.0f * 1.2f * 4.0f + 0.5f, g);
}

/* Whole pixels a module of text's code takes for its modules to span size
 * % of the screen's shorter side (0: QR_DEFAULT_SIZE), and the modules a
 * side of the code with its quiet zone in *span; 0 when text cannot be
 * encoded. */
static int qr_module_px(const struct frame_geometry *g, const char *text, float size, int *span)
{
    struct qr_code code;
    if (!text || !qr_encode(text, &code))
        return 0;
    *span = code.width + 2 * QR_QUIET_ZONE;
    float want =
        (size > 0 ? size : (float)QR_DEFAULT_SIZE) / 100.0f * (float)(g->w < g->h ? g->w : g->h);
    int module = (int)ceilf(want / (float)code.width);
    qr_free(&code);
    return module;
}

struct box picture_qr_place(const struct measurer *m, const struct theme *t,
                            const struct frame_geometry *g, const struct slide *s,
                            struct box *content)
{
    const char *text = s->qr;
    float size = s->qr_size;
    int span = 1, module = qr_module_px(g, text, size, &span);
    int gap = block_px(4.0f, g), caption = qr_caption_room(g);
    if (g->h > g->w) { /* at the bottom, across the narrow column */
        int most = (content->h / 2 - caption) / span;
        if (module > most)
            module = most > 1 ? most : 1;
        int block = module * span + caption;
        struct box at = {content->x, content->y + content->h - block, content->w, block};
        content->h -= block + gap;
        return at;
    }
    int most = (content->h - caption) / span; /* whole pixels, as tall as the content */
    if (module > most)
        module = most > 1 ? most : 1;
    int side = module * span;
    /* a quarter wider than the code, or as wide as its caption at the
     * smallest size on one line, else as its widest part (up to half the
     * content) */
    int column = side + side / 4;
    if (m && t && s->qr_caption) {
        int px = (int)lroundf(t->smallest_text * g->unit);
        int whole = m->text_width(m->ctx, FONT_BOLD, px, s->qr_caption, strlen(s->qr_caption));
        int widest = (whole + px / 2 <= content->w / 2
                          ? whole
                          : address_widest_part(m, FONT_BOLD, px, s->qr_caption)) +
                     px / 2;
        if (widest > column)
            column = widest < content->w / 2 ? widest : content->w / 2;
    }
    struct box at = {content->x + content->w - column,
                     content->y + (content->h - side - caption) / 2, column, side + caption};
    content->w -= column + gap;
    return at;
}

/* The caption under a QR code: a web address broken after '/', '.' or '-'
 * (never inside a word) at the smallest size, on two lines at most; the
 * text with its line breaks, *lines and *px set. The caller frees it. */
static char *qr_caption_lines(const struct measurer *m, const char *caption, float smallest,
                              int width, size_t *lines, float *px)
{
    *px = smallest;
    char *broken = address_break(m, FONT_BOLD, (int)lroundf(smallest), caption, width, 2, lines);
    if (broken)
        return broken;
    /* a part too wide (the column is at most half the content): one line,
     * shortened at its end, rather than a word broken */
    *lines = 1;
    return str_dup(caption);
}

/* A QR code of text on a light card: whole pixels per module, a quiet zone
 * of four modules, the caption under it. */
void picture_qr(const struct measurer *m, const struct theme *t, const char *text,
                const char *caption, struct box at, const struct frame_geometry *g,
                struct scene *scene)
{
    struct qr_code code;
    if (!qr_encode(text, &code))
        return;
    float caption_px = t->smallest_text * g->unit;
    size_t caption_lines = 0;
    char *lines = caption
                      ? qr_caption_lines(m, caption, caption_px, at.w, &caption_lines, &caption_px)
                      : NULL;
    int caption_h = lines ? (int)lroundf((0.1f + 1.2f * (float)caption_lines) * caption_px) : 0;
    /* the code as picture_qr_place() sized it, less when its caption
     * needs more than the room it left */
    int below = caption_h > qr_caption_room(g) ? caption_h : qr_caption_room(g);
    int side = at.h - below < at.w ? at.h - below : at.w;
    int module = side / (code.width + 2 * QR_QUIET_ZONE);
    if (module < 1) {
        qr_free(&code);
        free(lines);
        return;
    }
    int card = module * (code.width + 2 * QR_QUIET_ZONE);
    struct box box = {at.x + (at.w - card) / 2, at.y + (at.h - caption_h - card) / 2, card, card};
    struct item light = {.kind = ITEM_FILL, .box = box, .colour = {0xff, 0xff, 0xff, 0xff}};
    scene_add(scene, &light);
    int x0 = box.x + QR_QUIET_ZONE * module, y0 = box.y + QR_QUIET_ZONE * module;
    for (int y = 0; y < code.width; y++) {
        for (int x = 0; x < code.width;) { /* a run of dark modules is one box */
            if (!qr_dark(&code, x, y)) {
                x++;
                continue;
            }
            int run = x;
            while (run < code.width && qr_dark(&code, run, y))
                run++;
            struct item dark = {
                .kind = ITEM_FILL,
                .box = {x0 + x * module, y0 + y * module, (run - x) * module, module},
                .colour = {0, 0, 0, 0xff}};
            scene_add(scene, &dark);
            x = run;
        }
    }
    qr_free(&code);
    if (lines) {
        struct block line =
            block_text(lines, FONT_BOLD, caption_px, caption_px, 1.2f, 0, t->secondary);
        line.max_lines = (int)caption_lines;
        if (caption_lines == 1)
            line = block_one_line(line);
        layout_stack(m, &line, 1, (struct box){at.x, box.y + card, at.w, caption_h}, ALIGN_CENTRE,
                     ALIGN_CENTRE, scene);
    }
    free(lines);
}

/* The part of a video slide its clip and caption share: all of it above
 * the footer (or all of it), or with a QR code, which the clip's frames
 * would cover, the content's margins less the QR code's place. */
static struct box clip_area(const struct slide *s, const struct frame_geometry *g)
{
    struct box area = {0, 0, g->w, s->hide_footer ? g->h : g->footer.y};
    if (s->qr) {
        area = g->content;
        picture_qr_place(NULL, NULL, g, s, &area);
    }
    return area;
}

struct box picture_clip_box(const struct measurer *m, const struct slide *s,
                            const struct frame_geometry *g)
{
    struct box area = clip_area(s, g);
    if (!s->caption)
        return area;
    int band = caption_band(g), w, h;
    area.h -= band;
    /* a contained clip of known size and its caption stand together in
     * the middle (on a tall screen a wide clip would leave most of it
     * empty above them) */
    if (s->fit != FIT_COVER && m && m->clip_size && s->video &&
        m->clip_size(m->ctx, s->video, &w, &h)) {
        struct box fit = block_fit_aspect(area, w, h);
        if (fit.h < area.h) {
            area.y += (area.h - fit.h) / 2;
            area.h = fit.h;
        }
    }
    return area;
}

void picture_video(const struct measurer *m, const struct programme *prog, const struct slide *s,
                   const struct frame_geometry *g, struct scene *scene)
{
    struct box area = clip_area(s, g), drawn = area;
    layout_picture_frame(s, g, &drawn, scene);
    struct box clip = picture_clip_box(m, s, g);
    layout_caption(m, prog, s, g, area, clip.y + clip.h, scene);
}
