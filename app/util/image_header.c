/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Image headers: PNG's IHDR, JPEG's frame marker, WebP's first chunk, SVG's
 * size attributes. */
#include "image_header.h"

#include "file_read.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static unsigned be16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

static bool parse_png(const unsigned char *b, size_t n, struct image_header *out)
{
    /* signature, then the IHDR chunk: length, "IHDR", width, height */
    if (n < 24 || memcmp(b + 12, "IHDR", 4) != 0)
        return false;
    uint32_t w = be32(b + 16), h = be32(b + 20);
    out->w = w > INT32_MAX ? INT32_MAX : (int)w;
    out->h = h > INT32_MAX ? INT32_MAX : (int)h;
    return true;
}

static uint32_t le24(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16;
}

/* WebP: RIFF, "WEBP", then a VP8 (lossy), VP8L (lossless) or VP8X
 * (extended) chunk, each with the size in its own form. */
static bool parse_webp(const unsigned char *b, size_t n, struct image_header *out)
{
    if (n < 30)
        return false;
    const unsigned char *data = b + 20;
    if (memcmp(b + 12, "VP8 ", 4) == 0 && data[3] == 0x9d && data[4] == 0x01 && data[5] == 0x2a) {
        out->w = (int)((data[6] | data[7] << 8) & 0x3fff);
        out->h = (int)((data[8] | data[9] << 8) & 0x3fff);
    } else if (memcmp(b + 12, "VP8L", 4) == 0 && data[0] == 0x2f) {
        uint32_t bits = (uint32_t)data[1] | (uint32_t)data[2] << 8 | (uint32_t)data[3] << 16 |
                        (uint32_t)data[4] << 24;
        out->w = (int)(bits & 0x3fff) + 1;
        out->h = (int)((bits >> 14) & 0x3fff) + 1;
    } else if (memcmp(b + 12, "VP8X", 4) == 0) {
        out->w = (int)le24(data + 4) + 1;
        out->h = (int)le24(data + 7) + 1;
    } else {
        return false;
    }
    return true;
}

static bool parse_jpeg(const unsigned char *b, size_t n, struct image_header *out)
{
    size_t i = 2;
    while (i + 4 <= n) {
        if (b[i] != 0xff)
            return false;
        unsigned marker = b[i + 1];
        if (marker == 0xff) { /* fill byte */
            i++;
            continue;
        }
        if (marker == 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker == 0x01) {
            i += 2;
            continue;
        }
        unsigned length = be16(b + i + 2);
        bool frame =
            marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
        if (frame) {
            if (i + 9 > n)
                return false;
            out->h = (int)be16(b + i + 5);
            out->w = (int)be16(b + i + 7);
            return true;
        }
        if (length < 2)
            return false;
        i += 2 + length;
    }
    return false;
}

/* The number after name=" in the <svg ...> tag, or 0. */
static double svg_attribute(const char *tag, const char *name)
{
    size_t len = strlen(name);
    for (const char *p = strstr(tag, name); p; p = strstr(p + 1, name)) {
        if ((p > tag && (p[-1] == ' ' || p[-1] == '\n' || p[-1] == '\t')) && p[len] == '=' &&
            (p[len + 1] == '"' || p[len + 1] == '\''))
            return strtod(p + len + 2, NULL);
    }
    return 0;
}

static bool parse_svg(const unsigned char *b, size_t n, struct image_header *out)
{
    char *text = malloc(n + 1);
    if (!text)
        return false;
    memcpy(text, b, n);
    text[n] = '\0';
    char *tag = strstr(text, "<svg");
    char *end = tag ? strchr(tag, '>') : NULL;
    bool ok = tag && end;
    if (ok) {
        *end = '\0';
        double w = svg_attribute(tag, "width"), h = svg_attribute(tag, "height");
        if (w <= 0 || h <= 0) {
            const char *box = strstr(tag, "viewBox=");
            double x, y;
            if (!box || sscanf(box + 9, "%lf %lf %lf %lf", &x, &y, &w, &h) != 4)
                w = h = 0;
        }
        out->w = w > 0 && w < 1e9 ? (int)w : (w >= 1e9 ? INT32_MAX : 0);
        out->h = h > 0 && h < 1e9 ? (int)h : (h >= 1e9 ? INT32_MAX : 0);
    }
    free(text);
    return ok;
}

static bool contains(const unsigned char *b, size_t n, const char *text)
{
    size_t len = strlen(text);
    for (size_t i = 0; i + len <= n; i++)
        if (memcmp(b + i, text, len) == 0)
            return true;
    return false;
}

bool image_header_parse(const unsigned char *b, size_t n, struct image_header *out, char *err,
                        size_t err_size)
{
    *out = (struct image_header){IMAGE_UNKNOWN, 0, 0};
    static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (n == 0) {
        snprintf(err, err_size, "is empty");
        return false;
    }
    bool read;
    if (n >= 8 && memcmp(b, png, 8) == 0) {
        out->type = IMAGE_PNG;
        read = parse_png(b, n, out);
    } else if (n >= 3 && b[0] == 0xff && b[1] == 0xd8 && b[2] == 0xff) {
        out->type = IMAGE_JPEG;
        read = parse_jpeg(b, n, out);
    } else if (n >= 12 && memcmp(b, "RIFF", 4) == 0 && memcmp(b + 8, "WEBP", 4) == 0) {
        out->type = IMAGE_WEBP;
        read = parse_webp(b, n, out);
    } else if (contains(b, n < 1024 ? n : 1024, "<svg") ||
               contains(b, n < 256 ? n : 256, "<?xml")) {
        out->type = IMAGE_SVG;
        read = parse_svg(b, n, out);
    } else {
        snprintf(err, err_size, "is not a PNG, JPEG, WebP or SVG image");
        return false;
    }
    if (!read) {
        snprintf(err, err_size, "is damaged or cut short: its size cannot be read");
        return false;
    }
    if ((out->type != IMAGE_SVG && (out->w <= 0 || out->h <= 0)) || out->w > IMAGE_MAX_SIDE ||
        out->h > IMAGE_MAX_SIDE || (int64_t)out->w * out->h > IMAGE_MAX_PIXELS) {
        snprintf(err, err_size, "declares %dx%d pixels: at most %dx%d and %d megapixels are read",
                 out->w, out->h, IMAGE_MAX_SIDE, IMAGE_MAX_SIDE, IMAGE_MAX_PIXELS >> 20);
        return false;
    }
    int64_t longest = out->w > out->h ? out->w : out->h,
            shortest = out->w < out->h ? out->w : out->h;
    if (shortest > 0 && longest > shortest * IMAGE_MAX_ASPECT) {
        snprintf(err, err_size,
                 "declares %dx%d pixels: a picture at most %d times as long as it is wide is read",
                 out->w, out->h, IMAGE_MAX_ASPECT);
        return false;
    }
    return true;
}

int image_open(const char *path, struct image_header *out, char *err, size_t err_size)
{
    int fd = file_read_open(path, NULL, err, err_size);
    if (fd < 0)
        return -1;
    unsigned char *buf = malloc(IMAGE_HEADER_BYTES);
    ssize_t n = buf ? read(fd, buf, IMAGE_HEADER_BYTES) : -1;
    bool ok = n >= 0 && image_header_parse(buf, (size_t)n, out, err, err_size) &&
              lseek(fd, 0, SEEK_SET) == 0;
    if (n < 0)
        snprintf(err, err_size, "cannot be read");
    free(buf);
    if (!ok) {
        close(fd);
        return -1;
    }
    return fd;
}

bool image_header_read(const char *path, struct image_header *out, char *err, size_t err_size)
{
    int fd = image_open(path, out, err, err_size);
    if (fd >= 0)
        close(fd);
    return fd >= 0;
}
