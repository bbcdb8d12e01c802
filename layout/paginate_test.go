package layout

import (
	"fmt"
	"strings"
	"testing"
)

// indicatorTable is an indicator table like the forms': an outer stacked
// label spanning the two header rows and the whole body, group labels
// spanning rowsPer rows each, and one text per body row.
func indicatorTable(groups, rowsPer int) Table {
	n := groups * rowsPer
	sec := Section{Cols: []float64{10, 15, 65}, Header: []Row{
		{Cells: []Cell{{Text: "绩效指标", RowSpan: 2 + n, Stack: 1, Tag: "outer"}, {Text: "一级", Tag: "h1"}, {Text: "内容", Tag: "h2"}}},
		{Cells: cells("h3", "h4")},
	}}
	for g := range groups {
		for i := range rowsPer {
			var row Row
			if i == 0 {
				row.Cells = append(row.Cells, Cell{Text: fmt.Sprintf("组%d", g), RowSpan: rowsPer, Tag: fmt.Sprintf("g%d", g)})
			}
			tag := fmt.Sprintf("r%d-%d", g, i)
			row.Cells = append(row.Cells, Cell{Text: tag, Tag: tag})
			sec.Body = append(sec.Body, row)
		}
	}
	return Table{Sections: []Section{sec}}
}

func layoutTables(t *testing.T, tables ...Table) []Page {
	t.Helper()
	pages, err := Layout(tables, testOpts())
	if err != nil {
		t.Fatal(err)
	}
	if err := checkInside(pages, 0.88); err != nil {
		t.Error(err)
	}
	return pages
}

// onPages lists the pages (1-based) with a box tagged tag.
func onPages(pages []Page, tag string) []int {
	var out []int
	for _, p := range pages {
		if len(boxes(p, tag)) > 0 {
			out = append(out, p.Number)
		}
	}
	return out
}

func TestRepeatedHeadersAndLabels(t *testing.T) {
	pages := layoutTables(t, indicatorTable(4, 5))
	if len(pages) != 3 { // 14 mm of header + 9 rows of 7 mm per 80 mm page
		t.Fatalf("%d pages, want 3", len(pages))
	}
	for _, p := range pages {
		for tag, y := range map[string]float64{"h1": 10, "h2": 10, "h3": 17, "h4": 17, "outer": 10} {
			if b := boxes(p, tag); len(b) != 1 || !near(b[0].Y, y) {
				t.Errorf("page %d: %s boxes %+v, want one at y=%g", p.Number, tag, b, y)
			}
		}
		if got := strings.Join(texts([]Page{p}, "outer"), ""); got != "绩效指标" {
			t.Errorf("page %d: outer label %q", p.Number, got)
		}
	}
	want := map[string]string{"g0": "[1]", "g1": "[1 2]", "g2": "[2]", "g3": "[2 3]"}
	for tag, w := range want {
		if got := fmt.Sprint(onPages(pages, tag)); got != w {
			t.Errorf("%s on pages %s, want %s", tag, got, w)
		}
		if n := len(texts(pages, tag)); n != len(w)/2 {
			t.Errorf("%s printed %d times, want once per page", tag, n)
		}
	}
	if b := boxes(pages[1], "r1-4"); len(b) != 1 || !near(b[0].Y, 24) {
		t.Errorf("first body row of page 2: %+v, want y=24", b)
	}
	for g := range 4 {
		for i := range 5 {
			if tag := fmt.Sprintf("r%d-%d", g, i); len(texts(pages, tag)) != 1 {
				t.Errorf("row %s printed %d times", tag, len(texts(pages, tag)))
			}
		}
	}
}

// TestLabelGrowsInPart: a 4-line label spanning 5 rows is cut 3+2 by the
// page break; each part's last row grows so the label is re-printed whole.
func TestLabelGrowsInPart(t *testing.T) {
	sec := Section{Cols: []float64{15, 75}}
	for r := range 13 {
		var row Row
		switch {
		case r < 8:
			row.Cells = []Cell{{}}
		case r == 8:
			row.Cells = []Cell{{Text: "数量指标", Stack: 1, RowSpan: 5, Tag: "span"}}
		}
		row.Cells = append(row.Cells, Cell{Text: fmt.Sprint(r), Tag: fmt.Sprint("r", r)})
		sec.Body = append(sec.Body, row)
	}
	pages := layoutTables(t, Table{Sections: []Section{sec}})
	tests := map[string]struct {
		page         int
		tag          string
		wantY, wantH float64
	}{
		"part 1 of the label": {0, "span", 66, 22},
		"grown row 10":        {0, "r10", 80, 8},
		"part 2 of the label": {1, "span", 10, 22},
		"row 11":              {1, "r11", 10, 7},
		"grown row 12":        {1, "r12", 17, 15},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			b := boxes(pages[tc.page], tc.tag)
			if len(b) != 1 || !near(b[0].Y, tc.wantY) || !near(b[0].H, tc.wantH) {
				t.Errorf("boxes %+v, want y=%g h=%g", b, tc.wantY, tc.wantH)
			}
		})
	}
	if got := strings.Join(texts(pages, "span"), ""); len(pages) != 2 || got != "数量指标数量指标" {
		t.Errorf("%d pages, label texts %q", len(pages), got)
	}
}

func TestPageStarts(t *testing.T) {
	filler := func(n int) Table {
		sec := Section{Cols: []float64{90}}
		for range n {
			sec.Body = append(sec.Body, Row{Cells: []Cell{{Text: "x"}}})
		}
		return Table{Sections: []Section{sec}}
	}
	withHeader := Table{Sections: []Section{{Cols: []float64{90},
		Header: []Row{{Cells: cells("hdr")}}, Body: []Row{{Cells: cells("b1")}}}}}
	titled := Table{Sections: []Section{{Title: Title{Text: "标题", Tag: "title"}, Cols: []float64{90},
		Body: []Row{{Cells: cells("b1")}}}}}
	tests := map[string]struct {
		tables []Table
		tag    string
		want   string // pages with a box or text tagged tag
	}{
		"header kept with its first body row": {[]Table{filler(10), withHeader}, "hdr", "[2]"},
		"header fits with a row":              {[]Table{filler(9), withHeader}, "hdr", "[1]"},
		"title kept with the table":           {[]Table{filler(10), titled}, "title", "[2]"},
		"title fits with a row":               {[]Table{filler(9), titled}, "title", "[1]"},
		"NewPage":                             {[]Table{filler(1), {NewPage: true, Sections: withHeader.Sections}}, "hdr", "[2]"},
		"NewPage on an empty page":            {[]Table{{NewPage: true, Sections: withHeader.Sections}}, "hdr", "[1]"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			pages := layoutTables(t, tc.tables...)
			var on []int
			for _, p := range pages {
				if len(boxes(p, tc.tag)) > 0 || len(texts([]Page{p}, tc.tag)) > 0 {
					on = append(on, p.Number)
				}
			}
			if got := fmt.Sprint(on); got != tc.want {
				t.Errorf("%s on pages %s, want %s", tc.tag, got, tc.want)
			}
		})
	}
}

// bigText is n runes of report prose without spaces, so that the lines of
// a cell concatenate back to it exactly.
func bigText(n int) string {
	unit := []rune("预算执行率达到100%，完成年度目标（市级专项）。“保障”办公面积含附属设施及公共区域分摊面积𠮷😀；")
	out := make([]rune, n)
	for i := range out {
		out[i] = unit[i%len(unit)]
	}
	return string(out)
}

func TestHugeCellSplitsAcrossPages(t *testing.T) {
	big := bigText(100000)
	sec := Section{Cols: []float64{15, 15, 60}, Body: []Row{
		{Cells: cells("pre", "前一行")},
		{Cells: []Cell{{Text: "说明", RowSpan: 2, Tag: "label"}, {Text: "指标1", Tag: "once"}, {Text: big, Align: AlignLeft, Tag: "big"}}},
		{Cells: cells("post", "后一行")},
	}}
	pages := layoutTables(t, Table{Sections: []Section{sec}})
	if got := strings.Join(texts(pages, "big"), ""); got != big {
		t.Fatalf("big cell: got %d runes back of %d", len([]rune(got)), len([]rune(big)))
	}
	bigPages := onPages(pages, "big")
	if len(bigPages) < 100 || fmt.Sprint(bigPages) != fmt.Sprint(onPages(pages, "label")) {
		t.Errorf("big on %d pages; label boxes must follow it", len(bigPages))
	}
	if n := len(texts(pages, "label")); n != len(bigPages) {
		t.Errorf("label printed %d times on %d pages", n, len(bigPages))
	}
	if n := len(texts(pages, "once")); n != 1 {
		t.Errorf("one-row cell of the split row printed %d times, want 1", n)
	}
	if b := boxes(pages[0], "big"); len(b) != 1 || !near(b[0].Y, 17) || !near(b[0].H, 73) {
		t.Errorf("first piece %+v, want it to start below row 1 and fill page 1", b)
	}
	if post := onPages(pages, "post"); len(post) != 1 || post[0] != len(pages) {
		t.Errorf("row after the split row on pages %v of %d", post, len(pages))
	}
}

func TestTallSpanningLabelContinues(t *testing.T) {
	label := bigText(300) // 3 per line in 13 mm: about 100 lines, 500 mm
	sec := Section{Cols: []float64{15, 75}, Body: []Row{
		{Cells: []Cell{{Text: label, RowSpan: 3, Tag: "label"}, {Text: "a"}}},
		{Cells: cells("b")}, {Cells: cells("c")},
	}}
	pages := layoutTables(t, Table{Sections: []Section{sec}})
	if got := strings.Join(texts(pages, "label"), ""); got != label {
		t.Errorf("label lost text: %d of %d runes", len([]rune(got)), len([]rune(label)))
	}
	if len(pages) < 6 {
		t.Errorf("%d pages", len(pages))
	}
}

func TestTallHeaderIsNotRepeated(t *testing.T) {
	tall := bigText(200) // 50 lines at 18 mm inner width: too tall to repeat
	sec := Section{Cols: []float64{20, 70}, Header: []Row{{Cells: []Cell{{Text: tall, Tag: "hdr"}, {Text: "h"}}}}}
	for i := range 30 {
		sec.Body = append(sec.Body, Row{Cells: cells(fmt.Sprint("r", i))})
	}
	pages := layoutTables(t, Table{Sections: []Section{sec}})
	if got := strings.Join(texts(pages, "hdr"), ""); got != tall {
		t.Errorf("header text not printed exactly once: %d runes", len([]rune(got)))
	}
	for i := range 30 {
		if n := len(texts(pages, fmt.Sprint("r", i))); n != 1 {
			t.Errorf("r%d printed %d times", i, n)
		}
	}
}

func BenchmarkLayout300Rows(b *testing.B) {
	sec := Section{Cols: []float64{12, 18, 60, 30, 60}, Header: []Row{{Cells: cells("一级", "二级", "三级指标", "指标值", "说明")}}}
	for i := range 300 {
		row := Row{}
		if i%10 == 0 {
			row.Cells = append(row.Cells, Cell{Text: "产出指标", Stack: 1, RowSpan: 10})
		}
		if i%5 == 0 {
			row.Cells = append(row.Cells, Cell{Text: "数量指标", Stack: 2, RowSpan: 5})
		}
		row.Cells = append(row.Cells, Cell{Text: bigText(20 + i%40), Align: AlignLeft},
			Cell{Text: "≥100%"}, Cell{Text: bigText(30 + i%50), Align: AlignLeft})
		sec.Body = append(sec.Body, row)
	}
	tables := []Table{{Sections: []Section{sec}}}
	opt := A4(FixedMeasurer{})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Layout(tables, opt); err != nil {
			b.Fatal(err)
		}
	}
}
