/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "coverage.h"

bool coverage_is_mask(const SDL_Surface *line)
{
    return line->format->format == SDL_PIXELFORMAT_INDEX8;
}

/* The cover times the colour's alpha, as SDL_ttf makes a line's alpha. */
static uint32_t alpha_of(uint8_t cover, uint8_t colour_alpha)
{
    uint32_t x = (uint32_t)cover * colour_alpha;
    return (x + 1 + (x >> 8)) >> 8; /* x / 255 */
}

/* One channel (at shift) of c over d at alpha a, 1 to 254: SDL's blend on
 * x86 (each product shifted down by 8, then added). */
static uint32_t blend_channel(uint32_t c, uint32_t d, uint32_t a, int shift)
{
    uint32_t cc = (c >> shift) & 0xff, dc = (d >> shift) & 0xff;
    return (((cc * a) >> 8) + ((dc * (255 - a)) >> 8)) << shift;
}

void coverage_blend(SDL_Surface *dst, const SDL_Surface *mask, int x, int y, struct rgba colour)
{
    int left = x < 0 ? -x : 0, top = y < 0 ? -y : 0;
    int right = x + mask->w > dst->w ? dst->w - x : mask->w;
    int bottom = y + mask->h > dst->h ? dst->h - y : mask->h;
    uint32_t c = (uint32_t)colour.r << 16 | (uint32_t)colour.g << 8 | colour.b;
    for (int row = top; row < bottom; row++) {
        const uint8_t *cover = (const uint8_t *)mask->pixels + (size_t)row * (size_t)mask->pitch;
        uint32_t *out =
            (uint32_t *)((uint8_t *)dst->pixels + (size_t)(y + row) * (size_t)dst->pitch) + x;
        for (int i = left; i < right; i++) {
            if (!cover[i])
                continue;
            uint32_t a = alpha_of(cover[i], colour.a);
            if (a == 255) {
                out[i] = c | 0xff000000u;
            } else if (a) {
                uint32_t d = out[i];
                out[i] = blend_channel(c, d, a, 16) | blend_channel(c, d, a, 8) |
                         blend_channel(c, d, a, 0) | (d & 0xff000000u);
            }
        }
    }
}

void coverage_expand(const SDL_Surface *mask, struct rgba colour, void *pixels, int pitch)
{
    uint32_t c = (uint32_t)colour.r << 16 | (uint32_t)colour.g << 8 | colour.b;
    for (int row = 0; row < mask->h; row++) {
        const uint8_t *cover = (const uint8_t *)mask->pixels + (size_t)row * (size_t)mask->pitch;
        uint32_t *out = (uint32_t *)((uint8_t *)pixels + (size_t)row * (size_t)pitch);
        for (int i = 0; i < mask->w; i++)
            out[i] = c | alpha_of(cover[i], colour.a) << 24;
    }
}

SDL_Surface *coverage_in_colour(SDL_Surface *line, struct rgba colour)
{
    if (!coverage_is_mask(line))
        return SDL_ConvertSurfaceFormat(line, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_Surface *out =
        SDL_CreateRGBSurfaceWithFormat(0, line->w, line->h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (out)
        coverage_expand(line, colour, out->pixels, out->pitch);
    return out;
}
