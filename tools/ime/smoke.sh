#!/usr/bin/env bash
# smoke.sh [BINARY]: types into the window as an accountant does, with a Chinese input method
# running (make ime-smoke). BINARY defaults to bin/ziping.
#
# On a private Xvfb display (Xvfb picks a free number) with its own D-Bus session, it starts
# fcitx5 with the pinyin engine (in its English state, as it starts) and the program with
# XMODIFIERS=@im=fcitx, as on the domestic desktops (UOS, Kylin) and most Chinese Linux desktops.
# Then, for each speed in SPEEDS (milliseconds from one key press to the next), on a fresh
# copy of the sample whose income rows 1.–7. are blank:
#   1. it puts the cursor in 部门（单位）名称 (a click) and moves with Tab to 1.财政拨款收入 › 年初预算数;
#   2. types "120 Tab 120 Tab 118.5 Tab" for each of the seven rows, then Ctrl+S;
#   3. waits for the save (the keys reach the program in the order typed, so Ctrl+S is handled
#      after the digits) and checks the saved file: every row 120 / 120 / 118.5, nothing else changed.
# Then it types pinyin into 部门（单位）名称: Ctrl+Space (to pinyin), "ceshi", space (commits 测试),
# Ctrl+Space, Ctrl+S, and checks that the saved name ends in 测试.
# The whole is done RUNS times (default 3); then it measures the processor time of the program idle
# for 10 s with a field focused (reported, not judged). It ends with one line of figures and exits non-zero on
# the first wrong file or stalled step (each step is printed as it starts, with the seconds since the
# start); bin/ime-smoke.png is the window after the last typing, bin/ime-smoke-failed.png
# the screen at a failure. SMOKE_KEEP=1 keeps the temporary folder; SMOKE_ANY_BUILD=1 accepts a binary
# built without the Makefile's tags (to show that an older build fails).
#
# Why: with an input method, every key goes to it and comes back; GLFW reported a key press (Tab)
# at once but the characters typed before it only when they came back, so digits landed in the next
# cell (third_party/go-gl-glfw/ZIPING-PATCH.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(realpath "${1:-$root/bin/ziping}")
runs=${RUNS:-3}
speeds=${SPEEDS:-12 50 100 150 200 300 400}
started=$(date +%s.%N)

fail() {
	echo "ime-smoke: FAIL at \"${step:-}\": $*" >&2
	exit 1
}
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}'; }

for t in Xvfb xdotool xprop import dbus-daemon fcitx5 python3 realpath; do
	command -v "$t" >/dev/null || fail "$t is not installed (make ime-smoke installs it)"
done
[ -x "$bin" ] || fail "$bin is missing (make ime-smoke builds it)"
[ -f /usr/lib/x86_64-linux-gnu/fcitx5/libpinyin.so ] || [ -n "$(find /usr/lib -name 'libpinyin.so' -path '*fcitx5*' 2>/dev/null | head -1)" ] ||
	fail "fcitx5's pinyin engine is not installed (package fcitx5-chinese-addons)"

# The Makefile builds with no_animations (a fading text cursor redraws the whole window 12 times a second).
[ -n "${SMOKE_ANY_BUILD:-}" ] || go version -m "$bin" | grep -q -- '-tags=.*no_animations' || fail "$bin was not built with -tags no_animations (make build does)"

rm -f "$root/bin/ime-smoke-failed.png"
work=$(mktemp -d /tmp/ziping-ime.XXXXXX)
pids=()
app=
step="starting"
# say WHAT: the step the script is at, printed with the seconds since the start (a CI log then shows
# where a run stopped) and named by fail.
say() {
	step=$*
	echo "ime-smoke: $(since "$started") s: $step" >&2
}
# gone PID: the process has exited (or is a zombie awaiting its parent's wait).
gone() { ! kill -0 "$1" 2>/dev/null || [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" = Z ]; }
# end PID: SIGTERM, then SIGKILL if it is still there after 5 s.
end() {
	kill "$1" 2>/dev/null || return 0
	local i
	for i in $(seq 50); do gone "$1" && return 0; sleep 0.1; done
	kill -KILL "$1" 2>/dev/null || true
}
cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	if [ "$rc" != 0 ] && [ -n "${DISPLAY:-}" ]; then
		timeout -k 2 10 import -window root "$root/bin/ime-smoke-failed.png" 2>/dev/null &&
			echo "ime-smoke: the screen at the failure: bin/ime-smoke-failed.png" >&2
	fi
	[ -z "$app" ] || end "$app"
	for ((i = ${#pids[@]} - 1; i >= 0; i--)); do end "${pids[$i]}"; done
	if [ "$rc" != 0 ]; then
		for f in "$work"/*.log; do
			[ -s "$f" ] || continue
			echo "--- $(basename "$f")" >&2
			# fcitx5 logs each addon as it loads and again as it unloads at the end: its first lines
			# say how far it got.
			if [ "$(basename "$f")" = fcitx5.log ] && [ "$(wc -l <"$f")" -gt 60 ]; then
				{ head -n 40 "$f"; echo "[…]"; } >&2
			fi
			tail -n 15 "$f" >&2
		done
	fi
	if [ -n "${SMOKE_KEEP:-}" ]; then echo "ime-smoke: kept $work" >&2; else rm -rf "$work"; fi
	exit "$rc"
}
trap cleanup EXIT
trap 'fail "interrupted"' INT TERM
# The whole run has a limit (SMOKE_LIMIT seconds, default 1800; a run takes about 810 s here): a
# watchdog interrupts the script, which then fails naming the step it was at. Every command that
# talks to the X server runs under timeout, so the interruption is handled within seconds.
# (The watchdog kills its sleep when it is ended, so no stray process keeps the output open.)
(
	trap 'kill "$s" 2>/dev/null; exit 0' TERM
	sleep "${SMOKE_LIMIT:-1800}" &
	s=$!
	wait "$s" && kill -TERM $$
) </dev/null >/dev/null 2>&1 &
pids+=($!)
# x LIMIT COMMAND...: COMMAND, killed after LIMIT seconds (the X server or the input method may stall).
x() {
	local limit=$1
	shift
	timeout -k 2 "$limit" "$@" || fail "$1 failed or took over $limit s (exit $?)"
}

# await SECONDS WHAT COMMAND...: runs COMMAND (each try at most 20 s) every 0.1 s until it succeeds;
# fails after SECONDS.
await() {
	local limit=$1 what=$2
	shift 2
	local end=$(($(date +%s) + limit))
	local run=(timeout -k 2 20)
	# A shell function (screen_still, saved_after) bounds its own commands.
	[ "$(type -t "$1")" != function ] || run=()
	until "${run[@]}" "$@" >/dev/null 2>&1; do
		[ "$(date +%s)" -lt "$end" ] || fail "no $what within $limit s"
		sleep 0.1
	done
}

# A private display, D-Bus session and fcitx5 configuration.
say "Xvfb, D-Bus and fcitx5"
Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
pids+=($!)
await 30 "X display" test -s "$work/display"
export DISPLAY=":$(head -1 "$work/display")"
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config LANG=C.UTF-8
mkdir -p "$XDG_CONFIG_HOME/fcitx5"
cat >"$XDG_CONFIG_HOME/fcitx5/profile" <<'EOF'
[Groups/0]
Name=Default
Default Layout=us
DefaultIM=pinyin

[Groups/0/Items/0]
Name=keyboard-us
Layout=

[Groups/0/Items/1]
Name=pinyin
Layout=

[GroupOrder]
0=Default
EOF
dbus-daemon --session --fork --print-address=4 --print-pid=5 4>"$work/dbus.addr" 5>"$work/dbus.pid" >/dev/null
export DBUS_SESSION_BUS_ADDRESS=$(head -1 "$work/dbus.addr")
pids+=("$(cat "$work/dbus.pid")")
# fcitx5_up: fcitx5 has put its input method server on the screen (the root window's XIM_SERVERS).
fcitx5_up() { timeout -k 2 20 xprop -root XIM_SERVERS 2>/dev/null | grep -q @server=fcitx; }
# fcitx5_state: what a failure report needs to tell a stalled fcitx5 from a dead one: its process
# state and kernel wait channel, the load, the root window's properties and the names on the bus.
fcitx5_state() {
	echo "--- fcitx5 ${fcitx:-} after $(since "$started") s; load: $(cut -d' ' -f1-3 /proc/loadavg)"
	ps -o pid,stat,wchan:24,etime,time,args -p "${fcitx:-1}" 2>&1 || true
	timeout -k 2 10 xprop -root 2>&1 | grep -v '^_XKB' | head -n 20 || true
	timeout -k 2 10 dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.ListNames 2>&1 |
		grep -o '"[^"]*"' | tr '\n' ' ' || true
	echo
}
# The input method is started, and waited for up to 30 s; a second start is tried once when it
# is not up (both figures go into the last line), with what the first one was doing printed, so
# that a CI log shows why. A fcitx5 that exits fails at once.
imstarts=0
until [ -n "${imready:-}" ]; do
	imstarts=$((imstarts + 1))
	# Its X connection and XIM server log at debug level ("XIM basic init"), for a failure report.
	fcitx5 --verbose=xcb=5,xim=5 --disable=wayland,waylandim,notificationitem >>"$work/fcitx5.log" 2>&1 &
	fcitx=$!
	pids+=("$fcitx")
	imlimit=$(($(date +%s) + 30))
	while ! fcitx5_up; do
		if gone "$fcitx"; then
			wait "$fcitx" && rc=0 || rc=$?
			fail "fcitx5 exited (status $rc) before its input method server was up"
		fi
		[ "$(date +%s)" -lt "$imlimit" ] || break
		sleep 0.1
	done
	if fcitx5_up; then
		imready=$(since "$started")
	elif [ "$imstarts" -lt 2 ]; then
		echo "ime-smoke: $(since "$started") s: fcitx5 is not up after 30 s; starting it again" >&2
		fcitx5_state >&2
		end "$fcitx"
	else
		fcitx5_state >&2
		fail "no fcitx5 input method server (XIM_SERVERS) within 30 s, twice"
	fi
done

# doc.zpb: the sample with income rows 1.–7. blank (the rows the typing fills).
python3 - "$root/samples/fushun-shebao-2021.zpb" "$work/blank.zpb" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
for row in doc["unit"]["budget"]:
    if row["id"] in ("I1", "I2", "I3", "I4", "I5", "I6", "I7"):
        row["initial"] = row["full"] = row["actual"] = ""
json.dump(doc, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
EOF

# screen_still: two screenshots 0.3 s apart are the same (the window has built and drawn its tabs).
screen_still() {
	local a b
	a=$(timeout -k 2 20 import -window root rgb:- | md5sum)
	sleep 0.3
	b=$(timeout -k 2 20 import -window root rgb:- | md5sum)
	[ "$a" = "$b" ]
}

# start_app DIR WHAT: says WHAT, starts the program on DIR/doc.zpb with the input method, waits for its window to
# stand still, and puts the cursor at the end of 部门（单位）名称.
start_app() {
	local dir=$1
	say "$2"
	XDG_CONFIG_HOME=$dir/config XMODIFIERS=@im=fcitx "$bin" "$dir/doc.zpb" >"$work/app.log" 2>&1 &
	app=$!
	await 30 "window" xdotool search --name '^doc.zpb'
	win=$(x 20 xdotool search --name '^doc.zpb' | head -1)
	x 20 xdotool windowmove "$win" 0 0 windowsize "$win" 1400 900
	await 30 "still window" screen_still
	# 部门（单位）名称 is the first field under the title; the window is 1400×900 at (0, 0).
	x 30 xdotool windowfocus --sync "$win"
	x 30 xdotool mousemove --sync 700 212 click 1
	x 20 xdotool key --delay 100 End
}

# saved_after MTIME FILE: FILE was written after MTIME (nanoseconds).
saved_after() { [ "$(stat -c %.9Y "$2")" != "$1" ]; }

# save_and_wait DIR: Ctrl+S, then waits for doc.zpb to change. The keys reach the program in the
# order typed, so the save comes after everything typed before it.
save_and_wait() {
	local m
	m=$(stat -c %.9Y "$1/doc.zpb")
	x 20 xdotool key ctrl+s
	await 120 "save" saved_after "$m" "$1/doc.zpb"
	await 10 "lock-free save" sh -c "[ -s '$1/doc.zpb' ]"
}

# stop_app: SIGTERM (Fyne quits its main loop on it, as on closing the last window) and waits for the
# program to exit; one that is still there after 30 s has its goroutines printed to bin/ime-smoke-hang.log
# (SIGQUIT) and fails the run.
stop_app() {
	local i
	kill "$app" 2>/dev/null || true
	for i in $(seq 300); do
		if gone "$app"; then
			wait "$app" 2>/dev/null || true
			app=
			return
		fi
		sleep 0.1
	done
	kill -QUIT "$app" 2>/dev/null || true
	for i in $(seq 50); do gone "$app" && break; sleep 0.1; done
	cp "$work/app.log" "$root/bin/ime-smoke-hang.log" 2>/dev/null || true
	fail "the program did not exit within 30 s of SIGTERM; its goroutines: bin/ime-smoke-hang.log"
}

# check_rows DIR SPEED: the saved file holds 120 / 120 / 118.5 in income rows 1.–7. and the sample's
# values elsewhere; prints the rows and fails otherwise.
check_rows() {
	python3 - "$work/blank.zpb" "$1/doc.zpb" "$2" <<'EOF' || fail "run $run, $2 ms per key: wrong cells (above)"
import json, sys
blank = json.load(open(sys.argv[1], encoding="utf-8"))
got = json.load(open(sys.argv[2], encoding="utf-8"))
want = {"initial": "120", "full": "120", "actual": "118.5"}
bad = []
for b, g in zip(blank["unit"]["budget"], got["unit"]["budget"]):
    exp = {k: (want[k] if b["id"] in ("I1", "I2", "I3", "I4", "I5", "I6", "I7") else b[k]) for k in want}
    have = {k: g[k] for k in want}
    if exp != have:
        bad.append(f'{b["id"]}: {have["initial"]!r} / {have["full"]!r} / {have["actual"]!r}, want {exp["initial"]!r} / {exp["full"]!r} / {exp["actual"]!r}')
blank["unit"]["budget"] = got["unit"]["budget"] = None
if blank != got:
    bad.append("fields outside the income rows changed")
if bad:
    print(f"{sys.argv[3]} ms per key:", *bad, sep="\n  ")
    sys.exit(1)
EOF
}

rows=(120 120 118.5)
keys=""
for _ in 1 2 3 4 5 6 7; do keys+=$(printf '%s\t%s\t%s\t' "${rows[@]}"); done
typed=0
times=
for run in $(seq "$runs"); do
	times=
	for speed in $speeds; do
		dir=$work/run$run-$speed
		mkdir -p "$dir"
		cp "$work/blank.zpb" "$dir/doc.zpb"
		start_app "$dir" "run $run, $speed ms per key"
		# 部门（单位）名称 › 财政供养人员数量 › 所属单位数量 › the 小计 row's three cells › row 1.
		x 20 xdotool key --delay 150 Tab Tab Tab Tab Tab Tab
		t0=$(date +%s.%N)
		# xdotool waits half its --delay after pressing a key and half after releasing it.
		x 300 xdotool type --delay $((2 * speed)) "$keys"
		save_and_wait "$dir"
		took=$(since "$t0")
		times+=" $speed:${took}s"
		x 20 import -window root "$root/bin/ime-smoke.png"
		stop_app
		check_rows "$dir" "$speed"
		typed=$((typed + 1))
	done
	# Pinyin: 测试 committed through the input method into 部门（单位）名称.
	dir=$work/run$run-pinyin
	mkdir -p "$dir"
	cp "$work/blank.zpb" "$dir/doc.zpb"
	start_app "$dir" "run $run, pinyin"
	x 20 xdotool key --delay 200 ctrl+space
	x 20 xdotool type --delay 100 ceshi
	x 20 xdotool key --delay 200 space ctrl+space
	save_and_wait "$dir"
	stop_app
	name=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1], encoding="utf-8"))["unit"]["name"])' "$dir/doc.zpb")
	[ "$name" = "抚顺市社会保险事业服务中心测试" ] || fail "run $run, pinyin: 部门（单位）名称 is \"$name\", want \"抚顺市社会保险事业服务中心测试\""
done
# Processor time while idle with a field focused (the cursor must not redraw the window).
dir=$work/idle
mkdir -p "$dir"
cp "$work/blank.zpb" "$dir/doc.zpb"
start_app "$dir" "idle"
x 20 xdotool mousemove 5 880
sleep 1
ticks() { awk '{print $14 + $15}' "/proc/$app/stat"; }
t0=$(ticks)
sleep 10 # a measurement over a fixed time, not a wait for a condition
idle=$(awk -v a="$t0" -v b="$(ticks)" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.1f", 100 * (b - a) / hz / 10}')
stop_app
echo "ime-smoke: ok in $(since "$started") s: $runs runs × ${speeds// /, } ms per key, 7 of 7 rows each ($typed files); pinyin 测试 $runs of $runs; fcitx5 ready in $imready s ($imstarts start(s)); typing to saved file (ms per key:time, last run)$times; idle with a focused field $idle % of a core"
