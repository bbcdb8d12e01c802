package xlsxin

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
)

// TestUnknownTemplateImportRefused: a workbook whose document names a 表式 this program does
// not have is refused, saying so, rather than read as the default template's sheets.
func TestUnknownTemplateImportRefused(t *testing.T) {
	doc := formstest.Sample(t)
	doc.Settings.Template = "hebei"
	data := export(t, doc)
	_, err := Import(bytes.NewReader(data), int64(len(data)), "河北.xlsx")
	var unknown *forms.UnknownTemplateError
	if !errors.As(err, &unknown) || !strings.Contains(err.Error(), "表式“hebei”无法识别") {
		t.Fatalf("imported: %v", err)
	}
}

// TestReadersOrder: the forms recognised by their title are tried before those recognised by
// labels found anywhere, whatever order their files register them in.
func TestReadersOrder(t *testing.T) {
	seen := false
	for _, r := range projectReaders {
		if seen && !r.anywhere {
			t.Fatalf("%s is tried after a reader of labels found anywhere", r.template)
		}
		seen = seen || r.anywhere
	}
	saved := slices.Clone(projectReaders)
	defer func() { projectReaders = saved }()
	registerReader(projectReader{template: "late", is: func(*sheet) bool { return false }})
	if n := len(projectReaders); projectReaders[n-1].template == "late" {
		t.Error("a reader by title registered last is tried after one of labels found anywhere")
	}
}

// TestShortSheetIsPlain: a sheet of fewer than three rows is no form, whatever labels it holds
// (two rows naming the national form's three labels are read as a plain table, not refused as
// a national form without its rows); with a third row it is recognised.
func TestShortSheetIsPlain(t *testing.T) {
	s := &sheet{name: "Sheet1", width: 3}
	row := func(texts ...string) {
		r := len(s.grid)
		out := make([]*cell, len(texts))
		for c, x := range texts {
			out[c] = &cell{text: x, row: r, col: c, lastRow: r, lastCol: c}
		}
		s.grid = append(s.grid, out)
	}
	row("项目名称", "年度资金总额", "三级指标")
	row("甲", "1", "乙")
	if r := readerOf(s); r != nil {
		t.Errorf("a two-row sheet read as a %s form", r.template)
	}
	row("丙", "2", "丁")
	if r := readerOf(s); r == nil || r.template != forms.TemplateNational {
		t.Errorf("a three-row sheet with the national labels: %v", r)
	}
}
