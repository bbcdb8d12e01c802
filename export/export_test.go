package export

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/storage"
)

const sample = "../samples/fushun-shebao-2021.zpb"

func TestFormatOf(t *testing.T) {
	for path, want := range map[string]Format{"a.pdf": PDF, "A.PDF": PDF, "目录/表.XlsX": XLSX, "a.zpb": "", "a": "", "a.pdf.txt": ""} {
		got, ok := FormatOf(path)
		if got != want || ok != (want != "") {
			t.Errorf("FormatOf(%q) = %q, %v; want %q", path, got, ok, want)
		}
	}
}

// TestDocument: both formats are written whole, with their size, warnings and notes; the
// target may not be the input under another name, and a write that fails says which file
// and keeps the system's error.
func TestDocument(t *testing.T) {
	dir := t.TempDir()
	doc := formstest.Sample(t)
	in := filepath.Join(dir, "自评.zpb")
	data, _ := os.ReadFile(sample)
	os.WriteFile(in, data, 0o644)
	for f, magic := range map[Format]string{PDF: "%PDF-", XLSX: "PK"} {
		target := filepath.Join(dir, "表"+string(f))
		res, err := Document(target, f, doc, in)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out, _ := os.ReadFile(target)
		if !bytes.HasPrefix(out, []byte(magic)) || res.Path != target || res.Format != f {
			t.Errorf("%s: %q… written, result %+v", f, out[:min(len(out), 5)], res)
		}
		want := map[Format]string{PDF: "5 页", XLSX: "5 个工作表"}[f]
		if f == PDF && res.Pages < 1 || f == XLSX && len(res.Sheets) != 5 || f == XLSX && res.Size() != want {
			t.Errorf("%s: size %q", f, res.Size())
		}
	}
	hard := filepath.Join(dir, "硬链接.pdf")
	if err := os.Link(in, hard); err != nil {
		t.Fatal(err)
	}
	if _, err := Document(hard, PDF, doc, in); err == nil || !strings.Contains(err.Error(), "就是输入的文档") {
		t.Errorf("a hard link to the input as target: %v", err)
	}
	if after, _ := os.ReadFile(in); !bytes.Equal(after, data) {
		t.Error("the document changed")
	}
	missing := filepath.Join(dir, "没有", "表.pdf")
	_, err := Document(missing, PDF, doc)
	var we *WriteError
	if !errors.As(err, &we) || !errors.Is(err, os.ErrNotExist) || err.Error() != "无法写入“"+missing+"”：文件或文件夹不存在。" {
		t.Errorf("missing folder: %v", err)
	}
	if _, err := Document(filepath.Join(dir, "表.doc"), ".doc", doc); err == nil {
		t.Error("an unknown format was written")
	}
}

// TestDocumentNotes: the notes are forms.ExportNotes, the same for PDF and Excel.
func TestDocumentNotes(t *testing.T) {
	doc := formstest.Sample(t)
	doc.Unit = forms.NewDocument(2021).Unit // a blank unit form beside the projects: left out
	want := forms.ExportNotes(doc, forms.Evaluate(doc))
	if len(want) == 0 {
		t.Fatal("no notes to compare")
	}
	for _, f := range []Format{PDF, XLSX} {
		res, err := Document(filepath.Join(t.TempDir(), "x"+string(f)), f, doc)
		if err != nil || strings.Join(res.Notes, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: notes %q, want %q (%v)", f, res.Notes, want, err)
		}
	}
}

// TestDuplicate: a file is the same under another spelling, a symbolic or a hard link; a
// different file with the same content is not.
func TestDuplicate(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.zpb")
	os.WriteFile(a, []byte("{}"), 0o644)
	copyOf := filepath.Join(dir, "b.zpb")
	os.WriteFile(copyOf, []byte("{}"), 0o644)
	os.Symlink("a.zpb", filepath.Join(dir, "link.zpb"))
	os.Link(a, filepath.Join(dir, "hard.zpb"))
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	for _, other := range []string{filepath.Join(dir, "link.zpb"), filepath.Join(dir, "hard.zpb"), filepath.Join(dir, "sub", "..", "a.zpb")} {
		if i := Duplicate([]string{copyOf, a}, other); i != 1 {
			t.Errorf("Duplicate(%q) = %d, want 1", other, i)
		}
	}
	if i := Duplicate([]string{a, ""}, copyOf); i != -1 {
		t.Errorf("a copy is a duplicate at %d", i)
	}
	if i := Duplicate([]string{""}, ""); i != -1 {
		t.Errorf("two unsaved documents are the same file at %d", i)
	}
	err := Distinct([]string{a, copyOf, filepath.Join(dir, "link.zpb")})
	if err == nil || !strings.Contains(err.Error(), "第 3 个文件") || !strings.Contains(err.Error(), "第 1 个文件") {
		t.Errorf("Distinct: %v", err)
	}
}

// TestSummary: the summary is written in both formats with the summary's notes; a document
// given twice or a target that is one of the documents is refused before anything is written.
func TestSummary(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.zpb")
	data, _ := os.ReadFile(sample)
	os.WriteFile(in, data, 0o644)
	doc := formstest.Sample(t)
	doc.Unit.BudgetRow("I1").Actual = ""
	s := forms.NewSummary([]forms.SummaryInput{{Source: in, Doc: doc}})
	for f, magic := range map[Format]string{PDF: "%PDF-", XLSX: "PK"} {
		target := filepath.Join(dir, "汇总"+string(f))
		res, err := Summary(target, f, s, in)
		out, _ := os.ReadFile(target)
		if err != nil || !bytes.HasPrefix(out, []byte(magic)) || len(res.Notes) == 0 || strings.Join(res.Notes, "") != strings.Join(s.Notes, "") {
			t.Errorf("%s: %v, notes %q", f, err, res.Notes)
		}
	}
	link := filepath.Join(dir, "link.zpb")
	os.Symlink("a.zpb", link)
	if _, err := Summary(filepath.Join(dir, "两次.pdf"), PDF, s, in, link); err == nil || !strings.Contains(err.Error(), "同一个文档") {
		t.Errorf("a document twice: %v", err)
	}
	// A copy of the document under another name is the same unit: refused, naming both.
	cp := filepath.Join(dir, "副本.zpb")
	os.WriteFile(cp, data, 0o644)
	twice := forms.NewSummary([]forms.SummaryInput{{Source: in, Doc: formstest.Sample(t)}, {Source: cp, Doc: formstest.Sample(t)}})
	if _, err := Summary(filepath.Join(dir, "两次.pdf"), PDF, twice, in, cp); err == nil ||
		!strings.Contains(err.Error(), "「"+in+"」与「"+cp+"」是同一单位（名称“抚顺市社会保险事业服务中心”、年度 2021 相同）") {
		t.Errorf("the same unit from two files: %v", err)
	}
	hard := filepath.Join(dir, "h.pdf")
	os.Link(in, hard)
	if _, err := Summary(hard, PDF, s, in); err == nil || !strings.Contains(err.Error(), "就是输入的文档") {
		t.Errorf("target is the input: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "两次.pdf")); err == nil {
		t.Error("a refused summary was written")
	}
	if after, _ := os.ReadFile(in); !bytes.Equal(after, data) {
		t.Error("the document changed")
	}
}

// TestTemplate: the template is written as the exports are, and refused where they are.
func TestTemplate(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "模板.xlsx")
	if err := Template(target); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(target); !bytes.HasPrefix(data, []byte("PK")) {
		t.Error("no workbook written")
	}
	doc := filepath.Join(dir, "a.zpb")
	os.WriteFile(doc, []byte("{}"), 0o644)
	os.Symlink("a.zpb", filepath.Join(dir, "link.xlsx"))
	if err := Template(filepath.Join(dir, "link.xlsx")); err == nil || !strings.Contains(err.Error(), "指向绩效自评文档") {
		t.Errorf("a link to a document: %v", err)
	}
	if data, _ := os.ReadFile(doc); string(data) != "{}" {
		t.Error("the document changed")
	}
	var we *WriteError
	if err := Template(filepath.Join(dir, "无", "模板.xlsx")); !errors.As(err, &we) {
		t.Errorf("missing folder: %v", err)
	}
}

// TestProjectOnlyDocument: a unit form with only its header (forms.NotStarted) beside projects
// is neither printed nor exported, and the notes say so; once an amount is typed it is both.
func TestProjectOnlyDocument(t *testing.T) {
	doc := formstest.Sample(t)
	name := doc.Unit.Name
	doc.Unit = forms.NewDocument(2021).Unit
	doc.Unit.Name, doc.Unit.Staff = name, "51" // the header only
	_, whole, err := Render(formstest.Sample(t), PDF)
	if err != nil {
		t.Fatal(err)
	}
	pdf, res, err := Render(doc, PDF)
	if err != nil || len(pdf) == 0 || res.Pages >= whole.Pages {
		t.Fatalf("PDF: %d pages (the whole sample %d), %v", res.Pages, whole.Pages, err)
	}
	_, xl, err := Render(doc, XLSX)
	if err != nil || len(xl.Sheets) != len(doc.Projects) {
		t.Fatalf("Excel sheets %q, %v", xl.Sheets, err)
	}
	notes := forms.ExportNotes(doc, forms.Evaluate(doc))
	if len(notes) != 1 || notes[0] != forms.UnitFormName+"未填写，未导出（文档中只有项目表）。" {
		t.Fatalf("notes %q", notes)
	}
	doc.Unit.BudgetRow("I1").Full = "100"
	if _, xl, err := Render(doc, XLSX); err != nil || len(xl.Sheets) != len(doc.Projects)+1 {
		t.Fatalf("with an amount: sheets %q, %v", xl.Sheets, err)
	}
}

// TestReplacedFileKept: an export over an existing file (the window asked, the command line
// had --force) keeps that file as its .bak and says so; a second export keeps the first as
// .2.bak and the signed copy where it was.
func TestReplacedFileKept(t *testing.T) {
	doc, err := storage.Load("../samples/fushun-shebao-2021" + forms.FileExt)
	if err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(t.TempDir(), "抚顺.pdf")
	signed := []byte("%PDF- the signed and stamped scan")
	if err := os.WriteFile(target, signed, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Document(target, PDF, doc)
	if err != nil {
		t.Fatal(err)
	}
	bak := storage.BackupFile(target)
	if got, _ := os.ReadFile(bak); !bytes.Equal(got, signed) {
		t.Errorf("the .bak holds %q", got)
	}
	if n := strings.Join(res.Notes, "\n"); !strings.Contains(n, "原有的“抚顺.pdf”已保留为“抚顺.pdf.bak”") {
		t.Errorf("notes %q", n)
	}
	first, _ := os.ReadFile(target)
	res, err = Document(target, PDF, doc)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(bak); !bytes.Equal(got, signed) {
		t.Error("the second export replaced the signed copy's .bak")
	}
	if got, _ := os.ReadFile(storage.BackupFile(target + ".2")); !bytes.Equal(got, first) {
		t.Error("the second export did not keep the first as .2.bak")
	}
	if n := strings.Join(res.Notes, "\n"); !strings.Contains(n, "已保留为“抚顺.pdf.2.bak”") {
		t.Errorf("notes %q", n)
	}
	// A folder named as the next backup is left alone; the one after it is used.
	if err := os.Mkdir(storage.BackupFile(target+".3"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Document(target, PDF, doc); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(storage.BackupFile(target + ".4")); err != nil || !fi.Mode().IsRegular() {
		t.Errorf("no .4.bak beside the folder .3.bak: %v", err)
	}
}
