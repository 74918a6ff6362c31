/* SPDX-License-Identifier: GPL-2.0-or-later */
/* hallscreen-agent's settings: the command line over the environment (the
 * unit reads /etc/default/hallscreen-agent into it). Pure. */
#ifndef HALLSCREEN_AGENT_SETTINGS_H
#define HALLSCREEN_AGENT_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

struct agent_settings {
    char host[256];            /* --broker HOST:PORT */
    int port;                  /* 1883, or 8883 with --cafile, when not given */
    const char *prefix;        /* --prefix: "hallscreen/EVENT" */
    const char *screen;        /* --screen: this screen's name in the topics */
    const char *overlay_dir;   /* --overlay: where the files go (the show's --overlay) */
    const char *status_path;   /* --status: the show's status file */
    const char *username;      /* --username; NULL: none */
    const char *password_file; /* --password-file: its first line is the password */
    const char *cafile;        /* --cafile: TLS, trusting this CA */
    bool verbose;
    bool help, version;
};

/* Reads argv over the settings that env (a getenv(): the names
 * HALLSCREEN_AGENT_BROKER, _PREFIX, _SCREEN, _OVERLAY, _STATUS, _USERNAME,
 * _PASSWORD_FILE, _CAFILE) gives. False with a one-line reason in err when
 * they are wrong or one that is needed is missing. The strings stay argv's
 * or env's. */
bool agent_settings_parse(int argc, char **argv, const char *(*env)(const char *name),
                          struct agent_settings *s, char *err, size_t err_size);

/* The text of --help. */
extern const char agent_settings_usage[];

#endif
