package layout

import (
	"fmt"
	"math"
)

// settings are Options with defaults applied, plus derived page geometry.
type settings struct {
	Options
	body Rect
}

func resolve(o Options) (*settings, error) {
	s := &settings{Options: o}
	if o.Measurer == nil {
		return nil, fmt.Errorf("layout: Options.Measurer is nil")
	}
	s.Size = orDefault(s.Size, 10.5)
	s.Leading = orDefault(s.Leading, 1.3)
	switch {
	case s.Pad == 0:
		s.Pad = 1
	case !(s.Pad > 0) || math.IsInf(s.Pad, 0):
		s.Pad = 0
	}
	s.Ascent = orDefault(s.Ascent, 0.88)
	m := o.Margin
	s.body = Rect{X: m.Left, Y: m.Top + o.HeaderH,
		W: o.PageW - m.Left - m.Right, H: o.PageH - m.Top - m.Bottom - o.HeaderH - o.FooterH}
	if !(s.body.W > 0 && s.body.H > 0) { // also rejects NaN
		return nil, fmt.Errorf("layout: page %gx%g mm leaves no body area inside margins and bands", o.PageW, o.PageH)
	}
	return s, nil
}

// orDefault returns x if it is a positive finite number, else def, so
// that no NaN or infinity from the caller reaches the geometry.
func orDefault(x, def float64) float64 {
	if x > 0 && !math.IsInf(x, 1) {
		return x
	}
	return def
}

// lineH is the line height (mm) for a font size in points.
func (s *settings) lineH(size float64) float64 { return size * PtMM * s.Leading }

// gcell is a placed and measured cell.
type gcell struct {
	*Cell
	row, col, rs, cs int
	x, w             float64 // relative to the table's left edge
	size, lh, pad    float64
	lines            []string
	widths           []float64
	need             float64 // height that shows every line
	once             bool    // body cell of one row: never re-printed
}

// grid is a section with its cells placed in rows and columns.
type grid struct {
	cells  []gcell
	nRows  int
	nHead  int
	starts [][]int   // per row: indexes of the cells starting there
	cover  [][]int   // per row: indexes of the cells covering it
	minH   []float64 // per row: minimum height
	keep   []bool    // per row: no page break before it (Row.KeepWithPrev of a body row)
}

func newGrid(sec *Section, s *settings) (*grid, error) {
	rows := make([]*Row, 0, len(sec.Header)+len(sec.Body))
	for i := range sec.Header {
		rows = append(rows, &sec.Header[i])
	}
	for i := range sec.Body {
		rows = append(rows, &sec.Body[i])
	}
	g := &grid{nRows: len(rows), nHead: len(sec.Header), keep: make([]bool, len(rows)),
		starts: make([][]int, len(rows)), cover: make([][]int, len(rows)), minH: make([]float64, len(rows))}
	for i := range sec.Body {
		g.keep[g.nHead+i] = i > 0 && sec.Body[i].KeepWithPrev
	}
	if len(rows) > 0 && len(sec.Cols) == 0 {
		return nil, fmt.Errorf("section has rows but no columns")
	}
	xs := make([]float64, len(sec.Cols)+1)
	for i, w := range sec.Cols {
		if !(w > 0) {
			return nil, fmt.Errorf("column %d: width %g mm is not positive", i+1, w)
		}
		xs[i+1] = xs[i] + w
	}
	occ := make([][]bool, len(rows))
	for r := range occ {
		occ[r] = make([]bool, len(sec.Cols))
	}
	for r, row := range rows {
		if err := g.placeRow(r, row, occ, xs, s); err != nil {
			return nil, fmt.Errorf("row %d: %w", r+1, err)
		}
	}
	g.sameSizes(s)
	g.rowMinima(rows, s)
	return g, nil
}

// sameSizes fits again, at the smallest size of its group, each cell of a Cell.SameSize group
// that got a larger one.
func (g *grid) sameSizes(s *settings) {
	smallest := map[string]float64{}
	for _, c := range g.cells {
		if k := c.SameSize; k != "" {
			if v, ok := smallest[k]; !ok || c.size < v {
				smallest[k] = c.size
			}
		}
	}
	for i := range g.cells {
		c := &g.cells[i]
		if v, ok := smallest[c.SameSize]; ok && c.SameSize != "" && c.size > v {
			c.measureAt(s, v)
		}
	}
}

func (g *grid) placeRow(r int, row *Row, occ [][]bool, xs []float64, s *settings) error {
	col, ncols := 0, len(xs)-1
	for i := range row.Cells {
		c := &row.Cells[i]
		for col < ncols && occ[r][col] {
			col++
		}
		cs, rs := max(c.ColSpan, 1), max(c.RowSpan, 1)
		switch {
		case col >= ncols:
			return fmt.Errorf("cell %d: no free column left", i+1)
		case col+cs > ncols:
			return fmt.Errorf("cell %d: colspan %d exceeds the %d columns", i+1, cs, ncols)
		case r+rs > g.nRows:
			return fmt.Errorf("cell %d: rowspan %d runs past the last row of the section", i+1, rs)
		}
		for rr := r; rr < r+rs; rr++ {
			for cc := col; cc < col+cs; cc++ {
				if occ[rr][cc] {
					return fmt.Errorf("cell %d: overlaps a row-spanning cell", i+1)
				}
				occ[rr][cc] = true
			}
		}
		idx := len(g.cells)
		gc := gcell{Cell: c, row: r, col: col, rs: rs, cs: cs, x: xs[col], w: xs[col+cs] - xs[col]}
		gc.once = rs == 1 && r >= g.nHead
		gc.measure(s)
		g.cells = append(g.cells, gc)
		g.starts[r] = append(g.starts[r], idx)
		for rr := r; rr < r+rs; rr++ {
			g.cover[rr] = append(g.cover[rr], idx)
		}
		col += cs
	}
	return nil
}

func (c *gcell) measure(s *settings) { c.measureAt(s, orDefault(c.Size, s.Size)) }

// measureAt fits the cell's text starting at size (pt).
func (c *gcell) measureAt(s *settings, size float64) {
	c.size = size
	switch {
	case c.Pad == 0:
		c.pad = s.Pad
	case c.Pad > 0 && !math.IsInf(c.Pad, 1):
		c.pad = c.Pad
	}
	paras := []string{c.Text}
	if c.Stack > 0 {
		paras = Stack(c.Text, c.Stack)
	}
	c.size, c.lines, c.widths = fitLines(paras, c.w-2*c.pad, c.size, c.Bold, c.Fit && c.Stack <= 0, c.Stack > 0, s.Measurer)
	c.lh = s.lineH(c.size)
	c.need = float64(max(len(c.lines), 1))*c.lh + 2*c.pad
	c.need = max(c.need, orDefault(c.MinHeight, 0))
}

// rowMinima sets each row's minimum height: its MinHeight, and one empty
// line for a row where no one-row cell starts, so that it never collapses.
func (g *grid) rowMinima(rows []*Row, s *settings) {
	empty := s.lineH(s.Size) + 2*s.Pad
	for r, row := range rows {
		h := orDefault(row.MinHeight, 0)
		single := false
		for _, i := range g.starts[r] {
			single = single || g.cells[i].rs == 1
		}
		if !single {
			h = math.Max(h, empty)
		}
		g.minH[r] = h
	}
}

// lastRow is the last row a cell covers.
func (c *gcell) lastRow() int { return c.row + c.rs - 1 }
