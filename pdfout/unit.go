package pdfout

import (
	"fmt"

	"ziping/forms"
	"ziping/layout"
)

// tableWidth is the width of every printed table (A4 less 15 mm side margins).
const tableWidth = 180

// unitTable lays out the 部门（单位）整体绩效自评表 as the seed prints it: one table of
// stacked bands (header, 收支, 主要任务, 绩效目标, 分解目标评价) on a common width.
func (b *builder) unitTable() layout.Table {
	u, r := &b.doc.Unit, b.ev.Unit
	b.at = place{form: forms.UnitFormName, formIdx: -1}
	secs := []layout.Section{b.unitHeader(u)}
	secs[0].Title = b.title(b.doc.UnitTitle())
	secs = append(secs, b.unitBudget(u, r), b.unitTasks(u, r), b.unitGoals(u))
	ind := b.indicatorSection(u.Indicators, r.Indicators, widths.UnitIndicators, false, "年度指标值", "未完成原因")
	b.section(forms.SecTotals, "总评价得分")
	ind.Body = append(ind.Body, b.scoreRow("总评价得分", r.TotalText(), "总评价得分", 0))
	secs = append(secs, ind)
	secs = append(secs, b.signature(tableWidth)...)
	return layout.Table{NewPage: true, Sections: secs}
}

func (b *builder) unitHeader(u *forms.UnitForm) layout.Section {
	b.section(forms.SecHeader, "表头")
	b.row("部门（单位）名称")
	name := span(b.value(u.Name, "部门（单位）名称", "name"), 3, 1)
	b.row("财政供养人员数量")
	staff := b.centred(u.Staff, "财政供养人员数量", "staff")
	b.row("所属单位数量（仅部门填列）")
	subunits := b.centred(u.Subunits, "所属单位数量（仅部门填列）", "subunits")
	return layout.Section{
		Cols: widths.UnitHeader,
		Body: []layout.Row{
			{Cells: []layout.Cell{label("部门（单位）名称"), name}, MinHeight: 9},
			{Cells: []layout.Cell{label("财政供养人员数量"), staff, label("所属单位数量（仅部门填列）"), subunits}, MinHeight: 9},
		},
	}
}

func (b *builder) unitBudget(u *forms.UnitForm, r *forms.UnitResult) layout.Section {
	b.section(forms.SecBudget, "年度部门（单位）整体收支情况（万元）")
	rows := []layout.Row{{Cells: []layout.Cell{
		stacked("年度部门（单位）整体收支情况（万元）", 3, len(forms.UnitBudgetRows)+1),
		label("名称"), label("年初预算数"), label("全年预算数"), label("全年执行数"), label("执行率"),
	}}}
	for _, def := range forms.UnitBudgetRows {
		res := r.Budget[def.ID]
		cells := b.amountRow(def, res, u.BudgetRow(def.ID).Amounts)
		cells = append(cells, b.figure(res.RateText(), "执行率"))
		if res.Blank() {
			cells[3].Text, cells[4].Text = dash, dash
		}
		rows = append(rows, layout.Row{Cells: cells})
	}
	return layout.Section{Cols: widths.UnitBudget, Body: rows}
}

func (b *builder) unitTasks(u *forms.UnitForm, r *forms.UnitResult) layout.Section {
	b.section(forms.SecTasks, "年度主要任务")
	n := len(u.Tasks) + 2 // header, tasks, 合计
	rows := []layout.Row{{Cells: []layout.Cell{
		stacked("年度主要任务", 3, n),
		label("工作名称"), label("对应项目"), label("年初预算数"), label("全年预算数"), label("全年执行数"), label("执行率"),
	}}}
	for i, t := range u.Tasks {
		b.rowAt(fmt.Sprintf("第 %d 项工作", i+1), forms.Location{Index: i})
		res := r.Tasks[i]
		cells := []layout.Cell{b.value(t.Name, "工作名称", "name"), b.value(t.Project, "对应项目", "project")}
		cells = append(cells, b.amountCells(res, t.Amounts)...)
		rows = append(rows, layout.Row{Cells: append(cells, b.figure(res.RateText(), "执行率"))})
	}
	b.rowAt("合计", forms.Location{RowID: "total", Index: -1})
	total := append([]layout.Cell{span(label("合计"), 2, 1)}, b.amountCells(r.TasksTotal, u.TasksTotal)...)
	rows = append(rows, layout.Row{Cells: append(total, b.figure(r.TasksTotal.RateText(), "执行率"))})
	return layout.Section{Cols: widths.UnitTasks, Body: rows}
}

func (b *builder) unitGoals(u *forms.UnitForm) layout.Section {
	return b.goals(u.Goals, "年度绩效目标", "年初设定目标", "全年完成情况")
}

// goals is the 年度绩效目标 / 年度总体目标 band: a stacked label, then target | result rows.
func (b *builder) goals(goals []*forms.Goal, name, targetHead, resultHead string) layout.Section {
	b.section(forms.SecGoals, name)
	list := goals
	if len(list) == 0 {
		list = []*forms.Goal{{}}
	}
	rows := []layout.Row{{Cells: []layout.Cell{stacked(name, 3, len(list)+1), label(targetHead), label(resultHead)}}}
	for i, g := range list {
		b.rowAt(fmt.Sprintf("目标 %d", i+1), forms.Location{Index: i})
		rows = append(rows, layout.Row{Cells: []layout.Cell{
			b.value(fmt.Sprintf("目标 %d：%s", i+1, g.Target), targetHead, "target"),
			b.value(g.Result, resultHead, "result"),
		}, MinHeight: 7})
	}
	return layout.Section{Cols: widths.UnitGoals, Body: rows}
}
