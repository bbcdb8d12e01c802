#!/usr/bin/env bash
# subset.sh — rebuild the four embedded CJK fonts of Ziping from the npm packages.
#
# Usage:
#   assets/fonts/subset.sh SRC_DIR [OUT_DIR]
#
#   SRC_DIR  a directory holding the extracted npm tarballs of
#            @expo-google-fonts/noto-serif-sc@0.4.3 and
#            @expo-google-fonts/noto-sans-sc@0.4.3 (the script looks for
#            NotoSerifSC_400Regular.ttf,
#            NotoSansSC_400Regular.ttf and NotoSansSC_700Bold.ttf anywhere below it).
#   OUT_DIR  where to write the subset fonts; defaults to the directory of this
#            script (assets/fonts).
#
# Example (see README.md in this directory):
#   tmp=$(mktemp -d) && cd "$tmp"
#   npm pack @expo-google-fonts/noto-serif-sc@0.4.3 @expo-google-fonts/noto-sans-sc@0.4.3
#   mkdir serif sans
#   tar xzf expo-google-fonts-noto-serif-sc-0.4.3.tgz -C serif
#   tar xzf expo-google-fonts-noto-sans-sc-0.4.3.tgz -C sans
#   cd - && assets/fonts/subset.sh "$tmp"     # from the repository root, where you started
#
# What it does:
#   1. Writes unicodes.txt (into a temp dir): every BMP code point that Python's
#      'gbk' codec can encode, plus these ranges, whether or not GBK has them:
#        U+0020-007E ASCII            U+00A0-00FF Latin-1
#        U+2000-206F General Punct.   U+2100-218F Letterlike + Number Forms
#        U+2190-21FF Arrows           U+2200-22FF Math Operators (≤ ≥ √)
#        U+2460-24FF Enclosed Alnum   U+25A0-25FF Geometric Shapes (□ U+25A1)
#        U+3000-303F CJK Sym. & Punct U+FF00-FFEF Halfwidth/Fullwidth Forms
#      Code points the source font lacks are simply not in the output.
#   2. Runs fontTools.subset on each font: all OpenType layout features kept
#      (--layout-features='*'), hinting dropped (--no-hinting), the whole
#      'name' table kept (--name-IDs='*' etc., so the copyright/licence records
#      stay in the font), and the .notdef outline kept (--notdef-outline).
#      The 'head' timestamp is not changed, so the output is reproducible.
#   3. Checks each output: TrueType magic 00 01 00 00 and a list of required
#      characters in the cmap.
#
# Needs fontTools (Debian: apt-get install python3-fonttools). The Python used is
# $PYTHON, default /usr/bin/python3. Made with fontTools 4.38.0 / Python 3.11.2.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
	sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'
	exit 2
fi

src=$1
out=${2:-$(cd "$(dirname "$0")" && pwd)}
py=${PYTHON:-/usr/bin/python3}

"$py" -c 'import fontTools' 2>/dev/null || {
	echo "subset.sh: $py has no fontTools (apt-get install python3-fonttools)" >&2
	exit 1
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. The code point list, one U+XXXX per line.
"$py" - "$work/unicodes.txt" <<'EOF'
import sys

cps = set()
for c in range(0x10000):
    if 0xD800 <= c <= 0xDFFF:  # surrogates cannot be encoded
        continue
    try:
        chr(c).encode("gbk")
    except UnicodeEncodeError:
        continue
    cps.add(c)
gbk = len(cps)
ranges = [
    (0x0020, 0x007E),  # ASCII (printable)
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation
    (0x2100, 0x218F),  # Letterlike Symbols, Number Forms
    (0x2190, 0x21FF),  # Arrows
    (0x2200, 0x22FF),  # Mathematical Operators
    (0x2460, 0x24FF),  # Enclosed Alphanumerics
    (0x25A0, 0x25FF),  # Geometric Shapes (□ placeholder)
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]
for lo, hi in ranges:
    cps.update(range(lo, hi + 1))
with open(sys.argv[1], "w") as f:
    for c in sorted(cps):
        f.write("U+%04X\n" % c)
print("unicodes.txt: %d code points (%d from the gbk codec)" % (len(cps), gbk))
EOF

find_font() {
	local f
	f=$(find "$src" -name "$1" -type f | head -n 1)
	if [[ -z $f ]]; then
		echo "subset.sh: $1 not found under $src" >&2
		exit 1
	fi
	printf '%s\n' "$f"
}

# 2. Subset. Source file name -> output file name.
pairs=(
	"NotoSerifSC_400Regular.ttf NotoSerifSC-Regular.ttf"
	"NotoSansSC_400Regular.ttf NotoSansSC-Regular.ttf"
	"NotoSansSC_700Bold.ttf NotoSansSC-Bold.ttf"
)
mkdir -p "$out"
for p in "${pairs[@]}"; do
	read -r in name <<<"$p"
	file=$(find_font "$in")
	echo "subsetting $file -> $out/$name"
	"$py" -m fontTools.subset "$file" \
		--unicodes-file="$work/unicodes.txt" \
		--layout-features='*' \
		--no-hinting \
		--name-IDs='*' --name-languages='*' --name-legacy \
		--notdef-outline \
		--output-file="$out/$name"
done

# 3. Check the results.
"$py" - "$out" "${pairs[@]}" <<'EOF'
import os
import sys

from fontTools.ttLib import TTFont

need = "镕喆堃□√≤≥＝＜＞—（），。%0123456789０１２３４５６７８９"
out = sys.argv[1]
bad = False
for p in sys.argv[2:]:
    path = os.path.join(out, p.split()[1])
    with open(path, "rb") as f:
        magic = f.read(4)
    cmap = TTFont(path).getBestCmap()
    missing = [ch for ch in need if ord(ch) not in cmap]
    ok = magic == b"\x00\x01\x00\x00" and not missing
    bad |= not ok
    print("%-24s %10d bytes  magic %s  cmap %d  %s" % (
        os.path.basename(path), os.path.getsize(path), magic.hex(), len(cmap),
        "ok" if ok else "MISSING %r" % "".join(missing)))
sys.exit(1 if bad else 0)
EOF
