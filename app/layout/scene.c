/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Scenes: display lists of a slide. */
#include "scene.h"
#include "../util/array.h"

#include "../util/str.h"

#include <stdlib.h>

struct item *scene_add(struct scene *scene, const struct item *item)
{
    if (scene->measuring)
        return NULL;
    if (!ARRAY_RESERVE(scene->items, scene->count, scene->capacity))
        return NULL;
    struct item *copy = &scene->items[scene->count];
    *copy = *item;
    copy->text = str_dup(item->text);
    copy->path = str_dup(item->path);
    if ((item->text && !copy->text) || (item->path && !copy->path)) {
        free(copy->text);
        free(copy->path);
        return NULL;
    }
    scene->count++;
    return copy;
}

void scene_clear(struct scene *scene)
{
    if (!scene)
        return;
    for (size_t i = 0; i < scene->count; i++) {
        free(scene->items[i].text);
        free(scene->items[i].path);
    }
    free(scene->items);
    scene->items = NULL;
    scene->count = scene->capacity = 0;
    scene->cut = false;
}

bool box_contains(struct box outer, struct box inner)
{
    return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w &&
           inner.y + inner.h <= outer.y + outer.h;
}

bool box_overlaps(struct box a, struct box b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
