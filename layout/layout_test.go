package layout

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func cells(texts ...string) []Cell {
	out := make([]Cell, len(texts))
	for i, s := range texts {
		out[i] = Cell{Text: s, Tag: s}
	}
	return out
}

func layoutOne(t *testing.T, sec Section) []Page {
	t.Helper()
	pages, err := Layout([]Table{{Sections: []Section{sec}}}, testOpts())
	if err != nil {
		t.Fatal(err)
	}
	if err := checkInside(pages, 0.88); err != nil {
		t.Error(err)
	}
	return pages
}

func TestGeometry(t *testing.T) {
	long := strings.Repeat("一二三四五六七八九十", 2) + "一二" // 22 chars, 4 per line in 18 mm
	tests := map[string]struct {
		rows [][]Cell
		want map[string]Box // by tag
	}{
		"colspan and rowspan": {
			rows: [][]Cell{
				{{Text: "A", ColSpan: 2, Tag: "A"}, {Text: "B", Tag: "B"}},
				{{Text: "C", RowSpan: 2, Tag: "C"}, {Text: "D", Tag: "D"}, {Text: "E", Tag: "E"}},
				cells("F", "G"),
			},
			want: map[string]Box{
				"A": {X: 10, Y: 10, W: 50, H: 7}, "B": {X: 60, Y: 10, W: 40, H: 7},
				"C": {X: 10, Y: 17, W: 20, H: 14}, "D": {X: 30, Y: 17, W: 30, H: 7},
				"E": {X: 60, Y: 17, W: 40, H: 7}, "F": {X: 30, Y: 24, W: 30, H: 7},
				"G": {X: 60, Y: 24, W: 40, H: 7},
			},
		},
		"tall rowspan grows its last row": {
			rows: [][]Cell{
				{{Text: long, RowSpan: 2, Tag: "C"}, {Text: "D", Tag: "D"}, {Text: "E", Tag: "E"}},
				cells("F", "G"),
			},
			want: map[string]Box{
				"C": {X: 10, Y: 10, W: 20, H: 32}, "D": {X: 30, Y: 10, W: 30, H: 7},
				"F": {X: 30, Y: 17, W: 30, H: 25}, "G": {X: 60, Y: 17, W: 40, H: 25},
			},
		},
		"tallest cell sets the row": {
			rows: [][]Cell{{{Text: long, Tag: "C"}, {Text: "D", Tag: "D"}, {Text: "E", MinHeight: 9, Tag: "E"}}},
			want: map[string]Box{
				"C": {X: 10, Y: 10, W: 20, H: 32}, "D": {X: 30, Y: 10, W: 30, H: 32},
			},
		},
		"empty cells keep one line; a skipped column stays open": {
			rows: [][]Cell{{{Tag: "A"}}, {{Tag: "B", Hide: SideTop | SideLeft}, {Tag: "C", MinHeight: 12}}},
			want: map[string]Box{
				"A": {X: 10, Y: 10, W: 20, H: 7},
				"B": {X: 10, Y: 17, W: 20, H: 12, Sides: SideRight | SideBottom},
				"C": {X: 30, Y: 17, W: 30, H: 12},
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			sec := Section{Cols: []float64{20, 30, 40}}
			for _, r := range tc.rows {
				sec.Body = append(sec.Body, Row{Cells: r})
			}
			pages := layoutOne(t, sec)
			if len(pages) != 1 {
				t.Fatalf("%d pages, want 1", len(pages))
			}
			for tag, want := range tc.want {
				if want.Sides == 0 {
					want.Sides = SidesAll
				}
				want.Tag = tag
				got := boxes(pages[0], tag)
				if len(got) != 1 || !near(got[0].X, want.X) || !near(got[0].Y, want.Y) ||
					!near(got[0].W, want.W) || !near(got[0].H, want.H) || got[0].Sides != want.Sides {
					t.Errorf("box %s = %+v, want %+v", tag, got, want)
				}
			}
		})
	}
}

func TestTextPosition(t *testing.T) {
	tests := map[string]struct {
		cell  Cell
		wantX []float64
		wantY []float64 // baselines
	}{
		// box 10,10 50×17 (row height from the 3-line neighbour); one
		// line of 2 mm ("A"); baseline = line top + 0.5 + 0.88×4
		"centre middle":    {Cell{Text: "A"}, []float64{34}, []float64{20.02}},
		"left top":         {Cell{Text: "A", Align: AlignLeft, VAlign: VAlignTop}, []float64{11}, []float64{15.02}},
		"right bottom":     {Cell{Text: "A", Align: AlignRight, VAlign: VAlignBottom}, []float64{57}, []float64{25.02}},
		"padding 3":        {Cell{Text: "A", Align: AlignLeft, VAlign: VAlignTop, Pad: 3}, []float64{13}, []float64{17.02}},
		"no padding":       {Cell{Text: "A", Align: AlignRight, VAlign: VAlignTop, Pad: -1}, []float64{58}, []float64{14.02}},
		"stacked, centred": {Cell{Text: "履职效能", Stack: 2}, []float64{31, 31}, []float64{17.52, 22.52}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			c := tc.cell
			c.Tag = "x"
			sec := Section{Cols: []float64{50, 40}, Body: []Row{{Cells: []Cell{c, {Text: "一\n二\n三"}}}}}
			pages := layoutOne(t, sec)
			var xs, ys []float64
			for _, tx := range pages[0].Texts {
				if tx.Tag == "x" {
					xs, ys = append(xs, tx.X), append(ys, tx.Y)
				}
			}
			if !floatsNear(xs, tc.wantX) || !floatsNear(ys, tc.wantY) {
				t.Errorf("x %v y %v, want x %v y %v", xs, ys, tc.wantX, tc.wantY)
			}
		})
	}
}

func floatsNear(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !near(a[i], b[i]) {
			return false
		}
	}
	return true
}

func TestCellWrap(t *testing.T) {
	const s = "保障办公面积含附属设施及公共区域分摊面积"
	tests := map[string]struct {
		cell      Cell
		wantLines int
	}{
		"wrap to 4 per line":         {Cell{Text: s}, 5},
		"stack 2 per line":           {Cell{Text: "重点工作履行情况", Stack: 2}, 4},
		"stack wider than the cell":  {Cell{Text: s, Stack: 10}, 6}, // 10+10, each re-wrapped 4+4+2
		"bigger font, split":         {Cell{Text: s, Size: 2 * em4}, 10},
		"explicit breaks and blanks": {Cell{Text: "一\n\n二"}, 3},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			c := tc.cell
			c.Tag = "x"
			pages := layoutOne(t, Section{Cols: []float64{18, 72}, Body: []Row{{Cells: []Cell{c}}}})
			got := texts(pages, "x")
			if len(got) != tc.wantLines-strings.Count(c.Text, "\n\n") { // empty lines draw nothing
				t.Fatalf("%d lines %q, want %d", len(got), got, tc.wantLines)
			}
			if err := reconstruct(c.Text, got); err != nil {
				t.Error(err)
			}
			size := c.Size
			if size == 0 {
				size = em4
			}
			wantH := float64(tc.wantLines)*size*PtMM*1.25 + 2
			if b := boxes(pages[0], "x"); len(pages) == 1 && !near(b[0].H, wantH) {
				t.Errorf("height %g, want %g", b[0].H, wantH)
			}
		})
	}
}

func TestTitleAndBands(t *testing.T) {
	o := testOpts()
	o.HeaderH, o.FooterH = 5, 6
	tbl := Table{Sections: []Section{{
		Title: Title{Text: "2021年抚顺市社保中心整体绩效自评表", Size: em4 * 2, Bold: true, Gap: 2, Tag: "t"},
		Cols:  []float64{90}, Body: []Row{{Cells: cells("x")}},
	}}}
	pages, err := Layout([]Table{tbl}, o)
	if err != nil {
		t.Fatal(err)
	}
	p := pages[0]
	if p.Header != (Rect{10, 10, 90, 5}) || p.Body != (Rect{10, 15, 90, 69}) || p.Footer != (Rect{10, 84, 90, 6}) {
		t.Errorf("bands %+v %+v %+v", p.Header, p.Body, p.Footer)
	}
	title := texts(pages, "t")
	if len(title) != 2 || title[0]+title[1] != tbl.Sections[0].Title.Text {
		t.Errorf("title lines %q", title)
	}
	if tx := p.Texts[0]; !tx.Bold || !near(tx.X, 10+(90-tx.W)/2) || !near(tx.Y, 15+1+0.88*8) {
		t.Errorf("first title line %+v", tx)
	}
	if b := boxes(p, "x"); len(b) != 1 || !near(b[0].Y, 15+2*10+2) {
		t.Errorf("table box %+v, want below the two 10 mm title lines and the 2 mm gap", b)
	}
}

func TestLayoutErrors(t *testing.T) {
	body := []Row{{Cells: cells("a", "b")}}
	tests := map[string]struct {
		tables []Table
		opt    func(*Options)
	}{
		"nil measurer":         {nil, func(o *Options) { o.Measurer = nil }},
		"no body area":         {nil, func(o *Options) { o.PageH = 15 }},
		"NaN page":             {nil, func(o *Options) { o.PageW = math.NaN() }},
		"too many cells":       {[]Table{{Sections: []Section{{Cols: []float64{90}, Body: body}}}}, nil},
		"colspan too wide":     {[]Table{{Sections: []Section{{Cols: []float64{45, 45}, Body: []Row{{Cells: []Cell{{ColSpan: 3}}}}}}}}, nil},
		"rowspan past the end": {[]Table{{Sections: []Section{{Cols: []float64{45, 45}, Body: []Row{{Cells: []Cell{{RowSpan: 2}}}}}}}}, nil},
		"zero column":          {[]Table{{Sections: []Section{{Cols: []float64{90, 0}, Body: body}}}}, nil},
		"sections differ":      {[]Table{{Sections: []Section{{Cols: []float64{45, 45}}, {Cols: []float64{40, 40}}}}}, nil},
		"wider than the page":  {[]Table{{Sections: []Section{{Cols: []float64{50, 50}, Body: body}}}}, nil},
		"rows but no columns":  {[]Table{{Sections: []Section{{Body: body}}}}, nil},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			o := testOpts()
			if tc.opt != nil {
				tc.opt(&o)
			}
			if _, err := Layout(tc.tables, o); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestEmptyAndDeterministic(t *testing.T) {
	pages, err := Layout(nil, A4(FixedMeasurer{}))
	if err != nil || len(pages) != 1 || len(pages[0].Boxes) != 0 {
		t.Fatalf("empty document: %d pages, err %v", len(pages), err)
	}
	tables := []Table{indicatorTable(3, 40)}
	a, _ := Layout(tables, testOpts())
	b, _ := Layout(tables, testOpts())
	if !reflect.DeepEqual(a, b) {
		t.Error("two layouts of the same tables differ")
	}
}
