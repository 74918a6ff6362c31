#!/bin/sh
# Installs what hallscreen needs on Debian (when missing), builds it, then
# runs the bundled show in a window or runs the whole test suite.
#   ./dev.sh run [OPTIONS]   the show in a window, as it stood during the event
#   ./dev.sh test            every test (ctest): a normal build, a sanitizer build,
#                            and a minute of fuzzing each parser
set -eu
cd "$(dirname "$0")"

missing=""
for package in $(cat .ci/packages); do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" ||
        missing="$missing $package"
done
if [ -n "$missing" ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends $missing
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)"

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
    cd build-sanitize && exec ctest --output-on-failure
    ;;
*)
    echo "usage: ./dev.sh run [OPTIONS] | ./dev.sh test" >&2
    exit 2
    ;;
esac
