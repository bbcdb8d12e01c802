#!/usr/bin/env bash
# smoke.sh: runs the Windows build under Wine as an accountant would use it (make windows-smoke).
# Needs bin/ziping.exe, bin/绩效自评-安装程序.exe and the Linux build bin/ziping (the
# Makefile builds them first), and wine64, Xvfb, xdotool, ImageMagick, pdftotext and MinGW-w64.
#
# Everything happens in a throw-away Wine prefix and home folder under one temporary folder, on a
# private Xvfb display (Xvfb picks a free number): nothing outside them is read or changed but
# bin/windows-smoke*.png, the screenshots kept for people to look at. It checks
#   1. `version`; `check --json` and `export` (PDF, Excel) of the sample stored under a path with
#      Chinese characters and spaces: the same JSON, PDF text and Excel bytes as the Linux build;
#   2. the command line in a console (tools/wine/conrun.c: as cmd.exe starts a GUI program),
#      redirection to a file, and the exit code of a file that cannot be read;
#   2b. redirected text in the console's code page (codepage_redirect): GBK after chcp 936,
#      UTF-8 after chcp 65001 or with --utf8;
#   3. the window: it appears (seconds to window), a typed change is saved with Ctrl+S (the file
#      changes, the .bak is the old file), a second change then closing asks 保存/不保存/取消, and
#      不保存 closes it;
#   3b. the system's file dialogs: 另存为 into a new Chinese folder and 打开, typed into Wine's
#      IFileDialog; the recovery copy and the recent files under %AppData%; saving over the
#      document while another program holds it open (tools/wine/holdopen.c);
#   3c. the Windows build of storage's Windows tests: saving over a file another program holds open,
#      a path over 260 characters, an unreachable UNC path;
#   4. no OpenGL (tools/wine/opengl32-nogl.c): the Chinese message box instead of a window, exit
#      code 3, both when the check before Fyne sees it and when only GLFW does;
#   4b. no OpenGL but Mesa's opengl32.dll in mesa\ (bin/mesa): the window opens drawn by Mesa and
#      a typed value is saved;
#   5. the installer: silent install, the installed exe's `version`, shortcuts, the .zpb
#      association's open verb opens the document, silent uninstall keeps documents and the
#      recovery folder;
#   5b. the installer while the installed program runs (installer_while_running): a silent install
#      and a silent uninstall exit non-zero with a line in %TEMP%\绩效自评-安装.log and leave the
#      old exe and the 应用和功能 entry; once it has exited, both succeed.
#   5c. the installer installs mesa\ and the uninstaller removes it.
# It ends with one line of figures and exits non-zero on the first failure; SMOKE_TIMEOUT
# (seconds, default 300) bounds the whole run; SMOKE_KEEP=1 keeps the temporary folder. Processes are ended by pid, and the prefix's
# Windows processes with `wineserver -k` of that prefix only.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
started=$(date +%s.%N)
exe=$root/bin/ziping.exe
installer=$root/bin/绩效自评-安装程序.exe
linux=$root/bin/ziping

fail() {
	echo "windows-smoke: FAIL: $*" >&2
	exit 1
}
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}'; }

for t in wine wineboot wineserver Xvfb xdotool import convert pdftotext x86_64-w64-mingw32-gcc cmp iconv go; do
	command -v "$t" >/dev/null || fail "$t is not installed (make windows-smoke installs it)"
done
for f in "$exe" "$installer" "$linux"; do
	[ -f "$f" ] || fail "$f is missing (make windows-smoke builds it)"
done

rm -f "$root/bin/windows-smoke-failed.png" # from an earlier run
work=$(mktemp -d /tmp/ziping-smoke.XXXXXX)
pids=()
xvfb=
watchdog=
cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	# What the screen showed when it failed: the clicks below use coordinates in the window.
	if [ "$rc" != 0 ] && [ -n "${DISPLAY:-}" ]; then
		timeout 10 import -window root "$root/bin/windows-smoke-failed.png" 2>/dev/null &&
			echo "windows-smoke: the screen at the failure: bin/windows-smoke-failed.png" >&2
	fi
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	if [ -d "$work/prefix" ]; then
		WINEPREFIX=$work/prefix timeout 20 wineserver -k 2>/dev/null || true
		WINEPREFIX=$work/prefix timeout 20 wineserver -w 2>/dev/null || true
	fi
	[ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null || true
	if [ -n "$watchdog" ]; then pkill -P "$watchdog" 2>/dev/null || true; kill "$watchdog" 2>/dev/null || true; fi
	wait 2>/dev/null || true
	if [ "$rc" != 0 ] && [ -d "$work/logs" ]; then
		for f in "$work"/logs/*; do
			[ -s "$f" ] && { echo "--- $(basename "$f")"; tail -n 20 "$f"; } >&2
		done
	fi
	if [ -n "${SMOKE_KEEP:-}" ]; then echo "windows-smoke: kept $work" >&2; else rm -rf "$work"; fi
	exit "$rc"
}
trap cleanup EXIT
trap 'fail "interrupted"' INT TERM
# The whole run is bounded: past SMOKE_TIMEOUT seconds this shell is told to stop (and cleans up).
# The watchdog signals only while this shell is still its parent, never a later process that
# happens to get the same pid.
(
	me=$BASHPID
	sleep "${SMOKE_TIMEOUT:-300}"
	if [ "$(ps -o ppid= -p "$me" 2>/dev/null | tr -d ' ')" = $$ ]; then
		echo "windows-smoke: FAIL: over ${SMOKE_TIMEOUT:-300} s" >&4
		kill -TERM $$
	fi
) 4>&2 2>/dev/null & # (bash's "Terminated" when cleanup ends the sleep goes nowhere)
watchdog=$!

mkdir -p "$work/home" "$work/helpers" "$work/logs"
# Go's caches stay the user's (HOME changes below), so that the Windows test build is warm.
export GOCACHE=$(go env GOCACHE) GOMODCACHE=$(go env GOMODCACHE) GOPATH=$(go env GOPATH)
export HOME=$work/home LANG=C.UTF-8 WINEPREFIX=$work/prefix WINEARCH=win64 WINEDEBUG=-all
# mscoree/mshtml: no offer to install Mono or Gecko; winemenubuilder: no menu entries in $HOME;
# bcryptprimitives: the stand-in of tools/wine/bcryptprimitives.c, copied into system32 below
# (Wine 8 has no such DLL, so the copy would load anyway; =n says which one is meant). Setting
# it to "bcryptprimitives=" (disabled) makes every run of the exe fail: the check that this
# test can fail (docs/DEVELOPING.md).
overrides="mscoree,mshtml=;winemenubuilder.exe=d;bcryptprimitives=n"
export WINEDLLOVERRIDES=$overrides
unset DISPLAY WAYLAND_DISPLAY
log=$work/logs

# Helpers, cross-compiled from tools/wine/.
cc=x86_64-w64-mingw32-gcc
$cc -O2 -s -shared -o "$work/helpers/bcryptprimitives.dll" tools/wine/bcryptprimitives.c -ladvapi32
$cc -O2 -s -shared -o "$work/helpers/opengl32.dll" tools/wine/opengl32-nogl.c
$cc -O2 -s -municode -o "$work/helpers/conrun.exe" tools/wine/conrun.c
$cc -O2 -s -municode -o "$work/helpers/setclip.exe" tools/wine/setclip.c
$cc -O2 -s -municode -o "$work/helpers/holdopen.exe" tools/wine/holdopen.c
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go test -c -o "$work/helpers/storage.test.exe" ./storage

# A private X display: Xvfb writes the number it chose to fd 3.
Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$work/display" >"$log/xvfb" 2>&1 &
xvfb=$!
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || fail "Xvfb did not start"
export DISPLAY=":$(head -1 "$work/display")"

# The throw-away prefix, with the stand-in DLL and a Chinese font for Wine's own dialogs
# (Windows has its own; Wine's Tahoma has no Chinese, and the message box would show boxes).
t=$(date +%s.%N)
timeout 120 wineboot -i >"$log/wineboot" 2>&1 || fail "wineboot could not create the Wine prefix"
t_prefix=$(since "$t")
cp "$work/helpers/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
cjk=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
[ -f "$cjk" ] || fail "$cjk is missing (fonts-wqy-microhei)"
for face in Tahoma "MS Shell Dlg" "MS Shell Dlg 2"; do
	wine reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion\FontLink\SystemLink' /v "$face" \
		/t REG_MULTI_SZ /d 'wqy-microhei.ttc,WenQuanYi Micro Hei' /f >>"$log/reg" 2>&1
done

# The program as a user keeps it, and the sample under a path with Chinese characters and spaces.
mkdir -p "$WINEPREFIX/drive_c/ziping" "$WINEPREFIX/drive_c/用户 文档"
cp "$exe" "$WINEPREFIX/drive_c/ziping/ziping.exe"
wexe='C:\ziping\ziping.exe'
docdir=$WINEPREFIX/drive_c/用户\ 文档
doc="$docdir/抚顺 社保 2021.zpb"
wdoc='C:\用户 文档\抚顺 社保 2021.zpb'
cp samples/fushun-shebao-2021.zpb "$doc"
cp samples/fushun-shebao-2021.zpb "$work/original.zpb"
# win CMD...: run a Windows command line with a time limit, its output on stdout.
win() { timeout 120 wine "$@" 2>>"$log/wine"; }

# 1. The command line against the Linux build. Its stdout here is a Unix pipe with no console,
# which the program writes in the prefix's ANSI code page (1252 under LANG=C, no Chinese;
# cli/codepage.go): --utf8 where text is read, as a user asking for UTF-8 would.
t=$(date +%s.%N)
out=$(win "$wexe" version --utf8) || fail "ziping.exe version exited with $?"
t_version=$(since "$t")
out=${out%$'\r'}
[[ $out == "绩效自评 Ziping "* ]] || fail "ziping.exe version printed \"$out\""
# The "file" fields are the paths as each system spells them.
nofile() { sed -E 's/"file": "[^"]*"/"file": ""/'; }
rc=0
win "$wexe" check --json "$wdoc" >"$work/win.json" || rc=$?
lrc=0
"$linux" check --json "$doc" >"$work/linux.json" 2>/dev/null || lrc=$?
[ "$rc" = "$lrc" ] || fail "check --json exits with $rc under Wine, $lrc on Linux"
cmp -s <(nofile <"$work/win.json") <(nofile <"$work/linux.json") ||
	fail "check --json differs from the Linux build: $(diff <(nofile <"$work/win.json") <(nofile <"$work/linux.json") | head -5)"
forms=$(grep -c '"total"' "$work/win.json")
export SOURCE_DATE_EPOCH=1700000000
win "$wexe" export -o 'C:\用户 文档\导出 测试.pdf' "$wdoc" >"$log/export-pdf" || fail "export to PDF failed"
win "$wexe" export -o 'C:\用户 文档\导出 测试.xlsx' "$wdoc" >"$log/export-xlsx" || fail "export to Excel failed"
"$linux" export -o "$work/linux.pdf" "$doc" >/dev/null 2>&1 || fail "the Linux build's export to PDF failed"
"$linux" export -o "$work/linux.xlsx" "$doc" >/dev/null 2>&1 || fail "the Linux build's export to Excel failed"
unset SOURCE_DATE_EPOCH
pdf=$docdir/导出\ 测试.pdf
pdftotext -layout "$pdf" "$work/win.txt" || fail "pdftotext cannot read the PDF made under Wine"
pdftotext -layout "$work/linux.pdf" "$work/linux.txt"
cmp -s "$work/win.txt" "$work/linux.txt" || fail "the PDF's text differs from the Linux build's"
pdf_same=text
cmp -s "$pdf" "$work/linux.pdf" && pdf_same=bytes
cmp -s "$docdir/导出 测试.xlsx" "$work/linux.xlsx" || fail "the Excel file differs from the Linux build's"

# 2. The console: what cmd.exe shows, and its exit code; redirection; an unreadable file.
win "$work/helpers/conrun.exe" "$wexe" check "$wdoc" >"$work/console.txt" || fail "conrun failed"
tr -d '\r' <"$work/console.txt" >"$work/console.clean"
grep -q '^单位整体绩效自评表（' "$work/console.clean" || fail "check printed nothing in the console"
grep -qx "exit=$lrc" "$work/console.clean" || fail "check in a console: $(tail -1 "$work/console.clean"), want exit=$lrc"
win cmd /c "$wexe version --utf8 > C:\\ziping\\版本.txt" || fail "cmd /c ziping.exe version > file failed"
grep -q '^绩效自评 Ziping ' "$WINEPREFIX/drive_c/ziping/版本.txt" || fail "redirected output is not in the file"
rc=0
win "$wexe" check 'C:\用户 文档\没有这个文件.zpb' >/dev/null 2>&1 || rc=$?
[ "$rc" = 2 ] || fail "check of a missing file exits with $rc, want 2"

# 2b. codepage_redirect: `ziping check 文件.zpb > 结果.txt` in a console (tools/wine/conrun.c runs
# a batch file there, as a user types it in cmd.exe) after `chcp 936` writes GBK, which `type`
# shows as Chinese; after `chcp 65001`, and with --utf8 after `chcp 936`, UTF-8; the GBK bytes
# are those of the UTF-8 text (› has no GBK code and is written >). The batch file is ASCII
# (cmd.exe reads it in the console's code page) and gets its values from the environment.
codepage_redirect() {
	local d=$WINEPREFIX/drive_c/ziping
	cp "$doc" "$d/sample.zpb"
	printf '%s\r\n' '@echo off' 'chcp %ZCP% >nul' \
		'C:\ziping\ziping.exe check %ZFLAG% C:\ziping\sample.zpb > "C:\ziping\%ZOUT%"' \
		'type "C:\ziping\%ZOUT%"' >"$d/cp.bat"
	ZCP=936 ZOUT=结果.txt ZFLAG= win "$work/helpers/conrun.exe" 'C:\ziping\cp.bat' >"$work/cp936.console" ||
		fail "conrun cp.bat (936) failed"
	ZCP=65001 ZOUT=结果-65001.txt ZFLAG= win "$work/helpers/conrun.exe" 'C:\ziping\cp.bat' >/dev/null ||
		fail "conrun cp.bat (65001) failed"
	ZCP=936 ZOUT=结果-utf8.txt ZFLAG=--utf8 win "$work/helpers/conrun.exe" 'C:\ziping\cp.bat' >/dev/null ||
		fail "conrun cp.bat (936 --utf8) failed"
	grep -q '^单位整体绩效自评表（' "$d/结果-65001.txt" || fail "check > 结果.txt after chcp 65001 is not UTF-8 Chinese"
	cmp -s "$d/结果-65001.txt" "$d/结果-utf8.txt" || fail "check --utf8 > file after chcp 936 differs from chcp 65001's"
	sed 's/›/>/g' "$d/结果-65001.txt" | iconv -f UTF-8 -t GBK >"$work/expected-gbk.txt" || fail "iconv to GBK failed"
	cmp -s "$d/结果.txt" "$work/expected-gbk.txt" ||
		fail "check > 结果.txt after chcp 936 is not the expected GBK: $(cmp "$d/结果.txt" "$work/expected-gbk.txt" | head -1)"
	grep -q '单位整体绩效自评表（' "$work/cp936.console" || fail "type 结果.txt in code page 936 shows no Chinese: $(head -3 "$work/cp936.console")"
	cmp -s "$d/结果.txt" "$d/结果-65001.txt" && fail "the output in 936 and in 65001 are the same bytes"
	gbk_bytes=$(stat -c %s "$d/结果.txt")
}
codepage_redirect

# wait_exit PID SECONDS: wait for a background process to end; its exit code in $exited.
wait_exit() {
	local i
	for i in $(seq $(($2 * 10))); do
		kill -0 "$1" 2>/dev/null || break
		sleep 0.1
	done
	kill -0 "$1" 2>/dev/null && return 1
	exited=0
	wait "$1" || exited=$?
}
# window NAME SECONDS: the id of the window whose title is NAME, waiting for it.
# window NAME SECONDS prints the id of the first window whose name matches NAME, searched again
# and again until SECONDS have passed: `xdotool search --sync` gives up at once when it meets
# a window Wine destroys as it goes (BadWindow), which Wine does during start-up.
window() {
	local end=$(($(date +%s) + $2)) id
	while :; do
		id=$(xdotool search --name "$1" 2>/dev/null | head -1) || true
		[ -n "$id" ] && { echo "$id"; return 0; }
		[ "$(date +%s)" -lt "$end" ] || return 1
		sleep 0.2
	done
}

# 3. The window.
t=$(date +%s.%N)
wine "$wexe" "$wdoc" >"$log/gui" 2>&1 &
gui=$!
pids+=("$gui")
wid=$(window '抚顺 社保 2021.zpb - 绩效自评' 90) || true
[ -n "$wid" ] || fail "the window did not appear within 90 s"
t_window=$(since "$t")
sleep 3 # the window's content is drawn after it appears
# 财政供养人员数量 (208) on the 单位整体 tab: add a 1, save with Ctrl+S. The window is 1280×820
# and Wine puts it at the top left; the coordinates are those of the sample's first tab (if the
# layout changes, bin/windows-smoke-failed.png shows where things went).
xdotool mousemove --window "$wid" 740 253 click 1 2>/dev/null
sleep 0.5
xdotool key --window "$wid" 2>/dev/null End
xdotool type --delay 60 1 2>/dev/null
sleep 0.5
xdotool key --window "$wid" 2>/dev/null ctrl+s
for _ in $(seq 50); do cmp -s "$doc" "$work/original.zpb" || break; sleep 0.1; done
cmp -s "$doc" "$work/original.zpb" && fail "Ctrl+S did not change the file"
grep -q '"2081"' "$doc" || fail "the typed change is not in the saved file"
cmp -s "$doc.bak" "$work/original.zpb" || fail "no .bak with the previous file beside the saved one"
# A second change, not saved: closing asks first.
xdotool type --delay 60 9 2>/dev/null
sleep 0.5
xdotool key --window "$wid" 2>/dev/null alt+F4
sleep 2
kill -0 "$gui" 2>/dev/null || fail "the window closed with unsaved changes, without asking"
import -window root "$root/bin/windows-smoke.png"
# The question's blue 保存 button, in the middle of the window.
px=$(convert "$root/bin/windows-smoke.png" -format '%[fx:int(255*p{710,475}.b)]' info:)
[ "$px" -gt 200 ] || fail "no 保存/不保存/取消 question after closing (see bin/windows-smoke.png)"
xdotool mousemove --window "$wid" 639 448 click 1 2>/dev/null # 不保存
wait_exit "$gui" 20 || fail "不保存 did not close the window"
[ "$exited" = 0 ] || fail "the program exited with $exited after 不保存"
grep -q '"2081"' "$doc" && ! grep -q '"20819"' "$doc" || fail "不保存 changed the file"

# 3b. The system's file dialogs (Wine's IFileDialog, as Windows shows Explorer's), %AppData%.
# Reopen the saved document, change it, 另存为 (Ctrl+Shift+S) into a new Chinese folder by typing
# the path into the dialog's file-name box; the recovery copy is written when the window loses
# the focus to the dialog and removed once saved; the recent files are in Fyne's preferences;
# then 打开 (Ctrl+O) the first document again through the open dialog.
mkdir -p "$docdir/新 文件夹"
saved="$docdir/新 文件夹/另存 测试.zpb"
roaming=("$WINEPREFIX"/drive_c/users/*/AppData/Roaming)
roaming=${roaming[0]}
recovery=$roaming/ziping/recovery
recovery_copies() { find "$recovery" -name '*.zpb' 2>/dev/null | wc -l; }
# native TITLE PATH: in the system dialog titled TITLE, put PATH into the file-name box, Enter.
# PATH is pasted from the clipboard (tools/wine/setclip.c): xdotool's typing of Chinese
# characters loses some under Wine.
# Wine's dialog opens on no folder until one is chosen (Windows opens it on the document's
# folder): Desktop in its tree is chosen first. Coordinates are those of Wine's 660×488 dialog.
native() {
	local d
	win "$work/helpers/setclip.exe" "$2" || fail "setclip could not put \"$2\" on the clipboard"
	# (searched again and again: a search meeting a window as it goes away gives up)
	d=
	for _ in $(seq 150); do
		d=$(xdotool search --name "^$1\$" 2>/dev/null | head -1) || true
		[ -n "$d" ] && break
		sleep 0.2
	done
	[ -n "$d" ] || fail "no system dialog \"$1\" within 30 s"
	sleep 1
	[ "$1" = 另存为 ] && import -window root "$root/bin/windows-smoke-dialog.png"
	xdotool mousemove --window "$d" 62 62 click 1 2>/dev/null # Desktop
	sleep 1
	xdotool mousemove --window "$d" 370 445 click 1 2>/dev/null # the file-name box
	xdotool key End shift+Home BackSpace ctrl+v 2>/dev/null
	sleep 0.5
	xdotool key Return 2>/dev/null
	# Closed: its window is gone. A Return Wine did not pass on: the 保存/打开 button.
	for _ in $(seq 30); do xdotool getwindowname "$d" >/dev/null 2>&1 || return 0; sleep 0.1; done
	xdotool mousemove --window "$d" 557 471 click 1 2>/dev/null
	for _ in $(seq 50); do xdotool getwindowname "$d" >/dev/null 2>&1 || return 0; sleep 0.1; done
	fail "the system dialog \"$1\" did not take \"$2\""
}
t=$(date +%s.%N)
wine "$wexe" "$wdoc" >"$log/gui-dialogs" 2>&1 &
gui=$!
pids+=("$gui")
wid=$(window '抚顺 社保 2021.zpb - 绩效自评' 90) || true
[ -n "$wid" ] || fail "the window did not appear again within 90 s"
sleep 3
[ "$(recovery_copies)" = 0 ] || fail "recovery copies before any change: $(ls "$recovery")"
xdotool mousemove --window "$wid" 740 253 click 1 2>/dev/null
sleep 0.5
xdotool key --window "$wid" 2>/dev/null End
xdotool type --delay 60 7 2>/dev/null
sleep 0.5
t=$(date +%s.%N)
xdotool key --window "$wid" 2>/dev/null ctrl+shift+s
for _ in $(seq 150); do [ "$(recovery_copies)" = 0 ] || break; sleep 0.1; done
[ "$(recovery_copies)" != 0 ] || fail "no recovery copy in %AppData%\\ziping\\recovery while the dialog is open"
native 另存为 'C:\用户 文档\新 文件夹\另存 测试.zpb'
t_dialog=$(since "$t")
window '另存 测试.zpb - 绩效自评' 20 >/dev/null || fail "the window's title did not change to the new file"
[ -f "$saved" ] || fail "另存为 through the system dialog wrote no file"
grep -q '"20817"' "$saved" || fail "the saved file lacks the typed change"
grep -q '"20817"' "$doc" && fail "另存为 changed the first document"
for _ in $(seq 100); do [ "$(recovery_copies)" = 0 ] && break; sleep 0.1; done
[ "$(recovery_copies)" = 0 ] || fail "the recovery copy stayed after saving: $(ls "$recovery")"
prefs=
for _ in $(seq 100); do
	prefs=$(grep -lF '另存 测试.zpb' "$roaming"/fyne/*/preferences.json 2>/dev/null | head -1) && [ -n "$prefs" ] && break
	sleep 0.1
done
[ -n "$prefs" ] || fail "the recent files in %AppData%\\fyne\\…\\preferences.json lack the saved file"
xdotool key --window "$wid" 2>/dev/null ctrl+o
native 打开 "$wdoc"
window '抚顺 社保 2021.zpb - 绩效自评' 20 >/dev/null || fail "打开 through the system dialog did not open the document"
# Another program holds the document open (tools/wine/holdopen.c): Ctrl+S after a change says
# so (the blue 另存为 of the message; bin/windows-smoke-inuse.png), the file and its .bak stay as
# they were and the change stays in the window; once the program lets go, Ctrl+S saves it.
cp "$doc" "$work/held-before.zpb"
cp "$doc.bak" "$work/held-before.bak"
wine "$work/helpers/holdopen.exe" "$wdoc" 'C:\ziping\放开' >"$log/holdopen" 2>&1 &
hold=$!
pids+=("$hold")
for _ in $(seq 100); do grep -q held "$log/holdopen" && break; sleep 0.1; done
grep -q held "$log/holdopen" || fail "holdopen could not open the document"
wid=$(window '抚顺 社保 2021.zpb - 绩效自评' 5) || true
xdotool mousemove --window "$wid" 740 253 click 1 2>/dev/null
sleep 0.5
xdotool key --window "$wid" 2>/dev/null End
xdotool type --delay 60 5 2>/dev/null
sleep 0.5
xdotool key --window "$wid" 2>/dev/null ctrl+s
blue=
for _ in $(seq 30); do
	import -window root "$root/bin/windows-smoke-inuse.png"
	blue=$(convert "$root/bin/windows-smoke-inuse.png" -format '%[fx:p{673,532}.b>0.8 && p{673,532}.r<0.4]' info:)
	[ "$blue" = 1 ] && break
	sleep 0.2
done
[ "$blue" = 1 ] || fail "no message after saving over the held document (see bin/windows-smoke-inuse.png)"
cmp -s "$doc" "$work/held-before.zpb" || fail "saving over the held document changed it"
cmp -s "$doc.bak" "$work/held-before.bak" || fail "saving over the held document changed its .bak"
xdotool mousemove 612 532 click 1 2>/dev/null # 取消
touch "$WINEPREFIX/drive_c/ziping/放开"
wait_exit "$hold" 20 || fail "holdopen did not let go"
xdotool key --window "$wid" 2>/dev/null ctrl+s
for _ in $(seq 100); do grep -q '"20815"' "$doc" && break; sleep 0.1; done
grep -q '"20815"' "$doc" || fail "the change kept in the window was not saved once the document was let go"
cmp -s "$doc.bak" "$work/held-before.zpb" || fail "the .bak is not the document before that save"
# The file is written before the window takes the save in: its title loses the " *" then.
window '^抚顺 社保 2021\.zpb - 绩效自评$' 20 >/dev/null || fail "the window still shows unsaved changes after saving"
xdotool key --window "$wid" 2>/dev/null alt+F4
wait_exit "$gui" 20 || fail "the window did not close after the dialogs"
[ "$exited" = 0 ] || fail "the program exited with $exited after the dialogs"

# 3c. Windows file behaviour, by the Windows build of the storage tests (storage/save_windows_test.go):
# saving over a document another program holds open (the message, nothing lost), a path over
# 260 characters, an unreachable UNC path. Run from storage/ (Wine's Z: is /) for the sample.
(cd storage && timeout 60 wine "$work/helpers/storage.test.exe" -test.run 'Windows$' -test.v >"$log/storage-windows" 2>&1) ||
	fail "the Windows tests of storage failed under Wine (log storage-windows)"
wintests=$(grep -c '^--- PASS: Test.*Windows' "$log/storage-windows")
[ "$wintests" = 3 ] || fail "$wintests of the 3 Windows tests of storage passed"

# 4. No OpenGL: the stub opengl32.dll beside a copy of the exe.
mkdir -p "$WINEPREFIX/drive_c/nogl"
cp "$exe" "$work/helpers/opengl32.dll" "$WINEPREFIX/drive_c/nogl/"
for how in probe glfw; do
	skip=
	[ "$how" = glfw ] && skip=1 # past the check before Fyne: GLFW's own failure
	t=$(date +%s.%N)
	ZIPING_SKIP_GL_CHECK=$skip WINEDLLOVERRIDES="$overrides;opengl32=n" \
		wine 'C:\nogl\ziping.exe' >"$log/nogl-$how" 2>&1 &
	p=$!
	pids+=("$p")
	box=$(window '绩效自评 — 无法打开窗口' 60) || true
	[ -n "$box" ] || fail "no message box without OpenGL ($how)"
	t_box=$(since "$t")
	sleep 1
	[ "$how" = probe ] && import -window root "$root/bin/windows-smoke-nogl.png"
	xdotool key --window "$box" Return 2>/dev/null
	wait_exit "$p" 20 || fail "the program did not exit after the message box ($how)"
	[ "$exited" = 3 ] || fail "exit code $exited without OpenGL ($how), want 3"
	grep -q '无法打开窗口' "$log/nogl-$how" || fail "nothing on stderr without OpenGL ($how)"
done

# 5b. installer_while_running: with the installed (marked old) program's window open, a silent
# install and a silent uninstall stop with a non-zero exit code and a line in the log, and leave
# the old exe and the uninstall entry. The uninstaller is run in place (`_?=`), the only way to
# see its exit code; run plainly it copies itself to %TEMP% and returns 0 at once, so there the
# log line and what stays are checked.
installer_log() {
	local f
	f=$(find "$profile" -name 绩效自评-安装.log | head -1) # %TEMP%: Wine's is C:\users\NAME\Temp
	[ -n "$f" ] && iconv -f UTF-16 -t UTF-8 "$f" | tr -d '\r'
}
installer_while_running() {
	local rc=0 text key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Ziping'
	win "$installer" /S >"$log/install-running" || rc=$?
	[ "$rc" != 0 ] || fail "a silent install over the running program exited 0"
	cmp -s "$inst/ziping.exe" "$work/installed-old.exe" || fail "a silent install over the running program changed ziping.exe"
	text=$(installer_log) || true
	grep -q '安装失败：绩效自评正在运行' <<<"$text" || fail "no line in %TEMP%\\绩效自评-安装.log after the install stopped: $text"
	rc=0
	win "$winst\\卸载.exe" /S "_?=$winst" >"$log/uninstall-running" || rc=$?
	[ "$rc" != 0 ] || fail "a silent uninstall with the program running exited 0"
	win "$winst\\卸载.exe" /S >>"$log/uninstall-running" || fail "the uninstaller's first copy exited with $?"
	for _ in $(seq 100); do
		text=$(installer_log) || true
		[ "$(grep -c '卸载失败：绩效自评正在运行' <<<"$text")" = 2 ] && break
		sleep 0.1
	done
	[ "$(grep -c '卸载失败：绩效自评正在运行' <<<"$text")" = 2 ] || fail "the log lacks the two uninstalls that stopped: $text"
	cmp -s "$inst/ziping.exe" "$work/installed-old.exe" || fail "an uninstall with the program running changed ziping.exe"
	win reg query "$key" >/dev/null 2>&1 || fail "an uninstall with the program running removed the entry in 应用和功能"
	t_running=$(grep -c . <<<"$text")
}
# installer_after_exit: the program has exited: the silent install replaces the old exe.
installer_after_exit() {
	win "$installer" /S >"$log/install-update" || fail "the silent install after the program exited failed with $?"
	cmp -s "$inst/ziping.exe" "$exe" || fail "the silent install after the program exited left the old ziping.exe"
}
# 4b. No OpenGL, with Mesa (internal/platform/mesa_windows.go): the same stub beside the exe, and
# bin/mesa/ (Mesa's software OpenGL, assets/windows/mesa) as mesa\ beside it. The probe fails on
# the stub, the program starts itself again, loads mesa\opengl32.dll by its full path before GLFW,
# and the window opens drawn by Mesa: its title, a typed value saved, a screenshot
# (bin/windows-smoke-mesa.png), exit code 0 through the first process. Step 4 above, without
# mesa\, is the message box when Mesa is absent. The exe must import no OPENGL32.dll, or the
# system's would be bound before Mesa's could be loaded (internal/platform/glimport_windows.go).
if x86_64-w64-mingw32-objdump -p "$exe" | grep -qi 'DLL Name: opengl32'; then
	fail "ziping.exe imports OPENGL32.dll: Mesa's could never replace the system's"
fi
[ -f "$root/bin/mesa/opengl32.dll" ] || fail "bin/mesa/opengl32.dll is missing (make windows copies it)"
mkdir -p "$WINEPREFIX/drive_c/nogl-mesa"
cp "$exe" "$work/helpers/opengl32.dll" "$WINEPREFIX/drive_c/nogl-mesa/"
cp -r "$root/bin/mesa" "$WINEPREFIX/drive_c/nogl-mesa/mesa"
mdoc="$docdir/软件 渲染.zpb"
cp "$work/original.zpb" "$mdoc"
t=$(date +%s.%N)
WINEDLLOVERRIDES="$overrides;opengl32=n" wine 'C:\nogl-mesa\ziping.exe' 'C:\用户 文档\软件 渲染.zpb' \
	>"$log/mesa" 2>&1 &
p=$!
pids+=("$p")
wid=$(window '软件 渲染.zpb - 绩效自评' 120) || true
if [ -z "$wid" ]; then
	box=$(window '绩效自评 — 无法打开窗口' 1) && fail "the message box instead of the window with Mesa: $(grep -a 无法打开窗口 "$log/mesa" | tail -1)"
	fail "no window with Mesa within 120 s"
fi
t_mesa=$(since "$t")
sleep 5 # softpipe draws the first frame after the window appears
import -window root "$root/bin/windows-smoke-mesa.png"
xdotool mousemove --window "$wid" 740 253 click 1 2>/dev/null
sleep 1
xdotool key --window "$wid" 2>/dev/null End
xdotool type --delay 100 3 2>/dev/null
sleep 1
xdotool key --window "$wid" 2>/dev/null ctrl+s
for _ in $(seq 100); do grep -q '"2083"' "$mdoc" && break; sleep 0.1; done
grep -q '"2083"' "$mdoc" || fail "the value typed into the window drawn by Mesa was not saved"
grep -q '改用软件渲染（Mesa）' "$log/mesa" || fail "the first process did not say it falls back to Mesa"
grep -q '使用软件渲染（Mesa）' "$log/mesa" || fail "the second process did not say it uses Mesa"
# As after the earlier saves: the file is written before the window takes the save in (its
# title loses " *" then), so closing at once may still find it unsaved.
window '^软件 渲染\.zpb - 绩效自评$' 30 >/dev/null || fail "the window drawn by Mesa still shows unsaved changes after saving"
xdotool key --window "$wid" 2>/dev/null alt+F4
wait_exit "$p" 30 || fail "the window drawn by Mesa did not close"
[ "$exited" = 0 ] || fail "the program on Mesa exited with $exited"

# 5. The installer, silent; then what it installed; then the uninstaller.
t=$(date +%s.%N)
win "$installer" /S >"$log/install" || fail "the installer exited with $?"
t_install=$(since "$t")
users=("$WINEPREFIX"/drive_c/users/*/AppData/Local/Programs/绩效自评)
inst=${users[0]}
[ -f "$inst/ziping.exe" ] || fail "the installer left no ziping.exe in %LOCALAPPDATA%\\Programs\\绩效自评"
profile=${inst%/AppData/Local/Programs/绩效自评}
wuser=${profile##*/}
winst="C:\\users\\$wuser\\AppData\\Local\\Programs\\绩效自评"
out=$(win "$winst\\ziping.exe" version --utf8) || fail "the installed ziping.exe version exited with $?"
[[ ${out%$'\r'} == "绩效自评 Ziping "* ]] || fail "the installed ziping.exe version printed \"$out\""
[ -f "$profile/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/绩效自评.lnk" ] || fail "no Start-menu shortcut"
[ -f "$profile/Desktop/绩效自评.lnk" ] || fail "no desktop shortcut" # Wine links Desktop to $HOME
# regval KEY: the default value of a registry key. reg query prints non-ASCII text in the
# locale's code page (question marks here); reg export writes UTF-16, whatever the locale.
regval() {
	rm -f "$work/key.reg"
	win reg export "$1" 'C:\key.reg' /y >/dev/null 2>&1 && mv "$WINEPREFIX/drive_c/key.reg" "$work/key.reg" || return 0
	iconv -f UTF-16 -t UTF-8 "$work/key.reg" | tr -d '\r' | sed -n 's/^@="\(.*\)"$/\1/p' | head -1 |
		sed 's/\\\(.\)/\1/g'
}
[ "$(regval 'HKCU\Software\Classes\.zpb')" = Ziping.Document ] || fail ".zpb is not associated"
verb=$(regval 'HKCU\Software\Classes\Ziping.Document\shell\open\command')
[ "$verb" = "\"$winst\\ziping.exe\" \"%1\"" ] || fail "the open verb is \"$verb\""
# 应用和功能's size counts every installed file, Mesa's folder too: the registry's KB within 1 %
# (and 64 KB) of the folder's.
size=$(win reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Ziping' /v EstimatedSize | tr -d '\r' |
	sed -n 's/.*REG_DWORD *0x\([0-9a-fA-F]*\).*/\1/p')
[ -n "$size" ] || fail "no EstimatedSize in 应用和功能's entry"
files=$(find "$inst" -type f -printf '%s\n' | awk '{s += $1} END {print int(s / 1024)}')
diff=$((16#$size - files)); diff=${diff#-}
[ "$diff" -le $((files / 100 + 64)) ] || fail "应用和功能 gives $((16#$size)) KB, the installed files take $files KB"
echo "windows-smoke: 应用和功能's size $((16#$size)) KB, installed files $files KB (Mesa's $(du -sk "$inst/mesa" | cut -f1) KB)"
# The installed exe marked as an older one (bytes after a PE image are ignored), for 5b.
printf 'old' >>"$inst/ziping.exe"
cp "$inst/ziping.exe" "$work/installed-old.exe"
# Wine's HKEY_CLASSES_ROOT leaves out HKEY_CURRENT_USER\Software\Classes (Windows merges them), so
# `wine start file.zpb` cannot find the association here: run the registered verb itself.
cp "$work/original.zpb" "$docdir/关联 测试.zpb"
verbexe=${verb#\"}
verbexe=${verbexe%%\"*}
wine "$verbexe" 'C:\用户 文档\关联 测试.zpb' >"$log/assoc" 2>&1 &
p=$!
pids+=("$p")
wid=$(window '关联 测试.zpb - 绩效自评' 90) || true
[ -n "$wid" ] || fail "the .zpb association's open verb opened no window"
sleep 2
installer_while_running
xdotool key --window "$wid" 2>/dev/null alt+F4
wait_exit "$p" 20 || fail "the window opened through the association did not close"
[ "$exited" = 0 ] || fail "the program opened through the association exited with $exited"
installer_after_exit
# The uninstaller copies itself away and returns at once; wait until the files are gone.
appdata=$profile/AppData/Roaming/ziping
mkdir -p "$appdata/recovery"
echo keep >"$appdata/recovery/留下.zpb"
echo keep >"$inst/我的文档.zpb"
win "$winst\\卸载.exe" /S >"$log/uninstall" || fail "the uninstaller exited with $?"
for _ in $(seq 300); do [ -e "$inst/卸载.exe" ] || [ -e "$inst/ziping.exe" ] || break; sleep 0.1; done
# It removes the shortcuts and the registry entries after the files, its 应用和功能 entry last,
# yet the copy that runs from %TEMP% may still be removing shortcuts then: wait for all of them.
for _ in $(seq 120); do
	{ win reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Ziping' >/dev/null 2>&1 ||
		[ -e "$profile/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/绩效自评.lnk" ] ||
		[ -e "$profile/Desktop/绩效自评.lnk" ]; } || break
	sleep 0.25
done
[ ! -e "$inst/ziping.exe" ] && [ ! -e "$inst/卸载.exe" ] || fail "the uninstaller left the program"
[ -f "$inst/我的文档.zpb" ] || fail "the uninstaller removed a document in the program's folder"
[ -f "$appdata/recovery/留下.zpb" ] || fail "the uninstaller removed the recovery folder"
[ ! -e "$profile/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/绩效自评.lnk" ] || fail "the Start-menu shortcut stayed"
win reg query 'HKCU\Software\Classes\.zpb' >/dev/null 2>&1 && fail "the .zpb association stayed"
win reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Ziping' >/dev/null 2>&1 &&
	fail "the entry in 应用和功能 stayed"

# 5c. The installer carries Mesa (tools/windows/installer.nsi, SecMesa): mesa\ with both DLLs
# and the licence; the uninstaller removes the folder.
win "$installer" /S >"$log/install-mesa" || fail "the installer (again, for Mesa) exited with $?"
for f in opengl32.dll libgallium_wgl.dll LICENSE-mesa.txt; do
	cmp -s "$inst/mesa/$f" "$root/bin/mesa/$f" || fail "the installer did not install mesa\\$f"
done
win "$winst\\卸载.exe" /S >"$log/uninstall-mesa" || fail "the uninstaller (again, for Mesa) exited with $?"
for _ in $(seq 300); do [ -e "$inst/mesa" ] || break; sleep 0.1; done
[ ! -e "$inst/mesa" ] || fail "the uninstaller left mesa\\: $(ls "$inst/mesa")"

echo "windows-smoke: ok in $(since "$started") s: prefix ${t_prefix} s, version ${t_version} s," \
	"window ${t_window} s, 另存为 dialog ${t_dialog} s, message box ${t_box} s, window on Mesa ${t_mesa} s, install ${t_install} s, ${t_running} installer log lines while running; check > 结果.txt in 936 ${gbk_bytes} B of GBK; ziping.exe $(stat -c %s "$exe") B," \
	"installer $(stat -c %s "$installer") B, PDF $(stat -c %s "$pdf") B (same $pdf_same as Linux)," \
	"$forms forms, $wintests Windows file tests; screenshots bin/windows-smoke.png, bin/windows-smoke-dialog.png," \
	"bin/windows-smoke-inuse.png, bin/windows-smoke-nogl.png, bin/windows-smoke-mesa.png"
