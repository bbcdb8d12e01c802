package pdfout

import (
	"ziping/forms"
	"ziping/layout"
)

// projectTable lays out one 预算项目（政策）绩效目标自评表 as the seed prints it.
func (b *builder) projectTable(i int) layout.Table {
	p, r := b.doc.Projects[i], b.ev.Projects[i]
	b.at = place{form: forms.ProjectFormName(i, p), formIdx: i}
	head := b.projectHeader(p)
	head.Title = b.title(b.doc.ProjectTitle())
	secs := []layout.Section{head, b.projectFunds(p, r), b.goals(p.Goals, "年度总体目标", "年初设定目标", "全年实际完成情况")}
	ind := b.indicatorSection(p.Indicators, r.Indicators, widths.ProjectIndicators, true, "年度目标值", "未完成原因分析")
	b.section(forms.SecTotals, "绩效自评得分")
	ind.Body = append(ind.Body,
		b.scoreRow("产出、效益、满意度指标自评得分小计（C）", r.CText(), "C", 1), // blank while incomplete
		b.scoreRow("预算执行率得分（D）", r.DText(), "D", 1),
		b.scoreRow("绩效自评总得分（C+D）", r.TotalText(), "C+D", 1),
	)
	secs = append(secs, ind)
	secs = append(secs, b.signature(tableWidth)...)
	return layout.Table{NewPage: true, Sections: secs}
}

func (b *builder) projectHeader(p *forms.ProjectForm) layout.Section {
	b.section(forms.SecHeader, "表头")
	field := func(name, key, text string) layout.Cell {
		b.row(name)
		return b.value(text, name, key)
	}
	return layout.Section{
		Cols: widths.ProjectHeader,
		Body: []layout.Row{
			{Cells: []layout.Cell{label("项目（政策）名称"), span(field("项目（政策）名称", "name", p.Name), 3, 1)}, MinHeight: 9},
			{Cells: []layout.Cell{label("主管部门"), span(field("主管部门", "department", p.Department), 3, 1)}, MinHeight: 9},
			{Cells: []layout.Cell{label("实施单位"), field("实施单位", "implementer", p.Implementer), label("实施期"), field("实施期", "period", p.Period)}, MinHeight: 9},
		},
	}
}

// projectFunds is 项目预算资金: the total row carries 分值 and D; source rows print "——" there.
func (b *builder) projectFunds(p *forms.ProjectForm, r *forms.ProjectResult) layout.Section {
	b.section(forms.SecBudget, "项目预算资金（万元）")
	rows := []layout.Row{{Cells: []layout.Cell{
		label("项目预算资金"), label("年初预算数"), label("全年预算数\n（A）"), label("全年执行数\n（B）"),
		label("分值"), label("执行率\n（B/A）"), label("得分\n（分值*B/A）"),
	}}}
	for _, def := range forms.ProjectFundRows {
		res := r.Funds[def.ID]
		cells := b.amountRow(def, res, p.FundRow(def.ID).Amounts)
		weight, score := label(dash), label(dash)
		if def.ID == "T" {
			weight, score = b.centred(p.FundsWeight, "分值", "weight"), b.figure(r.DText(), "得分")
		}
		cells = append(cells, weight, b.figure(res.RateText(), "执行率"), score)
		rows = append(rows, layout.Row{Cells: cells})
	}
	return layout.Section{Cols: widths.ProjectFunds, Body: rows}
}
