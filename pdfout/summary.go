package pdfout

import (
	"fmt"
	"io"

	fpdf "codeberg.org/go-pdf/fpdf"

	"ziping/forms"
	"ziping/layout"
	"ziping/tables"
)

// RenderSummary draws the department summary (部门汇总) s, as tables.BuildSummary makes it, on
// A4 landscape pages, its two header rows repeated on every page and its notes under it, and
// writes the PDF to w.
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
	san := &sanitizer{m: m}
	table := san.layoutTable(tables.BuildSummary(s))
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
	return &Result{Pages: len(pages), Warnings: san.warnings}, nil
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
