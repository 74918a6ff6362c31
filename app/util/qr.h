/* SPDX-License-Identifier: GPL-2.0-or-later */
/* QR codes through libqrencode: the modules of a code for a text, for the
 * layout to draw as boxes. */
#ifndef HALLSCREEN_QR_H
#define HALLSCREEN_QR_H

#include <stdbool.h>

#define QR_QUIET_ZONE 4 /* light modules around the code, as readers need */

struct qr_code {
    int width;              /* modules a side */
    unsigned char *modules; /* width * width, row by row; bit 0 set: dark */
};

/* Encodes text (UTF-8, at error correction level M). False when it is too
 * long for a QR code or memory runs out. */
bool qr_encode(const char *text, struct qr_code *out);

/* True when the module at column x, row y is dark. */
bool qr_dark(const struct qr_code *code, int x, int y);

/* Frees the code; a failed one is fine. */
void qr_free(struct qr_code *code);

#endif
