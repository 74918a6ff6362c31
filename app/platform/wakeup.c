/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A thread that turns readable fds into SDL events. */
#include "wakeup.h"

#include "../util/self_pipe.h"

#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <unistd.h>

struct wakeup {
    struct pollfd fds[WAKEUP_MAX_FDS + 1]; /* the last one: the stop pipe */
    int count;
    int stop_pipe[2];
    int notify_pipe[2]; /* written at each wake-up, for loops that poll */
    Uint32 event_type;
    SDL_sem *rearm;
    SDL_Thread *thread;
};

static int listen_loop(void *data)
{
    struct wakeup *w = data;
    for (;;) {
        if (poll(w->fds, (nfds_t)w->count + 1, -1) < 0)
            continue;
        if (w->fds[w->count].revents)
            return 0;
        SDL_Event e = {.type = w->event_type};
        SDL_PushEvent(&e);
        if (write(w->notify_pipe[1], "!", 1) < 0) {
            /* full: a wake-up is pending already */
        }
        SDL_SemWait(w->rearm);
    }
}

/* Frees what wakeup_start() made, the thread aside. */
static void release(struct wakeup *w)
{
    if (w->rearm)
        SDL_DestroySemaphore(w->rearm);
    self_pipe_close(w->stop_pipe);
    self_pipe_close(w->notify_pipe);
    free(w);
}

struct wakeup *wakeup_start(const int *fds, int count, Uint32 event_type)
{
    struct wakeup *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->stop_pipe[0] = w->stop_pipe[1] = w->notify_pipe[0] = w->notify_pipe[1] = -1;
    if (!self_pipe_open(w->stop_pipe) || !self_pipe_open(w->notify_pipe)) {
        release(w);
        return NULL;
    }
    for (int i = 0; i < count && w->count < WAKEUP_MAX_FDS; i++)
        if (fds[i] >= 0)
            w->fds[w->count++] = (struct pollfd){.fd = fds[i], .events = POLLIN};
    w->fds[w->count] = (struct pollfd){.fd = w->stop_pipe[0], .events = POLLIN};
    w->event_type = event_type;
    w->rearm = SDL_CreateSemaphore(0);
    w->thread = w->rearm ? SDL_CreateThread(listen_loop, "wakeup", w) : NULL;
    if (!w->thread) {
        release(w);
        return NULL;
    }
    return w;
}

int wakeup_fd(const struct wakeup *w)
{
    return w ? w->notify_pipe[0] : -1;
}

void wakeup_rearm(struct wakeup *w)
{
    if (!w)
        return;
    char drain[16];
    while (read(w->notify_pipe[0], drain, sizeof drain) > 0) {
    }
    if (SDL_SemValue(w->rearm) == 0)
        SDL_SemPost(w->rearm);
}

void wakeup_stop(struct wakeup *w)
{
    if (!w)
        return;
    if (write(w->stop_pipe[1], "x", 1) == 1)
        SDL_SemPost(w->rearm);
    SDL_WaitThread(w->thread, NULL);
    release(w);
}
