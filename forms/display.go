package forms

import (
	"strings"
	"unicode/utf8"
)

// Deceptive reports whether r, shown as it is, could make a terminal, a window title or a file
// name say something other than its text: a control character (C0, DEL, C1: escape sequences
// can move the cursor, clear the line or recolour what follows), a bidirectional control
// (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C: they reorder what is shown, so
// "txt.exe" can read "exe.txt") or a line or paragraph separator (U+2028, U+2029). The
// text typed into a document keeps them; only what is shown of it escapes them (Shown).
func Deceptive(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	switch r {
	case 0x200e, 0x200f, 0x061c, 0x2028, 0x2029:
		return true
	}
	return false
}

// Shown is s as one line of text to show (a name in the command line's output, a window
// title, a file name offered to the user): each Deceptive character, line breaks and tabs
// included, written as \uXXXX (the form JSON and Go read back), and each byte that is not
// UTF-8 as \xNN. Anything else, Chinese and backslashes included, is unchanged, so the common
// text is shown exactly as typed.
func Shown(s string) string { return escape(s, false) }

// ShownLines is Shown for text printed as lines (a terminal's output, a message): line
// breaks and tabs stay as they are, every other Deceptive character is escaped.
func ShownLines(s string) string { return escape(s, true) }

// escape is Shown, keeping \n and \t when lines is set.
func escape(s string, lines bool) string {
	if !needsEscape(s, lines) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteString(`\x`)
			writeHex(&b, rune(s[i]), 2)
		case Deceptive(r) && !(lines && (r == '\n' || r == '\t')):
			b.WriteString(`\u`)
			writeHex(&b, r, 4)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// writeHex writes the digits last hex digits of r, upper case.
func writeHex(b *strings.Builder, r rune, digits int) {
	for shift := 4 * (digits - 1); shift >= 0; shift -= 4 {
		b.WriteByte("0123456789ABCDEF"[(r>>shift)&0xf])
	}
}

// needsEscape reports whether escape would change s; the common text is returned unchanged
// without a copy.
func needsEscape(s string, lines bool) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || Deceptive(r) && !(lines && (r == '\n' || r == '\t')) {
			return true
		}
		i += n
	}
	return false
}

// FileNameText is s made fit for a file name the program suggests (a new document's
// "2021年某单位绩效自评", an export named after a unit): the characters Windows forbids in a
// name (\ / : * ? " < > |) and every Deceptive one become "_" — a bidi override would make
// "某单位\u202Efdp.exe" look like a name ending in .pdf in every file list — and the spaces
// and dots Windows drops from a name's end are removed. Escapes (Shown) are no use in a name
// the user keeps.
func FileNameText(s string) string {
	s = strings.Map(func(r rune) rune {
		if Deceptive(r) || strings.ContainsRune(`\/:*?"<>|`, r) || r == utf8.RuneError {
			return '_'
		}
		return r
	}, strings.ToValidUTF8(s, "_"))
	return strings.TrimRight(s, " .")
}
