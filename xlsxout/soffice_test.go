package xlsxout

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/internal/testtool"
	"ziping/tables"
)

// recalcAlways is a LibreOffice profile setting: recalculate xlsx formulas on loading, instead
// of showing the values stored with them (LibreOffice's default, "never recalculate").
const recalcAlways = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// convert turns xlsx into a PDF with LibreOffice in a profile of its own and returns its text.
func convert(t *testing.T, xlsx string, recalc bool) string {
	t.Helper()
	testtool.Slow(t)
	pdftotext := testtool.Need(t, "pdftotext", testtool.Poppler)
	dir := t.TempDir()
	profile := filepath.Join(dir, "profile")
	if recalc {
		if err := os.MkdirAll(filepath.Join(profile, "user"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(recalcAlways), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pdf := testtool.Convert(t, profile, xlsx, "pdf", dir)
	text, err := exec.Command(pdftotext, "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(text)
}

var (
	unitTotalRE    = regexp.MustCompile(`总评价得分\s+(\S+)`)
	projectTotalRE = regexp.MustCompile(`绩效自评总得分（C\+D）\s+(\S+)`)
	// nationalTotalRE is the 总分 line of a project form of the national template: Σ分值, when
	// every 分值 is filled, then C+D.
	nationalTotalRE = regexp.MustCompile(`(?m)^\s*总分\s+(.*)$`)
)

// totalsIn returns the unit's and the projects' totals printed in text, in order.
func totalsIn(text string) []string {
	var out []string
	for _, m := range unitTotalRE.FindAllStringSubmatch(text, -1) {
		out = append(out, m[1])
	}
	for _, m := range projectTotalRE.FindAllStringSubmatch(text, -1) {
		out = append(out, m[1])
	}
	for _, m := range nationalTotalRE.FindAllStringSubmatch(text, -1) {
		f := strings.Fields(m[1])
		out = append(out, f[len(f)-1])
	}
	return out
}

// zeroCached rewrites an xlsx with every formula's stored value set to 0, so that only a
// reader that computes the formulas can show the right figures.
func zeroCached(t *testing.T, data []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	cached := regexp.MustCompile(`(</f><v>)[^<]*(</v>)`)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(f.Name, "xl/worksheets/") {
			body = cached.ReplaceAll(body, []byte("${1}0${2}"))
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestLibreOfficeShowsTheTotals: LibreOffice converts the sample's workbook to PDF and prints
// every form total of forms.Evaluate, both from the values stored with the formulas (its
// default) and when it computes the formulas itself from a workbook whose stored values are 0.
func TestLibreOfficeShowsTheTotals(t *testing.T) {
	got := libreOfficeTotals(t, formstest.Sample(t))
	if !slices.Equal(got, []string{"97", "96", "95", "95", "96"}) {
		t.Errorf("totals %q, want 97 96 95 95 96", got)
	}
}

// TestLibreOfficeComputesQuantRows: LibreOffice computes the 得分 formulas that refer to the
// 指标值 and 全年完成值 cells (linear rule). Forms without rows have blank totals, which
// TestEmptyIndicatorTrees checks.
func TestLibreOfficeComputesQuantRows(t *testing.T) {
	libreOfficeTotals(t, quantDoc(t, forms.NegativeLinear))
}

// libreOfficeTotals checks that LibreOffice prints forms' totals of doc, from the stored values
// and computing the formulas of a workbook whose stored values are 0, and returns them.
func libreOfficeTotals(t *testing.T, doc *forms.Document) []string {
	t.Helper()
	ev := forms.Evaluate(doc)
	want := []string{ev.Unit.TotalText()}
	for _, p := range ev.Projects {
		want = append(want, p.TotalText())
	}
	if slices.Contains(want, "") {
		t.Fatalf("a form of the test document is incomplete: totals %q", want)
	}
	var buf bytes.Buffer
	if _, err := Write(&buf, doc); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	stored, zeroed := filepath.Join(dir, "sample.xlsx"), filepath.Join(dir, "zeroed.xlsx")
	if err := os.WriteFile(stored, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(zeroed, zeroCached(t, buf.Bytes()), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := totalsIn(convert(t, stored, false)); !slices.Equal(got, want) {
		t.Errorf("LibreOffice prints totals %q, want %q", got, want)
	}
	z, err := excelize.OpenFile(zeroed)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	if v, _ := z.GetCellValue(z.GetSheetList()[0], placeGrid((&cleaner{}).sheetOf(tables.Form(doc, ev, -1), "x")).refs[tables.KeyTotal], excelize.Options{RawCellValue: true}); v != "0" {
		t.Fatalf("the zeroed workbook stores the unit total as %q", v)
	}
	if got := totalsIn(convert(t, zeroed, true)); !slices.Equal(got, want) {
		t.Errorf("LibreOffice computes totals %q, want %q", got, want)
	}
	return want
}
