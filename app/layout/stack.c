/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Shrink-to-fit columns of text. */
#include "stack.h"

#include "bidi.h"
#include "wrap.h"
#include "../util/str.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_BLOCKS = 32, SEARCH_STEPS = 12 };

static const char ellipsis[] = "\u2026";

/* One block as set at a given scale. */
struct set_block {
    bool present;
    int px, line_h, gap, height;
    int pad_x, pad_y; /* pill */
    struct line_list lines;
    bool cut; /* lines were dropped: the last one ends with an ellipsis */
};

struct column {
    const struct measurer *m;
    const struct block *blocks;
    size_t count;
    struct box box;
    struct set_block set[MAX_BLOCKS];
    bool overflow; /* some block had more lines than the box can hold */
};

static bool block_present(const struct block *b)
{
    return b->kind == BLOCK_RULE || (b->text && b->text[0]);
}

/* Sets every block at scale and returns the column's height. */
static int set_column(struct column *c, float scale)
{
    int total = 0;
    c->overflow = false;
    bool first = true;
    for (size_t i = 0; i < c->count; i++) {
        const struct block *b = &c->blocks[i];
        struct set_block *s = &c->set[i];
        s->present = block_present(b);
        s->cut = false;
        if (!s->present)
            continue;
        float size = b->size * scale;
        s->px = (int)lroundf(size < b->min_size ? b->min_size : size);
        s->gap = first ? 0 : (int)lroundf(b->space_before * scale);
        s->line_h = (int)lroundf((float)s->px * (b->line_height > 0 ? b->line_height : 1.0f));
        s->pad_x = s->pad_y = 0;
        first = false;
        if (b->kind == BLOCK_RULE) {
            s->height = s->px;
        } else {
            bool pill = b->kind == BLOCK_PILL;
            if (pill) {
                s->pad_x = (int)lroundf(0.6f * (float)s->px);
                s->pad_y = (int)lroundf(0.25f * (float)s->px);
            }
            size_t room = (size_t)(c->box.h / (s->line_h > 0 ? s->line_h : 1)) + 1;
            size_t max_lines = pill ? 1 : (size_t)b->max_lines;
            if (max_lines && max_lines < room)
                room = max_lines;
            bool broke = false;
            if (!layout_wrap_words(c->m, b->style, s->px, b->text, c->box.w - 2 * s->pad_x, room,
                                   &s->lines, &s->cut, &broke))
                s->lines.count = 0;
            s->height = (int)s->lines.count * s->line_h + 2 * s->pad_y;
            /* a word broken inside: smaller type first (a lone word
             * wider than the line even at the smallest is broken then) */
            c->overflow |= s->cut || broke;
        }
        total += s->gap + s->height;
    }
    return total;
}

static bool fits(struct column *c, float scale)
{
    return set_column(c, scale) <= c->box.h && !c->overflow;
}

/* Drops lines, and then whole blocks, from the end until the column fits. */
static int cut_to_fit(struct column *c, int total)
{
    for (size_t i = c->count; i-- > 0 && total > c->box.h;) {
        struct set_block *s = &c->set[i];
        if (!s->present)
            continue;
        while (total > c->box.h && s->lines.count > 1) {
            s->lines.count--;
            s->height -= s->line_h;
            total -= s->line_h;
            s->cut = true;
        }
        if (total > c->box.h) {
            total -= s->gap + s->height;
            s->present = false;
        }
    }
    return total;
}

/* The line's text, shortened to end in an ellipsis within max_width when
 * cut: after a whole word when one ends in its second half. */
static char *line_text(const struct measurer *m, const struct block *b, int px, const char *text,
                       size_t n, bool cut, int max_width)
{
    if (!cut)
        return str_ndup(text, n);
    size_t whole = n;
    for (;;) {
        char *s = str_printf("%.*s%s", (int)n, text, ellipsis);
        if (!s || n == 0 || m->text_width(m->ctx, b->style, px, s, strlen(s)) <= max_width) {
            if (s && n < whole && text[n] != ' ') { /* inside a word */
                size_t word = n;
                while (word > 0 && text[word - 1] != ' ')
                    word--;
                while (word > 0 && text[word - 1] == ' ')
                    word--;
                if (word * 2 > n) {
                    free(s);
                    s = str_printf("%.*s%s", (int)word, text, ellipsis);
                }
            }
            return s;
        }
        free(s);
        while (n > 0 && ((unsigned char)text[n - 1] & 0xc0) == 0x80)
            n--;
        n--;
        while (n > 0 && text[n - 1] == ' ')
            n--;
    }
}

/* True when the paragraph of text that holds byte at reads right to left. */
static bool paragraph_is_rtl(const char *text, size_t at)
{
    size_t start = at, end = at;
    while (start > 0 && text[start - 1] != '\n')
        start--;
    while (text[end] && text[end] != '\n')
        end++;
    return bidi_is_rtl(text + start, end - start);
}

/* A right-to-left paragraph is set from the other side. */
static enum align mirrored(enum align align, bool rtl)
{
    if (!rtl || align == ALIGN_CENTRE)
        return align;
    return align == ALIGN_START ? ALIGN_END : ALIGN_START;
}

static int aligned_x(struct box box, int width, enum align align)
{
    if (align == ALIGN_CENTRE)
        return box.x + (box.w - width) / 2;
    if (align == ALIGN_END)
        return box.x + box.w - width;
    return box.x;
}

static void emit_block(struct column *c, size_t i, int y, enum align horizontal,
                       struct scene *scene)
{
    const struct block *b = &c->blocks[i];
    struct set_block *s = &c->set[i];
    if (b->kind == BLOCK_RULE) {
        /* under a right-to-left title, the rule goes to the right */
        int w = (int)lroundf(b->width * (float)s->px / b->size);
        bool rtl = false;
        for (size_t k = i; k-- > 0 && !rtl;)
            if (c->set[k].present && c->blocks[k].kind != BLOCK_RULE) {
                const struct block *above = &c->blocks[k];
                rtl = above->direction == DIRECTION_AUTO ? paragraph_is_rtl(above->text, 0)
                                                         : above->direction == DIRECTION_RTL;
                break;
            }
        struct item rule = {.kind = ITEM_FILL,
                            .box = {aligned_x(c->box, w, mirrored(horizontal, rtl)), y, w, s->px},
                            .colour = b->colour,
                            .radius = s->px / 2};
        scene_add(scene, &rule);
        return;
    }
    int ascent = 0, descent = 0;
    c->m->font_metrics(c->m->ctx, b->style, s->px, &ascent, &descent);
    int inner_w = c->box.w - 2 * s->pad_x;
    for (size_t l = 0; l < s->lines.count; l++) {
        const struct line_span *span = &s->lines.lines[l];
        bool last = l + 1 == s->lines.count;
        char *text =
            line_text(c->m, b, s->px, b->text + span->start, span->length, last && s->cut, inner_w);
        if (!text)
            return;
        int w = c->m->text_width(c->m->ctx, b->style, s->px, text, strlen(text));
        if (w > inner_w)
            w = inner_w;
        int top = y + s->pad_y + (int)l * s->line_h;
        bool rtl = b->direction == DIRECTION_AUTO ? paragraph_is_rtl(b->text, span->start)
                                                  : b->direction == DIRECTION_RTL;
        int x = aligned_x(c->box, w + 2 * s->pad_x, mirrored(horizontal, rtl));
        if (b->kind == BLOCK_PILL) {
            struct item pill = {.kind = ITEM_FILL,
                                .box = {x, y, w + 2 * s->pad_x, s->height},
                                .colour = b->outlined ? b->colour : b->fill,
                                .radius = s->height / 2};
            scene_add(scene, &pill);
            if (b->outlined) { /* the fill inside the ring */
                int ring = s->px / 10 > 1 ? s->px / 10 : 2;
                pill.box =
                    (struct box){x + ring, y + ring, pill.box.w - 2 * ring, s->height - 2 * ring};
                pill.colour = b->fill;
                pill.radius = pill.box.h / 2;
                scene_add(scene, &pill);
            }
        }
        struct item line = {.kind = ITEM_TEXT,
                            .box = {x + s->pad_x, top, w, s->line_h},
                            .colour = b->colour,
                            .style = b->style,
                            .px = s->px,
                            .baseline = top + (s->line_h + ascent - descent) / 2,
                            .text = text,
                            .rtl = rtl};
        scene_add(scene, &line);
        free(text);
    }
}

/* The largest scale from lo to hi at which the column fits, lo when none. */
static float largest_fit(struct column *c, float lo, float hi)
{
    if (fits(c, hi))
        return hi;
    for (int step = 0; step < SEARCH_STEPS; step++) {
        float mid = (lo + hi) / 2;
        if (fits(c, mid))
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

int layout_stack(const struct measurer *m, const struct block *blocks, size_t count, struct box box,
                 enum align vertical, enum align horizontal, struct scene *scene)
{
    return layout_stack_grow(m, blocks, count, box, vertical, horizontal, 0, scene);
}

int layout_stack_grow(const struct measurer *m, const struct block *blocks, size_t count,
                      struct box box, enum align vertical, enum align horizontal, int max_px,
                      struct scene *scene)
{
    struct column c = {
        .m = m, .blocks = blocks, .count = count < MAX_BLOCKS ? count : MAX_BLOCKS, .box = box};
    float smallest = 1.0f;                        /* at this scale every block is at its minimum */
    float largest = max_px > 0 ? INFINITY : 1.0f; /* at this scale the largest text is max_px */
    for (size_t i = 0; i < c.count; i++) {
        if (!block_present(&blocks[i]))
            continue;
        if (blocks[i].min_size / blocks[i].size < smallest)
            smallest = blocks[i].min_size / blocks[i].size;
        if (blocks[i].kind != BLOCK_RULE && max_px > 0 && (float)max_px / blocks[i].size < largest)
            largest = (float)max_px / blocks[i].size;
    }
    if (!isfinite(largest) || largest < 1.0f)
        largest = 1.0f;
    if (scene->measuring) { /* whatever fits at some scale fits at the smallest */
        int total = set_column(&c, smallest);
        for (size_t i = 0; i < c.count; i++) {
            scene->cut |= c.set[i].cut && blocks[i].kind == BLOCK_TEXT && blocks[i].max_lines != 1;
            line_list_free(&c.set[i].lines);
        }
        scene->cut |= total > box.h;
        return total < box.h ? total : box.h;
    }
    float scale = fits(&c, 1.0f) ? largest_fit(&c, 1.0f, largest) : largest_fit(&c, smallest, 1.0f);
    int total = set_column(&c, scale);
    if (total > box.h)
        total = cut_to_fit(&c, total);
    int pushed = 0, spare = 0; /* spare height above the pushed blocks */
    for (size_t i = 0; i < c.count; i++)
        pushed += c.set[i].present && blocks[i].push;
    if (pushed && total < box.h) {
        spare = box.h - total;
        total = box.h;
    }
    int y = box.y;
    if (vertical == ALIGN_CENTRE)
        y += (box.h - total) / 2;
    else if (vertical == ALIGN_END)
        y += box.h - total;
    for (size_t i = 0; i < c.count; i++) /* a line cut on purpose is no loss */
        scene->cut |= block_present(&blocks[i]) && blocks[i].kind == BLOCK_TEXT &&
                      blocks[i].max_lines != 1 && (c.set[i].cut || !c.set[i].present);
    bool first = true;
    for (size_t i = 0; i < c.count; i++) {
        if (!c.set[i].present)
            continue;
        y += first ? 0 : c.set[i].gap;
        if (blocks[i].push && pushed) {
            int share = spare / pushed--;
            y += share;
            spare -= share;
        }
        first = false;
        emit_block(&c, i, y, horizontal, scene);
        y += c.set[i].height;
    }
    for (size_t i = 0; i < c.count; i++)
        line_list_free(&c.set[i].lines);
    return total;
}
