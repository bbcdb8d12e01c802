package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"ziping/storage"
)

// useLocks makes the windows of one test take their documents' locks, as the program does.
func useLocks(t *testing.T) {
	takeLocks = true
	t.Cleanup(func() { takeLocks = false })
}

// instance opens path in a new window of a new test app: another run of the program.
func instance(t *testing.T, path string) *Window {
	t.Helper()
	w := NewForFile(test.NewTempApp(t), path)
	w.files().chooseSave = func(name, _ string, _ func(string)) { t.Errorf("unexpected save dialog for %q", name) }
	return w
}

// TestTwoWindowsOneFile: the second window on a file is told who holds it and offered 只读打开,
// 仍然打开 and 取消; after A saved, B (opened anyway) cannot save over A's work without being
// asked, and 覆盖 keeps A's version as the .bak.
func TestTwoWindowsOneFile(t *testing.T) {
	useLocks(t)
	useRecoveryDir(t)
	path := sampleCopy(t)
	a := instance(t, path)
	if hasDialog(a) || a.files().lock == nil {
		t.Fatalf("first window: dialog %q, lock %v", dialogText(a), a.files().lock)
	}
	if _, err := os.Stat(storage.LockFile(path)); err != nil {
		t.Fatal("no lock file beside the document")
	}

	// 只读打开
	b := instance(t, path)
	text := dialogText(b)
	for _, want := range []string{"“doc.zpb”正由", "本机另一个绩效自评窗口", "[只读打开]", "[仍然打开]", "[取消]"} {
		if !strings.Contains(text, want) {
			t.Errorf("question %q lacks %q", text, want)
		}
	}
	dialogTap(t, b, "只读打开")
	if b.Path != "" || b.ReadOnlyFrom != path || !strings.Contains(b.Win.Title(), "只读：正由他人编辑") || b.Doc.Unit.Name != "抚顺市社会保险事业服务中心" {
		t.Fatalf("read-only: path %q from %q title %q", b.Path, b.ReadOnlyFrom, b.Win.Title())
	}
	elsewhere := filepath.Join(t.TempDir(), "副本.zpb")
	answerSave(b, elsewhere)
	b.Save()
	settle(b)
	if _, err := storage.Load(elsewhere); err != nil || b.Path != elsewhere {
		t.Fatalf("a read-only window saves as another file: %v", err)
	}

	// 取消 keeps the window's document.
	d := instance(t, path)
	dialogTap(t, d, "取消")
	if d.Path != "" || d.Doc.Unit.Name != "" {
		t.Fatalf("取消 showed the file: %q", d.Path)
	}

	// 仍然打开, then A saves and B tries to save.
	c := instance(t, path)
	dialogTap(t, c, "仍然打开")
	if c.Path != path || c.files().lock != nil {
		t.Fatalf("opened anyway: path %q lock %v", c.Path, c.files().lock)
	}
	retype(a.Unit.Name, "A 的修改")
	a.Save()
	settle(a)
	aVersion, _ := os.ReadFile(path)
	retype(c.Unit.Name, "C 的修改")
	c.Save()
	settle(c)
	text = dialogText(c)
	for _, want := range []string{"在打开后已被修改", "没有保存", "[另存为]", "[覆盖]", "[取消]"} {
		if !strings.Contains(text, want) {
			t.Errorf("conflict %q lacks %q", text, want)
		}
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, aVersion) {
		t.Fatal("B overwrote A's save")
	}
	dialogTap(t, c, "取消")
	if now, _ := os.ReadFile(path); !bytes.Equal(now, aVersion) || !c.Dirty {
		t.Fatal("取消 saved")
	}
	c.Save()
	settle(c)
	dialogTap(t, c, "覆盖")
	settle(c)
	if got, _ := storage.Load(path); got.Unit.Name != "C 的修改" || c.Dirty || hasDialog(c) {
		t.Fatalf("覆盖: file says %q, dialog %q", got.Unit.Name, dialogText(c))
	}
	if bak, _ := os.ReadFile(path + storage.BackupSuffix); !bytes.Equal(bak, aVersion) {
		t.Error("覆盖 did not keep A's version as .bak")
	}

	// A's next save is checked too, and 另存为 keeps both.
	retype(a.Unit.Name, "A 再改")
	a.Save()
	settle(a)
	other := filepath.Join(t.TempDir(), "A.zpb")
	answerSave(a, other)
	dialogTap(t, a, "另存为")
	settle(a)
	if got, _ := storage.Load(path); got.Unit.Name != "C 的修改" || a.Path != other {
		t.Fatalf("另存为: file says %q, A's path %q", got.Unit.Name, a.Path)
	}
	if _, err := os.Stat(storage.LockFile(path)); err == nil {
		t.Error("A left its lock on the file it no longer shows")
	}
}

// TestLockReleased: the lock goes when the window opens another file, a new document, or closes;
// a window that was killed leaves a lock the next window takes over without asking.
func TestLockReleased(t *testing.T) {
	useLocks(t)
	useRecoveryDir(t)
	one, two := sampleCopy(t), sampleCopy(t)
	w := instance(t, one)
	w.Open(two)
	settle(w)
	if exists(storage.LockFile(one)) || !exists(storage.LockFile(two)) {
		t.Fatal("opening another file kept the old lock or took no new one")
	}
	w.Open(two) // the same file again: still held
	settle(w)
	if !exists(storage.LockFile(two)) {
		t.Fatal("reopening the file dropped its lock")
	}
	w.New()
	settle(w)
	if exists(storage.LockFile(two)) {
		t.Fatal("a new document kept the lock")
	}
	w.Open(one)
	w.closeRequested()
	settle(w)
	if exists(storage.LockFile(one)) {
		t.Fatal("closing kept the lock")
	}

	k := instance(t, one)
	simulateCrash(k)
	if !exists(storage.LockFile(one)) {
		t.Fatal("a crash removed the lock")
	}
	n := instance(t, one)
	if hasDialog(n) || n.files().lock == nil {
		t.Fatalf("stale lock: dialog %q", dialogText(n))
	}
}

// TestSaveAsOverFileBeingEdited: 另存为 onto a file another window edits is refused.
func TestSaveAsOverFileBeingEdited(t *testing.T) {
	useLocks(t)
	useRecoveryDir(t)
	path := sampleCopy(t)
	instance(t, path)
	before, _ := os.ReadFile(path)
	w := fileWindow(t)
	answerSave(w, path)
	w.SaveAs()
	settle(w)
	if text := dialogText(w); !strings.Contains(text, "正由") || !strings.Contains(text, "没有保存") || !strings.Contains(text, "[另存为]") {
		t.Fatalf("dialog %q", text)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) || w.Path != "" {
		t.Fatal("the file being edited was replaced")
	}
}

func exists(p string) bool { _, err := os.Stat(p); return err == nil }

// TestOddLockFilesSaid: a dangling link as the lock is replaced and the window says so; a folder
// holding a file as the lock cannot be replaced: the document opens unlocked and the window says
// why (storage.BadLockError).
func TestOddLockFilesSaid(t *testing.T) {
	useLocks(t)
	useRecoveryDir(t)
	path := sampleCopy(t)
	if err := os.Symlink(filepath.Join(t.TempDir(), "nowhere"), storage.LockFile(path)); err != nil {
		t.Fatal(err)
	}
	a := instance(t, path)
	if text := dialogText(a); !strings.Contains(text, "符号链接") || !strings.Contains(text, "已视为失效") || a.files().lock == nil {
		t.Errorf("a dangling link as lock: dialog %q, lock %v", text, a.files().lock)
	}
	a.files().lock.Release()

	other := sampleCopy(t)
	dir := storage.LockFile(other)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "x"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	b := instance(t, other)
	if text := dialogText(b); !strings.Contains(text, "文件夹") || !strings.Contains(text, "没有锁定") || b.files().lock != nil || b.Path != other {
		t.Errorf("a folder as lock: dialog %q, lock %v, path %q", text, b.files().lock, b.Path)
	}
}
