#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The program as systemd runs it: readiness and watchdog keep-alives on a
# fake NOTIFY_SOCKET, a screenshot on SIGUSR1, and a clean stop.
# Usage: service_test.sh path/to/hallscreen source-dir
. "$(dirname "$0")/lib.sh"
bin=$1
src=$2
tmp=$(mktemp -d)
pid=
listener=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; [ -n "$listener" ] && kill $listener 2>/dev/null; rm -rf "$tmp"' EXIT

socat -u UNIX-RECV:"$tmp/notify" OPEN:"$tmp/notes",creat,append &
listener=$!
eventually test -S "$tmp/notify" || fail "no notify socket"

NOTIFY_SOCKET="$tmp/notify" WATCHDOG_USEC=300000 SDL_VIDEODRIVER=dummy "$bin" --windowed \
    --size 640x360 --screenshot "$tmp/screen.png" --now 2025-02-12T10:00 "$src/content" \
    >"$tmp/log" 2>&1 &
pid=$!

eventually grep -q "READY=1" "$tmp/notes" && ok || fail "no READY=1"
eventually grep -q "STATUS=showing headline 1/8: Astana Civil Service Hub" "$tmp/notes" && ok ||
    fail "no STATUS= with the slide on screen"
# The watchdog wants a keep-alive at least every 300 ms: one about every 100 ms.
sleep 1
alive=$(grep -o "WATCHDOG=1" "$tmp/notes" | wc -l)
[ "$alive" -ge 5 ] && ok || fail "only $alive keep-alives in a second"

kill -USR1 "$pid"
eventually test -s "$tmp/screen.png" && ok || fail "no screenshot"
size=$(od -An -tu1 -j16 -N8 "$tmp/screen.png" | awk '{print $3*256+$4 "x" $7*256+$8}')
[ "$size" = "640x360" ] && ok || fail "screenshot is $size"
grep -q "screenshot written to $tmp/screen.png" "$tmp/log" && ok || fail "not logged: $(cat "$tmp/log")"

kill -TERM "$pid"
wait "$pid"
status=$?
pid=
[ $status -eq 0 ] && ok || fail "exit $status"
eventually grep -q "STOPPING=1" "$tmp/notes" && ok || fail "no STOPPING=1"

# On a full disk (a file size limit here), a screenshot fails and says why,
# and the good screenshot from before stays; a status file that cannot be
# written is reported once, not at every frame.
cp "$tmp/screen.png" "$tmp/good.png"
cp -r "$src/content" "$tmp/quick"
printf 'slide_duration: 2\n' >"$tmp/quick/theme.yaml"
sh -c "trap '' XFSZ; ulimit -f 4; exec \"\$0\" \"\$@\"" "$bin" --windowed --size 640x360 \
    --screenshot "$tmp/screen.png" --status "$tmp/nowhere/status.json" "$tmp/quick" \
    >"$tmp/log" 2>&1 &
pid=$!
eventually grep -q "cannot write $tmp/nowhere/status.json" "$tmp/log" && ok ||
    fail "an unwritable status file is not reported: $(cat "$tmp/log")"
kill -USR1 "$pid"
eventually grep -q "cannot write a screenshot to $tmp/screen.png: File too large" "$tmp/log" && ok ||
    fail "a failed screenshot is not reported: $(cat "$tmp/log")"
cmp -s "$tmp/screen.png" "$tmp/good.png" && ok || fail "the good screenshot was replaced"
ls -A "$tmp" | grep -q '^\.screen' && fail "a temporary file was left: $(ls -A "$tmp")" || ok
sleep 4.5 # two crossfades of about 15 frames each
warnings=$(grep -c "cannot write $tmp/nowhere/status.json" "$tmp/log")
[ "$warnings" -eq 1 ] && ok || fail "the status failure was logged $warnings times"
kill -TERM "$pid"
wait "$pid"
pid=

# A screen that cannot be had (here a monitor that is not there; on the
# console also a card another instance holds) is no restart loop: the
# program says it once, tells systemd it waits (so neither the start
# timeout nor the watchdog ends it), tries again, and stops on SIGTERM.
: >"$tmp/notes"
NOTIFY_SOCKET="$tmp/notify" WATCHDOG_USEC=3000000 SDL_VIDEODRIVER=dummy "$bin" --display 3 \
    "$src/content" >"$tmp/log" 2>&1 &
pid=$!
eventually grep -q "STATUS=--display 3: there is only 1 display here" "$tmp/notes" && ok ||
    fail "the missing screen is not said to systemd: $(cat "$tmp/notes")"
sleep 6 # past the first try again
kill -0 "$pid" 2>/dev/null && ok || fail "it ended while waiting for its screen: $(cat "$tmp/log")"
[ "$(grep -c "there is only 1 display" "$tmp/log")" -eq 1 ] && ok ||
    fail "the missing screen is not said once: $(cat "$tmp/log")"
grep -q "WATCHDOG=1" "$tmp/notes" && ok || fail "no keep-alive while waiting"
kill -TERM "$pid"
eventually ended "$pid" && ok || fail "SIGTERM does not end the wait"
wait "$pid"
pid=

finish
