package layout

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
)

// cellTexts returns the lines drawn for the cells tagged tag, page by page.
func cellTexts(pages []Page, tag string) []Text {
	var out []Text
	for _, p := range pages {
		for _, t := range p.Texts {
			if t.Tag == tag {
				out = append(out, t)
			}
		}
	}
	return out
}

// TestFitShrinks: a figure wider than its cell is set on one line at a smaller size, in steps
// of 0.5 pt and not below MinFitSize; a number in a text cell shrinks its cell the same way; a
// number too wide even at MinFitSize stays whole. The cell is 10 mm wide, 8 mm inside its
// padding; at em4 (11.34 pt) a digit is 2 mm, a CJK character 4 mm.
func TestFitShrinks(t *testing.T) {
	tests := map[string]struct {
		cell  Cell
		lines []string
		size  float64 // points; 0 means em4, unchanged
	}{
		"a figure that fits keeps its size":  {Cell{Text: "100", Fit: true}, []string{"100"}, 0},
		"a wider figure shrinks to one line": {Cell{Text: "99.79", Fit: true}, []string{"99.79"}, 9},
		"a wider percentage shrinks":         {Cell{Text: "97.89%", Fit: true}, []string{"97.89%"}, 7.5},
		"a number shrinks a text cell":       {Cell{Text: "97.89%以上"}, []string{"97.89%", "以上"}, 7.5},
		"text without numbers wraps":         {Cell{Text: "预算执行"}, []string{"预算", "执行"}, 0},
		"too wide at 6 pt: whole, overflows": {Cell{Text: "1234567890.12", Fit: true}, []string{"1234567890.12"}, MinFitSize},
		"a figure's text too wide at 6 pt wraps": {Cell{Text: "预算执行率很高的项目", Fit: true},
			[]string{"预算执", "行率很", "高的项", "目"}, MinFitSize},
		"a smaller size never grows": {Cell{Text: "99.79", Fit: true, Size: 5}, []string{"99.79"}, 5},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			c := tc.cell
			c.Tag = "x"
			pages := layoutOne(t, Section{Cols: []float64{10, 80}, Body: []Row{{Cells: []Cell{c, {Text: "y"}}}}})
			got := cellTexts(pages, "x")
			var strs []string
			for _, x := range got {
				strs = append(strs, x.Str)
			}
			if !slices.Equal(strs, tc.lines) {
				t.Fatalf("lines %q, want %q", strs, tc.lines)
			}
			want := tc.size
			if want == 0 {
				want = em4
			}
			for _, x := range got {
				if !near(x.Size, want) {
					t.Errorf("line %q at %g pt, want %g", x.Str, x.Size, want)
				}
				if x.Size < math.Min(MinFitSize, orDefault(c.Size, em4)) {
					t.Errorf("line %q at %g pt, below %g", x.Str, x.Size, MinFitSize)
				}
			}
			// The row is as tall as the lines at the size they are set at.
			lh := want * PtMM * 1.25
			if b := boxes(pages[0], "x"); !near(b[0].H, max(7, float64(len(got))*lh+2)) {
				t.Errorf("row height %g for %d lines of %g mm", b[0].H, len(got), lh)
			}
		})
	}
}

// TestNumbersNeverBreak: in cells from 3 to 40 mm wide, a figure or a number in a text is
// always drawn whole, on one line, at MinFitSize or more.
func TestNumbersNeverBreak(t *testing.T) {
	numbers := []string{"97.89%", "89.79", "99.79", "1,234,567.89", "-12.5%", "９７．８９％", "100.00%", "251.89"}
	for _, n := range numbers {
		for _, text := range []string{n, "完成" + n + "以上", "（" + n + "）"} {
			for _, fit := range []bool{true, false} {
				for w := 3.0; w <= 40; w += 0.5 {
					c := Cell{Text: text, Fit: fit, Tag: "x", Size: 10.5}
					pages, err := Layout([]Table{{Sections: []Section{{Cols: []float64{w, 90 - w},
						Body: []Row{{Cells: []Cell{c, {}}}}}}}}, testOpts())
					if err != nil {
						t.Fatal(err)
					}
					if err := checkInside(pages, 0.88); err != nil {
						t.Fatalf("%q in %g mm: %v", text, w, err)
					}
					got := cellTexts(pages, "x")
					whole := 0
					for _, x := range got {
						whole += strings.Count(x.Str, n)
						if x.Size < MinFitSize {
							t.Fatalf("%q in %g mm: %q at %g pt", text, w, x.Str, x.Size)
						}
					}
					if whole != 1 {
						t.Fatalf("%q (fit %v) in %g mm: %q lost %q whole", text, fit, w, strs(got), n)
					}
					if fit && text == n && len(got) != 1 {
						t.Fatalf("figure %q in %g mm on %d lines", n, w, len(got))
					}
				}
			}
		}
	}
}

func strs(ts []Text) []string {
	var out []string
	for _, x := range ts {
		out = append(out, x.Str)
	}
	return out
}

// totalsTable is a table like the project form's indicator section: a header row, n body rows
// and the footer rows C, D and C+D, kept with the row before them when keep is set. Every row
// is 7 mm: the 80 mm page body holds the header and 10 body rows.
func totalsTable(n int, keep bool) Table {
	sec := Section{Cols: []float64{20, 70}, Header: []Row{{Cells: cells("一级", "三级指标")}}}
	for i := range n {
		row := Row{}
		if i == 0 {
			row.Cells = append(row.Cells, Cell{Text: "产出", RowSpan: n, Tag: "label"})
		}
		row.Cells = append(row.Cells, Cell{Text: fmt.Sprint("r", i), Tag: fmt.Sprint("r", i)})
		sec.Body = append(sec.Body, row)
	}
	for _, s := range []string{"C", "D", "C+D"} {
		sec.Body = append(sec.Body, Row{Cells: []Cell{{Text: s, ColSpan: 2, Tag: s, Fit: true}}, KeepWithPrev: keep})
	}
	return Table{Sections: []Section{sec}}
}

// TestKeepWithPrev: the footer rows C, D and C+D stay on one page with the last body row before
// them. Without KeepWithPrev, 9 rows leave C alone at the foot of page 1 (the orphan of issue
// 12); with it, r8, C, D and C+D start page 2 under the repeated header.
func TestKeepWithPrev(t *testing.T) {
	tests := map[string]struct {
		rows int
		keep bool
		want map[string]string // tag → pages
	}{
		"without: C is orphaned": {9, false, map[string]string{"r7": "[1]", "r8": "[1]", "C": "[1]", "D": "[2]", "C+D": "[2]"}},
		"with: kept together":    {9, true, map[string]string{"r7": "[1]", "r8": "[2]", "C": "[2]", "D": "[2]", "C+D": "[2]"}},
		"with: all fit":          {7, true, map[string]string{"r6": "[1]", "C": "[1]", "D": "[1]", "C+D": "[1]"}},
		"with: break before r9":  {10, true, map[string]string{"r8": "[1]", "r9": "[2]", "C": "[2]", "C+D": "[2]"}},
		"with: first rows only":  {0, true, map[string]string{"C": "[1]", "D": "[1]", "C+D": "[1]"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			pages := layoutTables(t, totalsTable(tc.rows, tc.keep))
			for tag, want := range tc.want {
				if got := fmt.Sprint(onPages(pages, tag)); got != want {
					t.Errorf("%s on pages %s, want %s", tag, got, want)
				}
			}
			if tc.rows > 0 {
				last := onPages(pages, fmt.Sprint("r", tc.rows-1))
				if got := onPages(pages, "label"); got[len(got)-1] != last[0] {
					t.Errorf("the spanning label ends on page %v, its last row is on %v", got, last)
				}
			}
		})
	}
}

// TestKeepWithPrevTooTall: a run of kept rows taller than a page still breaks (on a page of its
// own), and every row is printed once.
func TestKeepWithPrevTooTall(t *testing.T) {
	sec := Section{Cols: []float64{90}, Header: []Row{{Cells: cells("hdr")}}}
	for i := range 30 {
		sec.Body = append(sec.Body, Row{Cells: cells(fmt.Sprint("k", i)), KeepWithPrev: i > 2})
	}
	pages := layoutTables(t, Table{Sections: []Section{sec}})
	for i := range 30 {
		if n := len(texts(pages, fmt.Sprint("k", i))); n != 1 {
			t.Errorf("k%d printed %d times", i, n)
		}
	}
	// k0, k1 on page 1; the run k2…k29 starts page 2, which it fills.
	if got := fmt.Sprint(onPages(pages, "k1"), onPages(pages, "k2"), onPages(pages, "k11"), onPages(pages, "k12")); got != "[1] [2] [2] [3]" {
		t.Errorf("k1, k2, k11, k12 on pages %s", got)
	}
}

// TestSameSize: figures one under the other in a SameSize group are set at the size the widest
// of them needs ("99.79" at 9 pt shrinks "10" and "86" to 9 pt too), each on one line; a
// figure outside the group, or in another group, keeps its own size; a group of figures that
// all fit keeps the cells' size.
func TestSameSize(t *testing.T) {
	cell := func(text, tag, group string) Cell {
		return Cell{Text: text, Fit: true, Tag: tag, SameSize: group}
	}
	rows := []Row{
		{Cells: []Cell{cell("86", "c", "totals"), cell("10", "alone", "")}},
		{Cells: []Cell{cell("10", "d", "totals"), cell("12", "other", "two")}},
		{Cells: []Cell{cell("99.79", "total", "totals"), cell("13", "other", "two")}},
	}
	pages := layoutOne(t, Section{Cols: []float64{10, 10, 70}, Body: rows})
	for tag, want := range map[string]float64{"c": 9, "d": 9, "total": 9, "alone": em4, "other": em4} {
		got := cellTexts(pages, tag)
		if len(got) == 0 {
			t.Fatalf("%s: nothing drawn", tag)
		}
		for _, x := range got {
			if !near(x.Size, want) {
				t.Errorf("%s: %q at %g pt, want %g", tag, x.Str, x.Size, want)
			}
		}
	}
	// The rows of the group are as tall as lines at the shared size.
	lh := 9 * PtMM * 1.25
	for _, tag := range []string{"c", "d"} {
		if b := boxes(pages[0], tag); !near(b[0].H, max(7, lh+2)) {
			t.Errorf("%s: row height %g, want %g", tag, b[0].H, max(7, lh+2))
		}
	}
}
