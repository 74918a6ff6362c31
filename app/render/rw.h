/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SDL streams over files the program has opened itself (without blocking,
 * and checked), for SDL_image and SDL_ttf to read from. */
#ifndef HALLSCREEN_RW_H
#define HALLSCREEN_RW_H

#include <SDL.h>

/* A stream reading the open descriptor fd from where it stands, which it
 * owns: closing the stream closes fd. NULL when no stream can be made; fd
 * is closed then too. */
SDL_RWops *rw_from_fd(int fd);

#endif
