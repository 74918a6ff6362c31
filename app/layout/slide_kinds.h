/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The layouts of the slide kinds, between which layout_slide() chooses
 * (internal to layout/). A new kind: a function here, a case there. */
#ifndef HALLSCREEN_SLIDE_KINDS_H
#define HALLSCREEN_SLIDE_KINDS_H

#include "slide_layout.h"

/* Each lays slide s out on g into scene, over the theme's background already
 * there. A slide's QR code comes after, in a place g's content leaves out
 * (a picture's and a clip's g is the whole frame: a clip keeps clear of the
 * code, a picture lies under it). */

/* A headline: a title, its subtitle and body, and their translations. */
void talk_headline(const struct measurer *m, const struct programme *prog, const struct slide *s,
                   const struct frame_geometry *g, struct scene *scene);

/* A talk or session: track, mark, title, when and where, chair, speakers,
 * description. */
void talk_session(const struct measurer *m, const struct programme *prog, const struct slide *s,
                  const struct frame_geometry *g, struct scene *scene);

/* The urgent notice: the whole slide in the alert colours. */
void talk_alert(const struct measurer *m, const struct programme *prog, const struct slide *s,
                const struct frame_geometry *g, struct scene *scene);

/* The screen shown when there is no slide: the event's name and how to add
 * slides. */
void talk_nothing_to_show(const struct measurer *m, const struct programme *prog,
                          const struct frame_geometry *g, struct scene *scene);

/* What comes next today, or a message saying when the programme resumes. */
void board_overview(const struct measurer *m, const struct programme *prog, const struct slide *s,
                    const struct frame_geometry *g, struct scene *scene);

/* Each room's talk now and its next, a row a room; a single room (a screen
 * beside its door) gets the whole height. */
void board_now_and_next(const struct measurer *m, const struct programme *prog,
                        const struct slide *s, const struct frame_geometry *g, struct scene *scene);

/* The door sign: a board of one room (its room set): the room's name,
 * its talk now and next whole, then the rest of its day. */
void door_sign(const struct measurer *m, const struct programme *prog, const struct slide *s,
               const struct frame_geometry *g, struct scene *scene);

/* Partners' logos (or names) on cards in a grid under a heading. */
void picture_partners(const struct measurer *m, const struct programme *prog, const struct slide *s,
                      const struct frame_geometry *g, struct scene *scene);

/* A picture over the whole slide (above the footer unless it is hidden):
 * letterboxed or filling it around its focus; its caption under it. */
void picture_image(const struct measurer *m, const struct programme *prog, const struct slide *s,
                   const struct frame_geometry *g, struct scene *scene);

/* A clip's slide: its background and caption; the renderer draws the
 * clip's frames into layout_clip_box(). */
void picture_video(const struct measurer *m, const struct programme *prog, const struct slide *s,
                   const struct frame_geometry *g, struct scene *scene);

/* Where a video slide's clip is drawn on g (see layout_clip_box()). */
struct box picture_clip_box(const struct measurer *m, const struct slide *s,
                            const struct frame_geometry *g);

/* Where the QR code of s (its qr: text) stands in g: at the right of
 * *content (at its bottom on a portrait screen), its modules spanning
 * s->qr_size % of the screen's shorter side (0: QR_DEFAULT_SIZE), in whole
 * pixels, less when *content is too small; *content shrinks to the rest.
 * With m and t, the column is as wide as the widest part of its caption
 * at the theme's smallest size, up to half the content. */
struct box picture_qr_place(const struct measurer *m, const struct theme *t,
                            const struct frame_geometry *g, const struct slide *s,
                            struct box *content);

/* A QR code of text on a light card in at, caption (NULL: none) under it.
 * Nothing when text cannot be encoded or at is too small. */
void picture_qr(const struct measurer *m, const struct theme *t, const char *text,
                const char *caption, struct box at, const struct frame_geometry *g,
                struct scene *scene);

#endif
