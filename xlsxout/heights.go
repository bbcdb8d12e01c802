package xlsxout

import (
	"strings"
	"sync"

	"ziping/assets"
	"ziping/layout"
)

// Neither Excel nor LibreOffice grows a row to fit wrapped text in merged cells, so each row
// gets the height its texts need, measured with the PDF's font and line breaking.
const (
	padMM   = 0.8  // inner margin of a cell on each side
	leading = 1.3  // line height as a multiple of the font size
	slack   = 0.92 // share of a column's width a line may fill: the reader's font may be wider
	ptPerMM = 72 / 25.4
	// maxRowPt is Excel's highest row; a longer text is cut off on screen (the PDF splits it).
	maxRowPt = 409
)

var (
	measurerOnce sync.Once
	measurer     layout.Measurer
)

// fontMeasurer measures texts with the embedded serif font; with a broken font it falls back
// to a fixed width per character, good enough to size rows.
func fontMeasurer() layout.Measurer {
	measurerOnce.Do(func() {
		m, err := layout.NewFontMeasurer(assets.SerifRegular, nil)
		if err != nil {
			measurer = layout.FixedMeasurer{}
			return
		}
		measurer = m
	})
	return measurer
}

// lineCounter is lineCount remembering the texts it had to break into lines: a form's labels
// and headings are the same on every sheet of a workbook.
type lineCounter map[lineKey]int

type lineKey struct {
	text        string
	width, size float64
}

func (lc lineCounter) count(text string, width, size float64) int {
	if !strings.Contains(text, "\n") && fitsOneLine(text, lineWidth(width), size, fontMeasurer()) {
		return 1
	}
	k := lineKey{text, width, size}
	n, ok := lc[k]
	if !ok {
		n = lineCount(text, width, size)
		lc[k] = n
	}
	return n
}

// lineWidth is the width (mm) a line may take in a cell width mm wide.
func lineWidth(width float64) float64 { return max(width*slack-2*padMM, 1) }

// lineCount is the number of lines text takes in a cell width mm wide at size pt.
func lineCount(text string, width, size float64) int {
	if text == "" {
		return 1
	}
	m := fontMeasurer()
	avail := lineWidth(width)
	n := 0
	for _, l := range strings.Split(text, "\n") {
		if fitsOneLine(l, avail, size, m) {
			n++
			continue
		}
		n += max(len(layout.Wrap(l, avail, size, false, m)), 1)
	}
	return n
}

// otherBreaks are the mandatory line breaks of UAX #14 besides "\n", which layout.Wrap
// obeys.
const otherBreaks = "\r\v\f\u0085\u2028\u2029"

// fitsOneLine reports whether line, with no mandatory break in it, is no wider than avail mm:
// then layout.Wrap gives one line, and most cells (numbers, names, short labels) need not be
// segmented, which was a fifth of a 200-project export (BenchmarkWriteLargest).
func fitsOneLine(line string, avail, size float64, m layout.Measurer) bool {
	if strings.ContainsAny(line, otherBreaks) {
		return false
	}
	w := 0.0
	for _, r := range line {
		if w += m.Advance(r, size, false); w > avail {
			return false
		}
	}
	return true
}

// heights returns the height (pt) of every row of g: at least its minimum and one line, and
// enough for each cell's lines; a cell over several rows shares its extra height among them.
// clipped lists the cells (by index in g.cells) whose text is taller than Excel's highest row.
func heights(g *grid, lc lineCounter) (h []float64, clipped map[int]bool) {
	h = make([]float64, len(g.minRows))
	line := bodySize*leading/ptPerMM + 2*padMM // mm
	for i, m := range g.minRows {
		h[i] = max(m, line)
	}
	need := make([]float64, len(g.cells))
	for i, p := range g.cells {
		need[i] = g.need(p, lc)
		if p.row == p.lastRow {
			h[p.row] = max(h[p.row], need[i])
		}
	}
	for i, p := range g.cells {
		if extra := need[i] - spanHeight(h, p); p.row != p.lastRow && extra > 0 {
			n := float64(p.lastRow - p.row + 1)
			for r := p.row; r <= p.lastRow; r++ {
				h[r] += extra / n
			}
		}
	}
	for i := range h {
		h[i] = min(h[i]*ptPerMM, maxRowPt)
	}
	clipped = map[int]bool{}
	for i, p := range g.cells {
		if need[i]*ptPerMM > spanHeight(h, p)+0.5 {
			clipped[i] = true
		}
	}
	return h, clipped
}

// spanHeight is the height of the rows p covers.
func spanHeight(h []float64, p placed) float64 {
	sum := 0.0
	for r := p.row; r <= p.lastRow; r++ {
		sum += h[r]
	}
	return sum
}

// need is the height (mm) the text of p takes in the columns it covers.
func (g *grid) need(p placed, lc lineCounter) float64 {
	size := float64(bodySize)
	if p.role == roleTitle {
		size = titleSize
	}
	w := 0.0
	for c := p.col; c <= p.lastCol; c++ {
		w += g.widths[c]
	}
	return float64(lc.count(cellText(p.cell), w, size))*size*leading/ptPerMM + 2*padMM
}

// cellText is the text a cell shows: stacked labels with their line breaks; numbers are short.
func cellText(c cell) string {
	if c.kind != kindText {
		return "0"
	}
	if c.stack > 0 {
		return stackText(c.text, c.stack)
	}
	return c.text
}

func stackText(text string, stack int) string {
	return strings.Join(layout.Stack(text, stack), "\n")
}

// stacker is stackText remembering what it stacked: the narrow labels that are stacked are
// the same on every sheet.
type stacker map[stackKey]string

type stackKey struct {
	text  string
	stack int
}

// stackCells gives the stacked cells of g their text as shown, line breaks included.
func (st stacker) stackCells(g *grid) {
	for i := range g.cells {
		c := &g.cells[i].cell
		if c.kind != kindText || c.stack <= 0 {
			continue
		}
		k := stackKey{c.text, c.stack}
		t, ok := st[k]
		if !ok {
			t = stackText(c.text, c.stack)
			st[k] = t
		}
		c.text, c.stack = t, 0
	}
}
