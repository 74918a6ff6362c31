/* The programme's data and its ownership. */
#include "programme.h"

#include "../util/str.h"

#include <stdlib.h>
#include <string.h>

enum { DEFAULT_SLIDE_MS = 10000 };

void theme_init_defaults(struct theme *theme)
{
    *theme = (struct theme){
        .background = {0x0b, 0x1f, 0x3a, 0xff},
        .background_end = {0x12, 0x3d, 0x6b, 0xff},
        .text = {0xff, 0xff, 0xff, 0xff},
        .accent = {0xf2, 0xb1, 0x34, 0xff},
        .secondary = {0x7f, 0xd3, 0xf7, 0xff},
        .muted = {0xdf, 0xe9, 0xf5, 0xff},
        .footer_background = {0x07, 0x15, 0x29, 0xff},
        .footer_text = {0xdf, 0xe9, 0xf5, 0xff},
        .card = {0xff, 0xff, 0xff, 0xff},
        .font = str_dup("Noto Sans"),
        .font_bold = str_dup("Noto Sans:bold"),
        .slide_ms = DEFAULT_SLIDE_MS,
    };
}

bool theme_copy(struct theme *dst, const struct theme *src)
{
    *dst = *src;
    dst->font = str_dup(src->font);
    dst->font_bold = str_dup(src->font_bold);
    if ((src->font && !dst->font) || (src->font_bold && !dst->font_bold)) {
        theme_free(dst);
        return false;
    }
    return true;
}

void theme_free(struct theme *theme)
{
    if (!theme)
        return;
    free(theme->font);
    free(theme->font_bold);
    theme->font = theme->font_bold = NULL;
}

void slide_free(struct slide *slide)
{
    if (!slide)
        return;
    free(slide->source);
    free(slide->label);
    free(slide->title);
    free(slide->subtitle);
    free(slide->body);
    free(slide->room);
    free(slide->chair);
    for (size_t i = 0; i < slide->speaker_count; i++)
        free(slide->speakers[i]);
    free(slide->speakers);
    free(slide->description);
    for (size_t i = 0; i < slide->partner_count; i++) {
        free(slide->partners[i].name);
        free(slide->partners[i].logo);
    }
    free(slide->partners);
    memset(slide, 0, sizeof *slide);
}

void programme_free(struct programme *prog)
{
    if (!prog)
        return;
    free(prog->content_dir);
    free(prog->event.name);
    free(prog->event.tagline);
    free(prog->event.place);
    free(prog->event.website);
    theme_free(&prog->theme);
    for (size_t i = 0; i < prog->slide_count; i++)
        slide_free(&prog->slides[i]);
    free(prog->slides);
    memset(prog, 0, sizeof *prog);
}

int slide_duration_ms(const struct programme *prog, const struct slide *slide)
{
    return slide->duration_ms > 0 ? slide->duration_ms : prog->theme.slide_ms;
}

const char *slide_kind_name(enum slide_kind kind)
{
    static const char *const names[] = {"headline", "session", "partners"};
    return names[kind];
}
