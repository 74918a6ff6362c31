/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Contrast of the theme's colours, as WCAG 2 measures it: whether text
 * stays readable from the back of a bright hall. */
#ifndef HALLSCREEN_CONTRAST_H
#define HALLSCREEN_CONTRAST_H

#include "../model/diag.h"
#include "../model/programme.h"

#define CONTRAST_GOOD 7.0    /* WCAG's AAA for text: the default theme holds it */
#define CONTRAST_WARNING 4.5 /* below this (WCAG's AA), --check warns */

/* The contrast ratio of two opaque colours, from 1 (none) to 21. */
double contrast_ratio(struct rgba a, struct rgba b);

/* Warns, in diags under path, about every pair of text and background
 * colours the theme draws with whose ratio is below minimum, naming both
 * fields and the ratio. Over a background_image, a background colour is
 * taken at its worst: its shade over white. Returns how many pairs. */
size_t contrast_check_theme(const struct theme *theme, const char *path, double minimum,
                            struct diag_list *diags);

#endif
