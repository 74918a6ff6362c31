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
 * (a slide sets text at 3 to 6 sizes, the footer at 2: 8 keep the last
 * slide's and the footer's letters; each size more costs about 0.4 MB at
 * 1080p and saves under 1 ms a slide composed) */
#define FONT_SIZES_KEPT 8

/* What one slide holds */
#define PARTNERS_PER_SLIDE 24    /* more partners go on to further slides */
#define SPEAKERS_PER_SLIDE 8     /* more speakers continue on further pages of the session */
#define EVENT_MAX_ROOMS 200      /* rooms: listed in event.yaml; a congress export has 58 */
#define ROOM_MAX_INFO_LINES 4    /* info: lines of one room on its door sign */
#define ROOM_INFO_MAX_CHARS 80   /* a longer info: line is cut at a word on the door sign */
#define QR_DEFAULT_SIZE 25       /* % of the screen's shorter side a QR code spans (qr_size:) */
#define DOOR_TITLE_MAX_CHARS 200 /* a door sign cuts a longer title at a word, with an ellipsis */
#define DOOR_LATER_ROWS 4        /* talks after the next listed on a door sign, at most */
#define LAYOUT_BOARD_MAX_ROWS 32 /* rooms on one page of the board */
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
#define SCREEN_RETRY_MS 5000  /* under systemd, a screen that cannot be opened is tried again */
#define METRICS_EVERY_MS 5000 /* --metrics: rewritten at least this often */

/* hallscreen-fetch: the schedule: entries of event.yaml with a url: */
#define FETCH_EVERY_DEFAULT_S 300          /* every: seconds between checks of a source */
#define FETCH_EVERY_MIN_S 10               /* every: at least (the organisers' server is shared) */
#define FETCH_EVERY_MAX_S (24 * 3600)      /* every: at most */
#define FETCH_JITTER_PERCENT 10            /* each wait is this much shorter or longer, at random */
#define FETCH_START_SPREAD_S 30            /* a copy already there is first checked within this */
#define FETCH_RETRY_FIRST_S 10             /* after a failure; doubled after each one in a row */
#define FETCH_RETRY_MAX_S 900              /* ... up to this (or every:, when longer) */
#define FETCH_CONNECT_TIMEOUT_S 15         /* to connect to the server */
#define FETCH_TIMEOUT_S 120                /* --timeout: for the whole download */
#define FETCH_MAX_BYTES SCHEDULE_MAX_BYTES /* a larger download is refused */
#define FETCH_MAX_REDIRECTS 5              /* redirects followed for one download */
#define FETCH_STATUS_EVERY_MS 15000 /* --status and --metrics: rewritten at least this often */

/* What changed, and rooms.yaml */
#define ROOMS_MAX_LATE_MINUTES 240 /* rooms.yaml: late: at most this */
#define CHANGES_DAY_STARTS_HOUR 5  /* the baseline rolls forward at this hour, event time */
#define CHANGES_STATE_MAX_BYTES (16 * 1024 * 1024) /* --state: the file of what the screen saw */

/* hallscreen-agent: the fleet over MQTT */
#define FLEET_RETRY_FIRST_MS 1000             /* the first wait before connecting again */
#define FLEET_RETRY_MAX_MS 30000              /* the longest, doubling from the first */
#define FLEET_STATUS_EVERY_MS 30000           /* the status is published at least this often */
#define FLEET_STATUS_LOOK_MS 250              /* the status file is looked at this often */
#define FLEET_RETAINED_WAIT_MS 2000           /* retained files not sent again by then are gone */
#define FLEET_SCREENSHOT_WAIT_MS 5000         /* the show's screenshot is waited for this long */
#define FLEET_SCREENSHOT_MAX_BYTES (64 << 20) /* a larger picture is not published */
#define FLEET_KEEPALIVE_S 30                  /* MQTT keep-alive: a dead link shows in 1.5 times */

/* The stage timer (--timer ROOM) */
#define TIMER_OVERTIME_MAX_MINUTES 20   /* "+m:ss" at most this long; then the next talk's count */
#define TIMER_BLINK_MS 500              /* the overrun blinks: on and off this long each */
#define TIMER_COUNTDOWN_MAX_MINUTES 180 /* a talk's start is counted down to from this soon */

#endif
