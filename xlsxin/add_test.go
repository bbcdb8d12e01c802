package xlsxin

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
)

// Projects read from a plain sheet are added after the open document's own, as copies, with
// the open document's unit name where 主管部门 and 实施单位 are blank; the notes say the file's
// year differs.
func TestAddToOpenDocument(t *testing.T) {
	sheet := bookSheet{name: "培训", rows: [][]any{
		{"2022年度"},
		{"项目名称", "就业培训"},
		{"三级指标", "分值", "得分"},
		{"培训人次", 10, 9},
	}}
	res := importBytes(t, testBook{sheets: []bookSheet{sheet}}.bytes(t), "培训.xlsx")
	doc := formstest.Sample(t)
	n := len(doc.Projects)
	notes, err := res.AddTo(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Projects) != n+1 {
		t.Fatalf("%d projects, want %d", len(doc.Projects), n+1)
	}
	p := doc.Projects[n]
	if p.Name != "就业培训" || p.Department != doc.Unit.Name || p.Implementer != doc.Unit.Name {
		t.Errorf("added %q %q %q", p.Name, p.Department, p.Implementer)
	}
	if !containsNote(notes, "文件的年度是 2022，打开的文档是 2021") {
		t.Errorf("notes %q", notes)
	}
	p.Name = "改过"
	if res.Doc.Projects[0].Name != "就业培训" {
		t.Error("the added project is the result's own, not a copy")
	}
}

// Ziping's own export added to a document: its projects only, and a note that its unit form
// was not taken; the projects read from the export keep their blank fields.
func TestAddExportToOpenDocument(t *testing.T) {
	src := formstest.Sample(t)
	src.Projects[0].Department = ""
	res := importBytes(t, export(t, src), "s.xlsx")
	doc := forms.NewDocument(2021)
	notes, err := res.AddTo(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Projects) != 4 || doc.Projects[0].Department != "" || doc.Unit.Name != "" {
		t.Errorf("%d projects, department %q, unit %q", len(doc.Projects), doc.Projects[0].Department, doc.Unit.Name)
	}
	if !containsNote(notes, "单位整体绩效自评表没有加入") {
		t.Errorf("notes %q", notes)
	}
}

// Beyond forms.MaxProjects nothing is added.
func TestAddToRefusesTooManyProjects(t *testing.T) {
	res := importBytes(t, export(t, formstest.Sample(t)), "s.xlsx")
	doc := forms.NewDocument(2021)
	for range forms.MaxProjects - 3 {
		doc.AddProject()
	}
	_, err := res.AddTo(doc)
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, forms.ErrLimit) || !strings.Contains(err.Error(), "打开的文档已有 197 张项目表，再加入 4 张超过上限") {
		t.Fatalf("error %v", err)
	}
	if len(doc.Projects) != forms.MaxProjects-3 {
		t.Errorf("the document changed: %d projects", len(doc.Projects))
	}
}

func TestImportFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.xlsx")
	if err := os.WriteFile(path, export(t, formstest.Sample(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	if res, err := ImportFile(path); err != nil || len(res.Doc.Projects) != 4 {
		t.Fatalf("%v", err)
	}
	for file, want := range map[string]string{
		filepath.Join(dir, "无.xlsx"): "无法导入“无.xlsx”：无法打开：文件或文件夹不存在。",
		dir:                          "这是文件夹，不是文件。",
	} {
		_, err := ImportFile(file)
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v", file, err)
		}
	}
}
