/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The program itself, built as a module (hallscreen.so) that its start,
 * app/launch.c, loads and runs once SIGHUP and SIGUSR1 are held back. */
#ifndef HALLSCREEN_MAIN_H
#define HALLSCREEN_MAIN_H

/* What main() would be: the command line, the modes; the exit status. */
int hallscreen_main(int argc, char **argv);

/* Defined by the start and exported to the module: the program runs as a
 * module (see clip_probe_serve()). */
extern const char hallscreen_launch_marker;

/* Its name in the module, for dlsym(). */
#define HALLSCREEN_MAIN_SYMBOL "hallscreen_main"

#endif
