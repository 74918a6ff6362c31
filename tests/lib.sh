# SPDX-License-Identifier: GPL-2.0-or-later
# Helpers for the tests that run the program: sourced, not run.
# Each check counts as passed or failed; finish prints the closing line
# and fails when anything did.
passed=0
failed=0

ok() { passed=$((passed + 1)); }
fail() {
    failed=$((failed + 1))
    echo "FAIL: $*"
}

# eventually COMMAND...: true once COMMAND succeeds, trying for up to 10 s.
eventually() {
    tries=0
    while [ $tries -lt 500 ]; do
        "$@" && return 0
        sleep 0.02
        tries=$((tries + 1))
    done
    return 1
}

# ended PID: the process has ended (gone, or a zombie not yet waited for).
ended() {
    [ ! -e "/proc/$1" ] || [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" = Z ]
}

# shows WHAT TEXT: the status file $status comes to hold TEXT (waits up to
# 10 s); else the failure names $name (when set) and WHAT, and the status
# file and the last lines of $log are printed.
shows() {
    if eventually grep -qF -- "$2" "$status" 2>/dev/null; then
        ok
    else
        fail "${name:+$name: }$1: status never held '$2'"
        [ -f "$status" ] && cat "$status"
        tail -5 "$log"
        return 1
    fi
}

finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}

# package_source DIR: the files the Debian package is built from, copied
# into DIR/hallscreen (dpkg-buildpackage writes beside its sources, so it
# builds from a copy).
package_source() {
    mkdir -p "$1/hallscreen"
    cp -r app assets content debian po tests CMakeLists.txt README.md "$1/hallscreen/"
}
