#!/usr/bin/env bash
# measure.sh [BINARY...]: the processor time a tab switch costs the real program under Xvfb with
# Mesa's software OpenGL (llvmpipe), as on a remote desktop or an office PC without a graphics
# driver (make tabswitch). Each BINARY (default: the program built from this tree with the
# Makefile's tags, as it ships; Fyne's checking mode checks the calling goroutine with
# runtime.Stack at every refresh, ~13 % of a switch here, see TAGS in the Makefile) opens a
# document of 60 projects (the sample's four, repeated and numbered; tools/tabswitch/mkdoc);
# the mouse opens project 1's tab, then project 2's, then switches between the two 10 times.
# A binary with 视图 › 下一个表 (Ctrl+PgDn) then opens projects 3 to 20 with it and switches
# between the last two 10 times. Last, 检查与得分 is opened from the toolbar 5 times (and a
# project again from its score table), and the resident memory is read. Each figure is the process's user+system time from
# the click or key until it is idle again, less its idle rate; medians in ms.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
xvfb= app=
trap 'for p in $app $xvfb; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

(cd "$root" && go run ./tools/tabswitch/mkdoc 60 "$work/60个项目.zpb")
bins=("$@")
if [ ${#bins[@]} -eq 0 ]; then
	(cd "$root" && go build -tags no_animations -o "$work/ziping" .) # as make build
	bins=("$work/ziping")
fi

display=${TABSWITCH_DISPLAY:-:96}
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
export DISPLAY=$display LIBGL_ALWAYS_SOFTWARE=1
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config
mkdir -p "$XDG_CONFIG_HOME"
hz=$(getconf CLK_TCK)

ticks() { awk '{print $14 + $15}' "/proc/$app/stat"; }
# settle waits until the program has used no more than its idle rate for 0.6 s.
settle() {
	local last now calm=0
	last=$(ticks)
	while [ $calm -lt 6 ]; do
		sleep 0.1
		now=$(ticks)
		if [ $((now - last)) -le 1 ]; then calm=$((calm + 1)); else calm=0; fi
		last=$now
	done
}
# cost runs a command (a click or a key) and prints the processor time (ms) it caused.
cost() {
	local t0 s0 t1 s1
	t0=$(date +%s%N) s0=$(ticks)
	"$@"
	sleep 0.05
	settle
	t1=$(date +%s%N) s1=$(ticks)
	awk -v d=$((s1 - s0)) -v hz="$hz" -v ms=$(((t1 - t0) / 1000000)) -v idle="$idle" \
		'BEGIN { v = d * 1000 / hz - idle * ms / 1000; if (v < 0) v = 0; printf "%d\n", v }'
}
med() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'; }
click() { xdotool mousemove "$1" "$2" click 1; }
key() { xdotool key "$1"; }

for bin in "${bins[@]}"; do
	rm -rf "$XDG_CONFIG_HOME"/* # no recovery copy, no preference of an earlier run
	"$bin" "$work/60个项目.zpb" >/dev/null 2>&1 &
	app=$!
	xdotool search --sync --name '绩效自评' >/dev/null
	sleep 3
	settle
	s0=$(ticks)
	sleep 3
	idle=$(awk -v d=$(($(ticks) - s0)) -v hz="$hz" 'BEGIN { printf "%.1f", d * 1000 / hz / 3 }') # ms per s
	# the first two project tabs of the bar (1400×900 screen, window at the top left), clicked
	# near the start of their names, clear of a ×, in the DocTabs bar and in app/tabbar.go
	first=$(cost click 160 92) second=$(cost click 360 92)
	pair=()
	for i in $(seq 10); do
		if [ $((i % 2)) -eq 1 ]; then pair+=("$(cost click 160 92)"); else pair+=("$(cost click 360 92)"); fi
	done
	echo "$bin: idle $idle ms/s; opening project 1: $first ms, project 2: $second ms;" \
		"switching between them: ${pair[*]}, median $(med "${pair[@]}") ms"
	if grep -qa '下一个表' "$bin"; then
		walk=()
		for _ in $(seq 18); do walk+=("$(cost key ctrl+Next)"); done
		back=()
		for i in $(seq 10); do
			if [ $((i % 2)) -eq 1 ]; then back+=("$(cost key ctrl+Prior)"); else back+=("$(cost key ctrl+Next)"); fi
		done
		echo "  Ctrl+PgDn opening projects 3 to 20: ${walk[*]}, median $(med "${walk[@]}") ms;" \
			"then between projects 19 and 20: ${back[*]}, median $(med "${back[@]}") ms"
	fi
	# the toolbar's 检查 (before the project list) or 检查与得分 (after 项目列表); back to a
	# project by its row in the score table (the tab bar has scrolled to its end)
	checks=(750 50)
	if grep -qa '下一个表' "$bin"; then checks=(860 50); fi
	check=()
	for _ in $(seq 5); do
		check+=("$(cost click "${checks[@]}")")
		cost click 300 298 >/dev/null
	done
	echo "  opening 检查与得分 from a project: ${check[*]}, median $(med "${check[@]}") ms;" \
		"resident memory now $(awk '/VmRSS/{printf "%.0f", $2/1024}' "/proc/$app/status") MiB," \
		"at most $(awk '/VmHWM/{printf "%.0f", $2/1024}' "/proc/$app/status") MiB"
	kill "$app"
	wait "$app" 2>/dev/null || true
	app=
done
