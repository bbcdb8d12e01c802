#!/usr/bin/env bash
# make arm64-smoke: the arm64 build (make linux-arm64) under qemu-user on this amd64 machine,
# against the amd64 release (make release): `version`, `check --json` and `export` (PDF, and Excel)
# of the sample must give the same bytes (SOURCE_DATE_EPOCH fixes the PDF's creation date,
# pdfout/render.go). Then the window under Xvfb, for at most SMOKE_WINDOW_LIMIT seconds, and a
# screenshot, bin/arm64-smoke.png.
#
# qemu-aarch64 runs without -L: the arm64 libraries are Debian's multiarch ones
# (/lib/aarch64-linux-gnu, installed for the cross build), and ld-linux-aarch64.so.1 comes from
# the same libc6:arm64. With -L /usr/aarch64-linux-gnu the loader of libc6-arm64-cross
# (2.36-8cross1) loads multiarch libc.so.6 (2.36-9+deb12u14) and the program spins forever in
# pthread_create (seen here: a loop over glibc's stack cache list).
set -euo pipefail
cd "$(dirname "$0")/../.."
. tools/lib/window.sh
ARM=${1:-bin/ziping-linux-arm64}
AMD=${2:-bin/ziping-linux-amd64}
SAMPLE=samples/fushun-shebao-2021.zpb
export SOURCE_DATE_EPOCH=1700000000 LANG=C.UTF-8
out=$(mktemp -d) && trap 'rm -rf "$out"' EXIT
step() { echo "arm64-smoke: $*"; }
run() { # run ARCH ARGS...: the program of that architecture
	local arch=$1; shift
	if [ "$arch" = arm64 ]; then qemu-aarch64 "$ARM" "$@"; else "$AMD" "$@"; fi
}
file -b "$ARM" | grep -q 'ARM aarch64' || { echo "$ARM is not an arm64 program: $(file -b "$ARM")" >&2; exit 1; }
for arch in amd64 arm64; do
	start=$SECONDS
	mkdir -p "$out/$arch"
	run $arch version >"$out/$arch/version.txt"
	rc=0; run $arch check --json "$SAMPLE" >"$out/$arch/check.json" || rc=$?
	[ "$rc" -le 1 ] || { echo "$arch check exited $rc" >&2; exit 1; }
	echo "$rc" >"$out/$arch/check.rc"
	run $arch export -o "$out/$arch/sample.pdf" "$SAMPLE" >/dev/null
	run $arch export -o "$out/$arch/sample.xlsx" "$SAMPLE" >/dev/null
	step "$arch: version, check --json, export PDF and Excel in $((SECONDS - start)) s"
done
for f in version.txt check.json check.rc sample.pdf sample.xlsx; do
	cmp "$out/amd64/$f" "$out/arm64/$f" || { echo "arm64-smoke: $f differs between amd64 and arm64" >&2; exit 1; }
	step "$f identical ($(stat -c %s "$out/arm64/$f") bytes, sha256 $(sha256sum "$out/arm64/$f" | cut -c1-16))"
done
grep -q '"' "$out/arm64/check.json" && [ "$(head -c 4 "$out/arm64/sample.pdf")" = %PDF ] || {
	echo "arm64-smoke: the outputs are not JSON and PDF" >&2; exit 1; }

# The window: Xvfb on a free display, the arm64 program under qemu with Mesa's llvmpipe (arm64
# too, emulated); waits for a window named after the document, then takes a screenshot.
LIMIT=${SMOKE_WINDOW_LIMIT:-300}
disp=:$((90 + RANDOM % 9))
Xvfb "$disp" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
cp "$SAMPLE" "$out/sample.zpb"
DISPLAY=$disp LIBGL_ALWAYS_SOFTWARE=1 HOME="$out" qemu-aarch64 "$ARM" "$out/sample.zpb" >"$out/window.log" 2>&1 &
app=$!
cleanup() { kill "$app" 2>/dev/null || true; sleep 1; kill -9 "$app" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; rm -rf "$out"; }
trap cleanup EXIT
# The first frames under emulated llvmpipe take a while after the window is mapped.
shown=$(window_shot arm64-smoke "$disp" sample "$app" "$out/window.log" bin/arm64-smoke.png "$LIMIT" 5)
step "window: $shown; screenshot bin/arm64-smoke.png"
