package xlsxout

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/tables"
)

// nationalDoc is the sample in the national template, with a quantitative row (≥95 %), reasons
// in its 偏差原因分析及改进措施 and a source of funds in 其他资金.
func nationalDoc(t *testing.T) *forms.Document {
	t.Helper()
	doc := formstest.Sample(t)
	doc.Settings.SetTemplate(forms.TemplateNational)
	p := doc.Projects[1]
	in := p.Indicators.Row(forms.RowPath{})
	in.Op, in.Target, in.Unit, in.Actual, in.Score, in.Manual = forms.OpGE, "95", "%", "90", "", false
	in.Reasons.Funding, in.Reason, in.Measures = true, "资金下达较晚", "提前申请资金"
	p.FundRow("S1").Full, p.FundRow("S1").Actual = "100", "100"
	p.FundRow("S7").Full, p.FundRow("S7").Actual = "26.30", "20"
	return doc
}

// TestNationalWorkbook: every formula of the national sheets computes forms' figure, and each
// project's 总分 (C+D), D and Σ分值 are formulas of their cells.
func TestNationalWorkbook(t *testing.T) {
	doc := nationalDoc(t)
	w := write(t, doc)
	if n := w.checkFormulas(t); n < 30 {
		t.Errorf("only %d formulas", n)
	}
	if got := w.calc(t, 0, tables.KeyTotal); !near(got, w.ev.Unit.Total) {
		t.Errorf("unit total %v, forms %s", got, w.ev.Unit.Total)
	}
	for i, r := range w.ev.Projects {
		if !r.Complete {
			t.Fatalf("project %d is incomplete", i+1)
		}
		for key, want := range map[string]string{tables.KeyTotal: r.TotalText(), tables.KeyFundsD: r.DText()} {
			if _, v, f := w.cellAt(t, i+1, key); v != want || f == "" {
				t.Errorf("project %d %s: %q (formula %q), want %s", i+1, key, v, f, want)
			}
		}
		if r.BlankWeights == 0 {
			if got := w.calc(t, i+1, tables.KeyWeights); !near(got, r.WeightSum) {
				t.Errorf("project %d Σ分值 %v, forms %s", i+1, got, r.WeightSum)
			}
		}
	}
	if typ, v, _ := w.cellAt(t, 2, tables.IndicatorKey(tables.ColTarget, forms.RowPath{})); typ != excelize.CellTypeInlineString || v != "≥95%" {
		t.Errorf("年度指标值: type %v %q, want the text ≥95%%", typ, v)
	}
	if _, v, f := w.cellAt(t, 2, tables.AmountKey(tables.TableFunds, "N3", forms.ColFull)); v != "26.30" || f != "" {
		t.Errorf("其他资金 全年预算数 %q (formula %q), want 26.30 as typed", v, f)
	}
}

// TestLibreOfficeNationalTotals: LibreOffice prints the totals of the national sheets, from the
// stored values and computing the formulas.
func TestLibreOfficeNationalTotals(t *testing.T) {
	doc := nationalDoc(t)
	got := libreOfficeTotals(t, doc)
	if len(got) != 1+len(doc.Projects) {
		t.Errorf("totals %q", got)
	}
}

// TestNationalStressFormulas: in the national template too, every formula of the stress
// document (300 quantitative rows, 手工调整, units, signs in targets, empty tables, sources of
// funds spread over the grouped rows, one not a number) computes forms' figure.
func TestNationalStressFormulas(t *testing.T) {
	doc := stressDoc(t, forms.NegativeLinear)
	doc.Settings.SetTemplate(forms.TemplateNational)
	p := doc.Projects[0]
	for id, v := range map[string][2]string{"S2": {"50", "40"}, "S3": {"5.5", "5"}, "S4": {"1", ""}, "S5": {"约2", "1"}} {
		p.FundRow(id).Full, p.FundRow(id).Actual = v[0], v[1]
	}
	w := write(t, doc)
	if n := w.checkFormulas(t); n < 250 { // no 完成程度 column: fewer than the Liaoning sheets' 400
		t.Errorf("only %d formulas", n)
	}
	for i, r := range w.ev.Projects {
		if r.Complete {
			if got := w.calc(t, i+1, tables.KeyTotal); !near(got, r.Total) {
				t.Errorf("project %d 总分 %v, forms %s", i+1, got, r.Total)
			}
		}
		if r.HasD {
			if got := w.calc(t, i+1, tables.KeyFundsD); !near(got, r.D) {
				t.Errorf("project %d D %v, forms %s", i+1, got, r.D)
			}
		}
	}
}
