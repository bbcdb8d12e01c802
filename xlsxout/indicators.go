package xlsxout

import (
	"fmt"
	"strings"

	"ziping/forms"
	"ziping/tables"
)

// rowKey names the cell of column col ("target", "actual", "completion", "weight", "score")
// of the 三级 row at p.
func rowKey(col string, p forms.RowPath) string {
	return fmt.Sprintf("%s/%d/%d/%d", col, p.L1, p.L2, p.Row)
}

// scoreKey names the 得分 cell of the 三级 row at p (or of the blank row of an empty 二级).
func scoreKey(p forms.RowPath) string { return rowKey("score", p) }

// scoreSum is the formula of Σ得分 over every body row of the indicator table last built: a
// range down the 得分 column, from its first row to its last; "0" for a table without rows,
// whose sum forms.Evaluate gives as 0.
func (b *builder) scoreSum() string {
	if b.firstScore == "" {
		return "0"
	}
	return "SUM(" + ref(b.firstScore) + ":" + ref(b.lastScore) + ")"
}

// indicatorBand lays out 分解目标评价 (unit) or 绩效指标 (project): two header rows (after a
// full-width band name on the unit form), then every 三级 row under its 一级 and 二级 labels.
func (b *builder) indicatorBand(tree forms.Tree, res forms.TreeResult, cols []float64, outer bool, targetHead, reasonHead string) band {
	name := "分解目标评价"
	if outer {
		name = "绩效指标"
	}
	b.section = name
	b.firstScore, b.lastScore = "", "" // not the previous sheet's: this table may have no rows
	body := b.indicatorRows(tree, res, outer)
	perLine := 2
	if outer {
		perLine = 1
	}
	header := indicatorHeader(targetHead, reasonHead, perLine)
	if outer {
		header[0].cells = append([]cell{stacked("绩效指标", 1, len(body)+2)}, header[0].cells...)
	} else {
		header = append([]row{{cells: []cell{span(label(name), len(cols), 1)}, minHeight: 7}}, header...)
	}
	return band{cols: cols, rows: append(header, body...), repeat: len(header)}
}

// indicatorHeader returns the two header rows of spec §1.4 / §2.3.
func indicatorHeader(targetHead, reasonHead string, l1PerLine int) []row {
	row1 := []cell{stacked("一级指标", l1PerLine, 2), stacked("二级指标", 2, 2), span(label("三级指标"), 4, 1)}
	for _, h := range []string{targetHead, "全年完成值", "完成程度", "分值", "得分"} {
		row1 = append(row1, span(label(h), 1, 2))
	}
	row1 = append(row1, span(label(reasonHead+"（请在相应选项下划“√”并在原因说明中分项阐述）"), 6, 1),
		span(stacked("改进措施", 2, 2), 1, 2))
	row2 := []cell{label(""), stacked("运算符号", 2, 1), label("内容"), stacked("度量单位", 2, 1)}
	for _, h := range forms.ReasonLabels {
		row2 = append(row2, stacked(h, 1, 1))
	}
	row2 = append(row2, stacked("原因说明", 2, 1))
	return []row{{cells: row1}, {cells: row2}}
}

// indicatorRows returns the body rows in printed order (forms.PrintedRows: an empty 二级
// prints one blank row), each 一级 and 二级 label on the first row it spans.
func (b *builder) indicatorRows(tree forms.Tree, res forms.TreeResult, outer bool) []row {
	perLine := 2
	if outer {
		perLine = 1 // the project's 一级 column is one character wide
	}
	var rows []row
	for _, pr := range tree.PrintedRows() {
		var labels []cell
		p := pr.Path
		if pr.L1Span > 0 {
			b.row = pr.L1.Name
			first := stacked(b.clean(pr.L1.Name, "一级指标"), perLine, pr.L1Span)
			if pr.L1.Merged {
				first.colSpan = 2
			}
			labels = append(labels, first)
		}
		if pr.L2Span > 0 && !pr.L1.Merged {
			b.row = pr.L1.Name + " › " + pr.L2.Name
			labels = append(labels, stacked(b.clean(pr.L2.Name, "二级指标"), 2, pr.L2Span))
		}
		var r *forms.IndicatorResult
		if pr.In != nil {
			r = res.At(p)
		}
		b.row = forms.IndicatorRowName(pr.L1, pr.L2, p.Row)
		if len(rows) == 0 {
			b.firstScore = scoreKey(p)
		}
		b.lastScore = scoreKey(p)
		rows = append(rows, row{cells: append(labels, b.indicatorCells(p, pr.In, r)...), minHeight: 7})
	}
	return rows
}

// indicatorCells are the cells of one 三级 row after the 一级/二级 labels; in is nil for the
// blank row of an empty 二级.
func (b *builder) indicatorCells(p forms.RowPath, in *forms.Indicator, r *forms.IndicatorResult) []cell {
	cells := []cell{label(fmt.Sprintf("指标 %d", p.Row+1))}
	if in == nil {
		for i := range 15 {
			c := label("")
			if i == 7 { // 得分, after 运算符号 … 分值
				c = keyed(c, scoreKey(p))
			}
			cells = append(cells, c)
		}
		return cells
	}
	weightKey := rowKey("weight", p)
	target, targetRef := b.valueCell(in.Target, "指标值", rowKey("target", p))
	actual, actualRef := b.valueCell(in.Actual, "全年完成值", rowKey("actual", p))
	q := quantOf(in, r, b.doc.Settings.Negative, targetRef, actualRef)
	cells = append(cells,
		b.centred(string(in.Op), "运算符号"),
		b.left(in.Content, "内容"),
		b.centred(in.Unit, "度量单位"),
		target,
		actual,
		keyed(b.completionCell(in, r, q), rowKey("completion", p)),
		keyed(b.scoreValue(in.Weight, "分值"), weightKey),
		keyed(b.scoreCell(in, r, q, weightKey), scoreKey(p)),
	)
	for i, t := range in.Reasons.Ticks() {
		text := ""
		if t {
			text = tick
		}
		cells = append(cells, b.centred(text, forms.ReasonLabels[i]))
	}
	return append(cells, b.left(in.Reason, "原因说明"), b.left(in.Measures, "改进措施"))
}

// scoreValue is a 分值 or typed 得分: a number when it is one, else the text as typed.
func (b *builder) scoreValue(text, field string) cell {
	v, err := forms.ParseScore(text)
	if err != nil {
		return b.centred(text, field)
	}
	return number(v, scoreFmt(v))
}

// valueCell is a 指标值 or 全年完成值 keyed key: a number when the text is a plain number as
// forms reads it (no sign, % or unit), shown with the decimals typed, and the placeholder
// formulas refer to it by; else the text as typed ("95%", "≥50个", "一次性支付") and "".
func (b *builder) valueCell(text, field, key string) (cell, string) {
	n, err := forms.ParseNumber(text)
	if err != nil || n.Sign != forms.OpNone || n.Percent || n.Unit != "" {
		return keyed(b.centred(text, field), key), ""
	}
	numFmt := fixedFmt(int(max(0, -n.Value.Exponent())), false)
	if strings.Contains(text, ",") || strings.Contains(text, "，") {
		numFmt = "#,##" + numFmt // typed with thousands separators: shown with them
	}
	return keyed(number(n.Value, numFmt), key), ref(key)
}

// completionCell is 完成程度: computed by forms (a formula of the values it compared, q), or
// the text the user typed when it cannot be computed.
func (b *builder) completionCell(in *forms.Indicator, r *forms.IndicatorResult, q quant) cell {
	if !r.HasCompletion {
		return b.centred(in.Completion, "完成程度")
	}
	if f := q.completion(); f != "" {
		return formula(f, r.Completion, percentFmt(r.Completion))
	}
	return number(r.Completion, percentFmt(r.Completion))
}

// scoreCell is 得分: the suggestion of a quantitative row as a formula of its 分值 (weightKey)
// and the values compared (q); a score the user typed (手工调整, or a qualitative row) as typed.
func (b *builder) scoreCell(in *forms.Indicator, r *forms.IndicatorResult, q quant, weightKey string) cell {
	switch {
	case r.HasSuggestion && !in.Manual:
		if f := q.score(ref(weightKey)); f != "" {
			return formula(f, r.Score, scoreFmt(r.Score))
		}
		return number(r.Score, scoreFmt(r.Score))
	case r.HasScore:
		return number(r.Score, scoreFmt(r.Score))
	}
	return b.centred(in.Score, "得分") // blank, or typed text that is not a number
}

// scoreRow is a footer row: a label over the columns up to 分值, the value under 得分, and an
// empty cell over the rest.
func scoreRow(text string, value cell, lead int) row {
	return row{cells: []cell{span(label(text), tables.ScoreCol+lead, 1), value, span(label(""), tables.AfterCols, 1)}, minHeight: 8}
}
