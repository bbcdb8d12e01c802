package tables

import (
	"ziping/forms"
)

func init() { RegisterProject(forms.TemplateLiaoning, byBuilder((*builder).projectTable)) }

// projectTable is project i's 预算项目（政策）绩效目标自评表 as the seed prints it.
func (b *builder) projectTable(i int) *Table {
	p, r := b.doc.Projects[i], b.ev.Projects[i]
	t := &Table{Form: i, Name: forms.ProjectFormName(i, p), Title: b.title(b.doc.ProjectTitle())}
	t.Bands = []Band{b.projectHeader(i, p), b.projectFunds(i, p, r),
		b.goals(i, p.Goals, "年度总体目标", "年初设定目标", "全年实际完成情况")}
	ind := b.indicatorBand(i, p.Indicators, r.Indicators, widths.ProjectIndicators, true, "年度目标值", "未完成原因分析")
	ind.Rows = append(ind.Rows, b.projectTotals(i, r, 1)...)
	t.Bands = append(t.Bands, ind)
	t.Bands = append(t.Bands, b.signature()...)
	return t
}

// projectTotals are the rows of C, D and C+D, their label over lead+ScoreCol columns: blank
// while the form is incomplete (D while it cannot be computed); beside a capped C+D, why
// (capNote).
func (b *builder) projectTotals(i int, r *forms.ProjectResult, lead int) []Row {
	b.section(i, forms.SecTotals, "绩效自评得分")
	const cLabel, dLabel, totalLabel = "产出、效益、满意度指标自评得分小计（C）", "预算执行率得分（D）", "绩效自评总得分（C+D）"
	b.row(cLabel)
	c := keyed(b.figure(RoleScore, r.CText(), "C", ""), KeyC)
	if r.Complete {
		c = computed(c, b.scoreSum(), r.C, ScoreFormat(r.C))
	}
	rows := []Row{scoreRow(cLabel, c, lead)}
	b.row(dLabel)
	rows = append(rows, scoreRow(dLabel, keyed(b.dCell(b.figure(RoleScore, r.DText(), "D", ""), r), KeyD), lead))
	b.row(totalLabel)
	total := keyed(b.figure(RoleScore, r.TotalText(), "C+D", ""), KeyTotal)
	if r.Complete {
		total = computed(total, b.capped(Ref(KeyC)+"+"+Ref(KeyD)), r.Total, ScoreFormat(r.Total))
	}
	row := scoreRow(totalLabel, total, lead)
	row.Cells[2] = capNote(row.Cells[2], r)
	rows = append(rows, row)
	for i := range rows {
		rows[i].Cells[1].SameSize = KeyTotal // "89.79" over "10" over "99.79", not 7 pt over 9 pt over 7 pt
	}
	return rows
}

// capNote is the cell beside a project's total, c, saying why 执行率封顶 made the total lower
// than C+D (forms.ProjectResult.TotalNote), in brackets, left-aligned; c itself when the total
// is not capped, so that a form the option does not touch prints as before.
func capNote(c Cell, r *forms.ProjectResult) Cell {
	if note := r.TotalNote(); note != "" {
		c.Role, c.Text = RoleRowLabel, "（"+note+"）"
	}
	return c
}

func (b *builder) projectHeader(i int, p *forms.ProjectForm) Band {
	b.section(i, forms.SecHeader, "表头")
	field := func(name, key, text string) Cell {
		b.row(name)
		return b.text(text, name, key)
	}
	return Band{
		Cols: widths.ProjectHeader,
		Rows: []Row{
			{Cells: []Cell{label("项目（政策）名称"), span(field("项目（政策）名称", "name", p.Name), 3, 1)}, MinHeight: 9},
			{Cells: []Cell{label("主管部门"), span(field("主管部门", "department", p.Department), 3, 1)}, MinHeight: 9},
			{Cells: []Cell{label("实施单位"), field("实施单位", "implementer", p.Implementer), label("实施期"), field("实施期", "period", p.Period)}, MinHeight: 9},
		},
	}
}

// projectFunds is 项目预算资金: the total row carries 分值 and D; source rows print "——" there.
func (b *builder) projectFunds(i int, p *forms.ProjectForm, r *forms.ProjectResult) Band {
	b.section(i, forms.SecBudget, "项目预算资金（万元）")
	rows := []Row{{Cells: []Cell{
		label("项目预算资金"), label("年初预算数"), label("全年预算数\n（A）"), label("全年执行数\n（B）"),
		label("分值"), label("执行率\n（B/A）"), label("得分\n（分值*B/A）"),
	}}}
	for _, def := range forms.ProjectFundRows {
		res := r.Funds[def.ID]
		cells := b.amountRow(TableFunds, def, res, p.FundRow(def.ID).Amounts)
		weight, score := label(dash), label(dash)
		if def.ID == "T" {
			weight, score = b.dWeight(p), keyed(b.dCell(b.figure(RoleScore, r.DText(), "得分", ""), r), KeyFundsD)
		}
		cells = append(cells, weight, b.rateCell(TableFunds, def.ID, res), score)
		rows = append(rows, Row{Cells: cells})
	}
	return Band{Cols: widths.ProjectFunds, Rows: rows}
}

// dWeight is the 分值 of D as typed (forms.PrintedNumber), a number when it is one.
func (b *builder) dWeight(p *forms.ProjectForm) Cell {
	c := b.value(forms.PrintedNumber(p.FundsWeight), "分值", "weight")
	c.Role = RoleScore
	return keyed(b.scoreValue(c, p.FundsWeight), KeyDWeight)
}

// dCell makes c D = 分值 × B / A, capped at 分值 (in whole points under 得分取整), a formula of
// the total row's cells; blank when forms cannot compute it (A blank or 0, B or 分值 blank or
// not a number).
func (b *builder) dCell(c Cell, r *forms.ProjectResult) Cell {
	if !r.HasD {
		return c
	}
	w := Ref(KeyDWeight)
	a, bb := Ref(AmountKey(TableFunds, "T", forms.ColFull)), Ref(AmountKey(TableFunds, "T", forms.ColActual))
	return computed(c, b.roundD("MAX(0,MIN("+w+","+w+"*"+bb+"/"+a+"))"), r.D, ScoreFormat(r.D))
}
