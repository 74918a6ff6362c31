/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Pages of a slide: speaker lists by count, prose by what fits. */
#include "pages.h"

#include "../util/split_text.h"
#include "../util/str.h"

#include <stdlib.h>
#include <string.h>

/* The prose fields of a session or headline that may continue over
 * pages, in reading order: the description or body, then its
 * translation. */
static void prose_fields(struct slide *s, char **fields[2])
{
    bool session = s->kind == SLIDE_SESSION;
    fields[0] = session ? &s->description : &s->body;
    fields[1] = session ? &s->translated_description : &s->translated_body;
}

/* Where the prose still to place stands: field, and the offset in it. */
struct reading {
    size_t field, at;
};

/* A page under construction: a shallow copy of the slide whose prose
 * fields are pieces owned here. */
struct draft {
    struct slide page;
    char **fields[2];
    char *pieces[2];
};

static void draft_begin(struct draft *d, const struct slide *slide, size_t index,
                        size_t speaker_pages)
{
    d->page = *slide;
    prose_fields(&d->page, d->fields);
    for (size_t f = 0; f < 2; f++)
        *d->fields[f] = d->pieces[f] = NULL;
    size_t per_page = (slide->speaker_count + speaker_pages - 1) / speaker_pages;
    size_t first = index * per_page;
    size_t left = first < slide->speaker_count ? slide->speaker_count - first : 0;
    d->page.speakers = left ? slide->speakers + first : NULL;
    d->page.speaker_count = left < per_page ? left : per_page;
    if (index > 0)
        d->page.chair = NULL;
    /* measured with the widest page number it may get */
    d->page.page = (int)index + 1;
    d->page.page_count = MAX_PAGES;
}

static void draft_set(struct draft *d, size_t field, char *piece)
{
    free(d->pieces[field]);
    *d->fields[field] = d->pieces[field] = piece;
}

static void draft_free(struct draft *d)
{
    for (size_t f = 0; f < 2; f++)
        free(d->pieces[f]);
}

static bool draft_fits(const struct draft *d, const struct programme *prog,
                       const struct page_fitter *fitter)
{
    return fitter->fits(fitter->ctx, prog, &d->page);
}

/* Puts on the draft the longest piece of text from at, ending at a cut of
 * kind least or better, with which the draft fits. Returns the offset
 * reached: at when none fits, or memory ran out. */
static size_t fill_with(struct draft *d, size_t field, const char *text, size_t at,
                        enum cut_kind least, const struct programme *prog,
                        const struct page_fitter *fitter)
{
    size_t *cuts = NULL;
    size_t count = text_cuts(text + at, least, &cuts);
    size_t lo = 0, hi = count, best = at; /* cuts[i - 1] is tried as i */
    char *best_piece = NULL;
    while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        size_t end = at + cuts[mid - 1];
        char *piece = text_piece(text, at, end);
        if (!piece)
            break;
        draft_set(d, field, piece);
        d->pieces[field] = NULL; /* kept or freed below */
        if (draft_fits(d, prog, fitter)) {
            free(best_piece);
            best_piece = piece;
            best = end;
            lo = mid;
        } else {
            free(piece);
            hi = mid - 1;
        }
    }
    free(cuts);
    draft_set(d, field, best_piece);
    return best;
}

/* Fills the draft from where r stands with as much prose as fits, moving
 * r on; the whole rest when force is set. */
static void fill(struct draft *d, const struct slide *slide, struct reading *r, bool force,
                 const struct programme *prog, const struct page_fitter *fitter)
{
    struct slide whole = *slide;
    char **texts[2];
    prose_fields(&whole, texts);
    for (; r->field < 2; r->field++, r->at = 0) {
        const char *text = *texts[r->field];
        if (!text || !text[r->at])
            continue;
        char *rest = text_piece(text, r->at, strlen(text));
        draft_set(d, r->field, rest);
        if (force || draft_fits(d, prog, fitter)) {
            continue; /* all of this field, on to the next */
        }
        draft_set(d, r->field, NULL);
        /* the longest piece that fits, cut between sentences if it can be */
        static const enum cut_kind kinds[] = {CUT_SENTENCE, CUT_WORD, CUT_ANYWHERE};
        size_t reached = r->at;
        for (size_t k = 0; k < 3 && reached == r->at; k++)
            reached = fill_with(d, r->field, text, r->at, kinds[k], prog, fitter);
        r->at = reached;
        return; /* this page is full */
    }
}

static void free_pages(struct slide *pages, size_t count)
{
    for (size_t i = 0; i < count; i++)
        slide_free(&pages[i]);
    free(pages);
}

static bool prose_left(const struct slide *slide, const struct reading *r)
{
    struct slide s = *slide;
    char **texts[2];
    prose_fields(&s, texts);
    for (size_t f = r->field; f < 2; f++)
        if (*texts[f] && (*texts[f])[f == r->field ? r->at : 0])
            return true;
    return false;
}

/* text cut after a whole word within MAX_PROSE_BYTES, with an ellipsis:
 * more than MAX_PAGES could show is left out before measuring. NULL when
 * text is shorter (or memory runs out: it is then paged whole). */
static char *shortened(const char *text)
{
    size_t n = text ? strlen(text) : 0;
    if (n <= MAX_PROSE_BYTES)
        return NULL;
    n = MAX_PROSE_BYTES;
    while (n > 0 && text[n] != ' ' && text[n] != '\n')
        n--;
    return str_printf("%.*s\u2026", (int)(n ? n : MAX_PROSE_BYTES), text);
}

static size_t make_pages(const struct slide *slide, const struct programme *prog,
                         const struct page_fitter *fitter, struct slide **pages);

size_t slide_pages(const struct slide *slide, const struct programme *prog,
                   const struct page_fitter *fitter, struct slide **pages)
{
    struct slide s = *slide;
    char **fields[2], *short_texts[2] = {NULL, NULL};
    if (slide->kind == SLIDE_SESSION || slide->kind == SLIDE_HEADLINE) {
        prose_fields(&s, fields);
        for (size_t f = 0; f < 2; f++) {
            short_texts[f] = shortened(*fields[f]);
            if (short_texts[f])
                *fields[f] = short_texts[f];
        }
    }
    size_t count = make_pages(&s, prog, fitter, pages);
    free(short_texts[0]);
    free(short_texts[1]);
    return count;
}

/* slide_pages() of a slide whose prose is no longer than MAX_PROSE_BYTES. */
static size_t make_pages(const struct slide *slide, const struct programme *prog,
                         const struct page_fitter *fitter, struct slide **pages)
{
    bool paged_kind = slide->kind == SLIDE_SESSION || slide->kind == SLIDE_HEADLINE;
    bool long_list = slide->kind == SLIDE_SESSION && slide->speaker_count > SPEAKERS_PER_SLIDE;
    if (!paged_kind || (!long_list && (!fitter || fitter->fits(fitter->ctx, prog, slide)))) {
        *pages = malloc(sizeof **pages);
        if (*pages && slide_copy(*pages, slide))
            return 1;
        free(*pages);
        return 0;
    }
    size_t speaker_pages = 1;
    if (long_list)
        speaker_pages = (slide->speaker_count + SPEAKERS_PER_SLIDE - 1) / SPEAKERS_PER_SLIDE;
    struct slide *list = NULL;
    size_t count = 0;
    struct reading r = {0};
    bool failed = false;
    for (size_t i = 0; !failed && (i < speaker_pages || prose_left(slide, &r)); i++) {
        struct draft d;
        draft_begin(&d, slide, i, speaker_pages);
        struct reading before = r;
        /* no fitter, the last page allowed, or nothing fits on a page of its
         * own: the rest goes on this page, cut if it must be */
        bool last_allowed = i + 1 >= MAX_PAGES || !fitter;
        fill(&d, slide, &r, last_allowed, prog, fitter);
        if (r.field == before.field && r.at == before.at && prose_left(slide, &r) &&
            d.page.speaker_count == 0 && !d.page.chair)
            fill(&d, slide, &r, true, prog, fitter);
        struct slide *grown = realloc(list, (count + 1) * sizeof *list);
        failed = !grown || !slide_copy(&grown[count], &d.page);
        list = grown ? grown : list;
        count += !failed;
        draft_free(&d);
    }
    if (failed) {
        free_pages(list, count);
        return 0;
    }
    for (size_t i = 0; i < count; i++) {
        list[i].page = count > 1 ? (int)i + 1 : 0;
        list[i].page_count = count > 1 ? (int)count : 0;
    }
    *pages = list;
    return count;
}
