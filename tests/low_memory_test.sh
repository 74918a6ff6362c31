#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Short of memory (an address-space limit, as prlimit --as or a unit's
# MemoryMax= sets), a clip that cannot be opened costs its slide only: the
# show goes on with the rest, says that memory may be why, and still ends
# at once on SIGTERM.
# Usage: low_memory_test.sh path/to/hallscreen
. "$(dirname "$0")/lib.sh"
bin=$1
tmp=$(mktemp -d)
trap 'kill -KILL "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
mkdir -p "$tmp/show/slides" "$tmp/show/videos"
ffmpeg -loglevel error -f lavfi -i testsrc=size=1280x720:rate=30 -t 3 -pix_fmt yuv420p \
    "$tmp/show/videos/clip.mp4"
echo "name: Short of memory" >"$tmp/show/event.yaml"
printf 'kind: video\nvideo: videos/clip.mp4\n' >"$tmp/show/slides/10-clip.yaml"
printf 'kind: headline\ntitle: The show goes on\nduration: 2\n' >"$tmp/show/slides/20-headline.yaml"
status=$tmp/status.json
log=$tmp/log

for megabytes in 200 300 400; do
    name="$megabytes MB"
    rm -f "$status"
    SDL_VIDEODRIVER=dummy prlimit --as=$((megabytes * 1024 * 1024)) \
        "$bin" --status "$status" "$tmp/show" >"$log" 2>&1 &
    pid=$!
    shows "the clip's problem, naming memory" "memory" &&
        shows "the other slide" '"title":	"The show goes on"'
    grep -q "install libmpv" "$log" && fail "$name: low memory blamed on a missing libmpv" || ok
    kill -TERM "$pid"
    eventually ended "$pid"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid"
    code=$?
    [ "$code" -eq 0 ] && ok || { fail "$name: exit $code after SIGTERM"; tail -5 "$log"; }
done
finish
