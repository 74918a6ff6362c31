#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Benchmark: time from rename() of a new headline file into place to the
# first frame presented with it, at 1920x1080 with inotify (headless, SDL's
# dummy video driver, software renderer). Prints figures; asserts nothing.
# Usage: reload_latency.sh path/to/hallscreen source-dir [runs]
bin=$1
src=$2
runs=${3:-30}
tmp=$(mktemp -d)
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
cp -r "$src/content" "$tmp/content"
status="$tmp/status.json"
SDL_VIDEODRIVER=dummy "$bin" --windowed --size 1920x1080 --status "$status" "$tmp/content" \
    >"$tmp/log" 2>&1 &
pid=$!
until grep -q '"version"' "$status" 2>/dev/null; do sleep 0.05; done
sleep 0.5

: >"$tmp/latencies"
i=1
while [ $i -le "$runs" ]; do
    printf 'kind: headline\ntitle: Benchmark headline %d\nbody: A new headline, renamed into place.\n' \
        $i >"$tmp/content/slides/.next"
    before=$(date +%s%3N)
    mv "$tmp/content/slides/.next" "$tmp/content/slides/10-welcome.yaml"
    until grep -q "\"Benchmark headline $i\"" "$status" 2>/dev/null; do sleep 0.002; done
    presented=$(grep -o '"presented_ms":	[0-9]*' "$status" | tr -dc 0-9)
    echo $((presented - before)) >>"$tmp/latencies"
    sleep 0.2
    i=$((i + 1))
done
sort -n "$tmp/latencies" >"$tmp/sorted"
n=$(wc -l <"$tmp/sorted")
echo "rename_to_frame_min: $(head -1 "$tmp/sorted") ms"
echo "rename_to_frame_median: $(sed -n "$(((n + 1) / 2))p" "$tmp/sorted") ms"
echo "rename_to_frame_p90: $(sed -n "$(((n * 9 + 9) / 10))p" "$tmp/sorted") ms"
echo "rename_to_frame_max: $(tail -1 "$tmp/sorted") ms"
echo "runs: $n"
