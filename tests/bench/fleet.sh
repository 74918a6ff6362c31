#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Benchmark of the fleet: mosquitto on 127.0.0.1 and ten screens (the show
# headless at 320x180, an agent each), as agent_test.sh sets them up. Times
# from mosquitto_pub of an alert to each screen's status file holding it,
# over ROUNDS alerts (p50, p95, max of the ten screens' times, and of the
# slowest screen of each round); then the agents' memory and CPU while
# idle for IDLE seconds. Prints figures; asserts nothing.
# Usage: fleet.sh path/to/hallscreen path/to/hallscreen-agent [ROUNDS [IDLE]]
bin=$(realpath "$1")
agent=$(realpath "$2")
rounds=${3:-30}
idle=${4:-60}
here=$(dirname "$0")
. "$here/../lib.sh"
tmp=$(mktemp -d)
. "$here/../fleet_lib.sh"
trap 'stop_screens; stop_broker; rm -rf "$tmp"' EXIT

screens="s1 s2 s3 s4 s5 s6 s7 s8 s9 s10"
make_broker $screens
start_broker || { echo "mosquitto did not start"; exit 1; }
for s in $screens; do start_show $s; done
for s in $screens; do start_agent $s; done
for s in $screens; do eventually grep -q "connected to" "$tmp/$s/agent.log"; done
sleep 3 # every show up and idle

python3 - "$tmp" "$port" "$password" "$rounds" $screens <<'PY'
import os, subprocess, sys, time
tmp, port, password, rounds, screens = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5:]
each, slowest = [], []
for r in range(rounds):
    text = "Round %d of the fleet bench" % r
    start = time.monotonic()
    subprocess.run(["mosquitto_pub", "-h", "127.0.0.1", "-p", port, "-u", "staff", "-P", password,
                    "-q", "1", "-r", "-t", "hs/ev/alert", "-m", "title: " + text], check=True)
    waiting, times = set(screens), {}
    while waiting and time.monotonic() - start < 10:
        for s in list(waiting):
            try:
                with open(os.path.join(tmp, s, "status.json")) as f:
                    if text in f.read():
                        times[s] = (time.monotonic() - start) * 1000
                        waiting.discard(s)
            except OSError:
                pass
        time.sleep(0.001)
    if waiting:
        print("round %d: no alert on %s within 10 s" % (r, " ".join(sorted(waiting))))
    each += times.values()
    if times:
        slowest.append(max(times.values()))
    time.sleep(0.5)
def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]
print("publish to status file, %d rounds x %d screens (incl. mosquitto_pub's start):" % (rounds, len(screens)))
print("  each screen: p50 %.0f ms, p95 %.0f ms, max %.0f ms" % (pct(each, 50), pct(each, 95), max(each)))
print("  all ten:     p50 %.0f ms, p95 %.0f ms, max %.0f ms" % (pct(slowest, 50), pct(slowest, 95), max(slowest)))
PY

# Idle: no message for $idle seconds.
hz=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
before=0
for s in $screens; do before=$((before + $(ticks "$(cat "$tmp/$s/agent.pid")"))); done
sleep "$idle"
after=0 rss=0 pss=0
for s in $screens; do
    pid=$(cat "$tmp/$s/agent.pid")
    after=$((after + $(ticks "$pid")))
    rss=$((rss + $(grep '^VmRSS:' "/proc/$pid/status" | tr -dc 0-9)))
    pss=$((pss + $(grep '^Pss:' "/proc/$pid/smaps_rollup" | tr -dc 0-9)))
done
echo "agent idle over $idle s, mean of 10: CPU $(echo "$after $before $hz $idle" |
    awk '{printf "%.3f", ($1 - $2) / $3 / $4 / 10 * 100}') % of one core," \
    "RSS $((rss / 10)) KiB, PSS $((pss / 10)) KiB"
