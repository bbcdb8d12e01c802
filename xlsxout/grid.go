package xlsxout

import (
	"math"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"

	"ziping/tables"
)

// kind is what a cell stores.
type kind uint8

const (
	kindText    kind = iota // a string (also for text that looks like a number)
	kindNumber              // a number the user typed
	kindFormula             // a formula with its value, computed by forms
)

// role is the look of a cell: its font, alignment and borders.
type role uint8

const (
	roleLabel   role = iota // template text, centred
	roleLeft                // template or user text, left-aligned
	roleCentre              // short user value or figure, centred
	roleTitle               // the bold title above a form, no border
	roleBare                // signature footer text, left-aligned, no border
	roleBareEnd             // signature footer text, right-aligned, no border
)

// cell is one cell of a band, as the tables have it, with what Excel needs to store it.
type cell struct {
	kind    kind
	text    string          // kindText
	num     decimal.Decimal // kindNumber, and the value of a kindFormula
	formula tables.Formula  // kindFormula
	numFmt  string          // number format of a number or formula
	key     string          // name other cells' formulas refer to this cell by
	role    role
	stack   int // stack at most this many characters per line, as the narrow labels of the PDF
	colSpan int
	rowSpan int
}

// row is one row of a band; minHeight is the PDF's minimum row height in mm.
type row struct {
	cells     []cell
	minHeight float64
}

// band is a run of rows sharing one set of column widths (a tables.Band).
type band struct {
	cols []float64 // widths in mm, summing to the width of the table
	rows []row
	// repeat is the number of leading rows printed again at the top of every page.
	repeat int
}

// sheetSpec is one form: its sheet name, its title and its bands, top to bottom.
type sheetSpec struct {
	name  string
	title string
	bands []band
}

// placed is a cell at its place in the sheet: rows and columns 0-based, last ones inclusive.
type placed struct {
	cell
	row, col, lastRow, lastCol int
}

// grid is a sheet laid out: every band's columns mapped onto one set of sheet columns (the
// union of all bands' column boundaries), the cells at their places, and the refs of keys.
type grid struct {
	widths   []float64 // sheet column widths in mm
	minRows  []float64 // minimum height of each sheet row in mm
	cells    []placed
	refs     map[string]string // key → "C12"
	titleRow bool
	repeat   [2]int // first and last sheet row (0-based) to repeat; repeat[1] < repeat[0] for none
}

// boundaryKey rounds a column boundary so that sums of the same widths in different orders meet.
func boundaryKey(x float64) float64 { return math.Round(x*100) / 100 }

// placeGrid lays out spec: a title row (when it has a title), then each band's rows. Cells fill
// a band's columns left to right, skipping columns taken by row-spanning cells above, as in HTML
// and in the layout package.
func placeGrid(spec *sheetSpec) *grid {
	g := &grid{refs: map[string]string{}, repeat: [2]int{0, -1}}
	bounds := []float64{0}
	for _, b := range spec.bands {
		x := 0.0
		for _, w := range b.cols {
			x += w
			bounds = append(bounds, boundaryKey(x))
		}
	}
	slices.Sort(bounds)
	bounds = slices.Compact(bounds)
	for i := 1; i < len(bounds); i++ {
		g.widths = append(g.widths, bounds[i]-bounds[i-1])
	}
	colAt := func(x float64) int {
		i, _ := slices.BinarySearch(bounds, boundaryKey(x))
		return i
	}
	n := 1
	for _, b := range spec.bands {
		for _, r := range b.rows {
			n += len(r.cells)
		}
	}
	g.cells = make([]placed, 0, n)
	r0 := 0
	if spec.title != "" {
		g.titleRow = true
		g.cells = append(g.cells, placed{cell: cell{kind: kindText, text: spec.title, role: roleTitle}, lastCol: len(g.widths) - 1})
		g.minRows = append(g.minRows, 12)
		r0 = 1
	}
	for _, b := range spec.bands {
		edges := make([]float64, len(b.cols)+1)
		for i, w := range b.cols {
			edges[i+1] = edges[i] + w
		}
		if b.repeat > 0 && g.repeat[1] < g.repeat[0] {
			g.repeat = [2]int{r0, r0 + b.repeat - 1}
		}
		r0 = g.placeBand(b, r0, edges, colAt)
	}
	for _, p := range g.cells {
		if p.key != "" {
			g.refs[p.key] = cellName(p.col, p.row)
		}
	}
	return g
}

// placeBand places the rows of b from sheet row r0 and returns the next free sheet row.
func (g *grid) placeBand(b band, r0 int, edges []float64, colAt func(float64) int) int {
	cols := len(b.cols)
	taken := make([]bool, len(b.rows)*cols) // band row × band column
	for ri, r := range b.rows {
		g.minRows = append(g.minRows, r.minHeight)
		c := 0
		for _, cl := range r.cells {
			for c < cols && taken[ri*cols+c] {
				c++
			}
			cs, rs := max(cl.colSpan, 1), min(max(cl.rowSpan, 1), len(b.rows)-ri)
			last := min(c+cs, len(b.cols))
			if c >= last {
				break // more cells than columns: pdfout would not print them either
			}
			for dr := range rs {
				for dc := c; dc < last; dc++ {
					taken[(ri+dr)*cols+dc] = true
				}
			}
			g.cells = append(g.cells, placed{
				cell: cl, row: r0 + ri, lastRow: r0 + ri + rs - 1,
				col: colAt(edges[c]), lastCol: colAt(edges[last]) - 1,
			})
			c = last
		}
	}
	return r0 + len(b.rows)
}

// cellName is the A1 name of a 0-based column and row.
func cellName(col, row int) string {
	name := ""
	for c := col + 1; c > 0; c = (c - 1) / 26 {
		name = string(rune('A'+(c-1)%26)) + name
	}
	return name + strconv.Itoa(row+1)
}
