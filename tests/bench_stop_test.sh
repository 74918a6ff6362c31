#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# hallscreen-bench ends on SIGTERM between frames, with the figures so far.
# Usage: bench_stop_test.sh path/to/hallscreen-bench source-dir
. "$(dirname "$0")/lib.sh"
bench=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bench" "$src/content" >"$tmp/out" 2>"$tmp/err" &
pid=$!
# SIGTERM once SDL catches it (SigCgt bit 15, 0x4000), as it would under
# systemd; a signal before that would end it by the default action.
caught() {
    mask=$(awk '/^SigCgt/ {print $2}' "/proc/$pid/status" 2>/dev/null)
    [ -n "$mask" ] && [ $((0x$mask & 0x4000)) -ne 0 ]
}
eventually caught || fail "SIGTERM never caught"
sleep 1
kill -TERM "$pid"
# Bounded: a bench that ignores the signal is ended after 60 s, and fails.
for wait in 1 2 3 4 5 6; do
    eventually ended "$pid" && break
done
kill -KILL "$pid" 2>/dev/null
wait "$pid"
code=$?
if [ "$code" -eq 0 ]; then ok; else fail "exit $code after SIGTERM"; cat "$tmp/err"; fi
grep -q "stopped by a signal" "$tmp/err" && ok || fail "no word of the stop: $(cat "$tmp/err")"
finish
