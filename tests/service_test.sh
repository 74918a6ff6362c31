#!/bin/sh
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

finish
