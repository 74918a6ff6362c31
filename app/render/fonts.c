/* Fonts: fontconfig to find them, SDL_ttf (with HarfBuzz) to set them. */
#include "fonts.h"

#include "../util/log.h"
#include "../util/str.h"

#include <SDL_ttf.h>
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { OPEN_PX = 32 };

struct fonts {
    TTF_Font *face[2]; /* by enum font_style */
    int px[2];         /* the size each face is set at now */
};

/* The file for a fontconfig pattern, or the pattern itself when it is a path. */
static char *find_font_file(const char *pattern)
{
    if (strchr(pattern, '/'))
        return str_dup(pattern);
    FcPattern *pat = FcNameParse((const FcChar8 *)pattern);
    if (!pat)
        return NULL;
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result;
    FcPattern *match = FcFontMatch(NULL, pat, &result);
    char *file = NULL;
    FcChar8 *path;
    if (match && FcPatternGetString(match, FC_FILE, 0, &path) == FcResultMatch)
        file = str_dup((const char *)path);
    FcPatternDestroy(match);
    FcPatternDestroy(pat);
    return file;
}

static TTF_Font *open_face(const char *pattern, const char *fallback)
{
    const char *tries[] = {pattern, fallback};
    for (size_t i = 0; i < 2; i++) {
        if (!tries[i])
            continue;
        char *file = find_font_file(tries[i]);
        TTF_Font *face = file ? TTF_OpenFont(file, OPEN_PX) : NULL;
        if (face) {
            LOG(LOG_DEBUG, "fonts", "'%s' is %s", tries[i], file);
            TTF_SetFontHinting(face, TTF_HINTING_LIGHT);
            free(file);
            return face;
        }
        LOG(LOG_WARN, "fonts", "font '%s' (%s) cannot be opened", tries[i],
            file ? file : "not found");
        free(file);
    }
    return NULL;
}

struct fonts *fonts_open(const struct theme *theme, char *err, size_t err_size)
{
    struct fonts *fonts = calloc(1, sizeof *fonts);
    if (!fonts) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    fonts->face[FONT_REGULAR] = open_face(theme->font, "Noto Sans");
    fonts->face[FONT_BOLD] = open_face(theme->font_bold, "Noto Sans:bold");
    if (!fonts->face[FONT_BOLD] && fonts->face[FONT_REGULAR]) {
        fonts->face[FONT_BOLD] = open_face(theme->font, "Noto Sans");
        if (fonts->face[FONT_BOLD])
            TTF_SetFontStyle(fonts->face[FONT_BOLD], TTF_STYLE_BOLD);
    }
    if (!fonts->face[FONT_REGULAR] || !fonts->face[FONT_BOLD]) {
        snprintf(err, err_size,
                 "no usable font: install fonts-noto-core (apt-get install fonts-noto-core) "
                 "or name a font file in theme.yaml");
        fonts_close(fonts);
        return NULL;
    }
    fonts->px[0] = fonts->px[1] = OPEN_PX;
    return fonts;
}

void fonts_close(struct fonts *fonts)
{
    if (!fonts)
        return;
    for (int i = 0; i < 2; i++)
        if (fonts->face[i])
            TTF_CloseFont(fonts->face[i]);
    free(fonts);
}

static TTF_Font *face_at(struct fonts *fonts, enum font_style style, int px)
{
    if (px < 1)
        px = 1;
    if (fonts->px[style] != px && TTF_SetFontSize(fonts->face[style], px) == 0)
        fonts->px[style] = px;
    return fonts->face[style];
}

int fonts_text_width(struct fonts *fonts, enum font_style style, int px, const char *text, size_t n)
{
    char stack[256];
    char *copy = n < sizeof stack ? stack : malloc(n + 1);
    if (!copy)
        return 0;
    memcpy(copy, text, n);
    copy[n] = '\0';
    int w = 0, h = 0;
    TTF_SizeUTF8(face_at(fonts, style, px), copy, &w, &h);
    if (copy != stack)
        free(copy);
    return w;
}

void fonts_metrics(struct fonts *fonts, enum font_style style, int px, int *ascent, int *descent)
{
    TTF_Font *face = face_at(fonts, style, px);
    *ascent = TTF_FontAscent(face);
    *descent = -TTF_FontDescent(face);
}

SDL_Surface *fonts_draw_line(struct fonts *fonts, enum font_style style, int px, const char *text,
                             struct rgba colour)
{
    if (!text[0])
        return NULL;
    SDL_Color c = {colour.r, colour.g, colour.b, colour.a};
    return TTF_RenderUTF8_Blended(face_at(fonts, style, px), text, c);
}

uint32_t fonts_first_missing(struct fonts *fonts, enum font_style style, const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p;) {
        size_t len = utf8_char_len((const char *)p);
        uint32_t cp = len == 1 ? p[0] : (uint32_t)(p[0] & (0x7f >> len));
        for (size_t i = 1; i < len; i++)
            cp = (cp << 6) | (p[i] & 0x3f);
        if (cp > ' ' && !TTF_GlyphIsProvided32(fonts->face[style], cp))
            return cp;
        p += len;
    }
    return 0;
}
