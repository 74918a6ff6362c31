#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Live content updates, the way staff make them, against the real program
# running headless: it must end up showing each change, never a half-written
# file, and keep the show going through broken and vanishing files.
# Usage: reload_test.sh path/to/hallscreen source-dir
. "$(dirname "$0")/lib.sh"
bin=$1
src=$2
tmp=$(mktemp -d)
live="$tmp/content"
status="$tmp/status.json"
log="$tmp/log"
pid=

cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

# never_while NAME TEXT COMMAND...: runs COMMAND while watching that the
# status file never holds TEXT, until COMMAND has written its last byte
# (it then creates $written, before it closes the file: what the program
# shows once the file is whole and closed is no longer watched).
written="$tmp/written"
never_while() {
    name=$1 text=$2
    shift 2
    rm -f "$written"
    "$@" &
    writer=$!
    seen=0
    while kill -0 $writer 2>/dev/null && [ ! -e "$written" ]; do
        grep -qF -- "$text" "$status" && seen=1
        sleep 0.01
    done
    wait $writer
    if [ $seen -eq 0 ]; then ok; else
        fail "$name: status showed '$text'"
        grep -F '"watching"' "$status"
        tail -8 "$log"
    fi
}

headline() { printf 'kind: headline\ntitle: %s\n' "$1"; }

start() {
    rm -rf "$live" "$status"
    cp -r "$src/content" "$live"
    SDL_VIDEODRIVER=dummy "$bin" --windowed --size 640x360 --status "$status" "$@" "$live" \
        >"$log" 2>&1 &
    pid=$!
    shows "start" '"version":	1'
}

stop() {
    kill -TERM "$pid"
    wait "$pid"
    code=$?
    pid=
    if [ $code -eq 0 ]; then ok; else fail "exit $code"; fi
}

start

# 1. mv of a finished file into place
headline "Renamed into place" >"$live/slides/.new"
mv "$live/slides/.new" "$live/slides/10-welcome.yaml"
shows "mv" '"Renamed into place"'

# 2. cp over an existing file, written slowly: the half never shows
slow_copy() {
    { printf 'kind: headline\ntitle: Slow'; sleep 0.2; printf ' copy done\n'; : >"$written"; } \
        >"$live/slides/10-welcome.yaml"
}
never_while "slow cp" '"Slow"' slow_copy
shows "slow cp" '"Slow copy done"'

# 3. rsync: a hidden temporary file, then a rename
mkdir -p "$tmp/usb/slides"
headline "Synced by rsync" >"$tmp/usb/slides/20-roundtables.yaml"
rsync -r "$tmp/usb/" "$live/"
shows "rsync" '"Synced by rsync"'

# 4. editors: vim (backup, 4913 probe, write in place), gedit (temporary
#    file renamed over), nano (in place)
cp "$live/slides/50-digitalization.yaml" "$live/slides/50-digitalization.yaml~"
: >"$live/slides/4913" && rm "$live/slides/4913"
headline "Edited in vim" >"$live/slides/50-digitalization.yaml"
shows "vim" '"Edited in vim"'
headline "Saved by gedit" >"$live/slides/.goutputstream-X1Y2Z3"
mv "$live/slides/.goutputstream-X1Y2Z3" "$live/slides/50-digitalization.yaml"
shows "gedit" '"Saved by gedit"'
headline "Saved by nano" >"$live/slides/50-digitalization.yaml"
shows "nano" '"Saved by nano"'
if grep -qF '4913' "$status" || grep -qF 'goutputstream' "$status"; then
    fail "editor files became slides"
else ok; fi

# 5. a corrupt file in the middle of a good show: reported, last good stays
printf 'kind: headline\ntitle: [broken\n' >"$live/slides/50-digitalization.yaml"
shows "corrupt file reported" '50-digitalization.yaml:3: error: YAML syntax'
shows "last good version stays" '"Saved by nano"'
headline "Fixed again" >"$live/slides/50-digitalization.yaml"
shows "fixed" '"Fixed again"'
if grep -qF 'YAML syntax' "$status"; then fail "problem still listed after the fix"; else ok; fi

# 6. the slides folder deleted and copied again: the show goes on meanwhile
cp -r "$live/slides" "$tmp/slides-copy"
headline "Back from the USB stick" >"$tmp/slides-copy/10-welcome.yaml"
rm -rf "$live/slides"
sleep 0.5
shows "folder gone, show goes on" '"Fixed again"'
cp -r "$tmp/slides-copy" "$live/slides"
shows "folder copied back" '"Back from the USB stick"'

# 7. the whole content folder swapped by renaming folders
cp -r "$live" "$tmp/next"
headline "Swapped folder" >"$tmp/next/slides/10-welcome.yaml"
mv "$live" "$tmp/old"
mv "$tmp/next" "$live"
shows "folder swapped" '"Swapped folder"'

# 8. the urgent notice, within a second, and gone when its file goes
printf 'title: Room change\nbody: The roundtable moves to Hall B\n' >"$live/alert.yaml"
shows "alert" '"Room change"'
rm "$live/alert.yaml"
shows "alert removed" '"alert":	null'

# 9. SIGHUP reads everything again, and keeps the last good version of a
#    broken file
printf 'kind: headline\ntitle: [broken\n' >"$live/slides/50-digitalization.yaml"
shows "broken before SIGHUP" '50-digitalization.yaml:3: error: YAML syntax'
reloads=$(grep -o '"reloads":	[0-9]*' "$status" | tr -dc 0-9)
kill -HUP "$pid"
shows "SIGHUP" "\"reloads\":	$((reloads + 1))"
shows "SIGHUP keeps the last good version" '"Swapped folder"'
shows "SIGHUP still reports the problem" '50-digitalization.yaml:3: error: YAML syntax'
headline "Fixed after SIGHUP" >"$live/slides/50-digitalization.yaml"
shows "fixed after SIGHUP" '"Fixed after SIGHUP"'

# 9a. a logo copied in after the slide that names it
printf 'kind: partners\npartners:\n  - name: Late\n    logo: logos/late.png\n' \
    >"$live/slides/75-late.yaml"
shows "logo missing" "75-late.yaml:4: warning: logo: file 'logos/late.png' not found"
cp "$src/content/logos/oecd.png" "$live/logos/late.png"
if eventually sh -c "! grep -qF 'late.png' '$status'"; then ok
else fail "the logo copied in later is still reported missing"; fi
rm "$live/slides/75-late.yaml" "$live/logos/late.png"

# 9b. a copy that stalls mid-file (slow USB stick, network share) is never
#     read half-written
stalled_copy() {
    { printf 'kind: session\ntitle: Stalled copy\n'; sleep 1.2
      printf 'speakers:\n  - One\n  - Two\n  - Three\nroom: Hall B\n'; : >"$written"; } \
        >"$live/slides/30-roundtable-digital.yaml"
}
never_while "stalled copy" '"Stalled copy"' stalled_copy
shows "stalled copy whole" '"Stalled copy"'

# 9c. a file in the folder that keeps growing (a log) delays nothing, not
#     even after a removal
printf 'title: Notice\n' >"$live/alert.yaml"
shows "alert before the log" '"Notice"'
( i=0; while [ $i -lt 75 ]; do echo "line $i" >>"$live/show.log"; sleep 0.2; i=$((i + 1)); done ) &
logger=$!
sleep 0.5
rm "$live/alert.yaml"
shows "alert removed while a log grows" '"alert":	null'
headline "Changed while a log grows" >"$live/slides/10-welcome.yaml"
shows "change while a log grows" '"Changed while a log grows"'
kill $logger 2>/dev/null
wait $logger 2>/dev/null
rm -f "$live/show.log"

# 9d. rm -rf slides and a fresh copy, again and again: changes are still
#     seen after (each round used to keep a watch that was never given back)
for i in $(seq 1 40); do
    rm -rf "$live/slides"
    cp -r "$tmp/slides-copy" "$live/slides"
done
headline "After 40 fresh copies" >"$live/slides/10-welcome.yaml"
shows "after 40 fresh copies" '"After 40 fresh copies"'

# 9e. a file name that is not UTF-8 and holds a newline: the status file
#     stays valid UTF-8, one problem a line in the log
printf 'kind: headline\n' >"$live/slides/$(printf '90-bad\377\nname.yaml')"
printf 'kind: headline\ntitle: Odd name\n' >"$live/slides/$(printf '91-odd\377name.yaml')"
shows "odd name reported" '90-bad\\xff\\nname.yaml'
shows "odd name plays" '"Odd name"'
if iconv -f UTF-8 -t UTF-8 "$status" >/dev/null 2>&1; then ok; else fail "status is not UTF-8"; fi
if grep -q "^name.yaml" "$log"; then fail "a newline in a name split a log line"; else ok; fi
rm -f "$live/slides/90-bad"* "$live/slides/91-odd"*

# 10a. a schedule export copied in, replaced by a broken one, then fixed:
#      the board of today's rooms, the last good version kept meanwhile
today=$(TZ=Asia/Dubai date +%F)
hour=$(TZ=Asia/Dubai date +%-H) # no leading zero: 08 is no number to sh
if [ "$hour" -ge 1 ] && [ "$hour" -le 21 ]; then
    start=$(printf '%02d:00' $((hour - 1)))
    end=$(printf '%02d:30' $((hour + 1)))
    printf 'date,start,end,room,title\n%s,%s,%s,Hall A,Talk running now\n' "$today" "$start" \
        "$end" >"$tmp/schedule.csv"
    cp "$tmp/schedule.csv" "$live/schedule.csv"
    shows "schedule" '"Talk running now"'
    shows "board" '"slides":	["Hall A"' # the board of the one room, first in the programme
    printf 'date,start\n"unterminated' >"$live/schedule.csv"
    shows "broken schedule reported" 'schedule.csv:1: error: the first row must name the columns'
    shows "last good schedule kept" '"Talk running now"'
    rm "$live/schedule.csv"
    shows "schedule removed" '"alert":	null'
    if eventually sh -c "! grep -qF 'Talk running now' '$status'"; then ok
    else fail "the talks of a removed schedule stayed"; fi
else
    ok # no hour of today leaves room for a talk around now: nothing to check
fi

# 10. 200 changes in quick succession: it ends on the last, memory flat
rss() { grep VmRSS "/proc/$pid/status" | tr -dc 0-9; }
for i in $(seq 1 20); do headline "Warm-up $i" >"$live/slides/10-welcome.yaml"; done
shows "warm-up" '"Warm-up 20"'
rss_before=$(rss)
for i in $(seq 1 200); do
    headline "Change $i of 200" >"$live/slides/.next"
    mv "$live/slides/.next" "$live/slides/10-welcome.yaml"
done
shows "200 changes" '"Change 200 of 200"'
rss_after=$(rss)
echo "RSS before 200 changes: $rss_before kB, after: $rss_after kB"
if [ -n "${HALLSCREEN_SANITIZED:-}" ]; then
    ok # AddressSanitizer holds freed memory back; LeakSanitizer checks leaks at exit
elif [ $((rss_after - rss_before)) -lt 2048 ]; then ok
else fail "RSS grew by $((rss_after - rss_before)) kB"; fi
stop

# 11. the content folder as a symbolic link, swapped atomically as a
#     release is: the new folder plays, and its edits are followed
rm -rf "$tmp/v1" "$tmp/v2"
cp -r "$src/content" "$tmp/v1"
cp -r "$src/content" "$tmp/v2"
headline "Release one" >"$tmp/v1/slides/10-welcome.yaml"
headline "Release two" >"$tmp/v2/slides/10-welcome.yaml"
ln -s "$tmp/v1" "$tmp/current"
SDL_VIDEODRIVER=dummy "$bin" --windowed --size 640x360 --status "$status" "$tmp/current" \
    >"$log" 2>&1 &
pid=$!
shows "release one" '"Release one"'
ln -sfn "$tmp/v2" "$tmp/current.tmp" && mv -T "$tmp/current.tmp" "$tmp/current"
shows "release two" '"Release two"'
headline "Edited in release two" >"$tmp/v2/slides/10-welcome.yaml"
shows "edit in release two" '"Edited in release two"'
stop

# 12. the status file inside the content folder: warned about, and its
#     writes do not make the show read its folder again and again
rm -rf "$live"
cp -r "$src/content" "$live"
SDL_VIDEODRIVER=dummy "$bin" --windowed --size 640x360 --status "$live/status.json" "$live" \
    >"$log" 2>&1 &
pid=$!
eventually grep -qs '"version"' "$live/status.json" && ok || fail "no status in the folder"
grep -q "status.json is inside the content folder" "$log" && ok || fail "no warning: $(cat "$log")"
sleep 2
reloads=$(grep -o '"reloads":	[0-9]*' "$live/status.json" | tr -dc 0-9)
[ "$reloads" -eq 0 ] && ok || fail "its own status file made $reloads reloads"
stop

# 13. signals right at the start are kept for the loop, not fatal: sent as
#     soon as SDL starts (it catches SIGTERM), before the window and fonts
SDL_VIDEODRIVER=dummy "$bin" --windowed --size 640x360 --status "$status" "$live" >"$log" 2>&1 &
pid=$!
tries=0
while [ $tries -lt 2000 ]; do
    caught=$(awk '/^SigCgt/ {print $2}' "/proc/$pid/status" 2>/dev/null)
    [ -n "$caught" ] && [ $((0x$caught & 0x4000)) -ne 0 ] && break
    tries=$((tries + 1))
done
kill -HUP "$pid"
kill -USR1 "$pid"
sleep 1
if kill -0 "$pid" 2>/dev/null; then ok; else fail "an early SIGHUP or SIGUSR1 ended it"; pid=; fi
[ -n "$pid" ] && stop

# 13a. started inside its folder ("hallscreen ."): its own top-level files
#      are seen, an alert renamed into place among them
rm -rf "$live" "$status"
cp -r "$src/content" "$live"
(cd "$live" && exec env SDL_VIDEODRIVER=dummy "$bin" --windowed --size 640x360 \
    --status "$status" .) >"$log" 2>&1 &
pid=$!
shows "started inside its folder" '"version":	1'
printf 'title: Seen from inside\n' >"$live/.alert.new"
mv "$live/.alert.new" "$live/alert.yaml"
shows "alert renamed into place, started inside" '"Seen from inside"'
stop

# 14. polling, as on a network share
start --poll 0.2
headline "Seen by polling" >"$live/slides/10-welcome.yaml"
shows "poll" '"Seen by polling"'
if grep -qF '"watching":	"polling"' "$status"; then ok; else fail "not polling"; fi
stop

# 15. a content folder not there yet: the set-up screen, then the show once
#     the folder is copied into place
rm -rf "$live" "$status"
SDL_VIDEODRIVER=dummy "$bin" --windowed --size 640x360 --status "$status" "$live" >"$log" 2>&1 &
pid=$!
shows "set-up screen" "Waiting for the show's content"
cp -r "$src/content" "$tmp/copy"
headline "Arrived" >"$tmp/copy/slides/10-welcome.yaml"
mv "$tmp/copy" "$live"
shows "the show once its folder appears" '"Arrived"'
stop

finish
