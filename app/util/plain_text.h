/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Markdown and HTML as plain text. */
#ifndef HALLSCREEN_PLAIN_TEXT_H
#define HALLSCREEN_PLAIN_TEXT_H

/* Markdown and HTML as plain text: entities decoded, tags, emphasis marks
 * and link targets dropped, headings and list marks kept as lines. A small
 * converter: a talk's abstract needs no more than this, and no Debian
 * library renders Markdown to plain text. Caller frees; NULL on no memory. */
char *plain_text_from_markup(const char *text);

#endif
