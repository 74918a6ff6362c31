#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Benchmark of hallscreen-fetch --once on a real export served by the tests'
# server on 127.0.0.1 (tests/fetch_server.py): a new version (downloaded,
# read by the show's schedule reader, written atomically), a check answered
# 304 Not Modified, and the same server sending the same bytes with no
# ETag (downloaded and compared). Medians of RUNS runs of each, with the
# peak resident memory. Prints figures; asserts nothing.
# Usage: fetch.sh path/to/hallscreen-fetch source-dir EXPORT [RUNS]
# (EXPORT: e.g. the 39C3 merged export, everything.schedule.json of
# voc/39C3_schedule, commit dfa734b: 2.6 MB, 887 talks.)
fetch=$1
src=$2
export=$3
runs=${4:-10}
# The server is on this machine: no proxy a CI's environment names.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
export no_proxy='*'
tmp=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$tmp"' EXIT

mkdir -p "$tmp/files" "$tmp/ctl" "$tmp/content" "$tmp/state"
name=$(basename "$export")
cp "$export" "$tmp/files/$name"
python3 "$src/tests/fetch_server.py" "$tmp/files" "$tmp/ctl" "$tmp/port" &
server=$!
until [ -s "$tmp/port" ]; do sleep 0.02; done
case "$name" in *.json) copy=schedule.json ;; *.csv) copy=schedule.csv ;; *) copy=schedule.xml ;; esac
printf 'name: Bench\ntimezone: Europe/Berlin\nschedule:\n  - file: %s\n    url: http://127.0.0.1:%s/files/%s\n' \
    "$copy" "$(cat "$tmp/port")" "$name" >"$tmp/content/event.yaml"

# run: one --once round; prints "milliseconds peak-KiB"
run() {
    start=$(date +%s%N)
    /usr/bin/time -f %M -o "$tmp/rss" "$fetch" --once --quiet --state "$tmp/state" "$tmp/content" \
        >"$tmp/log" 2>&1 || { cat "$tmp/log" >&2; exit 1; }
    end=$(date +%s%N)
    echo "$(((end - start) / 1000000)) $(cat "$tmp/rss")"
}
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
report() { # report LABEL FILE
    printf '%-44s %5s ms (min %s, max %s), peak RSS %s MiB\n' "$1" \
        "$(cut -d' ' -f1 "$2" | median)" "$(cut -d' ' -f1 "$2" | sort -n | head -1)" \
        "$(cut -d' ' -f1 "$2" | sort -n | tail -1)" \
        "$(cut -d' ' -f2 "$2" | median | awk '{printf "%.1f", $1 / 1024}')"
}

echo "export: $name, $(wc -c <"$export") bytes; $runs runs each"
: >"$tmp/new"
for i in $(seq "$runs"); do
    rm -f "$tmp/content/$copy" "$tmp/state/state.json"
    run >>"$tmp/new"
done
report "new version (download, check, write)" "$tmp/new"
: >"$tmp/same"
for i in $(seq "$runs"); do run >>"$tmp/same"; done
report "not modified (304)" "$tmp/same"
: >"$tmp/bytes"
for i in $(seq "$runs"); do
    rm -f "$tmp/state/state.json" # no ETag known: downloaded, found the same
    run >>"$tmp/bytes"
done
report "same bytes, no ETag known (download, compare)" "$tmp/bytes"
