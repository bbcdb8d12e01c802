#!/usr/bin/env bash
# Odd paths and oversized documents, tried from a shell as a tester would:
#   - an export or 部门汇总 through a symbolic link to a document (also a dangling link and a link
#     to a link) is refused and the document and the link stay as they were;
#   - a named pipe as the document, or as the export's target, is answered within 1 s;
#   - a 4 MB document with 10⁶ empty indicator rows is refused (or checked) within 10 s and 1 GB,
#     as /usr/bin/time -v measures them;
#   - a file check cannot read is not reported as checked, and no Fyne locale warning is printed.
#
# Usage: tools/oddpaths_test.sh ZIPING SAMPLE.zpb   (TestOddPathsScript runs it; exit 0 when all hold)
set -u
bin=$1 sample=$2
command -v /usr/bin/time >/dev/null || { echo "FAIL: /usr/bin/time is missing (Debian package time: make test-deps)"; exit 1; }
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export LANG=C.UTF-8
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }

# run CMD...: runs ziping in $t with stdout and stderr in $t/out and $t/err; sets rc and ms (the
# elapsed wall-clock milliseconds). A run still going after 10 s is killed (rc 124).
run() {
	local start=${EPOCHREALTIME/[.,]/}
	(cd "$t" && timeout 10 "$bin" "$@" >out 2>err)
	rc=$?
	ms=$(((${EPOCHREALTIME/[.,]/} - start) / 1000))
}

cp "$sample" "$t/A.zpb"
cp "$sample" "$t/B.zpb"
ln -s B.zpb "$t/report.pdf"
ln -s C.zpb "$t/dangling.pdf"
ln -s report.pdf "$t/mid.pdf"
ln -s mid.pdf "$t/chain.xlsx"

# 1. Exports through links to a document.
for args in "export -o report.pdf A.zpb" "export -o dangling.pdf A.zpb" "export -o chain.xlsx A.zpb" \
	"export --xlsx -o chain.xlsx A.zpb" "summary A.zpb -o report.pdf" "summary A.zpb -o chain.xlsx"; do
	# shellcheck disable=SC2086 # the arguments are words
	run $args
	if [ "$rc" = 2 ] && grep -q '是指向绩效自评文档' "$t/err" && cmp -s "$sample" "$t/B.zpb"; then
		ok "ziping $args refused: $(head -n 1 "$t/err")"
	else
		fail "ziping $args: exit $rc, B.zpb $(cmp -s "$sample" "$t/B.zpb" && echo unchanged || echo CHANGED): $(cat "$t/err")"
	fi
done
for l in report.pdf dangling.pdf mid.pdf chain.xlsx; do
	[ -L "$t/$l" ] || fail "$l is no longer a symbolic link"
done
[ ! -e "$t/C.zpb" ] && [ ! -L "$t/C.zpb" ] || fail "the dangling link's target C.zpb was created"

# 2. Named pipes, as the document and as the target: answered within 1 s, the pipe left a pipe.
mkfifo "$t/p.zpb" "$t/pipe.pdf"
for args in "check p.zpb" "check --json p.zpb" "export p.zpb" "export -o x.xlsx p.zpb" "summary p.zpb -o s.pdf" \
	"export -o pipe.pdf A.zpb"; do
	# shellcheck disable=SC2086
	run $args
	if [ "$rc" = 2 ] && [ "$ms" -lt 1000 ] && grep -q '命名管道（FIFO），不是普通文件' "$t/err"; then
		ok "ziping $args answered in $ms ms: $(head -n 1 "$t/err")"
	else
		fail "ziping $args: exit $rc after $ms ms: $(cat "$t/err")"
	fi
done
[ -p "$t/p.zpb" ] && [ -p "$t/pipe.pdf" ] || fail "a pipe was replaced"

# 3. 10⁶ empty rows: 5,000 一级 of one 二级 of 200 rows each (within the old per-二级 limit) before
# the unit form's own: 4 MB.
rows=$(printf '{}, %.0s' {1..199})'{}'
content=$(cat "$sample")
{
	printf '%s"indicators": [\n' "${content%%'"indicators": ['*}"
	yes "{\"name\": \"一级\", \"children\": [{\"name\": \"二级\", \"rows\": [$rows]}]}," | head -n 5000
	printf '%s\n' "${content#*'"indicators": ['}"
} >"$t/million.zpb"
size=$(stat -c %s "$t/million.zpb")
for args in "check million.zpb" "export million.zpb" "export -o m.xlsx million.zpb"; do
	# shellcheck disable=SC2086
	(cd "$t" && timeout 60 /usr/bin/time -v -o time.txt "$bin" $args >out 2>err)
	rc=$?
	rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$t/time.txt")
	secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$t/time.txt")
	if [[ $rc =~ ^[012]$ ]] && awk -v s="$secs" 'BEGIN {exit !(s <= 10)}' && [ "$rss" -le 1048576 ] && ! grep -q goroutine "$t/err"; then
		ok "ziping $args ($size bytes): exit $rc in $secs s, max RSS $((rss / 1024)) MB: $(head -n 1 "$t/err")"
	else
		fail "ziping $args ($size bytes): exit $rc in $secs s, max RSS $rss KB: $(head -c 300 "$t/err")"
	fi
done

# 4. A file that cannot be read is not reported as checked.
mkdir "$t/folder.zpb"
run check folder.zpb
if [ "$rc" = 2 ] && [ ! -s "$t/out" ] && grep -q '无法打开' "$t/err"; then
	ok "check on a folder: exit 2, nothing on stdout: $(cat "$t/err")"
else
	fail "check on a folder: exit $rc, stdout $(cat "$t/out")"
fi

# 5. No locale warning from Fyne, whatever the C locale is called.
for l in C C.UTF-8 C.utf8 POSIX; do
	n=$(cd "$t" && LC_ALL= LC_MESSAGES= LANGUAGE= LANG=$l "$bin" check A.zpb 2>&1 >/dev/null | grep -c Fyne)
	[ "$n" = 0 ] && ok "LANG=$l: no Fyne warning" || fail "LANG=$l: $n lines from Fyne on stderr"
done

[ "$fails" = 0 ] && { echo "all odd paths handled"; exit 0; }
echo "$fails failed"
exit 1
