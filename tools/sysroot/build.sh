#!/usr/bin/env bash
# tools/sysroot/build.sh ARCH DIR: the tree the Linux release builds compile and link against, in
# DIR: Debian 11 (bullseye, glibc 2.31) for ARCH (amd64 or arm64), with the C headers and libraries
# of Fyne's cgo parts (X11, OpenGL) and Mesa's software renderer (for tools/sysroot/smoke.sh).
#
# Why: a program linked on this machine's Debian 12 asks for the newest versions of glibc's
# symbols (GLIBC_2.34: pthread_create, dlopen, __libc_start_main), so it would not start on
# 统信 UOS 20 or 银河麒麟 V10 (glibc 2.28). Linked against glibc 2.31's libraries it asks for
# GLIBC_2.27 at most (checked by tools/sysroot/smoke.sh), and glibc keeps those versions in every
# later release. Debian 10 (glibc 2.28 itself) is no longer on Debian's mirror; Debian 11 is.
#
# debootstrap only downloads (--download-only: no root needed); every package is then unpacked
# with dpkg-deb -x, nothing is configured, and links that point at "/…" are made relative, so
# that the linker resolves them inside DIR and never on this machine. A stamp file names what DIR
# was made from; a DIR with the same stamp is kept, anything else is rebuilt in DIR.tmp and moved
# into place only when whole.
set -euo pipefail
arch=${1:?ARCH (amd64 or arm64)} dir=${2:?DIR}
SUITE=bullseye
MIRROR=${SYSROOT_MIRROR:-http://deb.debian.org/debian}
# The -dev packages of the cgo build (the Makefile's DEB_PKGS, as Debian 11 names them), and
# Mesa's GLX driver, which the window run of tools/sysroot/smoke.sh draws with.
PKGS=libc6-dev,libgl-dev,libx11-dev,libxcursor-dev,libxrandr-dev,libxinerama-dev,libxi-dev,libxxf86vm-dev,libgl1-mesa-dri,libglx-mesa0
want="$SUITE $arch $PKGS 1"
stamp=.ziping-sysroot
if [ -f "$dir/$stamp" ] && [ "$(cat "$dir/$stamp")" = "$want" ]; then
	echo "sysroot $arch: $dir (Debian $SUITE, kept)"
	exit 0
fi
PATH=$PATH:/usr/sbin:/sbin # debootstrap lives there, outside most users' PATH
command -v debootstrap >/dev/null || { echo "sysroot: debootstrap is missing (make sysroot-deps installs it)" >&2; exit 1; }
start=$SECONDS
tmp=$dir.tmp
rm -rf "$tmp" && mkdir -p "$tmp"
if ! debootstrap --download-only --variant=minbase --arch="$arch" --include="$PKGS" \
	"$SUITE" "$tmp" "$MIRROR" >"$tmp.log" 2>&1; then
	tail -n 20 "$tmp.log" >&2
	echo "sysroot $arch: Debian $SUITE could not be downloaded from $MIRROR (log: $tmp.log); when Debian" \
		"moves it off the mirror, SYSROOT_MIRROR=http://archive.debian.org/debian" >&2
	exit 1
fi
n=0
for deb in "$tmp"/var/cache/apt/archives/*.deb; do
	dpkg-deb -x "$deb" "$tmp"
	n=$((n + 1))
done
rm -rf "$tmp/var/cache/apt/archives"
find "$tmp" -type l -lname '/*' | while read -r link; do
	ln -sfn "$(realpath -m -s --relative-to="$(dirname "$link")" "$tmp$(readlink "$link")")" "$link"
done
libc=$(ls "$tmp"/lib/*-linux-gnu/libc-*.so)
echo "$want" >"$tmp/$stamp"
rm -rf "$dir" && mv "$tmp" "$dir" && rm -f "$tmp.log"
echo "sysroot $arch: $dir, Debian $SUITE, $n packages, $(basename "$libc" .so), $((SECONDS - start)) s"
