package forms

import "strings"

// nationalNames rewords the checks of a project form in the names the national template prints
// (tables/national.go): 实际完成值 for 全年完成值, 偏差原因 for 未完成原因, 年度资金总额 and
// 执行率 for the Liaoning 预算执行率（D）, 总分 for C+D, 项目名称, 项目资金. The checks are
// written in the Liaoning names, which stay as they are. Longer words come first: at one place
// of a text the first word that matches is replaced.
var nationalNames = strings.NewReplacer(
	"请在绩效指标中勾选“经费保障”等原因并填写原因说明", "请在绩效指标的偏差原因分析及改进措施中写明原因",
	"全年完成值", "实际完成值",
	"未完成原因", "偏差原因",
	"项目（政策）名称", "项目名称",
	"项目预算资金（万元）", "项目资金（万元）",
	"全年预算数（A）", "全年预算数",
	"全年执行数（B）", "全年执行数",
	"预算执行率得分（D）", "执行率得分",
	"三级指标分值与预算执行率分值之和", "三级指标分值与年度资金总额分值之和",
	"预算执行率的分值", "年度资金总额的分值",
	"预算执行率", "执行率",
	"C、总得分和等级", "总分",
	"绩效自评得分", "总分",
	"总得分", "总分",
)

// name is s, a text of the program, in the names of the reporter's template.
func (r *reporter) name(s string) string {
	if r.names == nil {
		return s
	}
	return r.names.Replace(s)
}

// fundRowName is how problems name the fund row def of project p: its Liaoning label, or in
// the national template the row of NationalFundRows it is printed in (年度资金总额 for the
// total), followed by its own label when several rows of that group are filled (the editor
// then shows them one by one). A label ending in "：" (年度预算资金总额：) is named without it:
// the colon belongs to the printed form, not to a problem's path.
func fundRowName(doc *Document, p *ProjectForm, def RowDef) string {
	if doc.Settings.TemplateOf() != TemplateNational {
		return strings.TrimSuffix(def.Label, "：")
	}
	if def.ID == "T" {
		return "年度资金总额"
	}
	for _, n := range NationalFundRows {
		filled := 0
		in := false
		for _, id := range n.Parts {
			if row := p.FundRow(id); row != nil && !row.Amounts.IsBlank() {
				filled++
			}
			in = in || id == def.ID
		}
		switch {
		case !in:
		case filled > 1:
			return n.Label + "（" + def.Label + "）"
		default:
			return n.Label
		}
	}
	return def.Label
}
