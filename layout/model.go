// Package layout is a pure-geometry table layout engine for the printed
// self-evaluation forms. It wraps CJK text (UAX #14 plus 避头尾), sizes rows
// from their content, handles colspan/rowspan, paginates with repeated
// header rows and re-printed rowspan labels, and returns pages of boxes and
// positioned text lines. It knows nothing of PDF or GUI libraries: the PDF
// painter and the print-preview painter only draw what Layout returns, and
// the Excel export sizes its rows with the same line breaking (Wrap, Stack).
//
// Conventions: lengths are millimetres, font sizes points (PtMM converts);
// the origin is the top-left corner of the page and Y grows downwards.
// Box.Y is the top edge of a box; Text.Y is the baseline of a line of text.
package layout

// Align is the horizontal alignment of text in a cell or title.
// The zero value centres, as most cells of the forms do.
type Align uint8

// Horizontal alignments.
const (
	AlignCenter Align = iota
	AlignLeft
	AlignRight
)

// VAlign is the vertical alignment of text in a cell; the zero value centres.
type VAlign uint8

// Vertical alignments.
const (
	VAlignMiddle VAlign = iota
	VAlignTop
	VAlignBottom
)

// Sides is a set of box edges.
type Sides uint8

// Box edges.
const (
	SideTop Sides = 1 << iota
	SideRight
	SideBottom
	SideLeft
	SidesAll = SideTop | SideRight | SideBottom | SideLeft
)

// Cell is one table cell. The zero value of every field is the common case:
// one column, one row, centred, default size, all four borders drawn.
//
// A number in a cell's text ("97.89%", "1,234.56"; see Wrap) is never broken
// across lines. When one is wider than the cell's inner width, the cell's text
// is set smaller, in steps of 0.5 pt but not below MinFitSize, until it fits;
// a number too wide even at MinFitSize stays whole on a line of its own and
// overflows the cell (centred on it, or from the padding edge it is aligned
// to): a figure printed across a rule is still read right, a broken one is not.
type Cell struct {
	Text    string  // may contain "\n" to force a break
	ColSpan int     // columns covered; 0 or 1 for one
	RowSpan int     // rows covered (header and body rows count alike); 0 or 1 for one
	Align   Align   // horizontal alignment of each line
	VAlign  VAlign  // vertical alignment of the block of lines
	Size    float64 // font size in points; 0 means Options.Size
	Bold    bool    // bold face
	// Pad is the inner margin on each side (mm); 0 means Options.Pad and a
	// negative value means none.
	Pad float64
	// Stack, when > 0, stacks the text at most Stack grapheme clusters per
	// line with balanced lines (see Stack), then wraps any line still wider
	// than the cell.
	Stack int
	// Fit marks a figure (an amount, a score, a rate, a footer field): each
	// paragraph stays on one line, the size reduced as for a number when the
	// widest is wider than the cell. A line too wide even at MinFitSize wraps
	// as in any cell. Ignored with Stack.
	Fit bool
	// SameSize, when not "", names cells of the section printed at one size: each is fitted
	// as alone, then all take the smallest size any of them got (figures one under the
	// other, such as a form's subtotals and total).
	SameSize  string
	Hide      Sides   // borders not to draw
	MinHeight float64 // minimum height of the cell (mm)
	Tag       string  // copied to every Box and Text drawn for this cell
}

// Row is one table row. Cells fill the columns left to right, skipping
// columns taken by row-spanning cells of earlier rows, as in HTML.
type Row struct {
	Cells     []Cell
	MinHeight float64 // minimum row height (mm)
	// KeepWithPrev keeps the row on the page of the body row before it: no
	// page ends between them, so a run of such rows (a table's totals) moves
	// to the next page together with the row before the run. On a page with
	// nothing else of the section, a run too tall for the page breaks as usual.
	KeepWithPrev bool
}

// Title is a block of text above a section, wrapped to the width of the
// page body; the forms use centred bold 16–18 pt titles.
type Title struct {
	Text  string
	Size  float64 // points; 0 means 18
	Bold  bool
	Align Align   // relative to the page body; zero value centres
	Gap   float64 // space (mm) between the title and the table
	Tag   string  // copied to every Text drawn for the title
}

// Section is a run of rows sharing one set of column widths. Header rows
// are repeated at the top of every page the section continues on, unless
// they take more than half the page body. Row spans may cross from the
// header into the body but not into another section.
type Section struct {
	Title  Title     // optional; drawn when Title.Text is not empty
	Cols   []float64 // column widths (mm); every section of a table has the same total
	Header []Row
	Body   []Row
}

// Table is a block of vertically stacked sections, centred horizontally in
// the page body.
type Table struct {
	NewPage  bool // start on a new page unless the current one is empty
	Sections []Section
}

// Margins are page margins in mm.
type Margins struct{ Top, Right, Bottom, Left float64 }

// Options are the page geometry and text defaults. Use A4 for the usual
// values.
type Options struct {
	PageW, PageH float64 // page size (mm)
	Margin       Margins
	// HeaderH and FooterH reserve bands inside the margins, at the top and
	// bottom of every page, for the painter's running header and page
	// numbers ("第 N 页 共 M 页"); tables never enter them.
	HeaderH, FooterH float64
	Size             float64 // default cell font size (pt); 0 means 10.5
	Leading          float64 // line height as a multiple of the font size; 0 means 1.3
	Pad              float64 // default cell padding (mm); 0 means 1, negative none
	// Ascent is the distance from the top of the em box to the baseline, as
	// a fraction of the font size; 0 means 0.88 (the ideographic em box of
	// Noto CJK fonts). Text is centred on its line by its em box.
	Ascent   float64
	Measurer Measurer // required
}

// A4 returns options for A4 portrait with 20 mm top and bottom margins,
// 15 mm side margins, a 10 mm footer band and the default text settings.
func A4(m Measurer) Options {
	return Options{PageW: 210, PageH: 297, Margin: Margins{20, 15, 20, 15},
		FooterH: 10, Measurer: m}
}

// Rect is an axis-aligned rectangle; X, Y is its top-left corner (mm).
type Rect struct{ X, Y, W, H float64 }

// Box is a cell border (or part of a cell cut by a page break) to stroke.
type Box struct {
	X, Y, W, H float64 // Y is the top edge
	Sides      Sides   // edges to draw
	Tag        string  // Cell.Tag
}

// Text is one line of text, already wrapped, aligned and positioned.
type Text struct {
	X    float64 // left end of the line
	Y    float64 // baseline
	W    float64 // advance width as measured by the Measurer
	Size float64 // points
	Bold bool
	Str  string
	Tag  string // Cell.Tag or Title.Tag
}

// Page is one laid-out page. Number is 1-based; the page count is the
// length of the slice Layout returns. Header and Footer are the reserved
// bands, Body the area tables are laid out in.
type Page struct {
	Number               int
	Header, Body, Footer Rect
	Boxes                []Box
	Texts                []Text
}
