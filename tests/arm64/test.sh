#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# hallscreen on arm64 (the Raspberry Pi's architecture), proven on this
# machine: the program and its tests cross-built with Debian's cross
# compiler against a Debian arm64 root file system of the build's
# libraries; the unit and render tests run under qemu-user; the arm64
# program's pictures of the bundled show compared with the native
# program's; the arm64 .deb built, checked by lintian, unpacked into the
# root and its program run there.
#   tests/arm64/test.sh NATIVE_BUILD_DIR
# The root is made in build-arm64/sysroot with mmdebstrap from Debian's
# arm64 archive and kept while the package list is the same. Its packages
# are extracted, not installed (no arm64 maintainer script can run here
# without binfmt); their shlibs files, which name the package of each
# library, are gathered in its /shlibs for the arm64 package's
# dependencies. (Multiarch :arm64 packages cannot be installed beside the
# amd64 ones instead: libunibreak1 and libmpv-dev's dependencies are not
# Multi-Arch: same in Debian 12.)
set -eu
cd "$(dirname "$0")/../.."
native=$(cd "$1" && pwd)
. tests/lib.sh
work=$(pwd)/build-arm64
root="$work/sysroot"
export HALLSCREEN_SYSROOT="$root"

# The -dev packages the package builds with, cmocka for the tests, the
# fonts the render tests draw with.
packages=$(sed -n '/^Build-Depends:/,/^[A-Z]/p' debian/control | grep -o 'lib[a-z0-9.+-]*-dev' |
    sort | tr '\n' ',')libc6-dev,libcmocka-dev,fonts-noto-core
if [ "$(cat "$work/sysroot.packages" 2>/dev/null)" != "$packages" ] || [ ! -s "$root/shlibs" ]; then
    rm -rf "$root"
    mkdir -p "$work"
    mmdebstrap --quiet --mode=chrootless --variant=extract --architectures=arm64 \
        --include="$packages" \
        --extract-hook='for deb in "$1"/var/cache/apt/archives/*.deb; do
            dpkg-deb --info "$deb" shlibs 2>/dev/null || true; done >"$1"/shlibs' \
        bookworm "$root"
    echo "$packages" >"$work/sysroot.packages"
fi
qemu="qemu-aarch64-static -L $root"

# The build and the tests that need no display, through qemu (CMake runs
# each test through the toolchain's emulator). test_video is left out:
# decoding in real time cannot be asked of an emulated processor.
cmake -S . -B "$work/build" -DCMAKE_TOOLCHAIN_FILE="$(pwd)/tests/arm64/toolchain.cmake" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$work/build" -j "$(nproc)"
readelf -h "$work/build/hallscreen" | grep -q AArch64 && ok || fail "not an arm64 program"
(cd "$work/build" && ctest -L 'unit|render' -E test_video -j "$(nproc)" --output-on-failure) &&
    ok || fail "arm64 unit and render tests"

# The bundled show as the arm64 program draws it: the native program's
# pictures (each channel within 2 %: blending rounds differently).
shots="$work/shots"
rm -rf "$shots"
for arch in native arm64; do
    if [ $arch = native ]; then program="$native/hallscreen"; else program="$qemu $work/build/hallscreen"; fi
    SDL_VIDEODRIVER=dummy $program --render "$shots/$arch" --size 1280x720 --now 2025-02-12T10:00 \
        content >/dev/null || fail "$arch --render"
done
[ "$(ls "$shots/arm64" | wc -l)" -eq 8 ] && ok || fail "arm64 render: $(ls "$shots/arm64")"
for shot in "$shots"/native/*.png; do
    name=$(basename "$shot")
    differing=$(compare -metric AE -fuzz 2% "$shot" "$shots/arm64/$name" null: 2>&1 || true)
    [ "$differing" -lt 100 ] 2>/dev/null && ok || fail "$name: $differing pixels differ from the native picture"
done

# The arm64 package, built as the amd64 one (from a copy of the tree),
# checked by lintian, unpacked into the root and run there as installed.
rm -rf "$work/package"
package_source "$work/package"
(cd "$work/package/hallscreen" &&
    DEB_BUILD_OPTIONS="parallel=$(nproc) nocheck" dpkg-buildpackage -a arm64 -d -b -us -uc >"$work/package/log" 2>&1) &&
    ok || { fail "arm64 package build"; tail -30 "$work/package/log"; }
deb=$(ls "$work"/package/hallscreen_*_arm64.deb)
lintian --fail-on error,warning "$deb" && ok || fail "lintian on the arm64 package"
depends=$(dpkg-deb -f "$deb" Depends)
for library in libsdl2-2.0-0 libsdl2-ttf-2.0-0 libyaml-0-2 libunibreak1 libc6 fonts-noto-core; do
    echo "$depends" | grep -q "$library" && ok || fail "arm64 package does not depend on $library: $depends"
done
dpkg-deb -x "$deb" "$root"
$qemu "$root/usr/bin/hallscreen" --check >"$work/check.out" 2>&1 &&
    grep -q "8 slides, 0 errors, 0 warnings" "$work/check.out" && ok ||
    fail "installed arm64 --check: $(cat "$work/check.out")"
finish
