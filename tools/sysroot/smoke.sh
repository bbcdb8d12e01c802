#!/usr/bin/env bash
# tools/sysroot/smoke.sh AMD64_TREE ARM64_TREE AMD64_PROGRAM ARM64_PROGRAM (make glibc-smoke, as
# root): the release programs on an older glibc than this machine's, as on 统信 UOS 20 and 银河麒麟
# V10 (glibc 2.28):
#  1. each asks for GLIBC_MAX (2.28) at most (tools/sysroot/glibc-needed.sh);
#  2. each runs inside the glibc 2.31 tree it was linked against (tools/sysroot/build.sh), under
#     chroot, so that it loads that glibc and those X11/OpenGL libraries and none of this
#     machine's (arm64 through qemu-aarch64-static, copied into the tree): `version`, `check
#     --json` and `export` of the sample (PDF and Excel) give the same bytes as the amd64 program
#     on this machine (SOURCE_DATE_EPOCH fixes the PDF's date);
#  3. the amd64 window opens inside the tree, drawn by the tree's Mesa on an Xvfb display of this
#     machine (reached through its abstract socket), and bin/glibc-smoke.png is its screenshot.
# Nothing is left in the trees: each run's files are in a folder removed at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
. tools/lib/window.sh
AMD_TREE=${1:?AMD64_TREE} ARM_TREE=${2:?ARM64_TREE} AMD=${3:?AMD64_PROGRAM} ARM=${4:?ARM64_PROGRAM}
GLIBC_MAX=${GLIBC_MAX:-2.28}
SAMPLE=samples/fushun-shebao-2021.zpb
LIMIT=${SMOKE_WINDOW_LIMIT:-120}
[ "$(id -u)" = 0 ] || { echo "glibc-smoke: chroot needs root (make glibc-smoke runs this through sudo)" >&2; exit 1; }
for tool in readelf xdotool Xvfb import qemu-aarch64-static; do
	command -v "$tool" >/dev/null || { echo "glibc-smoke: $tool is missing (make glibc-smoke installs it)" >&2; exit 1; }
done
step() { echo "glibc-smoke: $*"; }
chroot=$(command -v chroot)
export SOURCE_DATE_EPOCH=1700000000 LANG=C.UTF-8
# One folder name, /tmp/ziping-glibc-smoke.PID, on this machine and inside each tree, so that the
# program sees the same paths everywhere (check --json names the document as given).
work=/tmp/ziping-glibc-smoke.$$
dirs=("$work" "$AMD_TREE$work" "$ARM_TREE$work")
pids=() mounts=() made=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
	for m in "${mounts[@]}"; do umount -l "$m" || true; done
	rm -rf "${made[@]}"
}
trap cleanup EXIT
for d in "${dirs[@]}"; do
	mkdir "$d" && made+=("$d")
	cp "$SAMPLE" "$d/sample.zpb"
done
# /proc inside each tree, as on a real system (Fyne reads /proc/self/exe, Go the cgroup limits).
for tree in "$AMD_TREE" "$ARM_TREE"; do
	mkdir -p "$tree/proc"
	mount -t proc proc "$tree/proc" || { echo "glibc-smoke: cannot mount /proc in $tree" >&2; exit 1; }
	mounts+=("$tree/proc")
done

for prog in "$AMD" "$ARM"; do
	need=$(tools/sysroot/glibc-needed.sh "$prog" "$GLIBC_MAX")
	step "$prog asks for glibc $need at most (allowed: $GLIBC_MAX)"
done

# outputs DIR RUNNER...: version, check --json (and its exit code), PDF and Excel of the sample in
# $work, as RUNNER sees it; DIR is that folder as this script sees it.
outputs() {
	local dir=$1; shift
	"$@" version >"$dir/version.txt"
	local rc=0
	"$@" check --json "$work/sample.zpb" >"$dir/check.json" || rc=$?
	[ "$rc" -le 1 ] || { echo "glibc-smoke: check exited $rc" >&2; exit 1; }
	echo "$rc" >"$dir/check.rc"
	"$@" export -o "$work/sample.pdf" "$work/sample.zpb" >/dev/null
	"$@" export -o "$work/sample.xlsx" "$work/sample.zpb" >/dev/null
}
# in_tree TREE PROGRAM...: PROGRAM (a path inside TREE) run inside TREE with a clean environment
# (IN_ENV adds to it), set before chroot: the arm64 tree has no program that runs here.
in_tree() {
	local tree=$1; shift
	env -i PATH=/usr/bin:/bin LANG=C.UTF-8 SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH HOME="$work" ${IN_ENV:-} \
		"$chroot" "$tree" "$@"
}

cp "$AMD" "$work/ziping"
outputs "$work" "$work/ziping"
step "this machine (glibc $(ldd --version | head -n 1 | grep -o '[0-9.]*$')): amd64 outputs written"
cp "$AMD" "$AMD_TREE$work/ziping"
cp "$ARM" "$ARM_TREE$work/ziping" && cp "$(command -v qemu-aarch64-static)" "$ARM_TREE$work/qemu"
for arch in amd64 arm64; do
	start=$SECONDS
	if [ $arch = amd64 ]; then tree=$AMD_TREE run=("$work/ziping"); else tree=$ARM_TREE run=("$work/qemu" "$work/ziping"); fi
	glibc=$(basename "$(ls "$tree"/lib/*-linux-gnu/libc-*.so)" .so | sed 's/libc-//')
	outputs "$tree$work" in_tree "$tree" "${run[@]}"
	for f in version.txt check.json check.rc sample.pdf sample.xlsx; do
		cmp -s "$work/$f" "$tree$work/$f" || { echo "glibc-smoke: $arch's $f inside the tree differs from this machine's" >&2; exit 1; }
	done
	step "$arch in the tree (glibc $glibc): version, check --json, PDF and Excel equal this machine's ($((SECONDS - start)) s)"
done
grep -q '"' "$work/check.json" && [ "$(head -c 4 "$work/sample.pdf")" = %PDF ] || {
	echo "glibc-smoke: the outputs are not JSON and PDF" >&2; exit 1; }

# The amd64 window inside the tree.
# Xvfb picks a free display number itself (-displayfd), so a display left by another run is never
# taken for this one.
Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
xvfb=$!
pids+=("$xvfb")
until [ -s "$work/display" ]; do
	kill -0 "$xvfb" 2>/dev/null || { echo "glibc-smoke: Xvfb did not start" >&2; exit 1; }
	sleep 0.1
done
disp=:$(head -1 "$work/display")
until DISPLAY=$disp xdotool getdisplaygeometry >/dev/null 2>&1; do
	kill -0 "$xvfb" 2>/dev/null || { echo "glibc-smoke: Xvfb $disp did not start" >&2; exit 1; }
	sleep 0.2
done
IN_ENV="DISPLAY=$disp LIBGL_ALWAYS_SOFTWARE=1" in_tree "$AMD_TREE" "$work/ziping" "$work/sample.zpb" \
	>"$work/window.log" 2>&1 &
app=$!
pids+=("$app")
shown=$(window_shot glibc-smoke "$disp" sample "$app" "$work/window.log" bin/glibc-smoke.png "$LIMIT" 1)
step "amd64 window inside the tree: $shown; screenshot bin/glibc-smoke.png"
