#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Benchmark of the stage timer (--timer) against a standing slide: the
# program's CPU time over one minute (from 5 s after its start) while the
# timer ticks each second (31c3's Saal 1 during its keynote), and while the
# same programme's first slide stands alone, at 1920x1080 with the software
# renderer. Headless (SDL's offscreen driver), or on an Xvfb display of its
# own with "x11", where each frame is also copied to the X server. Prints
# figures; asserts nothing. Takes about two minutes.
# Usage: timer_cpu.sh path/to/hallscreen source-dir [x11]
bin=$1
src=$2
driver=${3:-offscreen}
tmp=$(mktemp -d)
pid=
xvfb=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; [ -n "$xvfb" ] && kill $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
hz=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

if [ "$driver" = x11 ]; then
    for n in $(seq 120 190); do
        [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
        Xvfb ":$n" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
        xvfb=$!
        sleep 1
        [ -e "/tmp/.X11-unix/X$n" ] && break
        kill $xvfb 2>/dev/null
        xvfb=
    done
    export DISPLAY=":$n"
    unset SDL_VIDEODRIVER
else
    export SDL_VIDEODRIVER=offscreen
fi

# One slide, standing: the fixture's welcome slide alone.
mkdir -p "$tmp/still/slides"
cp "$src/tests/fixtures/schedules/31c3/event.yaml" "$tmp/still/"
cp "$src/tests/fixtures/schedules/31c3/slides/10-welcome.yaml" "$tmp/still/slides/"

minute() { # minute LABEL ARGS...: CPU over a minute of the program run with ARGS
    label=$1
    shift
    "$bin" --windowed --size 1920x1080 --now 2014-12-27T11:40 "$@" >"$tmp/log" 2>&1 &
    pid=$!
    sleep 5
    before=$(cpu_ticks $pid)
    sleep 60
    after=$(cpu_ticks $pid)
    kill $pid
    wait $pid 2>/dev/null
    pid=
    echo "$label ($driver): $(((after - before) * 1000 / hz)) ms CPU per minute"
}

minute timer_1920x1080 --timer "Saal 1" "$src/tests/fixtures/schedules/31c3"
minute standing_slide_1920x1080 "$tmp/still"
