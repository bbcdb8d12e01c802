package xlsxout

import (
	"ziping/forms"
)

// Keys of the cells of a project's D, C and total, and of the 分值 of D.
const (
	dWeightKey = "funds/weight"
	dKey       = "D"
	cKey       = "C"
)

// projectSheet lays out project i with pdfout's bands: header, 项目预算资金, 年度总体目标,
// 绩效指标 with the C, D and C+D rows, and the optional signature footer.
func (b *builder) projectSheet(i int, name string) *sheetSpec {
	p, r := b.doc.Projects[i], b.ev.Projects[i]
	b.form = forms.ProjectFormName(i, p)
	bands := []band{b.projectHeader(p), b.projectFunds(p, r), b.goals(p.Goals, "年度总体目标", "年初设定目标", "全年实际完成情况")}
	ind := b.indicatorBand(p.Indicators, r.Indicators, widths.ProjectIndicators, true, "年度目标值", "未完成原因分析")
	b.section = "绩效自评得分"
	b.row = "产出、效益、满意度指标自评得分小计（C）"
	// While the form is incomplete C and C+D are blank, as forms and the PDF leave them.
	c, total := keyed(cell{role: roleCentre}, cKey), cell{role: roleCentre}
	if r.Complete {
		c = keyed(formula(b.scoreSum(), r.C, scoreFmt(r.C)), cKey)
		total = formula(ref(cKey)+"+"+ref(dKey), r.Total, scoreFmt(r.Total))
	}
	ind.rows = append(ind.rows,
		scoreRow("产出、效益、满意度指标自评得分小计（C）", c, 1),
		scoreRow("预算执行率得分（D）", keyed(dCell(r), dKey), 1),
		scoreRow("绩效自评总得分（C+D）", keyed(total, "total"), 1),
	)
	bands = append(bands, ind)
	bands = append(bands, b.signature()...)
	return &sheetSpec{name: name, title: b.doc.ProjectTitle(), bands: bands}
}

func (b *builder) projectHeader(p *forms.ProjectForm) band {
	b.section = "表头"
	field := func(name, text string) cell {
		b.row = name
		return b.left(text, name)
	}
	return band{
		cols: widths.ProjectHeader,
		rows: []row{
			{cells: []cell{label("项目（政策）名称"), span(field("项目（政策）名称", p.Name), 3, 1)}, minHeight: 9},
			{cells: []cell{label("主管部门"), span(field("主管部门", p.Department), 3, 1)}, minHeight: 9},
			{cells: []cell{label("实施单位"), field("实施单位", p.Implementer), label("实施期"), field("实施期", p.Period)}, minHeight: 9},
		},
	}
}

// projectFunds is 项目预算资金: the total row carries 分值 and D; source rows print "——" there.
func (b *builder) projectFunds(p *forms.ProjectForm, r *forms.ProjectResult) band {
	b.section = "项目预算资金（万元）"
	rows := []row{{cells: []cell{
		label("项目预算资金"), label("年初预算数"), label("全年预算数\n（A）"), label("全年执行数\n（B）"),
		label("分值"), label("执行率\n（B/A）"), label("得分\n（分值*B/A）"),
	}}}
	for _, def := range forms.ProjectFundRows {
		b.row = def.Label
		res := r.Funds[def.ID]
		cells := append([]cell{leftLabel(def.Label)}, b.amountCells("funds", def.ID, res, p.FundRow(def.ID).Amounts, partsSum("funds", def))...)
		weight, score := label(dash), label(dash)
		if def.ID == "T" {
			weight, score = keyed(b.scoreValue(p.FundsWeight, "分值"), dWeightKey), keyed(dCell(r), "funds/D")
		}
		cells = append(cells, weight, rateCell("funds", def.ID, res), score)
		rows = append(rows, row{cells: cells})
	}
	return band{cols: widths.ProjectFunds, rows: rows}
}

// dCell is D = 分值 × B / A, capped at 分值, as a formula of the total row's cells; blank when
// forms cannot compute it (A blank or 0, B or 分值 blank or not a number), as the PDF prints it.
func dCell(r *forms.ProjectResult) cell {
	if !r.HasD {
		return cell{role: roleCentre}
	}
	w := ref(dWeightKey)
	a, bb := ref(amountKey("funds", "T", forms.ColFull)), ref(amountKey("funds", "T", forms.ColActual))
	return formula("MAX(0,MIN("+w+","+w+"*"+bb+"/"+a+"))", r.D, scoreFmt(r.D))
}
