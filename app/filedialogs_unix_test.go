//go:build unix

package app

import (
	"os"
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
	addDialogTypes() // as the dialogs do when shown
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

// TestDialogsListNoPipe: the file dialogs' filter takes a regular .zpb file and a link to one,
// not a pipe, a dangling link or another extension.
func TestDialogsListNoPipe(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "a.zpb")
	if err := os.WriteFile(doc, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "p.zpb"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, l := range [][2]string{{"a.zpb", "link.zpb"}, {"nowhere.zpb", "dangling.zpb"}} {
		if err := os.Symlink(l[0], filepath.Join(dir, l[1])); err != nil {
			t.Fatal(err)
		}
	}
	f := regularFiles{storage.NewExtensionFileFilter([]string{forms.FileExt})}
	for name, want := range map[string]bool{"a.zpb": true, "link.zpb": true, "p.zpb": false, "dangling.zpb": false} {
		if got := f.Matches(storage.NewFileURI(filepath.Join(dir, name))); got != want {
			t.Errorf("%s listed %v", name, got)
		}
	}
	if f.Matches(storage.NewFileURI(filepath.Join(dir, "a.pdf"))) {
		t.Error("a .pdf listed in a .zpb dialog")
	}
}

// TestOpenDialogOnFolderWithPipe: Fyne's open dialog shown on a folder holding a pipe named
// p.zpb (and a pipe of an unknown extension) lists the folder without opening the pipes: the
// window's goroutine is not held.
func TestOpenDialogOnFolderWithPipe(t *testing.T) {
	w := fileWindow(t)
	dir := t.TempDir()
	w.Path = filepath.Join(dir, "a.zpb")
	if err := os.WriteFile(w.Path, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"p.zpb", "p"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	done := make(chan struct{})
	go func() {
		w.fyneOpen(w.Win, "打开", []string{forms.FileExt}, func(string) {})
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second): // a deadline, not a wait: listing takes milliseconds
		t.Fatal("the open dialog is held by a pipe in its folder")
	}
	if !hasDialog(w) {
		t.Error("no dialog shown")
	}
}
