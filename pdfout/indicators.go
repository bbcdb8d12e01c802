package pdfout

import (
	"fmt"

	"ziping/forms"
	"ziping/layout"
)

// indicatorSection lays out 分解目标评价 (unit) or 绩效指标 (project): two header rows, then
// every 三级 row under its 一级 and 二级 labels; an empty 二级 prints one blank row.
func (b *builder) indicatorSection(tree forms.Tree, res forms.TreeResult, cols []float64, outer bool, targetHead, reasonHead string) layout.Section {
	name := "分解目标评价"
	if outer {
		name = "绩效指标"
	}
	b.section(forms.SecIndicators, name)
	body := b.indicatorRows(tree, res, outer)
	perLine := 2
	if outer {
		perLine = 1
	}
	header := indicatorHeader(targetHead, reasonHead, perLine)
	if outer {
		header[0].Cells = append([]layout.Cell{stacked("绩效指标", 1, len(body)+2)}, header[0].Cells...)
	} else {
		// The unit form names the band in a full-width row; it repeats with the header.
		header = append([]layout.Row{{Cells: []layout.Cell{span(label(name), len(cols), 1)}, MinHeight: 7}}, header...)
	}
	return layout.Section{Cols: cols, Header: header, Body: body}
}

// indicatorHeader returns the two header rows of spec §1.4 / §2.3.
func indicatorHeader(targetHead, reasonHead string, l1PerLine int) []layout.Row {
	l1, l2 := stacked("一级指标", l1PerLine, 2), stacked("二级指标", 2, 2)
	row1 := []layout.Cell{l1, l2, span(label("三级指标"), 4, 1)}
	for _, h := range []string{targetHead, "全年完成值", "完成程度", "分值", "得分"} {
		row1 = append(row1, span(label(h), 1, 2))
	}
	row1 = append(row1, span(label(reasonHead+"（请在相应选项下划“√”并在原因说明中分项阐述）"), 6, 1),
		span(stacked("改进措施", 2, 2), 1, 2))
	row2 := []layout.Cell{label(""), stacked("运算符号", 2, 1), label("内容"), stacked("度量单位", 2, 1)}
	for _, h := range forms.ReasonLabels {
		row2 = append(row2, stacked(h, 1, 1))
	}
	row2 = append(row2, stacked("原因说明", 2, 1))
	return []layout.Row{{Cells: row1}, {Cells: row2}}
}

// indicatorRows returns the body rows of an indicator table in printed order, each 一级 and
// 二级 label on the first row it spans.
func (b *builder) indicatorRows(tree forms.Tree, res forms.TreeResult, outer bool) []layout.Row {
	perLine := 2
	if outer {
		perLine = 1 // the project's 一级 column is one character wide
	}
	var rows []layout.Row
	for _, pr := range tree.PrintedRows() {
		var labels []layout.Cell
		p := pr.Path
		if pr.L1Span > 0 {
			// 一级 names are fixed by the template (no editor); a file may still hold odd ones.
			b.rowAt(pr.L1.Name, forms.Location{Index: -1, Path: forms.RowPath{L1: p.L1, L2: -1, Row: -1}})
			first := b.stackedName(pr.L1.Name, "一级指标", "level1", perLine, pr.L1Span)
			if pr.L1.Merged {
				first = span(first, 2, pr.L1Span)
			}
			labels = append(labels, first)
		}
		if pr.L2Span > 0 && !pr.L1.Merged {
			b.rowAt(pr.L1.Name+" › "+pr.L2.Name, forms.Location{Index: -1, Path: forms.RowPath{L1: p.L1, L2: p.L2, Row: -1}})
			labels = append(labels, b.stackedName(pr.L2.Name, "二级指标", "level2", 2, pr.L2Span))
		}
		var r *forms.IndicatorResult
		if pr.In != nil {
			r = res.At(p)
		}
		b.rowAt(forms.IndicatorRowName(pr.L1, pr.L2, p.Row), forms.Location{Index: -1, Path: p})
		rows = append(rows, layout.Row{Cells: append(labels, b.indicatorCells(p.Row, pr.In, r)...), MinHeight: 7})
	}
	return rows
}

// stackedName is a 一级 or 二级 name the user may have typed (the unit form's 二级 are
// editable), cleaned like every user text, in a narrow stacked label cell.
func (b *builder) stackedName(name, field, key string, perLine, rowSpan int) layout.Cell {
	at := b.at.with(field, key)
	c := stacked(b.san.clean(name, false, at), perLine, rowSpan)
	c.Tag = tagOf(at)
	return c
}

// indicatorCells are the cells of one 三级 row after the 一级/二级 labels; in is nil for the
// blank row of an empty 二级.
func (b *builder) indicatorCells(k int, in *forms.Indicator, r *forms.IndicatorResult) []layout.Cell {
	cells := []layout.Cell{label(fmt.Sprintf("指标 %d", k+1))}
	if in == nil {
		for range 15 {
			cells = append(cells, label(""))
		}
		return cells
	}
	cells = append(cells,
		b.centred(string(in.Op), "运算符号", "op"),
		b.value(in.Content, "内容", "content"),
		b.centred(in.Unit, "度量单位", "unit"),
		b.centred(in.Target, "指标值", "target"),
		b.centred(in.Actual, "全年完成值", "actual"),
		b.number(r.CompletionText(in), "完成程度", "completion"), // typed when it cannot be computed
		b.number(in.Weight, "分值", "weight"),
		b.number(r.ScoreText(in), "得分", "score"), // typed when it is not a number
	)
	for i, t := range in.Reasons.Ticks() {
		text := ""
		if t {
			text = tick
		}
		cells = append(cells, b.figure(text, forms.ReasonLabels[i]))
	}
	return append(cells, b.value(in.Reason, "原因说明", "reason"), b.value(in.Measures, "改进措施", "measures"))
}

// scoreRow is a footer row: a label over the columns up to 分值, the value under 得分, and
// an empty cell over the rest. It stays on the page of the row above it, so that the totals
// (C, D, C+D; 总评价得分) are never parted from each other nor from the last indicator row.
func (b *builder) scoreRow(text, value, field string, lead int) layout.Row {
	b.row(text)
	v := b.figure(value, field)
	return layout.Row{Cells: []layout.Cell{span(label(text), ScoreCol+lead, 1), v, span(label(""), AfterCols, 1)},
		MinHeight: 8, KeepWithPrev: true}
}
