package xlsxout

import (
	"bytes"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/tables"
)

const sample = "../samples/fushun-shebao-2021.zpb"

// written is a document written and read back, with the grids Write laid it out in.
type written struct {
	f      *excelize.File
	res    *Result
	grids  []*grid
	ev     *forms.Evaluation
	sheets []string
}

func write(t testing.TB, doc *forms.Document) *written {
	t.Helper()
	var buf bytes.Buffer
	res, err := Write(&buf, doc)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	w := &written{f: f, res: res, ev: forms.Evaluate(doc), sheets: f.GetSheetList()}
	// The forms' sheets, then the very hidden shadow (shadow.go), which Write does not report.
	if !slices.Equal(w.sheets, append(slices.Clone(res.Sheets), ShadowSheet)) {
		t.Fatalf("workbook holds sheets %q, Write reported %q", w.sheets, res.Sheets)
	}
	if visible, err := f.GetSheetVisible(ShadowSheet); err != nil || visible {
		t.Fatalf("the shadow sheet is visible (%v)", err)
	}
	w.sheets = res.Sheets
	for i, tb := range tables.Forms(doc, w.ev) {
		w.grids = append(w.grids, placeGrid((&cleaner{}).sheetOf(tb, w.sheets[i])))
	}
	return w
}

// calc computes the cell named key of sheet i with excelize's own formula engine.
func (w *written) calc(t *testing.T, i int, key string) float64 {
	t.Helper()
	ref, ok := w.grids[i].refs[key]
	if !ok {
		t.Fatalf("sheet %q has no cell %q", w.sheets[i], key)
	}
	return w.calcAt(t, i, ref)
}

func (w *written) calcAt(t *testing.T, i int, ref string) float64 {
	t.Helper()
	got, err := w.f.CalcCellValue(w.sheets[i], ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s!%s: %v", w.sheets[i], ref, err)
	}
	v, err := strconv.ParseFloat(got, 64)
	if err != nil {
		t.Fatalf("%s!%s computes %q, not a number", w.sheets[i], ref, got)
	}
	return v
}

// near compares a spreadsheet's double with forms' exact decimal as printed (2 decimals).
func near(got float64, want decimal.Decimal) bool {
	return math.Abs(got-want.InexactFloat64()) < 0.0005
}

// checkFormulas computes every formula of every sheet with excelize and compares it with the
// value forms computed for that cell; it returns how many it checked.
func (w *written) checkFormulas(t *testing.T) int {
	t.Helper()
	n := 0
	for i, g := range w.grids {
		for _, p := range g.cells {
			if p.kind != kindFormula {
				continue
			}
			ref := cellName(p.col, p.row)
			stored, err := w.f.GetCellFormula(w.sheets[i], ref)
			if err != nil || stored == "" || strings.ContainsAny(stored, "{}") {
				t.Errorf("%s!%s has no formula or one with a placeholder left: %q (%v)", w.sheets[i], ref, stored, err)
				continue
			}
			if got := w.calcAt(t, i, ref); !near(got, p.num) {
				t.Errorf("%s!%s = %s computes %v, forms has %s", w.sheets[i], ref, stored, got, p.num)
			}
			n++
		}
	}
	return n
}

// checkTotals compares each form's totals in the workbook with forms.Evaluate.
func (w *written) checkTotals(t *testing.T) {
	t.Helper()
	if !w.ev.Unit.Complete {
		w.checkBlank(t, 0, "total")
	} else if got := w.calc(t, 0, "total"); !near(got, w.ev.Unit.Total) {
		t.Errorf("unit total %v, forms %s", got, w.ev.Unit.Total)
	}
	for i, r := range w.ev.Projects {
		if !r.Complete { // an incomplete form has no C and no C+D, as forms and the PDF leave them
			w.checkBlank(t, i+1, tables.KeyC)
			w.checkBlank(t, i+1, "total")
		} else if got, total := w.calc(t, i+1, tables.KeyC), w.calc(t, i+1, "total"); !near(got, r.C) || !near(total, r.Total) {
			t.Errorf("project %d: C %v total %v, forms %s %s", i+1, got, total, r.C, r.Total)
		}
		if r.HasD {
			if got := w.calc(t, i+1, tables.KeyD); !near(got, r.D) {
				t.Errorf("project %d: D %v, forms %s", i+1, got, r.D)
			}
		}
	}
}

func TestSampleTotalsAndFormulas(t *testing.T) {
	w := write(t, formstest.Sample(t))
	want := []string{"单位整体绩效自评表", "项目1 新办公楼租金及物业费", "项目2 社会保障行政运行费", "项目3 雇佣专业技术人员费用", "项目4 保障中心托管离退休人员费用"}
	if !slices.Equal(w.sheets, want) {
		t.Errorf("sheets %q, want %q", w.sheets, want)
	}
	w.checkTotals(t)
	totals := []float64{w.calc(t, 0, "total")}
	for i := range w.ev.Projects {
		totals = append(totals, w.calc(t, i+1, "total"))
	}
	if !slices.Equal(totals, []float64{97, 96, 95, 95, 96}) {
		t.Errorf("totals %v, want 97 96 95 95 96", totals)
	}
	if n := w.checkFormulas(t); n < 40 {
		t.Errorf("only %d formulas", n)
	}
	if len(w.res.Warnings) != 0 {
		t.Errorf("warnings for the sample: %v", w.res.Warnings)
	}
}

// cellAt returns the type, value and formula of the cell named key of sheet i.
// checkBlank fails unless the cell keyed key of sheet i is empty: no value, no formula.
func (w *written) checkBlank(t *testing.T, i int, key string) {
	t.Helper()
	if _, v, f := w.cellAt(t, i, key); v != "" || f != "" {
		t.Errorf("%s %s: value %q formula %q, want a blank cell", w.sheets[i], key, v, f)
	}
}

func (w *written) cellAt(t *testing.T, i int, key string) (excelize.CellType, string, string) {
	t.Helper()
	ref, ok := w.grids[i].refs[key]
	if !ok {
		t.Fatalf("no cell %q", key)
	}
	typ, err := w.f.GetCellType(w.sheets[i], ref)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := w.f.GetCellValue(w.sheets[i], ref)
	f, _ := w.f.GetCellFormula(w.sheets[i], ref)
	return typ, v, f
}

func TestSampleCellsKeepTheirTypes(t *testing.T) {
	w := write(t, formstest.Sample(t))
	type want struct {
		typ     excelize.CellType
		value   string
		formula bool
	}
	for key, c := range map[string]want{
		"budget/I1/0":     {excelize.CellTypeUnset, "4211.39", false},   // typed number
		"budget/I0/0":     {excelize.CellTypeUnset, "4211.39", true},    // subtotal: SUM
		"budget/E1/0":     {excelize.CellTypeUnset, "3014.2", false},    // typed subtotal stays typed
		"budget/E2/1":     {excelize.CellTypeUnset, "1197.19", true},    // computed subtotal
		"budget/I2/0":     {excelize.CellTypeUnset, "", false},          // blank stays blank, not 0
		"budget/I2/2":     {excelize.CellTypeInlineString, dash, false}, // a row with no amounts prints ——
		"task/1/0":        {excelize.CellTypeUnset, "", false},          // 重点工作二 has no amounts
		"task/total/2":    {excelize.CellTypeUnset, "1197.19", true},
		"funds/T/1":       {excelize.CellTypeUnset, "600.00", false}, // typed "600.00" keeps its decimals
		tables.KeyDWeight: {excelize.CellTypeUnset, "10", false},
		"total":           {excelize.CellTypeUnset, "96", true},
	} {
		sheet := 0
		if strings.HasPrefix(key, "funds") || key == tables.KeyDWeight || key == "total" {
			sheet = 1
		}
		typ, v, f := w.cellAt(t, sheet, key)
		if typ != c.typ || v != c.value || (f != "") != c.formula {
			t.Errorf("%s: type %v value %q formula %q; want type %v value %q formula %v", key, typ, v, f, c.typ, c.value, c.formula)
		}
	}
	// The 年度指标值 "1197.19" is a plain number: a number cell; "一次性支付" stays text.
	if typ, v, f := w.cellAt(t, 0, tables.IndicatorKey(tables.ColTarget, forms.RowPath{})); typ != excelize.CellTypeUnset || v != "1197.19" || f != "" {
		t.Errorf("unit 年度指标值: type %v value %q formula %q, want the number 1197.19", typ, v, f)
	}
	if typ, v, _ := w.cellAt(t, 1, tables.IndicatorKey(tables.ColTarget, forms.RowPath{})); typ != excelize.CellTypeInlineString || v != "一次性支付" {
		t.Errorf("project 年度目标值: type %v value %q, want the text 一次性支付", typ, v)
	}
}

// TestFixed2Amounts: with "always 2 decimals" every amount shows two decimals, typed or summed.
func TestFixed2Amounts(t *testing.T) {
	doc := formstest.Sample(t)
	doc.Settings.Amounts = forms.AmountsFixed2
	w := write(t, doc)
	for key, want := range map[string]string{"budget/E1/0": "3014.20", "budget/E1.1/0": "2679.00", "budget/E0/2": "4211.39", "task/total/1": "1197.19"} {
		if _, v, _ := w.cellAt(t, 0, key); v != want {
			t.Errorf("%s shows %q, want %q", key, v, want)
		}
	}
}
