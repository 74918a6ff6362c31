#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Runs a libFuzzer target for a while on a seed corpus of the bundled show
# and the test fixtures. Fails when the fuzzer finds a crash, a leak or a
# hang; the input that did it is kept in CRASH-DIR (in the build folder:
# make it a fixture). Usage: run.sh TARGET SECONDS CRASH-DIR SOURCE-DIR SEED-DIR...
target=$1
seconds=$2
crashes=$3
src=$4
shift 4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus"
for dir in "$@"; do
    find "$src/$dir" -type f -size -64k | while read -r f; do
        cp "$f" "$work/corpus/$(echo "$f" | cksum | cut -d' ' -f1)"
    done
done
mkdir -p "$crashes"
"$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$crashes/" -print_final_stats=1 "$work/corpus" \
    >"$work/log" 2>&1
status=$?
grep -E "stat::number_of_executed_units|stat::peak_rss_mb|ERROR|SUMMARY|Test unit written" "$work/log"
echo "$(basename "$target"): $seconds s, exit $status"
exit $status
