/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A crossfade's pixels: a row of the frame written from the rows of the
 * slide going (a) and the slide coming (b), in one pass, each 8-bit channel
 * out = a + (b - a) * t with t in 256ths, rounded to nearest. Works on any
 * 32-bit pixel layout (every byte is mixed alike); out may be a. SSE2 on
 * x86-64 and NEON on arm64 (both always there), plain C elsewhere; every
 * version gives the same bytes. No SDL: plain memory. */
#ifndef HALLSCREEN_CROSSFADE_H
#define HALLSCREEN_CROSSFADE_H

#include <stddef.h>
#include <stdint.h>

/* t's scale: 0 gives a, CROSSFADE_ONE gives b. */
#define CROSSFADE_ONE 256

/* n pixels of out from a and b at t (0 to CROSSFADE_ONE; clamped). */
void crossfade_row(uint32_t *out, const uint32_t *a, const uint32_t *b, size_t n, int t);

/* The same in plain C, whatever the processor: the reference. */
void crossfade_row_plain(uint32_t *out, const uint32_t *a, const uint32_t *b, size_t n, int t);

/* Which version crossfade_row() is: "SSE2", "NEON" or "C". */
const char *crossfade_kind(void);

#endif
