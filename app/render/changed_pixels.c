/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "changed_pixels.h"

#include "crossfade.h"
#include "../util/array.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#elif defined(__ARM_NEON)
#include <arm_neon.h>
#endif

enum { COLOUR_BYTES = 0x00ffffff };

/* Pixels kept mapped beyond what the last crossfade took (a megabyte):
 * the next slide's runs then mostly land on pages already there. */
enum { SPARE_PIXELS = 256 * 1024 };

void changed_free(struct changed_pixels *c)
{
    free(c->runs);
    if (c->pixels)
        munmap(c->pixels, c->pixel_capacity * sizeof *c->pixels);
    memset(c, 0, sizeof *c);
}

void changed_clear(struct changed_pixels *c)
{
    c->run_count = 0;
    c->pixel_count = 0;
    c->bounds = (struct box){0};
}

/* Row y of rows, which holds it. */
static uint32_t *row_of(struct pixel_rows rows, int y)
{
    return rows.pixels + (size_t)(y - rows.top) * rows.pitch;
}

/* The run open in the row being read: its first pixel and its last
 * differing one; first < 0 when none is open. */
struct open_run {
    int y, first, last;
};

/* Adds the run of row y from x, length pixels of coming, solid or not. */
static bool add_run(struct changed_pixels *c, struct pixel_rows coming, int y, int x, int length,
                    bool solid)
{
    if (length <= 0)
        return true;
    if ((!solid && c->pixel_count + (size_t)length > c->pixel_capacity) ||
        !ARRAY_RESERVE(c->runs, c->run_count, c->run_capacity))
        return false;
    const uint32_t *from = row_of(coming, y) + x;
    c->runs[c->run_count++] = (struct changed_run){(uint16_t)x, (uint16_t)y, (uint16_t)length,
                                                   solid, solid ? from[0] : 0};
    struct box *b = &c->bounds;
    if (b->w == 0) {
        *b = (struct box){x, y, length, 1};
    } else {
        int right = b->x + b->w > x + length ? b->x + b->w : x + length;
        b->x = b->x < x ? b->x : x;
        b->w = right - b->x;
        b->h = y + 1 - b->y; /* runs come row by row */
    }
    if (!solid) {
        memcpy(c->pixels + c->pixel_count, from, (size_t)length * sizeof *from);
        c->pixel_count += (size_t)length;
    }
    return true;
}

/* Closes the open run: stretches of CHANGED_SOLID or more coming pixels
 * of one colour become solid runs, the rest keep their pixels. */
static bool close_run(struct changed_pixels *c, struct open_run *open, struct pixel_rows coming)
{
    if (open->first < 0)
        return true;
    const uint32_t *row = row_of(coming, open->y);
    int kept = open->first; /* where the pixels not yet in a run start */
    bool ok = true;
    for (int x = open->first; ok && x <= open->last;) {
        int end = x + 1;
        while (end <= open->last && row[end] == row[x])
            end++;
        if (end - x >= CHANGED_SOLID) {
            ok = add_run(c, coming, open->y, kept, x - kept, false) &&
                 add_run(c, coming, open->y, x, end - x, true);
            kept = end;
        }
        x = end;
    }
    ok = ok && add_run(c, coming, open->y, kept, open->last + 1 - kept, false);
    open->first = -1;
    return ok;
}

/* Pixels first to last of the row differ: they join the open run, or
 * start one. */
static bool take(struct changed_pixels *c, struct open_run *open, struct pixel_rows coming,
                 int first, int last)
{
    if (open->first >= 0 && first - open->last > CHANGED_GAP + 1 && !close_run(c, open, coming))
        return false;
    if (open->first < 0)
        open->first = first;
    open->last = last;
    return true;
}

/* Whether pixel x of the rows differs in its colour bytes. */
static bool differ(const uint32_t *s, const uint32_t *n, int x)
{
    return ((s[x] ^ n[x]) & COLOUR_BYTES) != 0;
}

/* The first pixel from x on, before end, where the rows differ (end when
 * none does): four at a time where SSE2 or NEON can (most of a slide is
 * alike). */
static int next_differing(const uint32_t *s, const uint32_t *n, int x, int end)
{
#if defined(__SSE2__)
    const __m128i colour = _mm_set1_epi32(COLOUR_BYTES);
    for (; x + 4 <= end; x += 4) {
        __m128i d = _mm_and_si128(_mm_xor_si128(_mm_loadu_si128((const __m128i *)(s + x)),
                                                _mm_loadu_si128((const __m128i *)(n + x))),
                                  colour);
        if (_mm_movemask_epi8(_mm_cmpeq_epi32(d, _mm_setzero_si128())) != 0xffff)
            break;
    }
#elif defined(__ARM_NEON) && defined(__aarch64__)
    const uint32x4_t colour = vdupq_n_u32(COLOUR_BYTES);
    for (; x + 4 <= end; x += 4)
        if (vmaxvq_u32(vandq_u32(veorq_u32(vld1q_u32(s + x), vld1q_u32(n + x)), colour)))
            break;
#endif
    while (x < end && !differ(s, n, x))
        x++;
    return x;
}

/* Reads the pixels from x0 to x1 (exclusive) of row open->y; all of them
 * differ when whole is set. */
static bool read_row(struct changed_pixels *c, struct open_run *open, struct pixel_rows screen,
                     struct pixel_rows coming, int x0, int x1, bool whole)
{
    if (whole)
        return take(c, open, coming, x0, x1 - 1);
    const uint32_t *s = row_of(screen, open->y);
    const uint32_t *n = row_of(coming, open->y);
    for (int x = next_differing(s, n, x0, x1); x < x1;) {
        int last = x; /* a stretch of differing pixels at a time */
        while (last + 1 < x1 && differ(s, n, last + 1))
            last++;
        if (!take(c, open, coming, x, last))
            return false;
        x = next_differing(s, n, last + 1, x1);
    }
    return true;
}

/* The end of the band of spans that starts at band: the spans after it
 * on the same rows. */
static size_t band_end(const struct box *spans, size_t count, size_t band)
{
    size_t end = band + 1;
    while (end < count && spans[end].y == spans[band].y && spans[end].h == spans[band].h)
        end++;
    return end;
}

bool changed_begin(struct changed_pixels *c, int w, int h)
{
    changed_clear(c);
    if (w > UINT16_MAX || h > UINT16_MAX)
        return false;
    size_t most = (size_t)(w > 0 ? w : 1) * (size_t)(h > 0 ? h : 1);
    if (c->pixel_capacity >= most)
        return true;
    changed_free(c);
    /* every pixel of the picture: an address range, its pages mapped in
     * only as they are filled */
    void *range = mmap(NULL, most * sizeof *c->pixels, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (range == MAP_FAILED)
        return false;
    c->pixels = range;
    c->pixel_capacity = most;
    return true;
}

bool changed_add(struct changed_pixels *c, struct pixel_rows screen, struct pixel_rows coming,
                 const struct box *spans, size_t span_count, int settled_h)
{
    bool ok = true;
    /* a band of spans at a time (same rows), row by row across it, so that
     * runs follow the pictures' memory in order */
    for (size_t band = 0, end; ok && band < span_count; band = end) {
        end = band_end(spans, span_count, band);
        for (int y = spans[band].y; ok && y < spans[band].y + spans[band].h; y++) {
            struct open_run open = {y, -1, -1};
            for (size_t i = band; ok && i < end; i++)
                ok = read_row(c, &open, screen, coming, spans[i].x, spans[i].x + spans[i].w,
                              y >= settled_h);
            ok = ok && close_run(c, &open, coming);
        }
    }
    if (!ok)
        changed_free(c);
    return ok;
}

void changed_end(struct changed_pixels *c)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t kept = (c->pixel_count + SPARE_PIXELS) * sizeof *c->pixels;
    size_t range = c->pixel_capacity * sizeof *c->pixels;
    kept = (kept + page - 1) / page * page;
    if (kept < range) /* an earlier, larger slide's pages beyond go back */
        madvise((char *)c->pixels + kept, range - kept, MADV_DONTNEED);
}

/* A crossfade frame comes after the caches lost the pixels, and each run
 * starts on rows the processor's prefetcher has not seen: the runs this
 * far ahead of the one being mixed are asked for from memory meanwhile,
 * up to this many cache lines of each (a third less time a frame at
 * 1080p; further on in a long run, the prefetcher keeps up). */
enum { RUNS_AHEAD = 8, LINES_AHEAD = 32, LINE_PIXELS = 64 / sizeof(uint32_t) };

/* Asks for the cache lines of run's screen pixels and, but for a solid
 * run, of its own pixels from. */
static void fetch_run(const struct changed_run *run, struct pixel_rows screen, const uint32_t *from)
{
    const uint32_t *out = row_of(screen, run->y) + run->x;
    int lines = (run->length + LINE_PIXELS - 1) / LINE_PIXELS;
    for (int i = 0; i < lines && i < LINES_AHEAD; i++) {
        __builtin_prefetch(out + i * LINE_PIXELS, 1);
        if (!run->solid)
            __builtin_prefetch(from + i * LINE_PIXELS);
    }
}

void changed_mix(const struct changed_pixels *c, struct pixel_rows screen, int t)
{
    const uint32_t *from = c->pixels, *ahead_from = c->pixels;
    size_t ahead = 0;
    for (size_t i = 0; i < c->run_count; i++) {
        for (; ahead < c->run_count && ahead <= i + RUNS_AHEAD; ahead++) {
            fetch_run(&c->runs[ahead], screen, ahead_from);
            ahead_from += c->runs[ahead].solid ? 0 : c->runs[ahead].length;
        }
        const struct changed_run *run = &c->runs[i];
        uint32_t *out = row_of(screen, run->y) + run->x;
        if (run->solid) {
            crossfade_row_solid(out, out, run->colour, run->length, t);
        } else {
            crossfade_row(out, out, from, run->length, t);
            from += run->length;
        }
    }
}

void changed_put(const struct changed_pixels *c, struct pixel_rows screen)
{
    changed_mix(c, screen, CROSSFADE_ONE);
}
