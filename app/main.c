/* hallscreen: the command line, the three modes (show, --render, --check)
 * and the show's main loop. The only place that decides to exit. */
#include "content/content.h"
#include "content/loader.h"
#include "options.h"
#include "render/render.h"
#include "show/show.h"
#include "util/civil_time.h"
#include "util/log.h"
#include "util/str.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef HALLSCREEN_VERSION
#define HALLSCREEN_VERSION "0.0"
#endif
#ifndef HALLSCREEN_DATADIR
#define HALLSCREEN_DATADIR "/usr/local/share/hallscreen"
#endif

enum {
    DEFAULT_WINDOW_W = 1280,
    DEFAULT_WINDOW_H = 720,
    DEFAULT_RENDER_W = 1920,
    DEFAULT_RENDER_H = 1080
};

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The folder that holds assets/ and content/: beside the build or install
 * folder of the program, or the data folder it was installed with. */
static char *find_data_dir(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *bin = dirname(exe);
        const char *relative[] = {"..", "../share/hallscreen"};
        for (size_t i = 0; i < sizeof relative / sizeof *relative; i++) {
            char *dir = str_printf("%s/%s", bin, relative[i]);
            char *assets = dir ? str_printf("%s/assets", dir) : NULL;
            bool found = assets && is_dir(assets);
            free(assets);
            if (found)
                return dir;
            free(dir);
        }
    }
    return str_dup(HALLSCREEN_DATADIR);
}

/* The event's clock: from --now, else the machine's local time; seconds
 * since 1970 in event time. */
static int64_t start_time(const struct options *opts)
{
    if (opts->has_now)
        return opts->now;
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    return civil_days(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) * SECONDS_PER_DAY +
           tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
}

static void print_problems(const struct diag_list *diags, FILE *out)
{
    char line[2048];
    for (size_t i = 0; i < diags->count; i++) {
        diag_format(&diags->items[i], line, sizeof line);
        fprintf(out, "%s\n", line);
    }
}

static int run_check(const struct programme *prog, const struct diag_list *diags)
{
    print_problems(diags, stdout);
    size_t errors = diag_count(diags, DIAG_ERROR), warnings = diag_count(diags, DIAG_WARNING);
    if (prog->slide_count == 0)
        printf("%s: no slides to show\n", prog->content_dir);
    printf("%s: %zu slides, %zu errors, %zu warnings\n", prog->content_dir, prog->slide_count,
           errors, warnings);
    return errors || warnings || prog->slide_count == 0 ? 1 : 0;
}

static int run_render(const struct options *opts, const struct programme *prog)
{
    int w = opts->width ? opts->width : DEFAULT_RENDER_W;
    int h = opts->height ? opts->height : DEFAULT_RENDER_H;
    if (prog->slide_count == 0) {
        fprintf(stderr, "hallscreen: %s has no slides to render\n", prog->content_dir);
        return 1;
    }
    if (mkdir(opts->render_dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "hallscreen: cannot make folder %s: %s\n", opts->render_dir,
                strerror(errno));
        return 1;
    }
    SDL_Surface *canvas = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *sdl = canvas ? SDL_CreateSoftwareRenderer(canvas) : NULL;
    char err[256] = "";
    struct renderer *r = sdl ? render_create(sdl, &prog->theme, err, sizeof err) : NULL;
    if (!r) {
        fprintf(stderr, "hallscreen: cannot render: %s\n", err[0] ? err : SDL_GetError());
        if (sdl)
            SDL_DestroyRenderer(sdl);
        SDL_FreeSurface(canvas);
        return 1;
    }
    char clock[64];
    civil_format_moment(start_time(opts), clock, sizeof clock);
    size_t written = 0;
    for (size_t i = 0; i < prog->slide_count; i++) {
        const struct slide *slide = &prog->slides[i];
        char *path =
            str_printf("%s/%02zu-%s.png", opts->render_dir, i + 1, slide_kind_name(slide->kind));
        if (path && render_frame(r, prog, slide, clock, w, h) && render_save_png(sdl, w, h, path)) {
            printf("%s\n", path);
            written++;
        } else {
            fprintf(stderr, "hallscreen: cannot write %s: %s\n", path ? path : "a slide",
                    SDL_GetError());
        }
        free(path);
    }
    render_destroy(r);
    SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(canvas);
    return written == prog->slide_count ? 0 : 1;
}

/* What the main loop knows besides the show itself. */
struct screen {
    SDL_Window *window;
    SDL_Renderer *sdl;
    struct renderer *renderer;
    bool dirty; /* the frame must be drawn again */
};

static bool handle_event(const SDL_Event *e, struct screen *s, struct show *show,
                         const struct programme *prog, int64_t now_ms)
{
    if (e->type == SDL_QUIT)
        return false;
    if (e->type == SDL_WINDOWEVENT)
        s->dirty = true;
    if (e->type != SDL_KEYDOWN)
        return true;
    switch (e->key.keysym.sym) {
    case SDLK_q:
    case SDLK_ESCAPE:
        return false;
    case SDLK_RIGHT:
        show_step(show, prog, 1, now_ms);
        break;
    case SDLK_LEFT:
        show_step(show, prog, -1, now_ms);
        break;
    case SDLK_SPACE:
        show_set_paused(show, !show->paused, now_ms);
        break;
    case SDLK_f: {
        bool full = SDL_GetWindowFlags(s->window) & SDL_WINDOW_FULLSCREEN;
        SDL_SetWindowFullscreen(s->window, full ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
        SDL_ShowCursor(full ? SDL_ENABLE : SDL_DISABLE);
        break;
    }
    default:
        break;
    }
    s->dirty = true;
    return true;
}

static int run_show(const struct options *opts, const struct programme *prog)
{
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr,
                "hallscreen: no display (%s): run it on a desktop, on the console with "
                "SDL_VIDEODRIVER=kmsdrm, or use --render\n",
                SDL_GetError());
        return 1;
    }
    SDL_DisableScreenSaver();
    int w = opts->width ? opts->width : DEFAULT_WINDOW_W;
    int h = opts->height ? opts->height : DEFAULT_WINDOW_H;
    Uint32 flags = opts->windowed ? SDL_WINDOW_RESIZABLE : SDL_WINDOW_FULLSCREEN_DESKTOP;
    struct screen s = {.dirty = true};
    char err[256] = "";
    s.window =
        SDL_CreateWindow("hallscreen", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
    s.sdl = s.window ? SDL_CreateRenderer(s.window, -1, SDL_RENDERER_SOFTWARE) : NULL;
    s.renderer = s.sdl ? render_create(s.sdl, &prog->theme, err, sizeof err) : NULL;
    int status = 0;
    if (!s.renderer) {
        fprintf(stderr, "hallscreen: cannot open the screen: %s\n", err[0] ? err : SDL_GetError());
        status = 1;
    } else {
        if (!opts->windowed)
            SDL_ShowCursor(SDL_DISABLE);
        int64_t event_start = start_time(opts);
        Uint64 started = SDL_GetTicks64();
        struct show show;
        show_start(&show, (int64_t)started);
        char shown_clock[64] = "";
        for (bool running = true; running;) {
            int64_t now_ms = (int64_t)SDL_GetTicks64();
            int64_t event_ms = event_start * 1000 + (now_ms - (int64_t)started);
            char clock[64];
            civil_format_moment(event_ms / 1000, clock, sizeof clock);
            if (show_tick(&show, prog, now_ms) || strcmp(clock, shown_clock) != 0)
                s.dirty = true;
            if (s.dirty) {
                int out_w, out_h;
                SDL_GetRendererOutputSize(s.sdl, &out_w, &out_h);
                const struct slide *slide = prog->slide_count ? &prog->slides[show.current] : NULL;
                if (render_frame(s.renderer, prog, slide, clock, out_w, out_h))
                    SDL_RenderPresent(s.sdl);
                snprintf(shown_clock, sizeof shown_clock, "%s", clock);
                s.dirty = false;
            }
            /* Sleep until the next minute of the clock or the next slide. */
            int64_t wait = 60000 - event_ms % 60000;
            int64_t next_slide = show_ms_until_change(&show, prog, now_ms);
            if (next_slide >= 0 && next_slide < wait)
                wait = next_slide;
            SDL_Event e;
            if (SDL_WaitEventTimeout(&e, (int)wait + 1)) {
                do
                    running = handle_event(&e, &s, &show, prog, (int64_t)SDL_GetTicks64());
                while (running && SDL_PollEvent(&e));
            }
        }
    }
    render_destroy(s.renderer);
    if (s.sdl)
        SDL_DestroyRenderer(s.sdl);
    if (s.window)
        SDL_DestroyWindow(s.window);
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
    return status;
}

int main(int argc, char **argv)
{
    struct options opts;
    char err[512];
    if (!options_parse(argc, argv, &opts, err, sizeof err)) {
        fprintf(stderr, "hallscreen: %s\n", err);
        return 2;
    }
    if (opts.help) {
        fputs(options_usage, stdout);
        return 0;
    }
    if (opts.version) {
        printf("hallscreen %s\n", HALLSCREEN_VERSION);
        return 0;
    }

    char *data_dir = find_data_dir();
    char *assets_dir =
        opts.assets_dir ? str_dup(opts.assets_dir) : str_printf("%s/assets", data_dir);
    char *content_dir =
        opts.content_dir ? str_dup(opts.content_dir) : str_printf("%s/content", data_dir);
    struct theme base_theme;
    theme_init_defaults(&base_theme);
    struct diag_list diags = {0};
    char *theme_path = str_printf("%s/theme.yaml", assets_dir);
    if (theme_path && access(theme_path, R_OK) == 0)
        theme_load_file(theme_path, &base_theme, &diags);
    free(theme_path);

    struct programme prog;
    int status;
    if (!content_load(content_dir, &base_theme, &prog, &diags)) {
        fprintf(stderr,
                "hallscreen: content folder '%s' not found: name the folder of the show "
                "(hallscreen path/to/content)\n",
                content_dir);
        status = 1;
    } else if (opts.check) {
        status = run_check(&prog, &diags);
    } else {
        print_problems(&diags, stderr);
        if (TTF_Init() != 0) {
            fprintf(stderr, "hallscreen: cannot start the font engine: %s\n", TTF_GetError());
            status = 1;
        } else {
            IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
            status = opts.render_dir ? run_render(&opts, &prog) : run_show(&opts, &prog);
            IMG_Quit();
            TTF_Quit();
        }
        SDL_Quit();
    }
    programme_free(&prog);
    theme_free(&base_theme);
    diag_list_clear(&diags);
    free(data_dir);
    free(assets_dir);
    free(content_dir);
    return status;
}
