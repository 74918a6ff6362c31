/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The window, fullscreen or not, and waiting for its events. */
#include "window.h"

#include "screen.h"

#include <poll.h>
#include <stdint.h>
#include <sys/mman.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
    INPUT_POLL_MS = 100, /* how often keys are looked for where SDL cannot wait */
    DEFAULT_WINDOW_W = 1280,
    DEFAULT_WINDOW_H = 720,
};

/* On X11 a fullscreen window first waits for a window manager, which a
 * kiosk often does not run: there it starts as a borderless window
 * covering the display, and goes fullscreen once the first frame is up. */
static SDL_Window *create(const struct window_request *rq, bool *fullscreen_later)
{
    int display = rq->display;
    int centred = (int)SDL_WINDOWPOS_CENTERED_DISPLAY(display);
    *fullscreen_later = false;
    if (rq->windowed)
        return SDL_CreateWindow("hallscreen", centred, centred,
                                rq->width ? rq->width : DEFAULT_WINDOW_W,
                                rq->height ? rq->height : DEFAULT_WINDOW_H, SDL_WINDOW_RESIZABLE);
    SDL_Rect bounds;
    if (strcmp(SDL_GetCurrentVideoDriver(), "x11") == 0 &&
        SDL_GetDisplayBounds(display, &bounds) == 0) {
        *fullscreen_later = true;
        return SDL_CreateWindow("hallscreen", bounds.x, bounds.y, bounds.w, bounds.h,
                                SDL_WINDOW_BORDERLESS);
    }
    return SDL_CreateWindow("hallscreen", centred, centred, 0, 0, SDL_WINDOW_FULLSCREEN_DESKTOP);
}

/* Maps in the pages of the window's picture, 8 MB at 1080p, and reads a
 * byte of each: the first access to each page costs several microseconds
 * (more on a virtual machine), some 10 to 30 ms in all, spent here while
 * the first frame is prepared rather than while it is drawn. It reads
 * the picture's own bytes only, and writes none: nothing drawn changes. */
static int map_in(void *data)
{
    struct window *w = data;
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE), at = (uintptr_t)w->picture;
    uintptr_t end = at + w->picture_size;
#ifdef MADV_POPULATE_WRITE
    /* older kernels: faulted in by the reads below */
    madvise((void *)(at / page * page), end - at / page * page, MADV_POPULATE_WRITE);
#endif
    for (; at < end; at = (at / page + 1) * page) /* the first byte of each page */
        (void)*(const volatile unsigned char *)at;
    return 0;
}

/* Starts map_in() for the software renderer's picture, the window's own. */
static void start_mapping_in(struct window *w)
{
    SDL_RendererInfo info;
    SDL_Surface *picture =
        SDL_GetRendererInfo(w->renderer, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE)
            ? SDL_GetWindowSurface(w->sdl_window)
            : NULL;
    if (!picture || !picture->pixels)
        return;
    w->picture = picture->pixels;
    w->picture_size = (size_t)picture->pitch * (size_t)picture->h;
    w->mapping_in = thrd_create(&w->mapping, map_in, w) == thrd_success;
}

void window_ready(struct window *w)
{
    if (w->mapping_in)
        thrd_join(w->mapping, NULL);
    w->mapping_in = false;
}

bool window_open(struct window *w, const struct window_request *rq, char *err, size_t err_size)
{
    memset(w, 0, sizeof *w);
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        snprintf(err, err_size,
                 "no display (%s): run it on a desktop, on the console with "
                 "SDL_VIDEODRIVER=kmsdrm, or use --render",
                 SDL_GetError());
        return false;
    }
    int displays = SDL_GetNumVideoDisplays();
    if (displays > 0 && rq->display >= displays) {
        snprintf(err, err_size,
                 "--display %d: there %s only %d display%s here: name one from 0 to %d, or "
                 "leave --display out",
                 rq->display, displays == 1 ? "is" : "are", displays, displays == 1 ? "" : "s",
                 displays - 1);
        return false;
    }
    SDL_DisableScreenSaver();
    w->sdl_window = create(rq, &w->fullscreen_later);
    w->renderer = w->sdl_window ? screen_renderer(w->sdl_window, rq->renderer, &w->vsync) : NULL;
    if (!w->renderer) {
        snprintf(err, err_size, "cannot open the screen: %s", SDL_GetError());
        return false;
    }
    start_mapping_in(w);
    if (!rq->windowed)
        SDL_ShowCursor(SDL_DISABLE);
    /* X11 and Wayland sleep until an event comes; elsewhere (KMSDRM, the
     * headless drivers) SDL would wake every millisecond to look. */
    const char *driver = SDL_GetCurrentVideoDriver();
    w->sdl_waits = strcmp(driver, "x11") == 0 || strcmp(driver, "wayland") == 0;
    return true;
}

void window_prepare_environment(void)
{
    /* The show takes no typed text, so on X11 it needs no table of the
     * locale's composed characters, which Xlib would otherwise read and
     * parse (thousands of lines, 15 ms of the start in a UTF-8 locale). */
    setenv("XCOMPOSEFILE", "/dev/null", 0);
    /* SDL opens the session's message bus at start (to hold off a screen
     * saver, and for input methods): where there is none, as under
     * systemd, libdbus would start one, forking this process for
     * dbus-launch (and leaving a dbus-daemon running where it is
     * installed). A bus that is not there is refused at once instead. */
    const char *runtime = getenv("XDG_RUNTIME_DIR");
    char bus[512];
    snprintf(bus, sizeof bus, "%s/bus", runtime ? runtime : "");
    if (!runtime || access(bus, F_OK) != 0)
        setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/dev/null", 0);
}

void window_close(struct window *w)
{
    window_ready(w);
    if (w->renderer)
        SDL_DestroyRenderer(w->renderer);
    if (w->sdl_window)
        SDL_DestroyWindow(w->sdl_window);
    memset(w, 0, sizeof *w);
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
}

void window_first_frame_shown(struct window *w)
{
    if (!w->fullscreen_later)
        return;
    w->fullscreen_later = false;
    SDL_SetWindowFullscreen(w->sdl_window, SDL_WINDOW_FULLSCREEN_DESKTOP);
}

void window_toggle_fullscreen(struct window *w)
{
    bool full = SDL_GetWindowFlags(w->sdl_window) & SDL_WINDOW_FULLSCREEN;
    SDL_SetWindowFullscreen(w->sdl_window, full ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
    SDL_ShowCursor(full ? SDL_ENABLE : SDL_DISABLE);
}

/* Where SDL cannot sleep on its events, the loop sleeps in poll() on its own
 * wake-ups, looking at SDL's events every INPUT_POLL_MS. */
bool window_wait_event(const struct window *w, int wake_fd, SDL_Event *e, int64_t timeout_ms)
{
    if (w->sdl_waits)
        return SDL_WaitEventTimeout(e, (int)timeout_ms + 1);
    if (SDL_PollEvent(e))
        return true;
    struct pollfd fd = {.fd = wake_fd, .events = POLLIN};
    poll(&fd, wake_fd >= 0 ? 1 : 0,
         (int)(timeout_ms < INPUT_POLL_MS ? timeout_ms + 1 : INPUT_POLL_MS));
    return SDL_PollEvent(e);
}
