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
