package pdfout

import (
	"fmt"
	"strings"
	"unicode"

	"ziping/forms"
	"ziping/layout"
)

// Placeholder is drawn instead of a character the PDF cannot show: one above U+FFFF (fpdf
// addresses only the Basic Multilingual Plane), a control character, or a glyph missing from
// the embedded font.
const Placeholder = '□'

// place says where a text comes from, so a warning can name the form, row and field in words
// (form, secName, row, field) and lead the editor to the field (loc).
type place struct {
	form    string
	formIdx int
	section forms.Section
	secName string
	row     string
	field   string
	// loc is where the editor edits the text, as its binder registers it and forms' checks
	// address problems: the printed form and section, the row's RowID, Index or Path, and the
	// field key. Texts with no editor of their own point at the one the user types them in.
	loc forms.Location
}

// sanitizer replaces unprintable characters and collects one warning per field.
type sanitizer struct {
	m        layout.Measurer
	warnings []forms.Problem
}

// printable reports whether r can be drawn with the embedded fonts.
func (s *sanitizer) printable(r rune, bold bool) bool {
	switch {
	case r == '\n' || r == ' ':
		return true
	case r > 0xFFFF, r == unicode.ReplacementChar, unicode.IsControl(r), unicode.Is(unicode.Cs, r):
		return false
	}
	return s.m.Has(r, bold)
}

// dirty reports whether text holds a character clean would replace.
func (s *sanitizer) dirty(text string, bold bool) bool {
	for _, r := range strings.ReplaceAll(text, "\r\n", "\n") {
		if r != '\t' && !s.printable(r, bold) {
			return true
		}
	}
	return false
}

// clean returns text with every unprintable character replaced by Placeholder, tabs by a space
// and "\r\n" by "\n", and records a warning naming the characters and where they are.
func (s *sanitizer) clean(text string, bold bool, at place) string {
	if text == "" {
		return text
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var b strings.Builder
	var bad []string
	for _, r := range text {
		switch {
		case r == '\t':
			b.WriteRune(' ')
		case s.printable(r, bold):
			b.WriteRune(r)
		default:
			b.WriteRune(Placeholder)
			bad = append(bad, describeRune(r))
		}
	}
	if len(bad) > 0 {
		s.warn(at, bad)
	}
	return b.String()
}

func (s *sanitizer) warn(at place, bad []string) {
	seen := map[string]bool{}
	var uniq []string
	for _, d := range bad {
		if !seen[d] {
			seen[d] = true
			uniq = append(uniq, d)
		}
	}
	if len(uniq) > 5 {
		uniq = append(uniq[:5], "等")
	}
	p := forms.Problem{
		Level: forms.LevelWarning, Form: at.form, Section: at.secName, Row: at.row, Field: at.field,
		Message: fmt.Sprintf("有 %d 个字符无法打印（%s），PDF 中显示为“%c”：请改用常用字，或删除这些字符。",
			len(bad), strings.Join(uniq, "、"), Placeholder),
		Loc: at.loc,
	}
	// The title and the signature footer print the same settings on every form: one warning.
	for _, w := range s.warnings {
		if w.Loc == p.Loc && w.Message == p.Message {
			return
		}
	}
	s.warnings = append(s.warnings, p)
}

// describeRune names a character for a message: “𠮷”（U+20BB7）, or just the code for controls.
func describeRune(r rune) string {
	if unicode.IsControl(r) || unicode.Is(unicode.Cs, r) || r == unicode.ReplacementChar {
		return fmt.Sprintf("控制字符 U+%04X", r)
	}
	return fmt.Sprintf("“%c”（U+%04X）", r, r)
}
