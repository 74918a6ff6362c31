#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The fleet: ten screens (hallscreen headless, an agent each) and Debian's
# mosquitto on 127.0.0.1, started here with its own configuration: an
# alert on all and on one, cleared; a screen started later; commands; bad
# payloads; rsync --delete of a content folder under an alert; the broker
# restarted; a wrong password; TLS with a CA made here.
# Usage: agent_test.sh path/to/hallscreen path/to/hallscreen-agent source-dir
. "$(dirname "$0")/lib.sh"
bin=$1
agent=$2
src=$3
tmp=$(mktemp -d)
. "$(dirname "$0")/fleet_lib.sh"
cleanup() {
    stop_screens
    stop_broker
    [ -n "$AGENT_TEST_KEEP" ] || rm -rf "$tmp"
}
trap cleanup EXIT

screens="s1 s2 s3 s4 s5 s6 s7 s8 s9 s10"
make_broker $screens s11 s12
if start_broker; then ok; else
    fail "mosquitto did not start: $(cat "$tmp/broker/out" "$tmp/broker/log")"
    finish
    exit
fi

for s in $screens; do start_show $s; done
for s in $screens; do start_agent $s; done

# status_of NAME holds TEXT: eventually, else a failure naming the screen.
holds() {
    status="$tmp/$1/status.json" log="$tmp/$1/agent.log" name=$1
    shows "$2" "$3"
}
no_alert='"alert":	null'
alert_on_all() { # TEXT: every screen of $screens comes to show TEXT
    for s in $screens; do holds $s "$2" "$1" || break; done
}

for s in $screens; do eventually grep -q "connected to" "$tmp/$s/agent.log" || break; done &&
    ok || fail "an agent did not connect: $(tail -3 "$tmp"/*/agent.log)"

# An alert for every screen, retained.
staff_pub -r -t "$prefix/alert" -m 'title: Please leave hall A by the north doors'
alert_on_all '"title":	"Please leave hall A by the north doors"' "the alert on all"
[ -f "$tmp/s1/content/alert.yaml" ] && fail "the agent wrote into the content folder" || ok
# --render with the overlay draws the alert first.
SDL_VIDEODRIVER=dummy "$bin" --render "$tmp/render" --size 320x180 --now 2025-02-12T10:00 \
    --overlay "$tmp/s1/overlay" "$tmp/s1/content" >"$tmp/render.log" 2>&1
[ -s "$tmp/render/00-alert.png" ] && ok || fail "--render --overlay: no alert: $(ls "$tmp/render")"

# The rooms' state goes into the overlay as it came; a list is refused.
staff_pub -r -t "$prefix/rooms" -m "$(printf 'hall-a:\n  late: 10\n')"
eventually grep -qs "late: 10" "$tmp/s7/overlay/rooms.yaml" && ok || fail "no rooms.yaml in the overlay"
staff_pub -r -t "$prefix/rooms" -m "$(printf -- '- hall-a\n')"
eventually grep -q "$prefix/rooms.*expected fields" "$tmp/s7/agent.log" && ok ||
    fail "a list as rooms.yaml not reported: $(tail -3 "$tmp/s7/agent.log")"
grep -q "late: 10" "$tmp/s7/overlay/rooms.yaml" && ok || fail "rooms.yaml not kept after a bad one"
[ -f "$tmp/s7/content/rooms.yaml" ] && fail "rooms.yaml written into the content folder" || ok

# One screen's own alert stands over it; cleared, the general one is back.
staff_pub -r -t "$prefix/screens/s3/alert" -m 'title: Hall B is full'
holds s3 "s3's own alert" '"title":	"Hall B is full"'
holds s4 "s4 keeps the general one" 'Please leave hall A'
staff_pub -r -t "$prefix/screens/s3/alert" -n
holds s3 "s3's own alert cleared" 'Please leave hall A'

# The fleet at a glance: each screen's status, retained (an agent looks at
# its status file four times a second).
fleet_view() { # TEXT COUNT: the retained statuses of COUNT screens hold TEXT
    mosquitto_sub -h 127.0.0.1 -p "$port" -u staff -P "$password" -v -W 2 --retained-only \
        -t "$prefix/screens/+/status" >"$tmp/statuses" 2>/dev/null
    [ "$(grep -c "$1" "$tmp/statuses")" -eq "$2" ]
}
tries=0
until fleet_view "north doors" 10 || [ $tries -ge 5 ]; do tries=$((tries + 1)); done
fleet_view "north doors" 10 && ok ||
    fail "the status topics show the alert on $(grep -c "north doors" "$tmp/statuses") screens, not 10"

# A screen's user may not raise an alert, nor write another's status (ACL).
mosquitto_pub -h 127.0.0.1 -p "$port" -u s2 -P "$password" -r -t "$prefix/alert" -m 'title: Forged'
mosquitto_pub -h 127.0.0.1 -p "$port" -u s2 -P "$password" -r -t "$prefix/screens/s5/status" \
    -m 'forged'
sleep 0.5
grep -q Forged "$tmp/s1/status.json" && fail "a screen's user raised an alert" || ok
mosquitto_sub -h 127.0.0.1 -p "$port" -u staff -P "$password" -W 1 -C 1 \
    -t "$prefix/screens/s5/status" 2>/dev/null | grep -q forged &&
    fail "a screen's user wrote another screen's status" || ok

# A screen started later gets the retained alert at once, here over TLS.
start_show s11
start_agent s11 --broker "127.0.0.1:$tls_port" --cafile "$tmp/tls/ca.crt"
holds s11 "the screen started later (TLS)" 'Please leave hall A'
grep -q "connected to 127.0.0.1:$tls_port" "$tmp/s11/agent.log" && ok ||
    fail "s11 not over TLS: $(cat "$tmp/s11/agent.log")"
# TLS with a CA the broker's certificate is not from: refused.
mkdir -p "$tmp/other"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=another CA" \
    -keyout "$tmp/other/ca.key" -out "$tmp/other/ca.crt" 2>/dev/null
mkdir -p "$tmp/s12"
start_agent s12 --broker "127.0.0.1:$tls_port" --cafile "$tmp/other/ca.crt"
eventually grep -q "cannot reach\|ended" "$tmp/s12/agent.log" && ok ||
    fail "an untrusted broker was not refused: $(cat "$tmp/s12/agent.log")"
grep -q "connected to" "$tmp/s12/agent.log" && fail "connected to an untrusted broker" || ok
kill "$(cat "$tmp/s12/agent.pid")"

# Commands reach the show.
status="$tmp/s1/status.json" log="$tmp/s1/show.log" name=s1
staff_pub -t "$prefix/screens/s1/command" -m pause
shows "pause" '"paused":	true'
staff_pub -t "$prefix/screens/s1/command" -m resume
shows "resume" '"paused":	false'
staff_pub -t "$prefix/screens/s1/command" -m next
eventually grep -q "command: next" "$tmp/s1/show.log" && ok || fail "next did not reach the show"
mosquitto_sub -h 127.0.0.1 -p "$port" -u staff -P "$password" -C 1 -W 5 \
    -t "$prefix/screens/s1/screenshot" >"$tmp/shot.png" 2>/dev/null &
sub=$!
sleep 0.3
staff_pub -t "$prefix/screens/s1/command" -m screenshot
wait $sub
[ "$(head -c 8 "$tmp/shot.png" | od -An -tx1 | tr -d ' ')" = "89504e470d0a1a0a" ] && ok ||
    fail "no PNG on the screenshot topic ($(wc -c <"$tmp/shot.png") bytes)"
size=$(od -An -tu1 -j16 -N8 "$tmp/shot.png" | awk '{print $3*256+$4 "x" $7*256+$8}')
[ "$size" = "320x180" ] && ok || fail "the screenshot is $size"

# Bad payloads are reported and ignored: the alert stays.
staff_pub -r -t "$prefix/alert" -m 'title: [this is not closed'
head -c 3000 /dev/urandom >"$tmp/binary"
staff_pub -r -t "$prefix/alert" -f "$tmp/binary"
head -c 10485760 /dev/zero | tr '\0' 'a' >"$tmp/big"
staff_pub -r -t "$prefix/alert" -f "$tmp/big"
staff_pub -r -t "$prefix/alert" -m 'colour: red'
staff_pub -t "$prefix/screens/s2/command" -m 'reboot'
log="$tmp/s2/agent.log" name=s2
for what in "YAML syntax" "not UTF-8\|NUL" "10485760 bytes" "title" "not a command"; do
    eventually grep -q "$what" "$log" && ok || fail "not reported: $what: $(tail -5 "$log")"
done
sleep 0.5
alert_on_all 'Please leave hall A' "the alert stays after bad payloads"
kill -0 "$(cat "$tmp/s2/show.pid")" && ok || fail "the show of s2 ended"

# rsync --delete of a screen's content folder, under the alert: it stays.
content_folder "$tmp/release" "A new first slide"
rsync -a --delete "$tmp/release/" "$tmp/s5/content/"
holds s5 "the content after rsync" 'A new first slide'
holds s5 "the alert after rsync" 'Please leave hall A'

# The broker away: the screens keep what they show; back, they follow.
stop_broker
sleep 1.5
alert_on_all 'Please leave hall A' "the alert while the broker is away"
start_broker && ok || fail "mosquitto did not start again"
for s in $screens; do
    eventually grep -q "connected to" "$tmp/$s/agent.log" || break
done
staff_pub -r -t "$prefix/alert" -m 'title: Back to normal soon'
alert_on_all 'Back to normal soon' "an alert after the broker came back"
for s in $screens; do
    [ "$(grep -c "connected to" "$tmp/$s/agent.log")" -ge 2 ] || { fail "$s did not reconnect"; break; }
done

# Cleared while a screen's agent was away: cleared when it is back.
staff_pub -r -t "$prefix/screens/s9/alert" -m 'title: Only on s9'
holds s9 "s9's own alert" 'Only on s9'
kill "$(cat "$tmp/s9/agent.pid")"
wait "$(cat "$tmp/s9/agent.pid")" 2>/dev/null
staff_pub -r -t "$prefix/screens/s9/alert" -n
sleep 0.5
holds s9 "the last state while the agent is away" 'Only on s9'
start_agent s9
holds s9 "cleared while away, cleared once back" 'Back to normal soon'

# Cleared on all.
staff_pub -r -t "$prefix/alert" -n
alert_on_all "$no_alert" "the alert cleared on all"
holds s11 "the alert cleared on the later screen" "$no_alert"

# A wrong password: a clear error; the show goes on.
start_agent s12 --password-file "$tmp/wrong-password" --overlay "$tmp/s1/overlay" \
    --status "$tmp/s1/status.json"
log="$tmp/s12/agent.log"
eventually grep -q "refused the connection: .*not authori[sz]ed.*--password-file" "$log" && ok ||
    fail "no clear error for a wrong password: $(cat "$log")"
kill -0 "$(cat "$tmp/s12/agent.pid")" && ok || fail "the agent gave up on a wrong password"
staff_pub -t "$prefix/screens/s1/command" -m next
eventually grep -q "command: next" "$tmp/s1/show.log" && ok || fail "s1 no longer takes commands"
kill -0 "$(cat "$tmp/s1/show.pid")" && ok || fail "the show ended"

# Stopped, an agent says the screen is offline.
kill "$(cat "$tmp/s10/agent.pid")"
mosquitto_sub -h 127.0.0.1 -p "$port" -u staff -P "$password" -C 1 -W 3 \
    -t "$prefix/screens/s10/status" 2>/dev/null | grep -q '"online":false' && ok ||
    fail "a stopped agent's screen is not offline"

finish
