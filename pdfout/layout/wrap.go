package layout

import "github.com/go-text/typesetting/segmenter"

// eps absorbs floating-point noise in width and height comparisons (mm).
const eps = 1e-6

// span is one output line: runes[start:end] of the input, w its width (mm).
type span struct {
	start, end int
	w          float64
}

// breaker holds the break opportunities and widths of one text.
type breaker struct {
	runes []rune
	cum   []float64 // cum[i] = width of runes[:i]
	gb    []bool    // gb[i]: grapheme boundary before rune i
	lb    []bool    // lb[i]: UAX #14 line-break opportunity before rune i
	hard  []bool    // hard[i]: mandatory break before rune i
}

func newBreaker(runes []rune) *breaker {
	n := len(runes)
	b := &breaker{runes: runes, cum: make([]float64, n+1),
		gb: make([]bool, n+1), lb: make([]bool, n+1), hard: make([]bool, n+1)}
	var seg segmenter.Segmenter
	seg.Init(runes)
	for it := seg.LineIterator(); it.Next(); {
		l := it.Line()
		end := l.Offset + len(l.Text)
		b.lb[end] = true
		b.hard[end] = l.IsMandatoryBreak
	}
	for it := seg.GraphemeIterator(); it.Next(); {
		g := it.Grapheme()
		b.gb[g.Offset+len(g.Text)] = true
	}
	b.gb[0], b.gb[n] = true, true
	return b
}

// measure fills the cumulative widths; without a Measurer they stay 0.
func (b *breaker) measure(size float64, bold bool, m Measurer) {
	if m == nil {
		return
	}
	for i, r := range b.runes {
		b.cum[i+1] = b.cum[i] + m.Advance(r, size, bold)
	}
}

// paragraphs calls fn for each hard-break-delimited paragraph [s, e), with
// the hard-break characters and trailing spaces already trimmed off.
func (b *breaker) paragraphs(fn func(s, e int)) {
	n := len(b.runes)
	for p := 0; p < n; {
		m := p + 1
		for m < n && !b.hard[m] {
			m++
		}
		e := m
		for e > p && isHardBreak(b.runes[e-1]) {
			e--
		}
		fn(p, b.trimSpaces(p, e))
		p = m
	}
}

// spans wraps the whole text to width.
func (b *breaker) spans(width float64) []span {
	var out []span
	b.paragraphs(func(s, e int) {
		if s == e {
			out = append(out, span{s, s, 0})
			return
		}
		for s < e {
			i := b.breakAt(s, e, width)
			ce := b.trimSpaces(s, i)
			out = append(out, span{s, ce, b.cum[ce] - b.cum[s]})
			s = b.skipSpaces(i, e)
		}
	})
	return out
}

func (b *breaker) trimSpaces(s, i int) int {
	for i > s && isSpace(b.runes[i-1]) {
		i--
	}
	return i
}

func (b *breaker) skipSpaces(i, e int) int {
	for i < e && isSpace(b.runes[i]) {
		i++
	}
	return i
}

func (b *breaker) nextGrapheme(i int) int {
	for i++; i < len(b.runes) && !b.gb[i]; i++ {
	}
	return i
}

// cjkBreak reports a break between two characters where one is CJK.
// UAX #14 (Unicode 14) forbids breaks on both sides of quotation marks,
// which in Chinese text would glue “…” to its neighbours; between CJK
// characters any break is fine once 避头尾 has been checked.
func (b *breaker) cjkBreak(i int) bool {
	return i > 0 && i < len(b.runes) && (isCJK(b.runes[i-1]) || isCJK(b.runes[i]))
}

// banned reports whether a break with the line content ending at ce and the
// next line starting at nx breaks a 避头尾 rule.
func (b *breaker) banned(ce, nx int) bool {
	return isNoStart(b.runes[nx]) || isNoEnd(b.runes[ce-1])
}

// breakAt chooses where the line starting at s ends (s < result <= e). In
// order of preference: the last fitting UAX #14 (or CJK) opportunity, the
// last fitting grapheme boundary (both respecting 避头尾), the last fitting
// boundary even though it breaks 避头尾, and finally the first grapheme alone.
// A line never goes past width to keep 避头尾: a printed form's text stays
// inside its cell's borders (a cell narrower than "（一）……" breaks the rule).
func (b *breaker) breakAt(s, e int, width float64) int {
	c := candidates{-1, -1, -1}
	for i := b.nextGrapheme(s); ; i = b.nextGrapheme(i) {
		i = min(i, e)
		ce, nx := b.trimSpaces(s, i), b.skipSpaces(i, e)
		if ce == s && i < e {
			continue // only leading spaces so far
		}
		if b.cum[ce]-b.cum[s] > width+eps {
			break
		}
		if nx >= e {
			return e // the rest of the paragraph fits
		}
		c.note(b, i, ce, nx)
	}
	return c.pick(b, s)
}

// candidates are the best fitting break positions seen so far, -1 if none:
// lb at a line-break opportunity, gb at any grapheme boundary (both keeping
// 避头尾), any ignoring 避头尾.
type candidates struct{ lb, gb, any int }

// note records a fitting break at i, the line content ending at ce and the
// next line starting at nx.
func (c *candidates) note(b *breaker, i, ce, nx int) {
	c.any = i
	if b.banned(ce, nx) {
		return
	}
	c.gb = i
	if b.lb[nx] || b.cjkBreak(nx) {
		c.lb = i
	}
}

func (c *candidates) pick(b *breaker, s int) int {
	switch {
	case c.lb >= 0:
		return c.lb
	case c.gb >= 0:
		return c.gb
	case c.any >= 0:
		return c.any
	}
	return b.nextGrapheme(s)
}

// Wrap breaks text into lines no wider than width (mm) at size points.
// Break opportunities follow Unicode line breaking (UAX #14); a segment wider
// than the line is broken between grapheme clusters; "\n" (and the other
// mandatory breaks) force a break. No line starts with closing punctuation
// or ends with opening punctuation (避头尾) unless no break that keeps the rule
// fits in width: then the rule yields, and no line is wider than width unless
// its single grapheme is. Spaces at a break
// and the hard-break characters are dropped; nothing else is: the lines
// with those restored reproduce the input. Invalid UTF-8 becomes U+FFFD.
// An empty text gives no lines; an empty paragraph gives an empty line.
func Wrap(text string, width, size float64, bold bool, m Measurer) []string {
	lines, _ := wrapLines(text, width, size, bold, m)
	return lines
}

// wrapLines is Wrap that also returns each line's width.
func wrapLines(text string, width, size float64, bold bool, m Measurer) ([]string, []float64) {
	runes := []rune(text)
	b := newBreaker(runes)
	b.measure(size, bold, m)
	sp := b.spans(width)
	lines := make([]string, len(sp))
	widths := make([]float64, len(sp))
	for i, s := range sp {
		lines[i] = string(runes[s.start:s.end])
		widths[i] = s.w
	}
	return lines, widths
}
