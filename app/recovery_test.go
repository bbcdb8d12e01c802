package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
	"ziping/storage"
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

// simulateCrash makes w stand for a program that was killed: its file work done so far stays
// on disk, its lock file stays, and it no longer runs, so its copies are orphans.
func simulateCrash(w *Window) {
	settle(w)
	ui := w.files()
	w.stopAutosave()
	if ui.lock != nil {
		ui.lock.Abandon()
		ui.lock = nil
	}
	ui.closing = true
	unregister(w)
}

// sampleCopy copies the sample to a new folder, dated an hour ago, and returns its path.
func sampleCopy(t *testing.T) string {
	t.Helper()
	path := copySample(t, t.TempDir(), "doc.zpb")
	old := time.Now().Add(-time.Hour)
	os.Chtimes(path, old, old)
	return path
}

// TestRecoveryOfAFile: unsaved edits survive a crash: the copy is offered at the next start,
// with the file, the time and the forms and fields that differ, and restoring it brings the
// edits back unsaved.
func TestRecoveryOfAFile(t *testing.T) {
	dir := useRecoveryDir(t)
	path := sampleCopy(t)
	a := test.NewTempApp(t)
	w := NewForFile(a, path)
	w.autosave()
	settle(w)
	if len(copies(t, dir)) != 0 {
		t.Fatal("a clean document was copied")
	}
	retype(w.Unit.Name, "改过的单位名称")
	retype(w.Unit.Tree.Rows[forms.RowPath{}].Score, "30")
	w.autosave()
	w.autosave() // nothing new: not written again
	settle(w)
	if len(copies(t, dir)) != 1 {
		t.Fatalf("copies %v", copies(t, dir))
	}
	simulateCrash(w)
	w2 := NewForFile(test.NewTempApp(t), path)
	if w2.recoveryDialog == nil {
		t.Fatal("no recovery offered")
	}
	content := recoveryDiff(pendingRecoveries()[0])
	for _, want := range []string{"单位总评价得分 97 → 89", "共 2 处内容不同",
		"· 单位整体绩效自评表 › 部门（单位）名称",
		"· 单位整体绩效自评表 › 分解目标评价 › 履职效能 › 重点工作履行情况 › 指标 1 › 得分"} {
		if !strings.Contains(content, want) {
			t.Errorf("summary %q lacks %q", content, want)
		}
	}
	answerRecovery(t, w2, true)
	settle(w2)
	if w2.Doc.Unit.Name != "改过的单位名称" || !w2.Dirty || w2.Path != path {
		t.Fatalf("restored %q dirty %v path %q", w2.Doc.Unit.Name, w2.Dirty, w2.Path)
	}
	// The window owns the copy now: it has written its own and removed the restored one.
	if c := copies(t, dir); len(c) != 1 || !strings.Contains(c[0], w2.files().instance) {
		t.Fatalf("copies after restoring: %v", c)
	}
	// A clean save removes the copy; the file on disk was untouched until then.
	if back, _ := storage.Load(path); back.Unit.Name != "抚顺市社会保险事业服务中心" {
		t.Fatal("the file was changed by the recovery")
	}
	w2.Save()
	settle(w2)
	if hasDialog(w2) || w2.Dirty {
		t.Fatalf("save after restoring: %s", dialogText(w2))
	}
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
	simulateCrash(w)
	w2 := New(test.NewTempApp(t))
	answerRecovery(t, w2, false)
	settle(w2)
	if w2.Doc.Unit.Name != "" || len(copies(t, dir)) != 0 {
		t.Fatalf("discard kept the copy or restored: %q %v", w2.Doc.Unit.Name, copies(t, dir))
	}
	// Restore, then close with 不保存: the copy goes.
	w = New(test.NewTempApp(t))
	test.Type(w.Unit.Name, "新单位再改")
	w.autosave()
	simulateCrash(w)
	w3 := New(test.NewTempApp(t))
	answerRecovery(t, w3, true)
	if w3.Doc.Unit.Name != "新单位再改" || w3.Path != "" {
		t.Fatalf("restored %q", w3.Doc.Unit.Name)
	}
	w3.closeRequested()
	test.Tap(w3.files().prompt.discard)
	settle(w3)
	if len(copies(t, dir)) != 0 {
		t.Fatal("copy left after close")
	}
}

// TestCopyEqualToFileNotOffered: an orphaned copy holding what its file holds has nothing to
// recover and is removed; one older than its file that differs is still offered, saying so.
func TestCopyEqualToFileNotOffered(t *testing.T) {
	dir := useRecoveryDir(t)
	path := sampleCopy(t)
	w := NewForFile(test.NewTempApp(t), path)
	retype(w.Unit.Name, "x")
	w.autosave()
	simulateCrash(w)
	future := time.Now().Add(time.Hour)
	os.Chtimes(path, future, future) // saved later elsewhere, without the edit
	list := pendingRecoveries()
	if len(list) != 1 || !strings.Contains(recoveryDiff(list[0]), "文件在这份副本之后又保存过") {
		t.Fatalf("older copy: %d offered", len(list))
	}
	w2 := NewForFile(test.NewTempApp(t), path)
	answerRecovery(t, w2, false)
	settle(w2)

	w = NewForFile(test.NewTempApp(t), path)
	retype(w.Unit.Name, "x")
	w.autosave()
	retype(w.Unit.Name, "抚顺市社会保险事业服务中心") // typed back: still "changed"
	w.autosave()
	simulateCrash(w)
	if n := len(pendingRecoveries()); n != 0 || len(copies(t, dir)) != 0 {
		t.Fatalf("%d copies equal to the file offered, %v left", n, copies(t, dir))
	}
}

// exitedForeground runs what the app does when it loses the focus (also at quit: Fyne's
// driver calls it then), through the handler startAutosave installed.
func exitedForeground(t *testing.T, a fyne.App) {
	t.Helper()
	l, ok := a.Lifecycle().(interface{ OnExitedForeground() func() })
	if !ok || l.OnExitedForeground() == nil {
		t.Fatal("no focus-loss handler")
	}
	l.OnExitedForeground()()
}

// TestDiscardLeavesNoCopy: edits old enough to have been copied, then the
// window is closed with 不保存 — while one more copy is still being written — and the program
// loses the focus and quits: no copy is left, and the next start offers nothing.
func TestDiscardLeavesNoCopy(t *testing.T) {
	dir := useRecoveryDir(t)
	path := sampleCopy(t)
	a := test.NewTempApp(t)
	w := NewForFile(a, path)
	w.startAutosave()
	retype(w.Unit.Name, "不要的修改")
	exitedForeground(t, a) // copied on focus loss, as after 10 s
	settle(w)
	if len(copies(t, dir)) != 1 {
		t.Fatalf("copies %v", copies(t, dir))
	}
	release := blockFiles(w) // the next copy is still being written when the user closes
	retype(w.Unit.Name, "更不要的修改")
	w.autosave()
	w.closeRequested()
	test.Tap(w.files().prompt.discard)
	exitedForeground(t, a) // quitting: Fyne reports the focus lost
	w.autosave()           // a last tick of the timer
	release()
	settle(w)
	if c := copies(t, dir); len(c) != 0 {
		t.Fatalf("copies after 不保存: %v", c)
	}
	w2 := NewForFile(test.NewTempApp(t), path)
	if w2.recoveryDialog != nil {
		t.Fatal("the next start offers the discarded edits")
	}
}

// TestCopiesPerWindow: two windows on one file have a copy each; a save in
// one removes only its own; a running window's copy is offered to nobody; after the other
// window crashed its copy is offered, with what differs.
func TestCopiesPerWindow(t *testing.T) {
	useLocks(t)
	dir := useRecoveryDir(t)
	path := sampleCopy(t)
	a := instance(t, path)
	b := instance(t, path)
	dialogTap(t, b, "仍然打开")
	retype(a.Unit.Name, "A 改的")
	retype(b.Unit.Staff, "99")
	a.autosave()
	b.autosave()
	settle(a)
	settle(b)
	if c := copies(t, dir); len(c) != 2 {
		t.Fatalf("copies %v, want one per window", c)
	}
	if n := len(pendingRecoveries()); n != 0 {
		t.Fatalf("%d copies of running windows offered", n)
	}
	a.Save()
	settle(a)
	c := copies(t, dir)
	if len(c) != 1 || !strings.Contains(c[0], b.files().instance) {
		t.Fatalf("after A saved: %v", c)
	}
	simulateCrash(b)
	list := pendingRecoveries()
	if len(list) != 1 {
		t.Fatalf("%d offered after B crashed", len(list))
	}
	text := recoveryDiff(list[0])
	if !strings.Contains(text, "· 单位整体绩效自评表 › 财政供养人员数量") || !strings.Contains(text, "· 单位整体绩效自评表 › 部门（单位）名称") {
		t.Errorf("B's copy against the file A saved: %q", text)
	}
}

// TestOrphansNewestFirst: every orphaned copy is offered, newest first, each naming what differs;
// 丢弃 goes on to the next.
func TestOrphansNewestFirst(t *testing.T) {
	dir := useRecoveryDir(t)
	path := sampleCopy(t)
	for _, name := range []string{"第一个窗口", "第二个窗口"} {
		w := NewForFile(test.NewTempApp(t), path)
		retype(w.Unit.Name, name)
		w.autosave()
		simulateCrash(w)
	}
	w := NewForFile(test.NewTempApp(t), path)
	text := dialogText(w)
	if !strings.Contains(text, "（第 1 份，共 2 份，新的在前）") || !strings.Contains(text, "其余 1 份") {
		t.Fatalf("first question %q", text)
	}
	answerRecovery(t, w, false)
	if text := dialogText(w); !strings.Contains(text, "（第 2 份，共 2 份，新的在前）") {
		t.Fatalf("second question %q", text)
	}
	answerRecovery(t, w, true)
	settle(w)
	if w.Doc.Unit.Name != "第一个窗口" {
		t.Fatalf("restored %q, want the older copy after discarding the newer", w.Doc.Unit.Name)
	}
	if c := copies(t, dir); len(c) != 1 || !strings.Contains(c[0], w.files().instance) {
		t.Fatalf("copies %v", c)
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
