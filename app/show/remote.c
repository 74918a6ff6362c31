/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Remote commands: words to commands and back. */
#include "remote.h"

#include <string.h>

static const char *const names[] = {
    [REMOTE_NONE] = "",       [REMOTE_NEXT] = "next",     [REMOTE_PREVIOUS] = "previous",
    [REMOTE_PAUSE] = "pause", [REMOTE_RESUME] = "resume", [REMOTE_SCREENSHOT] = "screenshot",
};

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

enum remote_command remote_parse(const char *bytes, size_t size)
{
    while (size && is_space(bytes[0])) {
        bytes++;
        size--;
    }
    while (size && is_space(bytes[size - 1]))
        size--;
    for (size_t i = REMOTE_NEXT; size && i < sizeof names / sizeof *names; i++)
        if (strlen(names[i]) == size && memcmp(names[i], bytes, size) == 0)
            return (enum remote_command)i;
    return REMOTE_NONE;
}

const char *remote_name(enum remote_command command)
{
    return (size_t)command < sizeof names / sizeof *names ? names[command] : "";
}
