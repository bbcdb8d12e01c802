package published

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/pdfout"
	"ziping/storage"
	"ziping/xlsxin"
	"ziping/xlsxout"
)

// TestPublishedRoundTrip exports every typed table, and the seed in the national 表式, to
// Excel and imports the workbook back, twice, as `ziping export` and `ziping import` do
// (cli/importcmd.go): each trip gives back the same document (forms, fields, 表式, 计分规则,
// 签字栏, byte for byte as saved), so the check and the printed PDF are the same too.
func TestPublishedRoundTrip(t *testing.T) {
	docs := map[string]*forms.Document{}
	for _, tb := range loadManifest(t).Tables {
		doc, err := storage.Load(tb.File)
		if err != nil {
			t.Fatal(err)
		}
		docs[strings.TrimSuffix(tb.File, forms.FileExt)] = doc
	}
	seed, err := storage.Load("../fushun-shebao-2021" + forms.FileExt)
	if err != nil {
		t.Fatal(err)
	}
	docs["seed-liaoning"] = seed
	national, err := storage.Load("../fushun-shebao-2021" + forms.FileExt)
	if err != nil {
		t.Fatal(err)
	}
	national.Settings.SetTemplate(forms.TemplateNational)
	docs["seed-national"] = national
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			once := roundTrip(t, doc)
			formstest.SameSaved(t, "the first round trip", once, doc)
			twice := roundTrip(t, once)
			formstest.SameSaved(t, "the second round trip", twice, once)
			if a, b := pdfBytes(t, doc), pdfBytes(t, twice); !bytes.Equal(a, b) {
				t.Errorf("the PDF after two round trips differs (%d bytes, was %d)", len(b), len(a))
			}
		})
	}
}

// roundTrip writes doc as a workbook and reads it back, logging the import's notes.
func roundTrip(t *testing.T, doc *forms.Document) *forms.Document {
	t.Helper()
	var buf bytes.Buffer
	if _, err := xlsxout.Write(&buf, doc); err != nil {
		t.Fatal(err)
	}
	res, err := xlsxin.Import(bytes.NewReader(buf.Bytes()), int64(buf.Len()), "roundtrip.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range res.Notes {
		t.Log("import note:", n)
	}
	return res.Doc
}

// pdfBytes is the PDF `ziping export` writes for doc, dated as SOURCE_DATE_EPOCH would date it.
func pdfBytes(t *testing.T, doc *forms.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := pdfout.Render(&buf, doc, pdfout.Options{Created: time.Unix(1700000000, 0)}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
