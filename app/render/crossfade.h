/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A crossfade's pixels: a row of the frame written from the rows of the
 * slide going (a) and the slide coming (b), in one pass, each 8-bit channel
 * out = a + (b - a) * t with t in 256ths, rounded to nearest. Works on any
 * 32-bit pixel layout (every byte is mixed alike); out may be a. SSE2 on
 * x86-64 (AVX2 where the processor has it), NEON on arm64, plain C
 * elsewhere; every version gives the same bytes. No SDL: plain memory. */
#ifndef HALLSCREEN_CROSSFADE_H
#define HALLSCREEN_CROSSFADE_H

#include <stddef.h>
#include <stdint.h>

/* t's scale: 0 gives a, CROSSFADE_ONE gives b. */
#define CROSSFADE_ONE 256

/* n pixels of out from a and b at t (0 to CROSSFADE_ONE; clamped). */
void crossfade_row(uint32_t *out, const uint32_t *a, const uint32_t *b, size_t n, int t);

/* The same with every pixel of b the colour: a stretch of one colour of
 * the coming slide, for about half the work. */
void crossfade_row_solid(uint32_t *out, const uint32_t *a, uint32_t colour, size_t n, int t);

/* The same as crossfade_row() in plain C, whatever the processor: the
 * reference. */
void crossfade_row_plain(uint32_t *out, const uint32_t *a, const uint32_t *b, size_t n, int t);

/* A version of the mix, for t from 1 to CROSSFADE_ONE - 1. */
struct crossfade_version {
    const char *name; /* "AVX2", "SSE2", "NEON", "C" */
    void (*mix)(uint32_t *out, const uint32_t *a, const uint32_t *b, size_t n, unsigned t);
    void (*mix_solid)(uint32_t *out, const uint32_t *a, uint32_t colour, size_t n, unsigned t);
};

/* The i-th version this processor runs, from 0, the one crossfade_row()
 * uses, to plain C, the last; NULL past it. */
const struct crossfade_version *crossfade_version(size_t i);

/* The name of the version crossfade_row() uses. */
const char *crossfade_kind(void);

#endif
