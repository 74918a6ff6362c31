/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Room states at a moment. */
#include "rooms_state.h"

#include "running_order.h"
#include "../util/str.h"
#include "../util/translate.h"
#include "../util/zone.h"

#include <stddef.h>

const struct room_state *rooms_state_find(const struct programme *prog, const char *room,
                                          int64_t now_utc)
{
    for (size_t i = 0; room && i < prog->room_state_count; i++) {
        const struct room_state *r = &prog->room_states[i];
        if (!order_same_room(r->room, room))
            continue;
        if (r->until.set && now_utc >= zone_utc(r->until.local))
            return NULL; /* expired */
        return r;
    }
    return NULL;
}

int rooms_state_late(const struct programme *prog, const char *room, int64_t now_utc)
{
    const struct room_state *r = rooms_state_find(prog, room, now_utc);
    return r ? r->late_minutes : 0;
}

char *rooms_state_notice(const struct programme *prog, const char *room, int64_t now_utc,
                         const char *lang)
{
    static const char *const words[] = {[ROOM_EMPTY] = "Room empty",
                                        [ROOM_FULL] = "Room full",
                                        [ROOM_TOO_FULL] = "Room too full: please find another"};
    const struct room_state *r = rooms_state_find(prog, room, now_utc);
    if (!r || (!r->fullness && !r->notice))
        return NULL;
    const char *word = r->fullness ? tr(lang, words[r->fullness]) : NULL;
    return str_printf("%s%s%s", word ? word : "", word && r->notice ? " \u00b7 " : "",
                      r->notice ? r->notice : "");
}
