package pdfout

import (
	"fmt"
	"math"
	"sort"

	fpdf "codeberg.org/go-pdf/fpdf"

	"ziping/layout"
)

// painter draws laid-out pages. The PDF and the print preview both implement it and are fed by
// paintPage, so the preview shows exactly the rules and lines of text the PDF prints.
type painter interface {
	// page starts a new, blank page.
	page(pg layout.Page)
	// rule strokes a straight rule ruleWidth mm wide.
	rule(s segment)
	// text draws one line of text with its baseline at t.Y, starting at t.X.
	text(t layout.Text)
}

// ruleWidth is the width (mm) of the table rules.
const ruleWidth = 0.2

// paint draws laid-out pages: rules, then text, then "第 N 页 共 M 页" in the footer band.
func paint(pdf *fpdf.Fpdf, pages []layout.Page) {
	m, err := fontMeasurer()
	if err != nil {
		pdf.SetError(fmt.Errorf("无法读取内置字体：%w", err))
		return
	}
	paintWith(&pdfPainter{pdf: pdf}, pages, m)
}

// paintWith draws the pages of one form through p.
func paintWith(p painter, pages []layout.Page, m layout.Measurer) {
	for _, pg := range pages {
		paintPage(p, pg, len(pages), m)
	}
}

// paintPage draws one page of a form of total pages: rules, text, then the page number.
func paintPage(p painter, pg layout.Page, total int, m layout.Measurer) {
	p.page(pg)
	for _, s := range rules(pg.Boxes) {
		p.rule(s)
	}
	for _, t := range pg.Texts {
		p.text(t)
	}
	p.text(footer(pg, total, m))
}

// footer is the line "第 N 页 共 M 页", centred in the footer band of pg.
func footer(pg layout.Page, total int, m layout.Measurer) layout.Text {
	s := fmt.Sprintf("第 %d 页 共 %d 页", pg.Number, total)
	w := layout.Width(s, bodySize, false, m)
	return layout.Text{X: pg.Footer.X + (pg.Footer.W-w)/2, Y: pg.Footer.Y + pg.Footer.H - 1.5,
		W: w, Size: bodySize, Str: s, Tag: "footer"}
}

// pdfPainter draws into an fpdf document.
type pdfPainter struct {
	pdf *fpdf.Fpdf
	f   fontState
}

func (p *pdfPainter) page(layout.Page) {
	p.pdf.AddPage()
	p.pdf.SetLineWidth(ruleWidth)
	p.pdf.SetDrawColor(0, 0, 0)
	p.f = fontState{}
}

func (p *pdfPainter) rule(s segment) { p.pdf.Line(s.x1, s.y1, s.x2, s.y2) }

func (p *pdfPainter) text(t layout.Text) {
	p.f.set(p.pdf, t.Bold, t.Size)
	p.pdf.Text(t.X, t.Y, t.Str)
}

// fontState avoids repeating fpdf's SetFont, which writes a font switch on every call.
type fontState struct {
	set_ bool
	bold bool
	size float64
}

func (f *fontState) set(pdf *fpdf.Fpdf, bold bool, size float64) {
	if f.set_ && f.bold == bold && f.size == size {
		return
	}
	if !f.set_ || f.size != size {
		pdf.SetFont(famRegular, "", size)
	}
	switch {
	case bold:
		// Fill and stroke the outlines: the serif face emboldened by a stroke of 3 % of the
		// size, as 小标宋 titles look. The rules are drawn before any text of the page.
		pdf.SetLineWidth(size * boldStroke * layout.PtMM)
		if !f.bold || !f.set_ {
			pdf.SetTextRenderingMode(2)
		}
	case f.bold && f.set_:
		pdf.SetTextRenderingMode(0)
	}
	f.set_, f.bold, f.size = true, bold, size
}

// boldStroke is the width of the stroke that emboldens title text, as a fraction of its size.
const boldStroke = 0.03

// segment is a straight rule from (x1, y1) to (x2, y2).
type segment struct{ x1, y1, x2, y2 float64 }

// rules turns cell borders into the fewest straight rules: the shared edge of two neighbouring
// cells is drawn once, and collinear edges that touch are joined.
func rules(boxes []layout.Box) []segment {
	horiz := map[int64][][2]float64{} // y → x intervals
	vert := map[int64][][2]float64{}  // x → y intervals
	add := func(m map[int64][][2]float64, at, a, b float64) {
		k := key(at)
		m[k] = append(m[k], [2]float64{math.Min(a, b), math.Max(a, b)})
	}
	for _, b := range boxes {
		x2, y2 := b.X+b.W, b.Y+b.H
		if b.Sides&layout.SideTop != 0 {
			add(horiz, b.Y, b.X, x2)
		}
		if b.Sides&layout.SideBottom != 0 {
			add(horiz, y2, b.X, x2)
		}
		if b.Sides&layout.SideLeft != 0 {
			add(vert, b.X, b.Y, y2)
		}
		if b.Sides&layout.SideRight != 0 {
			add(vert, x2, b.Y, y2)
		}
	}
	var out []segment
	for _, k := range sortedKeys(horiz) {
		for _, iv := range merge(horiz[k]) {
			out = append(out, segment{iv[0], unkey(k), iv[1], unkey(k)})
		}
	}
	for _, k := range sortedKeys(vert) {
		for _, iv := range merge(vert[k]) {
			out = append(out, segment{unkey(k), iv[0], unkey(k), iv[1]})
		}
	}
	return out
}

// key rounds a coordinate to 1/1000 mm so that edges computed along different paths meet.
func key(v float64) int64   { return int64(math.Round(v * 1000)) }
func unkey(k int64) float64 { return float64(k) / 1000 }
func sortedKeys(m map[int64][][2]float64) []int64 {
	keys := make([]int64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

// merge joins overlapping or touching intervals.
func merge(iv [][2]float64) [][2]float64 {
	sort.Slice(iv, func(i, j int) bool { return iv[i][0] < iv[j][0] })
	var out [][2]float64
	for _, v := range iv {
		if n := len(out); n > 0 && v[0] <= out[n-1][1]+0.001 {
			out[n-1][1] = math.Max(out[n-1][1], v[1])
			continue
		}
		out = append(out, v)
	}
	return out
}
