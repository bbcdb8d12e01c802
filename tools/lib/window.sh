# Sourced by the smokes that show the window under Xvfb (tools/arm64/smoke.sh,
# tools/sysroot/smoke.sh).
#
# window_shot WHO DISPLAY NAME PID LOG OUT LIMIT INTERVAL: waits until a window whose name contains
# NAME is on DISPLAY (failing when the program PID ends or after LIMIT seconds, with its LOG
# printed), then until two screenshots INTERVAL seconds apart are the same (the first frames come a
# while after the window is mapped; at most LIMIT seconds from the start), and copies the last one
# to OUT. Prints "mapped after A s, drawn after B s". WHO starts each failure message.
window_shot() {
	local who=$1 disp=$2 name=$3 pid=$4 log=$5 out=$6 limit=$7 interval=$8
	local start=$SECONDS shot prev= sum mapped
	shot=$(mktemp --suffix=.png)
	until DISPLAY=$disp xdotool search --name "$name" >/dev/null 2>&1; do
		kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "$who: the window program ended" >&2; return 1; }
		[ $((SECONDS - start)) -lt "$limit" ] || { cat "$log" >&2; echo "$who: no window after $limit s" >&2; return 1; }
		sleep 0.5
	done
	mapped=$((SECONDS - start))
	while :; do
		sleep "$interval"
		DISPLAY=$disp import -window root "$shot"
		sum=$(sha256sum <"$shot")
		[ "$sum" != "$prev" ] || break
		prev=$sum
		[ $((SECONDS - start)) -lt "$limit" ] || break
	done
	mkdir -p "$(dirname "$out")" && mv "$shot" "$out"
	echo "mapped after $mapped s, drawn after $((SECONDS - start)) s"
}
