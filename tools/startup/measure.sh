#!/usr/bin/env bash
# measure.sh [N]: start-up time of Ziping on the sample beside a hello-world Fyne window, under
# Xvfb (make startup). Each figure is the time from exec to the first frame that shows the
# content (text drawn where the window shows it), median of N runs, interleaved so that both
# see the same machine; and the peak RSS of Ziping with the sample open.
set -euo pipefail
n=${1:-11}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
xvfb=
trap 'if [ -n "$xvfb" ]; then kill "$xvfb" 2>/dev/null || true; fi; rm -rf "$work"' EXIT

cc -O2 -o "$work/firstpaint" "$root/tools/startup/firstpaint.c" -lX11
(cd "$root" && go build -tags no_animations -o "$work/ziping" .) # as the Makefile builds it
# The hello-world window: Fyne's own example, built with the same Fyne version, at Fyne's
# default window size and at Ziping's (1280×820: a bigger window costs more to draw).
mkdir -p "$work/hello"
sed -n '/^go /p;/^require/,$p' "$root/go.mod" | sed '1i module hello' >"$work/hello/go.mod"
cp "$root/go.sum" "$work/hello/"
cat >"$work/hello/main.go" <<'GO'
package main

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("test.hello")
	w := a.NewWindow("Hello")
	w.SetContent(widget.NewLabel("Hello"))
	if len(os.Args) > 1 {
		w.Resize(fyne.NewSize(1280, 820))
	}
	w.ShowAndRun()
}
GO
(cd "$work/hello" && go build -o "$work/hello-fyne" .)

display=:97
Xvfb $display -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
export DISPLAY=$display
# Empty preferences and recovery folders, as on a first start.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config
mkdir -p "$XDG_CONFIG_HOME"

fp=$work/firstpaint
a=() b=() z=() rss=()
for _ in $(seq "$n"); do
	a+=("$("$fp" 0 0 100 40 10 "$work/hello-fyne" 2>/dev/null)")
	b+=("$("$fp" 0 0 100 40 10 "$work/hello-fyne" big 2>/dev/null)")
	out=$("$fp" 60 195 140 30 30 "$work/ziping" "$root/samples/fushun-shebao-2021.zpb" 2>&1)
	z+=("$(grep -v VmHWM <<<"$out")")
	rss+=("$(awk '/VmHWM/{print $2}' <<<"$out")")
done
med() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'; }
ha=$(med "${a[@]}") hb=$(med "${b[@]}") zz=$(med "${z[@]}") mem=$(med "${rss[@]}")
echo "hello-world Fyne window (default size):  ${a[*]}  median $ha ms"
echo "hello-world Fyne window (1280×820):      ${b[*]}  median $hb ms"
echo "ziping samples/fushun-shebao-2021.zpb:   ${z[*]}  median $zz ms"
awk -v z="$zz" -v a="$ha" -v b="$hb" -v m="$mem" 'BEGIN{printf "ratio %.2f× (default-size hello), %.2f× (same-size hello); peak RSS %.0f MB\n", z/a, z/b, m/1024}'
