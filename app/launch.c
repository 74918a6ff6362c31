/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The program's start: SIGHUP and SIGUSR1 held back first, then the
 * program itself loaded (hallscreen.so, with the 75 libraries it needs)
 * and run. This file needs the C library alone, which the dynamic loader
 * maps in well under a millisecond; mapping the program's libraries takes
 * 5 to 30 ms, and a signal's default action in that time would end it.
 * A blocked signal waits, pending, until the program's handlers are in
 * place (signals_open()), and a blocked mask survives the loading. */
#include "main.h"

#include <dlfcn.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#ifndef HALLSCREEN_MODULE_RELATIVE
#define HALLSCREEN_MODULE_RELATIVE "../lib/hallscreen" /* from bin/ */
#endif
#ifndef HALLSCREEN_MODULE_DIR
#define HALLSCREEN_MODULE_DIR "/usr/lib/hallscreen"
#endif
#define MODULE_NAME "hallscreen.so"

/* The module beside this program (a build tree), under the prefix it is
 * installed in (found from where it runs, so a DESTDIR or moved prefix
 * works), or where it was installed to. NULL with the last reason given. */
static void *open_module(void)
{
    char dir[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
    dir[n > 0 ? n : 0] = '\0';
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    char beside[PATH_MAX + 64], under_prefix[PATH_MAX + 64];
    snprintf(beside, sizeof beside, "%s/" MODULE_NAME, dir);
    snprintf(under_prefix, sizeof under_prefix, "%s/" HALLSCREEN_MODULE_RELATIVE "/" MODULE_NAME,
             dir);
    const char *places[] = {beside, under_prefix, HALLSCREEN_MODULE_DIR "/" MODULE_NAME};
    void *module = NULL;
    for (size_t i = 0; !module && i < sizeof places / sizeof *places; i++)
        if (slash || i == 2)
            module = dlopen(places[i], RTLD_NOW | RTLD_LOCAL);
    return module;
}

const char hallscreen_launch_marker = 1;

int main(int argc, char **argv)
{
    sigset_t held;
    sigemptyset(&held);
    sigaddset(&held, SIGHUP);
    sigaddset(&held, SIGUSR1);
    sigprocmask(SIG_BLOCK, &held, NULL);
    void *module = open_module();
    int (*run)(int, char **) = NULL;
    void *symbol = module ? dlsym(module, HALLSCREEN_MAIN_SYMBOL) : NULL;
    if (symbol)
        memcpy(&run, &symbol, sizeof run); /* POSIX: a function's address fits a void * */
    if (!run) {
        fprintf(stderr, "hallscreen: cannot load " MODULE_NAME " (reinstall hallscreen): %s\n",
                dlerror());
        return 1;
    }
    return run(argc, argv);
}
