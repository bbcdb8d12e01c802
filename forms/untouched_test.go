package forms

import "testing"

func TestUntouched(t *testing.T) {
	for name, c := range map[string]struct {
		l1, l2 int
		in     Indicator
		want   bool
	}{
		"the starting row of 数量指标":          {0, 0, Indicator{Weight: "13"}, true},
		"its 分值 with spaces":                {0, 0, Indicator{Weight: " 13 "}, true},
		"a row as 添加指标 adds it":             {0, 0, Indicator{}, true},
		"a row of blanks typed":             {0, 0, Indicator{Content: "  ", Target: "\t"}, true},
		"another 分值 typed":                  {0, 0, Indicator{Weight: "12"}, false},
		"13 under 生态效益, which starts empty": {1, 2, Indicator{Weight: "13"}, false},
		"满意度's 10":                          {2, 0, Indicator{Weight: "10"}, true},
		"内容 typed":                          {0, 0, Indicator{Weight: "13", Content: "办件数量"}, false},
		"运算符号 chosen":                       {0, 0, Indicator{Weight: "13", Op: OpGE}, false},
		"a reason ticked":                   {0, 0, Indicator{Weight: "13", Reasons: Reasons{Other: true}}, false},
		"评价等级 chosen":                       {0, 0, Indicator{Weight: "13", Grade: GradeMet}, false},
		"得分 typed":                          {0, 0, Indicator{Weight: "13", Score: "13", Manual: true}, false},
		"改进措施 typed":                        {0, 0, Indicator{Weight: "13", Measures: "加强管理"}, false},
	} {
		tree := NewProjectForm().Indicators
		in := c.in
		tree[c.l1].Children[c.l2].Rows = []*Indicator{&in}
		if got := tree.Untouched(RowPath{L1: c.l1, L2: c.l2}); got != c.want {
			t.Errorf("%s: Untouched = %v, want %v", name, got, c.want)
		}
	}
	// Every starting row of a new project is untouched; the unit form's 二级 start empty, so a
	// 分值 there was typed.
	p := NewProjectForm()
	n := 0
	p.Indicators.Each(func(rp RowPath, _ *Level1, _ *Level2, _ *Indicator) {
		n++
		if !p.Indicators.Untouched(rp) {
			t.Errorf("the new project's row %v is not untouched", rp)
		}
	})
	if n != 8 {
		t.Errorf("a new project has %d starting rows, want 8", n)
	}
	u := NewUnitForm().Indicators
	u.AddRow(0, 0).Weight = "13"
	if u.Untouched(RowPath{}) {
		t.Error("a 分值 typed into the unit form counts as untouched")
	}
	if u.Untouched(RowPath{Row: 1}) || u.Untouched(RowPath{L1: 99}) {
		t.Error("a row that does not exist counts as untouched")
	}
}

// TestPlaceReplacing: rows pasted into a new project replace the starting rows of the 二级 they
// land in, named or chosen, and only there; a row typed in stays, ahead of the pasted rows.
func TestPlaceReplacing(t *testing.T) {
	p := NewProjectForm()
	tree := p.Indicators
	tree[0].Children[1].Rows[0].Content = "合格率" // 质量指标: typed in, kept
	tree.AddRow(0, 1)                           // and a blank row added to it, replaced
	rows := []TableRow{
		{In: Indicator{Content: "办件数量", Weight: "7"}, Line: 1},
		{In: Indicator{Content: "服务人次", Weight: "6"}, Line: 2},
		{Level1: "产出指标", Level2: "质量指标", In: Indicator{Content: "差错率"}, Line: 3},
	}
	notes, replaced := tree.PlaceReplacing(rows, 0, 0)
	if len(notes) != 0 || replaced != 2 {
		t.Fatalf("notes %q, %d rows replaced, want none and 2", notes, replaced)
	}
	contents := func(l1, l2 int) (out []string) {
		for _, in := range tree[l1].Children[l2].Rows {
			out = append(out, in.Content)
		}
		return out
	}
	if got := contents(0, 0); len(got) != 2 || got[0] != "办件数量" || got[1] != "服务人次" {
		t.Errorf("数量指标 holds %q, want the two pasted rows only", got)
	}
	if got := contents(0, 1); len(got) != 2 || got[0] != "合格率" || got[1] != "差错率" {
		t.Errorf("质量指标 holds %q, want the typed row, then the pasted one", got)
	}
	if got := tree[0].Children[2].Rows; len(got) != 1 || got[0].Weight != "12" {
		t.Errorf("时效指标, which received nothing, changed: %+v", got)
	}
	// A row naming 生态效益 (which starts empty) goes there, and 数量指标 keeps its row.
	q := NewProjectForm().Indicators
	if _, n := q.PlaceReplacing([]TableRow{{Level2: "生态效益", In: Indicator{Content: "x"}}}, 0, 0); n != 0 ||
		len(q[1].Children[2].Rows) != 1 || len(q[0].Children[0].Rows) != 1 {
		t.Errorf("生态效益 %+v, 数量指标 %+v, %d replaced", q[1].Children[2].Rows, q[0].Children[0].Rows, n)
	}
}

func TestTemplateRows(t *testing.T) {
	p := NewProjectForm()
	tree := p.Indicators
	tree[0].Children[1].Rows[0].Content = "合格率" // filled in: not a template row
	tree.AddRow(0, 2)                           // blank, without 分值: keeps nothing incomplete
	got := tree.TemplateRows()
	want := []RowPath{{0, 0, 0}, {0, 2, 0}, {0, 3, 0}, {1, 0, 0}, {1, 1, 0}, {1, 3, 0}, {2, 0, 0}}
	if len(got) != len(want) {
		t.Fatalf("template rows %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("template rows %v, want %v", got, want)
		}
	}
}
