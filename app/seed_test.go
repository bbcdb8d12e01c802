package app

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
	"ziping/storage"
)

const samplePath = "../samples/fushun-shebao-2021.zpb"

// retype replaces an entry's text the way a user does: select all, then type.
func retype(e *fieldEntry, s string) {
	e.SetText("")
	test.Type(e, s)
}

func typeAmounts(r *amountRow, v string) {
	for _, e := range r.Cells {
		test.Type(e, v)
	}
}

// TestTypeTheSeed types the whole published seed into a new document through the editors and
// checks that the document equals the sample file and shows the published totals.
func TestTypeTheSeed(t *testing.T) {
	a := test.NewTempApp(t)
	w := New(a)
	u := w.Unit
	retype(u.Year, "2021")
	test.Type(u.ShortName, "抚顺市社保中心")
	test.Type(u.Name, "抚顺市社会保险事业服务中心")
	test.Type(u.Staff, "208")
	test.Type(u.Subunits, "11")
	for id, v := range map[string]string{"I1": "4211.39", "E1": "3014.2", "E1.1": "2679", "E1.2": "244", "E1.3": "91", "E2.1": "1197.19"} {
		typeAmounts(u.Budget[id], v)
	}
	test.Type(u.Tasks.Rows[0].Project, "市级专项")
	typeAmounts(u.Tasks.Rows[0].amountRow, "1197.19")
	test.Tap(u.Tasks.Add)
	test.Type(u.Goals.Rows[0].Target, "市级专项")
	test.Type(u.Goals.Rows[0].Result, "全部完成")
	for _, s := range []struct {
		l1, l2 int
		w, s   string
	}{{0, 0, "40", "38"}, {1, 0, "10", "10"}, {2, 0, "10", "10"}, {3, 0, "10", "9"}, {4, 0, "20", "20"}, {6, 0, "10", "10"}} {
		test.Tap(u.Tree.AddRow[[2]int{s.l1, s.l2}])
		r := w.Unit.Tree.Rows[forms.RowPath{L1: s.l1, L2: s.l2}]
		test.Type(r.Content, "市级专项")
		test.Type(r.Unit, "个")
		test.Type(r.Target, "1197.19")
		test.Type(r.Completion, "100%")
		test.Type(r.Weight, s.w)
		test.Type(r.Score, s.s)
	}
	sample, err := storage.Load(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	for _, sp := range sample.Projects {
		typeProject(t, w, sp)
	}
	got, _ := forms.Marshal(w.Doc)
	want, _ := forms.Marshal(sample)
	if !bytes.Equal(got, want) {
		t.Errorf("typed document differs from the sample:\n%s", firstDiff(string(got), string(want)))
	}
	ev := forms.Evaluate(w.Doc)
	var totals []string
	totals = append(totals, forms.FormatScore(ev.Unit.Total))
	for _, p := range ev.Projects {
		totals = append(totals, forms.FormatScore(p.Total))
	}
	if strings.Join(totals, " ") != "97 96 95 95 96" {
		t.Errorf("totals %v", totals)
	}
	for _, want := range []string{"单位总评价得分 97（优）", "项目 4 个，最低 项目 2「社会保障行政运行费」 95（优）", "错误 0"} {
		if !strings.Contains(w.Status.Text, want) {
			t.Errorf("status %q lacks %q", w.Status.Text, want)
		}
	}
	if !w.Dirty || !strings.HasSuffix(w.Win.Title(), "* - 绩效自评") {
		t.Errorf("dirty %v, title %q", w.Dirty, w.Win.Title())
	}
}

// typeProject adds a project and types sp into it through its tab.
func typeProject(t *testing.T, w *Window, sp *forms.ProjectForm) {
	p := w.AddProject()
	test.Type(p.Name, sp.Name)
	test.Type(p.Period, sp.Period)
	for _, id := range []string{"T", "S1"} {
		typeAmounts(p.Funds[id], sp.FundRow(id).Full)
	}
	test.Type(p.Goals.Rows[0].Target, sp.Goals[0].Target)
	test.Type(p.Goals.Rows[0].Result, sp.Goals[0].Result)
	p = w.Project(len(w.Projects) - 1) // the tab may have been rebuilt
	for i, l1 := range sp.Indicators {
		for j, l2 := range l1.Children {
			path := forms.RowPath{L1: i, L2: j}
			r := p.Tree.Rows[path]
			if len(l2.Rows) == 0 {
				if r != nil { // a default row the seed does not have
					test.Tap(r.Remove)
					confirmDialog(w)
				}
				continue
			}
			if r == nil {
				test.Tap(p.Tree.AddRow[[2]int{i, j}])
				r = p.Tree.Rows[path]
			}
			in := l2.Rows[0]
			test.Type(r.Content, in.Content)
			test.Type(r.Target, in.Target)
			test.Type(r.Actual, in.Actual)
			retype(r.Weight, in.Weight)
			test.Type(r.Score, in.Score)
		}
	}
}

// confirmDialog taps the confirm button of a dialog on top of the window, if there is one.
func confirmDialog(w *Window) {
	top := w.Win.Canvas().Overlays().Top()
	if top == nil {
		return
	}
	for _, b := range buttonsIn(top) {
		if b.Importance == widget.HighImportance {
			test.Tap(b)
			return
		}
	}
}

func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return "line " + strconv.Itoa(i+1) + ": got " + la[i] + " want " + lb[i]
		}
	}
	return "different lengths"
}

// buttonsIn returns every button in the object tree under o.
func buttonsIn(o fyne.CanvasObject) []*widget.Button {
	var out []*widget.Button
	switch v := o.(type) {
	case *widget.Button:
		return []*widget.Button{v}
	case *fyne.Container:
		for _, c := range v.Objects {
			out = append(out, buttonsIn(c)...)
		}
	case fyne.Widget:
		r := test.WidgetRenderer(v)
		for _, c := range r.Objects() {
			out = append(out, buttonsIn(c)...)
		}
	}
	return out
}
