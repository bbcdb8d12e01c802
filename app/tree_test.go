package app

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// newTreeTestWindow opens the main window on a new document with one project.
func newTreeTestWindow(t *testing.T) *Window {
	t.Helper()
	w := New(test.NewTempApp(t))
	w.AddProject()
	w.Tabs.SelectIndex(0)
	return w
}

// unitTree and projectTree are the editors the tabs show.
func unitTree(w *Window) *treeEditor           { return w.Unit.Tree }
func projectTree(w *Window, i int) *treeEditor { return w.Project(i).Tree }

// treeRetype replaces an entry's text as a user does: clear it, then type.
func treeRetype(e *fieldEntry, s string) {
	e.SetText("")
	test.Type(e, s)
}

// treeDialogTap taps the button labelled text in the dialog on top of the window; it reports
// whether there was such a dialog.
func treeDialogTap(w *Window, text string) bool {
	top := w.Win.Canvas().Overlays().Top()
	if top == nil {
		return false
	}
	for _, b := range treeButtonsIn(top) {
		if b.Text == text {
			test.Tap(b)
			return true
		}
	}
	return false
}

func treeButtonsIn(o fyne.CanvasObject) []*widget.Button {
	switch v := o.(type) {
	case *widget.Button:
		return []*widget.Button{v}
	case *fyne.Container:
		var out []*widget.Button
		for _, c := range v.Objects {
			out = append(out, treeButtonsIn(c)...)
		}
		return out
	case fyne.Widget:
		var out []*widget.Button
		for _, c := range test.WidgetRenderer(v).Objects() {
			out = append(out, treeButtonsIn(c)...)
		}
		return out
	}
	return nil
}

func addTreeRow(t *testing.T, ed *treeEditor, l1, l2 int) *rowEditor {
	t.Helper()
	test.Tap(ed.AddRow[[2]int{l1, l2}])
	n := len(ed.tree()[l1].Children[l2].Rows)
	r := ed.Rows[forms.RowPath{L1: l1, L2: l2, Row: n - 1}]
	if r == nil {
		t.Fatalf("no editor for the added row %d of (%d, %d)", n-1, l1, l2)
	}
	return r
}

func TestTreeTypingWritesDocument(t *testing.T) {
	w := newTreeTestWindow(t)
	ed := unitTree(w)
	r := addTreeRow(t, ed, 0, 0)
	test.Type(r.Content, "市级专项")
	test.Type(r.Unit, "个")
	test.Type(r.Target, "1197.19")
	test.Type(r.Completion, "100%")
	test.Type(r.Weight, "40")
	test.Type(r.Score, "38")
	r.Op.SetSelectedIndex(0)
	r.Grade.SetSelectedIndex(1)
	test.Tap(r.Reasons[0])
	test.Tap(r.Reasons[3])
	test.Type(r.Reason, "经费不足")
	test.Type(r.Measures, "加强预算")

	in := w.Doc.Unit.Indicators.Row(forms.RowPath{})
	want := forms.Indicator{Content: "市级专项", Unit: "个", Target: "1197.19", Completion: "100%", Weight: "40", Score: "38", Manual: true,
		Grade: forms.GradeMet, Reasons: forms.Reasons{Funding: true, Hardware: true}, Reason: "经费不足", Measures: "加强预算"}
	if !reflect.DeepEqual(*in, want) {
		t.Fatalf("row = %+v, want %+v", *in, want)
	}
	if got := forms.FormatScore(forms.Evaluate(w.Doc).Unit.Total); got != "38" {
		t.Errorf("unit total = %s, want 38", got)
	}
	if got := forms.FormatScore(w.Eval.Unit.Total); got != "38" || !w.Dirty {
		t.Errorf("window total = %s dirty %v, want 38 and dirty", got, w.Dirty)
	}
	r.Op.SetSelected("≥")
	if in.Op != forms.OpGE {
		t.Errorf("op = %q, want ≥", in.Op)
	}
	r.Op.SetSelected("（无）")
	if in.Op != forms.OpNone {
		t.Errorf("op = %q, want blank", in.Op)
	}
}

func TestTreeProjectFormRows(t *testing.T) {
	w := newTreeTestWindow(t)
	ed := projectTree(w, 0)
	if ed.AddLevel2 != nil || len(ed.Level2Names) != 0 {
		t.Fatal("the project skeleton must not be editable")
	}
	// A new project form starts with one row carrying the default 分值 under 数量指标.
	r := ed.Rows[forms.RowPath{}]
	if r == nil || r.Weight.Text != "13" {
		t.Fatalf("first row = %v, want an editor showing 分值 13", r)
	}
	treeRetype(r.Weight, "50")
	test.Type(r.Score, "45")
	if got := forms.FormatScore(forms.Evaluate(w.Doc).Projects[0].C); got != "45" {
		t.Errorf("C = %s, want 45", got)
	}
	if empty := ed.AddRow[[2]int{1, 2}]; empty == nil { // 生态效益指标 starts empty
		t.Fatal("no 添加指标 under 生态效益指标")
	}
	addTreeRow(t, ed, 1, 2)
	if n := len(w.Doc.Projects[0].Indicators[1].Children[2].Rows); n != 1 {
		t.Errorf("生态效益指标 has %d rows, want 1", n)
	}
}

func TestTreeMoveAndRemoveRows(t *testing.T) {
	w := newTreeTestWindow(t)
	ed := unitTree(w)
	rows := func() []string {
		var out []string
		for _, in := range w.Doc.Unit.Indicators[2].Children[1].Rows {
			out = append(out, in.Content)
		}
		return out
	}
	for _, s := range []string{"甲", "乙", "丙"} {
		test.Type(addTreeRow(t, ed, 2, 1).Content, s)
	}
	at := func(k int) *rowEditor { return ed.Rows[forms.RowPath{L1: 2, L2: 1, Row: k}] }
	if !at(0).Up.Disabled() || !at(2).Down.Disabled() || at(1).Up.Disabled() {
		t.Error("only the first row's 上移 and the last row's 下移 should be disabled")
	}

	test.Tap(at(0).Down)
	if got := rows(); got[0] != "乙" || got[1] != "甲" {
		t.Fatalf("after 下移: %v", got)
	}
	if at(1).Content.Text != "甲" || at(0).Content.Text != "乙" {
		t.Error("the editors were not rebuilt in the new order")
	}
	test.Tap(at(2).Up)
	if got := rows(); got[1] != "丙" || got[2] != "甲" {
		t.Fatalf("after 上移: %v", got)
	}

	// Removing a row that holds text asks first; 取消 keeps it.
	test.Tap(at(0).Remove)
	if !treeDialogTap(w, "取消") || len(rows()) != 3 {
		t.Fatalf("cancelled removal: %v", rows())
	}
	test.Tap(at(0).Remove)
	if !treeDialogTap(w, "删除") {
		t.Fatal("no confirmation before removing a filled row")
	}
	if got := rows(); len(got) != 2 || got[0] != "丙" {
		t.Fatalf("after removal: %v", got)
	}
	if len(ed.Rows) != 2 || at(0).Content.Text != "丙" {
		t.Errorf("editors after removal: %d rows, first %q", len(ed.Rows), at(0).Content.Text)
	}

	// A blank row goes without a question.
	addTreeRow(t, ed, 2, 1)
	test.Tap(at(2).Remove)
	if w.Win.Canvas().Overlays().Top() != nil || len(rows()) != 2 {
		t.Errorf("blank row: dialog %v, rows %v", w.Win.Canvas().Overlays().Top(), rows())
	}
}

func TestTreeSuggestedScore(t *testing.T) {
	w := newTreeTestWindow(t)
	ed := unitTree(w)
	r := addTreeRow(t, ed, 1, 0)
	in := w.Doc.Unit.Indicators.Row(forms.RowPath{L1: 1})
	r.Op.SetSelected(string(forms.OpGE))
	test.Type(r.Target, "50")
	test.Type(r.Actual, "40")
	test.Type(r.Weight, "10")
	res := func() *forms.IndicatorResult { return w.Eval.Unit.Indicators.At(forms.RowPath{L1: 1}) }

	if r.Suggestion.Text != "建议 8" || r.Score.Text != "8" || forms.FormatScore(res().Score) != "8" {
		t.Fatalf("suggestion %q, score entry %q, score %s; want 建议 8 and 8", r.Suggestion.Text, r.Score.Text, forms.FormatScore(res().Score))
	}
	if !r.Completion.Hidden || !r.CompletionShown.Visible() || r.CompletionShown.Text != "80%" {
		t.Errorf("完成程度: entry hidden %v, shown %q", r.Completion.Hidden, r.CompletionShown.Text)
	}
	if r.ManualMark.Text != "" || !r.Take.Disabled() || in.Manual {
		t.Error("the suggestion in force must not count as a manual score")
	}
	test.Type(r.Actual, "5") // 405 ≥ 50: full marks
	if r.Score.Text != "10" || in.Manual {
		t.Errorf("score entry %q after the suggestion changed, want 10", r.Score.Text)
	}
	treeRetype(r.Actual, "40")

	treeRetype(r.Score, "7")
	if !in.Manual || in.Score != "7" || forms.FormatScore(res().Score) != "7" || !res().Manual {
		t.Fatalf("typed 7: manual %v, score %q, in force %s", in.Manual, in.Score, forms.FormatScore(res().Score))
	}
	if r.ManualMark.Text != "手工调整" || r.Take.Disabled() || r.Score.Text != "7" {
		t.Errorf("typed 7: mark %q, 采用建议 disabled %v, entry %q", r.ManualMark.Text, r.Take.Disabled(), r.Score.Text)
	}

	test.Tap(r.Take)
	if in.Manual || in.Score != "8" || r.Score.Text != "8" || forms.FormatScore(res().Score) != "8" || r.ManualMark.Text != "" {
		t.Errorf("after 采用建议: manual %v, score %q, entry %q, mark %q", in.Manual, in.Score, r.Score.Text, r.ManualMark.Text)
	}

	// Without an operator the row is qualitative: no suggestion, the typed score counts.
	r.Op.SetSelected("（无）")
	if r.Suggestion.Text != "" || r.Take.Visible() || !r.Completion.Visible() {
		t.Errorf("qualitative row: suggestion %q, 采用建议 visible %v", r.Suggestion.Text, r.Take.Visible())
	}
	if r.Grade.Selected != "按得分：达成" {
		t.Errorf("derived grade shown as %q", r.Grade.Selected)
	}
}

func TestTreeProblemMarks(t *testing.T) {
	w := newTreeTestWindow(t)
	ed := unitTree(w)
	r := addTreeRow(t, ed, 3, 0)
	var scoreMark error
	r.Score.SetOnValidationChanged(func(err error) { scoreMark = err })
	test.Type(r.Target, "50")
	test.Type(r.Weight, "10")
	test.Type(r.Score, "12")
	if p, ok := problemOf(scoreMark); !ok || p.Level != forms.LevelError {
		t.Error("得分 above 分值 is not marked on the 得分 entry")
	}
	if r.opMark.StrokeWidth == 0 {
		t.Error("a numeric target without 运算符号 is not marked on the drop-down")
	}
	if r.reasonsMark.StrokeWidth != 0 {
		t.Error("reasons marked while the score is above the weight")
	}
	treeRetype(r.Score, "6")
	if r.reasonsMark.StrokeWidth == 0 {
		t.Error("a score below the weight without ticked reasons is not marked")
	}
	test.Tap(r.Reasons[4])
	if r.reasonsMark.StrokeWidth != 0 {
		t.Error("the reasons mark stays after ticking")
	}
}

func TestTreeTabOrder(t *testing.T) {
	w := newTreeTestWindow(t)
	r := addTreeRow(t, unitTree(w), 0, 0)
	c := w.Win.Canvas()
	if c.Focused() != r.Content {
		t.Fatal("添加指标 does not put the cursor into the new row")
	}
	want := []fyne.Focusable{r.Unit, r.Target, r.Actual, r.Completion, r.Weight, r.Score, r.Grade,
		r.Reasons[0], r.Reasons[1], r.Reasons[2], r.Reasons[3], r.Reasons[4], r.Reason, r.Measures}
	for i, f := range want {
		c.FocusNext()
		if c.Focused() != f {
			t.Fatalf("tab %d: focus on %T, want %T", i+1, c.Focused(), f)
		}
	}
}

func TestTreeLevel2(t *testing.T) {
	w := newTreeTestWindow(t)
	ed := unitTree(w)
	tree := func() forms.Tree { return w.Doc.Unit.Indicators }
	if len(ed.AddLevel2) != len(tree()) || ed.AddLevel2[5] != nil {
		t.Fatal("添加二级指标 wanted for every 一级 except the merged 服务对象满意度")
	}
	if ed.Level2Names[[2]int{5, 0}] != nil || ed.Level2Names[[2]int{0, 0}].Text != "重点工作履行情况" {
		t.Fatal("二级 name editors wrong")
	}

	test.Tap(ed.AddLevel2[0])
	if n := len(tree()[0].Children); n != 4 {
		t.Fatalf("履职效能 has %d 二级, want 4", n)
	}
	name := ed.Level2Names[[2]int{0, 3}]
	if name == nil || w.Win.Canvas().Focused() != name {
		t.Fatal("the new 二级 has no focused name editor")
	}
	test.Type(name, "绩效管理") // the default name is selected, so typing replaces it
	if got := tree()[0].Children[3].Name; got != "绩效管理" {
		t.Fatalf("renamed to %q", got)
	}

	test.Tap(ed.Level2Up[[2]int{0, 3}])
	if got := tree()[0].Children[2].Name; got != "绩效管理" {
		t.Fatalf("after 上移 the third 二级 is %q", got)
	}
	test.Tap(ed.Level2Down[[2]int{0, 2}])
	if got := tree()[0].Children[3].Name; got != "绩效管理" {
		t.Fatalf("after 下移 the fourth 二级 is %q", got)
	}

	test.Type(addTreeRow(t, ed, 0, 3).Content, "指标内容")
	test.Tap(ed.Level2Remove[[2]int{0, 3}])
	if !treeDialogTap(w, "删除") {
		t.Fatal("no confirmation before removing a 二级 with a filled row")
	}
	if n := len(tree()[0].Children); n != 3 || ed.Level2Names[[2]int{0, 3}] != nil {
		t.Fatalf("after removal 履职效能 has %d 二级", n)
	}

	// An empty 二级 goes without a question; the last 二级 of a 一级 cannot be removed.
	test.Tap(ed.Level2Remove[[2]int{2, 5}])
	if len(tree()[2].Children) != 5 || w.Win.Canvas().Overlays().Top() != nil {
		t.Error("empty 二级 not removed at once")
	}
	if !ed.Level2Remove[[2]int{1, 0}].Disabled() {
		t.Error("the only 二级 of 预算执行 can be removed")
	}
}
