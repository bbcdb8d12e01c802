package layout

import (
	"fmt"
	"math"
)

// Layout lays the tables out on pages, in order. It returns at least one
// page. Errors report an unusable page geometry, a missing Measurer, or a
// malformed table (column widths, spans); text never causes an error.
func Layout(tables []Table, opt Options) ([]Page, error) {
	s, err := resolve(opt)
	if err != nil {
		return nil, err
	}
	p := &paginator{s: s}
	p.newPage()
	for ti := range tables {
		if err := p.table(&tables[ti]); err != nil {
			return nil, fmt.Errorf("layout: table %d: %w", ti+1, err)
		}
	}
	return p.pages, nil
}

// paginator places blocks on pages top to bottom.
type paginator struct {
	s     *settings
	pages []Page
	y     float64 // top of the free space on the current page
	x     float64 // left edge of the current table
}

func (p *paginator) page() *Page { return &p.pages[len(p.pages)-1] }

func (p *paginator) newPage() {
	s := p.s
	m := s.Margin
	p.pages = append(p.pages, Page{
		Number: len(p.pages) + 1,
		Header: Rect{m.Left, m.Top, s.body.W, s.HeaderH},
		Body:   s.body,
		Footer: Rect{m.Left, s.body.Y + s.body.H, s.body.W, s.FooterH},
	})
	p.y = s.body.Y
}

// fresh reports whether nothing has been placed on the current page.
func (p *paginator) fresh() bool { return p.y <= p.s.body.Y+eps }

// space is the height left on the current page.
func (p *paginator) space() float64 { return p.s.body.Y + p.s.body.H - p.y }

func (p *paginator) table(t *Table) error {
	grids := make([]*grid, len(t.Sections))
	width := -1.0
	for i := range t.Sections {
		g, err := newGrid(&t.Sections[i], p.s)
		if err != nil {
			return fmt.Errorf("section %d: %w", i+1, err)
		}
		grids[i] = g
		if len(t.Sections[i].Cols) == 0 {
			continue
		}
		w := 0.0
		for _, c := range t.Sections[i].Cols {
			w += c
		}
		switch {
		case width < 0:
			width = w
		case math.Abs(w-width) > 0.01:
			return fmt.Errorf("section %d: columns sum to %.2f mm, the table is %.2f mm wide", i+1, w, width)
		}
	}
	if width > p.s.body.W+0.01 {
		return fmt.Errorf("width %.2f mm exceeds the page body width %.2f mm", width, p.s.body.W)
	}
	p.x = p.s.body.X + (p.s.body.W-max(width, 0))/2
	if t.NewPage && !p.fresh() {
		p.newPage()
	}
	for i, g := range grids {
		if err := p.section(&t.Sections[i], g); err != nil {
			return fmt.Errorf("section %d: %w", i+1, err)
		}
	}
	return nil
}

// titleLines wraps a title to the page body.
type titleBlock struct {
	t      *Title
	size   float64
	lh     float64
	lines  []string
	widths []float64
}

func (p *paginator) newTitle(t *Title) *titleBlock {
	if t.Text == "" {
		return nil
	}
	tb := &titleBlock{t: t, size: orDefault(t.Size, 18)}
	tb.lh = p.s.lineH(tb.size)
	tb.lines, tb.widths = wrapLines(t.Text, p.s.body.W, tb.size, t.Bold, p.s.Measurer)
	return tb
}

func (tb *titleBlock) height() float64 {
	if tb == nil {
		return 0
	}
	return float64(len(tb.lines))*tb.lh + orDefault(tb.t.Gap, 0)
}

// placeTitle draws the title lines, continuing on a new page if a title
// is taller than the page.
func (p *paginator) placeTitle(tb *titleBlock) {
	body := p.s.body
	for i, l := range tb.lines {
		if tb.lh > p.space()+eps && !p.fresh() {
			p.newPage()
		}
		if l == "" {
			p.y += tb.lh
			continue
		}
		x := alignX(tb.t.Align, body.X, body.W, 0, tb.widths[i])
		p.page().Texts = append(p.page().Texts, Text{X: x, Y: p.baseline(p.y, tb.lh, tb.size),
			W: tb.widths[i], Size: tb.size, Bold: tb.t.Bold, Str: l, Tag: tb.t.Tag})
		p.y += tb.lh
	}
	p.y = math.Min(p.y+orDefault(tb.t.Gap, 0), body.Y+body.H)
}

// baseline is the baseline of a line of text whose line box starts at top.
func (p *paginator) baseline(top, lh, size float64) float64 {
	em := size * PtMM
	return top + (lh-em)/2 + p.s.Ascent*em
}

// alignX is the left end of a line of width w in a box [x, x+bw) with
// padding pad on both sides.
func alignX(a Align, x, bw, pad, w float64) float64 {
	switch a {
	case AlignLeft:
		return x + pad
	case AlignRight:
		return x + bw - pad - w
	}
	return x + (bw-w)/2
}
