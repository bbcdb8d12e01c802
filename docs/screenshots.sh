#!/usr/bin/env bash
# Takes the README's screenshots from the current build: builds the app, runs it on the sample
# document in a virtual X display (Xvfb) and captures three screens with ImageMagick:
#   docs/unit.png     the 单位整体 tab
#   docs/project.png  the second project's tab, scrolled to its indicator tree (绩效指标)
#   docs/checks.png   the 检查与得分 tab
#   docs/preview.png  the 打印预览 window (Ctrl+Shift+P) showing the unit form's first page
# Usage: bash docs/screenshots.sh   (DISPLAY_NUM=97 to use another display than :99)
#
# There is no window manager, so the window (1280×820, set by the app) sits at the top-left
# corner of the screen without decorations, and the clicks below use screen coordinates.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
missing=
for p in xvfb imagemagick xdotool; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
fi

make build
export LANG=C.UTF-8

# A fresh home: no saved preferences (theme, recent files) and no recovery copies, whose
# restore question would cover the window. The sample is copied there, so it is never touched.
work=$(mktemp -d)
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
cp samples/fushun-shebao-2021.zpb "$work/"

pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

n=${DISPLAY_NUM:-99}
export DISPLAY=":$n"
Xvfb "$DISPLAY" -screen 0 1400x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
sleep 2
if ! kill -0 "${pids[0]}" 2>/dev/null || [ ! -S "/tmp/.X11-unix/X$n" ]; then
	echo "Xvfb could not start on $DISPLAY (in use? try DISPLAY_NUM=97):" >&2
	cat "$work/xvfb.log" >&2
	exit 1
fi

./bin/ziping "$work/fushun-shebao-2021.zpb" >"$work/app.log" 2>&1 &
pids+=($!)
if ! timeout 60 xdotool search --sync --name '绩效自评' >/dev/null; then
	echo "the window did not appear:" >&2
	cat "$work/app.log" >&2
	exit 1
fi
sleep 5 # first layout and font loading

# shot NAME: the window (1280×820 at 0,0) as docs/NAME.png, without time stamps. The pointer
# is moved off the window first, so that no button shows its hover colour.
shot() {
	xdotool mousemove 1399 899
	sleep 2
	import -window root -crop 1280x820+0+0 +repage -strip -define png:exclude-chunks=date,time "docs/$1.png"
	echo "docs/$1.png: $(du -h "docs/$1.png" | cut -f1)"
}
# click X Y: a left click at screen coordinates X, Y.
click() { xdotool mousemove "$1" "$2" click 1; }
# wheel N: N clicks of the mouse wheel down (up when N < 0) over the left margin of the tab,
# where no entry (which would take the wheel for itself) is under the pointer.
wheel() {
	local button=5 n=$1
	if [ "$n" -lt 0 ]; then button=4 n=$((-n)); fi
	xdotool mousemove 6 500
	for _ in $(seq "$n"); do
		xdotool click "$button"
		sleep 0.05
	done
}

shot unit

# The second project (社会保障行政运行费, whose 分值 are all filled) is the third tab; scroll
# down to its 绩效指标 card.
click 420 92
sleep 2
wheel 34
shot project

# The toolbar's 检查 button selects the 检查与得分 tab; a click beside the 各表得分 heading then
# takes the focus off the button, which would show it highlighted. (Clicking the tab itself
# would leave its close button showing.)
click 735 50
sleep 1
click 600 132
shot checks

# Ctrl+Shift+P opens the 打印预览 window, also at the top-left corner; it is captured alone.
xdotool key ctrl+shift+p
xdotool search --sync --name '打印预览' >/dev/null
sleep 3
xdotool mousemove 1399 899
sleep 1
geometry=$(xdotool search --name '打印预览' getwindowgeometry --shell | grep -E '^(WIDTH|HEIGHT)=' | tr '\n' ' ')
eval "$geometry"
import -window root -crop "${WIDTH}x${HEIGHT}+0+0" +repage -strip -define png:exclude-chunks=date,time docs/preview.png
echo "docs/preview.png: $(du -h docs/preview.png | cut -f1)"
