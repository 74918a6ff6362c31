/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A slide with more to say than one screen holds at the theme's smallest
 * size continues on further pages, each a slide of its own. */
#ifndef HALLSCREEN_PAGES_H
#define HALLSCREEN_PAGES_H

#include "../model/programme.h"

/* Tells whether page, a slide of prog, fits the screen whole: no text set
 * smaller than the theme's smallest size, none of its lines cut. */
struct page_fitter {
    bool (*fits)(void *ctx, const struct programme *prog, const struct slide *page);
    void *ctx;
};

enum {
    MAX_PAGES = 12,          /* past this, a text is cut on its last page */
    MAX_PROSE_BYTES = 24000, /* more than twelve pages hold: cut before measuring */
};

/* The pages slide is shown as, in *pages (malloc'd copies, numbered page
 * of page_count when more than one): a session's speakers at most
 * SPEAKERS_PER_SLIDE a page, the chair on the first; a session's
 * description or a headline's body (and its translation, beside it) in the
 * fewest pieces with which every page fits. Without a fitter the prose
 * stays whole. Returns the count; 0 when memory runs out. */
size_t slide_pages(const struct slide *slide, const struct programme *prog,
                   const struct page_fitter *fitter, struct slide **pages);

#endif
