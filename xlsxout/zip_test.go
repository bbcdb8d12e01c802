package xlsxout

import (
	"archive/zip"
	"bytes"
	"slices"
	"testing"

	"ziping/forms"
)

// TestSameDocumentSameBytes: the workbook of a document, and its summary's, are the same bytes
// every time (excelize alone orders the parts differently from run to run), with the parts in
// name order.
func TestSameDocumentSameBytes(t *testing.T) {
	doc := loadSample(t)
	summary := forms.NewSummary([]forms.SummaryInput{{Source: sample, Doc: doc}})
	for name, write := range map[string]func(*bytes.Buffer) error{
		"forms":   func(b *bytes.Buffer) error { _, err := Write(b, doc); return err },
		"summary": func(b *bytes.Buffer) error { _, err := WriteSummary(b, summary); return err },
	} {
		var first bytes.Buffer
		if err := write(&first); err != nil {
			t.Fatal(err)
		}
		for range 5 {
			var again bytes.Buffer
			if err := write(&again); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Bytes(), again.Bytes()) {
				t.Fatalf("%s: two workbooks of the same document differ", name)
			}
		}
		zr, err := zip.NewReader(bytes.NewReader(first.Bytes()), int64(first.Len()))
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, f := range zr.File {
			names = append(names, f.Name)
		}
		if !slices.IsSorted(names) || !slices.Contains(names, "[Content_Types].xml") {
			t.Errorf("%s: parts %q", name, names)
		}
	}
}
