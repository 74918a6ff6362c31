#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Installs what hallscreen needs on Debian (when missing), builds it, then
# runs the bundled show in a window or runs the whole test suite.
#   ./dev.sh run [OPTIONS]   the show in a window, as it stood during the event
#   ./dev.sh test            every check: the code's layout and static analysis,
#                            the tests (ctest) of a normal build, a minute of
#                            fuzzing each parser, the tests of a sanitizer build,
#                            the Debian package built, installed and run, and
#                            the arm64 build, tests and package (tests/arm64)
set -eu
cd "$(dirname "$0")"

sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
missing=""
for package in $(cat .ci/packages); do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" ||
        missing="$missing $package"
done
if [ -n "$missing" ]; then
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends $missing
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
# The show needs the program and its translations only; the tests are
# built for "test" alone, so that "run" shows the show in seconds.
if [ "${1:-}" = run ]; then
    cmake --build build -j "$(nproc)" --target hallscreen catalogs
else
    cmake --build build -j "$(nproc)"
fi

# The Debian package, built from a copy of the tree (dpkg-buildpackage
# writes beside its sources), checked by lintian, installed with apt, its
# bundled show checked and rendered by the installed program, then removed.
package_test() {
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    . tests/lib.sh
    package_source "$work"
    (cd "$work/hallscreen" && DEB_BUILD_OPTIONS="parallel=$(nproc)" dpkg-buildpackage -b -us -uc)
    deb=$(ls "$work"/hallscreen_*_"$(dpkg --print-architecture)".deb)
    lintian --fail-on error,warning "$deb"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y "$deb"
    /usr/bin/hallscreen --check
    SDL_VIDEODRIVER=dummy /usr/bin/hallscreen --render "$work/slides" --now 2025-02-12T10:00
    [ "$(ls "$work/slides" | wc -l)" -eq 8 ]
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get purge -y hallscreen
}

case "${1:-}" in
run)
    shift
    exec build/hallscreen --windowed --now 2025-02-12T10:00 "$@" content
    ;;
test)
    # The code as .clang-format lays it out, and nothing the static analyzer
    # finds; the suite as built for use; a minute of coverage-guided fuzzing
    # of every parser; then the suite again built with AddressSanitizer and
    # UndefinedBehaviorSanitizer, where any memory error or leak fails.
    clang-format --dry-run -Werror $(find app tests -name '*.[ch]' | sort)
    cppcheck --enable=warning,style,performance,portability --std=c11 --inline-suppr \
        --error-exitcode=1 --quiet -j "$(nproc)" app
    (cd build && ctest --output-on-failure)
    CC=clang cmake -S . -B build-fuzz -DHALLSCREEN_FUZZ=ON >/dev/null
    cmake --build build-fuzz -j "$(nproc)"
    (cd build-fuzz && ctest --output-on-failure)
    cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DHALLSCREEN_SANITIZE=ON >/dev/null
    cmake --build build-sanitize -j "$(nproc)"
    (cd build-sanitize && ctest --output-on-failure)
    package_test
    tests/arm64/test.sh build
    ;;
*)
    echo "usage: ./dev.sh run [OPTIONS] | ./dev.sh test" >&2
    exit 2
    ;;
esac
