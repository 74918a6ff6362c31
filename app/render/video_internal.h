/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What video.c tells the probe child (clip_probe.c) of a clip it opened;
 * nothing outside render/ includes it. */
#ifndef HALLSCREEN_VIDEO_INTERNAL_H
#define HALLSCREEN_VIDEO_INTERNAL_H

#include "video.h"

#include <stdbool.h>
#include <stdint.h>

/* Of a clip opened and ready: the rotation its file asks for, as read by
 * the demuxer (0 when unknown), and whether no device plays its sound. */
void video_findings(struct video *v, int64_t *demux_rotation, bool *no_sound);

#endif
