package xlsxout

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/internal/testtool"
	"ziping/tables"
)

func writeSummary(t *testing.T, s *forms.Summary) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := WriteSummary(&buf, s); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func openSummary(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// calc is the value Excel computes for a cell, and raw the value stored in the file.
func calc(t *testing.T, f *excelize.File, cell string) (calc, raw string) {
	t.Helper()
	c, err := f.CalcCellValue(SummarySheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s: %v", cell, err)
	}
	r, err := f.GetCellValue(SummarySheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return c, r
}

// TestWriteSummary: rows 4–7, 8–11 and 12–14 are the units (one row per project); row 15 is
// 合计, whose formulas compute what forms computes.
func TestWriteSummary(t *testing.T) {
	s := forms.NewSummary(formstest.SummaryInputs(t, sample))
	f := openSummary(t, writeSummary(t, s))
	cells := map[string]string{
		"A1": "部门（单位）整体绩效自评汇总表", "B4": "抚顺市社会保险事业服务中心", "D4": "4211.39", "F4": "1",
		"G4": "97", "I4": "4", "J4": "新办公楼租金及物业费", "K4": "96", "L4": "优",
		"B8": "抚顺市东洲区社会保险事业服务所", "D8": "5000", "E8": "4211.39", "F8": "0.842278", "G8": "92.41",
		"C12": "2020", "E12": "", "F12": "", "J12": "社会保障行政运行费", "I12": "3",
		"A15": "合计（3 个单位）",
	}
	for cell, want := range cells {
		if got, _ := f.GetCellValue(SummarySheet, cell, excelize.Options{RawCellValue: true}); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
	tot := s.Total
	for cell, want := range map[string]string{
		"D15": s.AmountText(tot.Budget, forms.ColFull), "E15": s.AmountText(tot.Budget, forms.ColActual),
		"F15": tot.Budget.RateText(), "I15": "11",
	} {
		got, raw := calc(t, f, cell)
		if got != want || raw != want {
			t.Errorf("%s computes %q, stores %q; forms says %q", cell, got, raw, want)
		}
	}
	if form, _ := f.GetCellFormula(SummarySheet, "D15"); !strings.Contains(form, "SUM(D4,D8,D12)") {
		t.Errorf("D15 formula %q", form)
	}
	merged, _ := f.GetMergeCells(SummarySheet)
	var refs []string
	for _, m := range merged {
		refs = append(refs, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	for _, want := range []string{"B4:B7", "B8:B11", "B12:B14", "A15:C15", "G2:H2"} {
		if !strings.Contains(strings.Join(refs, " "), want) {
			t.Errorf("no merged %s in %v", want, refs)
		}
	}
}

// TestWriteSummaryCompleteRate: with every figure filled in, the 合计 执行率 formula gives the
// rate forms computes (85.1%), and the title carries the one year.
func TestWriteSummaryCompleteRate(t *testing.T) {
	in := formstest.SummaryInputs(t, sample)
	in[2].Doc.Unit.BudgetRow("I1").Actual = "3000"
	in[2].Doc.Settings.Year = "2021"
	s := forms.NewSummary(in)
	f := openSummary(t, writeSummary(t, s))
	got, raw := calc(t, f, "F15")
	for _, v := range []string{got, raw} {
		d, err := decimal.NewFromString(v)
		if err != nil || forms.FormatPercent(d) != "85.1%" || s.Total.Budget.RateText() != "85.1%" {
			t.Errorf("F15 = %q (computed %q), forms %s", raw, got, s.Total.Budget.RateText())
		}
	}
	if title, _ := f.GetCellValue(SummarySheet, "A1"); title != "2021 年部门（单位）整体绩效自评汇总表" {
		t.Errorf("title %q", title)
	}
}

// TestWriteSummaryLibreOffice: LibreOffice, which does not recalculate a workbook on opening,
// shows the stored values of the 合计 formulas.
func TestWriteSummaryLibreOffice(t *testing.T) {
	testtool.Slow(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "汇总.xlsx")
	os.WriteFile(path, writeSummary(t, forms.NewSummary(formstest.SummaryInputs(t, sample))), 0o644)
	csvPath := testtool.Convert(t, filepath.Join(dir, "profile"), path, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true", dir)
	data, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil || len(rows) < 15 {
		t.Fatalf("%d rows (%v):\n%s", len(rows), err, data)
	}
	got := strings.Join(rows[14][:9], "|")
	if want := "合计（3 个单位）|||13422.78|8422.78||——|——|11"; got != want {
		t.Errorf("LibreOffice shows the totals as\n%s\nwant\n%s", got, want)
	}
	if row := strings.Join(rows[7][:9], "|"); row != "2|抚顺市东洲区社会保险事业服务所|2021|5000|4211.39|84.23%|92.41|优|4" {
		t.Errorf("second unit shows as %s", row)
	}
}

func TestWriteSummaryEmptyAndOddText(t *testing.T) {
	f := openSummary(t, writeSummary(t, forms.NewSummary(nil)))
	if v, _ := f.GetCellValue(SummarySheet, "A4"); v != "合计（0 个单位）" {
		t.Errorf("A4 of an empty summary %q", v)
	}
	doc := forms.NewDocument(2021)
	doc.Unit.Name = "单位\x07名"
	f = openSummary(t, writeSummary(t, forms.NewSummary([]forms.SummaryInput{{Source: "x.zpb", Doc: doc}})))
	if v, _ := f.GetCellValue(SummarySheet, "B4"); v != "单位□名" {
		t.Errorf("B4 %q", v)
	}
	if v, _ := f.GetCellValue(SummarySheet, "J4"); v != "——" {
		t.Errorf("J4 of a unit without projects %q", v)
	}
}

// TestWriteSummaryCleansAsForms: the summary's texts are made storable by the same rules as
// the forms' sheets (tabs to spaces, U+FFFE to □, cut at Excel's limit in UTF-16 units), and
// each change is reported naming the unit, the project and the field.
func TestWriteSummaryCleansAsForms(t *testing.T) {
	doc := forms.NewDocument(2021)
	doc.Unit.Name = "单位\t名\uFFFE"
	doc.AddProject().Name = strings.Repeat("𠮷", 20_000) // 40,000 UTF-16 units
	var buf bytes.Buffer
	warnings, err := WriteSummary(&buf, forms.NewSummary([]forms.SummaryInput{{Source: "x.zpb", Doc: doc}}))
	if err != nil {
		t.Fatal(err)
	}
	f := openSummary(t, buf.Bytes())
	if v, _ := f.GetCellValue(SummarySheet, "B4"); v != "单位 名□" {
		t.Errorf("B4 %q, want %q", v, "单位 名□")
	}
	name, _ := f.GetCellValue(SummarySheet, "J4")
	if n := len(utf16.Encode([]rune(name))); n > maxCellUnits || n < maxCellUnits-10 || !strings.HasSuffix(name, cutNote) {
		t.Errorf("project name stored with %d UTF-16 units, ending %q", n, name[max(0, len(name)-30):])
	}
	checkSummaryWarnings(t, warnings)
}

// checkSummaryWarnings: the unit's name and its project's name are reported, naming the unit
// and the project by their places, as the PDF's warnings do.
func checkSummaryWarnings(t *testing.T, warnings []forms.Problem) {
	t.Helper()
	fields := map[string]bool{}
	rows := map[string]string{"部门（单位）名称": "", "项目（政策）名称": "项目 1"}
	for _, p := range warnings {
		if p.Section == "注" {
			continue // the notes quote the unit's name
		}
		fields[p.Field] = true
		if p.Form != tables.SummaryName || p.Section != "第 1 个单位" || p.Row != rows[p.Field] {
			t.Errorf("warning names %s", p)
		}
	}
	if len(fields) != 2 || !fields["部门（单位）名称"] || !fields["项目（政策）名称"] {
		t.Errorf("warnings %v", warnings)
	}
}

// TestWriteSummaryRatesAsForms: 执行率 shows as the forms' sheets and the PDF print it.
func TestWriteSummaryRatesAsForms(t *testing.T) {
	s := forms.NewSummary(formstest.SummaryInputs(t, sample))
	f := openSummary(t, writeSummary(t, s))
	for cell, want := range map[string]string{"F4": "100%", "F8": "84.23%", "F12": ""} {
		if got, _ := f.GetCellValue(SummarySheet, cell); got != want {
			t.Errorf("%s shows %q, want %q", cell, got, want)
		}
	}
	if got := s.Units[1].Budget.RateText(); got != "84.23%" {
		t.Errorf("forms prints the rate as %q", got)
	}
}
