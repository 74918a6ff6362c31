/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The field tables of theme, event, alert and slide files, and their
 * parsers: a file's text to a programme part. */
#include "../limits.h"
#include "loader.h"

#include "fields.h"
#include "theme_built_in.h"
#include "../watch/settle.h"
#include "../util/array.h"
#include "../util/qr.h"
#include "../util/str.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define SLIDE_FIELD(field_name, field_type, member, is_required)                                   \
    {                                                                                              \
        .name = field_name, .type = field_type, .offset = offsetof(struct slide, member),          \
        .required = is_required                                                                    \
    }
#define SLIDE_LIST(field_name, field_type, member, count, most)                                    \
    {                                                                                              \
        .name = field_name, .type = field_type, .offset = offsetof(struct slide, member),          \
        .count_offset = offsetof(struct slide, count), .max = most                                 \
    }
/* A slide stands at least this long: shorter is a strobe, not a slide. */
#define SLIDE_DURATION(field_name, struct_name, member)                                            \
    {                                                                                              \
        .name = field_name, .type = FIELD_DURATION,                                                \
        .offset = offsetof(struct struct_name, member), .min = MIN_SLIDE_MS                        \
    }

#define QR_FIELDS                                                                                  \
    SLIDE_FIELD("qr", FIELD_TEXT, qr, false),                                                      \
        SLIDE_FIELD("qr_caption", FIELD_TEXT, qr_caption, false),                                  \
    {                                                                                              \
        .name = "qr_size", .type = FIELD_PERCENT, .offset = offsetof(struct slide, qr_size),       \
        .min = 10, .max = 60                                                                       \
    }

enum {
    MIN_SLIDE_MS = 2000,
    MAX_TRANSITION_MS = 5000,
    MAX_LOOPS = 1000,
    MAX_PARTNERS = 1000,
};

static const struct field event_fields[] = {
    {.name = "name",
     .type = FIELD_TEXT,
     .offset = offsetof(struct event, name),
     .count_offset = 0,
     .required = true},
    {.name = "timezone",
     .type = FIELD_ZONE,
     .offset = offsetof(struct event, timezone),
     .count_offset = 0,
     .required = false},
    {.name = "tagline",
     .type = FIELD_TEXT,
     .offset = offsetof(struct event, tagline),
     .count_offset = 0,
     .required = false},
    {.name = "place",
     .type = FIELD_TEXT,
     .offset = offsetof(struct event, place),
     .count_offset = 0,
     .required = false},
    {.name = "website",
     .type = FIELD_TEXT,
     .offset = offsetof(struct event, website),
     .count_offset = 0,
     .required = false},
    {.name = "first_day",
     .type = FIELD_DATE,
     .offset = offsetof(struct event, first_day),
     .count_offset = 0,
     .required = false},
    {.name = "last_day",
     .type = FIELD_DATE,
     .offset = offsetof(struct event, last_day),
     .count_offset = 0,
     .required = false},
    {.name = "logo", .type = FIELD_FILE, .offset = offsetof(struct event, logo)},
    {.name = "schedule",
     .type = FIELD_SCHEDULES,
     .offset = offsetof(struct event, schedules),
     .count_offset = offsetof(struct event, schedule_count),
     .max = 8},
    {.name = "language",
     .type = FIELD_TEXT_LIST,
     .offset = offsetof(struct event, languages),
     .count_offset = offsetof(struct event, language_count),
     .max = 2},
    {.name = "lookahead",
     .type = FIELD_MINUTES,
     .offset = offsetof(struct event, lookahead_minutes),
     .max = 24 * 60},
    {.name = "sync", .type = FIELD_FLAG, .offset = offsetof(struct event, sync)},
    {.name = "rooms",
     .type = FIELD_ROOMS,
     .offset = offsetof(struct event, rooms),
     .count_offset = offsetof(struct event, room_count)},
    {.name = "talk_qr", .type = FIELD_TALK_QR, .offset = offsetof(struct event, talk_qr)},
};

#define THEME_COLOUR(member)                                                                       \
    {                                                                                              \
        .name = #member, .type = FIELD_COLOUR, .offset = offsetof(struct theme, member)            \
    }
static const struct field theme_fields[] = {
    THEME_COLOUR(background),
    THEME_COLOUR(background_end),
    THEME_COLOUR(text),
    THEME_COLOUR(accent),
    THEME_COLOUR(secondary),
    THEME_COLOUR(muted),
    THEME_COLOUR(footer_background),
    THEME_COLOUR(footer_text),
    THEME_COLOUR(card),
    THEME_COLOUR(now),
    THEME_COLOUR(alert_background),
    THEME_COLOUR(alert_text),
    {.name = "largest_text",
     .type = FIELD_PERCENT,
     .offset = offsetof(struct theme, largest_text),
     .min = 4,
     .max = 30},
    {.name = "smallest_text",
     .type = FIELD_PERCENT,
     .offset = offsetof(struct theme, smallest_text),
     .min = 2,
     .max = 10},
    {.name = "font", .type = FIELD_FONT, .offset = offsetof(struct theme, font)},
    {.name = "font_bold", .type = FIELD_FONT, .offset = offsetof(struct theme, font_bold)},
    SLIDE_DURATION("slide_duration", theme, slide_ms),
    {.name = "transition",
     .type = FIELD_TRANSITION,
     .offset = offsetof(struct theme, transition),
     .count_offset = 0,
     .required = false},
    {.name = "background_image",
     .type = FIELD_FILE,
     .offset = offsetof(struct theme, background_image)},
    {.name = "tracks",
     .type = FIELD_TRACKS,
     .offset = offsetof(struct theme, tracks),
     .count_offset = offsetof(struct theme, track_count)},
    {.name = "transition_duration",
     .type = FIELD_DURATION,
     .offset = offsetof(struct theme, transition_ms),
     .max = MAX_TRANSITION_MS},
};

#define DIRECTION_OF(field_name, member)                                                           \
    {                                                                                              \
        .name = field_name, .type = FIELD_DIRECTION,                                               \
        .offset = offsetof(struct slide, directions.member)                                        \
    }

static const struct field directions_fields[] = {
    DIRECTION_OF("label", label),
    DIRECTION_OF("title", title),
    DIRECTION_OF("subtitle", subtitle),
    DIRECTION_OF("body", body),
    DIRECTION_OF("chair", chair),
    DIRECTION_OF("speakers", speakers),
    DIRECTION_OF("description", description),
};

static const struct field headline_translation[] = {
    DIRECTION_OF("direction", translation),
    SLIDE_FIELD("title", FIELD_TEXT, translated_title, false),
    SLIDE_FIELD("subtitle", FIELD_TEXT, translated_subtitle, false),
    SLIDE_FIELD("body", FIELD_TEXT, translated_body, false),
};

static const struct field session_translation[] = {
    DIRECTION_OF("direction", translation),
    SLIDE_FIELD("title", FIELD_TEXT, translated_title, false),
    SLIDE_FIELD("description", FIELD_TEXT, translated_description, false),
};

#define TRANSLATION(nested)                                                                        \
    {                                                                                              \
        .name = "translation", .type = FIELD_MAPPING, .table = nested,                             \
        .table_count = COUNT(nested)                                                               \
    }

static const struct field headline_fields[] = {
    SLIDE_FIELD("kind", FIELD_KIND, kind, false),
    SLIDE_FIELD("label", FIELD_TEXT, label, false),
    SLIDE_FIELD("title", FIELD_TEXT, title, true),
    SLIDE_FIELD("subtitle", FIELD_TEXT, subtitle, false),
    SLIDE_FIELD("body", FIELD_TEXT, body, false),
    QR_FIELDS,
    TRANSLATION(headline_translation),
    SLIDE_FIELD("direction", FIELD_DIRECTION, direction, false),
    {.name = "directions",
     .type = FIELD_MAPPING,
     .table = directions_fields,
     .table_count = COUNT(directions_fields)},
    SLIDE_DURATION("duration", slide, duration_ms),
    SLIDE_FIELD("show_from", FIELD_MOMENT, show_from, false),
    SLIDE_FIELD("show_until", FIELD_MOMENT, show_until, false),
};

static const struct field session_fields[] = {
    SLIDE_FIELD("kind", FIELD_KIND, kind, false),
    SLIDE_FIELD("label", FIELD_TEXT, label, false),
    SLIDE_FIELD("title", FIELD_TEXT, title, true),
    SLIDE_FIELD("date", FIELD_DATE, date, false),
    SLIDE_FIELD("start", FIELD_CLOCK, start, false),
    SLIDE_FIELD("end", FIELD_CLOCK, end, false),
    SLIDE_FIELD("room", FIELD_TEXT, room, false),
    SLIDE_FIELD("chair", FIELD_TEXT, chair, false),
    SLIDE_LIST("speakers", FIELD_TEXT_LIST, speakers, speaker_count, SPEAKERS_PER_TALK),
    SLIDE_FIELD("description", FIELD_TEXT, description, false),
    QR_FIELDS,
    TRANSLATION(session_translation),
    SLIDE_FIELD("direction", FIELD_DIRECTION, direction, false),
    {.name = "directions",
     .type = FIELD_MAPPING,
     .table = directions_fields,
     .table_count = COUNT(directions_fields)},
    SLIDE_DURATION("duration", slide, duration_ms),
    SLIDE_FIELD("show_from", FIELD_MOMENT, show_from, false),
    SLIDE_FIELD("show_until", FIELD_MOMENT, show_until, false),
};

static const struct field image_fields[] = {
    SLIDE_FIELD("kind", FIELD_KIND, kind, false),
    SLIDE_FIELD("image", FIELD_FILE, image, false),
    SLIDE_FIELD("fit", FIELD_FIT, fit, false),
    {.name = "focus", .type = FIELD_FOCUS},
    SLIDE_FIELD("caption", FIELD_TEXT, caption, false),
    SLIDE_FIELD("background", FIELD_COLOUR, background, false),
    SLIDE_FIELD("footer", FIELD_HIDDEN, hide_footer, false),
    SLIDE_DURATION("duration", slide, duration_ms),
    SLIDE_FIELD("show_from", FIELD_MOMENT, show_from, false),
    SLIDE_FIELD("show_until", FIELD_MOMENT, show_until, false),
    QR_FIELDS,
};

static const struct field video_fields[] = {
    SLIDE_FIELD("kind", FIELD_KIND, kind, false),
    SLIDE_FIELD("video", FIELD_CLIP, video, false),
    SLIDE_FIELD("audio", FIELD_FLAG, audio, false),
    {.name = "loop",
     .type = FIELD_COUNT,
     .offset = offsetof(struct slide, loops),
     .min = 1,
     .max = MAX_LOOPS},
    {.name = "poster", .type = FIELD_DURATION, .offset = offsetof(struct slide, poster_ms)},
    SLIDE_FIELD("fit", FIELD_FIT, fit, false),
    {.name = "focus", .type = FIELD_FOCUS},
    SLIDE_FIELD("caption", FIELD_TEXT, caption, false),
    SLIDE_FIELD("background", FIELD_COLOUR, background, false),
    SLIDE_FIELD("footer", FIELD_HIDDEN, hide_footer, false),
    SLIDE_DURATION("duration", slide, duration_ms),
    SLIDE_FIELD("show_from", FIELD_MOMENT, show_from, false),
    SLIDE_FIELD("show_until", FIELD_MOMENT, show_until, false),
    QR_FIELDS,
};

static const struct field partners_fields[] = {
    SLIDE_FIELD("kind", FIELD_KIND, kind, false),
    SLIDE_FIELD("label", FIELD_TEXT, label, false),
    SLIDE_FIELD("title", FIELD_TEXT, title, false),
    SLIDE_LIST("partners", FIELD_PARTNERS, partners, partner_count, MAX_PARTNERS),
    QR_FIELDS,
    SLIDE_DURATION("duration", slide, duration_ms),
    SLIDE_FIELD("show_from", FIELD_MOMENT, show_from, false),
    SLIDE_FIELD("show_until", FIELD_MOMENT, show_until, false),
};

static const struct field alert_fields[] = {
    SLIDE_FIELD("label", FIELD_TEXT, label, false),
    SLIDE_FIELD("title", FIELD_TEXT, title, true),
    SLIDE_FIELD("body", FIELD_TEXT, body, false),
};

static const struct {
    const char *name;
    const struct field *fields;
    size_t count;
} slide_kinds[] = {
    [SLIDE_HEADLINE] = {"headline", headline_fields, COUNT(headline_fields)},
    [SLIDE_SESSION] = {"session", session_fields, COUNT(session_fields)},
    [SLIDE_PARTNERS] = {"partners", partners_fields, COUNT(partners_fields)},
    [SLIDE_IMAGE] = {"image", image_fields, COUNT(image_fields)},
    [SLIDE_VIDEO] = {"video", video_fields, COUNT(video_fields)},
};

void theme_init_defaults(struct theme *theme)
{
    *theme = (struct theme){0};
    struct diag_list problems = {0};
    const struct source src = {.path = "theme.yaml (built in)", .dir = "/", .diags = &problems};
    if (!theme_parse(&src, theme_built_in, strlen(theme_built_in), theme))
        diag_print(&problems, stderr); /* a build from a broken assets/theme.yaml */
    diag_list_clear(&problems);
}

bool theme_load_file(const struct source *src, struct theme *theme)
{
    size_t size;
    char *text = fields_read_file(src->path, CONTENT_FILE_MAX_BYTES, &size, src->diags);
    bool ok = text && theme_parse(src, text, size, theme);
    free(text);
    return ok;
}

bool theme_parse(const struct source *src, const char *text, size_t size, struct theme *theme)
{
    struct yaml_file file = {.src = src, .text = text, .size = size};
    struct theme read = {0};
    bool ok = false;
    yaml_node_t *root = fields_load(&file);
    if (root && theme_copy(&read, theme)) {
        ok = fields_read(&file, root, theme_fields, COUNT(theme_fields), &read);
        if (ok && read.smallest_text > read.largest_text) {
            diag_add(src->diags, DIAG_ERROR, src->path, 0,
                     "smallest_text: %g is larger than largest_text (%g)",
                     (double)read.smallest_text, (double)read.largest_text);
            ok = false;
        }
        if (ok) {
            theme_free(theme);
            *theme = read;
        } else {
            theme_free(&read);
        }
    }
    fields_free(&file);
    return ok;
}

bool event_parse(const struct source *src, const char *text, size_t size, struct event *event)
{
    struct yaml_file file = {.src = src, .text = text, .size = size};
    const char *path = src->path;
    struct diag_list *diags = src->diags;
    struct event read = {0};
    yaml_node_t *root = fields_load(&file);
    bool ok = root && fields_read(&file, root, event_fields, COUNT(event_fields), &read);
    fields_free(&file);
    if (ok && read.first_day.set && read.last_day.set && read.last_day.days < read.first_day.days) {
        diag_add(diags, DIAG_ERROR, path, 0, "last_day comes before first_day");
        ok = false;
    }
    if (ok && read.first_day.set && !read.last_day.set)
        read.last_day = read.first_day;
    if (!ok) {
        event_free(&read);
        return false;
    }
    *event = read;
    return true;
}

/* Splits a partners slide into balanced pages of at most
 * PARTNERS_PER_SLIDE logos, each a slide of its own: page 1 of 3, 2 of
 * 3, ... Takes slide over; returns the pages made, 0 when memory runs out. */
static size_t partner_pages(struct slide *slide, struct slide **out)
{
    size_t count = slide->partner_count;
    size_t pages = (count + PARTNERS_PER_SLIDE - 1) / PARTNERS_PER_SLIDE;
    size_t per_page = (count + pages - 1) / pages;
    struct slide *list = calloc(pages, sizeof *list);
    size_t made = 0;
    for (size_t first = 0; list && made < pages; first += per_page) {
        struct slide page = *slide;
        page.partners = slide->partners + first;
        page.partner_count = count - first < per_page ? count - first : per_page;
        if (!slide_copy(&list[made], &page))
            break;
        list[made].page = (int)made + 1;
        list[made].page_count = (int)pages;
        made++;
    }
    slide_free(slide);
    if (made < pages) {
        for (size_t i = 0; i < made; i++)
            slide_free(&list[i]);
        free(list);
        return 0;
    }
    *out = list;
    return made;
}

size_t slide_parse(const struct source *src, const char *text, size_t size, struct slide **slides)
{
    struct yaml_file file = {.src = src, .text = text, .size = size};
    const char *path = src->path;
    struct diag_list *diags = src->diags;
    struct slide slide = {0};
    bool ok = false;
    yaml_node_t *root = fields_load(&file);
    int line = 0;
    const char *kind = root ? fields_mapping_text(&file.doc, root, "kind", &line) : NULL;
    size_t k = 0;
    while (kind && k < COUNT(slide_kinds) &&
           (!slide_kinds[k].name || strcmp(kind, slide_kinds[k].name) != 0))
        k++;
    if (root && !kind)
        diag_add(diags, DIAG_ERROR, path, (int)root->start_mark.line + 1,
                 "kind: missing (write 'kind: headline', 'kind: session', 'kind: partners', "
                 "'kind: image' or 'kind: video')");
    else if (root && k == COUNT(slide_kinds))
        diag_add(diags, DIAG_ERROR, path, line,
                 "kind: '%s' is not a kind of slide (headline, session, partners, image or video)",
                 kind);
    else if (root) {
        slide.kind = (enum slide_kind)k;
        ok = fields_read(&file, root, slide_kinds[k].fields, slide_kinds[k].count, &slide);
    }
    fields_free(&file);
    struct qr_code code = {0};
    if (ok && slide.qr && !qr_encode(slide.qr, &code)) {
        diag_add(diags, DIAG_ERROR, path, 0,
                 "qr: too long for a QR code (at most about 2,000 "
                 "characters; a web address is best)");
        ok = false;
    }
    qr_free(&code);
    if (ok && slide.kind == SLIDE_IMAGE && !slide.image) {
        diag_add(diags, DIAG_ERROR, path, 0,
                 "image: no picture to show (name a PNG, JPEG, WebP or SVG file in the folder)");
        ok = false;
    }
    if (ok && slide.kind == SLIDE_VIDEO && !slide.video) {
        diag_add(diags, DIAG_ERROR, path, 0,
                 "video: no clip to play (name an MP4, WebM or MKV file in the folder)");
        ok = false;
    }
    if (ok && slide.kind == SLIDE_PARTNERS && slide.partner_count == 0) {
        diag_add(diags, DIAG_ERROR, path, 0, "partners: the list is empty");
        ok = false;
    }
    if (ok && slide.show_from.set && slide.show_until.set &&
        slide.show_until.local <= slide.show_from.local) {
        diag_add(diags, DIAG_ERROR, path, 0, "show_until: it comes before show_from");
        ok = false;
    }
    if (ok && slide.end.set && !slide.start.set) {
        diag_add(diags, DIAG_ERROR, path, 0, "end: a session with an end needs a start");
        ok = false;
    }
    if (ok && slide.start.set && slide.end.set && slide.end.minutes == slide.start.minutes) {
        diag_add(diags, DIAG_ERROR, path, 0, "end: the session ends when it starts");
        ok = false;
    }
    slide.source = str_dup(path);
    if (!ok || !slide.source) {
        slide_free(&slide);
        return 0;
    }
    if (slide.kind == SLIDE_PARTNERS)
        return partner_pages(&slide, slides);
    *slides = malloc(sizeof **slides);
    if (!*slides) {
        slide_free(&slide);
        return 0;
    }
    **slides = slide;
    return 1;
}

bool alert_parse(const struct source *src, const char *text, size_t size, struct slide *alert)
{
    struct yaml_file file = {.src = src, .text = text, .size = size};
    const char *path = src->path;
    struct slide read = {.kind = SLIDE_ALERT};
    yaml_node_t *root = fields_load(&file);
    bool ok = root && fields_read(&file, root, alert_fields, COUNT(alert_fields), &read);
    fields_free(&file);
    read.source = str_dup(path);
    if (!ok || !read.source) {
        slide_free(&read);
        return false;
    }
    *alert = read;
    return true;
}

/* True when name ends in suffix, in any case. */
static bool ends_with_any_case(const char *name, const char *suffix)
{
    size_t n = strlen(name), m = strlen(suffix);
    return n >= m && strcasecmp(name + n - m, suffix) == 0;
}

bool content_is_slide_name(const char *name)
{
    return !settle_ignores(name) &&
           (ends_with_any_case(name, ".yaml") || ends_with_any_case(name, ".yml"));
}

const char *content_not_slide_reason(const char *name)
{
    if (settle_ignores(name) || content_is_slide_name(name))
        return NULL;
    bool mentions_yaml = false;
    for (const char *p = name; *p && !mentions_yaml; p++)
        mentions_yaml = strncasecmp(p, ".yaml", 5) == 0 || strncasecmp(p, ".yml", 4) == 0;
    if (mentions_yaml)
        return "is not read: a slide's name must end in .yaml (an editor added an ending?)";
    return NULL; /* notes and pictures kept beside the slides */
}
