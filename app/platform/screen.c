/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Renderer choice. */
#include "screen.h"

#include "../util/log.h"

#include <glob.h>
#include <string.h>

enum { GL_RENDERER_NAME = 0x1F01 }; /* GL_RENDERER */

/* True when the kernel offers a GPU render node. */
static bool has_render_node(void)
{
    glob_t found;
    bool any = glob("/dev/dri/renderD*", 0, NULL, &found) == 0 && found.gl_pathc > 0;
    globfree(&found);
    return any;
}

/* True when the OpenGL behind renderer rasterises in software. */
static bool is_software_gl(SDL_Renderer *renderer)
{
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(renderer, &info) != 0 || strncmp(info.name, "opengl", 6) != 0)
        return false;
    typedef const unsigned char *(*get_string)(unsigned);
    get_string gl_get_string = (get_string)(uintptr_t)SDL_GL_GetProcAddress("glGetString");
    const char *name = gl_get_string ? (const char *)gl_get_string(GL_RENDERER_NAME) : NULL;
    LOG(LOG_INFO, "screen", "OpenGL renderer: %s", name ? name : "unknown");
    return !name || strstr(name, "llvmpipe") || strstr(name, "softpipe") ||
           strstr(name, "Software");
}

SDL_Renderer *screen_renderer(SDL_Window *window, const char *choice, bool *vsync)
{
    *vsync = false;
    bool gpu = strcmp(choice, "gpu") == 0 || (strcmp(choice, "auto") == 0 && has_render_node());
    if (gpu) {
        SDL_Renderer *r = SDL_CreateRenderer(window, -1,
                                             SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC |
                                                 SDL_RENDERER_TARGETTEXTURE);
        if (r && (strcmp(choice, "gpu") == 0 || !is_software_gl(r))) {
            SDL_RendererInfo info;
            SDL_GetRendererInfo(r, &info);
            *vsync = info.flags & SDL_RENDERER_PRESENTVSYNC;
            LOG(LOG_INFO, "screen", "drawing with the GPU (%s)", info.name);
            return r;
        }
        if (r)
            SDL_DestroyRenderer(r);
    }
    LOG(LOG_INFO, "screen", "drawing in software");
    return SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
}
