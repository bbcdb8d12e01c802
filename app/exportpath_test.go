package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestSummaryWindowSameFileByAnotherName: one document added again under another name — a
// symbolic link, a hard link, a path through "sub/.." — is refused, so its unit is counted once
// (the window compares files as the command line does, export.Duplicate); so is its file when
// the document being edited is that file. Another document is still added.
func TestSummaryWindowSameFileByAnotherName(t *testing.T) {
	dir := t.TempDir()
	w, s, add := summaryTestWindow(t, "")
	p := copySample(t, dir, "s.zpb")
	add(p)
	sym := filepath.Join(dir, "链接.zpb")
	hard := filepath.Join(dir, "硬链接.zpb")
	if err := os.Symlink("s.zpb", sym); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(p, hard); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, other := range []string{sym, hard, filepath.Join(dir, "sub", "..", "s.zpb")} {
		add(other)
		text := overlayText(s)
		if len(s.Entries) != 1 || !strings.Contains(text, "已在汇总中") && !strings.Contains(text, "是同一个文档") {
			t.Errorf("%s: %d entries, dialog %q", other, len(s.Entries), text)
		}
		if top := s.Win.Canvas().Overlays().Top(); top != nil {
			top.Hide()
		}
	}
	if s.Summary.Total.Units != 1 {
		t.Errorf("the summary counts %d units, want 1", s.Summary.Total.Units)
	}
	// The document being edited, opened through the link, is the file already in the summary.
	w.Open(sym)
	test.Tap(s.AddCurrent)
	if len(s.Entries) != 1 || !strings.Contains(overlayText(s), "已在汇总中") {
		t.Errorf("current document by a link: %d entries, dialog %q", len(s.Entries), overlayText(s))
	}
	s.Win.Canvas().Overlays().Top().Hide()
	add(editedCopy(t, dir))
	if len(s.Entries) != 2 || s.Summary.Total.Units != 2 {
		t.Errorf("another document: %d entries, %d units", len(s.Entries), s.Summary.Total.Units)
	}
}

// TestExportRefusesTheDocumentsOwnFile: the window's exports, like the command line's, take
// the document's file as their input, so a target that is that file under another name (here
// a hard link named .pdf or .xlsx) is refused and the document stays as it was.
func TestExportRefusesTheDocumentsOwnFile(t *testing.T) {
	dir := t.TempDir()
	doc := copySample(t, dir, "自评.zpb")
	before, _ := os.ReadFile(doc)
	for _, ext := range []string{".pdf", ".xlsx"} {
		w := fileWindow(t)
		w.Open(doc)
		target := filepath.Join(dir, "同一文件"+ext)
		if err := os.Link(doc, target); err != nil {
			t.Fatal(err)
		}
		answerSave(w, target)
		if ext == ".pdf" {
			w.ExportPDF()
		} else {
			w.ExportXLSX()
		}
		w.files().jobs.Wait()
		if text := dialogText(w); !strings.Contains(text, "就是输入的文档") {
			t.Errorf("%s: dialog %q", ext, text)
		}
		if after, _ := os.ReadFile(doc); string(after) != string(before) {
			t.Errorf("%s: the document changed", ext)
		}
	}
}
