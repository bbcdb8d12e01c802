#!/usr/bin/env bash
# tools/deb/build.sh ARCH BINARY VERSION OUT.deb: the Debian package of 绩效自评 for ARCH (amd64,
# arm64), built with dpkg-deb alone (no debhelper), files owned by root (--root-owner-group).
#   /usr/bin/ziping                                         the program
#   /usr/share/applications/cn.ziping.jixiao.desktop        menu entry, Chinese Name, opens .zpb
#   /usr/share/icons/hicolor/512x512/apps/cn.ziping.jixiao.png
#   /usr/share/mime/packages/cn.ziping.jixiao.xml           application/x-ziping, *.zpb
#   /usr/share/doc/ziping/copyright                         licences (assets/README.md)
# postinst and postrm refresh the desktop, MIME and icon databases when their programs exist
# (Debian's own triggers do it too; UOS and Kylin run them as well). Nothing is written outside
# these paths at run time by the package: documents, recovery copies and settings live in the
# user's home (~/.config/ziping, Fyne's preferences), which removal and purge never touch.
set -euo pipefail
arch=$1 bin=$2 version=$3 deb=$4
here=$(cd "$(dirname "$0")" && pwd)
root=$(mktemp -d) && trap 'rm -rf "$root"' EXIT && chmod 0755 "$root"
install -d "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/applications" \
	"$root/usr/share/icons/hicolor/512x512/apps" "$root/usr/share/mime/packages" "$root/usr/share/doc/ziping"
install -m 0755 "$bin" "$root/usr/bin/ziping"
install -m 0644 "$here/cn.ziping.jixiao.desktop" "$root/usr/share/applications/"
install -m 0644 "$here/cn.ziping.jixiao.xml" "$root/usr/share/mime/packages/"
install -m 0644 "$here/../../assets/icon.png" "$root/usr/share/icons/hicolor/512x512/apps/cn.ziping.jixiao.png"
{
	echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
	echo "Upstream-Name: ziping"
	echo
	echo "Files: *"
	echo "Copyright: 绩效自评 (Ziping) authors"
	echo "License: see the project's README; fonts and third-party licences below"
	echo
	sed 's/^/ /; s/^ $/ ./' "$here/../../assets/README.md"
} >"$root/usr/share/doc/ziping/copyright"
chmod 0644 "$root/usr/share/doc/ziping/copyright"
# The changelog Debian's tools expect of a native package; the date is the last commit's.
date=$(date -R -d "@$(git -C "$here" log -1 --format=%ct 2>/dev/null || date +%s)")
printf 'ziping (%s) stable; urgency=medium\n\n  * Release %s (git %s).\n\n -- 绩效自评 (Ziping) <ziping@localhost>  %s\n' \
	"$version" "$version" "$(git -C "$here" describe --tags --always --dirty 2>/dev/null || echo dev)" "$date" |
	gzip -9n >"$root/usr/share/doc/ziping/changelog.gz"
chmod 0644 "$root/usr/share/doc/ziping/changelog.gz"
for s in postinst postrm; do install -m 0755 "$here/$s" "$root/DEBIAN/$s"; done
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
# The glibc the program asks for (GLIBC_x.y of its symbols), which must be 2.28 at most (统信 UOS
# 20, 银河麒麟 V10): the Makefile links the release programs against glibc 2.31's libraries
# (tools/sysroot/build.sh), and a program linked against newer ones is refused here, never packaged.
glibc=$("$here/../sysroot/glibc-needed.sh" "$bin" "${GLIBC_MAX:-2.28}")
cat >"$root/DEBIAN/control" <<CONTROL
Package: ziping
Version: $version
Architecture: $arch
Maintainer: 绩效自评 (Ziping) <ziping@localhost>
Installed-Size: $size
Depends: libc6 (>= $glibc), libgl1, libx11-6, libxcursor1, libxrandr2, libxinerama1, libxi6, libxxf86vm1
Recommends: zenity
Section: misc
Priority: optional
Description: 预算绩效自评表的填写、计分、检查与导出
 为行政事业单位会计填写部门（单位）整体与预算项目（政策）绩效自评表：
 自动计分、检查问题，导出 PDF 和 Excel；也有命令行（ziping help）。
 Fills in, scores, checks and exports budget performance self-evaluation forms.
CONTROL
mkdir -p "$(dirname "$deb")"
dpkg-deb --build --root-owner-group -Zxz "$root" "$deb" >/dev/null
echo "$deb: $(dpkg-deb -f "$deb" Package Version Architecture | tr '\n' ' ')$(stat -c %s "$deb") bytes"
