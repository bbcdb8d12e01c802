package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// useRecoveryDir points recovery copies at a temporary folder for one test.
func useRecoveryDir(t *testing.T) string {
	dir := filepath.Join(t.TempDir(), "recovery")
	old := recoveryDir
	recoveryDir = func() string { return dir }
	t.Cleanup(func() { recoveryDir = old })
	return dir
}

func copies(t *testing.T, dir string) []string {
	m, _ := filepath.Glob(filepath.Join(dir, "*"+forms.FileExt))
	return m
}

// answerRecovery taps 恢复 or 丢弃 on the recovery question.
func answerRecovery(t *testing.T, w *Window, restore bool) {
	t.Helper()
	d, ok := w.recoveryDialog.(*dialog.ConfirmDialog)
	if !ok || d == nil {
		t.Fatal("no recovery question shown")
	}
	want := "丢弃"
	if restore {
		want = "恢复"
	}
	for _, b := range buttonsIn(w.Win.Canvas().Overlays().Top()) {
		if b.Text == want {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no %s button", want)
}

// TestRecoveryOfAFile: unsaved edits survive a crash: the copy is offered at the next start,
// with the file, the time and what differs, and restoring it brings the edits back unsaved.
func TestRecoveryOfAFile(t *testing.T) {
	dir := useRecoveryDir(t)
	path := filepath.Join(t.TempDir(), "doc.zpb")
	data, _ := os.ReadFile(samplePath)
	os.WriteFile(path, data, 0o644)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(path, old, old)

	a := test.NewTempApp(t)
	w := NewForFile(a, path)
	w.autosave()
	if len(copies(t, dir)) != 0 {
		t.Fatal("a clean document was copied")
	}
	retype(w.Unit.Name, "改过的单位名称")
	retype(w.Unit.Tree.Rows[forms.RowPath{}].Score, "30")
	w.autosave()
	if len(copies(t, dir)) != 1 {
		t.Fatalf("copies %v", copies(t, dir))
	}
	// "Crash": a new window starts without the first one having saved or closed.
	w2 := NewForFile(test.NewTempApp(t), path)
	if w2.recoveryDialog == nil {
		t.Fatal("no recovery offered")
	}
	content := recoveryDiff(pendingRecoveries()[0])
	for _, want := range []string{"单位总评价得分 97 → 89", "处内容不同"} {
		if !strings.Contains(content, want) {
			t.Errorf("summary %q lacks %q", content, want)
		}
	}
	answerRecovery(t, w2, true)
	if w2.Doc.Unit.Name != "改过的单位名称" || !w2.Dirty || w2.Path != path {
		t.Fatalf("restored %q dirty %v path %q", w2.Doc.Unit.Name, w2.Dirty, w2.Path)
	}
	// A clean save removes the copy; the file on disk was untouched until then.
	if back, _ := forms.Load(path); back.Unit.Name != "抚顺市社会保险事业服务中心" {
		t.Fatal("the file was changed by the recovery")
	}
	w2.Save()
	if len(copies(t, dir)) != 0 {
		t.Fatalf("copy left after save: %v", copies(t, dir))
	}
}

// TestRecoveryOfUntitled: an untitled document is recovered too; discarding deletes the copy.
func TestRecoveryOfUntitled(t *testing.T) {
	dir := useRecoveryDir(t)
	w := New(test.NewTempApp(t))
	test.Type(w.Unit.Name, "新单位")
	w.autosave()
	w2 := New(test.NewTempApp(t))
	answerRecovery(t, w2, false)
	if w2.Doc.Unit.Name != "" || len(copies(t, dir)) != 0 {
		t.Fatalf("discard kept the copy or restored: %q %v", w2.Doc.Unit.Name, copies(t, dir))
	}
	// Restore path, then closing without saving (discard) removes the copy.
	test.Type(w.Unit.Name, "再改")
	w.autosave()
	w3 := New(test.NewTempApp(t))
	answerRecovery(t, w3, true)
	if w3.Doc.Unit.Name != "新单位再改" || w3.Path != "" {
		t.Fatalf("restored %q", w3.Doc.Unit.Name)
	}
	w3.clearRecovery()
	if len(copies(t, dir)) != 0 {
		t.Fatal("copy left after close")
	}
}

// TestStaleCopyNotOffered: a copy older than its document (saved later elsewhere) is not offered.
func TestStaleCopyNotOffered(t *testing.T) {
	useRecoveryDir(t)
	path := filepath.Join(t.TempDir(), "doc.zpb")
	data, _ := os.ReadFile(samplePath)
	os.WriteFile(path, data, 0o644)
	w := NewForFile(test.NewTempApp(t), path)
	retype(w.Unit.Name, "x")
	w.autosave()
	future := time.Now().Add(time.Hour)
	os.Chtimes(path, future, future)
	if n := len(pendingRecoveries()); n != 0 {
		t.Fatalf("%d stale copies offered", n)
	}
}

// TestGuardKeepsEdits: a failing handler shows a message instead of closing the window.
func TestGuardKeepsEdits(t *testing.T) {
	useRecoveryDir(t)
	w := New(test.NewTempApp(t))
	test.Type(w.Unit.Name, "已输入")
	w.guard("测试操作", func() { panic("boom") })
	if w.Doc.Unit.Name != "已输入" {
		t.Fatal("edit lost")
	}
	top := w.Win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no message shown")
	}
}

// TestTooLongTextRefused: typing beyond the limit keeps what was there and says why.
func TestTooLongTextRefused(t *testing.T) {
	useRecoveryDir(t)
	w := New(test.NewTempApp(t))
	w.Unit.Name.SetText("单位")
	w.Unit.Name.SetText(strings.Repeat("长", forms.MaxFieldRunes+1))
	if w.Doc.Unit.Name != "单位" || w.Unit.Name.Text != "单位" {
		t.Fatalf("document %q, entry %d runes", w.Doc.Unit.Name, len([]rune(w.Unit.Name.Text)))
	}
	if w.Win.Canvas().Overlays().Top() == nil {
		t.Fatal("no message")
	}
	_ = widget.NewLabel
}

// TestNewerVersionOpensReadOnly: the newer file is shown but never saved over.
func TestNewerVersionOpensReadOnly(t *testing.T) {
	useRecoveryDir(t)
	path := filepath.Join(t.TempDir(), "new.zpb")
	data, _ := os.ReadFile(samplePath)
	newer := strings.Replace(string(data), `"version": 1`, `"version": 2`, 1)
	os.WriteFile(path, []byte(newer), 0o644)
	w := NewForFile(test.NewTempApp(t), path)
	if w.Doc.Unit.Name != "抚顺市社会保险事业服务中心" || w.Path != "" || !strings.Contains(w.Win.Title(), "只读") {
		t.Fatalf("name %q path %q title %q", w.Doc.Unit.Name, w.Path, w.Win.Title())
	}
	after, _ := os.ReadFile(path)
	if string(after) != newer {
		t.Fatal("newer file changed")
	}
}

// TestGoToProblem: choosing a problem in the check list focuses its field, or the row's 内容
// when the field is a select or tick boxes.
func TestGoToProblem(t *testing.T) {
	w := New(test.NewTempApp(t))
	w.Open(samplePath)
	var score, op forms.Problem
	for _, p := range w.Problems {
		if p.Loc.Field == "reasons" && p.Loc.Form == 1 {
			score = p
		}
		if p.Loc.Field == "op" && p.Loc.Form == -1 {
			op = p
		}
	}
	w.GoTo(op.Loc)
	want := w.Unit.Tree.Rows[op.Loc.Path].Content
	if w.Win.Canvas().Focused() != want {
		t.Fatalf("focus %v, want the row's 内容", w.Win.Canvas().Focused())
	}
	w.GoTo(score.Loc)
	if w.Tabs.Selected() != w.Projects[1].item() || w.Win.Canvas().Focused() != w.Project(1).Tree.Rows[score.Loc.Path].Content {
		t.Fatal("GoTo did not reach project 2's row")
	}
}

// TestDarkThemeRemembered: the theme chosen in 视图 is used again at the next start.
func TestDarkThemeRemembered(t *testing.T) {
	a := test.NewTempApp(t)
	w := New(a)
	w.setDark(true)
	w2 := New(a)
	if !w2.isDark() {
		t.Fatal("dark theme not remembered")
	}
	w2.setDark(false)
	if New(a).isDark() {
		t.Fatal("light theme not remembered")
	}
}
