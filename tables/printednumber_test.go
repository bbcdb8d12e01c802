package tables

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
)

// fullWidthDoc is the sample (in template tpl) with full-width digits typed into each kind of
// number field: the amounts and 分值 of project 1's 项目资金, 财政供养人员数量, and on project 1's
// first two rows 指标值, 全年完成值, 分值, a typed 完成程度 and a typed 得分.
func fullWidthDoc(t *testing.T, tpl forms.TemplateID) *forms.Document {
	t.Helper()
	d := formstest.Sample(t)
	d.Settings.SetTemplate(tpl)
	d.Unit.Staff = "２０８"
	p := d.Projects[0]
	total := p.FundRow("T")
	total.Amounts = forms.Amounts{Initial: "１００．００", Full: "１００", Actual: "９５"}
	p.FundsWeight = "１０"
	quant := p.Indicators.Row(forms.RowPath{})
	quant.Op, quant.Target, quant.Unit, quant.Actual, quant.Weight, quant.Score, quant.Manual =
		forms.OpGE, "９５", "%", "９８%", "２０", "", false
	typed := p.Indicators.Row(forms.RowPath{Row: 1})
	if typed == nil {
		typed = p.Indicators.Row(forms.RowPath{L2: 1})
	}
	typed.Op, typed.Target, typed.Unit, typed.Actual = forms.OpNone, "不低于９５％", "", "完成９８．５％"
	typed.Completion, typed.Weight, typed.Score, typed.Manual = "１００%", "１５", "１４．５", true
	return d
}

func jsonOf(t *testing.T, d *forms.Document) string {
	t.Helper()
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestFullWidthDigitsPrintHalfWidth: a number typed with full-width digits prints with
// half-width digits in every number cell of the official tables (PDF, Excel and the preview
// print these cells), keeping the decimals, % sign, unit and words typed; the document keeps
// what was typed.
func TestFullWidthDigitsPrintHalfWidth(t *testing.T) {
	for _, tpl := range []forms.TemplateID{forms.TemplateLiaoning, forms.TemplateNational} {
		t.Run(string(tpl), func(t *testing.T) {
			d := fullWidthDoc(t, tpl)
			before := jsonOf(t, d)
			ev := forms.Evaluate(d)
			if r := ev.Projects[0].Funds["T"]; !r.HasRate || r.RateText() != "95%" {
				t.Fatalf("执行率 %q, want 95%%", r.RateText())
			}
			var texts []string
			numberFields := map[string]bool{"年初预算数": true, "全年预算数": true, "全年执行数": true, "分值": true,
				"得分": true, "指标值": true, "年度指标值": true, "全年完成值": true, "实际完成值": true, "完成程度": true,
				"财政供养人员数量": true}
			for _, tb := range []*Table{Form(d, ev, -1), Form(d, ev, 0)} {
				each(tb, func(c *Cell) {
					if c.Src == nil || !numberFields[c.Src.Field] && c.Parts == nil {
						return
					}
					texts = append(texts, c.Text)
					if strings.ContainsAny(c.Text, "０１２３４５６７８９％．") {
						t.Errorf("%s › %s prints %q", c.Src.Row, c.Src.Field, c.Text)
					}
				})
			}
			want := []string{"208", "100.00", "100", "95", "10", "98%", "20", "不低于95%", "完成98.5%", "15", "14.5"}
			if tpl == forms.TemplateLiaoning {
				want = append(want, "100%") // the typed 完成程度 (the national form has no such column)
			}
			for _, w := range want {
				if !slices.Contains(texts, w) {
					t.Errorf("no number cell prints %q: %q", w, texts)
				}
			}
			if after := jsonOf(t, d); after != before {
				t.Error("building the tables changed the document")
			}
			if d.Projects[0].FundRow("T").Amounts.Full != "１００" || d.Unit.Staff != "２０８" {
				t.Error("the typed text was changed")
			}
		})
	}
}
