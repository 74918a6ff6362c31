/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Fonts: found through font_lookup (fontconfig), set with SDL_ttf (with HarfBuzz). */
#include "../limits.h"
#include "fonts.h"
#include "rw.h"

#include "../layout/bidi.h"
#include "../util/file_read.h"
#include "../util/font_lookup.h"
#include "../util/log.h"
#include "../util/hash.h"
#include "../util/str.h"

#include <SDL_ttf.h>
#include <hb-ot.h>
#include <hb.h>
#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { OPEN_PX = 32, MAX_FACES = 12, MAX_RUNS = 64 };

/* One font file opened in one style: the theme's, or one found for letters
 * the theme's font lacks. */
struct face {
    TTF_Font *font; /* for measuring, at whatever size was last asked */
    enum font_style style;
    char *file;
    int px;                     /* the size it is set at now */
    const unsigned char *bytes; /* the file, when it is read into memory; else NULL */
    size_t size;
    bool colour; /* it may have letters in colour (emoji): lines drawn in colour */
};

/* A face opened again at one size, for drawing: SDL_ttf keeps the glyphs
 * it has drawn in each font until TTF_SetFontSize(), so with a font for
 * each size in use, a slide's letters are drawn again from that cache
 * when the next slide has them at the same size. Opened from the bytes in
 * memory, which every size shares. */
struct drawing_font {
    TTF_Font *font; /* NULL: free */
    const struct face *face;
    int px;
    uint64_t used; /* for the least recently used to make room */
};

/* Widths measured before, by a hash of style, size and text: layout
 * measures the same words again at each size it tries and each time the
 * programme is rebuilt, and a width costs a font resize and a shaping. */
enum { WIDTH_CACHE_SIZE = 8192 };

struct known_width {
    uint64_t key; /* 0: empty */
    int width;
};

struct fonts {
    struct face faces[MAX_FACES]; /* [0] regular, [1] bold, then fallbacks */
    int count;
    struct known_width widths[WIDTH_CACHE_SIZE];
    struct drawing_font drawing[FONT_SIZES_KEPT];
    uint64_t use_clock;
};

/* The font file open as fd, read whole into memory: FreeType then loads
 * each glyph without a seek and a read of the file, and a file changed in
 * place later never reaches it. NULL when it is too large or unreadable. */
static SDL_RWops *read_font_bytes(int fd, off_t size, unsigned char **kept)
{
    if (size <= 0 || size > FONT_IN_MEMORY_MAX)
        return NULL;
    unsigned char *bytes = malloc((size_t)size);
    size_t got = 0;
    while (bytes && got < (size_t)size) {
        ssize_t n = read(fd, bytes + got, (size_t)size - got);
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    SDL_RWops *rw = bytes && got == (size_t)size ? SDL_RWFromConstMem(bytes, (int)size) : NULL;
    if (!rw) {
        free(bytes);
        return NULL;
    }
    *kept = bytes; /* the face's, freed with it */
    return rw;
}

/* Whether the font file in bytes (NULL: not read) may have letters in
 * colour: tables of colour layers, pictures or SVG. */
static bool has_colour_letters(const unsigned char *bytes, size_t size)
{
    if (!bytes)
        return true;
    hb_blob_t *blob =
        hb_blob_create((const char *)bytes, (unsigned)size, HB_MEMORY_MODE_READONLY, NULL, NULL);
    hb_face_t *face = hb_face_create(blob, 0);
    bool colour =
        hb_ot_color_has_layers(face) || hb_ot_color_has_png(face) || hb_ot_color_has_svg(face);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return colour;
}

/* Opens the font file at path without blocking (a FIFO or device in its
 * place never hangs the show), when it is a regular file, into face (its
 * font, and its bytes when they are read into memory); false with the
 * reason in why when it cannot. */
static bool open_font_file(const char *path, struct face *face, char *why, size_t why_size)
{
    off_t size = 0;
    int fd = file_read_open(path, &size, why, why_size);
    if (fd < 0)
        return false;
    unsigned char *bytes = NULL;
    SDL_RWops *rw = read_font_bytes(fd, size, &bytes);
    if (rw)
        close(fd);
    else if (lseek(fd, 0, SEEK_SET) == 0)
        rw = rw_from_fd(fd); /* not held in memory: read from the file */
    else
        close(fd);
    face->font = rw ? TTF_OpenFontRW(rw, 1, OPEN_PX) : NULL;
    face->px = OPEN_PX;
    face->bytes = face->font ? bytes : NULL;
    face->size = face->font ? (size_t)size : 0;
    face->colour = has_colour_letters(face->bytes, face->size);
    if (!face->font)
        free(bytes);
    else
        TTF_SetFontHinting(face->font, TTF_HINTING_LIGHT);
    return face->font != NULL;
}

/* The face of the font pattern names (else fallback's) in style. */
static struct face open_face(const char *pattern, const char *fallback, enum font_style style)
{
    const char *tries[] = {pattern, fallback};
    struct face face = {.style = style};
    for (size_t i = 0; i < 2; i++) {
        if (!tries[i])
            continue;
        char *file = font_lookup_file(tries[i]);
        char why[128] = "";
        if (file && open_font_file(file, &face, why, sizeof why)) {
            LOG(LOG_DEBUG, "fonts", "'%s' is %s", tries[i], file);
            free(file);
            return face;
        }
        LOG(LOG_WARN, "fonts", "font '%s' (%s) cannot be opened%s%s", tries[i],
            file ? file : "not found", why[0] ? ": " : "", why);
        free(file);
    }
    return face;
}

struct fonts *fonts_open(const struct theme *theme, char *err, size_t err_size)
{
    struct fonts *fonts = calloc(1, sizeof *fonts);
    if (!fonts) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    fonts->faces[FONT_REGULAR] = open_face(theme->font, "Noto Sans", FONT_REGULAR);
    fonts->faces[FONT_BOLD] = open_face(theme->font_bold, "Noto Sans:bold", FONT_BOLD);
    fonts->count = 2;
    TTF_Font *regular = fonts->faces[FONT_REGULAR].font;
    if (!fonts->faces[FONT_BOLD].font && regular) {
        fonts->faces[FONT_BOLD] = open_face(theme->font, "Noto Sans", FONT_BOLD);
        if (fonts->faces[FONT_BOLD].font)
            TTF_SetFontStyle(fonts->faces[FONT_BOLD].font, TTF_STYLE_BOLD);
    }
    TTF_Font *bold = fonts->faces[FONT_BOLD].font;
    int probe = regular && bold ? -1 : open("/dev/null", O_RDONLY | O_CLOEXEC);
    bool out_of_files = !(regular && bold) && probe < 0 && (errno == EMFILE || errno == ENFILE);
    if (probe >= 0)
        close(probe);
    if (out_of_files) {
        snprintf(err, err_size,
                 "no font can be opened: too many open files (raise the limit: ulimit -n, or "
                 "LimitNOFILE= in the unit)");
        fonts_close(fonts);
        return NULL;
    }
    if (!regular || !bold) {
        snprintf(err, err_size,
                 "no usable font: install fonts-noto-core (apt-get install fonts-noto-core) "
                 "or name a font file in theme.yaml");
        fonts_close(fonts);
        return NULL;
    }
    return fonts;
}

void fonts_close(struct fonts *fonts)
{
    if (!fonts)
        return;
    for (int i = 0; i < FONT_SIZES_KEPT; i++)
        if (fonts->drawing[i].font)
            TTF_CloseFont(fonts->drawing[i].font);
    for (int i = 0; i < fonts->count; i++) {
        if (fonts->faces[i].font)
            TTF_CloseFont(fonts->faces[i].font);
        free(fonts->faces[i].file);
        free((void *)fonts->faces[i].bytes);
    }
    free(fonts);
}

static TTF_Font *sized(struct face *face, int px)
{
    if (px < 1)
        px = 1;
    if (face->px != px && TTF_SetFontSize(face->font, px) == 0)
        face->px = px;
    return face->font;
}

/* The face that draws cp in style: the theme's if it can, else a fallback
 * (found once and kept); the theme's when no font has it. */
static struct face *face_for(struct fonts *fonts, enum font_style style, uint32_t cp)
{
    struct face *primary = &fonts->faces[style];
    if (cp <= ' ' || TTF_GlyphIsProvided32(primary->font, cp))
        return primary;
    for (int i = 2; i < fonts->count; i++)
        if (fonts->faces[i].style == style && TTF_GlyphIsProvided32(fonts->faces[i].font, cp))
            return &fonts->faces[i];
    if (fonts->count == MAX_FACES)
        return primary;
    char *file = font_lookup_fallback(cp, style == FONT_BOLD);
    for (int i = 2; file && i < fonts->count; i++) {
        if (fonts->faces[i].style == style && strcmp(fonts->faces[i].file, file) == 0) {
            free(file); /* that font was asked already and lacks it too */
            return primary;
        }
    }
    struct face found = {.style = style};
    if (!file || !open_font_file(file, &found, NULL, 0)) {
        free(file);
        return primary;
    }
    LOG(LOG_DEBUG, "fonts", "U+%04X comes from %s", (unsigned)cp, file);
    found.file = file;
    fonts->faces[fonts->count] = found;
    return &fonts->faces[fonts->count++];
}

/* The code point at text[*i], stepping *i past it. */
static uint32_t next_code_point(const char *text, size_t *i)
{
    size_t len;
    uint32_t cp = utf8_decode(text + *i, 4, &len); /* text ends in a NUL, which stops it */
    *i += len ? len : 1;
    return cp;
}

/* The ISO 15924 name ("Arab", "Cyrl") of the script HarfBuzz shapes a
 * piece of text in: that of its first character of a script of its own
 * (HarfBuzz knows every character's), "Zyyy" when it has none. */
static void script_of(const char *text, size_t n, char name[5])
{
    hb_unicode_funcs_t *unicode = hb_unicode_funcs_get_default();
    hb_script_t script = HB_SCRIPT_COMMON;
    for (size_t i = 0; i < n && (script == HB_SCRIPT_COMMON || script == HB_SCRIPT_INHERITED ||
                                 script == HB_SCRIPT_UNKNOWN);)
        script = hb_unicode_script(unicode, next_code_point(text, &i));
    if (script == HB_SCRIPT_INHERITED || script == HB_SCRIPT_UNKNOWN)
        script = HB_SCRIPT_COMMON;
    hb_tag_to_string(hb_script_to_iso15924_tag(script), name);
    name[4] = '\0';
}

/* A piece of a line set in one face and one direction. */
struct segment {
    struct face *face;
    size_t start, length;
    bool rtl;
};

/* The line's segments in the order they stand on screen, left to right. */
static size_t segments_of(struct fonts *fonts, enum font_style style, const char *text, size_t n,
                          bool rtl, struct segment *out, size_t max)
{
    struct bidi_run runs[MAX_RUNS];
    size_t run_count = bidi_visual_runs(text, n, rtl, runs, MAX_RUNS);
    size_t count = 0;
    for (size_t r = 0; r < run_count; r++) {
        size_t first = count;
        const char *run = text + runs[r].start;
        for (size_t i = 0; i < runs[r].length && count < max;) {
            size_t at = i;
            struct face *face = face_for(fonts, style, next_code_point(run, &i));
            bool same = count > first && out[count - 1].face == face;
            if (same)
                out[count - 1].length = runs[r].start + i - out[count - 1].start;
            else
                out[count++] = (struct segment){face, runs[r].start + at, i - at, runs[r].rtl};
        }
        if (runs[r].rtl) /* right to left: its pieces stand in reverse */
            for (size_t a = first, b = count ? count - 1 : 0; a < b; a++, b--) {
                struct segment t = out[a];
                out[a] = out[b];
                out[b] = t;
            }
    }
    return count;
}

/* The face at px for drawing: its font opened at that size, kept among
 * the FONT_SIZES_KEPT last used; the measuring font set to px when the face
 * is not in memory or cannot be opened again. */
static TTF_Font *drawing(struct fonts *fonts, struct face *face, int px)
{
    px = px < 1 ? 1 : px;
    struct drawing_font *slot = &fonts->drawing[0];
    for (int i = 0; i < FONT_SIZES_KEPT; i++) {
        struct drawing_font *d = &fonts->drawing[i];
        if (d->font && d->face == face && d->px == px) {
            d->used = ++fonts->use_clock;
            return d->font;
        }
        if (d->used < slot->used)
            slot = d;
    }
    SDL_RWops *rw = face->bytes ? SDL_RWFromConstMem(face->bytes, (int)face->size) : NULL;
    TTF_Font *font = rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
    if (!font)
        return sized(face, px);
    TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
    TTF_SetFontStyle(font, TTF_GetFontStyle(face->font));
    if (slot->font)
        TTF_CloseFont(slot->font);
    *slot = (struct drawing_font){font, face, px, ++fonts->use_clock};
    return font;
}

/* Prepares font to shape the segment: its direction and script. */
static TTF_Font *ready(TTF_Font *font, const struct segment *seg, const char *text)
{
    TTF_SetFontDirection(font, seg->rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
    char script[5];
    script_of(text + seg->start, seg->length, script);
    TTF_SetFontScriptName(font, script);
    return font;
}

int fonts_text_width(struct fonts *fonts, enum font_style style, int px, const char *text, size_t n)
{
    uint64_t key =
        hash_bytes(hash_number(hash_number(HASH_START, (uint64_t)style), (uint64_t)px), text, n) |
        1;
    struct known_width *known = &fonts->widths[key % WIDTH_CACHE_SIZE];
    if (known->key == key)
        return known->width;
    struct segment segs[MAX_RUNS];
    size_t count = segments_of(fonts, style, text, n, bidi_is_rtl(text, n), segs, MAX_RUNS);
    int total = 0;
    for (size_t i = 0; i < count; i++) {
        char *piece = str_ndup(text + segs[i].start, segs[i].length);
        int w = 0, h = 0;
        if (piece)
            TTF_SizeUTF8(ready(sized(segs[i].face, px), &segs[i], text), piece, &w, &h);
        free(piece);
        total += w;
    }
    *known = (struct known_width){key, total};
    return total;
}

void fonts_metrics(struct fonts *fonts, enum font_style style, int px, int *ascent, int *descent)
{
    TTF_Font *font = sized(&fonts->faces[style], px);
    *ascent = TTF_FontAscent(font);
    *descent = -TTF_FontDescent(font);
}

uint32_t fonts_first_missing(struct fonts *fonts, enum font_style style, const char *text)
{
    for (size_t i = 0; text[i];) {
        uint32_t cp = next_code_point(text, &i);
        struct face *face = face_for(fonts, style, cp);
        if (cp > ' ' && !TTF_GlyphIsProvided32(face->font, cp))
            return cp;
    }
    return 0;
}

/* A piece of a line: as a mask, unless in colour. */
static SDL_Surface *draw_piece(TTF_Font *font, const char *piece, bool in_colour,
                               struct rgba colour)
{
    if (in_colour)
        return TTF_RenderUTF8_Blended(font, piece,
                                      (SDL_Color){colour.r, colour.g, colour.b, colour.a});
    /* shaded from black to white: each pixel's palette index is its cover */
    return TTF_RenderUTF8_Shaded(font, piece, (SDL_Color){255, 255, 255, 255},
                                 (SDL_Color){0, 0, 0, 255});
}

/* The pieces side by side on a line of their kind, from the baseline
 * `above` below its top; frees them. */
static SDL_Surface *join_pieces(SDL_Surface **pieces, const int *ascents, size_t count,
                                bool in_colour, int width, int above, int below)
{
    SDL_Surface *line =
        width > 0 ? SDL_CreateRGBSurfaceWithFormat(0, width, above + below, in_colour ? 32 : 8,
                                                   in_colour ? SDL_PIXELFORMAT_ARGB8888
                                                             : SDL_PIXELFORMAT_INDEX8)
                  : NULL;
    int x = 0;
    for (size_t i = 0; i < count; i++) {
        if (!pieces[i])
            continue;
        SDL_Rect at = {x, above - ascents[i], pieces[i]->w, pieces[i]->h};
        if (line && in_colour) {
            SDL_SetSurfaceBlendMode(pieces[i], SDL_BLENDMODE_NONE);
            SDL_BlitSurface(pieces[i], NULL, line, &at);
        } else if (line) { /* the covers copied as they are */
            for (int y = 0; y < at.h; y++)
                memcpy((uint8_t *)line->pixels + (size_t)(at.y + y) * (size_t)line->pitch + at.x,
                       (uint8_t *)pieces[i]->pixels + (size_t)y * (size_t)pieces[i]->pitch,
                       (size_t)at.w);
        }
        x += pieces[i]->w;
        SDL_FreeSurface(pieces[i]);
    }
    return line;
}

SDL_Surface *fonts_draw_line(struct fonts *fonts, enum font_style style, int px, const char *text,
                             bool rtl, struct rgba colour, int *ascent)
{
    size_t n = strlen(text);
    struct segment segs[MAX_RUNS];
    size_t count = n ? segments_of(fonts, style, text, n, rtl, segs, MAX_RUNS) : 0;
    bool in_colour = false;
    for (size_t i = 0; i < count; i++)
        in_colour = in_colour || segs[i].face->colour;
    SDL_Surface *pieces[MAX_RUNS] = {0};
    int ascents[MAX_RUNS] = {0};
    int width = 0, above = 0, below = 0;
    for (size_t i = 0; i < count; i++) {
        char *piece = str_ndup(text + segs[i].start, segs[i].length);
        TTF_Font *font = ready(drawing(fonts, segs[i].face, px), &segs[i], text);
        pieces[i] = piece ? draw_piece(font, piece, in_colour, colour) : NULL;
        free(piece);
        if (!pieces[i])
            continue;
        ascents[i] = TTF_FontAscent(font);
        width += pieces[i]->w;
        if (ascents[i] > above)
            above = ascents[i];
        if (pieces[i]->h - ascents[i] > below)
            below = pieces[i]->h - ascents[i];
    }
    *ascent = above;
    if (count == 1 && pieces[0]) /* one font, one direction: the line as drawn */
        return pieces[0];
    return join_pieces(pieces, ascents, count, in_colour, width, above, below);
}
