package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"ziping/forms"
	"ziping/forms/formstest"
)

// unsavedIs fails the test unless the window's Dirty, status bar and title all say want.
func unsavedIs(t *testing.T, w *Window, step string, want bool) {
	t.Helper()
	status, title := strings.Contains(w.Status.Text, "未保存"), strings.Contains(w.Win.Title(), "*")
	if w.Dirty != want || status != want || title != want {
		t.Fatalf("%s: dirty %v, status %q, title %q; want unsaved %v", step, w.Dirty, w.Status.Text, w.Win.Title(), want)
	}
}

// typeAndDelete types a digit into e at its start and deletes it again with Backspace.
func typeAndDelete(t *testing.T, w *Window, e *fieldEntry, step string) {
	t.Helper()
	w.focus(e) // out of view too (virt.go)
	e.CursorRow, e.CursorColumn = 0, 0
	test.Type(e, "5")
	unsavedIs(t, w, step+"：输入", true)
	press(w.Win, fyne.KeyBackspace, 0)
}

// TestBackToSavedTextIsSaved: a field typed into and returned to its saved text, by Backspace
// or 撤销, leaves nothing unsaved, in the unit form and a project, before and after a save; a
// row added and removed again too. Anything else still differs.
func TestBackToSavedTextIsSaved(t *testing.T) {
	w := fileWindow(t)
	w.Open(copySample(t, t.TempDir(), "a.zpb"))
	typeAndDelete(t, w, w.Unit.Staff, "单位")
	unsavedIs(t, w, "单位：删除", false)

	w.Tabs.Select(w.Project(1).item())
	r := projectTree(w, 1).Rows[forms.RowPath{}]
	typeAndDelete(t, w, r.Reason, "项目")
	unsavedIs(t, w, "项目：删除", false)
	w.focus(r.Actual)
	test.Type(r.Actual, "9")
	unsavedIs(t, w, "项目：输入", true)
	press(w.Win, fyne.KeyZ, ctrl)
	unsavedIs(t, w, "项目：撤销输入", false)

	row := addTreeRow(t, projectTree(w, 1), 0, 0)
	unsavedIs(t, w, "添加指标", true)
	test.Tap(row.Remove) // a blank row goes without a question
	unsavedIs(t, w, "删除添加的指标", false)

	test.Type(w.Projects[1].Name, "改")
	w.Save()
	settle(w)
	unsavedIs(t, w, "保存", false)
	typeAndDelete(t, w, w.Projects[1].Name, "保存后")
	unsavedIs(t, w, "保存后：删除", false)
	test.Type(w.Projects[1].Name, "又")
	unsavedIs(t, w, "保存后：又输入", true)
}

// TestNotOnDiskStaysUnsaved: a document the file does not hold (从上年复制) stays unsaved
// when a digit is typed and deleted; a new document typed into and cleared has nothing to lose.
func TestNotOnDiskStaysUnsaved(t *testing.T) {
	w := fileWindow(t)
	if err := w.startFromLastYear(fileSample); err != nil {
		t.Fatal(err)
	}
	typeAndDelete(t, w, w.Unit.Staff, "从上年复制")
	unsavedIs(t, w, "从上年复制：删除", true)

	w.Dirty = false // no question
	w.New()
	typeAndDelete(t, w, w.Unit.Name, "新建")
	unsavedIs(t, w, "新建：删除", false)
}

// BenchmarkUnsavedAfterKeystroke is what deciding 未保存 costs a keystroke in a project of the
// largest document the limits allow: that project compared with its saved version.
func BenchmarkUnsavedAfterKeystroke(b *testing.B) {
	w := &Window{Doc: formstest.Largest()}
	w.markSaved()
	p := w.Doc.Projects[100]
	texts := [2]string{p.Name + "甲", p.Name + "乙"}
	i := 0
	for b.Loop() {
		p.Name = texts[i%2]
		w.noteChange(100)
		i++
	}
}
