/* SPDX-License-Identifier: GPL-2.0-or-later */
/* WCAG 2 relative luminance and contrast ratio. */
#include "contrast.h"

#include "../util/array.h"

#include <math.h>
#include <stddef.h>

static double channel(uint8_t value)
{
    double c = value / 255.0;
    return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(struct rgba c)
{
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double contrast_ratio(struct rgba a, struct rgba b)
{
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* over at alpha (0 to 255) on under. */
static struct rgba blend(struct rgba over, uint8_t alpha, struct rgba under)
{
    return (struct rgba){(uint8_t)((over.r * alpha + under.r * (255 - alpha)) / 255),
                         (uint8_t)((over.g * alpha + under.g * (255 - alpha)) / 255),
                         (uint8_t)((over.b * alpha + under.b * (255 - alpha)) / 255), 0xff};
}

#define COLOUR(field) #field, offsetof(struct theme, field)

/* Each text colour the slides use, and what it is drawn on. */
static const struct {
    const char *text;
    size_t text_at;
    const char *ground;
    size_t ground_at;
} pairs[] = {
    {COLOUR(text), COLOUR(background)},
    {COLOUR(text), COLOUR(background_end)},
    {COLOUR(secondary), COLOUR(background)},
    {COLOUR(secondary), COLOUR(background_end)},
    {COLOUR(muted), COLOUR(background)},
    {COLOUR(muted), COLOUR(background_end)},
    {COLOUR(accent), COLOUR(background)},
    {COLOUR(accent), COLOUR(background_end)},
    {COLOUR(now), COLOUR(background)},
    {COLOUR(now), COLOUR(background_end)},
    {COLOUR(background), COLOUR(accent)}, /* labels and marks in pills */
    {COLOUR(background), COLOUR(now)},
    {COLOUR(background), COLOUR(secondary)},
    {COLOUR(background), COLOUR(card)}, /* partners' wordmarks */
    {COLOUR(footer_text), COLOUR(footer_background)},
    {COLOUR(alert_text), COLOUR(alert_background)},
};

size_t contrast_check_theme(const struct theme *t, const char *path, double minimum,
                            struct diag_list *diags)
{
    const struct rgba white = {0xff, 0xff, 0xff, 0xff};
    size_t low = 0;
    for (size_t i = 0; i < COUNT(pairs); i++) {
        struct rgba text = *(const struct rgba *)(const void *)((const char *)t + pairs[i].text_at);
        struct rgba ground =
            *(const struct rgba *)(const void *)((const char *)t + pairs[i].ground_at);
        bool shaded =
            t->background_image && (pairs[i].ground_at == offsetof(struct theme, background) ||
                                    pairs[i].ground_at == offsetof(struct theme, background_end));
        if (shaded)
            ground = blend(ground, THEME_SHADE_ALPHA, white);
        double ratio = contrast_ratio(text, ground);
        if (ratio >= minimum)
            continue;
        low++;
        diag_add(diags, DIAG_WARNING, path, 0,
                 "%s on %s%s: contrast %.1f:1, below %.1f:1 (hard to read in a bright hall)",
                 pairs[i].text, pairs[i].ground, shaded ? " over background_image" : "", ratio,
                 minimum);
    }
    return low;
}
