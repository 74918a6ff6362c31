#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Installation as a venue technician does it: cmake --install into a
# prefix (and under DESTDIR), the installed program finding its theme and
# the bundled show on its own, and a systemd unit that systemd accepts.
# Usage: install_test.sh build-dir
. "$(dirname "$0")/lib.sh"
build=$(cd "$1" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check() { # check NAME COMMAND...
    name=$1
    shift
    if "$@" >"$tmp/out" 2>&1; then ok; else fail "$name"; cat "$tmp/out"; fi
}

prefix="$tmp/prefix"
check "install" cmake --install "$build" --prefix "$prefix"
for f in bin/hallscreen share/hallscreen/assets/theme.yaml share/hallscreen/content/event.yaml \
    share/hallscreen/content/README.md share/hallscreen/content/logos/oecd.png \
    share/hallscreen/GUIDE.md "lib/systemd/system/hallscreen@.service" \
    share/hallscreen/locale/kk/LC_MESSAGES/hallscreen.mo \
    bin/hallscreen-fetch "lib/systemd/system/hallscreen-fetch@.service" \
    share/man/man1/hallscreen-fetch.1; do
    if [ -f "$prefix/$f" ]; then ok; else fail "not installed: $f"; fi
done

# The installed program, run from elsewhere, plays the installed show.
cd "$tmp"
check "installed --check" "$prefix/bin/hallscreen" --check
grep -q "8 slides, 0 errors, 0 warnings" "$tmp/out" && ok || fail "installed show: $(cat "$tmp/out")"
check "installed --render" "$prefix/bin/hallscreen" --render "$tmp/shots" --now 2025-02-12T10:00
[ "$(ls "$tmp/shots" | wc -l)" -eq 8 ] && ok || fail "installed render: $(ls "$tmp/shots")"

# It finds its catalogs too: a show in Kazakh is checked without a warning.
cp -r "$prefix/share/hallscreen/content" "$tmp/kk"
printf 'language: kk\n' >>"$tmp/kk/event.yaml"
check "installed catalogs" "$prefix/bin/hallscreen" --check "$tmp/kk"

# DESTDIR stages the same tree for packaging.
check "DESTDIR install" env DESTDIR="$tmp/stage" cmake --install "$build" --prefix /opt/hallscreen
[ -x "$tmp/stage/opt/hallscreen/bin/hallscreen" ] && ok || fail "DESTDIR: no program"

# systemd accepts the unit (its ExecStart points into the prefix).
unit="$prefix/lib/systemd/system/hallscreen@.service"
mkdir -p "$tmp/units"
sed "s|^ExecStart=[^ ]*|ExecStart=$prefix/bin/hallscreen|" "$unit" >"$tmp/units/hallscreen@.service"
check "systemd-analyze verify" systemd-analyze verify "$tmp/units/hallscreen@.service"
if grep -q "hallscreen@.service" "$tmp/out"; then fail "systemd-analyze: $(cat "$tmp/out")"; else ok; fi

# The fetcher's unit too; it has the network the show's keeps from the show.
unit="$prefix/lib/systemd/system/hallscreen-fetch@.service"
sed "s|^ExecStart=[^ ]*|ExecStart=$prefix/bin/hallscreen-fetch|" "$unit" >"$tmp/units/hallscreen-fetch@.service"
check "systemd-analyze verify (fetch)" systemd-analyze verify "$tmp/units/hallscreen-fetch@.service"
if grep -q "hallscreen-fetch@.service" "$tmp/out"; then fail "systemd-analyze: $(cat "$tmp/out")"; else ok; fi
grep -q "^PrivateNetwork=yes" "$prefix/lib/systemd/system/hallscreen@.service" && ok ||
    fail "the show's unit has the network"
grep -q "^PrivateNetwork" "$unit" && fail "the fetcher's unit has no network" || ok
check "installed hallscreen-fetch --version" "$prefix/bin/hallscreen-fetch" --version
grep -q "^hallscreen-fetch " "$tmp/out" && ok || fail "--version: $(cat "$tmp/out")"
# The fleet agent and its unit, which shares the show's runtime folder.
[ -x "$prefix/bin/hallscreen-agent" ] && ok || fail "not installed: bin/hallscreen-agent"
check "installed agent --help" "$prefix/bin/hallscreen-agent" --help
agent_unit="$prefix/lib/systemd/system/hallscreen-agent@.service"
sed "s|^ExecStart=[^ ]*|ExecStart=$prefix/bin/hallscreen-agent|" "$agent_unit" \
    >"$tmp/units/hallscreen-agent@.service"
check "systemd-analyze verify (agent)" systemd-analyze verify "$tmp/units/hallscreen-agent@.service"
if grep -q "hallscreen-agent@.service" "$tmp/out"; then fail "systemd-analyze: $(cat "$tmp/out")"; else ok; fi
for u in hallscreen@.service hallscreen-agent@.service; do
    grep -q "^RuntimeDirectory=hallscreen-%i$" "$tmp/units/$u" &&
        grep -q "^RuntimeDirectoryPreserve=yes$" "$tmp/units/$u" && ok ||
        fail "$u does not share /run/hallscreen-%i"
done
grep -q -- "--overlay /run/hallscreen-%i/overlay" "$tmp/units/hallscreen@.service" &&
    grep -q -- "--overlay /run/hallscreen-%i/overlay" "$tmp/units/hallscreen-agent@.service" &&
    ok || fail "the units do not name the same overlay folder"
grep -q "^PrivateNetwork=yes" "$tmp/units/hallscreen@.service" && ok || fail "the show has network"

finish
