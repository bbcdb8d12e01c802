package tables

import (
	"strconv"
	"strings"

	"ziping/forms"
)

// scoreSum is the formula of Σ得分 over every body row of the indicator table built last.
func (b *builder) scoreSum() string { return b.columnSum(ColScore) }

// columnSum is the formula of the sum of column col over every body row of the indicator table
// built last: a range from its first row to its last; "0" for a table without rows, whose sum
// forms.Evaluate gives as 0.
func (b *builder) columnSum(col string) string {
	if !b.rows {
		return "0"
	}
	return "SUM(" + Ref(IndicatorKey(col, b.first)) + ":" + Ref(IndicatorKey(col, b.last)) + ")"
}

// indicatorBand is 分解目标评价 (unit) or 绩效指标 (project, outer): its header rows (after a
// full-width band name on the unit form), then every 三级 row under its 一级 and 二级 labels.
func (b *builder) indicatorBand(form int, tree forms.Tree, res forms.TreeResult, cols []float64, outer bool, targetHead, reasonHead string) Band {
	name := "分解目标评价"
	if outer {
		name = "绩效指标"
	}
	b.section(form, forms.SecIndicators, name)
	b.rows = false // not the previous form's: this table may have no rows
	body := b.indicatorRows(tree, res, outer)
	perLine := 2
	if outer {
		perLine = 1
	}
	header := indicatorHeader(targetHead, reasonHead, perLine)
	if outer {
		header[0].Cells = append([]Cell{stacked("绩效指标", 1, len(body)+2)}, header[0].Cells...)
	} else {
		// The unit form names the band in a full-width row; it repeats with the header.
		header = append([]Row{{Cells: []Cell{span(label(name), len(cols), 1)}, MinHeight: 7}}, header...)
	}
	return Band{Cols: cols, Header: len(header), Rows: append(header, body...)}
}

// indicatorHeader returns the two header rows of the Liaoning indicator tables.
func indicatorHeader(targetHead, reasonHead string, l1PerLine int) []Row {
	row1 := []Cell{stacked("一级指标", l1PerLine, 2), stacked("二级指标", 2, 2), span(label("三级指标"), 4, 1)}
	for _, h := range []string{targetHead, "全年完成值", "完成程度", "分值", "得分"} {
		row1 = append(row1, span(label(h), 1, 2))
	}
	row1 = append(row1, span(label(reasonHead+"（请在相应选项下划“√”并在原因说明中分项阐述）"), 6, 1),
		span(stacked("改进措施", 2, 2), 1, 2))
	row2 := []Cell{label(""), stacked("运算符号", 2, 1), label("内容"), stacked("度量单位", 2, 1)}
	for _, h := range forms.ReasonLabels() {
		row2 = append(row2, stacked(h, 1, 1))
	}
	row2 = append(row2, stacked("原因说明", 2, 1))
	return []Row{{Cells: row1}, {Cells: row2}}
}

// indicatorRows returns the body rows in printed order (forms.Tree.PrintedRows: an empty 二级
// prints one blank row), each 一级 and 二级 label on the first row it spans.
func (b *builder) indicatorRows(tree forms.Tree, res forms.TreeResult, outer bool) []Row {
	perLine := 2
	if outer {
		perLine = 1 // the project's 一级 column is one character wide
	}
	return b.printedRows(tree, res, perLine, 2, b.indicatorCells)
}

// printedRows returns the body rows of tree in printed order, each 一级 and 二级 label (l1
// and l2 characters a line) on the first row it spans, and the cells after them appended by
// cells (in nil on a blank row).
func (b *builder) printedRows(tree forms.Tree, res forms.TreeResult, l1, l2 int,
	cells func(dst []Cell, p forms.RowPath, in *forms.Indicator, r *forms.IndicatorResult) []Cell) []Row {
	printed := tree.PrintedRows()
	rows := make([]Row, 0, len(printed))
	for _, pr := range printed {
		labels := make([]Cell, 0, 18) // the labels and a row's cells: one allocation per row
		p := pr.Path
		if pr.L1Span > 0 {
			// 一级 names are fixed by the template (no editor); a file may still hold odd ones.
			b.rowAt(pr.L1.Name, forms.Location{Index: -1, Path: forms.RowPath{L1: p.L1, L2: -1, Row: -1}})
			first := b.levelName(pr.L1.Name, "一级指标", "level1", l1, pr.L1Span)
			if pr.L1.Merged {
				first.ColSpan = 2
			}
			labels = append(labels, first)
		}
		if pr.L2Span > 0 && !pr.L1.Merged {
			b.rowAt(pr.L1.Name+" › "+pr.L2.Name, forms.Location{Index: -1, Path: forms.RowPath{L1: p.L1, L2: p.L2, Row: -1}})
			labels = append(labels, b.levelName(pr.L2.Name, "二级指标", "level2", l2, pr.L2Span))
		}
		var r *forms.IndicatorResult
		if pr.In != nil {
			r = res.At(p)
		}
		b.rowAt(forms.IndicatorRowName(pr.L1, pr.L2, p.Row), forms.Location{Index: -1, Path: p})
		if len(rows) == 0 {
			b.first = p
		}
		b.last, b.rows = p, true
		rows = append(rows, Row{Cells: cells(labels, p, pr.In, r), MinHeight: 7})
	}
	return rows
}

// levelName is a 一级 or 二级 name (the unit form's 二级 are typed in the editor) in a narrow
// stacked label cell.
func (b *builder) levelName(name, field, key string, perLine, rowSpan int) Cell {
	c := stacked(name, perLine, rowSpan)
	c.Src = b.from(field, key)
	return c
}

// indicatorCells appends to cells those of one 三级 row after the 一级/二级 labels; in is nil
// for the blank row of an empty 二级.
func (b *builder) indicatorCells(cells []Cell, p forms.RowPath, in *forms.Indicator, r *forms.IndicatorResult) []Cell {
	cells = append(cells, label("指标 "+strconv.Itoa(p.Row+1)))
	if in == nil {
		for i := range 15 {
			c := label("")
			if i == 7 { // 得分, after 运算符号 … 分值
				c = keyed(c, IndicatorKey(ColScore, p))
			}
			cells = append(cells, c)
		}
		return cells
	}
	tn, terr := forms.ParseNumber(in.Target)
	target, targetRef := b.valueCell(in.Target, "指标值", ColTarget, p, tn, terr == nil)
	actual, actualRef := b.valueCell(in.Actual, "全年完成值", ColActual, p, r.Actual, r.HasActual) // forms.ParseNumber's
	q := quantOf(in, r, b.doc.Settings.Negative, targetRef, actualRef)
	cells = append(cells,
		b.value(string(in.Op), "运算符号", "op"),
		b.text(in.Content, "内容", "content"),
		b.value(in.Unit, "度量单位", "unit"),
		target,
		actual,
		b.completionCell(in, r, q, p),
		b.weightCell(in, r, p),
		b.scoreCell(in, r, q, p),
	)
	labels := forms.ReasonLabels()
	for i, t := range in.Reasons.Ticks() {
		text := ""
		if t {
			text = tick
		}
		cells = append(cells, b.figure(RoleTick, text, labels[i], ""))
	}
	return append(cells, b.text(in.Reason, "原因说明", "reason"), b.text(in.Measures, "改进措施", "measures"))
}

// valueCell is the 指标值 or 全年完成值 (column col of the row at p, col also its editor's
// key), n being forms.ParseNumber(text) when ok: a number when the text is a plain number as
// forms reads it (no sign, % or unit), shown with the decimals typed, and the reference
// formulas use for it; else the text as typed ("95%", "≥50个", "一次性支付") and "". Its
// digits print half-width (forms.PrintedNumber).
func (b *builder) valueCell(text, field, col string, p forms.RowPath, n forms.Number, ok bool) (Cell, string) {
	key := IndicatorKey(col, p)
	text = forms.PrintedNumber(text)
	c := keyed(b.value(text, field, col), key)
	if !ok || n.Sign != forms.OpNone || n.Percent || n.Unit != "" {
		return c, ""
	}
	// Typed with thousands separators: shown with them.
	f := Format{Decimals: decimalsOf(n.Value), Grouped: strings.ContainsAny(text, ",，")}
	return withNum(c, n.Value, f), Ref(key)
}

// completionCell is 完成程度: computed by forms (a formula of the values it compared, q), or
// the text the user typed when it cannot be computed.
func (b *builder) completionCell(in *forms.Indicator, r *forms.IndicatorResult, q quant, p forms.RowPath) Cell {
	c := keyed(b.figure(RolePercent, r.CompletionText(in), "完成程度", "completion"), IndicatorKey(ColCompletion, p))
	if !r.HasCompletion {
		return c
	}
	return computed(c, q.completion(), r.Completion, Format{Decimals: places(c.Text), Percent: true})
}

// weightCell is the 分值 as typed (forms.PrintedNumber), a number when it is one (forms read it
// as r.Weight).
func (b *builder) weightCell(in *forms.Indicator, r *forms.IndicatorResult, p forms.RowPath) Cell {
	c := keyed(b.figure(RoleScore, forms.PrintedNumber(in.Weight), "分值", "weight"), IndicatorKey(ColWeight, p))
	if !r.HasWeight {
		return c
	}
	return withNum(c, r.Weight, ScoreFormat(r.Weight))
}

// scoreCell is 得分: the suggestion of a quantitative row as a formula of its 分值 and the
// values compared (q); a score the user typed (手工调整, or a qualitative row) as typed.
func (b *builder) scoreCell(in *forms.Indicator, r *forms.IndicatorResult, q quant, p forms.RowPath) Cell {
	c := keyed(b.figure(RoleScore, r.ScoreText(in), "得分", "score"), IndicatorKey(ColScore, p))
	switch {
	case r.HasSuggestion && !in.Manual: // the text is forms.FormatScore(r.Score)
		return computed(c, b.roundScore(q.score(Ref(IndicatorKey(ColWeight, p)))), r.Score, Format{Decimals: places(c.Text)})
	case r.HasScore:
		return withNum(c, r.Score, Format{Decimals: places(c.Text)})
	}
	return c // blank, or typed text that is not a number
}

// scoreRow is a footer row of an indicator table: a label over lead+ScoreCol columns, the
// value under 得分, and an empty cell over the rest. It stays on the page of the row above it,
// so that the totals are never parted from each other nor from the last indicator row.
func scoreRow(text string, value Cell, lead int) Row {
	return Row{Cells: []Cell{span(label(text), ScoreCol+lead, 1), value, span(label(""), AfterCols, 1)},
		MinHeight: 8, KeepWithPrev: true}
}
