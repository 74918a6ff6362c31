#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The GPU path real screens take (--renderer gpu: SDL's OpenGL and OpenGL ES 2
# renderers), run through Mesa's llvmpipe on an Xvfb display of its own: the
# window comes up, reloads, transitions, rotation and clips work, and each
# picture matches the software path's.
# Usage: gpu_test.sh path/to/hallscreen source-dir
. "$(dirname "$0")/lib.sh"
bin=$1
src=$2
tmp=$(mktemp -d)
base="$tmp/base"
show="$tmp/show"
shot="$tmp/shot.png"
pid=
xvfb=
MATCH=0.02 # the most a GPU picture may differ from the software one (RMSE, 0 to 1)

cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

# An X server of our own, on the first display number free (another may
# take the same one meanwhile: then the next).
display=
for n in $(seq 90 190); do
    [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
    Xvfb ":$n" -screen 0 1280x720x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
    xvfb=$!
    tries=0
    while [ $tries -lt 500 ] && kill -0 $xvfb 2>/dev/null && [ ! -e "/tmp/.X11-unix/X$n" ]; do
        sleep 0.02
        tries=$((tries + 1))
    done
    if kill -0 $xvfb 2>/dev/null && [ -e "/tmp/.X11-unix/X$n" ]; then
        display=:$n
        break
    fi
    kill $xvfb 2>/dev/null
    xvfb=
done
if [ -z "$display" ]; then
    echo "FAIL: no Xvfb display could be started: $(cat "$tmp/xvfb.log")"
    exit 1
fi

# The bundled show, its first slide standing until the test shortens it,
# then a clip: red for 1 s, green for 1 s, over the whole slide (its last
# frame standing after).
cp -r "$src/content" "$base"
echo "duration: 600" >>"$base/slides/10-welcome.yaml"
mkdir "$base/videos"
ffmpeg -v error -f lavfi -i 'color=c=red:s=320x180:r=10:d=1' \
    -f lavfi -i 'color=c=0x00ff00:s=320x180:r=10:d=1' \
    -filter_complex concat=n=2:v=1 -c:v libx264 -pix_fmt yuv420p "$base/videos/red-green.mp4"
printf 'kind: video\nvideo: videos/red-green.mp4\nduration: 30\nfooter: false\n' \
    >"$base/slides/15-clip.yaml"

# A dbus-launch that says it was called: with no session bus (none named,
# none in XDG_RUNTIME_DIR, as under systemd), the program must not have one
# started for it.
mkdir "$tmp/bin"
printf '#!/bin/sh\necho "$*" >>"%s"\nexit 1\n' "$tmp/bus-launched" >"$tmp/bin/dbus-launch"
chmod +x "$tmp/bin/dbus-launch"

# start NAME DRIVER RENDERER ARGS...: the program on a fresh copy of the show.
start() {
    name=$1 driver=$2 renderer=$3
    shift 3
    rm -rf "$show" "$shot"
    cp -r "$base" "$show"
    status="$tmp/$name.json"
    metrics="$tmp/$name.prom"
    log="$tmp/$name.log"
    # Under the sanitizers, Mesa's driver is unloaded before LeakSanitizer
    # looks, so what it keeps for the life of the process cannot be named
    # in a suppression: leaks are checked on the software path only.
    leaks=${LSAN_OPTIONS:-}
    [ "$renderer" = gpu ] && [ -n "${HALLSCREEN_SANITIZED:-}" ] && leaks="$leaks:detect_leaks=0"
    env -u DBUS_SESSION_BUS_ADDRESS -u XDG_RUNTIME_DIR PATH="$tmp/bin:$PATH" \
        LSAN_OPTIONS=$leaks DISPLAY=$display SDL_RENDER_DRIVER=$driver "$bin" --windowed --size 1280x720 \
        --renderer "$renderer" --now 2025-02-12T10:00 --status "$status" --metrics "$metrics" \
        --screenshot "$shot" "$@" "$show" >"$log" 2>&1 &
    pid=$!
}

stop() {
    kill -TERM "$pid"
    wait "$pid"
    code=$?
    pid=
    if [ $code -eq 0 ]; then ok; else fail "$name: exit $code: $(tail -5 "$log")"; fi
}

# screenshot OUT: SIGUSR1, and the picture it writes moved to OUT.
screenshot() {
    rm -f "$shot"
    kill -USR1 "$pid"
    if eventually test -s "$shot"; then mv "$shot" "$1"; else
        fail "$name: SIGUSR1 wrote no screenshot: $(tail -3 "$log")"
        return 1
    fi
}

# difference A B: how far picture B is from A, RMSE from 0 to 1.
difference() {
    compare -metric RMSE "$1" "$2" null: 2>&1 | sed 's/.*(\(.*\)).*/\1/'
}

# still OUT: a screenshot once the picture stands still (two in a row the
# same: any transition is over). Loops count in round: eventually uses tries.
still() {
    screenshot "$1" || return 1
    round=0
    while [ $round -lt 30 ]; do
        screenshot "$tmp/again.png" || return 1
        [ "$(difference "$1" "$tmp/again.png")" = 0 ] && return 0
        mv "$tmp/again.png" "$1"
        round=$((round + 1))
    done
    fail "$name: the picture never stood still"
    return 1
}

# matches WHAT PICTURE REFERENCE: the two agree within MATCH.
matches() {
    d=$(difference "$2" "$3")
    echo "$name: $1: RMSE $d against the software path"
    if awk -v d="$d" -v m=$MATCH 'BEGIN { exit !(d != "" && d + 0 <= m) }'; then ok; else
        fail "$name: $1: differs from the software path by $d (RMSE; at most $MATCH)"
    fi
}

# pixel FILE X Y: the colour there as "R G B", 0 to 255.
pixel() {
    convert "$1" -format '%[fx:int(255*p{'"$2,$3"'}.r)] %[fx:int(255*p{'"$2,$3"'}.g)] %[fx:int(255*p{'"$2,$3"'}.b)]' info:
}

# accent_rows FILE X: the rows where column X is the footer's accent colour
# (the theme's amber, #f2b134).
accent_rows() {
    h=$(identify -format %h "$1")
    convert "$1" -crop "1x$h+$2+0" +repage -depth 8 txt:- |
        awk -F'[(,:) ]+' 'NR > 1 && $3 > 200 && $4 > 140 && $4 < 210 && $5 < 100 { print $2 }'
}

transitions() { grep '^hallscreen_transitions_total' "$metrics" 2>/dev/null | awk '{ print $2 }'; }

# transitions_above N: the metrics file counts more than N transitions.
transitions_above() { [ "$(transitions)" -gt "$1" ] 2>/dev/null; }
title='"title":	"Astana Civil Service Hub'
reloaded='"title":	"Reloaded while drawing"'

# run NAME DRIVER RENDERER SAYS: the whole show, its pictures kept as
# NAME-*.png; SAYS is what the program logs about the renderer it picked.
run() {
    run_name=$1 run_driver=$2 run_renderer=$3 run_says=$4
    start "$run_name" "$run_driver" "$run_renderer"
    shows "window" "$title" || { stop; return; }
    if grep -qF -- "$run_says" "$log"; then ok
    else fail "$name: log does not say '$run_says': $(cat "$log")"; fi
    if [ "$run_renderer" = gpu ]; then
        # Mesa's OpenGL is loaded, and under Xvfb its only driver is
        # llvmpipe's (swrast_dri.so)
        if grep -q 'swrast_dri\.so\|libgallium' "/proc/$pid/maps"; then ok
        else fail "$name: Mesa's llvmpipe is not loaded: $(grep -o '[^ ]*\(GL\|dri\)[^ ]*' "/proc/$pid/maps" | sort -u)"; fi
    fi
    still "$tmp/$name-first.png" || { stop; return; }
    set -- $(identify -format '%w %h' "$tmp/$name-first.png")
    if [ "$1 $2" = "1280 720" ]; then ok; else fail "$name: screenshot is $1x$2, not 1280x720"; fi

    # a reload: the title rewritten and renamed into place
    sed 's/^title: .*/title: Reloaded while drawing/' "$show/slides/10-welcome.yaml" \
        >"$show/slides/.new"
    mv "$show/slides/.new" "$show/slides/10-welcome.yaml"
    shows "reload" "$reloaded" || { stop; return; }
    still "$tmp/$name-reloaded.png" || { stop; return; }
    d=$(difference "$tmp/$name-first.png" "$tmp/$name-reloaded.png")
    if awk -v d="$d" 'BEGIN { exit !(d > 0.01) }'; then ok
    else fail "$name: the reloaded title is not in the screenshot (RMSE $d from before)"; fi

    # the transition to the clip once the first slide is shortened, and the
    # clip then plays over the whole slide
    eventually transitions_above -1
    before=$(transitions)
    sed 's/^duration: .*/duration: 2/' "$show/slides/10-welcome.yaml" >"$show/slides/.new"
    mv "$show/slides/.new" "$show/slides/10-welcome.yaml"
    shows "clip" '"kind":	"video"' || { stop; return; }
    if eventually transitions_above "${before:-0}"; then ok
    else fail "$name: hallscreen_transitions_total stayed at '$before': $(transitions)"; fi
    round=0
    colour=
    while [ $round -lt 100 ]; do
        screenshot "$tmp/$name-clip.png" || break
        set -- $(pixel "$tmp/$name-clip.png" 640 360)
        if [ "$1" -gt 200 ] && [ "$2" -lt 60 ] && [ "$3" -lt 60 ]; then colour=red; break; fi
        if [ "$2" -gt 200 ] && [ "$1" -lt 60 ] && [ "$3" -lt 60 ]; then colour=green; break; fi
        round=$((round + 1))
        sleep 0.2
    done
    if [ -n "$colour" ]; then ok
    else fail "$name: the clip is not on screen: $* at the centre: $(tail -3 "$log")"; fi
    stop

    # turned for a screen mounted sideways: a portrait slide, turned clockwise
    start "$run_name-rotated" "$run_driver" "$run_renderer" --rotate 90
    shows "rotated window" "$title" || { stop; return; }
    still "$tmp/$run_name-rotated.png" || { stop; return; }
    stop
    convert "$tmp/$run_name-rotated.png" -rotate -90 "$tmp/$run_name-portrait.png"
    set -- $(identify -format '%w %h' "$tmp/$run_name-portrait.png")
    if [ "$1 $2" = "720 1280" ]; then ok; else fail "$name: turned back, the picture is $1x$2"; fi
    # the footer's rule runs across the portrait slide near its foot
    rows=$(accent_rows "$tmp/$run_name-portrait.png" 360 | tr '\n' ' ')
    first=${rows%% *}
    if [ -n "$first" ] && [ "$first" -gt 1150 ] && [ "$(accent_rows "$tmp/$run_name-portrait.png" 700 | head -1)" = "$first" ]
    then ok; else fail "$name: no footer rule across the foot of the portrait slide (rows: $rows)"; fi
}

run software software software "drawing in software"
name=software
if [ ! -e "$tmp/bus-launched" ]; then ok
else fail "$name: a session bus was started for the program: dbus-launch $(head -1 "$tmp/bus-launched")"; fi
for driver in opengl opengles2; do
    run "$driver" "$driver" gpu "drawing with the GPU ($driver)"
    name=$driver
    matches "first slide" "$tmp/$driver-first.png" "$tmp/software-first.png"
    matches "reloaded slide" "$tmp/$driver-reloaded.png" "$tmp/software-reloaded.png"
    matches "rotated slide" "$tmp/$driver-portrait.png" "$tmp/software-portrait.png"
done

finish
