/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The limits and timings an operator may want to know, in one place, each
 * with the option or field that overrides it where there is one. Content
 * past a limit is reported (file:line) and cut or left out; the show goes
 * on. This header includes nothing, so every folder may use it. */
#ifndef HALLSCREEN_LIMITS_H
#define HALLSCREEN_LIMITS_H

/* Files of the content folder */
#define CONTENT_FILE_MAX_BYTES (1024 * 1024)  /* a YAML file: slides, event.yaml, theme.yaml */
#define SCHEDULE_MAX_BYTES (32 * 1024 * 1024) /* a schedule export: 3,000 talks are a few MB */
#define SCHEDULE_MAX_TALKS 20000              /* talks read from one export */
#define SPEAKERS_PER_TALK 100                 /* speakers read for one talk or session */
#define IMAGE_MAX_SIDE 8192                   /* pixels of a logo, poster or background */
#define IMAGE_MAX_PIXELS (24 * 1024 * 1024)   /* of one picture */
#define IMAGE_MAX_ASPECT 64                   /* longest side over shortest */
#define FONT_IN_MEMORY_MAX (32 << 20)         /* larger font files are read as they are used */
/* Font sizes kept open for drawing, each with the letters it has drawn
 * (the bundled show sets text at 26 sizes; about 0.4 MB each at 1080p:
 * 1 keeps memory as low as it goes, and sets text more slowly) */
#define FONT_SIZES_KEPT 32

/* What one slide holds */
#define PARTNERS_PER_SLIDE 24 /* more partners go on to further slides */
#define SPEAKERS_PER_SLIDE 8  /* more speakers continue on further pages of the session */
#define SLIDE_MAX_DURATION_MS (24 * 3600 * 1000) /* a slide's duration:, the theme's slide: */

/* The programme over time */
#define SESSION_DEFAULT_MINUTES 60     /* a session with no end or duration */
#define TALK_MAX_MINUTES (7 * 24 * 60) /* a talk of a schedule export: a week-long camp */
#define ORDER_LOOKAHEAD_MINUTES 60     /* a talk starting this soon gets a slide */
#define SHOW_MIN_CLIP_MS 2000          /* a slide that plays its clip stands at least this long */

/* Following the folder */
#define SETTLE_DEFAULT_MS 300         /* --settle: quiet time before a changed file is read */
#define SETTLE_SILENT_WRITER_MS 30000 /* a file open for writing is read after this anyway */
#define WATCH_RETRY_MS 1000           /* a folder that cannot be watched is tried again */

/* Drawing and publishing */
#define STAGE_PREPARE_AHEAD_MS 1500 /* the next slide is composed this long before its turn */
#define STATUS_RETRY_MS 5000        /* --status: a file that cannot be written is tried again */
#define METRICS_EVERY_MS 5000       /* --metrics: rewritten at least this often */

#endif
