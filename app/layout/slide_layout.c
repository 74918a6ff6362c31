/* Slide and footer layouts, in units of 1% of the screen's shorter side. */
#include "slide_layout.h"

#include "blocks.h"
#include "slide_kinds.h"

#include "../util/translate.h"

#include "../util/qr.h"
#include "stack.h"
#include "../util/array.h"
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
    if (!t->background_image || !m->image_size(m->ctx, t->background_image, &w, &h))
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
    if (p->logo && m->image_size(m->ctx, p->logo, &w, &h)) {
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

static void layout_partners(const struct measurer *m, const struct programme *prog,
                            const struct slide *s, const struct frame_geometry *g,
                            struct scene *scene)
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
static int caption_band(const struct frame_geometry *g)
{
    return block_px(9.0f, g);
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
    text.direction = s->direction;
    layout_stack(m, &text, 1, caption, ALIGN_CENTRE, ALIGN_CENTRE, scene);
}

/* A picture over the whole slide (above the footer unless it is hidden):
 * all of it letterboxed (contain), or filling it, cropped around its focus
 * (cover); a caption in a band right under it. */
static void layout_image(const struct measurer *m, const struct programme *prog,
                         const struct slide *s, const struct frame_geometry *g, struct scene *scene)
{
    struct box area = {0, 0, g->w, s->hide_footer ? g->h : g->footer.y};
    layout_picture_frame(s, g, &area, scene);
    int w, h;
    if (!s->image || !m->image_size(m->ctx, s->image, &w, &h) || area.h <= 0) {
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

/* Where a slide's QR code stands: at the right of the content (at the
 * bottom on a portrait screen, whose column is narrow already), at least a
 * fifth of the screen's shorter side; the content keeps the rest. */
static struct box qr_place(const struct frame_geometry *g, struct box *content)
{
    int side = (int)lroundf(0.3f * (float)(g->w < g->h ? g->w : g->h));
    int gap = block_px(4.0f, g);
    if (g->h > g->w) {
        int block = side + block_px(4.0f, g); /* with its caption */
        struct box at = {content->x, content->y + content->h - block, content->w, block};
        content->h -= block + gap;
        return at;
    }
    if (side > content->h - block_px(6.0f, g))
        side = content->h - block_px(6.0f, g);
    /* a quarter wider than the code, for a caption (a web address has no
     * space to break at) */
    int column = side + side / 4;
    struct box at = {content->x + content->w - column, content->y + (content->h - side) / 2, column,
                     side};
    content->w -= column + gap;
    return at;
}

/* A QR code of text on a light card: whole pixels per module, a quiet zone
 * of four modules, the caption under it. */
static void layout_qr(const struct measurer *m, const struct theme *t, const char *text,
                      const char *caption, struct box at, const struct frame_geometry *g,
                      struct scene *scene)
{
    struct qr_code code;
    if (!qr_encode(text, &code))
        return;
    /* the caption at the smallest size, on two lines when one is too
     * narrow (a web address breaks where it must) */
    float caption_px = t->smallest_text * g->unit;
    int caption_lines = 0;
    if (caption)
        caption_lines = m->text_width(m->ctx, FONT_BOLD, (int)lroundf(caption_px), caption,
                                      strlen(caption)) <= at.w
                            ? 1
                            : 2;
    int caption_h = (int)lroundf((0.1f + 1.2f * (float)caption_lines) * caption_px);
    int side = at.h - caption_h < at.w ? at.h - caption_h : at.w;
    int module = side / (code.width + 2 * QR_QUIET_ZONE);
    if (module < 1) {
        qr_free(&code);
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
    if (caption) {
        struct block line =
            block_text(caption, FONT_BOLD, caption_px, caption_px, 1.2f, 0, t->secondary);
        line.max_lines = caption_lines;
        layout_stack(m, &line, 1, (struct box){at.x, box.y + card, at.w, caption_h}, ALIGN_CENTRE,
                     ALIGN_CENTRE, scene);
    }
}

/* The part of a video slide its clip and caption share: all of it above
 * the footer (or all of it), or with a QR code, which the clip's frames
 * would cover, the content's margins less the QR code's place. */
static struct box clip_area(const struct slide *s, const struct frame_geometry *g)
{
    struct box area = {0, 0, g->w, s->hide_footer ? g->h : g->footer.y};
    if (s->qr) {
        area = g->content;
        qr_place(g, &area);
    }
    return area;
}

struct box layout_clip_box(const struct slide *s, const struct frame_geometry *g)
{
    struct box area = clip_area(s, g);
    if (s->caption)
        area.h -= caption_band(g);
    return area;
}

/* A clip's slide: its background and caption; the clip's frames are drawn
 * into layout_clip_box() by the renderer. */
static void layout_video(const struct measurer *m, const struct programme *prog,
                         const struct slide *s, const struct frame_geometry *g, struct scene *scene)
{
    struct box area = clip_area(s, g);
    layout_picture_frame(s, g, &area, scene);
    layout_caption(m, prog, s, g, area, area.y + area.h, scene);
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
        qr_at = qr_place(frame, &narrowed.content);
        g = &narrowed;
    } else if (slide && slide->qr) {
        struct box band = {frame->content.x, frame->content.y, frame->content.w, frame->content.h};
        qr_at = qr_place(frame, &band);
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
            layout_partners(m, prog, slide, g, scene);
            break;
        case SLIDE_OVERVIEW:
            board_overview(m, prog, slide, g, scene);
            break;
        case SLIDE_BOARD:
            board_now_and_next(m, prog, slide, g, scene);
            break;
        case SLIDE_IMAGE:
            layout_image(m, prog, slide, g, scene);
            break;
        case SLIDE_VIDEO:
            layout_video(m, prog, slide, g, scene);
            break;
        case SLIDE_ALERT:
            talk_alert(m, prog, slide, g, scene);
            break;
        }
    }
    if (slide && slide->qr && qr_at.w > 0)
        layout_qr(m, &prog->theme, slide->qr, slide->qr_caption, qr_at, frame, scene);
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
    layout_stack(m, &clock, 1, right, ALIGN_CENTRE, ALIGN_END, scene);

    const struct event *e = &prog->event;
    char *name = e->name && e->place ? str_printf("%s%s%s", e->name, BLOCK_SEPARATOR, e->place)
                                     : str_dup(e->name ? e->name : e->place);
    struct box left = {inner.x, inner.y, inner.w - clock_w - block_px(4.0f, g), inner.h};
    int w, h;
    if (e->logo && m->image_size(m->ctx, e->logo, &w, &h)) { /* the event's logo first */
        int logo_h = inner.h * 3 / 5;
        struct box slot = {left.x, inner.y + (inner.h - logo_h) / 2, left.w / 4, logo_h};
        struct item logo = {
            .kind = ITEM_IMAGE, .box = block_fit_aspect(slot, w, h), .path = e->logo};
        logo.box.x = slot.x;
        scene_add(scene, &logo);
        left.x += logo.box.w + block_px(2.0f, g);
        left.w -= logo.box.w + block_px(2.0f, g);
    }
    /* where one line is too narrow (a portrait screen): the place under
     * the name, or the name alone over two lines */
    int px_size = (int)lroundf(size);
    if (name && e->name && e->place &&
        m->text_width(m->ctx, FONT_REGULAR, px_size, name, strlen(name)) > left.w) {
        free(name);
        bool name_fits =
            m->text_width(m->ctx, FONT_REGULAR, px_size, e->name, strlen(e->name)) <= left.w;
        name = name_fits ? str_printf("%s\n%s", e->name, e->place) : str_dup(e->name);
    }
    struct block event = block_text(name, FONT_REGULAR, size, size, 1.0f, 0, t->footer_text);
    event.max_lines = 2;
    layout_stack(m, &event, 1, left, ALIGN_CENTRE, ALIGN_START, scene);
    free(name);
}
