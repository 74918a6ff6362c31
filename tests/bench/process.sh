#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Benchmark of the real program, headless (SDL's offscreen video driver,
# software renderer) at 1920x1080: time from launch to the first frame
# presented, peak and steady memory, and CPU while a slide stands and over a
# full cycle of the bundled show with a transition every 10 s. Prints
# figures; asserts nothing. Takes about two minutes.
# Usage: process.sh path/to/hallscreen source-dir
bin=$1
src=$2
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
hz=$(getconf CLK_TCK)

ms() { date +%s%3N; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
field() { grep "^$2:" "/proc/$1/status" | tr -dc 0-9; }

launch() { # launch CONTENT_DIR: starts the show, waits for its first frame
    rm -f "$tmp/status.json"
    start=$(ms)
    SDL_VIDEODRIVER=offscreen "$bin" --windowed --size 1920x1080 --now 2025-02-12T10:00 \
        --status "$tmp/status.json" "$1" >"$tmp/log" 2>&1 &
    pid=$!
    until grep -q '"presented_ms":	[1-9]' "$tmp/status.json" 2>/dev/null; do sleep 0.005; done
    first=$(grep -o '"presented_ms":	[0-9]*' "$tmp/status.json" | tr -dc 0-9)
    echo $((first - start))
}

stop() { kill "$pid"; wait "$pid" 2>/dev/null; pid=; }

# Time to first frame, five launches.
for i in 1 2 3 4 5; do
    launch "$src/content" >>"$tmp/first"
    stop
done
sort -n "$tmp/first" >"$tmp/first.sorted"
echo "first_frame: min $(head -1 "$tmp/first.sorted") ms, median $(sed -n 3p "$tmp/first.sorted") ms, max $(tail -1 "$tmp/first.sorted") ms"

# A slide standing for 10 s: one slide, so nothing changes but the clock.
mkdir -p "$tmp/one/slides"
cp "$src/content/event.yaml" "$tmp/one/"
cp "$src/content/slides/10-welcome.yaml" "$tmp/one/slides/"
launch "$tmp/one" >/dev/null
sleep 2
before=$(cpu_ticks "$pid")
sleep 10
after=$(cpu_ticks "$pid")
awk -v t=$((after - before)) -v hz="$hz" 'BEGIN { printf "cpu_static_slide_10s: %.2f %% of one core\n", t * 100 / hz / 10 }'
stop

# The full show: 8 slides of 10 s with a 0.5 s crossfade each.
launch "$src/content" >/dev/null
sleep 5
echo "rss_5s: $(field "$pid" VmRSS) KiB"
before=$(cpu_ticks "$pid")
sleep 80
after=$(cpu_ticks "$pid")
awk -v t=$((after - before)) -v hz="$hz" 'BEGIN { printf "cpu_full_cycle_80s: %.2f %% of one core\n", t * 100 / hz / 80 }'
echo "rss_steady_85s: $(field "$pid" VmRSS) KiB, rss_peak: $(field "$pid" VmHWM) KiB"
stop
