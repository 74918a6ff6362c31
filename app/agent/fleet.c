/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The fleet's topics and payloads. */
#include "fleet.h"

#include "../limits.h"
#include "../util/str.h"

#include <stdio.h>
#include <string.h>

/* The part of topic after "prefix/", or NULL when it does not start so. */
static const char *under(const char *topic, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(topic, prefix, n) == 0 && topic[n] == '/' ? topic + n + 1 : NULL;
}

struct fleet_topic fleet_topic_parse(const char *prefix, const char *screen, const char *topic)
{
    struct fleet_topic t = {FLEET_OTHER, NULL};
    const char *rest = under(topic, prefix);
    if (!rest)
        return t;
    const char *mine = under(rest, "screens");
    mine = mine ? under(mine, screen) : NULL;
    if (mine && strcmp(mine, "command") == 0) {
        t.kind = FLEET_COMMAND;
        return t;
    }
    t.file = overlay_find_topic(mine ? mine : rest);
    t.kind = !t.file ? FLEET_OTHER : mine ? FLEET_FILE_SCREEN : FLEET_FILE_ALL;
    return t;
}

char *fleet_topic_name(const char *prefix, const char *screen, const char *what)
{
    return screen ? str_printf("%s/screens/%s/%s", prefix, screen, what)
                  : str_printf("%s/%s", prefix, what);
}

bool fleet_name_ok(const char *name, bool screen, char *why, size_t why_size)
{
    const char *problem = NULL;
    size_t n = strlen(name);
    if (n == 0)
        problem = "is empty";
    else if (strpbrk(name, "+#"))
        problem = "holds '+' or '#', which MQTT keeps for wildcards";
    else if (screen && strchr(name, '/'))
        problem = "holds '/': a screen's name is one level of the topic";
    else if (name[0] == '/' || name[n - 1] == '/' || strstr(name, "//"))
        problem = "has an empty level ('/' at either end, or '//')";
    else if (utf8_invalid_at(name, n) < n)
        problem = "is not UTF-8";
    if (problem)
        snprintf(why, why_size, "'%s' %s", name, problem);
    return problem == NULL;
}

bool fleet_payload_ok(const struct overlay_file *f, const char *topic, const void *payload,
                      size_t size, char *why, size_t why_size)
{
    if (size == 0)
        return true;
    if (size > CONTENT_FILE_MAX_BYTES) {
        snprintf(why, why_size, "%s: %zu bytes, more than the %d a file may hold: ignored", topic,
                 size, CONTENT_FILE_MAX_BYTES);
        return false;
    }
    struct diag_list diags = {0};
    bool ok = f->check(topic, payload, size, &diags);
    if (!ok) {
        char line[512] = "not a file the show can read";
        if (diags.count)
            diag_format(&diags.items[0], line, sizeof line);
        snprintf(why, why_size, "%s (ignored: the screen keeps what it has)", line);
    }
    diag_list_clear(&diags);
    return ok;
}

enum remote_command fleet_command(const void *payload, size_t size, char *why, size_t why_size)
{
    enum remote_command c = remote_parse(payload, size);
    if (c == REMOTE_NONE)
        snprintf(why, why_size,
                 "not a command (%zu bytes): send next, previous, pause, resume or screenshot",
                 size);
    return c;
}

const char *fleet_choose(const char *own, size_t own_size, const char *all, size_t all_size,
                         size_t *size)
{
    *size = own && own_size ? own_size : all && all_size ? all_size : 0;
    return own && own_size ? own : all && all_size ? all : NULL;
}

int fleet_backoff_ms(int wait_ms)
{
    if (wait_ms < FLEET_RETRY_FIRST_MS)
        return FLEET_RETRY_FIRST_MS;
    return wait_ms >= FLEET_RETRY_MAX_MS / 2 ? FLEET_RETRY_MAX_MS : wait_ms * 2;
}
