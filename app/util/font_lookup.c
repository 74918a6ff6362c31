/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Installed fonts and their files, through fontconfig. */
#include "font_lookup.h"

#include "str.h"

#include <fontconfig/fontconfig.h>
#include <stddef.h>
#include <string.h>

bool font_lookup_usable(const char *path)
{
    int faces = 0;
    FcPattern *face = FcFreeTypeQuery((const FcChar8 *)path, 0, NULL, &faces);
    if (face)
        FcPatternDestroy(face);
    return face != NULL;
}

bool font_lookup_installed(const char *pattern)
{
    FcPattern *pat = FcNameParse((const FcChar8 *)pattern);
    FcObjectSet *wanted = FcObjectSetBuild(FC_FILE, (char *)0);
    FcFontSet *found = pat && wanted ? FcFontList(NULL, pat, wanted) : NULL;
    bool installed = found && found->nfont > 0;
    if (found)
        FcFontSetDestroy(found);
    if (wanted)
        FcObjectSetDestroy(wanted);
    if (pat)
        FcPatternDestroy(pat);
    return installed;
}

char *font_lookup_file(const char *pattern)
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

char *font_lookup_fallback(uint32_t cp, bool bold)
{
    FcPattern *pat = FcPatternCreate();
    FcCharSet *set = FcCharSetCreate();
    char *file = NULL;
    if (pat && set && FcCharSetAddChar(set, cp)) {
        FcPatternAddCharSet(pat, FC_CHARSET, set);
        FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)"sans-serif");
        FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
        FcConfigSubstitute(NULL, pat, FcMatchPattern);
        FcDefaultSubstitute(pat);
        FcResult result;
        FcPattern *match = FcFontMatch(NULL, pat, &result);
        FcCharSet *has;
        FcChar8 *path;
        if (match && FcPatternGetCharSet(match, FC_CHARSET, 0, &has) == FcResultMatch &&
            FcCharSetHasChar(has, cp) &&
            FcPatternGetString(match, FC_FILE, 0, &path) == FcResultMatch)
            file = str_dup((const char *)path);
        FcPatternDestroy(match);
    }
    if (set)
        FcCharSetDestroy(set);
    if (pat)
        FcPatternDestroy(pat);
    return file;
}
