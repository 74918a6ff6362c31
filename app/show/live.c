/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Reloads and the moment's programme. */
#include "live.h"

#include "changes_store.h"
#include "running_order.h"
#include "../util/log.h"
#include "../util/str.h"
#include "../util/zone.h"

#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void live_start(struct live *l, struct content *content, struct programme *prog,
                struct diag_list *diags, int64_t now_ms)
{
    memset(l, 0, sizeof *l);
    l->content = content;
    l->prog = *prog;
    l->diags = *diags;
    memset(prog, 0, sizeof *prog);
    memset(diags, 0, sizeof *diags);
    l->version = 1;
    show_start(&l->show, now_ms);
}

void live_free(struct live *l)
{
    content_close(l->content);
    programme_free(&l->prog);
    programme_free(&l->shown);
    diag_list_clear(&l->diags);
    changes_state_free(&l->changes);
    free(l->state_dir);
    memset(l, 0, sizeof *l);
}

static void save_changes(struct live *l)
{
    char why[256];
    if (l->state_dir && !changes_store_save(l->state_dir, &l->changes, why, sizeof why))
        LOG(LOG_WARN, "changes", "%s/changes.json: %s: what changed is not kept over a restart",
            l->state_dir, why);
}

/* Takes the programme's version into what the screen knows (after the day
 * rolls over, when it has) and marks it against the baseline. */
static void see_programme(struct live *l, int64_t now_utc)
{
    if (!l->changes_on)
        return;
    struct changes_version version;
    if (changes_version_of(&l->prog, &version) &&
        changes_see(&l->changes, &version, changes_event_day(now_utc)))
        save_changes(l);
    changes_version_free(&version);
    changes_mark(&l->prog, &l->changes.baseline);
}

void live_use_state(struct live *l, const char *state_dir, int64_t now_utc)
{
    l->changes_on = true;
    free(l->state_dir);
    l->state_dir = state_dir ? str_dup(state_dir) : NULL;
    char why[512];
    if (l->state_dir && mkdir(l->state_dir, 0750) != 0 && errno != EEXIST)
        LOG(LOG_WARN, "changes",
            "--state %s: cannot be made (%s): what changed is not kept over a restart",
            l->state_dir, strerror(errno));
    changes_state_free(&l->changes);
    if (l->state_dir && !changes_store_load(l->state_dir, &l->changes, why, sizeof why) && why[0])
        LOG(LOG_WARN, "changes", "%s", why);
    see_programme(l, now_utc);
}

bool live_follow_time(struct live *l, int64_t now_utc, int64_t now_ms, bool force)
{
    if (l->changes_on && changes_roll(&l->changes, changes_event_day(now_utc))) {
        LOG(LOG_INFO, "changes", "a new day: the programme as it stands is the baseline now");
        save_changes(l);
        changes_mark(&l->prog, &l->changes.baseline);
    }
    bool wrong = !l->view.clock_given && order_clock_is_wrong(now_utc);
    if (wrong && !l->clock_wrong)
        LOG(LOG_WARN, "clock",
            "the clock says %lld, before 2020: it is wrong (no real-time "
            "clock, NTP not synced yet?); every slide plays, with no times",
            (long long)now_utc);
    else if (!wrong && l->clock_wrong)
        LOG(LOG_INFO, "clock", "the clock is right now: sessions follow the time again");
    l->clock_wrong = wrong;
    struct programme next;
    uint64_t signature = order_build_view(&l->prog, now_utc, &l->view, &next);
    if (!force && signature == l->shown_signature) {
        programme_free(&next);
        return false;
    }
    show_follow(&l->show, &l->shown, &next, now_ms);
    programme_free(&l->shown);
    l->shown = next;
    l->shown_signature = signature;
    return true;
}

static bool same_text(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

unsigned live_reload(struct live *l, int64_t now_utc, int64_t now_ms)
{
    struct programme next;
    struct diag_list diags = {0};
    struct content_changes changes;
    bool read = content_refresh(l->content, &next, &diags, &changes);
    l->reloads++;
    int changed =
        changes.count[CHANGE_ADDED] + changes.count[CHANGE_CHANGED] + changes.count[CHANGE_REMOVED];
    bool emptied = next.slide_count == 0 && l->prog.slide_count > 0;
    if (!read || emptied || changes.count[CHANGE_FAILED])
        l->failed_reloads++;
    else
        l->last_good_reload = now_utc;
    if (!read)
        LOG(LOG_WARN, "reload", "%s is missing: the show goes on as it was", l->prog.content_dir);
    else if (emptied)
        LOG(LOG_WARN, "reload",
            "no slides left in %s/slides: the show goes on as it was until slides return",
            l->prog.content_dir);
    else if (changed || changes.count[CHANGE_FAILED])
        LOG(LOG_INFO, "reload", "%s; %zu slides, %zu problems", changes.summary, next.slide_count,
            diags.count);
    diag_log_new(&l->diags, &diags);
    diag_list_clear(&l->diags);
    l->diags = diags;
    if (!read || !changed || emptied) {
        programme_free(&next);
        return 0;
    }
    unsigned result = LIVE_PROGRAMME;
    if (!same_text(next.theme.font, l->prog.theme.font) ||
        !same_text(next.theme.font_bold, l->prog.theme.font_bold))
        result |= LIVE_FONTS;
    if (!same_text(next.event.timezone, l->prog.event.timezone))
        zone_use(next.event.timezone);
    programme_free(&l->prog);
    l->prog = next;
    l->version++;
    see_programme(l, now_utc);
    live_follow_time(l, now_utc, now_ms, true);
#ifdef __GLIBC__
    /* the old programme's many small blocks go back to the system: a
     * reloaded export of a thousand talks would otherwise leave its heap
     * at its largest (about a third more resident memory) */
    malloc_trim(0);
#endif
    return result;
}

const struct slide *live_next_slide(const struct live *l)
{
    const struct programme *prog = &l->shown;
    if (prog->alert || prog->slide_count < 2)
        return NULL;
    return &prog->slides[(l->show.current + 1) % prog->slide_count];
}

char *live_describe(const struct live *l)
{
    const struct slide *slide = live_slide(l);
    char *text = slide ? str_printf("showing %s %zu/%zu: %s", slide_kind_name(slide->kind),
                                    l->show.current + 1, l->shown.slide_count,
                                    slide->title ? slide->title : "")
                       : str_dup("no slides to show");
    char *line = text ? str_escape(text) : NULL; /* one line, whatever the title holds */
    free(text);
    return line;
}

const struct slide *live_slide(const struct live *l)
{
    const struct programme *prog = &l->shown;
    return prog->alert ? prog->alert : prog->slide_count ? &prog->slides[l->show.current] : NULL;
}
