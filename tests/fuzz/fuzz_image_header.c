/* SPDX-License-Identifier: GPL-2.0-or-later */
/* libFuzzer target: image headers, read before any image is decoded. */
#include "../../app/util/image_header.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct image_header header;
    char err[160];
    image_header_parse(data, size, &header, err, sizeof err);
    return 0;
}
