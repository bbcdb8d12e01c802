package app

import (
	"sync"

	"fyne.io/fyne/v2"

	"ziping/layout"
)

// Chinese line breaking for labels.
//
// Fyne 2.7's word wrapping breaks a line at its last ASCII space, so a Chinese sentence with one
// number in it ends a line early ("…低于分值⏎10，但…"), and without a space it breaks anywhere,
// before a "，" too. The PDF's line breaker (layout.Wrap: Unicode line breaking, 避头尾, numbers
// kept whole) breaks between characters as Chinese text is set; with Fyne's own glyph widths it
// gives the lines a label then shows unwrapped, and their number gives the label's height
// without laying a label out.

// runeWidths measures text as Fyne draws it, one character at a time, for layout.Wrap; the
// widths are kept (a check list has a few hundred different characters).
type runeWidths struct {
	mu    sync.Mutex
	size  float32
	style fyne.TextStyle
	adv   map[rune]float64
}

var (
	widthsMu sync.Mutex
	widthsOf = map[widthKey]*runeWidths{}
)

type widthKey struct {
	size  float32
	style fyne.TextStyle
}

// widthsFor returns the measurer of text of size in style, shared by every caller.
func widthsFor(size float32, style fyne.TextStyle) *runeWidths {
	widthsMu.Lock()
	defer widthsMu.Unlock()
	k := widthKey{size, style}
	if m := widthsOf[k]; m != nil {
		return m
	}
	m := &runeWidths{size: size, style: style, adv: map[rune]float64{}}
	widthsOf[k] = m
	return m
}

// Advance is the width of r as Fyne draws it (layout.Measurer; the size is the measurer's own).
func (m *runeWidths) Advance(r rune, _ float64, _ bool) float64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	if a, ok := m.adv[r]; ok {
		return a
	}
	a := float64(fyne.MeasureText(string(r), m.size, m.style).Width)
	m.adv[r] = a
	return a
}

// Has reports that Fyne draws every character (it falls back to the system's fonts).
func (m *runeWidths) Has(rune, bool) bool { return true }

// width is the width of s drawn on one line.
func (m *runeWidths) width(s string) float32 {
	return float32(layout.Width(s, float64(m.size), m.style.Bold, m))
}

// wrapLines breaks text into lines no wider than width as Chinese text is broken: between
// characters, never before closing punctuation nor after opening punctuation, a number never
// split; at most most lines, the last one ending in "…" when the text goes on.
func wrapLines(text string, width float32, most int, m *runeWidths) []string {
	lines := layout.Wrap(text, float64(width), float64(m.size), m.style.Bold, m)
	if most <= 0 || len(lines) <= most {
		return lines
	}
	lines = lines[:most]
	last := []rune(lines[most-1])
	for len(last) > 0 && m.width(string(last)+"…") > width {
		last = last[:len(last)-1]
	}
	lines[most-1] = string(last) + "…"
	return lines
}
