/* SIGHUP and SIGUSR1 as bytes on a pipe, so the main loop can wait for them
 * with everything else. (SDL turns SIGINT and SIGTERM into SDL_QUIT.) */
#ifndef HALLSCREEN_SIGNALS_H
#define HALLSCREEN_SIGNALS_H

#include <stdbool.h>

struct signals_seen {
    bool hangup; /* SIGHUP: read the whole content folder again */
    bool user1;  /* SIGUSR1 */
};

/* Installs the handlers. Returns the pipe's read end, or -1 on failure. */
int signals_open(void);

/* Reads, without blocking, the signals that came since the last call. */
struct signals_seen signals_take(void);

/* Restores the default handlers and closes the pipe. */
void signals_close(void);

#endif
