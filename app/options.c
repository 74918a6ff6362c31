/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The command line. */
#include "limits.h"
#include "options.h"

#include "util/civil_time.h"
#include "util/array.h"
#include "util/file_write.h"

#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MIN_SIDE = 64, MAX_SIDE = 16384 };

const char options_usage[] =
    "Usage: hallscreen [OPTIONS] [CONTENT_DIR]\n"
    "Shows the slides of CONTENT_DIR (default: the bundled show) fullscreen, cycling.\n"
    "\n"
    "  --windowed            in a resizable desktop window instead of fullscreen\n"
    "  --size WxH            window size (default 1280x720) or --render size\n"
    "                        (default 1920x1080)\n"
    "  --render OUT_DIR      write every slide as PNG to OUT_DIR and exit\n"
    "  --check               report problems in the content and exit: 0 when valid\n"
    "  --json                with --check: the report as JSON, for scripts\n"
    "  --now YYYY-MM-DDTHH:MM  take this as the time now, in the event's time\n"
    "  --status FILE         keep the show's state in FILE (JSON, rewritten atomically)\n"
    "  --state DIR           keep the programme as this screen first saw it in DIR,\n"
    "                        to show what moved or was cancelled (default:\n"
    "                        $STATE_DIRECTORY, set by the unit's StateDirectory=)\n"
    "  --metrics FILE        keep figures for Prometheus in FILE (node_exporter's\n"
    "                        textfile collector), rewritten atomically\n"
    "  --sync                slides follow the clock: every screen playing the same\n"
    "                        content shows the same slide at the same moment\n"
    "  --screenshot FILE     on SIGUSR1, write what is on screen to FILE (PNG)\n"
    "  --overlay DIR         read alert.yaml and rooms.yaml from DIR first (as\n"
    "                        hallscreen-agent writes them), and take commands on\n"
    "                        the socket DIR/.control\n"
    "  --poll SECONDS        look for content changes this often instead of inotify\n"
    "                        (default: inotify; polling every 2 s where it cannot work)\n"
    "  --settle MS           a file still being written is read after MS of quiet\n"
    "                        (default 300)\n"
    "  --display N           the monitor to fill, from 0 (default 0)\n"
    "  --rotate DEGREES      turn the picture 90, 180 or 270 degrees clockwise, for a\n"
    "                        screen mounted sideways (slides are laid out to fit)\n"
    "  --renderer NAME       auto (default: the GPU if there is a real one),\n"
    "                        software or gpu\n"
    "  --room NAME           the screen beside one room's door: its talks only, large\n"
    "  --timer NAME          the stage timer of room NAME, for the chair and the\n"
    "                        speaker: the time left of the talk running now, large;\n"
    "                        keys: Space hold/resume, + and - a minute, 0 the schedule\n"
    "  --hwdec MODE          how clips are decoded: mpv's hwdec choice (default\n"
    "                        auto-safe; v4l2m2m-copy on a Raspberry Pi; no: CPU only)\n"
    "  --assets DIR          theme and fonts (default: found next to the program)\n"
    "  --verbose, --quiet    log debug lines too, or only warnings and errors\n"
    "  --help, --version\n"
    "\n"
    "Keys: Right/Left next/previous slide, Space pause, F fullscreen, Q or Esc quit.\n"
    "Signals: SIGHUP reads the whole content folder again; SIGUSR1 writes a\n"
    "screenshot (--screenshot); SIGINT and SIGTERM quit.\n";

static bool parse_size(const char *s, int *w, int *h)
{
    char *end;
    long a = strtol(s, &end, 10);
    if (*end != 'x' && *end != 'X')
        return false;
    long b = strtol(end + 1, &end, 10);
    if (*end || a < MIN_SIDE || b < MIN_SIDE || a > MAX_SIDE || b > MAX_SIDE)
        return false;
    *w = (int)a;
    *h = (int)b;
    return true;
}

/* The options: each name once, with the code the parser below switches on. */
enum option_code {
    OPT_WINDOWED = 256,
    OPT_CHECK,
    OPT_JSON,
    OPT_VERSION,
    OPT_SIZE,
    OPT_RENDER,
    OPT_STATUS,
    OPT_STATE,
    OPT_METRICS,
    OPT_SCREENSHOT,
    OPT_POLL,
    OPT_SETTLE,
    OPT_ROTATE,
    OPT_DISPLAY,
    OPT_RENDERER,
    OPT_HWDEC,
    OPT_ROOM,
    OPT_ASSETS,
    OPT_NOW,
    OPT_SYNC,
    OPT_VERBOSE,
    OPT_QUIET,
    OPT_OVERLAY,
    OPT_TIMER,
};

static const struct option table[] = {
    {"windowed", no_argument, NULL, OPT_WINDOWED},
    {"check", no_argument, NULL, OPT_CHECK},
    {"json", no_argument, NULL, OPT_JSON},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, OPT_VERSION},
    {"size", required_argument, NULL, OPT_SIZE},
    {"render", required_argument, NULL, OPT_RENDER},
    {"status", required_argument, NULL, OPT_STATUS},
    {"state", required_argument, NULL, OPT_STATE},
    {"metrics", required_argument, NULL, OPT_METRICS},
    {"screenshot", required_argument, NULL, OPT_SCREENSHOT},
    {"poll", required_argument, NULL, OPT_POLL},
    {"overlay", required_argument, NULL, OPT_OVERLAY},
    {"settle", required_argument, NULL, OPT_SETTLE},
    {"rotate", required_argument, NULL, OPT_ROTATE},
    {"display", required_argument, NULL, OPT_DISPLAY},
    {"renderer", required_argument, NULL, OPT_RENDERER},
    {"hwdec", required_argument, NULL, OPT_HWDEC},
    {"room", required_argument, NULL, OPT_ROOM},
    {"assets", required_argument, NULL, OPT_ASSETS},
    {"now", required_argument, NULL, OPT_NOW},
    {"sync", no_argument, NULL, OPT_SYNC},
    {"verbose", no_argument, NULL, OPT_VERBOSE},
    {"quiet", no_argument, NULL, OPT_QUIET},
    {"timer", required_argument, NULL, OPT_TIMER},
    {NULL, 0, NULL, 0},
};

/* Takes one option's value into opts; false with the reason in err. */
static bool take(int code, const char *value, struct options *opts, char *err, size_t err_size)
{
    char *end = NULL;
    switch ((enum option_code)code) {
    case OPT_WINDOWED:
        opts->windowed = true;
        return true;
    case OPT_CHECK:
        opts->check = true;
        return true;
    case OPT_JSON:
        opts->json = true;
        return true;
    case OPT_VERSION:
        opts->version = true;
        return true;
    case OPT_SYNC:
        opts->sync = true;
        return true;
    case OPT_VERBOSE:
    case OPT_QUIET:
        opts->verbosity = code == OPT_VERBOSE ? 1 : -1;
        return true;
    case OPT_SIZE:
        if (parse_size(value, &opts->width, &opts->height))
            return true;
        snprintf(err, err_size, "--size: '%s' is not a size like 1920x1080", value);
        return false;
    case OPT_RENDER:
        opts->render_dir = value;
        return true;
    case OPT_STATUS:
        opts->status_path = value;
        return true;
    case OPT_METRICS:
        opts->metrics_path = value;
        return true;
    case OPT_STATE:
        if (!value[0]) {
            snprintf(err, err_size, "--state: the folder's name is empty: name a folder");
            return false;
        }
        opts->state_dir = value;
        return true;
    case OPT_SCREENSHOT:
        opts->screenshot_path = value;
        return true;
    case OPT_OVERLAY:
        opts->overlay_dir = value;
        return true;
    case OPT_ROOM:
        if (!value[0]) {
            snprintf(err, err_size,
                     "--room: the name is empty (an unset variable?): name the room as the "
                     "programme writes it");
            return false;
        }
        opts->room = value;
        return true;
    case OPT_TIMER:
        if (!value[0]) {
            snprintf(err, err_size,
                     "--timer: the room's name is empty (an unset variable?): name the room as "
                     "the programme writes it");
            return false;
        }
        opts->timer_room = value;
        return true;
    case OPT_ASSETS:
        opts->assets_dir = value;
        return true;
    case OPT_POLL: {
        double seconds = strtod(value, &end);
        if (*end || !(seconds >= 0.1 && seconds <= 3600)) {
            snprintf(err, err_size, "--poll: '%s' is not a number of seconds (0.1 to 3600)", value);
            return false;
        }
        opts->poll_ms = (int)(seconds * 1000);
        return true;
    }
    case OPT_SETTLE: {
        long ms = strtol(value, &end, 10);
        if (*end || end == value || ms < 0 || ms > 60000) {
            snprintf(err, err_size, "--settle: '%s' is not milliseconds (0 to 60000)", value);
            return false;
        }
        opts->settle_ms = (int)ms;
        return true;
    }
    case OPT_ROTATE: {
        long degrees = strtol(value, &end, 10);
        if (*end || end == value || !isdigit((unsigned char)value[0]) || degrees % 90 != 0 ||
            degrees < 0 || degrees > 270) {
            snprintf(err, err_size, "--rotate: '%s' is not 0, 90, 180 or 270", value);
            return false;
        }
        opts->rotate = (int)degrees;
        return true;
    }
    case OPT_DISPLAY: {
        long n = strtol(value, &end, 10);
        if (*end || end == value || n < 0 || n > 15) {
            snprintf(err, err_size, "--display: '%s' is not a monitor number (0 to 15)", value);
            return false;
        }
        opts->display = (int)n;
        return true;
    }
    case OPT_RENDERER:
        if (strcmp(value, "auto") != 0 && strcmp(value, "software") != 0 &&
            strcmp(value, "gpu") != 0) {
            snprintf(err, err_size, "--renderer: '%s' is not auto, software or gpu", value);
            return false;
        }
        opts->renderer = value;
        return true;
    case OPT_HWDEC:
        if (!value[0] || strspn(value, "abcdefghijklmnopqrstuvwxyz0123456789-,") != strlen(value)) {
            snprintf(err, err_size, "--hwdec: '%s' is not a decoding mode such as auto-safe",
                     value);
            return false;
        }
        opts->hwdec = value;
        return true;
    case OPT_NOW:
        if (!civil_parse_datetime(value, &opts->now)) {
            snprintf(err, err_size, "--now: '%s' is not a time like 2025-02-12T10:00", value);
            return false;
        }
        opts->has_now = true;
        return true;
    }
    return false;
}

/* The output files can be written: none names a device, FIFO or folder,
 * which writing would replace with a file. False with the reason in err. */
static bool outputs_ok(const struct options *opts, char *err, size_t err_size)
{
    const struct {
        const char *option, *path, *example;
    } outputs[] = {
        {"--status", opts->status_path, "/run/hallscreen/status.json"},
        {"--metrics", opts->metrics_path, "/var/lib/prometheus/node-exporter/hallscreen.prom"},
        {"--screenshot", opts->screenshot_path, "/run/hallscreen/screen.png"},
    };
    for (size_t i = 0; i < COUNT(outputs); i++) {
        char why[32];
        if (outputs[i].path && !file_write_target_ok(outputs[i].path, why, sizeof why)) {
            snprintf(err, err_size, "%s %s: %s: name a file (such as %s)", outputs[i].option,
                     outputs[i].path, why, outputs[i].example);
            return false;
        }
    }
    return true;
}

bool options_parse(int argc, char **argv, struct options *opts, char *err, size_t err_size)
{
    memset(opts, 0, sizeof *opts);
    opts->settle_ms = SETTLE_DEFAULT_MS;
    opts->renderer = "auto";
    opterr = 0; /* the messages below say it in the program's words */
    optind = 0; /* from the start, for each call */
    for (;;) {
        int code = getopt_long(argc, argv, ":h", table, NULL);
        if (code == -1)
            break;
        const char *arg = argv[optind - 1];
        if (code == ':') {
            snprintf(err, err_size, "%s needs a value (see --help)", arg);
            return false;
        }
        if (code == '?') {
            snprintf(err, err_size, "unknown option '%s' (see --help)", arg);
            return false;
        }
        if (code == 'h')
            opts->help = true;
        else if (!take(code, optarg, opts, err, err_size))
            return false;
    }
    for (int i = optind; i < argc; i++) {
        if (opts->content_dir) {
            snprintf(err, err_size, "one content folder only: '%s' and '%s'", opts->content_dir,
                     argv[i]);
            return false;
        }
        opts->content_dir = argv[i];
    }
    return outputs_ok(opts, err, err_size);
}
