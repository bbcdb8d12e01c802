package xlsxout

import (
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"

	"ziping/forms"
)

// tableWidth is the width of every table in mm, as pdfout prints it (A4 less 15 mm margins).
const tableWidth = 180

// unitSheet lays out the 部门（单位）整体绩效自评表 with pdfout's bands: header, 收支, 主要任务,
// 绩效目标, 分解目标评价 and the optional signature footer.
func (b *builder) unitSheet(name string) *sheetSpec {
	u, r := &b.doc.Unit, b.ev.Unit
	b.form = forms.UnitFormName
	bands := []band{b.unitHeader(u), b.unitBudget(u, r), b.unitTasks(u, r), b.goals(u.Goals, "年度绩效目标", "年初设定目标", "全年完成情况")}
	ind := b.indicatorBand(u.Indicators, r.Indicators, widths.UnitIndicators, false, "年度指标值", "未完成原因")
	b.section, b.row = "总评价得分", "总评价得分"
	total := cell{role: roleCentre} // blank while the form is incomplete, as forms and the PDF leave it
	if r.Complete {
		total = formula(b.scoreSum(), r.Total, scoreFmt(r.Total))
	}
	ind.rows = append(ind.rows, scoreRow("总评价得分", keyed(total, "total"), 0))
	bands = append(bands, ind)
	bands = append(bands, b.signature()...)
	return &sheetSpec{name: name, title: b.doc.UnitTitle(), bands: bands}
}

func (b *builder) unitHeader(u *forms.UnitForm) band {
	b.section = "表头"
	b.row = "部门（单位）名称"
	name := span(b.left(u.Name, "部门（单位）名称"), 3, 1)
	b.row = "财政供养人员数量"
	staff := keyed(b.count(u.Staff, "财政供养人员数量"), "staff")
	b.row = "所属单位数量（仅部门填列）"
	subunits := b.count(u.Subunits, "所属单位数量（仅部门填列）")
	return band{
		cols: widths.UnitHeader,
		rows: []row{
			{cells: []cell{label("部门（单位）名称"), name}, minHeight: 9},
			{cells: []cell{label("财政供养人员数量"), staff, label("所属单位数量（仅部门填列）"), subunits}, minHeight: 9},
		},
	}
}

// count is a whole number the user typed (财政供养人员数量), or the text when it is not one.
func (b *builder) count(text, field string) cell {
	if n, err := forms.ParseCount(text); err == nil && strconv.FormatInt(n, 10) == text {
		return number(decimal.NewFromInt(n), "0")
	}
	return b.centred(text, field)
}

func (b *builder) unitBudget(u *forms.UnitForm, r *forms.UnitResult) band {
	b.section = "年度部门（单位）整体收支情况（万元）"
	rows := []row{{cells: []cell{
		stacked("年度部门（单位）整体收支情况（万元）", 3, len(forms.UnitBudgetRows)+1),
		label("名称"), label("年初预算数"), label("全年预算数"), label("全年执行数"), label("执行率"),
	}}}
	for _, def := range forms.UnitBudgetRows {
		b.row = def.Label
		res := r.Budget[def.ID]
		cells := append([]cell{leftLabel(def.Label)}, b.amountCells("budget", def.ID, res, u.BudgetRow(def.ID).Amounts, partsSum("budget", def))...)
		cells = append(cells, rateCell("budget", def.ID, res))
		if res.Blank() {
			cells[3], cells[4] = keyed(label(dash), cells[3].key), label(dash)
		}
		rows = append(rows, row{cells: cells})
	}
	return band{cols: widths.UnitBudget, rows: rows}
}

func (b *builder) unitTasks(u *forms.UnitForm, r *forms.UnitResult) band {
	b.section = "年度主要任务"
	n := len(u.Tasks) + 2 // header, tasks, 合计
	rows := []row{{cells: []cell{
		stacked("年度主要任务", 3, n),
		label("工作名称"), label("对应项目"), label("年初预算数"), label("全年预算数"), label("全年执行数"), label("执行率"),
	}}}
	for i, t := range u.Tasks {
		b.row = fmt.Sprintf("第 %d 项工作", i+1)
		id := strconv.Itoa(i)
		cells := []cell{b.left(t.Name, "工作名称"), b.left(t.Project, "对应项目")}
		cells = append(cells, b.amountCells("task", id, r.Tasks[i], t.Amounts, nil)...)
		rows = append(rows, row{cells: append(cells, rateCell("task", id, r.Tasks[i]))})
	}
	b.row = "合计"
	sums := func(c forms.AmountColumn) string {
		if len(u.Tasks) == 0 {
			return ""
		}
		return ref(amountKey("task", "0", c)) + ":" + ref(amountKey("task", strconv.Itoa(len(u.Tasks)-1), c))
	}
	total := append([]cell{span(label("合计"), 2, 1)}, b.amountCells("task", "total", r.TasksTotal, u.TasksTotal, sums)...)
	rows = append(rows, row{cells: append(total, rateCell("task", "total", r.TasksTotal))})
	return band{cols: widths.UnitTasks, rows: rows}
}

// goals is the 年度绩效目标 / 年度总体目标 band: a stacked label, then target | result rows.
func (b *builder) goals(goals []*forms.Goal, name, targetHead, resultHead string) band {
	b.section = name
	list := goals
	if len(list) == 0 {
		list = []*forms.Goal{{}}
	}
	rows := []row{{cells: []cell{stacked(name, 3, len(list)+1), label(targetHead), label(resultHead)}}}
	for i, g := range list {
		b.row = fmt.Sprintf("目标 %d", i+1)
		rows = append(rows, row{cells: []cell{
			b.left(fmt.Sprintf("目标 %d：%s", i+1, g.Target), targetHead),
			b.left(g.Result, resultHead),
		}, minHeight: 7})
	}
	return band{cols: widths.UnitGoals, rows: rows}
}

// signature is the optional footer (填表人 … 单位（公章）), without borders.
func (b *builder) signature() []band {
	s := b.doc.Settings
	if !s.Signature {
		return nil
	}
	b.section, b.row = "签字栏", "签字栏"
	f := s.Footer
	blank := func(v string) string {
		if v == "" {
			return "　　　　　　"
		}
		return v
	}
	cells := []cell{
		b.left("填表人："+blank(f.Preparer), "填表人"),
		b.left("联系电话："+blank(f.Phone), "联系电话"),
		b.left("单位负责人（签字）："+blank(f.Leader), "单位负责人"),
		b.left("填报日期："+blank(f.Date), "填报日期"),
	}
	for i := range cells {
		cells[i].role = roleBare
	}
	seal := span(cell{text: "单位（公章）", role: roleBareEnd}, 4, 1)
	w := float64(tableWidth)
	return []band{{
		cols: []float64{w * 0.22, w * 0.26, w * 0.30, w * 0.22},
		rows: []row{{cells: cells, minHeight: 12}, {cells: []cell{seal}, minHeight: 16}},
	}}
}
