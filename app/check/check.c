/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The report of --check. */
#include "check.h"

#include "contrast.h"
#include "../render/clips.h"
#include "../show/rooms.h"
#include "../show/running_order.h"
#include "../util/str.h"
#include "../util/translate.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* The theme.yaml that set the theme: the content folder's, else the
 * assets'. The caller frees it. */
static char *theme_file(const struct programme *prog, const char *assets_dir)
{
    char *path = str_printf("%s/theme.yaml", prog->content_dir);
    if (path && access(path, F_OK) != 0) {
        free(path);
        path = str_printf("%s/theme.yaml", assets_dir);
    }
    return path;
}

/* Languages of event.yaml that have no catalog of the screen's words. */
static void check_languages(const struct programme *prog, struct diag_list *diags)
{
    char *event_path = str_printf("%s/event.yaml", prog->content_dir);
    for (size_t i = 0; i < prog->event.language_count; i++)
        if (!translate_known(prog->event.languages[i]))
            diag_add(diags, DIAG_WARNING, event_path ? event_path : "event.yaml", 0,
                     "language: '%s' has no catalog (known: %s); English is shown in its place",
                     prog->event.languages[i], translate_known_list());
    free(event_path);
}

/* rooms.yaml's entries for rooms the programme does not have: a name
 * mistyped, or a room of another event. */
static void check_room_states(const struct programme *prog, struct diag_list *diags)
{
    for (size_t i = 0; i < prog->room_state_count; i++) {
        const char *second;
        if (order_find_room(prog, prog->room_states[i].room, &second))
            continue;
        char *path = str_printf("%s/rooms.yaml", prog->content_dir);
        diag_add(diags, DIAG_WARNING, path ? path : "rooms.yaml", prog->room_states[i].line,
                 "\"%s\" is no room of the programme: write its name as the programme does",
                 prog->room_states[i].room);
        free(path);
    }
}

int check_report(const struct programme *prog, struct diag_list *diags,
                 const struct check_request *rq)
{
    check_room_states(prog, diags);
    if (rq->room)
        order_check_room(prog, rq->room_option, rq->room, diags);
    rooms_check(prog, diags);
    clips_check(prog, rq->hwdec, diags);
    check_languages(prog, diags);
    char *theme_path = theme_file(prog, rq->assets_dir);
    contrast_check_theme(&prog->theme, theme_path ? theme_path : "theme.yaml", CONTRAST_WARNING,
                         diags);
    free(theme_path);
    size_t errors = diag_count(diags, DIAG_ERROR), warnings = diag_count(diags, DIAG_WARNING);
    int status = errors || warnings || prog->slide_count == 0 ? 1 : 0;
    if (rq->json) {
        char *report = diag_report_json(diags, prog->content_dir, prog->slide_count, status);
        puts(report ? report : "{}");
        free(report);
        return report ? status : 1;
    }
    diag_print(diags, stdout);
    if (prog->slide_count == 0)
        printf("%s: no slides to show\n", prog->content_dir);
    printf("%s: %zu slide%s, %zu error%s, %zu warning%s\n", prog->content_dir, prog->slide_count,
           prog->slide_count == 1 ? "" : "s", errors, errors == 1 ? "" : "s", warnings,
           warnings == 1 ? "" : "s");
    return status;
}
