/* --render: every slide of the show as it stands at a moment, written to
 * PNG files with no display. */
#ifndef HALLSCREEN_EXPORT_H
#define HALLSCREEN_EXPORT_H

#include "../model/programme.h"
#include "../options.h"

#include <stdint.h>

/* Writes prog as it plays at utc_ms (milliseconds since 1970) to
 * opts->render_dir, one PNG a slide (00-alert.png first when there is an
 * urgent notice), at --size. Each file is written whole or not at all; the
 * names written go to stdout, failures to stderr. Returns the exit status:
 * 0 when every slide was written. TTF_Init() must have run. */
int export_slides(const struct options *opts, const struct programme *prog, int64_t utc_ms);

#endif
