package forms

import (
	"strings"
	"testing"
)

// TestNationalNames: in the national template a project's problems use the names its table
// prints; the same change in the Liaoning template keeps the Liaoning words.
func TestNationalNames(t *testing.T) {
	projRow := func(d *Document) *Indicator { return d.Projects[0].Indicators.Row(RowPath{0, 0, 0}) }
	tests := map[string]struct {
		change          func(d *Document)
		national, other string // substrings of Problem.String() in each template
	}{
		"deduction without reasons": {func(d *Document) { projRow(d).Score = "10" },
			"偏差原因分析及改进措施：得分 10 低于分值 13，但偏差原因分析及改进措施未填写", "未完成原因：得分 10 低于分值 13，但未勾选未完成原因"},
		"actual missing": {func(d *Document) {
			r := projRow(d)
			r.Op, r.Target, r.Actual, r.Score = OpGE, "50", "", ""
		}, "实际完成值：这是定量指标（指标值“50”，运算符号 ≥），但实际完成值未填写", "全年完成值：这是定量指标"},
		"note from the evaluation": {func(d *Document) {
			r := projRow(d)
			r.Op, r.Target, r.Actual, r.Score = OpGE, "50", "全年完成值四十", ""
		}, "实际完成值“全年完成值四十”不是数值", "全年完成值“全年完成值四十”不是数值"},
		"project name": {func(d *Document) { d.Projects[0].Name = "" },
			"表头 › 项目名称：项目名称未填写：请填写项目名称。", "项目（政策）名称：项目名称未填写：请填写项目（政策）名称。"},
		"fund row": {func(d *Document) { d.Projects[0].FundRow("S1").Full = "一百" },
			"项目资金（万元） › 其中：当年财政拨款 › 全年预算数", "项目预算资金（万元） › 其中：财政拨款收入 › 全年预算数"},
		"two rows of one group": {func(d *Document) {
			d.Projects[0].FundRow("S7").Amounts = Amounts{"1", "1", "1"}
			d.Projects[0].FundRow("S3").Amounts = Amounts{"x", "", ""}
		},
			"其他资金（纳入预算管理的行政事业性收费等非税收入） › 年初预算数", "纳入预算管理的行政事业性收费等非税收入 › 年初预算数"},
		"D weight blank": {func(d *Document) { d.Projects[0].FundsWeight = "" },
			"有 1 处分值未填写（年度资金总额的分值），无法核对三级指标分值与年度资金总额分值之和", "有 1 处分值未填写（预算执行率的分值），无法核对三级指标分值与预算执行率分值之和"},
		"indicator weight blank": {func(d *Document) { projRow(d).Weight = "" },
			"无法核对三级指标分值与年度资金总额分值之和是否为 100，打印的总分行分值因此留空：请补填分值。",
			"无法核对三级指标分值与预算执行率分值之和是否为 100：请补填分值。"},
		"D not computable": {func(d *Document) { d.Projects[0].FundRow("S1").Full = "" },
			"年度资金总额 › 全年预算数：全年预算数为空或为 0，无法计算执行率得分", "全年预算数（A）为空或为 0，无法计算预算执行率得分（D）"},
		"rate cap (an option's problem)": {func(d *Document) {
			d.Settings.RateCap = true
			d.Projects[0].FundRow("S1").Amounts = Amounts{"100", "100", "70"}
		}, "总分 › 总分：执行率 70%（全年执行数/全年预算数）低于 80%，按文档设置“执行率封顶”，总分由", "绩效自评得分 › 总得分：预算执行率 70%"},
		"total pending": {func(d *Document) { projRow(d).Score = "" },
			"总分 › 总分：有 1 个指标已填分值但没有得分", "绩效自评得分 › 总得分"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			for _, tpl := range builtinIDs {
				d := cleanDoc()
				d.Settings.SetTemplate(tpl)
				tc.change(d)
				want, unwanted := tc.other, tc.national
				if tpl == TemplateNational {
					want, unwanted = tc.national, tc.other
				}
				var got []string
				found := false
				for _, p := range problemsOf(d) {
					s := p.String()
					found = found || strings.Contains(s, want)
					if strings.Contains(s, unwanted) && !strings.Contains(tc.other, tc.national) {
						t.Errorf("%s: %q in %s", tpl, unwanted, s)
					}
					got = append(got, s)
				}
				if !found {
					t.Errorf("%s: no problem containing %q; got:\n%s", tpl, want, strings.Join(got, "\n"))
				}
			}
		})
	}
}

// TestNationalNamesLeaveTheUnitForm: the unit form keeps its one layout, and its names.
func TestNationalNamesLeaveTheUnitForm(t *testing.T) {
	d := cleanDoc()
	d.Settings.SetTemplate(TemplateNational)
	d.Unit.Indicators.Row(RowPath{0, 0, 0}).Score = "95"
	for _, p := range problemsOf(d) {
		if p.Loc.Form == -1 && strings.Contains(p.String(), "得分 95 低于分值 100，但未勾选未完成原因") {
			return
		}
	}
	t.Fatal("the unit form's deduction warning does not keep 未完成原因")
}
