package layout

// section lays out one section: its title, then fragments (the repeated
// header rows plus as many body rows as fit) page after page.
func (p *paginator) section(sec *Section, g *grid) error {
	st := newSecState(g)
	headH := 0.0
	for r := 0; r < g.nHead; r++ {
		headH += st.base(r)
	}
	if headH > p.s.body.H/2 {
		st.prefix = 0 // too tall to repeat: treat the header rows as body rows
	}
	if tb := p.newTitle(&sec.Title); tb != nil {
		if !p.fresh() && p.titleMoves(st, tb) {
			p.newPage()
		}
		p.placeTitle(tb)
	}
	if g.nRows == 0 {
		return nil
	}
	for r := st.prefix; ; {
		rows, h, forced, err := p.fragment(st, r)
		if err != nil {
			return err
		}
		if rows == nil {
			p.newPage()
			continue
		}
		before := st.progress()
		p.emit(st, rows, h, forced)
		st.drawn = true
		last := rows[len(rows)-1]
		r = last + 1
		if forced && !st.rowDone(last) {
			if st.progress() == before {
				return errNoRoom(last) // cannot happen; guards against a loop
			}
			r = last
		}
		if r >= g.nRows {
			return nil
		}
		p.newPage()
	}
}

// titleMoves reports whether the title should go to a new page so that it
// stays with the start of its table: true when the title and the first
// rows do not fit here but would on an empty page.
func (p *paginator) titleMoves(st *secState, tb *titleBlock) bool {
	rows := st.prefixRows()
	if st.prefix < st.g.nRows {
		rows = append(rows, st.prefix)
	}
	need := tb.height()
	if len(rows) > 0 {
		need += sum(st.heights(rows, -1))
	}
	return need > p.space()+eps && need <= p.s.body.H+eps
}

// fragment chooses the rows to place on the current page starting at body
// row r, after the prefix rows. It returns nil rows when nothing useful fits
// on a page that already has content. forced reports that the last row is a
// piece of a row split across pages, with its height fixed to the rest of
// the page.
func (p *paginator) fragment(st *secState, r int) (rows []int, h []float64, forced bool, err error) {
	space := p.space()
	n := st.g.nRows
	if r >= n { // a section of header rows only
		rows = st.prefixRows()
		h = st.heights(rows, -1)
		if sum(h) > space+eps && !p.fresh() {
			return nil, nil, false, nil
		}
		return rows, h, false, nil
	}
	j, h := st.fit(r, space, !p.fresh())
	rows = st.prefixRows()
	for x := r; x <= j; x++ {
		rows = append(rows, x)
	}
	if j+1 < n {
		if pr, ph, ok := p.splitPiece(st, rows, j+1, space, j < r && p.fresh()); ok {
			return pr, ph, true, nil
		}
	}
	if j >= r {
		return rows, h, false, nil
	}
	if !p.fresh() {
		return nil, nil, false, nil
	}
	if st.prefix > 0 { // the repeated header leaves no room: stop repeating it
		st.prefix = 0
		if !st.drawn {
			r = 0
		}
		return p.fragment(st, r)
	}
	return nil, nil, false, errNoRoom(r)
}

// splitPiece tries to end the page with a piece of row r, which is only
// done for a row that would not fit even on an empty page. Unless the
// page is otherwise empty (must), the piece has to take at least a
// quarter of the page body.
func (p *paginator) splitPiece(st *secState, rows []int, r int, space float64, must bool) ([]int, []float64, bool) {
	alone := append(st.prefixRows(), r)
	if sum(st.heights(alone, -1)) <= p.s.body.H+eps {
		return nil, nil, false
	}
	rows = append(rows, r)
	h := st.heights(rows, 0)
	last := len(rows) - 1
	h[last] = space - sum(h[:last])
	least := st.minPiece(r)
	if !must {
		least = max(least, p.s.body.H/4)
	}
	if h[last] < least-eps {
		return nil, nil, false
	}
	return rows, h, true
}

// emit draws the rows at the current position and advances it.
func (p *paginator) emit(st *secState, rows []int, h []float64, forced bool) {
	tops := make([]float64, len(rows)+1)
	tops[0] = p.y
	for i, x := range h {
		tops[i+1] = tops[i] + x
	}
	pg := p.page()
	for _, v := range st.visible(rows) {
		c := &st.g.cells[v.ci]
		x, y := p.x+c.x, tops[v.first]
		ph := tops[v.last+1] - y
		if sides := SidesAll &^ c.Hide; sides != 0 {
			pg.Boxes = append(pg.Boxes, Box{X: x, Y: y, W: c.w, H: ph, Sides: sides, Tag: c.Tag})
		}
		from, to := st.take(v.ci, ph)
		pg.Texts = p.cellText(pg.Texts, c, x, y, ph, from, to)
	}
	if forced {
		st.piece[rows[len(rows)-1]] = true
	}
	p.y = tops[len(rows)]
}

// cellText appends lines [from, to) of a cell whose part is the box at
// x, y of height h.
func (p *paginator) cellText(out []Text, c *gcell, x, y, h float64, from, to int) []Text {
	block := float64(to-from) * c.lh
	top := y + c.pad
	switch c.VAlign {
	case VAlignMiddle:
		top = y + (h-block)/2
	case VAlignBottom:
		top = y + h - c.pad - block
	}
	for i := from; i < to; i++ {
		if c.lines[i] == "" {
			top += c.lh
			continue
		}
		out = append(out, Text{
			X: alignX(c.Align, x, c.w, c.pad, c.widths[i]), Y: p.baseline(top, c.lh, c.size),
			W: c.widths[i], Size: c.size, Bold: c.Bold, Str: c.lines[i], Tag: c.Tag,
		})
		top += c.lh
	}
	return out
}
