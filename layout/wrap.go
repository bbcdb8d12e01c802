package layout

import (
	"math"

	"github.com/go-text/typesetting/segmenter"
)

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
	nb    []bool    // nb[i]: rune i continues a number (see markNumbers); nil without digits
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
	b.nb = markNumbers(runes)
	return b
}

// inNumber reports whether a break before rune i would split a number.
func (b *breaker) inNumber(i int) bool { return b.nb != nil && b.nb[i] }

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
// next line starting at nx breaks a 避头尾 rule, or leaves the 年月日 of a
// date apart from its number.
func (b *breaker) banned(ce, nx int) bool {
	return isNoStart(b.runes[nx]) || isNoEnd(b.runes[ce-1]) ||
		isDateUnit(b.runes[nx]) && isDigit(b.runes[ce-1])
}

// breakAt chooses where the line starting at s ends (s < result <= e). In
// order of preference: the last fitting UAX #14 (or CJK) opportunity, the
// last fitting grapheme boundary (both respecting 避头尾), the last fitting
// boundary even though it breaks 避头尾, and finally the first grapheme
// alone, or the first number whole. None of them is inside a number.
// A line never goes past width to keep 避头尾: a printed form's text stays
// inside its cell's borders (a cell narrower than "（一）……" breaks the rule);
// only a number wider than the line does (Cell shrinks its text first).
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
	if b.inNumber(nx) {
		return
	}
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
	i := b.nextGrapheme(s)
	for i < len(b.runes) && b.inNumber(i) {
		i = b.nextGrapheme(i)
	}
	return i
}

// Wrap breaks text into lines no wider than width (mm) at size points.
// Break opportunities follow Unicode line breaking (UAX #14); a segment wider
// than the line is broken between grapheme clusters; "\n" (and the other
// mandatory breaks) force a break. No line starts with closing punctuation
// or ends with opening punctuation (避头尾) unless no break that keeps the rule
// fits in width: then the rule yields, and no line is wider than width unless
// its single grapheme is, or it is a number (see markNumbers), which is never
// broken. A date's 年, 月 or 日 never starts a line either, when a break that
// keeps it with its number fits. Spaces at a break
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

// MinFitSize is the smallest font size (pt) a cell's text is reduced to so
// that its numbers, or a Fit cell's lines, fit the cell.
const MinFitSize float64 = 6

// fitStep is the step (pt) in which a cell's text size is reduced.
const fitStep float64 = 0.5

// fitLines wraps paras (a cell's text, or its stacked lines) to width at
// size, or at the largest smaller size, in steps of fitStep down to
// MinFitSize, at which no number, nor with fit any paragraph, is wider than
// width. The size comes from the measured widths in one step (widths grow
// with the size), checked once more after measuring at it. With stacked, an
// empty paragraph stays an empty line.
func fitLines(paras []string, width, size float64, bold, fit, stacked bool, m Measurer) (float64, []string, []float64) {
	bs := make([]*breaker, len(paras))
	for i, p := range paras {
		bs[i] = newBreaker([]rune(p))
		bs[i].measure(size, bold, m)
	}
	need := func() float64 {
		w := 0.0
		for _, b := range bs {
			w = max(w, b.widest(fit))
		}
		return w
	}
	for w := need(); w > width+eps && size > MinFitSize; w = need() {
		size = smaller(size, width/w)
		for _, b := range bs {
			b.measure(size, bold, m)
		}
	}
	var lines []string
	var widths []float64
	for _, b := range bs {
		sp := b.spans(width)
		if len(sp) == 0 && stacked {
			sp = []span{{}}
		}
		for _, s := range sp {
			lines = append(lines, string(b.runes[s.start:s.end]))
			widths = append(widths, s.w)
		}
	}
	return size, lines, widths
}

// smaller is size scaled by ratio (< 1) and rounded down to a step, at
// least one step below size and not below MinFitSize.
func smaller(size, ratio float64) float64 {
	s := math.Floor(size*ratio/fitStep) * fitStep
	if !(s < size) { // also NaN
		s = size - fitStep
	}
	return max(s, MinFitSize)
}

// widest is the width of the widest number, or with para of the widest
// paragraph (without its trailing spaces).
func (b *breaker) widest(para bool) float64 {
	w := 0.0
	if para {
		b.paragraphs(func(s, e int) { w = max(w, b.cum[e]-b.cum[s]) })
		return w
	}
	for i := 1; i < len(b.nb); i++ {
		if !b.nb[i] {
			continue
		}
		s := i - 1
		for i < len(b.nb) && b.nb[i] {
			i++
		}
		w = max(w, b.cum[i]-b.cum[s])
	}
	return w
}

// Width is the advance width (mm) of text set on one line at size points,
// spaces included.
func Width(text string, size float64, bold bool, m Measurer) float64 {
	w := 0.0
	for _, r := range text {
		w += m.Advance(r, size, bold)
	}
	return w
}
