/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Descriptors to SDL streams, through stdio. */
#include "rw.h"

#include <stdio.h>
#include <unistd.h>

SDL_RWops *rw_from_fd(int fd)
{
    FILE *file = fdopen(fd, "rb");
    SDL_RWops *rw = file ? SDL_RWFromFP(file, SDL_TRUE) : NULL;
    if (!rw) {
        if (file)
            fclose(file);
        else
            close(fd);
    }
    return rw;
}
