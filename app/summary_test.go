package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// summaryTestWindow is a 部门汇总 window whose open dialog answers with the paths given to
// open, in turn, and whose save dialog answers with save.
func summaryTestWindow(t *testing.T, save string) (*Window, *summaryWindow, func(path string)) {
	t.Helper()
	w := fileWindow(t)
	s := w.newSummaryWindow()
	var next string
	s.chooseOpen = func(cb func(string)) { cb(next) }
	s.chooseSave = func(name, ext string, cb func(string)) {
		if name != summaryName+ext {
			t.Errorf("suggested %q", name)
		}
		cb(save)
	}
	return w, s, func(path string) { next = path; test.Tap(s.AddFile) }
}

// editedCopy saves a copy of the sample as another unit with 全年预算数 5000 and returns it.
func editedCopy(t *testing.T, dir string) string {
	t.Helper()
	doc, err := forms.Load(fileSample)
	if err != nil {
		t.Fatal(err)
	}
	doc.Unit.Name = "抚顺市东洲区社会保险事业服务所"
	doc.Unit.BudgetRow("I1").Full = "5000"
	in := doc.Unit.Indicators.Row(forms.RowPath{L1: 0, L2: 0, Row: 0})
	in.Op, in.Actual = forms.OpGE, "1000" // unit total 92.41
	path := filepath.Join(dir, "东洲.zpb")
	if err := forms.Save(path, doc); err != nil {
		t.Fatal(err)
	}
	return path
}

// overlayText is the text of the labels of the dialog over the summary window.
func overlayText(s *summaryWindow) string {
	top := s.Win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

func TestSummaryWindowTotals(t *testing.T) {
	dir := t.TempDir()
	_, s, add := summaryTestWindow(t, "")
	if !s.ExportPDF.Disabled() || s.Rows() != 2 {
		t.Fatalf("empty summary: export enabled %v, %d rows", !s.ExportPDF.Disabled(), s.Rows())
	}
	add(copySample(t, dir, "sample.zpb"))
	add(editedCopy(t, dir))
	if len(s.Entries) != 2 || s.ExportPDF.Disabled() {
		t.Fatalf("%d entries", len(s.Entries))
	}
	// Header, 4 + 4 project rows, 合计.
	if s.Rows() != 10 {
		t.Fatalf("%d rows", s.Rows())
	}
	last := s.Rows() - 1
	got := []string{s.Cell(last, 3), s.Cell(last, 4), s.Cell(last, 5), s.Cell(last, 8)}
	if strings.Join(got, "|") != "9211.39|8422.78|91.44%|8" {
		t.Errorf("合计 row %v", got)
	}
	second := strings.Join([]string{s.Cell(5, 1), s.Cell(5, 3), s.Cell(5, 5), s.Cell(5, 6), s.Cell(5, 7), s.Cell(6, 1)}, "|")
	if second != "抚顺市东洲区社会保险事业服务所|5000|84.23%|92.41|优|" {
		t.Errorf("second unit %s", second)
	}
	if tot := s.Summary.Total; tot.Units != 2 || tot.Projects != 8 || !tot.Complete {
		t.Errorf("summary totals %+v", tot)
	}
	// Removing the first document leaves the second alone in the totals.
	s.Files.Select(0)
	test.Tap(s.Remove)
	if len(s.Entries) != 1 || s.Cell(s.Rows()-1, 3) != "5000" || !s.Remove.Disabled() {
		t.Errorf("after removing: %d entries, 合计 %q", len(s.Entries), s.Cell(s.Rows()-1, 3))
	}
}

func TestSummaryWindowCurrentDocumentAndErrors(t *testing.T) {
	dir := t.TempDir()
	w, s, add := summaryTestWindow(t, "")
	w.Open(fileSample)
	w.Doc.Unit.BudgetRow("I1").Actual = "" // unsaved: the summary takes the document as it is
	w.changed()
	test.Tap(s.AddCurrent)
	if len(s.Entries) != 1 || !strings.HasPrefix(s.Entries[0].Label, "当前文档：") {
		t.Fatalf("entries %+v", s.Entries)
	}
	if notes := s.Notes.Text; !strings.Contains(notes, "全年执行数为空") {
		t.Errorf("notes %q", notes)
	}
	w.Doc.Unit.Name = "改了" // a copy was taken
	if s.Summary.Units[0].Name != "抚顺市社会保险事业服务中心" {
		t.Error("the summary follows later edits")
	}
	broken := filepath.Join(dir, "坏.zpb")
	os.WriteFile(broken, []byte("{"), 0o644)
	add(broken)
	if len(s.Entries) != 1 || !strings.Contains(overlayText(s), "坏.zpb") {
		t.Errorf("unreadable file: %d entries, dialog %q", len(s.Entries), overlayText(s))
	}
	s.Win.Canvas().Overlays().Top().Hide()
	p := copySample(t, dir, "s.zpb")
	add(p)
	add(p)
	if len(s.Entries) != 2 || !strings.Contains(overlayText(s), "已在汇总中") {
		t.Errorf("same file twice: %d entries, dialog %q", len(s.Entries), overlayText(s))
	}
}

func TestSummaryWindowExport(t *testing.T) {
	dir := t.TempDir()
	for _, ext := range []string{".pdf", ".xlsx"} {
		_, s, add := summaryTestWindow(t, filepath.Join(dir, "汇总"))
		add(copySample(t, dir, "sample.zpb"))
		add(editedCopy(t, dir))
		button := map[string]*widget.Button{".pdf": s.ExportPDF, ".xlsx": s.ExportExcel}[ext]
		test.Tap(button)
		s.jobs.Wait()
		data, err := os.ReadFile(filepath.Join(dir, "汇总"+ext))
		magic := map[string]string{".pdf": "%PDF-", ".xlsx": "PK"}[ext]
		if err != nil || !bytes.HasPrefix(data, []byte(magic)) {
			t.Fatalf("%s: no file written (%v)", ext, err)
		}
		if text := overlayText(s); !strings.Contains(text, "已导出“汇总"+ext+"”") {
			t.Errorf("%s: dialog %q", ext, text)
		}
	}
}

func TestSummaryWindowExportFailure(t *testing.T) {
	dir := t.TempDir()
	_, s, add := summaryTestWindow(t, filepath.Join(dir, "无", "汇总.pdf"))
	add(copySample(t, dir, "sample.zpb"))
	test.Tap(s.ExportPDF)
	s.jobs.Wait()
	if text := overlayText(s); !strings.Contains(text, "导出部门汇总失败") {
		t.Errorf("dialog %q", text)
	}
}

func TestSummaryWindowExportWarnsOfUnprintableNames(t *testing.T) {
	dir := t.TempDir()
	w, s, _ := summaryTestWindow(t, filepath.Join(dir, "汇总.pdf"))
	w.Open(fileSample)
	w.Doc.Unit.Name = "抚顺市社保中心😀"
	test.Tap(s.AddCurrent)
	test.Tap(s.ExportPDF)
	s.jobs.Wait()
	if text := overlayText(s); !strings.Contains(text, "有 1 处文字含有 PDF 无法显示的字符") || !strings.Contains(text, "部门（单位）名称") {
		t.Errorf("dialog %q", text)
	}
}

// TestSummaryWindowCountsAUnitOnce: the document being edited is added once, whether as the
// current document or as its file, in either order; each refusal says why.
func TestSummaryWindowCountsAUnitOnce(t *testing.T) {
	dir := t.TempDir()
	p := copySample(t, dir, "s.zpb")
	steps := map[string]struct {
		first, second string // "current", or the path to add
		dialog        string
	}{
		"current twice":   {"current", "current", "当前文档已在汇总中"},
		"current, file":   {"current", p, "“s.zpb”已作为当前文档在汇总中"},
		"file, current":   {p, "current", "“s.zpb”已在汇总中"},
		"relative to abs": {p, relativeTo(t, p), "“s.zpb”已在汇总中"},
	}
	for name, tc := range steps {
		t.Run(name, func(t *testing.T) {
			w, s, add := summaryTestWindow(t, "")
			w.Open(p)
			for _, step := range []string{tc.first, tc.second} {
				addStep(t, s, add, step)
			}
			if len(s.Entries) != 1 || s.Summary.Total.Units != 1 || s.Summary.Total.Projects != 4 {
				t.Errorf("%d entries, totals %+v", len(s.Entries), s.Summary.Total)
			}
			if text := overlayText(s); !strings.Contains(text, tc.dialog) {
				t.Errorf("dialog %q, want %q", text, tc.dialog)
			}
		})
	}
	t.Run("unsaved current twice", func(t *testing.T) {
		_, s, _ := summaryTestWindow(t, "")
		test.Tap(s.AddCurrent)
		test.Tap(s.AddCurrent)
		if len(s.Entries) != 1 || s.Entries[0].Label != "当前文档（未保存）" || !strings.Contains(overlayText(s), "当前文档已在汇总中") {
			t.Errorf("entries %+v, dialog %q", s.Entries, overlayText(s))
		}
	})
}

// addStep adds the current document (step "current"), checking that its entry remembers the
// file and keeps its label, or else the file step.
func addStep(t *testing.T, s *summaryWindow, add func(string), step string) {
	t.Helper()
	if step != "current" {
		add(step)
		return
	}
	n := len(s.Entries)
	test.Tap(s.AddCurrent)
	if len(s.Entries) > n && (s.Entries[n].Path != s.main.Path || !strings.HasPrefix(s.Entries[n].Label, "当前文档：")) {
		t.Errorf("the current document's entry: %+v", s.Entries[n])
	}
}

// relativeTo is path relative to the working directory, or path when it has none.
func relativeTo(t *testing.T, path string) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(wd, path)
	if err != nil {
		return path
	}
	return rel
}

// TestSummaryWindowUnitWithoutProjects: a unit with no project form shows "——" in the three
// project columns, as the PDF and the workbook print it.
func TestSummaryWindowUnitWithoutProjects(t *testing.T) {
	dir := t.TempDir()
	doc, err := forms.Load(fileSample)
	if err != nil {
		t.Fatal(err)
	}
	for len(doc.Projects) > 0 {
		doc.RemoveProject(0)
	}
	path := filepath.Join(dir, "无项目.zpb")
	if err := forms.Save(path, doc); err != nil {
		t.Fatal(err)
	}
	_, s, add := summaryTestWindow(t, "")
	add(path)
	if got := strings.Join([]string{s.Cell(1, 8), s.Cell(1, 9), s.Cell(1, 10), s.Cell(1, 11)}, "|"); got != "0|——|——|——" {
		t.Errorf("project cells %s", got)
	}
}
