#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The program as a user runs it: --help, --check, --render at every size,
# clear messages for mistakes, and a clean exit on SIGTERM.
# Usage: cli_test.sh path/to/hallscreen source-dir
. "$(dirname "$0")/lib.sh"
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT


# expect STATUS NAME COMMAND...: runs COMMAND, output in $tmp/out, checks its exit status.
expect() {
    want=$1 name=$2
    shift 2
    "$@" >"$tmp/out" 2>&1
    got=$?
    if [ "$got" -eq "$want" ]; then ok; else fail "$name: exit $got, wanted $want"; cat "$tmp/out"; fi
}

# says NAME TEXT: the last command's output holds TEXT.
says() {
    if grep -qF -- "$2" "$tmp/out"; then ok; else fail "$1: no '$2' in:"; cat "$tmp/out"; fi
}

# png_size FILE: "WIDTHxHEIGHT" read from the PNG header.
png_size() {
    set -- $(od -An -tu1 -j16 -N8 "$1")
    echo "$(($1 * 16777216 + $2 * 65536 + $3 * 256 + $4))x$(($5 * 16777216 + $6 * 65536 + $7 * 256 + $8))"
}

expect 0 help "$bin" --help
says help "Usage: hallscreen"
expect 0 version "$bin" --version
says version "hallscreen 0."

expect 0 "check bundled show" "$bin" --check "$src/content"
says "check bundled show" "8 slides, 0 errors, 0 warnings"

expect 1 "check broken show" "$bin" --check "$src/tests/fixtures/broken"
says "check broken show" "broken/slides/02-typo.yaml:2: warning: unknown field 'titel' (did you mean 'title'?)"
says "check broken show" "broken/slides/03-bad-date.yaml:4: error: start: '25:61' is not a time of day"
says "check broken show" "broken/slides/04-syntax.yaml:4: error: YAML syntax"
says "check broken show" "2 slides, 12 errors, 3 warnings"

# A time given with --now, even before 2020, is never taken for a wrong clock.
SDL_VIDEODRIVER=dummy timeout 3 "$bin" --windowed --size 640x360 --now 2019-05-22T14:20 \
    "$src/tests/fixtures/schedules/lswt2019" >"$tmp/out" 2>&1
if grep -q "wrong" "$tmp/out"; then fail "--now 2019 taken for a wrong clock:"; cat "$tmp/out"; else ok; fi

# A folder of event.yaml and a schedule export alone needs no slides folder.
mkdir -p "$tmp/alone"
printf 'name: Alone\ntimezone: Europe/Berlin\n' > "$tmp/alone/event.yaml"
printf 'title,start,end,room\nOpening,2025-02-12 10:00,2025-02-12 11:00,Hall\n' > "$tmp/alone/schedule.csv"
expect 0 "check a schedule alone" "$bin" --check "$tmp/alone"
says "check a schedule alone" "1 slide, 0 errors, 0 warnings"

# --render makes the folders above its output that are missing, as mkdir -p.
expect 0 "render into new folders" "$bin" --render "$tmp/a/b/c" --size 640x360 "$src/content"
[ -n "$(ls "$tmp/a/b/c")" ] && ok || fail "render into new folders wrote nothing"

# The same report as JSON, for scripts that check a folder before pushing it.
expect 1 "check --json" "$bin" --check --json "$src/tests/fixtures/broken"
says "check --json" '"errors":	12,'
says "check --json" '"valid":	false,'
says "check --json" '"file":	"'"$src"'/tests/fixtures/broken/slides/03-bad-date.yaml",'
says "check --json" '"line":	4,'
says "check --json" '"message":	"start: '"'"'25:61'"'"' is not a time of day'
expect 0 "check --json valid" "$bin" --check --json "$src/content"
says "check --json valid" '"valid":	true,'
says "check --json valid" '"problems":	[]'

for size in 1280x720 1920x1080 1080x1920 3840x2160; do
    out="$tmp/render-$size"
    expect 0 "render $size" "$bin" --render "$out" --size "$size" --now 2025-02-12T10:00 "$src/content"
    names=$(cd "$out" && ls | tr '\n' ' ')
    want="01-headline.png 02-headline.png 03-session.png 04-session.png 05-headline.png 06-session.png 07-partners.png 08-headline.png "
    if [ "$names" = "$want" ]; then ok; else fail "render $size wrote: $names"; fi
    for f in "$out"/*.png; do
        if [ "$(png_size "$f")" = "$size" ]; then ok; else fail "$f is $(png_size "$f")"; fi
    done
done

# The pictures are opaque, as a screen is: not a pixel see-through.
for f in "$tmp"/render-1920x1080/*.png; do
    least=$(convert "$f" -alpha extract -format "%[fx:minima]" info: 2>&1)
    if [ "$least" = "1" ]; then ok; else fail "$f: least opacity $least"; fi
done

# The closing slide's QR code scans back to the event's website, at every size.
for size in 1280x720 1920x1080 1080x1920 3840x2160; do
    decoded=$(zbarimg --raw -q "$tmp/render-$size/08-headline.png" 2>/dev/null)
    if [ "$decoded" = "https://www.worldgovernmentssummit.org/events/2025" ]; then ok
    else fail "QR code at $size read as '$decoded'"; fi
done

# It scans from the seats: from the 1080p picture at a quarter of its size.
convert "$tmp/render-1920x1080/08-headline.png" -resize 25% "$tmp/qr-quarter.png"
decoded=$(zbarimg --raw -q "$tmp/qr-quarter.png" 2>/dev/null)
if [ "$decoded" = "https://www.worldgovernmentssummit.org/events/2025" ]; then ok
else fail "QR code at 25 % of 1920x1080 read as '$decoded'"; fi

# After the event: it says so, and the dated sessions are gone.
expect 0 "render after the event" "$bin" --render "$tmp/after" --now 2025-02-14T10:00 "$src/content"
names=$(cd "$tmp/after" && ls | tr '\n' ' ')
want="01-overview.png 02-headline.png 03-headline.png 04-headline.png 05-session.png 06-partners.png 07-headline.png "
if [ "$names" = "$want" ]; then ok; else fail "after the event: $names"; fi

# A clock before 2020 is wrong (test_schedule plays every slide then), but a
# time given with --now is taken as given: an event of 2019 previews as it
# stood, its board and its talks of the moment.
expect 0 "an event of 2019" "$bin" --render "$tmp/2019" --now 2019-05-22T14:20 \
    "$src/tests/fixtures/schedules/lswt2019"
names=$(cd "$tmp/2019" && ls | tr '\n' ' ')
want="01-board.png 02-headline.png 03-session.png 04-session.png "
if [ "$names" = "$want" ]; then ok; else fail "an event of 2019 rendered: $names"; fi

# The event's time zone (Asia/Dubai), not the machine's, sets the clock.
for zone in UTC America/New_York Asia/Tokyo; do
    rm -f "$tmp/tz.json"
    before=$(TZ=Asia/Dubai date '+%a %-d %b %Y  %H:%M')
    TZ=$zone SDL_VIDEODRIVER=dummy "$bin" --windowed --status "$tmp/tz.json" "$src/content" \
        >/dev/null 2>&1 &
    pid=$!
    i=0
    while [ $i -lt 250 ] && ! grep -q '"clock"' "$tmp/tz.json" 2>/dev/null; do
        sleep 0.02
        i=$((i + 1))
    done
    kill "$pid"
    wait "$pid"
    after=$(TZ=Asia/Dubai date '+%a %-d %b %Y  %H:%M')
    if grep -qF "\"clock\":	\"$before\"" "$tmp/tz.json" ||
        grep -qF "\"clock\":	\"$after\"" "$tmp/tz.json"; then ok
    else fail "TZ=$zone: $(grep clock "$tmp/tz.json"), wanted $before"; fi
done

expect 0 "render from the broken show" "$bin" --render "$tmp/broken" "$src/tests/fixtures/broken"
if [ "$(ls "$tmp/broken" | wc -l)" -eq 2 ]; then ok; else fail "broken show rendered $(ls "$tmp/broken")"; fi

cp -r "$src/content" "$tmp/alerted"
printf 'title: Room change\n' >"$tmp/alerted/alert.yaml"
expect 0 "render with an alert" "$bin" --render "$tmp/alerted-out" --now 2025-02-12T10:00 "$tmp/alerted"
if [ -f "$tmp/alerted-out/00-alert.png" ] && [ -f "$tmp/alerted-out/08-headline.png" ]; then ok
else fail "alert not rendered: $(ls "$tmp/alerted-out")"; fi

expect 1 "missing content folder" "$bin" --render "$tmp/x" "$tmp/no-such-folder"
says "missing content folder" "content folder '$tmp/no-such-folder' not found"
mkdir -p "$tmp/empty/slides"
expect 1 "nothing to render" "$bin" --render "$tmp/x" "$tmp/empty"
says "nothing to render" "has no slides to render"
expect 2 "unknown option" "$bin" --fullscreen
says "unknown option" "unknown option '--fullscreen'"
expect 2 "bad --now" "$bin" --now yesterday
says "bad --now" "is not a time like 2025-02-12T10:00"
expect 1 "no display" env -u DISPLAY -u WAYLAND_DISPLAY SDL_VIDEODRIVER=x11 "$bin" "$src/content"
says "no display" "hallscreen: no display"
# An output path that is a device or FIFO is refused at the start, and left
# as it is (writing would replace it with a file).
mkfifo "$tmp/fifo"
expect 2 "status on a FIFO" "$bin" --status "$tmp/fifo" --check "$src/content"
says "status on a FIFO" "--status $tmp/fifo: not a regular file: name a file (such as"
[ -p "$tmp/fifo" ] && ok || fail "the FIFO was replaced"

# A monitor that is not there is named, not replaced by the first one
# (the dummy driver has one display).
expect 1 "display not there" timeout 20 env SDL_VIDEODRIVER=dummy "$bin" --windowed --display 1 \
    "$src/content"
says "display not there" "--display 1: there is only 1 display here: name one from 0 to 0"

# A full disk (here a file size limit: writes fail as on a full disk):
# --render fails and says why, and leaves no truncated picture behind.
mkdir "$tmp/full"
expect 1 "render onto a full disk" sh -c "trap '' XFSZ; ulimit -f 40; exec \"\$0\" \"\$@\"" \
    "$bin" --render "$tmp/full" --now 2025-02-12T10:00 "$src/content"
says "render onto a full disk" "cannot write $tmp/full/01-headline.png: File too large"
if [ -z "$(ls -A "$tmp/full")" ]; then ok; else fail "full disk left: $(ls -A "$tmp/full")"; fi

# What staff get wrong is reported by --check, each with its file and line.
cp -r "$src/content" "$tmp/mistakes"
m="$tmp/mistakes"
printf 'kind: headline\ntitle: Upper case name\n' >"$m/slides/14-upper.YAML"
printf 'kind: headline\ntitle: Saved as text\n' >"$m/slides/15-x.yaml.txt"
printf 'kind: headline\ntitle: One\n---\nkind: headline\ntitle: Two\n' >"$m/slides/16-two.yaml"
printf 'kind: headline\ntitle: Hex\nduration: 0x10\n' >"$m/slides/17-hex.yaml"
printf 'kind: headline\ntitle: Outside\n' >"$tmp/outside.yaml"
ln -s "$tmp/outside.yaml" "$m/slides/18-link.yaml"
mkdir "$m/fonts"
: >"$m/fonts/empty.ttf"
printf 'slide_duration: 0.001\n' >"$m/theme.yaml"
sed -i 's|^timezone:.*|timezone: zone.tab|' "$m/event.yaml"
expect 1 "check staff mistakes" "$bin" --check "$m"
says "check staff mistakes" "mistakes/slides/15-x.yaml.txt: warning: is not read: a slide's name must end in .yaml"
says "check staff mistakes" "mistakes/slides/16-two.yaml:4: warning: a second YAML document ('---') is ignored"
says "check staff mistakes" "mistakes/slides/17-hex.yaml:3: error: duration: '0x10' is not a duration"
says "check staff mistakes" "mistakes/slides/18-link.yaml: error: is a link leading outside the content folder"
says "check staff mistakes" "mistakes/theme.yaml:1: error: slide_duration: 0.001 s is out of range"
says "check staff mistakes" "timezone: 'zone.tab' is not a time zone"
if grep -q "Upper case name" "$tmp/out" || grep -q "14-upper" "$tmp/out"; then
    fail "14-upper.YAML reported"; else ok; fi
for font in "fonts" "fonts/empty.ttf" "/dev/zero" "No Such Family" "fonts/missing.ttf"; do
    printf 'font: %s\n' "$font" >"$m/theme.yaml"
    expect 1 "check font $font" "$bin" --check "$m"
    says "check font $font" "mistakes/theme.yaml:1: warning: font: "
done
mkdir "$tmp/assets"
printf 'font: Nowhere Sans\n' >"$tmp/assets/theme.yaml"
expect 1 "check the assets' font" "$bin" --assets "$tmp/assets" --check "$src/content"
says "check the assets' font" "assets/theme.yaml:1: warning: font: no font 'Nowhere Sans' is installed"
printf 'OTTO, and no font after it\n' >"$m/fonts/damaged.otf"
printf 'font: fonts/damaged.otf\n' >"$m/theme.yaml"
expect 1 "check a damaged font" "$bin" --check "$m"
says "check a damaged font" "font: 'fonts/damaged.otf' is damaged: no font can be read from it"
printf 'font: fonts/brand.ttf\n' >"$m/theme.yaml"
cp /usr/share/fonts/truetype/noto/NotoSans-Bold.ttf "$m/fonts/brand.ttf"
(cd / && "$bin" --check "$m") >"$tmp/out" 2>&1
if grep -q "theme.yaml" "$tmp/out"; then fail "a font in the folder: $(cat "$tmp/out")"; else ok; fi

# Clips made with ffmpeg: --check opens each one, --render writes its poster
# frame; what cannot play is named, its slide left out, and nothing hangs.
v="$tmp/clips"
cp -r "$src/content" "$v"
mkdir "$v/videos"
ffmpeg -v error -f lavfi -i 'color=c=red:s=320x180:r=10:d=1' -f lavfi -i 'color=c=0x00ff00:s=320x180:r=10:d=1' \
    -filter_complex concat=n=2:v=1 -c:v libx264 -pix_fmt yuv420p "$v/videos/red-green.mp4"
ffmpeg -v error -f lavfi -i 'testsrc2=s=3840x2160:r=25:d=0.2' -c:v libx264 -pix_fmt yuv420p "$v/videos/uhd.mp4"
head -c 50000 /dev/urandom >"$v/videos/random.mp4"
printf 'kind: video\nvideo: videos/red-green.mp4\npo' >"$v/slides/15-clip.yaml"
printf 'ster: 1.5\nfooter: false\n' >>"$v/slides/15-clip.yaml"
printf 'kind: video\nvideo: videos/uhd.mp4\nloop: 3\n' >"$v/slides/16-uhd.yaml"
printf 'kind: video\nvideo: videos/random.mp4\n' >"$v/slides/17-random.yaml"
printf 'kind: video\nvideo: videos/red-green.mp4\nloop: 0\naudio: maybe\n' >"$v/slides/18-bad.yaml"
expect 1 "check clips" "$bin" --check "$v"
says "check clips" "clips/videos/random.mp4: error: cannot be read as video"
says "check clips" "clips/videos/uhd.mp4: warning: 3840x2160: larger than 1920x1080"
says "check clips" "clips/slides/18-bad.yaml:3: error: loop: 0 is out of range: write 1 to 1000"
says "check clips" "clips/slides/18-bad.yaml:4: error: audio: 'maybe' is not true or false"
if grep -q "red-green" "$tmp/out"; then fail "a good clip reported: $(cat "$tmp/out")"; else ok; fi
expect 1 "render clips" "$bin" --render "$tmp/clips-out" --size 1280x720 --now 2025-02-12T10:00 "$v"
says "render clips" "random.mp4: cannot be read as video"
if [ -f "$tmp/clips-out/02-video.png" ] && [ -f "$tmp/clips-out/03-video.png" ]; then ok
else fail "clips not rendered: $(ls "$tmp/clips-out")"; fi
# the poster frame is taken 1.5 s in: green, over the whole slide
set -- $(convert "$tmp/clips-out/02-video.png" -format \
    '%[fx:int(255*p{640,700}.r)] %[fx:int(255*p{640,700}.g)] %[fx:int(255*p{640,700}.b)]' info:)
if [ "$1" -lt 40 ] && [ "$2" -gt 200 ] && [ "$3" -lt 40 ]; then ok; else fail "poster frame is $*"; fi

# On a tall screen a wide clip with a caption stands in the middle, its
# caption right under it, not at the foot with the screen empty above.
tall="$tmp/tall-clip"
mkdir -p "$tall/slides" "$tall/videos"
printf 'name: Tall\n' >"$tall/event.yaml"
cp "$v/videos/red-green.mp4" "$tall/videos/"
printf 'kind: video\nvideo: videos/red-green.mp4\ncaption: Thanks to our sponsors\n' \
    >"$tall/slides/10-clip.yaml"
expect 0 "render a clip on a tall screen" "$bin" --render "$tmp/tall-out" --size 1080x1920 "$tall"
red_at() {
    set -- $(convert "$tmp/tall-out/01-video.png" -format "%[fx:int(255*p{540,$1}.r)] %[fx:int(255*p{540,$1}.g)]" info:)
    [ "$1" -gt 200 ] && [ "$2" -lt 60 ]
}
# the clip is 1080x608 here: centred with its caption, it covers 960 but
# not 300 (nor 1500, where it would be standing at the foot)
if red_at 960 && ! red_at 300 && ! red_at 1500; then ok; else fail "the tall screen's clip is not in the middle"; fi

# The screen's own words in the event's language; one it has no words for
# is named.
cp -r "$src/content" "$tmp/kk"
printf 'language: kk\n' >>"$tmp/kk/event.yaml"
expect 0 "check a show in Kazakh" "$bin" --check "$tmp/kk"
sed -i 's/^language: kk$/language: [kk, de]/' "$tmp/kk/event.yaml"
expect 1 "check an unknown language" "$bin" --check "$tmp/kk"
says "check an unknown language" "kk/event.yaml: warning: language: 'de' has no catalog"

# A theme whose grey body text is hard to read on the dark blue.
cp -r "$src/content" "$tmp/grey"
printf 'muted: "#5a6a80"\n' >"$tmp/grey/theme.yaml"
expect 1 "check a low-contrast theme" "$bin" --check "$tmp/grey"
says "check a low-contrast theme" "grey/theme.yaml: warning: muted on background_end: contrast"

# A WebP poster, as design tools export them (made here by imagemagick).
w="$tmp/webp"
mkdir -p "$w/slides"
printf 'name: WebP\n' >"$w/event.yaml"
convert -size 800x450 xc:'#d02020' "$w/poster.webp"
printf 'kind: image\nimage: poster.webp\nfooter: false\n' >"$w/slides/10-poster.yaml"
expect 0 "check a WebP poster" "$bin" --check "$w"
expect 0 "render a WebP poster" "$bin" --render "$tmp/webp-out" --size 640x360 "$w"
set -- $(convert "$tmp/webp-out/01-image.png" -format \
    '%[fx:int(255*p{320,180}.r)] %[fx:int(255*p{320,180}.g)]' info:)
if [ "$1" -gt 190 ] && [ "$2" -lt 60 ]; then ok; else fail "WebP poster drawn as $*"; fi

# A phone's clip (stored on its side, red over blue, rotation metadata) is
# checked and drawn upright, red left of blue, as FFmpeg's autorotate has it.
r="$tmp/phone"
mkdir -p "$r/slides" "$r/videos"
printf 'name: Phone\n' >"$r/event.yaml"
ffmpeg -v error -f lavfi -i 'color=c=red:s=160x46:d=1' -f lavfi -i 'color=c=blue:s=160x46:d=1' \
    -filter_complex '[0][1]vstack' -c:v libx264 -pix_fmt yuv420p "$tmp/side.mp4"
ffmpeg -v error -i "$tmp/side.mp4" -c copy -metadata:s:v:0 rotate=90 "$r/videos/phone.mp4"
printf 'kind: video\nvideo: videos/phone.mp4\nfooter: false\n' >"$r/slides/10-clip.yaml"
expect 0 "check a phone clip" "$bin" --check "$r"
expect 0 "render a phone clip" "$bin" --render "$tmp/phone-out" --size 320x180 "$r"
set -- $(convert "$tmp/phone-out/01-video.png" -format \
    '%[fx:int(255*p{145,90}.r)] %[fx:int(255*p{175,90}.b)]' info:)
if [ "$1" -gt 190 ] && [ "$2" -gt 190 ]; then ok; else fail "phone clip drawn as $*"; fi

# While a clip plays, SIGUSR1 screenshots show its frames as they change: a
# lone clip (red for a second, then green) loops, and both colours are seen.
one="$tmp/one-clip"
mkdir -p "$one/slides" "$one/videos"
printf 'name: One clip\n' >"$one/event.yaml"
cp "$v/videos/red-green.mp4" "$one/videos/"
printf 'kind: video\nvideo: videos/red-green.mp4\nfooter: false\n' >"$one/slides/10-clip.yaml"
SDL_VIDEODRIVER=dummy "$bin" --windowed --size 320x180 --screenshot "$tmp/shot.png" "$one" \
    >"$tmp/out" 2>&1 &
pid=$!
seen=""
i=0
while [ $i -lt 120 ]; do
    sleep 0.15
    rm -f "$tmp/shot.png"
    kill -USR1 "$pid"
    eventually test -f "$tmp/shot.png" || break
    set -- $(convert "$tmp/shot.png" -format '%[fx:int(255*p{160,90}.r)] %[fx:int(255*p{160,90}.g)]' info:)
    [ "$1" -gt 200 ] && [ "$2" -lt 60 ] && case "$seen" in *red*) ;; *) seen="$seen red" ;; esac
    [ "$1" -lt 60 ] && [ "$2" -gt 200 ] && case "$seen" in *green*) ;; *) seen="$seen green" ;; esac
    case "$seen" in *red*green* | *green*red*) break ;; esac
    i=$((i + 1))
done
kill -TERM "$pid"
wait "$pid"
case "$seen" in *red*green* | *green*red*) ok ;; *) fail "screenshots of a playing clip saw:$seen" ;; esac

# A clip with audio: true where no sound device answers (every sound
# library pointed at nothing): the show says once that sound cannot be
# played, whatever the number of plays, and the libraries' own lines stay
# out of its log.
sound="$tmp/sound"
mkdir -p "$sound/slides" "$sound/videos"
printf 'name: Sound\n' >"$sound/event.yaml"
ffmpeg -v error -f lavfi -i 'color=c=blue:s=160x90:r=10:d=1' -f lavfi -i 'sine=d=1' -shortest \
    -pix_fmt yuv420p "$sound/videos/tone.mp4"
printf 'kind: video\nvideo: videos/tone.mp4\naudio: true\n' >"$sound/slides/10-a.yaml"
printf 'kind: video\nvideo: videos/tone.mp4\naudio: true\nloop: 2\n' >"$sound/slides/20-b.yaml"
printf 'slide_duration: 2\ntransition_duration: 0.2\n' >"$sound/theme.yaml"
printf '# nothing\n' >"$tmp/no-alsa.conf"
status="$tmp/sound-status.json"
ALSA_CONFIG_PATH="$tmp/no-alsa.conf" PULSE_SERVER=unix:/nonexistent PIPEWIRE_REMOTE=nonexistent \
    SDL_AUDIODRIVER=alsa SDL_VIDEODRIVER=dummy "$bin" --windowed --status "$status" "$sound" \
    >"$tmp/sound.log" 2>&1 &
pid=$!
on_slide() { grep -q "\"source\":.*$1" "$status" 2>/dev/null; }
# a, then b, then a again: the clip opened three times
eventually on_slide 20-b.yaml && eventually on_slide 10-a.yaml || fail "sound: the clips never played in turn"
kill -TERM "$pid"
wait "$pid"
[ "$(grep -c 'sound cannot be played' "$tmp/sound.log")" -eq 1 ] && ok ||
    { fail "sound: not said once"; cat "$tmp/sound.log"; }
if grep -v '^hallscreen: ' "$tmp/sound.log" | grep -q .; then
    fail "sound: the libraries' own lines reach the log"; cat "$tmp/sound.log"
else ok; fi

# The metrics file, for node_exporter: its counters move as slides change
# and the folder is read again, and a broken file is counted.
show="$tmp/metrics-show"
mkdir -p "$show/slides"
printf 'name: Metrics\n' >"$show/event.yaml"
printf 'slide_duration: 2\ntransition_duration: 0.2\n' >"$show/theme.yaml"
printf 'kind: headline\ntitle: One\n' >"$show/slides/1.yaml"
printf 'kind: headline\ntitle: Two\n' >"$show/slides/2.yaml"
metrics="$tmp/metrics.prom"
HALLSCREEN_SCREEN=7 SDL_VIDEODRIVER=dummy "$bin" --windowed --sync --metrics "$metrics" "$show" \
    >"$tmp/out" 2>&1 &
pid=$!
# figure NAME: the value of a series in the metrics file (screen 7's).
figure() {
    sed -n "s/^$1 \(.*\)/\1/p" "$metrics" 2>/dev/null
}
at_least() { v=$(figure "$1"); [ -n "$v" ] && [ "${v%.*}" -ge "$2" ]; }
if eventually at_least 'hallscreen_transitions_total{screen="7"}' 2; then ok; else
    fail "metrics: no transitions counted"; cat "$metrics"; fi
if [ "$(figure 'hallscreen_sync_enabled{screen="7"}')" = 1 ]; then ok; else fail "metrics: sync"; fi
printf 'kind: headline\ntitle: Three\n' >"$show/slides/3.yaml"
if eventually at_least 'hallscreen_reloads_total{screen="7"}' 1; then ok; else
    fail "metrics: no reload counted"; cat "$metrics"; fi
if eventually at_least 'hallscreen_slides{screen="7"}' 3; then ok; else fail "metrics: slides"; fi
printf 'kind: headline\ntitle: [broken\n' >"$show/slides/3.yaml"
if eventually at_least 'hallscreen_reload_failures_total{screen="7"}' 1 &&
    eventually at_least 'hallscreen_content_problems{screen="7",severity="error"}' 1; then ok; else
    fail "metrics: the broken file was not counted"; cat "$metrics"; fi
if command -v promtool >/dev/null; then
    if promtool check metrics <"$metrics"; then ok; else fail "promtool check metrics"; fi
fi
kill -TERM "$pid"
wait "$pid"

# rooms: in event.yaml: --check warns, at its line, of a room the export
# lacks; --room finds a room by its display name.
mkdir -p "$tmp/rooms/slides"
printf 'name: Rooms\ntimezone: Europe/Berlin\nrooms:\n  - name: Saal 1\n    display: Hall One\n  - Saal 6\n' \
    >"$tmp/rooms/event.yaml"
printf 'Date,Start,End,Room,Title\n2025-12-28,14:00,15:00,Saal 1,Talk one\n2025-12-28,14:00,15:00,Table 7,Chat\n' \
    >"$tmp/rooms/schedule.csv"
expect 1 "check rooms" "$bin" --check "$tmp/rooms"
says "check rooms" "event.yaml:6: warning: rooms: 'Saal 6' is no room of the programme"
expect 0 "render rooms door" "$bin" --render "$tmp/rooms-door" --room "hall one" --now 2025-12-28T14:10 "$tmp/rooms"
if [ -e "$tmp/rooms-door/01-board.png" ]; then ok; else fail "no door sign for 'hall one': $(ls "$tmp/rooms-door")"; fi

# The show runs until SIGTERM, then exits cleanly.
SDL_VIDEODRIVER=dummy "$bin" --windowed --now 2025-02-12T10:00 "$src/content" >"$tmp/out" 2>&1 &
pid=$!
sleep 1
if kill -0 "$pid" 2>/dev/null; then ok; else fail "the show did not keep running"; cat "$tmp/out"; fi
# a show without clips never loads the video player's libraries
if grep -q libmpv "/proc/$pid/maps"; then fail "libmpv loaded without a clip"; else ok; fi
# nor, without a schedule, the schedule readers' (libxml2 with ICU, libcsv)
if grep -qE 'libxml2|libicu|libcsv' "/proc/$pid/maps"; then
    fail "schedule libraries loaded without a schedule"; else ok; fi
kill -TERM "$pid"
wait "$pid"
status=$?
if [ "$status" -eq 0 ]; then ok; else fail "exit $status after SIGTERM"; cat "$tmp/out"; fi

# PNG logos are read with libpng: a show of them never maps SDL_image (nor
# the TIFF libraries it brings; C++'s too, but the sanitizers' runtime
# needs that); a JPEG logo has it loaded.
# logos_show NAME: the partners slide alone, drawn, and the maps kept.
logos_show() {
    SDL_VIDEODRIVER=dummy "$bin" --windowed --size 640x360 --now 2025-02-12T10:00 \
        --status "$tmp/logos-status.json" "$tmp/logos" >"$tmp/out" 2>&1 &
    pid=$!
    status="$tmp/logos-status.json" log="$tmp/out"
    shows "$1" '"kind":	"partners"'
    sleep 1 # drawn
    cp "/proc/$pid/maps" "$tmp/logos-maps"
    kill -TERM "$pid"
    wait "$pid"
}
mkdir -p "$tmp/logos/slides"
cp -r "$src/content/event.yaml" "$src/content/logos" "$tmp/logos/"
cp "$src/content/slides/70-partners.yaml" "$tmp/logos/slides/"
logos_show "PNG logos"
if grep -qE 'SDL2_image|libtiff' "$tmp/logos-maps"; then
    fail "SDL_image loaded for PNG logos: $(grep -oE '[^/ ]*(SDL2_image|libtiff)[^ ]*' "$tmp/logos-maps" | sort -u)"
else ok; fi
convert "$tmp/logos/logos/oecd.png" "$tmp/logos/logos/oecd.jpg"
sed -i 's|logos/oecd.png|logos/oecd.jpg|' "$tmp/logos/slides/70-partners.yaml"
logos_show "a JPEG logo"
if grep -q SDL2_image "$tmp/logos-maps"; then ok; else fail "SDL_image not loaded for a JPEG logo"; fi

# A show with a schedule export loads libxml2 to read it, and shows its talks.
SDL_VIDEODRIVER=dummy "$bin" --windowed --size 640x360 --now 2019-05-22T14:20 \
    --status "$tmp/schedule-status.json" "$src/tests/fixtures/schedules/lswt2019" >"$tmp/out" 2>&1 &
pid=$!
status="$tmp/schedule-status.json" log="$tmp/out"
shows "a schedule's talks" 'xCOR - a Value Chain Framework Ontology'
if grep -q libxml2 "/proc/$pid/maps"; then ok; else fail "libxml2 not loaded for schedule.xml"; fi
kill -TERM "$pid"
wait "$pid"

# A SIGHUP or SIGUSR1 10 ms after the start does not end the show: held
# back from the first instruction until the handlers are in place. Not
# under the sanitizers: their runtime sets itself up before that first
# instruction, which takes longer than 10 ms.
if [ -z "${HALLSCREEN_SANITIZED:-}" ]; then
    for sig in HUP USR1; do
        alive=0
        for try in 1 2 3 4; do
            SDL_VIDEODRIVER=dummy "$bin" --windowed --size 640x360 --now 2025-02-12T10:00 \
                "$src/content" >"$tmp/out" 2>&1 &
            pid=$!
            # from the program's start (the shell's child may take longer
            # than that to become it on a busy machine)
            comm=
            while [ "$comm" != hallscreen ] && kill -0 "$pid" 2>/dev/null; do
                read -r comm <"/proc/$pid/comm" 2>/dev/null || comm=
            done
            sleep 0.01
            kill -"$sig" "$pid"
            sleep 0.5
            if kill -0 "$pid" 2>/dev/null; then
                alive=$((alive + 1))
                kill -TERM "$pid"
            fi
            wait "$pid"
        done
        [ "$alive" -eq 4 ] && ok || fail "SIG$sig 10 ms after the start ended the show ($alive of 4 ran on)"
    done
fi

# --render with --timer: the stage timer at --now, one picture; a room the
# programme lacks is named, with the rooms it has.
fixture="$src/tests/fixtures/schedules/31c3"
if "$bin" --render "$tmp/timer" --timer saal-1 --now 2014-12-27T12:27 "$fixture" >"$tmp/out" 2>&1 &&
    grep -qx "$tmp/timer/timer.png" "$tmp/out" && [ -s "$tmp/timer/timer.png" ] &&
    [ "$(find "$tmp/timer" -name '*.png' | wc -l)" -eq 1 ]; then ok; else
    fail "--render --timer: $(cat "$tmp/out")"; fi
"$bin" --render "$tmp/timer" --timer "Saal 9" --now 2014-12-27T12:27 "$fixture" >"$tmp/out" 2>&1
if grep -q "^--timer: error: 'Saal 9' is no room of the programme; its rooms: Saal 1" "$tmp/out"; then
    ok; else fail "--timer with a room the programme lacks: $(cat "$tmp/out")"; fi
expect 1 "--check --timer with a room the programme lacks" "$bin" --check --timer "Saal 9" "$fixture"
says "--check --timer" "--timer: error: 'Saal 9' is no room of the programme; its rooms: Saal 1"
if "$bin" --help | grep -q -- "--timer NAME"; then ok; else fail "--help does not name --timer"; fi

finish
