/* SPDX-License-Identifier: GPL-2.0-or-later */
/* systemd notifications through libsystemd. */
#include "service.h"

#include <systemd/sd-daemon.h>

#include <stdlib.h>

void service_ready(void)
{
    sd_notify(0, "READY=1");
}

bool service_managed(void)
{
    const char *socket = getenv("NOTIFY_SOCKET");
    return socket && *socket;
}

void service_waiting(const char *text)
{
    sd_notifyf(0, "READY=1\nSTATUS=%s", text);
}

void service_status(const char *text)
{
    sd_notifyf(0, "STATUS=%s", text);
}

int64_t service_watchdog_interval_ms(void)
{
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) <= 0 || usec == 0)
        return -1;
    return (int64_t)(usec / 1000 / 3); /* well inside the limit */
}

void service_alive(void)
{
    sd_notify(0, "WATCHDOG=1");
}

void service_stopping(void)
{
    sd_notify(0, "STOPPING=1");
}
