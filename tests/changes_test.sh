#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# What changed, against the real program: two real versions of the 31C3
# export, a restart between them (--state keeps the baseline), two screens
# with --sync that saw the same versions showing the same programme, and
# rooms.yaml's mistakes as --check reports them.
# Usage: changes_test.sh path/to/hallscreen source-dir
. "$(dirname "$0")/lib.sh"
bin=$1
src=$2
tmp=$(mktemp -d)
fixtures="$src/tests/fixtures/schedules/31c3-changes"
pids=
cleanup() {
    for p in $pids; do kill "$p" 2>/dev/null; done
    rm -rf "$tmp"
}
trap cleanup EXIT

# content DIR VERSION: a show of the congress's fourth day, from VERSION.
content() {
    mkdir -p "$1/slides"
    printf 'name: 31C3\ntimezone: Europe/Berlin\nschedule:\n  - schedule.xml\n' >"$1/event.yaml"
    cp "$fixtures/schedule-$2.xml" "$1/.schedule.xml"
    mv "$1/.schedule.xml" "$1/schedule.xml"
}

# screen NAME CONTENT OPTIONS...: a screen at 11:35 on 30 December 2014.
screen() {
    name=$1 dir=$2
    shift 2
    rm -f "$tmp/$name.json"
    SDL_VIDEODRIVER=dummy "$bin" --windowed --size 640x360 --now 2014-12-30T11:35 \
        --status "$tmp/$name.json" "$@" "$dir" >"$tmp/$name.log" 2>&1 &
    pids="$pids $!"
    eval "pid_$name=$!"
}

stop() {
    eval "p=\$pid_$1"
    kill -TERM "$p"
    if wait "$p"; then ok; else fail "$1: exit $?"; fi
}

# 1. v1.3, then a restart on v1.5: the cancelled talk still stands, marked
content "$tmp/show" v1.3
screen a "$tmp/show" --state "$tmp/state-a"
status="$tmp/a.json" log="$tmp/a.log" shows "v1.3" '"Podcasting with Podlove"'
stop a
if grep -qF "Podcasting with Podlove" "$tmp/state-a/changes.json"; then ok; else
    fail "no baseline in $tmp/state-a/changes.json"
fi
content "$tmp/show" v1.5
screen a "$tmp/show" --state "$tmp/state-a"
status="$tmp/a.json" log="$tmp/a.log" shows "restart" '"version":	1'
status="$tmp/a.json" log="$tmp/a.log" shows "restart" '"Podcasting with Podlove"'
stop a
# a screen that first saw v1.5 knows of no cancelled talk
screen fresh "$tmp/show" --state "$tmp/state-fresh"
status="$tmp/fresh.json" log="$tmp/fresh.log" shows "fresh" '"version":	1'
if grep -qF "Podcasting with Podlove" "$tmp/fresh.json"; then
    fail "fresh: a talk it never saw is marked"
else ok; fi
stop fresh

# 2. two screens with --sync see v1.3, then v1.5 copied in: the same programme
content "$tmp/sync" v1.3
screen s1 "$tmp/sync" --sync --state "$tmp/state-s1"
screen s2 "$tmp/sync" --sync --state "$tmp/state-s2"
status="$tmp/s1.json" log="$tmp/s1.log" shows "s1" '"version":	1'
status="$tmp/s2.json" log="$tmp/s2.log" shows "s2" '"version":	1'
content "$tmp/sync" v1.5
status="$tmp/s1.json" log="$tmp/s1.log" shows "s1 reload" '"version":	2'
status="$tmp/s2.json" log="$tmp/s2.log" shows "s2 reload" '"version":	2'
fingerprint() { sed -n 's/.*"programme":[^"]*"\([0-9a-f]*\)".*/\1/p' "$1"; }
f1=$(fingerprint "$tmp/s1.json") f2=$(fingerprint "$tmp/s2.json")
if [ -n "$f1" ] && [ "$f1" = "$f2" ]; then ok; else fail "sync: programmes $f1 and $f2"; fi
status="$tmp/s1.json" log="$tmp/s1.log" shows "s1 marks" '"Podcasting with Podlove"'
stop s1
stop s2

# 3. a state folder that is full (ulimit -f): the baseline is not kept, the
# show says so and goes on (the signal of a file over the limit does not end it)
(
    ulimit -f 1
    SDL_VIDEODRIVER=dummy exec "$bin" --windowed --size 640x360 --now 2014-12-30T11:35 \
        --state "$tmp/state-full" "$tmp/show" >"$tmp/full.log" 2>&1
) &
pid_full=$!
pids="$pids $pid_full"
if eventually grep -qF "changes.json: File too large" "$tmp/full.log"; then ok; else
    fail "full state folder: not reported:"; cat "$tmp/full.log"
fi
sleep 1
stop full

# 4. rooms.yaml's mistakes, as --check reports them
printf 'Saal 1:\n  late: 15\n  state: packed\nSaal 2:\n  late: soon\n' >"$tmp/show/rooms.yaml"
"$bin" --check "$tmp/show" >"$tmp/out" 2>&1
if [ $? -ne 0 ]; then ok; else fail "check passed a broken rooms.yaml"; fi
for want in "rooms.yaml:3: error: state: 'packed' is not a room state: write empty, full or too full" \
    "rooms.yaml:5: error: late: 'soon'"; do
    if grep -qF -- "$want" "$tmp/out"; then ok; else fail "check: no '$want' in:"; cat "$tmp/out"; fi
done
printf 'Saal 1:\n  late: 15\n  state: too full\n  until: 2014-12-30 13:00\n' >"$tmp/show/rooms.yaml"
if "$bin" --check "$tmp/show" >"$tmp/out" 2>&1; then ok; else fail "check: good rooms.yaml"; cat "$tmp/out"; fi
printf 'Saal 1:\n  late: 15\nSaal 9:\n  state: full\n' >"$tmp/show/rooms.yaml"
"$bin" --check "$tmp/show" >"$tmp/out" 2>&1
if grep -qF 'rooms.yaml:3: warning: "Saal 9" is no room of the programme' "$tmp/out"; then ok; else
    fail "check: no warning for a room the programme lacks:"; cat "$tmp/out"
fi

finish
