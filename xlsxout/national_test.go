package xlsxout

import (
	"os/exec"
	"testing"

	"github.com/xuri/excelize/v2"

	"ziping/forms"
	"ziping/tables"
)

// nationalDoc is the sample in the national template, with a quantitative row (≥95 %), reasons
// in its 偏差原因分析及改进措施 and a source of funds in 其他资金.
func nationalDoc(t *testing.T) *forms.Document {
	t.Helper()
	doc := loadSample(t)
	doc.Settings.SetTemplate(forms.TemplateNational)
	p := doc.Projects[1]
	in := p.Indicators.Row(forms.RowPath{})
	in.Op, in.Target, in.Unit, in.Actual, in.Score = forms.OpGE, "95", "%", "90", ""
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
	for _, tool := range []string{"soffice", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is not installed: run make test-deps", tool)
		}
	}
	doc := nationalDoc(t)
	got := libreOfficeTotals(t, doc)
	if len(got) != 1+len(doc.Projects) {
		t.Errorf("totals %q", got)
	}
}
