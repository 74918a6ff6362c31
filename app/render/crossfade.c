/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A crossfade's pixels in one pass. Each channel is a * (256 - t) + b * t,
 * which fits 16 bits unsigned (at most 255 * 256), plus 128, shifted down
 * by 8: the same integer sum in every version. pixman would do a blend
 * too, but through its OVER operator with a solid mask it reads and writes
 * the frame twice over; this is the one pass the frame needs. */
#include "crossfade.h"

#include <stdbool.h>
#include <string.h>

#if defined(__SSE2__)
#include <immintrin.h>
#elif defined(__ARM_NEON)
#include <arm_neon.h>
#endif

/* One pixel, two channels at a time: red and blue, then green and the
 * fourth byte, each in a 16-bit lane of its own that no sum overflows. */
static uint32_t mix_pixel(uint32_t a, uint32_t b, uint32_t t)
{
    uint32_t u = CROSSFADE_ONE - t;
    uint32_t rb =
        (((a & 0x00ff00ffu) * u + (b & 0x00ff00ffu) * t + 0x00800080u) >> 8) & 0x00ff00ffu;
    uint32_t ga =
        (((a >> 8) & 0x00ff00ffu) * u + ((b >> 8) & 0x00ff00ffu) * t + 0x00800080u) & 0xff00ff00u;
    return rb | ga;
}

static void mix_plain(uint32_t *out, const uint32_t *a, const uint32_t *b, size_t n, unsigned t)
{
    for (size_t i = 0; i < n; i++)
        out[i] = mix_pixel(a[i], b[i], t);
}

static void mix_solid_plain(uint32_t *out, const uint32_t *a, uint32_t colour, size_t n, unsigned t)
{
    for (size_t i = 0; i < n; i++)
        out[i] = mix_pixel(a[i], colour, t);
}

#if defined(__SSE2__)
static void mix_sse2(uint32_t *out, const uint32_t *a, const uint32_t *b, size_t n, unsigned t)
{
    const __m128i zero = _mm_setzero_si128(), half = _mm_set1_epi16(128);
    const __m128i tb = _mm_set1_epi16((short)t), ta = _mm_set1_epi16((short)(CROSSFADE_ONE - t));
    size_t i = 0;
    for (; i + 4 <= n; i += 4) { /* four pixels: sixteen channels */
        __m128i va = _mm_loadu_si128((const __m128i *)(a + i));
        __m128i vb = _mm_loadu_si128((const __m128i *)(b + i));
        __m128i lo = _mm_add_epi16(_mm_mullo_epi16(_mm_unpacklo_epi8(va, zero), ta),
                                   _mm_mullo_epi16(_mm_unpacklo_epi8(vb, zero), tb));
        __m128i hi = _mm_add_epi16(_mm_mullo_epi16(_mm_unpackhi_epi8(va, zero), ta),
                                   _mm_mullo_epi16(_mm_unpackhi_epi8(vb, zero), tb));
        lo = _mm_srli_epi16(_mm_add_epi16(lo, half), 8);
        hi = _mm_srli_epi16(_mm_add_epi16(hi, half), 8);
        _mm_storeu_si128((__m128i *)(out + i), _mm_packus_epi16(lo, hi));
    }
    mix_plain(out + i, a + i, b + i, n - i, t);
}

/* b * t + 128 is the same for every pixel: worked out once. */
static void mix_solid_sse2(uint32_t *out, const uint32_t *a, uint32_t colour, size_t n, unsigned t)
{
    const __m128i zero = _mm_setzero_si128();
    const __m128i ta = _mm_set1_epi16((short)(CROSSFADE_ONE - t));
    const __m128i bt =
        _mm_add_epi16(_mm_mullo_epi16(_mm_unpacklo_epi8(_mm_set1_epi32((int)colour), zero),
                                      _mm_set1_epi16((short)t)),
                      _mm_set1_epi16(128));
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        __m128i va = _mm_loadu_si128((const __m128i *)(a + i));
        __m128i lo = _mm_add_epi16(_mm_mullo_epi16(_mm_unpacklo_epi8(va, zero), ta), bt);
        __m128i hi = _mm_add_epi16(_mm_mullo_epi16(_mm_unpackhi_epi8(va, zero), ta), bt);
        _mm_storeu_si128((__m128i *)(out + i),
                         _mm_packus_epi16(_mm_srli_epi16(lo, 8), _mm_srli_epi16(hi, 8)));
    }
    mix_solid_plain(out + i, a + i, colour, n - i, t);
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HAVE_AVX2 1
/* The lanes of the first n (1 to 7) pixels set. */
__attribute__((target("avx2"))) static __m256i tail_lanes(size_t n)
{
    return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)n), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}

/* The SSE2 version eight pixels at a time: AVX2's unpacking and packing
 * work within each half of the register, so the order comes back. */
__attribute__((target("avx2"))) static __m256i mix8(__m256i va, __m256i vb, __m256i ta, __m256i tb)
{
    const __m256i zero = _mm256_setzero_si256(), half = _mm256_set1_epi16(128);
    __m256i lo = _mm256_add_epi16(_mm256_mullo_epi16(_mm256_unpacklo_epi8(va, zero), ta),
                                  _mm256_mullo_epi16(_mm256_unpacklo_epi8(vb, zero), tb));
    __m256i hi = _mm256_add_epi16(_mm256_mullo_epi16(_mm256_unpackhi_epi8(va, zero), ta),
                                  _mm256_mullo_epi16(_mm256_unpackhi_epi8(vb, zero), tb));
    return _mm256_packus_epi16(_mm256_srli_epi16(_mm256_add_epi16(lo, half), 8),
                               _mm256_srli_epi16(_mm256_add_epi16(hi, half), 8));
}

__attribute__((target("avx2"))) static void mix_avx2(uint32_t *out, const uint32_t *a,
                                                     const uint32_t *b, size_t n, unsigned t)
{
    const __m256i tb = _mm256_set1_epi16((short)t);
    const __m256i ta = _mm256_set1_epi16((short)(CROSSFADE_ONE - t));
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_si256((__m256i *)(out + i),
                            mix8(_mm256_loadu_si256((const __m256i *)(a + i)),
                                 _mm256_loadu_si256((const __m256i *)(b + i)), ta, tb));
    if (i < n) { /* the last one to seven pixels, the other lanes neither read nor written */
        __m256i lanes = tail_lanes(n - i);
        _mm256_maskstore_epi32((int *)(out + i), lanes,
                               mix8(_mm256_maskload_epi32((const int *)(a + i), lanes),
                                    _mm256_maskload_epi32((const int *)(b + i), lanes), ta, tb));
    }
}

__attribute__((target("avx2"))) static void mix_solid_avx2(uint32_t *out, const uint32_t *a,
                                                           uint32_t colour, size_t n, unsigned t)
{
    const __m256i zero = _mm256_setzero_si256();
    const __m256i ta = _mm256_set1_epi16((short)(CROSSFADE_ONE - t));
    const __m256i bt = _mm256_add_epi16(
        _mm256_mullo_epi16(_mm256_unpacklo_epi8(_mm256_set1_epi32((int)colour), zero),
                           _mm256_set1_epi16((short)t)),
        _mm256_set1_epi16(128));
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m256i va = _mm256_loadu_si256((const __m256i *)(a + i));
        __m256i lo = _mm256_add_epi16(_mm256_mullo_epi16(_mm256_unpacklo_epi8(va, zero), ta), bt);
        __m256i hi = _mm256_add_epi16(_mm256_mullo_epi16(_mm256_unpackhi_epi8(va, zero), ta), bt);
        _mm256_storeu_si256((__m256i *)(out + i), _mm256_packus_epi16(_mm256_srli_epi16(lo, 8),
                                                                      _mm256_srli_epi16(hi, 8)));
    }
    mix_solid_sse2(out + i, a + i, colour, n - i, t);
}
#endif
#elif defined(__ARM_NEON)
static void mix_neon(uint32_t *out, const uint32_t *a, const uint32_t *b, size_t n, unsigned t)
{
    /* 1 to 255 each here, so both fit a byte */
    const uint8x8_t tb = vdup_n_u8((uint8_t)t), ta = vdup_n_u8((uint8_t)(CROSSFADE_ONE - t));
    size_t i = 0;
    for (; i + 4 <= n; i += 4) { /* four pixels: sixteen channels */
        uint8x16_t va = vld1q_u8((const uint8_t *)(a + i));
        uint8x16_t vb = vld1q_u8((const uint8_t *)(b + i));
        uint16x8_t lo = vmlal_u8(vmull_u8(vget_low_u8(va), ta), vget_low_u8(vb), tb);
        uint16x8_t hi = vmlal_u8(vmull_u8(vget_high_u8(va), ta), vget_high_u8(vb), tb);
        /* (x + 128) >> 8, narrowed */
        vst1q_u8((uint8_t *)(out + i), vcombine_u8(vrshrn_n_u16(lo, 8), vrshrn_n_u16(hi, 8)));
    }
    mix_plain(out + i, a + i, b + i, n - i, t);
}

static void mix_solid_neon(uint32_t *out, const uint32_t *a, uint32_t colour, size_t n, unsigned t)
{
    const uint8x8_t ta = vdup_n_u8((uint8_t)(CROSSFADE_ONE - t));
    const uint16x8_t bt = vmull_u8(vreinterpret_u8_u32(vdup_n_u32(colour)), vdup_n_u8((uint8_t)t));
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        uint8x16_t va = vld1q_u8((const uint8_t *)(a + i));
        uint16x8_t lo = vmlal_u8(bt, vget_low_u8(va), ta);
        uint16x8_t hi = vmlal_u8(bt, vget_high_u8(va), ta);
        vst1q_u8((uint8_t *)(out + i), vcombine_u8(vrshrn_n_u16(lo, 8), vrshrn_n_u16(hi, 8)));
    }
    mix_solid_plain(out + i, a + i, colour, n - i, t);
}
#endif

static const struct crossfade_version versions[] = {
#if defined(HAVE_AVX2)
    {"AVX2", mix_avx2, mix_solid_avx2},
#endif
#if defined(__SSE2__)
    {"SSE2", mix_sse2, mix_solid_sse2},
#elif defined(__ARM_NEON)
    {"NEON", mix_neon, mix_solid_neon},
#endif
    {"C", mix_plain, mix_solid_plain},
};

const struct crossfade_version *crossfade_version(size_t i)
{
    size_t first = 0;
#if defined(HAVE_AVX2)
    if (!__builtin_cpu_supports("avx2"))
        first = 1;
#endif
    return first + i < sizeof versions / sizeof versions[0] ? &versions[first + i] : NULL;
}

/* The version the rows use, found once. */
static const struct crossfade_version *best(void)
{
    static const struct crossfade_version *found;
    if (!found)
        found = crossfade_version(0);
    return found;
}

const char *crossfade_kind(void)
{
    return crossfade_version(0)->name;
}

/* 0 and CROSSFADE_ONE are copies; true when the row was done so. */
static bool ends(uint32_t *out, const uint32_t *a, const uint32_t *b, size_t n, int t)
{
    if (t <= 0) {
        if (out != a)
            memmove(out, a, n * sizeof *out);
        return true;
    }
    if (t >= CROSSFADE_ONE) {
        if (out != b)
            memmove(out, b, n * sizeof *out);
        return true;
    }
    return false;
}

void crossfade_row(uint32_t *out, const uint32_t *a, const uint32_t *b, size_t n, int t)
{
    if (!ends(out, a, b, n, t))
        best()->mix(out, a, b, n, (unsigned)t);
}

void crossfade_row_plain(uint32_t *out, const uint32_t *a, const uint32_t *b, size_t n, int t)
{
    if (!ends(out, a, b, n, t))
        mix_plain(out, a, b, n, (unsigned)t);
}

void crossfade_row_solid(uint32_t *out, const uint32_t *a, uint32_t colour, size_t n, int t)
{
    if (t >= CROSSFADE_ONE) {
        for (size_t i = 0; i < n; i++)
            out[i] = colour;
    } else if (!ends(out, a, a, n, t)) {
        best()->mix_solid(out, a, colour, n, (unsigned)t);
    }
}
