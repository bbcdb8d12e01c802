#!/usr/bin/env bash
# tools/deb/test.sh DEB...: installs each package on this machine with dpkg -i (as root), checks it,
# and purges it again: `ziping version` runs (an arm64 package under qemu-aarch64), the installed
# desktop file validates, the .zpb type is registered, a document in $HOME survives the purge, and
# nothing of the package is left. Then lintian's findings are printed (they do not fail).
set -euo pipefail
cd "$(dirname "$0")/../.."
SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
for tool in dpkg desktop-file-validate update-mime-database lintian; do
	command -v "$tool" >/dev/null || { echo "deb test: $tool is missing (make deb installs it)" >&2; exit 1; }
done
if dpkg-query -W -f='${Status}' ziping 2>/dev/null | grep -q 'ok installed'; then
	echo "deb test: a package ziping is installed already; remove it first (dpkg --purge ziping)" >&2; exit 1
fi
home_doc=$(mktemp -d "$HOME/ziping-deb-test.XXXXXX")
trap '$SUDO dpkg --purge ziping >/dev/null 2>&1 || true; rm -rf "$home_doc"' EXIT
cp samples/fushun-shebao-2021.zpb "$home_doc/我的自评.zpb"
sum=$(sha256sum <"$home_doc/我的自评.zpb")
for deb in "$@"; do
	arch=$(dpkg-deb -f "$deb" Architecture)
	$SUDO dpkg -i "$deb" >/dev/null
	run=/usr/bin/ziping; [ "$arch" = "$(dpkg --print-architecture)" ] || run="qemu-aarch64 /usr/bin/ziping"
	echo "deb test $arch: $($run version)"
	# The installed program reads the user's document in place and exports beside it.
	$run check "$home_doc/我的自评.zpb" >/dev/null || [ $? = 1 ]
	$run export --force -o "$home_doc/我的自评.pdf" "$home_doc/我的自评.zpb" >/dev/null
	desktop-file-validate /usr/share/applications/cn.ziping.jixiao.desktop
	grep -q 'application/x-ziping:\*\.zpb' /usr/share/mime/globs2 || { echo "deb test: .zpb is not in the MIME database" >&2; exit 1; }
	if command -v update-desktop-database >/dev/null; then
		grep -q 'application/x-ziping=cn.ziping.jixiao.desktop' /usr/share/applications/mimeinfo.cache || {
			echo "deb test: .zpb is not associated with the desktop entry" >&2; exit 1; }
	fi
	# Nothing root-only at run time: every installed file is readable by everyone.
	bad=$(dpkg -L ziping | while read -r f; do [ -d "$f" ] || [ -r "$f" ] && [ "$(stat -c %a "$f" | cut -c3)" -ge 4 ] || echo "$f"; done)
	[ -z "$bad" ] || { echo "deb test: not readable by users: $bad" >&2; exit 1; }
	files=$(dpkg -L ziping | grep -v '^/\.$')
	$SUDO dpkg --purge ziping >/dev/null
	for f in $files; do
		[ -d "$f" ] || [ ! -e "$f" ] || { echo "deb test: $f left after purge" >&2; exit 1; }
	done
	[ "$(sha256sum <"$home_doc/我的自评.zpb")" = "$sum" ] && [ -s "$home_doc/我的自评.pdf" ] || {
		echo "deb test: the document in \$HOME changed or went with the purge" >&2; exit 1; }
	! grep -q 'application/x-ziping' /usr/share/mime/globs2 || { echo "deb test: .zpb still registered after purge" >&2; exit 1; }
	echo "deb test $arch: installed, ran, validated, purged; the document in \$HOME is unchanged"
done
for deb in "$@"; do
	echo "lintian $deb:"
	lintian --tag-display-limit 0 "$deb" 2>&1 | sed 's/^/  /' || true
done
