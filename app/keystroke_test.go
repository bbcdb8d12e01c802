package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"ziping/forms"
	"ziping/storage"
)

// manyProjects is the sample with its projects repeated until there are n.
func manyProjects(tb testing.TB, n int) *forms.Document {
	tb.Helper()
	doc, err := storage.Load(fileSample)
	if err != nil {
		tb.Fatal(err)
	}
	base := doc.Projects
	doc.Projects = nil
	for i := range n {
		data, _ := forms.Marshal(&forms.Document{Settings: doc.Settings, Unit: doc.Unit, Projects: base[i%len(base) : i%len(base)+1]})
		one, err := forms.Unmarshal(data)
		if err != nil {
			tb.Fatal(err)
		}
		doc.Projects = append(doc.Projects, one.Projects[0])
	}
	return doc
}

// openMany opens a window on a saved copy of manyProjects(n) with the first project's tab built.
func openMany(tb testing.TB, n int) (*Window, *projectTab) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), fmt.Sprintf("%d个项目.zpb", n))
	data, err := forms.Marshal(manyProjects(tb, n))
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	w := NewForFile(test.NewTempApp(tb), path)
	p := w.Project(0)
	w.Tabs.Select(p.item())
	return w, p
}

// BenchmarkKeystroke is the work of one key typed into a field of the first project (the 内容
// of its first indicator row): the
// document re-evaluated and checked, and the editors, marks, status bar and title updated.
func BenchmarkKeystroke(b *testing.B) {
	for _, n := range []int{1, 60, 200} {
		b.Run(fmt.Sprintf("projects=%d", n), func(b *testing.B) {
			_, p := openMany(b, n)
			r := p.Tree.Rows[forms.RowPath{}]
			if r == nil {
				b.Fatal("no editor of the first indicator row")
			}
			e := r.Content
			texts := [2]string{e.Text + "甲", e.Text}
			i := 0
			for b.Loop() {
				e.SetText(texts[i%2])
				i++
			}
		})
	}
}

// TestManyProjectsKeepTheWindowSize: with 200 projects, long names and the check tab open, the
// window's content asks for no more room than a 1280×820 window has: the status bar, the
// score table and the problem list do not grow with the document.
func TestManyProjectsKeepTheWindowSize(t *testing.T) {
	w, _ := openMany(t, 200)
	long := strings.Repeat("抚顺市社会保险事业服务中心养老保险经办业务", 10)
	w.Doc.Projects[7].Name = long
	w.Doc.Unit.Name = long
	w.changed()
	w.Win.Resize(fyne.NewSize(1280, 820))
	for _, tab := range []*container.TabItem{w.Unit.item(), w.Project(7).item(), w.Checks.item()} {
		w.Tabs.Select(tab)
		if min := w.Win.Content().MinSize(); min.Width > 1280 || min.Height > 820 {
			t.Errorf("tab %q asks for %v", tab.Text, min)
		}
	}
	if n := len([]rune(w.Status.Text)); n > 120 || !strings.Contains(w.Status.Text, "项目 200 个") {
		t.Errorf("status bar of %d characters: %q", n, w.Status.Text)
	}
	if len(w.Checks.rows) != 201 || len(w.Checks.texts) != len(w.Problems) {
		t.Errorf("check tab shows %d forms and %d problems", len(w.Checks.rows), len(w.Checks.texts))
	}
}
