package xlsxin

import (
	"os"
	"path/filepath"
	"testing"

	"ziping/forms/formstest"
	"ziping/internal/testtool"
)

// resave opens an .xlsx in LibreOffice Calc and saves it again, as a colleague's spreadsheet
// program would, in a profile of its own (testtool.Soffice: not under -short).
func resave(t *testing.T, data []byte) []byte {
	t.Helper()
	testtool.Slow(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in.xlsx")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := testtool.Convert(t, filepath.Join(dir, "profile"), in, "xlsx:Calc MS Excel 2007 XML", filepath.Join(dir, "out"))
	saved, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return saved
}

// Ziping's export opened and saved again in another spreadsheet program (its own shared
// strings, styles and number format IDs; formulas kept with their values) still comes back
// as the document.
func TestExportResavedByLibreOffice(t *testing.T) {
	doc := rich(t)
	res := importBytes(t, resave(t, export(t, doc)), "另存.xlsx")
	formstest.SameSaved(t, "the document read back", ignoreComputed(res.Doc), ignoreComputed(rich(t))) // its shadow sheet kept
	sameEvaluation(t, res.Doc, doc)
}
