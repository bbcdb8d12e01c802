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
	"ziping/storage"
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
	doc, err := storage.Load(fileSample)
	if err != nil {
		t.Fatal(err)
	}
	doc.Unit.Name = "抚顺市东洲区社会保险事业服务所"
	doc.Unit.BudgetRow("I1").Full = "5000"
	in := doc.Unit.Indicators.Row(forms.RowPath{L1: 0, L2: 0, Row: 0})
	in.Op, in.Actual, in.Manual = forms.OpGE, "1000", false // unit total 92.41
	path := filepath.Join(dir, "东洲.zpb")
	if err := storage.Save(path, doc); err != nil {
		t.Fatal(err)
	}
	return path
}

// overlayText is the text of the labels of the dialog over the summary window.
func overlayText(s *summaryWindow) string { return overlayLabelsOf(s.Win) }

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
	w.Doc.Projects[2].FundsWeight = ""     // D cannot be computed: its total is blank, and the notes say why
	w.changed()
	test.Tap(s.AddCurrent)
	if len(s.Entries) != 1 || !strings.HasPrefix(s.Entries[0].Label, "当前文档（添加时的内容）：") {
		t.Fatalf("entries %+v", s.Entries)
	}
	if notes := s.Notes.Text; !strings.Contains(notes, "全年执行数为空") || !strings.Contains(notes, "的总得分留空（预算执行率的分值未填写，预算执行率得分（D）无法计算）") {
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
	p := editedCopy(t, dir)
	add(p)
	add(p)
	if len(s.Entries) != 2 || !strings.Contains(overlayText(s), "已在汇总中") {
		t.Errorf("same file twice: %d entries, dialog %q", len(s.Entries), overlayText(s))
	}
}

// TestSummaryWindowRefusesSameUnit: a copy of a document under another name, or the current
// document when its unit is in the summary from a file, is the same unit (name and year): refused
// with a message naming both, and the totals stay those of one unit.
func TestSummaryWindowRefusesSameUnit(t *testing.T) {
	dir := t.TempDir()
	w, s, add := summaryTestWindow(t, "")
	a := copySample(t, dir, "sample.zpb")
	b := copySample(t, dir, "副本.zpb")
	add(a)
	add(b)
	want := "「" + a + "」与「" + b + "」是同一单位（名称“抚顺市社会保险事业服务中心”、年度 2021 相同），同一单位不能汇总两次"
	if len(s.Entries) != 1 || !strings.Contains(overlayText(s), want) {
		t.Fatalf("a copy: %d entries, dialog %q", len(s.Entries), overlayText(s))
	}
	s.Win.Canvas().Overlays().Top().Hide()
	// The current document, unsaved, imported from the sample: the same unit again.
	doc, err := storage.Load(fileSample)
	if err != nil {
		t.Fatal(err)
	}
	doc.Unit.Name = " " + doc.Unit.Name + "　" // spaces around do not make another unit
	w.setDocument(doc, "")
	test.Tap(s.AddCurrent)
	if len(s.Entries) != 1 || !strings.Contains(overlayText(s), "」与「当前文档") || !strings.Contains(overlayText(s), "是同一单位") {
		t.Fatalf("the current document: %d entries, dialog %q", len(s.Entries), overlayText(s))
	}
	if got := s.Cell(s.Rows()-1, 3); got != "4211.39" || s.Summary.Total.Units != 1 {
		t.Errorf("合计 %q of %d units", got, s.Summary.Total.Units)
	}
	// Another unit is added.
	s.Win.Canvas().Overlays().Top().Hide()
	add(editedCopy(t, dir))
	if len(s.Entries) != 2 {
		t.Errorf("another unit refused: %q", overlayText(s))
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
	for _, ext := range []string{".pdf", ".xlsx"} {
		w, s, _ := summaryTestWindow(t, filepath.Join(dir, "汇总"+ext))
		w.Open(fileSample)
		w.Doc.Unit.Name = "抚顺市社保中心\a" // a control character: neither file holds it
		test.Tap(s.AddCurrent)
		button := map[string]*widget.Button{".pdf": s.ExportPDF, ".xlsx": s.ExportExcel}[ext]
		test.Tap(button)
		s.jobs.Wait()
		if text := overlayText(s); !strings.Contains(text, "有 1 处文字无法照原样写入") || !strings.Contains(text, "部门（单位）名称") {
			t.Errorf("%s: dialog %q", ext, text)
		}
	}
}

// TestSummaryWindowCurrentDocumentReplaced: when the main window's document is replaced, the
// summary's entry of the old current document does not stay as a stale copy: an unsaved one is
// removed, one with a file becomes that file as saved (the unsaved edits dropped, as the window
// dropped them); the notes say so and the table follows.
func TestSummaryWindowCurrentDocumentReplaced(t *testing.T) {
	dir := t.TempDir()
	w, s, add := summaryTestWindow(t, "")
	doc, err := storage.Load(fileSample)
	if err != nil {
		t.Fatal(err)
	}
	w.setDocument(doc, "") // unsaved, e.g. imported from Excel as a new document
	test.Tap(s.AddCurrent)
	if len(s.Entries) != 1 || s.Entries[0].Label != "当前文档（添加时的内容，未保存）" {
		t.Fatalf("entries %+v", s.Entries)
	}
	w.New() // not changed since: no question
	if len(s.Entries) != 0 || s.Rows() != 2 || s.Summary.Total.Units != 0 || !s.ExportPDF.Disabled() {
		t.Fatalf("after 新建: %d entries, %d rows", len(s.Entries), s.Rows())
	}
	if !strings.Contains(s.Notes.Text, "未保存的“当前文档”已从汇总中移除") {
		t.Errorf("notes %q", s.Notes.Text)
	}

	// A document with a file, edited and not saved, then replaced without saving.
	other := editedCopy(t, dir)
	add(copySample(t, dir, "s.zpb"))
	w.Open(other)
	w.Doc.Unit.BudgetRow("I1").Full = "6000"
	w.changed()
	test.Tap(s.AddCurrent)
	if len(s.Entries) != 2 || s.Cell(5, 3) != "6000" || s.Notes.Text == "" || strings.Contains(s.Notes.Text, "已从汇总中移除") {
		t.Fatalf("current added: %d entries, 全年预算数 %q, notes %q", len(s.Entries), s.Cell(5, 3), s.Notes.Text)
	}
	w.setDocument(forms.NewDocument(2021), "") // 新建, 不保存
	e := s.Entries[1]
	if len(s.Entries) != 2 || e.Current || e.Label != other || e.Path != other {
		t.Fatalf("after replacing: entries %+v", s.Entries)
	}
	if got := s.Cell(5, 3); got != "5000" || s.Cell(s.Rows()-1, 3) != "9211.39" {
		t.Errorf("the file's 全年预算数 %q, 合计 %q", got, s.Cell(s.Rows()-1, 3))
	}
	if !strings.Contains(s.Notes.Text, "“当前文档”已换成它保存的文件“"+other+"”的内容") {
		t.Errorf("notes %q", s.Notes.Text)
	}
	// The new document can be added as the current one; the notice goes with the next change.
	test.Tap(s.AddCurrent)
	if len(s.Entries) != 3 || strings.Contains(s.Notes.Text, "已换成") {
		t.Errorf("new current: %d entries, notes %q", len(s.Entries), s.Notes.Text)
	}
	// A closed summary window is no longer told.
	s.Win.Close()
	w.New()
	if len(s.Entries) != 3 {
		t.Errorf("a closed window changed: %d entries", len(s.Entries))
	}
}
