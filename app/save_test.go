package app

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"ziping/storage"
)

// english finds system messages in English inside a message meant for the user.
var english = regexp.MustCompile(`[A-Za-z]{4,}`)

// blockFiles holds the window's file queue until release is called: what is queued meanwhile
// waits, as behind a save to a slow network drive.
func blockFiles(w *Window) (release func()) {
	hold, started := make(chan struct{}), make(chan struct{})
	w.files().queue.do(func() { close(started); <-hold })
	<-started
	return func() { close(hold) }
}

// TestSaveDoesNotBlockTheWindow: while the file is being written the window stays usable and
// says 正在保存…; Ctrl+S meanwhile is done once after it; edits made meanwhile stay unsaved
// until that second save has written them.
func TestSaveDoesNotBlockTheWindow(t *testing.T) {
	w := fileWindow(t)
	path := copySample(t, t.TempDir(), "doc.zpb")
	w.Open(path)
	before, _ := os.ReadFile(path)

	release := blockFiles(w)
	w.Doc.Unit.Name = "第一次"
	w.changed()
	w.Save() // returns at once: the write waits in the queue
	if got := w.files().busy.Text; !strings.Contains(got, "正在保存") {
		t.Errorf("busy label %q", got)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, before) || !w.Dirty {
		t.Fatal("saved on the UI goroutine")
	}
	w.Doc.Unit.Name = "第二次" // typed while saving
	w.changed()
	w.Win.Canvas().(fyne.Shortcutable).TypedShortcut(shortcut(fyne.KeyS, false))
	if got := w.files().busy.Text; got != "正在保存…（完成后再保存一次）" {
		t.Errorf("busy label after Ctrl+S %q", got)
	}
	release()
	settle(w)
	got, _ := storage.Load(path)
	bak, _ := storage.Load(path + storage.BackupSuffix)
	if got.Unit.Name != "第二次" || bak.Unit.Name != "第一次" || w.Dirty {
		t.Fatalf("file %q, .bak %q, dirty %v", got.Unit.Name, bak.Unit.Name, w.Dirty)
	}
	if w.files().busy.Text != "" {
		t.Errorf("busy label left: %q", w.files().busy.Text)
	}
}

// TestEditDuringSaveStaysUnsaved: the document is marked saved only when what was written is
// what it holds now.
func TestEditDuringSaveStaysUnsaved(t *testing.T) {
	w := fileWindow(t)
	w.Open(copySample(t, t.TempDir(), "doc.zpb"))
	release := blockFiles(w)
	w.Doc.Unit.Name = "保存的"
	w.changed()
	w.Save()
	w.Doc.Unit.Name = "之后改的"
	w.changed()
	release()
	settle(w)
	if !w.Dirty || !strings.Contains(w.Win.Title(), "*") {
		t.Fatal("an edit made during the save is marked saved")
	}
}

// TestCloseWaitsForSave: closing with 不保存 while a save runs closes the window only after the
// save has finished.
func TestCloseWaitsForSave(t *testing.T) {
	w := fileWindow(t)
	path := copySample(t, t.TempDir(), "doc.zpb")
	w.Open(path)
	closed := false
	w.Win.SetOnClosed(func() { closed = true })
	release := blockFiles(w)
	w.Doc.Unit.Name = "关闭前保存"
	w.changed()
	w.Save()
	w.closeRequested()
	p := w.files().prompt
	if p == nil {
		t.Fatal("no unsaved-changes question while saving")
	}
	test.Tap(p.discard)
	if closed {
		t.Fatal("closed while the save was running")
	}
	if got := w.files().busy.Text; got != "正在保存…（完成后关闭窗口）" {
		t.Errorf("busy label %q", got)
	}
	release()
	settle(w)
	if d, _ := storage.Load(path); !closed || d.Unit.Name != "关闭前保存" {
		t.Fatalf("closed %v, file %q", closed, d.Unit.Name)
	}
}

// TestReadOnlyFileOffersSaveAs: a read-only file (chmod 444) is not replaced; the message says
// so in Chinese and 另存为 saves elsewhere.
func TestReadOnlyFileOffersSaveAs(t *testing.T) {
	w := fileWindow(t)
	dir := t.TempDir()
	path := copySample(t, dir, "只读.zpb")
	os.Chmod(path, 0o444)
	w.Open(path)
	before, _ := os.ReadFile(path)
	w.Doc.Unit.Name = "改"
	w.changed()
	w.Save()
	settle(w)
	text := dialogText(w)
	for _, want := range []string{"“只读.zpb”是只读文件，没有保存，文件保持原样", "[另存为]", "[取消]"} {
		if !strings.Contains(text, want) {
			t.Errorf("dialog %q lacks %q", text, want)
		}
	}
	other := filepath.Join(dir, "可写.zpb")
	answerSave(w, other)
	dialogTap(t, w, "另存为")
	settle(w)
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) || w.Path != other || w.Dirty {
		t.Fatalf("path %q dirty %v", w.Path, w.Dirty)
	}
}

// TestSaveFailureInChinese: a file deleted since it was opened is not silently made again;
// 覆盖 into a folder that no longer exists fails with what failed and a Chinese reason.
func TestSaveFailureInChinese(t *testing.T) {
	w := fileWindow(t)
	dir := filepath.Join(t.TempDir(), "网络盘")
	os.Mkdir(dir, 0o755)
	w.Open(copySample(t, dir, "doc.zpb"))
	os.RemoveAll(dir)
	edit(w)
	w.Save()
	settle(w)
	if text := dialogText(w); !strings.Contains(text, "已被删除或移走，没有保存") {
		t.Fatalf("dialog %q", text)
	}
	dialogTap(t, w, "覆盖")
	settle(w)
	text := dialogText(w)
	if !strings.Contains(text, "保存“doc.zpb”失败") || !strings.Contains(text, "原因：文件或文件夹不存在") ||
		!strings.Contains(text, "您的内容仍在窗口中") || english.MatchString(strings.ReplaceAll(text, "doc.zpb", "")) {
		t.Fatalf("dialog %q", text)
	}
	if !w.Dirty {
		t.Error("a failed save marked the document saved")
	}
}

// TestFailedSaveOfALeftDocument: a save that fails after the window went on to another
// document only says so: 覆盖 or 另存为 would write the other document.
func TestFailedSaveOfALeftDocument(t *testing.T) {
	w := fileWindow(t)
	path := copySample(t, t.TempDir(), "doc.zpb")
	w.Open(path)
	os.Chmod(path, 0o444)
	release := blockFiles(w)
	edit(w)
	w.Save()
	w.New()
	test.Tap(w.files().prompt.discard)
	release()
	settle(w)
	text := dialogText(w)
	if !strings.Contains(text, "是只读文件") || strings.Contains(text, "[另存为]") || strings.Contains(text, "[覆盖]") {
		t.Fatalf("dialog %q", text)
	}
}
