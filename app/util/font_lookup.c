/* Font families through fontconfig's list of installed fonts. */
#include "font_lookup.h"

#include <fontconfig/fontconfig.h>
#include <stddef.h>

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
