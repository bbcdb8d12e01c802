package xlsxout

import (
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/tables"
)

// Rows of the sample's unit form made quantitative for the tests below.
var (
	rowPositive = forms.RowPath{L1: 0} // ≥ 1197.19, 完成值 1000: plain numbers
	rowCeiling  = forms.RowPath{L1: 1} // ≤ 50, 完成值 60.5: plain numbers
	rowLiteral  = forms.RowPath{L1: 2} // "≥1000个", "900个": texts, read by forms
	rowGrouped  = forms.RowPath{L1: 3} // ≥ "1,200", 完成值 "1,000.50": thousands separators
	rowPercent  = forms.RowPath{L1: 4} // ≥ "95%", 完成值 96.5: a text and a number
	quantRows   = []forms.RowPath{rowPositive, rowCeiling, rowLiteral, rowGrouped, rowPercent}
	quantValues = [][3]string{{"≥", "1197.19", "1000"}, {"≤", "50", "60.5"}, {"", "≥1000个", "900个"}, {"≥", "1,200", "1,000.50"}, {"≥", "95%", "96.5"}}
)

// quantDoc is the sample with the quantitative rows above, under rule.
func quantDoc(t *testing.T, rule forms.NegativeRule) *forms.Document {
	doc := formstest.Sample(t)
	doc.Settings.Negative = rule
	for i, p := range quantRows {
		in := doc.Unit.Indicators.Row(p)
		in.Op, in.Target, in.Actual, in.Manual = forms.Op(quantValues[i][0]), quantValues[i][1], quantValues[i][2], false
		in.Score = ""
		if p == rowPercent {
			in.Unit = "%" // the sample's 度量单位 个 would contradict "95%"
		}
	}
	return doc
}

// formulaAt returns the formula of the unit form's cell key.
func (w *written) formulaAt(t *testing.T, key string) string {
	t.Helper()
	_, _, f := w.cellAt(t, 0, key)
	return f
}

// TestQuantFormulasReferToCells: 指标值 and 全年完成值 typed as plain numbers are number cells
// shown as typed, and 完成程度 and 得分 refer to them; a value typed with a sign, a unit or %
// stays text and goes into the formula as forms read it.
func TestQuantFormulasReferToCells(t *testing.T) {
	w := write(t, quantDoc(t, forms.NegativeRatio))
	w.checkTotals(t)
	w.checkFormulas(t)
	refs := w.grids[0].refs
	for i, p := range quantRows {
		for j, col := range []string{tables.ColTarget, tables.ColActual} {
			typ, shown, _ := w.cellAt(t, 0, tables.IndicatorKey(col, p))
			typed := quantValues[i][j+1]
			_, err := strconv.ParseFloat(strings.ReplaceAll(typed, ",", ""), 64)
			if isNumber := typ == excelize.CellTypeUnset; isNumber != (err == nil) || shown != typed {
				t.Errorf("%s %v: type %v shows %q; typed %q", col, p, typ, shown, typed)
			}
		}
	}
	for _, c := range []struct {
		key, want string
	}{
		{tables.IndicatorKey(tables.ColCompletion, rowPositive), "MAX(0," + refs[tables.IndicatorKey(tables.ColActual, rowPositive)] + ")/" + refs[tables.IndicatorKey(tables.ColTarget, rowPositive)]},
		{tables.IndicatorKey(tables.ColScore, rowPositive), "*MAX(0," + refs[tables.IndicatorKey(tables.ColActual, rowPositive)] + ")/" + refs[tables.IndicatorKey(tables.ColTarget, rowPositive)]},
		{tables.IndicatorKey(tables.ColCompletion, rowCeiling), refs[tables.IndicatorKey(tables.ColTarget, rowCeiling)] + "/" + refs[tables.IndicatorKey(tables.ColActual, rowCeiling)]},
		{tables.IndicatorKey(tables.ColScore, rowCeiling), "IF(" + refs[tables.IndicatorKey(tables.ColActual, rowCeiling)] + "<=" + refs[tables.IndicatorKey(tables.ColTarget, rowCeiling)]},
		{tables.IndicatorKey(tables.ColScore, rowLiteral), "*900/1000)"},
		{tables.IndicatorKey(tables.ColScore, rowGrouped), "*MAX(0," + refs[tables.IndicatorKey(tables.ColActual, rowGrouped)] + ")/" + refs[tables.IndicatorKey(tables.ColTarget, rowGrouped)]},
		{tables.IndicatorKey(tables.ColScore, rowPercent), "*MAX(0," + refs[tables.IndicatorKey(tables.ColActual, rowPercent)] + ")/95)"},
	} {
		if f := w.formulaAt(t, c.key); !strings.Contains(f, c.want) {
			t.Errorf("%s = %q, want it to hold %q", c.key, f, c.want)
		}
	}
}

// TestChangedActualRecalculates: a 全年完成值 changed in the workbook changes 完成程度, 得分
// and the total as forms computes them for the changed document, under both negative rules.
func TestChangedActualRecalculates(t *testing.T) {
	for _, rule := range []forms.NegativeRule{forms.NegativeRatio, forms.NegativeLinear} {
		t.Run(string(rule), func(t *testing.T) {
			doc := quantDoc(t, rule)
			w := write(t, doc)
			for _, c := range []struct {
				p      forms.RowPath
				actual float64
			}{{rowPositive, 900}, {rowPositive, 1300}, {rowPositive, -5}, {rowCeiling, 70}, {rowCeiling, 40}, {rowCeiling, 90}, {rowGrouped, 600.25}} {
				w.changeActual(t, doc, c.p, c.actual)
			}
		})
	}
}

// changeActual sets the 全年完成值 of the unit's row p to v in the workbook and in doc and checks
// that the workbook computes forms' new 完成程度, 得分 and total.
func (w *written) changeActual(t *testing.T, doc *forms.Document, p forms.RowPath, v float64) {
	t.Helper()
	doc.Unit.Indicators.Row(p).Actual = strconv.FormatFloat(v, 'f', -1, 64)
	ev := forms.Evaluate(doc)
	r := ev.Unit.Indicators.At(p)
	if err := w.f.SetCellValue(w.sheets[0], w.grids[0].refs[tables.IndicatorKey(tables.ColActual, p)], v); err != nil {
		t.Fatal(err)
	}
	if got := w.calc(t, 0, tables.IndicatorKey(tables.ColScore, p)); !near(got, r.Score) {
		t.Errorf("完成值 %v at %v: 得分 %v, forms %s", v, p, got, r.Score)
	}
	if r.HasCompletion {
		if got := w.calc(t, 0, tables.IndicatorKey(tables.ColCompletion, p)); !near(got, r.Completion) {
			t.Errorf("完成值 %v at %v: 完成程度 %v, forms %s", v, p, got, r.Completion)
		}
	}
	if got := w.calc(t, 0, "total"); !near(got, ev.Unit.Total) {
		t.Errorf("完成值 %v at %v: total %v, forms %s", v, p, got, ev.Unit.Total)
	}
}
