/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The programme: everything the show plays, as plain data read from the
 * content folder. No SDL here.
 *
 * Adding a slide kind touches, in this order:
 *  - enum slide_kind below, and slide_kind_name() (model/programme.c): the
 *    name a slide file's kind: field gives and --render's file names use;
 *  - the loader's table of kinds and its fields (content/loader.c kinds[]);
 *  - its layout: a function in one of layout/'s *_slides.c files, declared
 *    in layout/slide_kinds.h, and a case in layout_slide()'s switch
 *    (layout/slide_layout.c);
 *  - the running order, when the kind follows the clock or is made by the
 *    show (show/running_order.c);
 *  - the status file's title of a slide, when it has no title of its own
 *    (monitor/status.c);
 *  - the content guide (content/README.md) and a test in tests/. */
#ifndef HALLSCREEN_PROGRAMME_H
#define HALLSCREEN_PROGRAMME_H

#include "../limits.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct rgba {
    uint8_t r, g, b, a;
};

enum transition { TRANSITION_CROSSFADE, TRANSITION_PUSH, TRANSITION_NONE };

#define THEME_SHADE_ALPHA 0xe0 /* of the background colour over background_image */

struct theme {
    struct rgba background;     /* top of the slide background */
    struct rgba background_end; /* bottom of the background gradient */
    struct rgba text;
    struct rgba accent;    /* rules and the session label */
    struct rgba secondary; /* subtitles, dates, field labels */
    struct rgba muted;     /* body text and descriptions */
    struct rgba footer_background;
    struct rgba footer_text;
    struct rgba card; /* behind each partner logo */
    struct rgba now;  /* the mark of a session running now */
    struct rgba alert_background;
    struct rgba alert_text;
    char *background_image; /* full path of a picture behind every slide, or NULL */
    char *font;             /* fontconfig pattern or font file path */
    char *font_bold;
    float largest_text;  /* % of the screen's shorter side: text grows up to this */
    float smallest_text; /* % of it: no text smaller; more continues on a page */
    int slide_ms;        /* how long a slide stands, unless it says otherwise */
    enum transition transition;
    int transition_ms;           /* how long a transition between two slides takes */
    struct track_colour *tracks; /* a colour for each track of the schedule */
    size_t track_count;
};

/* The colour of a track of the schedule, named in the theme. */
struct track_colour {
    char *track;
    struct rgba colour;
};

struct optional_day {
    bool set;
    int64_t days; /* since 1970-01-01 */
};

struct optional_clock {
    bool set;
    int minutes; /* after midnight */
};

struct optional_moment {
    bool set;
    int64_t local; /* event time: seconds since 1970-01-01 00:00 of its calendar */
};

/* A room of the board, as event.yaml's rooms: list names it. */
struct room_entry {
    char *name;    /* as the programme (its export) writes it */
    char *display; /* shown instead of name; NULL: name */
    char **info;   /* lines of its door sign: the floor, the way there, the translation channel */
    size_t info_count;
    char *stream; /* an address of its stream: a QR code on its door sign; NULL: none */
    int line;     /* in event.yaml, for reports */
};

/* One schedule export event.yaml names: the local file the show reads and,
 * for hallscreen-fetch, where it comes from. */
struct schedule_source {
    char *file; /* relative to the content folder, as named */
    char *url;  /* http or https address hallscreen-fetch keeps file from; NULL: none */
    int every;  /* seconds between hallscreen-fetch's checks of url; 0: the default */
};
/* What the QR code on a door sign leads to: the talk now's page (its url,
 * else its feedback_url), its feedback form (or else its page), or none. */
enum talk_qr { TALK_QR_URL, TALK_QR_FEEDBACK, TALK_QR_NONE };

struct event {
    char *name;
    char *timezone; /* tz database name, e.g. "Asia/Dubai"; NULL: the machine's */
    char *tagline;  /* the event's theme or motto */
    char *place;
    char *website;
    char *logo; /* full path of the event's logo, drawn in the footer; or NULL */
    struct optional_day first_day, last_day;
    struct schedule_source *schedules; /* the exports to read, as named; none: the usual names */
    size_t schedule_count;
    int lookahead_minutes; /* talks starting this soon get a slide; 0: the default */
    char **languages; /* of the words the program writes: "kk", or "kk" then "ru"; none: English */
    size_t language_count;
    bool sync;                /* slides follow the clock, as with --sync */
    struct room_entry *rooms; /* the board's rooms, in order; none: every room */
    size_t room_count;
    enum talk_qr talk_qr; /* what a door sign's QR code leads to */
};

/* The event's first language (see tr()); NULL: English. */
const char *event_language(const struct event *event);

enum slide_kind {
    SLIDE_HEADLINE,
    SLIDE_SESSION,
    SLIDE_PARTNERS,
    SLIDE_ALERT,    /* the urgent notice of alert.yaml: label, title, body */
    SLIDE_OVERVIEW, /* made by the show: the coming sessions, or a body saying when */
    SLIDE_BOARD,    /* made by the show: each room's talk now and the next */
    SLIDE_IMAGE,    /* one picture over the whole slide: a poster */
    SLIDE_VIDEO,    /* a clip over the whole slide */
};

enum fit { FIT_CONTAIN, FIT_COVER };

/* Where a session stands at the time of showing. */
enum mark {
    MARK_NONE,
    MARK_NOW,   /* running */
    MARK_NEXT,  /* the next to start (in its room) */
    MARK_LATER, /* later today */
};

/* What changed about a talk since the screen's baseline (show/changes.h). */
enum talk_change {
    TALK_SAME,
    TALK_MOVED,      /* to this room or time from another */
    TALK_NEW,        /* not in the baseline */
    TALK_CANCELLED,  /* a ghost: gone from the export, where it stood */
    TALK_MOVED_AWAY, /* a ghost: in the old room and slot of a moved talk */
};

/* One line of an overview slide, or one room of a board. */
struct overview_row {
    char *when; /* "10:00–11:30"; on a board: "Now · 15 min left · until 11:30" */
    char *title;
    char *room; /* or NULL */
    enum mark mark;
    char *next_when, *next_title; /* a board: the room's next talk ("Next · 14:35"), or NULL */
    char *notice; /* a board: the room's state and notice from rooms.yaml ("Full · ..."), or NULL */
    /* what a door sign says besides: the talk now's "14:00–15:00" and time
     * left ("45 min left"), each talk's speakers ("A, B"), whether the talk
     * now is not recorded; NULL, false: nothing to say */
    char *span, *left, *speakers, *next_speakers;
    bool not_recorded;
    char *when_short, *when_shortest; /* when, shorter: "Now · until 15:00", "until 15:00" */
    char *next_when_short;            /* next_when, shorter: "from Hall B · Next · 16:00" */
    char *next_when_shortest;         /* and shortest, when it starts only: "Next · 16:00" */
};

struct partner {
    char *name;
    char *logo; /* full path of the logo file, or NULL for a wordmark */
};

enum text_direction {
    DIRECTION_AUTO, /* each paragraph as its first strong letter reads */
    DIRECTION_LTR,
    DIRECTION_RTL,
};

struct slide {
    enum slide_kind kind;
    char *source;                                 /* the file it came from */
    int duration_ms;                              /* 0: the theme's */
    struct optional_moment show_from, show_until; /* the slide plays only between */
    char *label;                                  /* small line above the title */
    char *title;
    enum text_direction direction; /* of the whole slide, unless a field says otherwise */
    struct {
        enum text_direction label, title, subtitle, body, chair, speakers, description;
        enum text_direction translation; /* of every translated text */
    } directions;
    /* the same text in a second language, shown under the first */
    char *translated_title, *translated_subtitle, *translated_body, *translated_description;
    /* headline */
    char *subtitle;
    char *body;
    /* session */
    struct optional_day date;
    struct optional_clock start, end;
    char *room;
    char *chair;
    char **speakers;
    size_t speaker_count;
    char *description;
    bool scheduled; /* a talk of the schedule export, not a slide file */
    struct {
        bool set;
        int64_t start, end;   /* UTC seconds; a talk may last days */
    } runs;                   /* a talk's exact time: date, start and end show it */
    char *language;           /* of a talk, as the export says: "en", "de" */
    struct rgba track_colour; /* of its track; alpha 0: none */
    char *talk_key;           /* a talk's guid, else its id, in the export; or NULL */
    enum talk_change change;  /* since the baseline, set by changes_mark() */
    char *change_note;        /* "Moved from Hall B · 14:10 (was 16:00)", or NULL */
    char *change_short;       /* the same for a board: "from Hall B · was 16:00", or NULL */
    char *url, *feedback_url; /* a talk's page and its feedback form, as the export gives */
    bool not_recorded;        /* the export says: do not record (or stream) it */
    /* image and video */
    char *image;   /* full path of the picture */
    char *video;   /* full path of the clip */
    bool audio;    /* video: heard; muted otherwise */
    int loops;     /* video: plays this many times (0: once) */
    int poster_ms; /* video: where --render takes its still from */
    enum fit fit;  /* contain: all of it, letterboxed; cover: filling, cropped */
    struct {
        bool set;
        float x, y; /* 0 to 1: what stays in view when cover crops */
    } focus;
    char *caption;
    struct rgba background; /* around a contained picture; alpha 0: the theme's */
    bool hide_footer;       /* footer: false, for posters with their own branding */
    /* any slide */
    char *qr;         /* text of a QR code drawn on the slide, or NULL */
    char *qr_caption; /* a line under it */
    float qr_size;    /* % of the screen's shorter side the code's modules span; 0: the default */
    /* partners */
    struct partner *partners;
    size_t partner_count;
    int page, page_count; /* 1-based page of a partner or speaker list split over slides */
    /* set by the show for the moment of showing */
    enum mark mark;
    char *mark_text; /* "Now · ends 11:30", "Next · in 12 min", "Later today · 15:00" */
    struct overview_row *rows;
    size_t row_count;
};

/* How full a room is, as rooms.yaml sets it by hand. */
enum room_fullness { ROOM_FULLNESS_NONE, ROOM_EMPTY, ROOM_FULL, ROOM_TOO_FULL };

/* One room's entry in rooms.yaml. */
struct room_state {
    char *room;       /* as rooms.yaml writes it */
    int late_minutes; /* behind the schedule */
    enum room_fullness fullness;
    char *notice;                 /* or NULL */
    struct optional_moment until; /* event time when the entry stops applying */
    int line;                     /* of the entry in rooms.yaml */
};

struct programme {
    char *content_dir;
    struct event event;
    struct theme theme;
    struct slide *slides; /* in show order */
    size_t slide_count, slide_capacity;
    struct slide *alert;            /* an urgent notice over the show, or NULL */
    struct room_state *room_states; /* rooms.yaml's entries (show/rooms_state.h) */
    size_t room_state_count;
};

/* Frees the entries' strings and the array; NULL is fine. */
void room_states_free(struct room_state *rooms, size_t count);

/* Deep copy of count entries into *dst; false when memory runs out. */
bool room_states_copy(struct room_state **dst, const struct room_state *src, size_t count);

/* The colour the theme gives track, or one with alpha 0 when it gives none. */
struct rgba theme_track_colour(const struct theme *theme, const char *track);

/* Deep copy; false when memory runs out (dst is then left empty). */
bool theme_copy(struct theme *dst, const struct theme *src);

/* Frees the theme's strings; NULL is fine. */
void theme_free(struct theme *theme);

/* Deep copy; false when memory runs out (dst is then left empty). */
bool event_copy(struct event *dst, const struct event *src);

/* Frees the event's strings; NULL is fine. */
void event_free(struct event *event);

/* Frees the room's strings; NULL is fine. */
void room_entry_free(struct room_entry *room);

/* Frees count schedule sources and the list; NULL is fine. */
void schedule_sources_free(struct schedule_source *list, size_t count);

/* Deep copy of src into dst; false when memory runs out (dst is then empty). */
bool slide_copy(struct slide *dst, const struct slide *src);

/* A hash of everything the slide shows: two slides with the same
 * fingerprint look the same. */
uint64_t slide_fingerprint(const struct slide *slide);

/* A hash of the programme as it plays: the notice, every slide's
 * fingerprint and how long it stands. Two screens with the same
 * fingerprint play the same slides for the same times. */
uint64_t programme_fingerprint(const struct programme *prog);

/* Frees the slide's strings and lists; NULL is fine. */
void slide_free(struct slide *slide);

/* Frees everything the programme owns and zeroes it; NULL is fine. */
void programme_free(struct programme *prog);

/* A video slide with no duration: it stands as long as its clip plays. */
bool slide_plays_clip(const struct slide *slide);

/* How long the slide stands on screen (for one that plays its clip: the
 * theme's slide time, a fallback the show does not use). */
int slide_duration_ms(const struct programme *prog, const struct slide *slide);

/* "headline", "session", "partners", "alert" or "overview". */
const char *slide_kind_name(enum slide_kind kind);

#endif
