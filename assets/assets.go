// Package assets embeds the files that ship inside the Ziping binary: the
// Noto Serif SC and Noto Sans SC fonts (Regular and Bold, static TrueType with
// glyf outlines, subset to GBK plus common symbols and punctuation), their SIL
// Open Font License text, and the application icon.
//
// The serif fonts are meant for the exported PDF (table text and titles), the
// sans fonts for the user interface. Characters that are not in the subset
// have no glyph; the program must draw a placeholder instead (□ U+25A1 is in
// every font) and report them. See fonts/README.md for the source, licence
// and the recipe (fonts/subset.sh) that rebuilds the fonts, and README.md for
// how the icon was made.
package assets

import _ "embed"

// SerifRegular is Noto Serif SC Regular (weight 400), a GBK subset in
// TrueType (glyf) format, for PDF table text.
//
//go:embed fonts/NotoSerifSC-Regular.ttf
var SerifRegular []byte

// SansRegular is Noto Sans SC Regular (weight 400), a GBK subset in TrueType
// (glyf) format, for the user interface.
//
//go:embed fonts/NotoSansSC-Regular.ttf
var SansRegular []byte

// SansBold is Noto Sans SC Bold (weight 700), a GBK subset in TrueType (glyf)
// format, for bold text in the user interface. (The PDF titles are the serif
// regular face, emboldened by stroking; see pdfout.)
//
//go:embed fonts/NotoSansSC-Bold.ttf
var SansBold []byte

// Icon is the application icon: a 512x512 PNG, a red (#C8102E) rounded
// square with a white 评.
//
//go:embed icon.png
var Icon []byte

//go:embed fonts/OFL-NotoSerifSC.txt
var serifLicense []byte

//go:embed fonts/OFL-NotoSansSC.txt
var sansLicense []byte

// FontLicense is the licence text of the embedded fonts, to be shown or
// shipped with the program as the SIL Open Font License 1.1 requires. The
// two families carry different copyright notices, so it holds both licence
// files: first Noto Serif SC's, then Noto Sans SC's.
var FontLicense = []byte("==== Noto Serif SC (SerifRegular) ====\n\n" +
	string(serifLicense) +
	"\n\n==== Noto Sans SC (SansRegular, SansBold) ====\n\n" +
	string(sansLicense))
