package export

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/report"
	"ziping/storage"
)

// TestReadOnlyTargetRefused: the one export path (the window's too) never replaces a
// read-only file, though the rename it writes with would succeed; the file keeps its bytes.
func TestReadOnlyTargetRefused(t *testing.T) {
	dir := t.TempDir()
	doc := formstest.Sample(t)
	s := forms.NewSummary([]forms.SummaryInput{{Source: sample, Doc: doc}})
	for name, write := range map[string]func(string) error{
		"ro.pdf":      func(p string) error { _, err := Document(p, PDF, doc); return err },
		"ro.xlsx":     func(p string) error { _, err := Document(p, XLSX, doc); return err },
		"summary.pdf": func(p string) error { _, err := Summary(p, PDF, s, sample); return err },
		"模板.xlsx":     Template,
		"报告.docx":     func(p string) error { _, err := Report(p, doc, report.Options{}); return err },
		"报告模板.docx":   DefaultReportTemplate,
	} {
		target := filepath.Join(dir, name)
		old := []byte("signed copy")
		if err := os.WriteFile(target, old, 0o444); err != nil {
			t.Fatal(err)
		}
		var ro *storage.ReadOnlyTargetError
		if err := write(target); !errors.As(err, &ro) {
			t.Errorf("%s: %v, want a ReadOnlyTargetError", name, err)
		}
		if got, _ := os.ReadFile(target); !bytes.Equal(got, old) {
			t.Errorf("%s: the read-only file was replaced", name)
		}
	}
}
