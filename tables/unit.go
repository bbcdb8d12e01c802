package tables

import (
	"fmt"
	"strconv"

	"ziping/forms"
)

// unitTable is the 部门（单位）整体绩效自评表 as the seed prints it: one table of bands (header,
// 收支, 主要任务, 绩效目标, 分解目标评价 with 总评价得分) on a common width, and the optional
// signature footer. Every template prints it so.
func (b *builder) unitTable() *Table {
	u, r := &b.doc.Unit, b.ev.Unit
	t := &Table{Form: -1, Name: forms.UnitFormName, Title: b.title(b.doc.UnitTitle())}
	t.Bands = []Band{b.unitHeader(u), b.unitBudget(u, r), b.unitTasks(u, r),
		b.goals(-1, u.Goals, "年度绩效目标", "年初设定目标", "全年完成情况")}
	ind := b.indicatorBand(-1, u.Indicators, r.Indicators, widths.UnitIndicators, false, "年度指标值", "未完成原因")
	b.section(-1, forms.SecTotals, "总评价得分")
	b.row("总评价得分")
	total := b.figure(RoleScore, r.TotalText(), "总评价得分", "") // blank while the form is incomplete
	if r.Complete {
		total = computed(total, b.scoreSum(), r.Total, ScoreFormat(r.Total))
	}
	ind.Rows = append(ind.Rows, scoreRow("总评价得分", keyed(total, KeyTotal), 0))
	t.Bands = append(t.Bands, ind)
	t.Bands = append(t.Bands, b.signature()...)
	return t
}

func (b *builder) unitHeader(u *forms.UnitForm) Band {
	b.section(-1, forms.SecHeader, "表头")
	b.row("部门（单位）名称")
	name := span(b.text(u.Name, "部门（单位）名称", "name"), 3, 1)
	b.row("财政供养人员数量")
	staff := keyed(b.count(u.Staff, "财政供养人员数量", "staff"), KeyStaff)
	b.row("所属单位数量（仅部门填列）")
	subunits := b.count(u.Subunits, "所属单位数量（仅部门填列）", "subunits")
	return Band{
		Cols: widths.UnitHeader,
		Rows: []Row{
			{Cells: []Cell{label("部门（单位）名称"), name}, MinHeight: 9},
			{Cells: []Cell{label("财政供养人员数量"), staff, label("所属单位数量（仅部门填列）"), subunits}, MinHeight: 9},
		},
	}
}

// asDash makes c the template's "——": a row with no amount prints it in place of its
// 全年执行数 and 执行率.
func asDash(c Cell) Cell {
	c.Role, c.Text, c.HasNum, c.Formula, c.Computed = RoleLabel, dash, false, "", false
	return c
}

func (b *builder) unitBudget(u *forms.UnitForm, r *forms.UnitResult) Band {
	b.section(-1, forms.SecBudget, "年度部门（单位）整体收支情况（万元）")
	rows := []Row{{Cells: []Cell{
		stacked("年度部门（单位）整体收支情况（万元）", 3, len(forms.UnitBudgetRows)+1),
		label("名称"), label("年初预算数"), label("全年预算数"), label("全年执行数"), label("执行率"),
	}}}
	for _, def := range forms.UnitBudgetRows {
		res := r.Budget[def.ID]
		cells := b.amountRow(TableBudget, def, res, u.BudgetRow(def.ID).Amounts)
		cells = append(cells, b.rateCell(TableBudget, def.ID, res))
		if res.Blank() {
			cells[3], cells[4] = asDash(cells[3]), asDash(cells[4])
		}
		rows = append(rows, Row{Cells: cells})
	}
	return Band{Cols: widths.UnitBudget, Rows: rows}
}

func (b *builder) unitTasks(u *forms.UnitForm, r *forms.UnitResult) Band {
	b.section(-1, forms.SecTasks, "年度主要任务")
	n := len(u.Tasks) + 2 // header, tasks, 合计
	rows := []Row{{Cells: []Cell{
		stacked("年度主要任务", 3, n),
		label("工作名称"), label("对应项目"), label("年初预算数"), label("全年预算数"), label("全年执行数"), label("执行率"),
	}}}
	for i, t := range u.Tasks {
		b.rowAt(fmt.Sprintf("第 %d 项工作", i+1), forms.Location{Index: i})
		id := strconv.Itoa(i)
		cells := []Cell{b.text(t.Name, "工作名称", "name"), b.text(t.Project, "对应项目", "project")}
		cells = append(cells, b.amountCells(TableTasks, id, r.Tasks[i], t.Amounts, nil)...)
		rows = append(rows, Row{Cells: append(cells, b.rateCell(TableTasks, id, r.Tasks[i]))})
	}
	b.rowAt("合计", forms.Location{RowID: "total", Index: -1})
	sums := func(c forms.AmountColumn) string {
		if len(u.Tasks) == 0 {
			return ""
		}
		return Ref(AmountKey(TableTasks, "0", c)) + ":" + Ref(AmountKey(TableTasks, strconv.Itoa(len(u.Tasks)-1), c))
	}
	total := append([]Cell{span(label("合计"), 2, 1)}, b.amountCells(TableTasks, "total", r.TasksTotal, u.TasksTotal, sums)...)
	rows = append(rows, Row{Cells: append(total, b.rateCell(TableTasks, "total", r.TasksTotal))})
	return Band{Cols: widths.UnitTasks, Rows: rows}
}

// goals is the 年度绩效目标 / 年度总体目标 band of form: a stacked label, then target | result
// rows, each target numbered ("目标 1：…"); a form without goals prints one blank row.
func (b *builder) goals(form int, goals []*forms.Goal, name, targetHead, resultHead string) Band {
	return b.goalsBand(form, goals, name, targetHead, resultHead, true)
}

// goalsBand is goals, the targets numbered or not.
func (b *builder) goalsBand(form int, goals []*forms.Goal, name, targetHead, resultHead string, numbered bool) Band {
	b.section(form, forms.SecGoals, name)
	list := goals
	if len(list) == 0 {
		list = []*forms.Goal{{}}
	}
	rows := []Row{{Cells: []Cell{stacked(name, 3, len(list)+1), label(targetHead), label(resultHead)}}}
	for i, g := range list {
		b.rowAt(fmt.Sprintf("目标 %d", i+1), forms.Location{Index: i})
		target := g.Target
		if numbered {
			target = fmt.Sprintf("目标 %d：%s", i+1, g.Target)
		}
		rows = append(rows, Row{Cells: []Cell{
			b.text(target, targetHead, "target"),
			b.text(g.Result, resultHead, "result"),
		}, MinHeight: 7})
	}
	return Band{Cols: widths.UnitGoals, Rows: rows}
}
