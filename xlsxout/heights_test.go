package xlsxout

import (
	"strings"
	"testing"

	"ziping/forms"
	"ziping/layout"
	"ziping/tables"
)

// TestLineCountAsWrap: lineCount, which skips the line breaker for a line that fits, and
// lineCounter, which remembers, count the lines layout.Wrap makes of every text of the stress document's sheets, at the widths of
// their cells and narrower and wider, and of texts with other mandatory breaks or only spaces.
func TestLineCountAsWrap(t *testing.T) {
	doc := stressDoc(t, forms.NegativeRatio)
	texts := []string{"a\u2028b", "甲\r乙", "   ", "", "1234567890123", "（一）\u3000", "x\u000b"}
	for _, tb := range tables.Forms(doc, forms.Evaluate(doc)) {
		for _, b := range tb.Bands {
			for _, r := range b.Rows {
				for _, c := range r.Cells {
					if c.Text != "" {
						texts = append(texts, c.Text)
					}
				}
			}
		}
	}
	m := fontMeasurer()
	wrapped := func(text string, width, size float64) int {
		n := 0
		for _, l := range strings.Split(text, "\n") {
			n += max(len(layout.Wrap(l, max(width*slack-2*padMM, 1), size, false, m)), 1)
		}
		return n
	}
	checked, lc := 0, lineCounter{}
	for _, text := range texts {
		for _, width := range []float64{3, 8, 15, 25, 40, 80, 180} {
			if text == "" {
				continue
			}
			checked++
			want := wrapped(text, width, bodySize)
			if got := lineCount(text, width, bodySize); got != want {
				t.Fatalf("%q at %v mm: %d lines, layout.Wrap makes %d", text, width, got, want)
			}
			for range 2 { // counted, then remembered
				if got := lc.count(text, width, bodySize); got != want {
					t.Fatalf("%q at %v mm: lineCounter says %d lines, layout.Wrap makes %d", text, width, got, want)
				}
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d texts checked", checked)
	}
}
