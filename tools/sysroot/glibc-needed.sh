#!/usr/bin/env bash
# tools/sysroot/glibc-needed.sh PROGRAM [MAX]: prints the newest glibc symbol version PROGRAM asks
# for (GLIBC_x.y among its undefined dynamic symbols, read with readelf, so for any architecture);
# with MAX, fails when that is newer than MAX and names the symbols that ask for more.
set -euo pipefail
prog=${1:?PROGRAM} max=${2:-}
# "sym@GLIBC_2.34" → "2.34 sym"
syms=$(readelf -W --dyn-syms "$prog" | awk '$7 == "UND"' | grep -o '[^ ]*@GLIBC_[0-9][0-9.]*' |
	sed 's/^\(.*\)@GLIBC_\(.*\)$/\2 \1/' | sort -u)
[ -n "$syms" ] || { echo "glibc-needed: $prog asks for no glibc symbol version (not a dynamically linked program?)" >&2; exit 1; }
newer() { [ "$1" != "$2" ] && [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | tail -n 1)" = "$1" ]; }
newest=$(cut -d' ' -f1 <<<"$syms" | sort -uV | tail -n 1)
echo "$newest"
if [ -n "$max" ] && newer "$newest" "$max"; then
	echo "glibc-needed: $prog needs glibc $newest, newer than $max, for:" >&2
	while read -r v s; do
		if newer "$v" "$max"; then echo "  $s (GLIBC_$v)" >&2; fi
	done <<<"$syms"
	exit 1
fi
