package layout

import (
	"fmt"
	"math"
	"strings"
)

// em4 is a font size whose em is exactly 4 mm with FixedMeasurer, so that
// with Leading 1.25 a line is 5 mm and a one-line cell with 1 mm padding 7 mm.
const em4 = 4 / PtMM

// testOpts is a 110×100 mm page with 10 mm margins: body (10,10) 90×80 mm.
func testOpts() Options {
	return Options{PageW: 110, PageH: 100, Margin: Margins{10, 10, 10, 10},
		Size: em4, Leading: 1.25, Pad: 1, Measurer: FixedMeasurer{}}
}

// near compares lengths in mm.
func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

// reconstruct checks that lines are, in order, pieces of input separated
// only by dropped spaces and hard breaks, and that nothing else is missing.
func reconstruct(input string, lines []string) error {
	in := string([]rune(input)) // invalid UTF-8 becomes U+FFFD, as in Wrap
	pos := 0
	for i, l := range lines {
		k := pos
		for !strings.HasPrefix(in[k:], l) {
			r, n := firstRune(in[k:])
			if n == 0 || !(isSpace(r) || isHardBreak(r)) {
				return fmt.Errorf("line %d %q not found at byte %d (%q…)", i, l, pos, clip(in[pos:]))
			}
			k += n
		}
		pos = k + len(l)
	}
	for _, r := range in[pos:] {
		if !(isSpace(r) || isHardBreak(r)) {
			return fmt.Errorf("lost tail %q", clip(in[pos:]))
		}
	}
	return nil
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

func clip(s string) string {
	if r := []rune(s); len(r) > 20 {
		return string(r[:20])
	}
	return s
}

// texts returns the strings of the texts tagged tag, page by page.
func texts(pages []Page, tag string) []string {
	var out []string
	for _, p := range pages {
		for _, t := range p.Texts {
			if t.Tag == tag {
				out = append(out, t.Str)
			}
		}
	}
	return out
}

// boxes returns the boxes tagged tag on page p.
func boxes(p Page, tag string) []Box {
	var out []Box
	for _, b := range p.Boxes {
		if b.Tag == tag {
			out = append(out, b)
		}
	}
	return out
}

// checkInside verifies that every box lies inside the page body and every
// text inside the body and, for cell text, inside a box of its cell.
func checkInside(pages []Page, ascent float64) error {
	for _, p := range pages {
		for _, b := range p.Boxes {
			if b.Y < p.Body.Y-1e-6 || b.Y+b.H > p.Body.Y+p.Body.H+1e-6 {
				return fmt.Errorf("page %d: box %+v outside body %+v", p.Number, b, p.Body)
			}
		}
		for _, t := range p.Texts {
			if err := textInside(p, t, ascent); err != nil {
				return err
			}
		}
	}
	return nil
}

// textInside checks that a text lies in the page body and, for a cell's
// text, inside a box of the same cell; only a number set at MinFitSize may
// be wider than its cell.
func textInside(p Page, t Text, ascent float64) error {
	if t.Y < p.Body.Y || t.Y > p.Body.Y+p.Body.H {
		return fmt.Errorf("page %d: text %+v outside the body", p.Number, t)
	}
	if t.Tag == "" || strings.HasPrefix(t.Tag, "title") {
		return nil
	}
	em := t.Size * PtMM
	top, bot := t.Y-ascent*em, t.Y+(1-ascent)*em
	overflow := t.Size <= MinFitSize && isNumber(t.Str)
	for _, b := range boxes(p, t.Tag) {
		if top >= b.Y-1e-6 && bot <= b.Y+b.H+1e-6 && (overflow || t.X >= b.X-1e-6 && t.X+t.W <= b.X+b.W+1e-6) {
			return nil
		}
	}
	return fmt.Errorf("page %d: text %+v outside its boxes %+v", p.Number, t, boxes(p, t.Tag))
}
