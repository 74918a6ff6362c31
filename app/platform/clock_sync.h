/* Whether the system clock is kept in step with a time server. */
#ifndef HALLSCREEN_CLOCK_SYNC_H
#define HALLSCREEN_CLOCK_SYNC_H

#include <stdbool.h>

/* True when the kernel says the clock is synchronised (chrony,
 * systemd-timesyncd or ntpd keep it so), as adjtimex(2) reports it. */
bool clock_synchronised(void);

#endif
