#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Benchmark: a large real schedule export renamed into place (a new version:
# one talk moved, or with EDIT=all every title changed), to the first frame
# presented with it, at 1920x1080 (headless unless DISPLAY is set and
# SDL_VIDEODRIVER=x11; software renderer), and the show's resident memory
# with it. Prints figures; asserts nothing.
# Usage: schedule_reload.sh path/to/hallscreen EXPORT.json NOW [runs] [options...]
#   e.g. EXPORT: 39C3's everything.schedule.json (voc/39C3_schedule), NOW 2025-12-28T14:00
bin=$1
export=$2
now=$3
runs=${4:-10}
shift 4 2>/dev/null || shift $#
tmp=$(mktemp -d)
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
mkdir -p "$tmp/content/slides"
printf 'name: Benchmark\ntimezone: Europe/Berlin\nschedule:\n  - schedule.json\n' \
    >"$tmp/content/event.yaml"
cp "$export" "$tmp/content/schedule.json"
status="$tmp/status.json"
SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-dummy} "$bin" --windowed --size 1920x1080 --now "$now" \
    --status "$status" "$@" "$tmp/content" >"$tmp/log" 2>&1 &
pid=$!
until grep -q '"version"' "$status" 2>/dev/null; do sleep 0.05; done
sleep 1
rss() { awk '/^VmRSS:/ {print $2}' "/proc/$pid/status"; }
echo "rss_after_start: $(rss) KiB"
: >"$tmp/latencies"
i=1
while [ $i -le "$runs" ]; do
    # a new version: the first talk moved to another room (EDIT=all:
    # every title changed, every slide new)
    if [ "${EDIT:-one}" = all ]; then
        sed "s/\"title\": \"/&v$i /g" "$export" >"$tmp/content/.schedule.json"
    else
        sed "0,/\"room\": \"[^\"]*\"/s//\"room\": \"Room $i\"/" "$export" \
            >"$tmp/content/.schedule.json"
    fi
    version=$((i + 1))
    before=$(date +%s%3N)
    mv "$tmp/content/.schedule.json" "$tmp/content/schedule.json"
    until grep -q "\"version\":	$version," "$status" 2>/dev/null; do sleep 0.002; done
    # the frame with the new version: the next presented after the reload
    until p=$(grep -o '"presented_ms":	[0-9]*' "$status" | tr -dc 0-9) && [ "$p" -ge "$before" ]; do
        sleep 0.002
    done
    echo $((p - before)) >>"$tmp/latencies"
    sleep 0.5
    i=$((i + 1))
done
sort -n "$tmp/latencies" >"$tmp/sorted"
n=$(wc -l <"$tmp/sorted")
echo "schedule_reload_to_frame_min: $(head -1 "$tmp/sorted") ms"
echo "schedule_reload_to_frame_median: $(sed -n "$(((n + 1) / 2))p" "$tmp/sorted") ms"
echo "schedule_reload_to_frame_max: $(tail -1 "$tmp/sorted") ms"
echo "rss_after_reloads: $(rss) KiB"
echo "peak_rss: $(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status") KiB"
echo "runs: $n"
