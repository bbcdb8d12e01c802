package pdfout

import (
	"strings"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
)

// TestFullWidthDigitsPrintHalfWidth: amounts, 指标值, 完成值 and 分值 typed with full-width digits
// print with half-width digits in the PDF's text, the document keeping what was typed.
func TestFullWidthDigitsPrintHalfWidth(t *testing.T) {
	doc := formstest.Sample(t)
	p := doc.Projects[0]
	p.FundRow("T").Amounts = forms.Amounts{Initial: "１００", Full: "１００", Actual: "９５"}
	p.FundsWeight = "１０"
	in := p.Indicators.Row(forms.RowPath{})
	in.Op, in.Target, in.Unit, in.Actual, in.Weight, in.Score, in.Manual = forms.OpGE, "９５", "%", "９８%", "２０", "", false
	pdf, _ := render(t, doc)
	text := rawText(t, pdf)
	if strings.ContainsAny(text, "０１２３４５６７８９") {
		t.Errorf("the PDF prints full-width digits:\n%s", text)
	}
	for _, w := range []string{"98%", "95%"} { // 完成值, and 执行率 = 95 / 100
		if !strings.Contains(text, w) {
			t.Errorf("the PDF lacks %q", w)
		}
	}
	if p.FundRow("T").Amounts.Full != "１００" || in.Actual != "９８%" {
		t.Error("rendering changed the document")
	}
}
