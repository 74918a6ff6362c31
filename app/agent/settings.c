/* SPDX-License-Identifier: GPL-2.0-or-later */
/* hallscreen-agent's command line and environment. */
#include "settings.h"

#include "fleet.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char agent_settings_usage[] =
    "Usage: hallscreen-agent --broker HOST[:PORT] --prefix PREFIX --screen NAME\n"
    "                        --overlay DIR --status FILE [options]\n"
    "Joins one screen to the venue's fleet over MQTT: writes the alert and rooms\n"
    "messages it gets into the show's overlay folder (hallscreen --overlay DIR),\n"
    "passes commands on to the show, and publishes the show's status file.\n"
    "\n"
    "  --broker HOST[:PORT]  the MQTT broker (port 1883, or 8883 with --cafile)\n"
    "  --prefix PREFIX       the fleet's topics: PREFIX/alert, PREFIX/rooms,\n"
    "                        PREFIX/screens/NAME/{alert,rooms,command,status,screenshot}\n"
    "  --screen NAME         this screen's name in the topics\n"
    "  --overlay DIR         the show's overlay folder\n"
    "  --status FILE         the show's status file (its --status)\n"
    "  --username NAME       log in to the broker as NAME\n"
    "  --password-file FILE  with the password on the first line of FILE\n"
    "  --cafile FILE         connect with TLS, trusting the CA certificate in FILE\n"
    "  --verbose             log every message\n"
    "  --help, --version\n"
    "\n"
    "Each setting may come from the environment instead: HALLSCREEN_AGENT_BROKER,\n"
    "_PREFIX, _SCREEN, _OVERLAY, _STATUS, _USERNAME, _PASSWORD_FILE, _CAFILE (the\n"
    "unit hallscreen-agent@.service reads them from /etc/default/hallscreen-agent).\n";

enum {
    OPT_BROKER = 256,
    OPT_PREFIX,
    OPT_SCREEN,
    OPT_OVERLAY,
    OPT_STATUS,
    OPT_USERNAME,
    OPT_PASSWORD_FILE,
    OPT_CAFILE,
    OPT_VERBOSE,
    OPT_VERSION
};

static const struct option table[] = {
    {"broker", required_argument, NULL, OPT_BROKER},
    {"prefix", required_argument, NULL, OPT_PREFIX},
    {"screen", required_argument, NULL, OPT_SCREEN},
    {"overlay", required_argument, NULL, OPT_OVERLAY},
    {"status", required_argument, NULL, OPT_STATUS},
    {"username", required_argument, NULL, OPT_USERNAME},
    {"password-file", required_argument, NULL, OPT_PASSWORD_FILE},
    {"cafile", required_argument, NULL, OPT_CAFILE},
    {"verbose", no_argument, NULL, OPT_VERBOSE},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, OPT_VERSION},
    {NULL, 0, NULL, 0},
};

/* The environment's value of HALLSCREEN_AGENT_<name>, NULL when unset or
 * empty (an empty line in /etc/default means "not set"). */
static const char *from_env(const char *(*env)(const char *), const char *name)
{
    char key[64];
    snprintf(key, sizeof key, "HALLSCREEN_AGENT_%s", name);
    const char *value = env ? env(key) : NULL;
    return value && value[0] ? value : NULL;
}

/* HOST, HOST:PORT or [IPv6]:PORT into s; false with why in err. */
static bool parse_broker(const char *value, struct agent_settings *s, char *err, size_t err_size)
{
    const char *host = value, *colon = strrchr(value, ':');
    size_t n = strlen(value);
    if (value[0] == '[') {
        const char *close = strchr(value, ']');
        host = value + 1;
        n = close ? (size_t)(close - host) : 0;
        colon = close && close[1] == ':' ? close + 1 : NULL;
    } else if (colon && strchr(value, ':') == colon) {
        n = (size_t)(colon - value);
    } else {
        colon = NULL; /* a bare IPv6 address, or no port */
    }
    long port = 0;
    char *end = NULL;
    if (colon)
        port = strtol(colon + 1, &end, 10);
    if (n == 0 || n >= sizeof s->host || (colon && (*end || port < 1 || port > 65535))) {
        snprintf(err, err_size, "--broker: '%s' is not HOST or HOST:PORT (such as mqtt.venue:1883)",
                 value);
        return false;
    }
    memcpy(s->host, host, n);
    s->host[n] = '\0';
    s->port = (int)port;
    return true;
}

static bool take(int code, const char *value, struct agent_settings *s, char *err, size_t err_size)
{
    switch (code) {
    case OPT_BROKER:
        return parse_broker(value, s, err, err_size);
    case OPT_PREFIX:
        s->prefix = value;
        return true;
    case OPT_SCREEN:
        s->screen = value;
        return true;
    case OPT_OVERLAY:
        s->overlay_dir = value;
        return true;
    case OPT_STATUS:
        s->status_path = value;
        return true;
    case OPT_USERNAME:
        s->username = value;
        return true;
    case OPT_PASSWORD_FILE:
        s->password_file = value;
        return true;
    case OPT_CAFILE:
        s->cafile = value;
        return true;
    case OPT_VERBOSE:
        s->verbose = true;
        return true;
    case OPT_VERSION:
        s->version = true;
        return true;
    default:
        s->help = true;
        return true;
    }
}

/* Every setting needed is there and fits a topic. */
static bool complete(const struct agent_settings *s, char *err, size_t err_size)
{
    const struct {
        const char *option, *value, *example;
    } needed[] = {
        {"--prefix", s->prefix, "hallscreen/myconf"},
        {"--screen", s->screen, "hall-a-left"},
        {"--overlay", s->overlay_dir, "/run/hallscreen-0/overlay"},
        {"--status", s->status_path, "/run/hallscreen-0/status.json"},
    };
    if (!s->host[0]) {
        snprintf(err, err_size, "--broker is missing: name the MQTT broker (such as mqtt.venue)");
        return false;
    }
    for (size_t i = 0; i < sizeof needed / sizeof *needed; i++)
        if (!needed[i].value) {
            snprintf(err, err_size, "%s is missing (such as %s %s; see --help)", needed[i].option,
                     needed[i].option, needed[i].example);
            return false;
        }
    char why[200];
    if (!fleet_name_ok(s->prefix, false, why, sizeof why) ||
        !fleet_name_ok(s->screen, true, why, sizeof why)) {
        snprintf(err, err_size, "%s: %s",
                 fleet_name_ok(s->prefix, false, why, sizeof why) ? "--screen" : "--prefix", why);
        return false;
    }
    if (s->password_file && !s->username) {
        snprintf(err, err_size, "--password-file needs --username (the broker's user)");
        return false;
    }
    return true;
}

bool agent_settings_parse(int argc, char **argv, const char *(*env)(const char *name),
                          struct agent_settings *s, char *err, size_t err_size)
{
    memset(s, 0, sizeof *s);
    const char *broker = from_env(env, "BROKER");
    if (broker && !parse_broker(broker, s, err, err_size))
        return false;
    s->prefix = from_env(env, "PREFIX");
    s->screen = from_env(env, "SCREEN");
    s->overlay_dir = from_env(env, "OVERLAY");
    s->status_path = from_env(env, "STATUS");
    s->username = from_env(env, "USERNAME");
    s->password_file = from_env(env, "PASSWORD_FILE");
    s->cafile = from_env(env, "CAFILE");
    opterr = 0;
    optind = 0;
    for (int code; (code = getopt_long(argc, argv, ":h", table, NULL)) != -1;) {
        const char *arg = argv[optind - 1];
        if (code == ':' || code == '?') {
            snprintf(err, err_size,
                     code == ':' ? "%s needs a value (see --help)"
                                 : "unknown option '%s' (see --help)",
                     arg);
            return false;
        }
        if (!take(code, optarg, s, err, err_size))
            return false;
    }
    if (optind < argc) {
        snprintf(err, err_size, "'%s': the agent takes options only (see --help)", argv[optind]);
        return false;
    }
    if (!s->port)
        s->port = s->cafile ? 8883 : 1883;
    return s->help || s->version || complete(s, err, err_size);
}
