/* The kernel's clock discipline state. */
#include "clock_sync.h"

#include <sys/timex.h>

bool clock_synchronised(void)
{
    struct timex tx = {.modes = 0}; /* read only: needs no privilege */
    int state = adjtimex(&tx);
    return state != -1 && state != TIME_ERROR && !(tx.status & STA_UNSYNC);
}
