package layout

import (
	"math"
	"strings"
	"testing"
)

// FuzzLayout lays out a small table with fuzzed text, font size, column
// width and row span: Layout must not panic or loop, and the text of
// one-row cells must come back whole.
func FuzzLayout(f *testing.F) {
	f.Add("保障办公面积含附属设施及公共区域分摊面积", 10.5, 20.0, uint8(0))
	f.Add(strings.Repeat("好。", 200), 30.0, 5.0, uint8(2))
	f.Add("𠮷😀\n\n（（（", math.NaN(), math.Inf(1), uint8(1))
	f.Fuzz(func(t *testing.T, text string, size, col float64, span uint8) {
		if !(col >= 1 && col <= 89) {
			col = 10
		}
		rs := 1 + int(span%3)
		sec := Section{Cols: []float64{col, 90 - col}, Body: []Row{
			{Cells: []Cell{{Text: text, Size: size, RowSpan: rs, Tag: "a"}, {Text: text, Tag: "b", Stack: int(span % 4)}}},
			{Cells: cells("x1")}, {Cells: cells("x2")},
		}}
		pages, err := Layout([]Table{{Sections: []Section{sec}}}, testOpts())
		if err != nil {
			if strings.Contains(err.Error(), "too small") && size > 100 {
				return // a single line taller than the page
			}
			t.Fatal(err)
		}
		if err := reconstruct(text, texts(pages, "b")); err != nil {
			t.Fatalf("cell b: %v", err)
		}
		if rs == 1 {
			if err := reconstruct(text, texts(pages, "a")); err != nil {
				t.Fatalf("cell a: %v", err)
			}
		}
	})
}
