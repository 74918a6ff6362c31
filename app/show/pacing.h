/* The main loop's timing: a transition's progress and frame pacing, and
 * the named waits the loop sleeps on. Pure: the caller passes the clock. */
#ifndef HALLSCREEN_PACING_H
#define HALLSCREEN_PACING_H

#include <stdbool.h>
#include <stdint.h>

#define PACING_MAX_WAIT_MS 60000

/* What the loop may have to wake for; each wait is in milliseconds, -1
 * when there is nothing to wait for. */
enum wait {
    WAIT_CLOCK,    /* the footer clock's next minute */
    WAIT_SLIDE,    /* the next slide's turn */
    WAIT_PREPARE,  /* composing the next slide ahead of its turn */
    WAIT_WATCHDOG, /* telling systemd the loop is alive */
    WAIT_SETTLE,   /* reading changed content once it has settled */
    WAIT_WATCH,    /* the next poll of the content folder */
    WAIT_FRAME,    /* the next frame of a transition */
    WAIT_STATUS,   /* writing the status file (again, after a failure) */
    WAIT_METRICS,  /* rewriting the metrics file */
    WAIT_COUNT
};

/* The soonest of the waits that are not -1, at most PACING_MAX_WAIT_MS. */
int64_t pacing_soonest(const int64_t waits[WAIT_COUNT]);

struct transition_timing {
    uint64_t from;    /* the slide going out; 0: none */
    int64_t start_ms; /* when it began */
    int64_t drawn_ms; /* when its last frame was drawn */
    int duration_ms;
    int frame_ms;  /* between frames when the display does not pace them */
    int direction; /* 1 forwards, -1 backwards */
    bool running;
};

/* Begins a transition from the slide from at now_ms; it runs only when
 * there is a slide going out and a duration. */
void transition_begin(struct transition_timing *t, uint64_t from, int64_t now_ms, int duration_ms,
                      int frame_ms, int direction);

/* How far the transition has come at now_ms, 0 to 1; at 1 it has ended. */
float transition_progress(struct transition_timing *t, int64_t now_ms);

/* Milliseconds until its next frame is due: 0 for now, -1 when none is
 * (no transition running). A wake-up for anything else never brings a
 * frame forward. */
int64_t transition_frame_wait(const struct transition_timing *t, int64_t now_ms);

/* How many frames of a running transition were due between the last one
 * drawn and now_ms and never drawn: the frames dropped, for the figures.
 * Frames are due every frame_ms, or every 1/60 s when the display paces
 * them (frame_ms 0). */
int transition_frames_missed(const struct transition_timing *t, int64_t now_ms);

/* A frame of it was drawn at now_ms. */
void transition_frame_drawn(struct transition_timing *t, int64_t now_ms);

#endif
