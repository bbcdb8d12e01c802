package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"ziping/forms"
)

// unprintable returns the problems pdfout reported for characters the PDF cannot print.
func unprintable(ps []forms.Problem) []forms.Problem {
	var out []forms.Problem
	for _, p := range ps {
		if strings.Contains(p.Message, "无法打印") {
			out = append(out, p)
		}
	}
	return out
}

// TestUnprintableWarningsReachTheirEntry: a character the PDF cannot print (𠮷, U+20BB7)
// typed into an entry gives a warning that marks that entry, and choosing the warning in the
// check list focuses that entry.
func TestUnprintableWarningsReachTheirEntry(t *testing.T) {
	w := NewForFile(test.NewTempApp(t), fileSample)
	if n := len(unprintable(w.Problems)); n != 0 {
		t.Fatalf("the sample has %d unprintable warnings", n)
	}
	cases := []struct {
		name  string
		entry func() *fieldEntry
		n     int  // warnings the text gives (the short name prints in every form's title)
		other bool // the field has an error too (not a number), which its mark shows first
	}{
		{"部门（单位）名称", func() *fieldEntry { return w.Unit.Name }, 1, false},
		{"单位 原因说明", func() *fieldEntry { return w.Unit.Tree.Rows[forms.RowPath{L1: 0, L2: 0, Row: 0}].Reason }, 1, false},
		{"单位 年初预算数", func() *fieldEntry { return w.Unit.Budget["I1"].Cells[0] }, 1, true},
		{"项目 名称", func() *fieldEntry { return w.Project(1).Name }, 1, false},
		{"项目 内容", func() *fieldEntry { return w.Project(0).Tree.Rows[forms.RowPath{L1: 1, L2: 1, Row: 0}].Content }, 1, false},
		{"单位简称", func() *fieldEntry { return w.Unit.ShortName }, 1, false},
	}
	seen := map[forms.Location]bool{}
	for _, c := range cases {
		e := c.entry()
		var mark error
		e.SetOnValidationChanged(func(err error) { mark = err })
		test.Type(e, "𠮷")
		var added []forms.Problem
		for _, p := range unprintable(w.Problems) {
			if !seen[p.Loc] {
				added = append(added, p)
			}
		}
		if len(added) != c.n {
			t.Fatalf("%s: %d new unprintable warnings, want %d: %v", c.name, len(added), c.n, added)
		}
		for _, p := range added {
			seen[p.Loc] = true
		}
		p, ok := problemOf(mark)
		if !ok || p.Loc != added[0].Loc || !c.other && p.Message != added[0].Message {
			t.Errorf("%s: entry marked with %v, want the warning at %+v", c.name, mark, added[0].Loc)
		}
		for _, p := range added {
			w.Win.Canvas().Unfocus()
			if e == w.Unit.ShortName {
				w.Unit.Settings.Close(0) // closed, as when the sample opens: GoTo opens it
			}
			w.GoTo(p.Loc)
			if got := w.Win.Canvas().Focused(); got != e {
				t.Errorf("%s: going to %q (at %+v) focuses %T %p, want the entry %p", c.name, p, p.Loc, got, got, e)
			}
		}
	}
}
