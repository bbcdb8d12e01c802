package xlsxin

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"ziping/forms/formstest"
	"ziping/internal/testtool"
)

// resave opens an .xlsx in LibreOffice Calc and saves it again, as a colleague's spreadsheet
// program would, in a profile of its own (testtool.Soffice: not under -short).
func resave(t *testing.T, data []byte) []byte {
	t.Helper()
	soffice := testtool.Soffice(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in.xlsx")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	out := filepath.Join(dir, "out")
	cmd := exec.CommandContext(ctx, soffice, "--headless", "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, in)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	saved, err := os.ReadFile(filepath.Join(out, "in.xlsx"))
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
