package tables

import (
	"strconv"
	"strings"

	"ziping/forms"
)

func init() { RegisterProject(forms.TemplateNational, byBuilder((*builder).nationalTable)) }

// nationalWidths are the column widths (mm) of the national form's own bands (its header and
// goals are those of the Liaoning project form, Widths): 项目资金 (label | row name | 年初预算数 |
// 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分); 绩效指标 | 一级 | 二级 | 三级 | 年度指标值 |
// 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施; 评价结论 and 存在问题 (label | text).
var nationalWidths = struct{ Funds, Indicators, Conclusion []float64 }{
	Funds:      []float64{16, 40, 22, 22, 22, 14, 20, 24},
	Indicators: []float64{6, 10, 12, 42, 22, 22, 11, 11, 44},
	Conclusion: []float64{30, 150},
}

// nationalTable is project i's 项目支出绩效自评表 in the national template: header, 项目资金 with
// the three grouped source rows (forms.NationalFundRows), 年度总体目标, 绩效指标 in 8 columns
// ending with 总分, then 评价结论 and 存在问题 when filled, and the optional signature footer.
// The unit form keeps its one (Liaoning) layout.
func (b *builder) nationalTable(i int) *Table {
	p, r := b.doc.Projects[i], b.ev.Projects[i]
	t := &Table{Form: i, Name: forms.ProjectFormName(i, p), Title: b.nationalTitle()}
	goals := b.goalsBand(i, p.Goals, "年度总体目标", "预期目标", "实际完成情况", len(p.Goals) > 1)
	t.Bands = []Band{b.nationalHeader(i, p), b.nationalFunds(i, p, r), goals, b.nationalIndicators(i, p, r)}
	if c, ok := b.conclusion(i, p); ok {
		t.Bands = append(t.Bands, c)
	}
	t.Bands = append(t.Bands, b.signature()...)
	return t
}

// nationalTitle is the template's title (forms: "项目支出绩效自评表" over the year): the national
// form names no unit in its title.
func (b *builder) nationalTitle() Title {
	year := b.doc.Settings.Year
	src := &Source{Section: "标题", Field: "标题",
		Loc: forms.Location{Form: -1, Section: forms.SecSettings, Index: -1, Field: "year"}}
	return Title{Text: b.doc.ProjectTitle(), Parts: []Part{{Text: year, Src: src}}, Src: src}
}

func (b *builder) nationalHeader(i int, p *forms.ProjectForm) Band {
	b.section(i, forms.SecHeader, "表头")
	field := func(name, key, text string) Cell {
		b.row(name)
		return b.text(text, name, key)
	}
	return Band{
		Cols: widths.ProjectHeader,
		Rows: []Row{
			{Cells: []Cell{label("项目名称"), span(field("项目名称", "name", p.Name), 3, 1)}, MinHeight: 9},
			{Cells: []Cell{label("主管部门"), field("主管部门", "department", p.Department), label("实施单位"), field("实施单位", "implementer", p.Implementer)}, MinHeight: 9},
		},
	}
}

// nationalFunds is 项目资金（万元）: 年度资金总额 with 分值 and D, a SUM of the three source rows
// below it, which print "——" under 分值 and 得分.
func (b *builder) nationalFunds(i int, p *forms.ProjectForm, r *forms.ProjectResult) Band {
	b.section(i, forms.SecBudget, "项目资金（万元）")
	funds := p.NationalFunds(r)
	rows := []Row{{Cells: []Cell{
		// 项/目/资/金 two characters a line, and "（万元）" whole on a line of its own: never
		// broken as "（万" / "元）".
		stacked("项目\n资金\n（万元）", 4, len(funds)+2), label(""), label("年初预算数"), label("全年预算数"),
		label("全年执行数"), label("分值"), label("执行率"), label("得分"),
	}}}
	const total = "年度资金总额"
	b.rowAt(total, forms.Location{RowID: "T", Index: -1})
	sum := func(c forms.AmountColumn) string {
		s := ""
		for k, f := range funds {
			if k > 0 {
				s += ","
			}
			s += Ref(AmountKey(TableFunds, f.Def.ID, c))
		}
		return s
	}
	cells := append([]Cell{rowLabel(total)}, b.amountCells(TableFunds, "T", r.Funds["T"], p.FundRow("T").Amounts, sum)...)
	d := keyed(b.dCell(b.figure(RoleScore, r.DText(), "得分", ""), r), KeyFundsD)
	rows = append(rows, Row{Cells: append(cells, b.dWeight(p), b.rateCell(TableFunds, "T", r.Funds["T"]), d)})
	for _, f := range funds {
		b.rowAt(f.Def.Label, forms.Location{RowID: f.Edit, Index: -1})
		cells := append([]Cell{rowLabel(f.Def.Label)}, b.amountCells(TableFunds, f.Def.ID, f.Result, f.Typed, nil)...)
		rows = append(rows, Row{Cells: append(cells, label(dash), b.rateCell(TableFunds, f.Def.ID, f.Result), label(dash))})
	}
	return Band{Cols: nationalWidths.Funds, Rows: rows}
}

// nationalIndicators is 绩效指标 in the national template's 8 columns, then 总分: Σ分值 (D's
// included), C+D, and under 偏差原因分析及改进措施 why 执行率封顶 lowered it (capNote).
func (b *builder) nationalIndicators(i int, p *forms.ProjectForm, r *forms.ProjectResult) Band {
	b.section(i, forms.SecIndicators, "绩效指标")
	b.rows = false
	body := b.printedRows(p.Indicators, r.Indicators, 2, 3, b.nationalCells)
	header := Row{Cells: []Cell{
		stacked("绩效指标", 1, len(body)+1), stacked("一级指标", 2, 1), stacked("二级指标", 2, 1), label("三级指标"),
		label("年度指标值"), label("实际完成值"), label("分值"), label("得分"), label("偏差原因分析及改进措施"),
	}, MinHeight: 9}
	b.section(i, forms.SecTotals, "总分")
	b.row("总分")
	weights := keyed(b.figure(RoleScore, "", "分值", ""), KeyWeights)
	if r.BlankWeights == 0 && r.InvalidWeights == 0 && r.HasDWeight { // a Σ without the "/" rows would be wrong
		weights.Text = forms.FormatScore(r.WeightSum)
		weights = computed(weights, b.columnSum(ColWeight)+"+"+Ref(KeyDWeight), r.WeightSum, ScoreFormat(r.WeightSum))
	}
	total := keyed(b.figure(RoleScore, r.TotalText(), "总分", ""), KeyTotal) // blank while incomplete
	if r.Complete {
		total = computed(total, b.capped(b.scoreSum()+"+"+Ref(KeyFundsD)), r.Total, ScoreFormat(r.Total))
	}
	totals := Row{Cells: []Cell{span(label("总分"), 6, 1), weights, total, capNote(label(""), r)}, MinHeight: 8, KeepWithPrev: true}
	rows := append(append([]Row{header}, body...), totals)
	return Band{Cols: nationalWidths.Indicators, Header: 1, Rows: rows}
}

// nationalCells appends to cells those of one 三级 row after the 一级/二级 labels: 三级指标,
// 年度指标值 and 实际完成值 with the operator and unit written in (forms.Indicator.NationalTarget),
// 分值, 得分, and 偏差原因分析及改进措施 joined from the reasons, 原因说明 and 改进措施; in is
// nil for the blank row of an empty 二级. 三级指标 is "指标 N：" and the name, blank when no
// name is typed: the national form has no column of row numbers (the Liaoning form's "指标 N"
// stands in a column of its own, tables/indicators.go), and "指标 1：" over nothing reads as a
// name left out. The document setting 指标编号 (forms.Settings.HideIndicatorNumbers) leaves
// "指标 N：" out, as some provinces print it.
func (b *builder) nationalCells(cells []Cell, p forms.RowPath, in *forms.Indicator, r *forms.IndicatorResult) []Cell {
	if in == nil {
		return append(cells, rowLabel(""), label(""), label(""),
			keyed(label(""), IndicatorKey(ColWeight, p)), keyed(label(""), IndicatorKey(ColScore, p)), label(""))
	}
	op, target, unit := in.NationalTarget()
	targetCell, targetRef := b.joinedValue(p, ColTarget, "年度指标值", []Part{
		{Text: op, Src: b.from("运算符号", "op")}, {Text: target, Src: b.from("年度指标值", "target")},
		{Text: unit, Src: b.from("度量单位", "unit")},
	})
	actual, actualUnit := in.NationalActual()
	actualCell, actualRef := b.joinedValue(p, ColActual, "实际完成值", []Part{
		{Text: actual, Src: b.from("实际完成值", "actual")}, {Text: actualUnit, Src: b.from("度量单位", "unit")},
	})
	q := quantOf(in, r, b.doc.Settings.Negative, targetRef, actualRef)
	ticks, sep, reason, prefix, measures := in.NationalDeviation()
	deviation := b.joined(RoleText, "偏差原因分析及改进措施", "reason", []Part{
		{Text: ticks}, {Text: sep}, {Text: reason, Src: b.from("原因说明", "reason")},
		{Text: prefix}, {Text: measures, Src: b.from("改进措施", "measures")},
	})
	name := strings.TrimSpace(in.Content)
	if name != "" && !b.doc.Settings.HideIndicatorNumbers {
		name = "指标 " + strconv.Itoa(p.Row+1) + "：" + in.Content
	}
	return append(cells,
		b.text(name, "三级指标", "content"),
		targetCell, actualCell,
		b.weightCell(in, r, p),
		b.scoreCell(in, r, q, p),
		deviation,
	)
}

// joined is a cell of role r in column field (key its editor's key) whose text is joined from
// parts, those left blank dropped; one part alone makes a plain cell of its own field.
func (b *builder) joined(r Role, field, key string, parts []Part) Cell {
	var kept []Part
	text := ""
	for _, p := range parts {
		if p.Text != "" {
			kept = append(kept, p)
			text += p.Text
		}
	}
	c := Cell{Role: r, Text: text, Src: b.from(field, key)}
	switch {
	case len(kept) == 1 && kept[0].Src != nil:
		c.Src = kept[0].Src
	case len(kept) > 1:
		c.Parts = kept
	}
	return c
}

// joinedValue is the 年度指标值 or 实际完成值 (column col of the row at p) joined from parts: a
// number when it is a plain number alone (see valueCell), with the reference formulas use for
// it; else text, and "".
func (b *builder) joinedValue(p forms.RowPath, col, field string, parts []Part) (Cell, string) {
	c := keyed(b.joined(RoleValue, field, col, parts), IndicatorKey(col, p))
	if c.Parts != nil {
		return c, ""
	}
	n, err := forms.ParseNumber(c.Text)
	v, ref := b.valueCell(c.Text, field, col, p, n, err == nil)
	v.Src = c.Src
	return v, ref
}

// conclusion is the band of 评价结论 and 存在问题, each row printed when filled; ok is false
// when neither is.
func (b *builder) conclusion(i int, p *forms.ProjectForm) (band Band, ok bool) {
	b.section(i, forms.SecConclusion, "评价结论")
	for _, f := range []struct{ name, key, text string }{{"评价结论", "conclusion", p.Conclusion}, {"存在问题", "issues", p.Issues}} {
		if strings.TrimSpace(f.text) == "" {
			continue
		}
		b.row(f.name)
		band.Rows = append(band.Rows, Row{Cells: []Cell{label(f.name), b.text(f.text, f.name, f.key)}, MinHeight: 12})
	}
	band.Cols = nationalWidths.Conclusion
	return band, len(band.Rows) > 0
}
