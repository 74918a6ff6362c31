/* The building blocks every slide kind and the footer are made of. */
#include "blocks.h"

#include "../util/str.h"

#include <math.h>

int block_px(float units, const struct frame_geometry *g)
{
    return (int)lroundf(units * g->unit);
}

float block_smallest(const struct programme *prog, const struct frame_geometry *g)
{
    return prog->theme.smallest_text * g->unit;
}

float block_floor(float own, const struct programme *prog, const struct frame_geometry *g)
{
    return fmaxf(own, block_smallest(prog, g));
}

int block_largest_text(const struct programme *prog, const struct frame_geometry *g)
{
    return block_px(prog->theme.largest_text, g);
}

char *block_with_page(const char *text, const struct slide *s)
{
    if (!s || s->page_count <= 1)
        return str_dup(text);
    return str_printf("%s  %d/%d", text ? text : "", s->page, s->page_count);
}

struct box block_cover_crop(struct box area, int w, int h, float fx, float fy)
{
    float scale = fmaxf((float)area.w / (float)w, (float)area.h / (float)h);
    int cw = (int)lroundf((float)area.w / scale), ch = (int)lroundf((float)area.h / scale);
    cw = cw > w ? w : cw < 1 ? 1 : cw;
    ch = ch > h ? h : ch < 1 ? 1 : ch;
    return (struct box){(int)lroundf((float)(w - cw) * fx), (int)lroundf((float)(h - ch) * fy), cw,
                        ch};
}
