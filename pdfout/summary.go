package pdfout

import (
	"fmt"
	"io"
	"strconv"

	fpdf "codeberg.org/go-pdf/fpdf"

	"ziping/forms"
	"ziping/layout"
)

// summaryFormName names the summary in the warnings about unprintable characters.
const summaryFormName = "部门汇总表"

// summaryCols are the column widths (mm) of the summary: twelve columns need A4 landscape,
// whose body is 267 mm wide between 15 mm margins. 序号 · 部门（单位）名称 · 年度 · 全年预算数 ·
// 全年执行数 · 执行率 · 单位得分 · 单位等级 · 项目数 · 项目名称 · 项目得分 · 项目等级.
var summaryCols = []float64{10, 52, 13, 26, 26, 18, 16, 12, 14, 52, 16, 12}

// summaryExplained says on the printed summary where its figures come from.
const summaryExplained = "金额为各单位整体绩效自评表中“年度部门预算收入小计（1至7项）”的全年预算数和全年执行数；" +
	"得分为各单位整体绩效自评表的总评价得分和各项目的绩效自评总得分（C+D）；等级：优 ≥ 90，良 80–<90，中 60–<80，差 < 60。"

// RenderSummary draws the department summary (部门汇总) s as one table on A4 landscape pages,
// its two header rows repeated on every page and its notes under it, and writes the PDF to w.
// Like Render it never panics, and text the font cannot show becomes a warning.
func RenderSummary(w io.Writer, s *forms.Summary, opts Options) (res *Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("导出汇总表 PDF 时发生内部错误（%v），请把所选文档发给开发者", p)
		}
	}()
	m, err := fontMeasurer()
	if err != nil {
		return nil, fmt.Errorf("无法读取内置字体：%w", err)
	}
	sb := &summaryBuilder{s: s, san: &sanitizer{m: m}}
	table := sb.table()
	pages, err := layout.Layout([]layout.Table{table}, summaryPageOptions(m))
	if err != nil {
		return nil, fmt.Errorf("汇总表排版失败：%w", err)
	}
	pdf, err := newSummaryPDF(table.Sections[0].Title.Text, opts)
	if err != nil {
		return nil, err
	}
	paint(pdf, pages)
	out, err := finishPDF(pdf)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(out); err != nil {
		return nil, fmt.Errorf("写入 PDF 失败：%w", err)
	}
	return &Result{Pages: len(pages), Warnings: sb.san.warnings}, nil
}

// summaryPageOptions are the forms' page options turned to A4 landscape.
func summaryPageOptions(m layout.Measurer) layout.Options {
	o := pageOptions(m)
	o.PageW, o.PageH = 297, 210
	return o
}

// newSummaryPDF creates a landscape document with the font loaded and checked.
func newSummaryPDF(title string, opts Options) (*fpdf.Fpdf, error) {
	return newPDFWith(pdfMeta{orientation: "L", title: title, subject: forms.SummaryTitle}, opts)
}

// summaryBuilder turns a forms.Summary into a layout table, cleaning every text on the way.
type summaryBuilder struct {
	s   *forms.Summary
	san *sanitizer
}

// text is a cell showing a user's text (a unit or project name, a year) of row, cleaned.
func (sb *summaryBuilder) text(text, row, field string, align layout.Align) layout.Cell {
	at := place{form: summaryFormName, formIdx: -1, secName: "汇总", row: row, field: field,
		loc: forms.Location{Form: -1, Index: -1}}
	return layout.Cell{Text: sb.san.clean(text, false, at), Size: bodySize, Align: align, Tag: "summary|" + row + "|" + field}
}

// figureCell is a computed figure: centred, whole on one line, never holding an unprintable
// character.
func figureCell(text string) layout.Cell { return layout.Cell{Text: text, Size: bodySize, Fit: true} }

// table is the whole summary: title, header rows, a row per project (the unit's cells span
// its projects), the totals row, then the notes.
func (sb *summaryBuilder) table() layout.Table {
	sec := layout.Section{
		Title:  layout.Title{Text: sb.title(), Size: titleSize, Bold: true, Gap: 4, Tag: "title"},
		Cols:   summaryCols,
		Header: summaryHeader(),
	}
	for i, u := range sb.s.Units {
		sec.Body = append(sec.Body, sb.unitRows(i, u)...)
	}
	sec.Body = append(sec.Body, sb.totalRow())
	return layout.Table{NewPage: true, Sections: []layout.Section{sec, sb.notes()}}
}

// title is the summary's title, which holds the documents' year when they share one.
func (sb *summaryBuilder) title() string {
	at := place{form: summaryFormName, formIdx: -1, secName: "标题", field: "年度", loc: forms.Location{Form: -1, Index: -1}}
	return sb.san.clean(sb.s.Title(), true, at)
}

func summaryHeader() []layout.Row {
	tall := func(s string) layout.Cell { return span(label(s), 1, 2) }
	return []layout.Row{
		{Cells: []layout.Cell{
			tall("序号"), tall("部门（单位）名称"), tall("年度"), tall("全年预算数\n（万元）"), tall("全年执行数\n（万元）"),
			tall("执行率"), span(label("单位整体绩效自评"), 2, 1), span(label("预算项目（政策）绩效自评"), 4, 1),
		}, MinHeight: 7},
		{Cells: []layout.Cell{
			label("总评价\n得分"), label("等级"), label("项目数"), label("项目（政策）名称"), label("总得分"), label("等级"),
		}, MinHeight: 7},
	}
}

// unitRows are the rows of unit i: one per project (at least one), the unit's own cells
// spanning them all.
func (sb *summaryBuilder) unitRows(i int, u *forms.SummaryUnit) []layout.Row {
	n := max(1, len(u.Projects))
	tall := func(c layout.Cell) layout.Cell { return span(c, 1, n) }
	row := fmt.Sprintf("第 %d 个单位", i+1)
	s := sb.s
	first := []layout.Cell{
		tall(figureCell(strconv.Itoa(i + 1))),
		tall(sb.text(u.Name, row, "部门（单位）名称", layout.AlignLeft)),
		tall(sb.text(u.Year, row, "年度", layout.AlignCenter)),
		tall(figureCell(s.AmountText(u.Budget, forms.ColFull))),
		tall(figureCell(s.AmountText(u.Budget, forms.ColActual))),
		tall(figureCell(u.Budget.RateText())),
		tall(figureCell(u.ScoreText())),
		tall(figureCell(u.Grade)),
		tall(figureCell(strconv.Itoa(len(u.Projects)))),
	}
	if len(u.Projects) == 0 {
		first = append(first, label(dash), label(dash), label(dash))
		return []layout.Row{{Cells: first, MinHeight: 7}}
	}
	rows := make([]layout.Row, 0, n)
	for j, p := range u.Projects {
		cells := []layout.Cell{
			sb.text(p.Name, fmt.Sprintf("%s › 项目 %d", row, j+1), "项目（政策）名称", layout.AlignLeft),
			figureCell(p.ScoreText()), figureCell(p.Grade),
		}
		if j == 0 {
			cells = append(first, cells...)
		}
		rows = append(rows, layout.Row{Cells: cells, MinHeight: 7})
	}
	return rows
}

// totalRow is 合计: the sums of the amounts, the overall rate and the count of projects.
func (sb *summaryBuilder) totalRow() layout.Row {
	s, t := sb.s, sb.s.Total
	return layout.Row{Cells: []layout.Cell{
		span(label(fmt.Sprintf("合计（%d 个单位）", t.Units)), 3, 1),
		figureCell(s.AmountText(t.Budget, forms.ColFull)),
		figureCell(s.AmountText(t.Budget, forms.ColActual)),
		figureCell(t.Budget.RateText()),
		label(dash), label(dash),
		figureCell(strconv.Itoa(t.Projects)),
		span(label(dash), 3, 1),
	}, MinHeight: 8}
}

// notes are printed under the table without borders: where the figures come from, then what
// the summary noted (blank figures, mixed years).
func (sb *summaryBuilder) notes() layout.Section {
	lines := append([]string{summaryExplained}, sb.s.Notes...)
	sec := layout.Section{Cols: []float64{totalWidth(summaryCols)}}
	for i, n := range lines {
		prefix := "注："
		if i > 0 {
			prefix = fmt.Sprintf("%d. ", i)
		}
		c := sb.text(prefix+n, "注", fmt.Sprintf("注 %d", i+1), layout.AlignLeft)
		c.Hide = layout.SidesAll
		sec.Body = append(sec.Body, layout.Row{Cells: []layout.Cell{c}})
	}
	return sec
}

// totalWidth adds up column widths.
func totalWidth(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}
