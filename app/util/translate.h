/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The words the program itself writes, in the event's language: gettext
 * catalogs (po/LANG.po, compiled at build time), all read at start-up, so
 * that a box with no locales generated shows them too. */
#ifndef HALLSCREEN_TRANSLATE_H
#define HALLSCREEN_TRANSLATE_H

#include <stdbool.h>
#include <stddef.h>

/* Marks a phrase for xgettext without translating it. */
#define N_(text) text

/* Reads the catalog of every language found under locale_dir
 * (LANG/LC_MESSAGES/hallscreen.mo). Call once, before any thread starts:
 * it sets LANGUAGE while it reads. */
void translate_init(const char *locale_dir);

/* True for English and each language whose catalog was read. */
bool translate_known(const char *language);

/* The languages known, "en, ar, kk, ru", for messages. */
const char *translate_known_list(void);

/* msgid (one of the phrases listed in translate.c; "short\004Feb" for a
 * name in context) in language: its translation, or msgid itself (without
 * its context) for English (NULL), an unknown language or a phrase the
 * catalog lacks. */
const char *tr(const char *language, const char *msgid);

/* A heading or label in each of the event's languages (at most two),
 * joined by " / " where they differ: "Келесі / Далее". */
void tr_each(char *const *languages, size_t count, const char *msgid, char *buf, size_t size);

#endif
