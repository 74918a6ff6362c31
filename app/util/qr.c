/* SPDX-License-Identifier: GPL-2.0-or-later */
/* QR codes with libqrencode. */
#include "qr.h"

#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

bool qr_encode(const char *text, struct qr_code *out)
{
    out->width = 0;
    out->modules = NULL;
    QRcode *code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code)
        return false;
    size_t n = (size_t)code->width * (size_t)code->width;
    out->modules = malloc(n);
    if (out->modules) {
        memcpy(out->modules, code->data, n);
        out->width = code->width;
    }
    QRcode_free(code);
    return out->modules != NULL;
}

bool qr_dark(const struct qr_code *code, int x, int y)
{
    return code->modules[(size_t)y * (size_t)code->width + (size_t)x] & 1;
}

void qr_free(struct qr_code *code)
{
    free(code->modules);
    code->modules = NULL;
    code->width = 0;
}
