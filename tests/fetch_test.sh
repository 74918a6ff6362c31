#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# hallscreen-fetch against a small server of the tests' own on 127.0.0.1
# (tests/fetch_server.py), serving real exports (tests/fixtures/schedules):
# conditional requests kept across restarts, a deleted copy coming back,
# every kind of bad answer keeping the good copy, TLS with a test CA, the
# long-running fetcher recovering and stopping, and the show's schedule age.
# Usage: fetch_test.sh path/to/hallscreen-fetch path/to/hallscreen source-dir
. "$(dirname "$0")/lib.sh"
fetch=$1
show=$2
src=$3
# The server is on this machine: no proxy a CI's environment names.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
export no_proxy='*'
tmp=$(mktemp -d)
server=
tls_server=
daemon=
player=
trap 'for p in $server $tls_server $daemon $player; do kill $p 2>/dev/null; done; rm -rf "$tmp"' EXIT

mkdir -p "$tmp/files" "$tmp/ctl" "$tmp/content" "$tmp/state"
cp "$src/tests/fixtures/schedules/lswt2019/schedule.xml" "$tmp/files/lswt2019.xml"
cp "$src/tests/fixtures/schedules/31c3/schedule.xml" "$tmp/files/31c3.xml"
cp "$src/tests/fixtures/schedules/fosdem2023/schedule.xml" "$tmp/files/fosdem2023.xml"
python3 "$src/tests/fetch_server.py" "$tmp/files" "$tmp/ctl" "$tmp/port" &
server=$!
eventually test -s "$tmp/port" || fail "the test server does not start"
base="http://127.0.0.1:$(cat "$tmp/port")"
copy="$tmp/content/schedule.xml"
log="$tmp/log"
status="$tmp/status.json"

# event.yaml with the schedule: entries given, each "FILE URL" or "FILE".
event() {
    {
        printf 'name: Fetch test\ntimezone: Europe/Berlin\nschedule:\n'
        for entry; do
            set -- $entry
            if [ -n "${2:-}" ]; then printf '  - file: %s\n    url: %s\n' "$1" "$2"; else printf '  - %s\n' "$1"; fi
        done
    } >"$tmp/content/event.yaml"
}
# once [OPTIONS]: one round, its log in $log, its exit status in $rc.
once() {
    "$fetch" --once --state "$tmp/state" --status "$status" --metrics "$tmp/metrics.prom" "$@" \
        "$tmp/content" >"$log" 2>&1
    rc=$?
}
last_request() { tail -1 "$tmp/ctl/requests"; }
logged() { # logged NAME TEXT
    if grep -qF -- "$2" "$log"; then ok; else fail "$1: the log does not say '$2':"; cat "$log"; fi
}

# A first download: written, read by the show, and the request names the program.
name="first download"
event "schedule.xml $base/files/lswt2019.xml"
once
[ "$rc" -eq 0 ] && ok || fail "$name: exit $rc: $(cat "$log")"
cmp -s "$copy" "$tmp/files/lswt2019.xml" && ok || fail "$name: the copy is not the export"
last_request | grep -q ' hallscreen-fetch/[0-9.]* 200$' && ok || fail "$name: $(last_request)"
"$show" --check "$tmp/content" >"$tmp/check" 2>&1
grep -q "8 slides, 0 errors" "$tmp/check" && ok || fail "$name: the show reads $(tail -1 "$tmp/check")"
grep -q '"last_error":	""' "$status" && ok || fail "$name: status: $(cat "$status")"
grep -q '^hallscreen_fetch_ok{content=".*",file="schedule.xml"} 1$' "$tmp/metrics.prom" && ok ||
    fail "$name: metrics: $(cat "$tmp/metrics.prom")"
grep -q '^hallscreen_fetch_copy_age_seconds{.*file="schedule.xml"} ' "$tmp/metrics.prom" && ok ||
    fail "$name: no copy age in the metrics"

# A restart keeps the ETag: the next check sends it back, and a 304 leaves the copy.
name="restart"
touch -d '40 minutes ago' "$copy"
once
[ "$rc" -eq 0 ] && ok || fail "$name: exit $rc: $(cat "$log")"
etag=$(grep -o '"etag":	"[^,]*' "$status" | sed 's/"etag":	"//; s/\\"/"/g; s/"$//')
last_request | grep -qF "/files/lswt2019.xml $etag " && ok || fail "$name: ETag $etag not sent: $(last_request)"
last_request | grep -q ' 304$' && ok || fail "$name: not answered 304: $(last_request)"
cmp -s "$copy" "$tmp/files/lswt2019.xml" && ok || fail "$name: the copy changed"
[ -n "$(find "$copy" -mmin -5)" ] && ok || fail "$name: a 304 does not mark the copy as confirmed"
grep -q '^hallscreen_fetch_not_modified_total{.*} 1$' "$tmp/metrics.prom" && ok ||
    fail "$name: metrics: $(grep not_modified "$tmp/metrics.prom")"

# A copy deleted (rsync --delete) comes back at the next check: no
# conditional header is sent for a copy that is not there.
name="deleted copy"
rm "$copy"
once
[ "$rc" -eq 0 ] && ok || fail "$name: exit $rc: $(cat "$log")"
cmp -s "$copy" "$tmp/files/lswt2019.xml" && ok || fail "$name: the copy did not come back"
last_request | grep -q '^/files/lswt2019.xml - - .* 200$' && ok || fail "$name: $(last_request)"
# ... nor for a copy that someone else replaced.
cp "$tmp/files/fosdem2023.xml" "$copy"
once
cmp -s "$copy" "$tmp/files/lswt2019.xml" && ok || fail "replaced copy: it stays replaced"
last_request | grep -q '^/files/lswt2019.xml - - .* 200$' && ok || fail "replaced copy: $(last_request)"

# A new version on the server replaces the copy.
name="new version"
echo lswt2019.xml >"$tmp/ctl/live"
event "schedule.xml $base/live"
once
cmp -s "$copy" "$tmp/files/lswt2019.xml" && ok || fail "$name: first version not written"
echo 31c3.xml >"$tmp/ctl/live"
once
[ "$rc" -eq 0 ] && ok || fail "$name: exit $rc: $(cat "$log")"
cmp -s "$copy" "$tmp/files/31c3.xml" && ok || fail "$name: the new version is not written"
logged "$name" "$base/live: a new version"

# Every bad answer is reported as url: what is wrong, and the good copy stays.
for case in "slow|no whole answer within 2 s" "truncated|cut short" \
    "html|found <html>" "empty|empty document" "shape|not a frab or pretalx schedule.json" \
    "error|HTTP 503" "nothing|HTTP 404" "big|larger than 32 MB" \
    "big-announced|announces more than 32 MB" "loop|redirects" \
    "badgzip|says it is compressed (Content-Encoding), but it is not"; do
    path=${case%%|*}
    name="bad answer /$path"
    event "schedule.xml $base/$path"
    once --timeout 2
    [ "$rc" -eq 1 ] && ok || fail "$name: exit $rc"
    logged "$name" "$base/$path"
    logged "$name" "${case#*|}"
    cmp -s "$copy" "$tmp/files/31c3.xml" && ok || fail "$name: the good copy was replaced"
    grep -qF "${case#*|}" "$status" && ok || fail "$name: not in the status file: $(cat "$status")"
    grep -q '^hallscreen_fetch_ok{.*} 0$' "$tmp/metrics.prom" && ok || fail "$name: metrics say ok"
done
ls -A "$tmp/content" | grep -q '^\.schedule' && fail "a temporary file was left: $(ls -A "$tmp/content")" || ok

# A compressed answer (Content-Encoding: gzip) is written uncompressed.
event "gzip.xml $base/gzip"
once
[ "$rc" -eq 0 ] && ok || fail "gzip: exit $rc: $(cat "$log")"
cmp -s "$tmp/content/gzip.xml" "$tmp/files/lswt2019.xml" && ok || fail "gzip: not the export"
rm -f "$tmp/content/gzip.xml"

# A redirect is followed; a source in a folder of its own (one rsync --delete
# leaves alone) gets its folder; one failing source makes --once fail, the
# others are written all the same; a plain file is left alone.
event "fetched/frab.xml $base/moved" "workshops.xml $base/error" "plain.xml"
once
[ "$rc" -eq 1 ] && ok || fail "two sources: exit $rc"
cmp -s "$tmp/content/fetched/frab.xml" "$tmp/files/lswt2019.xml" && ok || fail "redirect: not written"
event "plain.xml"
once
[ "$rc" -eq 0 ] && ok || fail "no url: exit $rc"
logged "no url" "nothing to do"

# The show checks what it does not read itself: url: and every:.
printf 'name: Check\nschedule:\n  - file: schedule.xml\n    url: ftp://example.org/x\n    every: 5\n' \
    >"$tmp/content/event.yaml"
"$show" --check "$tmp/content" >"$tmp/check" 2>&1 && fail "--check accepts a bad url" || ok
grep -q "event.yaml:4: error: schedule: url: 'ftp://example.org/x' is not a web address" "$tmp/check" &&
    ok || fail "--check: $(cat "$tmp/check")"
grep -q "event.yaml:5: error: every: 5 is out of range" "$tmp/check" && ok || fail "--check: $(cat "$tmp/check")"

# A file: naming the folder's own settings (or a slide) is refused, by the
# show's --check at its line and by the fetcher, which leaves it as it was.
name="own file"
for own in event.yaml rooms.yaml slides/10-talk.yaml; do
    printf 'name: Own\nschedule:\n  - file: %s\n    url: %s\n' "$own" "$base/files/lswt2019.xml" \
        >"$tmp/content/event.yaml"
    [ "$own" = rooms.yaml ] && printf '"Saal 1":\n  late: 5\n' >"$tmp/content/rooms.yaml"
    cp "$tmp/content/event.yaml" "$tmp/event-before"
    "$show" --check "$tmp/content" >"$tmp/check" 2>&1
    grep -q "event.yaml:3: error: schedule: file: '$own' is one of the content folder's own files" \
        "$tmp/check" && ok || fail "$name $own: --check: $(cat "$tmp/check")"
    once
    cmp -s "$tmp/content/event.yaml" "$tmp/event-before" && ok || fail "$name $own: event.yaml replaced"
    [ ! -e "$tmp/content/$own" ] || [ "$own" = event.yaml ] || grep -q late "$tmp/content/$own" &&
        ok || fail "$name $own: replaced by the download"
    logged "$name $own" "is one of the content folder's own files"
done
rm -f "$tmp/content/rooms.yaml"

# A full disk or ulimit -f: the write fails, is logged, and the copy stays;
# the fetcher goes on (the signal of a file over the limit does not end it).
name="file size limit"
event "schedule.xml $base/files/lswt2019.xml"
cp "$tmp/files/31c3.xml" "$copy"
(
    ulimit -f 2
    once
    exit $rc
)
rc=$?
[ "$rc" -eq 1 ] && ok || fail "$name: exit $rc: $(cat "$log")"
logged "$name" "cannot write $copy: File too large"
cmp -s "$copy" "$tmp/files/31c3.xml" && ok || fail "$name: the good copy changed"
[ -z "$(ls -A "$tmp/content" | grep '^\.schedule')" ] && ok || fail "$name: a temporary file is left"

# A file: whose folder is a symbolic link out of the content folder is not
# written there; one to a folder inside it is.
name="symlink out"
mkdir -p "$tmp/elsewhere" "$tmp/content/inside"
ln -s "$tmp/elsewhere" "$tmp/content/out"
ln -s inside "$tmp/content/in"
event "out/schedule.xml $base/files/lswt2019.xml" "in/schedule.xml $base/files/lswt2019.xml"
once
[ "$rc" -eq 1 ] && ok || fail "$name: exit $rc: $(cat "$log")"
[ ! -e "$tmp/elsewhere/schedule.xml" ] && ok || fail "$name: written outside the content folder"
logged "$name" "leads out of the content folder"
cmp -s "$tmp/content/inside/schedule.xml" "$tmp/files/lswt2019.xml" && ok || fail "$name: a link inside: not written"
rm -rf "$tmp/content/out" "$tmp/content/in" "$tmp/content/inside" "$tmp/elsewhere"

# A state file that is not one (or too large to be) is said so; it starts afresh.
name="state garbage"
event "schedule.xml $base/files/31c3.xml"
cp "$tmp/state/state.json" "$tmp/state-kept"
head -c 5000000 /dev/zero | tr '\0' x >"$tmp/state/state.json"
once
[ "$rc" -eq 0 ] && ok || fail "$name: exit $rc: $(cat "$log")"
logged "$name" "state.json: is larger than"
printf '{"sources": [{"file": 5, "url": null}], ' >"$tmp/state/state.json"
once
logged "$name" "is not a state hallscreen-fetch wrote: it starts afresh"
mv "$tmp/state-kept" "$tmp/state/state.json"

# A state folder that cannot be written: said once, not at every write.
name="state unwritable"
event "schedule.xml $base/files/31c3.xml" "other.xml $base/files/31c3.xml"
touch "$tmp/not-a-folder"
"$fetch" --once --state "$tmp/not-a-folder" "$tmp/content" >"$log" 2>&1
rc=$?
[ "$rc" -eq 0 ] && ok || fail "$name: exit $rc: $(cat "$log")"
[ "$(grep -c 'cannot write the state file' "$log")" -eq 1 ] && ok ||
    fail "$name: said $(grep -c 'cannot write the state file' "$log") times: $(cat "$log")"
rm -f "$tmp/content/other.xml" "$tmp/not-a-folder"

# TLS with a CA made here: verified against --cafile, refused without it.
name="TLS"
cd "$tmp" || exit 1
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca.key -out ca.pem \
    -days 2 -subj "/CN=hallscreen test CA" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign" >/dev/null 2>&1
openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout server.key \
    -out server.csr -subj "/CN=127.0.0.1" >/dev/null 2>&1
printf 'subjectAltName=IP:127.0.0.1\n' >server.ext
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 \
    -extfile server.ext >/dev/null 2>&1
cd - >/dev/null || exit 1
python3 "$src/tests/fetch_server.py" "$tmp/files" "$tmp/ctl" "$tmp/tls-port" --tls "$tmp/server.pem" \
    "$tmp/server.key" 2>/dev/null &
tls_server=$!
eventually test -s "$tmp/tls-port" || fail "$name: the test server does not start"
event "schedule.xml https://127.0.0.1:$(cat "$tmp/tls-port")/files/fosdem2023.xml"
once
[ "$rc" -eq 1 ] && ok || fail "$name: an unknown CA is trusted"
logged "$name" "certificate"
cmp -s "$copy" "$tmp/files/31c3.xml" && ok || fail "$name: the good copy was replaced"
once --cafile "$tmp/ca.pem"
[ "$rc" -eq 0 ] && ok || fail "$name: exit $rc: $(cat "$log")"
cmp -s "$copy" "$tmp/files/fosdem2023.xml" && ok || fail "$name: not written"

# Running on: a missing copy is fetched at once (one already there would
# be checked within FETCH_START_SPREAD_S, at a moment of its own); a failure
# is reported and the copy kept; it works again by itself; SIGHUP checks
# now; a copy deleted comes back; SIGTERM stops it.
name="running"
echo lswt2019.xml >"$tmp/ctl/live"
event "schedule.xml $base/live"
rm -f "$copy"
"$fetch" --state "$tmp/state" --status "$status" "$tmp/content" >"$log" 2>&1 &
daemon=$!
shows "first check" '"last_success":	"2'
eventually cmp -s "$copy" "$tmp/files/lswt2019.xml" && ok || fail "$name: not written"
echo 503 >"$tmp/ctl/status"
kill -HUP $daemon
shows "failure" "HTTP 503"
shows "failures counted" '"failures_in_a_row":	1'
cmp -s "$copy" "$tmp/files/lswt2019.xml" && ok || fail "$name: the good copy was replaced"
rm "$tmp/ctl/status"
echo fosdem2023.xml >"$tmp/ctl/live"
kill -HUP $daemon
shows "recovery" '"failures_in_a_row":	0'
eventually cmp -s "$copy" "$tmp/files/fosdem2023.xml" && ok || fail "$name: no new version"
rm "$copy"
kill -HUP $daemon
eventually test -f "$copy" && ok || fail "$name: the deleted copy does not come back"
kill -TERM $daemon
wait $daemon
rc=$?
daemon=
[ "$rc" -eq 0 ] && ok || fail "$name: exit $rc after SIGTERM"
# ... even in the middle of a download that would take 100 s.
event "schedule.xml $base/slow"
rm -f "$copy"
"$fetch" "$tmp/content" >"$log" 2>&1 &
daemon=$!
eventually grep -q '^/slow ' "$tmp/ctl/requests" || fail "$name: /slow never asked"
kill -TERM $daemon
eventually sh -c "! kill -0 $daemon 2>/dev/null" && ok || fail "$name: SIGTERM does not end a download"
daemon=

# The show says how old its schedule is, and a check that confirms the copy
# makes it young again.
name="schedule age"
event "schedule.xml $base/files/fosdem2023.xml"
once
touch -d '40 minutes ago' "$copy"
status="$tmp/show-status.json"
SDL_VIDEODRIVER=dummy "$show" --windowed --size 320x180 --status "$status" --metrics "$tmp/show.prom" \
    "$tmp/content" >"$tmp/show-log" 2>&1 &
player=$!
log="$tmp/show-log"
shows "age in the status" '"age_seconds":	24'
eventually grep -q '^hallscreen_schedule_age_seconds{file="schedule.xml"} 24[0-9][0-9]' "$tmp/show.prom" &&
    ok || fail "$name: metrics: $(grep schedule "$tmp/show.prom")"
"$fetch" --once --state "$tmp/state" "$tmp/content" >"$tmp/log" 2>&1
last_request | grep -q ' 304$' && ok || fail "$name: not a 304: $(last_request)"
eventually grep -Eq '"age_seconds":.[0-9]{1,2}$' "$status" &&
    ok || fail "$name: the confirmed copy is still old: $(grep age "$status")"
kill -TERM $player
wait $player
player=

finish
