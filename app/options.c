/* The command line. */
#include "options.h"

#include "content/settle.h"
#include "util/civil_time.h"

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
    "  --now YYYY-MM-DDTHH:MM  take this as the time now, in the event's time\n"
    "  --status FILE         keep the show's state in FILE (JSON, rewritten atomically)\n"
    "  --screenshot FILE     on SIGUSR1, write what is on screen to FILE (PNG)\n"
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
    "  --hwdec MODE          how clips are decoded: mpv's hwdec choice (default\n"
    "                        auto-safe; v4l2m2m-copy on a Raspberry Pi; no: CPU only)\n"
    "  --assets DIR          theme and fonts (default: found next to the program)\n"
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

bool options_parse(int argc, char **argv, struct options *opts, char *err, size_t err_size)
{
    memset(opts, 0, sizeof *opts);
    opts->settle_ms = SETTLE_DEFAULT_MS;
    opts->renderer = "auto";
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        bool takes_value = strcmp(arg, "--size") == 0 || strcmp(arg, "--render") == 0 ||
                           strcmp(arg, "--now") == 0 || strcmp(arg, "--assets") == 0 ||
                           strcmp(arg, "--status") == 0 || strcmp(arg, "--screenshot") == 0 ||
                           strcmp(arg, "--poll") == 0 || strcmp(arg, "--settle") == 0 ||
                           strcmp(arg, "--rotate") == 0 || strcmp(arg, "--display") == 0 ||
                           strcmp(arg, "--renderer") == 0 || strcmp(arg, "--room") == 0 ||
                           strcmp(arg, "--hwdec") == 0;
        if (takes_value && !value) {
            snprintf(err, err_size, "%s needs a value (see --help)", arg);
            return false;
        }
        if (strcmp(arg, "--windowed") == 0) {
            opts->windowed = true;
        } else if (strcmp(arg, "--check") == 0) {
            opts->check = true;
        } else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            opts->help = true;
        } else if (strcmp(arg, "--version") == 0) {
            opts->version = true;
        } else if (strcmp(arg, "--size") == 0) {
            if (!parse_size(value, &opts->width, &opts->height)) {
                snprintf(err, err_size, "--size: '%s' is not a size like 1920x1080", value);
                return false;
            }
            i++;
        } else if (strcmp(arg, "--render") == 0) {
            opts->render_dir = value;
            i++;
        } else if (strcmp(arg, "--status") == 0) {
            opts->status_path = value;
            i++;
        } else if (strcmp(arg, "--screenshot") == 0) {
            opts->screenshot_path = value;
            i++;
        } else if (strcmp(arg, "--poll") == 0) {
            char *end;
            double seconds = strtod(value, &end);
            if (*end || !(seconds >= 0.1 && seconds <= 3600)) {
                snprintf(err, err_size, "--poll: '%s' is not a number of seconds (0.1 to 3600)",
                         value);
                return false;
            }
            opts->poll_ms = (int)(seconds * 1000);
            i++;
        } else if (strcmp(arg, "--settle") == 0) {
            char *end;
            long ms = strtol(value, &end, 10);
            if (*end || ms < 0 || ms > 60000) {
                snprintf(err, err_size, "--settle: '%s' is not milliseconds (0 to 60000)", value);
                return false;
            }
            opts->settle_ms = (int)ms;
            i++;
        } else if (strcmp(arg, "--rotate") == 0) {
            int degrees = atoi(value);
            if ((degrees != 0 && degrees != 90 && degrees != 180 && degrees != 270) ||
                strspn(value, "0123456789") != strlen(value)) {
                snprintf(err, err_size, "--rotate: '%s' is not 0, 90, 180 or 270", value);
                return false;
            }
            opts->rotate = degrees;
            i++;
        } else if (strcmp(arg, "--display") == 0) {
            char *end;
            long n = strtol(value, &end, 10);
            if (*end || end == value || n < 0 || n > 15) {
                snprintf(err, err_size, "--display: '%s' is not a monitor number (0 to 15)", value);
                return false;
            }
            opts->display = (int)n;
            i++;
        } else if (strcmp(arg, "--renderer") == 0) {
            if (strcmp(value, "auto") != 0 && strcmp(value, "software") != 0 &&
                strcmp(value, "gpu") != 0) {
                snprintf(err, err_size, "--renderer: '%s' is not auto, software or gpu", value);
                return false;
            }
            opts->renderer = value;
            i++;
        } else if (strcmp(arg, "--hwdec") == 0) {
            if (!value[0] || strspn(value, "abcdefghijklmnopqrstuvwxyz0123456789-,") != strlen(value)) {
                snprintf(err, err_size, "--hwdec: '%s' is not a decoding mode such as auto-safe",
                         value);
                return false;
            }
            opts->hwdec = value;
            i++;
        } else if (strcmp(arg, "--room") == 0) {
            opts->room = value;
            i++;
        } else if (strcmp(arg, "--assets") == 0) {
            opts->assets_dir = value;
            i++;
        } else if (strcmp(arg, "--now") == 0) {
            if (!civil_parse_datetime(value, &opts->now)) {
                snprintf(err, err_size, "--now: '%s' is not a time like 2025-02-12T10:00", value);
                return false;
            }
            opts->has_now = true;
            i++;
        } else if (arg[0] == '-' && arg[1]) {
            snprintf(err, err_size, "unknown option '%s' (see --help)", arg);
            return false;
        } else if (opts->content_dir) {
            snprintf(err, err_size, "one content folder only: '%s' and '%s'", opts->content_dir,
                     arg);
            return false;
        } else {
            opts->content_dir = arg;
        }
    }
    return true;
}
