//go:build unix

package app

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2/storage"

	"ziping/forms"
)

// TestDialogTypesOpenNoFile: the type of a file of every extension the dialogs list comes from
// its name, so listing a folder with a pipe named "p.zpb" (or .xlsx, .csv, .pdf) does not open
// it: Fyne's dialog asks each listed file its type on the window's goroutine, and opening a
// pipe waits for a writer forever.
func TestDialogTypesOpenNoFile(t *testing.T) {
	dir := t.TempDir()
	for _, ext := range append([]string{forms.FileExt, ".pdf"}, importExts...) {
		if _, ok := dialogTypes[ext]; !ok {
			t.Errorf("no type for %s, which a dialog lists", ext)
		}
		p := filepath.Join(dir, "p"+ext)
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
		done := make(chan string, 1)
		go func() { done <- storage.NewFileURI(p).MimeType() }()
		select {
		case typ := <-done:
			if typ == "" || typ == "text/plain" {
				t.Errorf("%s: type %q", ext, typ)
			}
		case <-time.After(10 * time.Second): // a deadline, not a wait: the answer comes at once
			t.Fatalf("%s: asking a pipe its type opened it", ext)
		}
	}
}

// TestImportPipeRefused: a pipe chosen to import is refused by its mode, before anything opens
// it (opening a pipe without a writer waits forever).
func TestImportPipeRefused(t *testing.T) {
	w := fileWindow(t)
	pipe := filepath.Join(t.TempDir(), "p.xlsx")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	w.importFile(pipe)
	w.files().jobs.Wait()
	if text := dialogText(w); !strings.Contains(text, "无法导入") || !strings.Contains(text, "管道") {
		t.Errorf("a pipe: %q", text)
	}
}
