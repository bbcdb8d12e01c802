package xlsxout

import (
	"strings"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/tables"
)

// TestFullWidthDigitsWorkbook: numbers typed with full-width digits are written half-width in
// the workbook: a plain amount as a number, a 完成值 with its % sign as the text "98%"; no
// cell holds a full-width digit.
func TestFullWidthDigitsWorkbook(t *testing.T) {
	doc := formstest.Sample(t)
	p := doc.Projects[0]
	p.FundRow("T").Amounts = forms.Amounts{Initial: "１００", Full: "１００", Actual: "９５"}
	in := p.Indicators.Row(forms.RowPath{})
	in.Op, in.Target, in.Unit, in.Actual, in.Score, in.Manual = forms.OpGE, "９５%", "", "９８%", "", false
	w := write(t, doc)
	if typ, v, _ := w.cellAt(t, 1, tables.AmountKey(tables.TableFunds, "T", forms.ColActual)); v != "95" {
		t.Errorf("全年执行数: %v %q, want the number 95", typ, v)
	}
	if _, v, _ := w.cellAt(t, 1, tables.IndicatorKey(tables.ColActual, forms.RowPath{})); v != "98%" {
		t.Errorf("全年完成值 %q, want 98%%", v)
	}
	for _, sheet := range w.sheets {
		rows, err := w.f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			for _, c := range r {
				if strings.ContainsAny(c, "０１２３４５６７８９％") {
					t.Errorf("%s holds %q", sheet, c)
				}
			}
		}
	}
}
