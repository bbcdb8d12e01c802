package pdfout

import (
	"fmt"
	"image"

	"ziping/forms"
	"ziping/layout"
)

// Preview is a document laid out for the print preview: the pages Render would write, with the
// same rules and lines of text in the same places, ready to be drawn as images at any zoom. It
// is immutable once made, so the pages of one Preview may be drawn from several goroutines.
type Preview struct {
	sheets []sheet
	m      layout.Measurer
	// Warnings name each text that holds characters the PDF cannot show, as Render reports them.
	Warnings []forms.Problem
}

// sheet is one printed page with the page count of its form, which its footer prints.
type sheet struct {
	page  layout.Page
	total int
}

// Zoom limits of Page, in pixels per millimetre: below the minimum an A4 page is a thumbnail
// of a few pixels; at the maximum it is 2520×3564 pixels, 36 MB of RGBA (200 % on a screen of
// scale 1.6; sharper screens get a page scaled up slightly).
const (
	MinPxPerMM = 0.5
	MaxPxPerMM = 12
)

// NewPreview lays doc out exactly as Render does. It never panics; an internal failure comes
// back as an error.
func NewPreview(doc *forms.Document) (pv *Preview, err error) {
	defer func() {
		if p := recover(); p != nil {
			pv, err = nil, fmt.Errorf("生成打印预览时发生内部错误（%v），请把文档发给开发者", p)
		}
	}()
	m, err := fontMeasurer()
	if err != nil {
		return nil, fmt.Errorf("无法读取内置字体：%w", err)
	}
	built := buildForms(doc, m)
	laid, err := layoutTables(built.tables, m)
	if err != nil {
		return nil, err
	}
	pv = &Preview{m: m, Warnings: built.san.warnings}
	for _, pages := range laid {
		for _, pg := range pages {
			pv.sheets = append(pv.sheets, sheet{page: pg, total: len(pages)})
		}
	}
	return pv, nil
}

// Pages is the number of pages the PDF of the document has.
func (pv *Preview) Pages() int { return len(pv.sheets) }

// PageSize is the size of a page in millimetres (A4 portrait), for the caller to size its view.
func (pv *Preview) PageSize() (w, h float64) {
	o := pageOptions(pv.m)
	return o.PageW, o.PageH
}

// Page draws page i (0-based) as an opaque image at pxPerMM pixels per millimetre, with the
// font the PDF embeds. It never panics.
func (pv *Preview) Page(i int, pxPerMM float64) (*image.RGBA, error) {
	return pv.pageWith(i, pxPerMM, nil)
}

// pageWith is Page drawing through tap(the image painter) when tap is not nil: the tests record
// what the preview draws to compare it with what the PDF draws.
func (pv *Preview) pageWith(i int, pxPerMM float64, tap func(painter) painter) (img *image.RGBA, err error) {
	if i < 0 || i >= len(pv.sheets) {
		return nil, fmt.Errorf("打印预览没有第 %d 页（共 %d 页）", i+1, len(pv.sheets))
	}
	if !(pxPerMM >= MinPxPerMM && pxPerMM <= MaxPxPerMM) {
		return nil, fmt.Errorf("打印预览的缩放比例无效（每毫米 %g 像素）", pxPerMM)
	}
	defer func() {
		if p := recover(); p != nil {
			img, err = nil, fmt.Errorf("绘制打印预览第 %d 页时发生内部错误（%v），请把文档发给开发者", i+1, p)
		}
	}()
	rf, err := previewFont()
	if err != nil {
		return nil, err
	}
	w, h := pv.PageSize()
	img = image.NewRGBA(image.Rect(0, 0, pixels(w, pxPerMM), pixels(h, pxPerMM)))
	var p painter = &rasterPainter{img: img, s: pxPerMM, f: rf, m: pv.m}
	if tap != nil {
		p = tap(p)
	}
	sh := pv.sheets[i]
	paintPage(p, sh.page, sh.total, pv.m)
	return img, nil
}

// pixels is the number of whole pixels that cover mm millimetres.
func pixels(mm, pxPerMM float64) int {
	return max(1, int(mm*pxPerMM+0.999))
}
