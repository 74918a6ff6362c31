/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Catalogs read once through gettext into a table. */
#include "translate.h"

#include "array.h"

#include <dirent.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DOMAIN "hallscreen"

enum { MAX_LANGUAGES = 16 };

/* Every phrase the program writes on screen: the msgids of the catalogs. */
static const char *const phrases[] = {
    /* marks of sessions and rows of a room's board */
    N_("Now"),
    N_("Next"),
    N_("Now \u00b7 ends %s"),
    N_("Next \u00b7 in %d min"),
    N_("Next \u00b7 at %s"),
    N_("Later today \u00b7 %s"),
    N_("Now \u00b7 %d min left \u00b7 until %s"),
    N_("Next \u00b7 in %d min \u00b7 %s"),
    N_("Next \u00b7 %s"),
    /* headings and labels */
    N_("Up next"),
    N_("Now and next"),
    N_("That was today's programme"),
    N_("Coming soon"),
    N_("The event has ended"),
    N_("Nothing more in this room today"),
    N_("The programme resumes %s"),
    N_("The programme starts %s"),
    N_("The programme resumes tomorrow"),
    N_("The programme starts on %s"),
    N_("Thank you for joining %s."),
    N_("Thank you for joining us."),
    N_("Session"),
    N_("Chair"),
    N_("Speaker"),
    N_("Speakers"),
    N_("Partners"),
    N_("Notice"),
    N_("No slides to show yet"),
    /* what changed since the printed programme (show/changes.c); a room's
     * state from rooms.yaml (show/rooms_state.c) */
    N_("Moved from %s"),
    N_("%1$s (was %2$s)"),
    N_("from %s"),
    N_("was %s"),
    N_("Moved to %1$s \u00b7 %2$s"),
    N_("Moved to %s"),
    N_("to %1$s \u00b7 %2$s"),
    N_("to %s"),
    N_("Cancelled"),
    N_("New"),
    N_("%d min late"),
    N_("Room empty"),
    N_("Room full"),
    N_("Room too full: please find another"),
    /* a door sign's and a board's */
    N_("Free until %s"),
    N_("%d min left"),
    N_("Now \u00b7 until %s"),
    N_("until %s"),
    N_("Not recorded"),
    N_("About this talk"),
    N_("Feedback on this talk"),
    /* the stage timer (--timer) */
    N_("Starts in"),
    N_("Time left"),
    N_("Over time"),
    N_("Held"),
    /* dates: a moment, a day, a span of days, and the footer's clock; the
     * months as a date has them (genitive, where a language says so) */
    N_("%1$s at %2$s"),
    N_("%1$s %2$d %3$s %4$d"),
    N_("%1$d %2$s %3$d"),
    N_("%1$d\u2013%2$d %3$s %4$d"),
    N_("%1$d %2$s \u2013 %3$d %4$s %5$d"),
    N_("%1$d %2$s %3$d \u2013 %4$d %5$s %6$d"),
    N_("%1$s %2$d %3$s %4$d  %5$s"),
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
    /* short names, in gettext's context form ("short" \004 name) */
    N_("short\004Jan"),
    N_("short\004Feb"),
    N_("short\004Mar"),
    N_("short\004Apr"),
    N_("short\004May"),
    N_("short\004Jun"),
    N_("short\004Jul"),
    N_("short\004Aug"),
    N_("short\004Sep"),
    N_("short\004Oct"),
    N_("short\004Nov"),
    N_("short\004Dec"),
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
    N_("short\004Mon"),
    N_("short\004Tue"),
    N_("short\004Wed"),
    N_("short\004Thu"),
    N_("short\004Fri"),
    N_("short\004Sat"),
    N_("short\004Sun"),
};

static struct {
    char code[16];
    const char *text[COUNT(phrases)];
} languages[MAX_LANGUAGES];
static size_t language_count;
static char known_list[256] = "en";

extern int _nl_msg_cat_cntr; /* GNU gettext: bumped when LANGUAGE changes */

/* The languages of the catalogs under dir, as its folder names. */
static void read_catalogs(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *entry;
    while (d && (entry = readdir(d)) && language_count < MAX_LANGUAGES) {
        char mo[1024];
        struct stat st;
        size_t n = strlen(entry->d_name);
        if (entry->d_name[0] == '.' || n >= sizeof languages[0].code ||
            snprintf(mo, sizeof mo, "%s/%s/LC_MESSAGES/" DOMAIN ".mo", dir, entry->d_name) >=
                (int)sizeof mo ||
            stat(mo, &st) != 0)
            continue;
        memcpy(languages[language_count].code, entry->d_name, n + 1);
        language_count++;
    }
    if (d)
        closedir(d);
}

void translate_init(const char *locale_dir)
{
    /* gettext ignores LANGUAGE under the "C" locale; C.UTF-8 is built into
     * the C library, generated or not. */
    char *saved_locale = setlocale(LC_MESSAGES, NULL);
    saved_locale = saved_locale ? strdup(saved_locale) : NULL;
    char *saved_language = getenv("LANGUAGE") ? strdup(getenv("LANGUAGE")) : NULL;
    if (!setlocale(LC_MESSAGES, "C.UTF-8") || !bindtextdomain(DOMAIN, locale_dir))
        goto restore;
    bind_textdomain_codeset(DOMAIN, "UTF-8");
    read_catalogs(locale_dir);
    for (size_t l = 0; l < language_count; l++) {
        setenv("LANGUAGE", languages[l].code, 1);
        ++_nl_msg_cat_cntr;
        for (size_t i = 0; i < COUNT(phrases); i++)
            languages[l].text[i] = dgettext(DOMAIN, phrases[i]); /* stays mapped */
        size_t used = strlen(known_list);
        snprintf(known_list + used, sizeof known_list - used, ", %.15s", languages[l].code);
    }
restore:
    if (saved_language)
        setenv("LANGUAGE", saved_language, 1);
    else
        unsetenv("LANGUAGE");
    ++_nl_msg_cat_cntr;
    setlocale(LC_MESSAGES, saved_locale ? saved_locale : "C");
    free(saved_locale);
    free(saved_language);
}

static int find_language(const char *code)
{
    for (size_t l = 0; code && l < language_count; l++)
        if (strcmp(languages[l].code, code) == 0)
            return (int)l;
    return -1;
}

bool translate_known(const char *language)
{
    return !language || strcmp(language, "en") == 0 || find_language(language) >= 0;
}

const char *translate_known_list(void)
{
    return known_list;
}

const char *tr(const char *language, const char *msgid)
{
    int l = find_language(language);
    for (size_t i = 0; l >= 0 && i < COUNT(phrases); i++)
        if (strcmp(phrases[i], msgid) == 0 && languages[l].text[i] != phrases[i])
            return languages[l].text[i];
    const char *context_end = strchr(msgid, '\004');
    return context_end ? context_end + 1 : msgid;
}

void tr_each(char *const *codes, size_t count, const char *msgid, char *buf, size_t size)
{
    const char *first = tr(count ? codes[0] : NULL, msgid);
    const char *second = count > 1 ? tr(codes[1], msgid) : first;
    if (strcmp(first, second) == 0)
        snprintf(buf, size, "%s", first);
    else
        snprintf(buf, size, "%s / %s", first, second);
}
