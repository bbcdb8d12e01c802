package layout

import (
	"fmt"
	"slices"
)

// secState tracks, for one section being paginated, which lines of each
// cell have been drawn. A cell part (the piece of a cell on one page)
// shows all lines when they fit, so row-spanning labels and repeated header
// cells are re-printed on each page; a cell whose lines do not fit its part
// shows what fits and continues in its next part ("cont"). A one-row body
// cell is drawn once: later pieces of its split row leave it blank.
type secState struct {
	g       *grid
	prefix  int  // header rows repeated on every page; 0 when too tall
	drawn   bool // the header rows have been placed once
	shown   []int
	cont    []bool
	visited []bool
	piece   []bool // per row: a piece of the row is already placed
	mark    []int  // scratch for visible
	slot    []int
	gen     int
}

// vis is a cell visible in a run of rows, with its first and last row
// indexes in that run.
type vis struct{ ci, first, last int }

func newSecState(g *grid) *secState {
	n := len(g.cells)
	return &secState{g: g, prefix: g.nHead, shown: make([]int, n), cont: make([]bool, n),
		visited: make([]bool, n), piece: make([]bool, g.nRows), mark: make([]int, n), slot: make([]int, n)}
}

// req is the height a cell's next part needs.
func (st *secState) req(ci int) float64 {
	c := &st.g.cells[ci]
	switch {
	case st.cont[ci]:
		if rem := len(c.lines) - st.shown[ci]; rem > 0 {
			return float64(rem)*c.lh + 2*c.pad
		}
		return 0
	case c.once && st.visited[ci]:
		return 0
	}
	return c.need
}

// base is a row's height before row-spanning cells are accounted for.
func (st *secState) base(r int) float64 {
	h := 0.0
	if !st.piece[r] {
		h = st.g.minH[r]
	}
	for _, ci := range st.g.starts[r] {
		if st.g.cells[ci].rs == 1 {
			h = max(h, st.req(ci))
		}
	}
	return h
}

// visible lists the cells covering rows (ascending row indexes), ordered by
// their last visible row.
func (st *secState) visible(rows []int) []vis {
	st.gen++
	var out []vis
	for i, r := range rows {
		for _, ci := range st.g.cover[r] {
			if st.mark[ci] == st.gen {
				out[st.slot[ci]].last = i
				continue
			}
			st.mark[ci], st.slot[ci] = st.gen, len(out)
			out = append(out, vis{ci, i, i})
		}
	}
	slices.SortStableFunc(out, func(a, b vis) int { return a.last - b.last })
	return out
}

// heights returns the heights of rows placed together on one page: each
// row's base height, with the last visible row of a spanning cell grown
// when the cell's part is too short for it. A force >= 0 fixes the last
// row's height (a piece of a split row) and nothing grows it.
func (st *secState) heights(rows []int, force float64) []float64 {
	h := make([]float64, len(rows))
	for i, r := range rows {
		h[i] = st.base(r)
	}
	last := len(rows) - 1
	if force >= 0 && last >= 0 {
		h[last] = force
	}
	for _, v := range st.visible(rows) {
		if st.g.cells[v.ci].rs == 1 || (force >= 0 && v.last == last) {
			continue
		}
		if need, have := st.req(v.ci), sum(h[v.first:v.last+1]); need > have {
			h[v.last] += need - have
		}
	}
	return h
}

// fit finds the last row j >= r such that the prefix rows plus rows r..j
// fit in space and no row after j keeps with j (Row.KeepWithPrev); j is r-1
// when even row r does not fit. Unless strict, a page that only has room for
// part of a run of kept rows ends inside the run rather than holding nothing.
func (st *secState) fit(r int, space float64, strict bool) (int, []float64) {
	rows := st.prefixRows()
	lower := 0.0
	for _, x := range rows {
		lower += st.base(x)
	}
	best, bestH := r-1, []float64(nil) // fits, and a page break may follow
	most, mostH := r-1, []float64(nil) // fits
	for j := r; j < st.g.nRows; j++ {
		rows = append(rows, j)
		lower += st.base(j)
		if lower > space+eps {
			break
		}
		if h := st.heights(rows, -1); sum(h) <= space+eps {
			most, mostH = j, h
			if j+1 >= st.g.nRows || !st.g.keep[j+1] {
				best, bestH = j, h
			}
		}
	}
	if best < r && !strict {
		return most, mostH
	}
	return best, bestH
}

func (st *secState) prefixRows() []int {
	rows := make([]int, st.prefix)
	for i := range rows {
		rows[i] = i
	}
	return rows
}

// rowDone reports whether every cell ending at row r has shown all its lines.
func (st *secState) rowDone(r int) bool {
	for _, ci := range st.g.cover[r] {
		c := &st.g.cells[ci]
		if c.lastRow() == r && st.cont[ci] && st.shown[ci] < len(c.lines) {
			return false
		}
	}
	return true
}

// minPiece is the smallest useful piece of row r: one line of its tallest cell.
func (st *secState) minPiece(r int) float64 {
	m := 0.0
	for _, ci := range st.g.cover[r] {
		c := &st.g.cells[ci]
		m = max(m, c.lh+2*c.pad)
	}
	return m
}

// take decides which lines a cell shows in a part of height h and records it.
func (st *secState) take(ci int, h float64) (from, to int) {
	c := &st.g.cells[ci]
	n := len(c.lines)
	k := n
	if c.lh > 0 {
		k = max(int((h-2*c.pad)/c.lh+1e-6), 0)
	}
	defer func() { st.visited[ci] = true }()
	switch {
	case st.cont[ci]:
		from, to = st.shown[ci], min(n, st.shown[ci]+k)
	case c.once && st.visited[ci]:
		return 0, 0
	case n <= k:
		to = n
	default:
		to, st.cont[ci] = k, true
	}
	st.shown[ci] = to
	return from, to
}

// progress counts the lines shown so far.
func (st *secState) progress() int {
	n := 0
	for _, s := range st.shown {
		n += s
	}
	return n
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

// errNoRoom reports a row that cannot get even one line onto an empty page.
func errNoRoom(r int) error {
	return fmt.Errorf("row %d: the page body is too small for one line of text", r+1)
}
