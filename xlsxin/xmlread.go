package xlsxin

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"ziping/forms"
)

// The workbook is read straight from its XML parts, in one streaming pass per sheet:
// excelize would decode each sheet twice (its row iterator and its full model), five times
// the work (BenchmarkImport60Projects).

// xf is a cell format of the workbook: its number format and whether it aligns left.
type xf struct {
	code string // number format code ("" for General)
	date bool   // a built-in date or time format
	left bool
}

// book is what the sheets of a workbook share: its strings, cell formats and date system.
type book struct {
	strs     []string
	styles   []xf
	formats  []numFormat // by cell format, as styles; general for a cell without one
	general  numFormat
	date1904 bool
}

// readBook reads the shared strings and cell formats the workbook's relationships name.
func readBook(files map[string]*zip.File, bud *budget, wb *xmlWorkbook, rels []rel, dir string) (*book, error) {
	b := &book{date1904: wb.date1904}
	for _, r := range rels {
		p := partPath(dir, r.target)
		switch {
		case strings.HasSuffix(r.typ, "/sharedStrings") && b.strs == nil:
			data, err := bud.partNamed(files, p)
			if err != nil {
				return nil, err
			}
			if b.strs, err = sharedStrings(data, bud); err != nil {
				return nil, err
			}
		case strings.HasSuffix(r.typ, "/styles") && b.styles == nil:
			data, err := bud.partNamed(files, p)
			if err != nil {
				return nil, err
			}
			if b.styles, err = bud.readStyles(data); err != nil {
				return nil, err
			}
		}
	}
	b.setFormats()
	return b, nil
}

// setFormats analyses the number format of each cell format.
func (b *book) setFormats() {
	b.general = parseFormat("", false)
	b.formats = make([]numFormat, len(b.styles))
	for i, st := range b.styles {
		b.formats[i] = parseFormat(st.code, st.date)
	}
}

// rawCell is a cell element being read; one is used again for every cell of a sheet.
type rawCell struct {
	row, col int
	style    int
	typ      string
	v, is, f []byte
	formula  bool
}

// sheetReader holds the state of one pass over a sheet's XML.
type sheetReader struct {
	b        *book
	bud      *budget
	s        *sheet
	row, col int      // the row and column of the last row and cell started (1-based)
	c        *rawCell // &cur inside a cell element, else nil
	cur      rawCell
	in       string // the element whose text is being read: "v", "f" or "t" (of an inline string)
	inIS     bool
	phonetic int
}

// parseSheet reads a worksheet's XML: every cell with a value or a format, and the merged
// ranges. Values show as the spreadsheet shows them (strings, numbers in their format).
// Every element, and every position of the grid a cell or a merged range makes, is taken from
// the budget as it is read; the error then names the cell it ran out at (*cellsError).
func parseSheet(data []byte, name string, b *book, bud *budget) (*sheet, error) {
	if b.formats == nil { // a book not made by readBook (tests)
		b.setFormats()
	}
	r := &sheetReader{b: b, bud: bud, s: &sheet{name: name, styles: b.styles}}
	var merges [][4]int
	seen := map[[4]int]bool{} // a range merged again is the same range
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := bud.element(); err != nil {
				return nil, err
			}
			if t.Name.Local == "mergeCell" {
				if m, ok := rangeOf(attr(t, "ref")); ok && !seen[m] {
					seen[m] = true
					merges = append(merges, m)
				}
				continue
			}
			if err := r.start(t); err != nil {
				return nil, err
			}
		case xml.EndElement:
			if err := r.end(t.Name.Local); err != nil {
				return nil, err
			}
		case xml.CharData:
			r.text(t)
		}
	}
	if err := r.merge(merges); err != nil {
		return nil, err
	}
	return r.s, nil
}

// errBeyondRows is a sheet with cells or merged ranges below row maxSheetRows.
var errBeyondRows = fmt.Errorf("cells beyond the last row read: %w", forms.ErrLimit)

// cellsError is the budget of cells run out at row, col (0-based) of a sheet; merged is true
// when merged ranges ran it out (their positions are taken as they are filled).
type cellsError struct {
	row, col int
	merged   bool
}

func (e *cellsError) Error() string { return errCells.Error() }
func (e *cellsError) Unwrap() error { return errCells }

// atoi reads a decimal attribute, 0 when absent or not a number (without the error
// strconv.Atoi allocates for "", once a cell of a sheet).
func atoi(s string) int {
	if s == "" {
		return 0
	}
	n, _ := strconv.Atoi(s)
	return n
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (r *sheetReader) start(t xml.StartElement) error {
	switch t.Name.Local {
	case "row":
		r.row, r.col = r.row+1, 0
		if n := atoi(attr(t, "r")); n > 0 {
			r.row = n
		}
		if r.row > maxSheetRows {
			return errBeyondRows
		}
	case "c":
		r.col++
		if ref := attr(t, "r"); ref != "" {
			col, row, ok := cellRef(ref)
			if !ok {
				return fmt.Errorf("bad cell reference %q", ref)
			}
			r.col, r.row = col, row
		}
		if r.row > maxSheetRows {
			return errBeyondRows
		}
		c := &r.cur
		*c = rawCell{row: r.row - 1, col: r.col - 1, typ: attr(t, "t"), v: c.v[:0], is: c.is[:0], f: c.f[:0]}
		c.style = atoi(attr(t, "s"))
		r.c = c
	case "v", "f":
		r.in = t.Name.Local
		if t.Name.Local == "f" && r.c != nil {
			r.c.formula = true
		}
	case "is":
		r.inIS = true
	case "t":
		if r.inIS {
			r.in = "t"
		}
	case "rPh":
		r.phonetic++
	}
	return nil
}

func (r *sheetReader) end(name string) error {
	switch name {
	case "v", "f", "t":
		r.in = ""
	case "is":
		r.inIS = false
	case "rPh":
		r.phonetic--
	case "c":
		if r.c != nil {
			c := r.c
			r.c = nil
			return r.add(c)
		}
	}
	return nil
}

func (r *sheetReader) text(t xml.CharData) {
	if r.c == nil {
		return
	}
	switch r.in {
	case "v":
		r.c.v = append(r.c.v, t...)
	case "f":
		r.c.f = append(r.c.f, t...)
	case "t":
		if r.phonetic == 0 {
			r.c.is = append(r.c.is, t...)
		}
	}
}

// add puts a cell read into the grid, with the text it shows, taking the positions it adds
// from the budget.
func (r *sheetReader) add(rc *rawCell) error {
	if rc.formula && len(rc.v) == 0 && rc.typ != "inlineStr" {
		r.s.uncached++
	}
	text, num := r.show(rc)
	if text == "" && rc.style == 0 && !rc.formula {
		return nil // nothing to show, no format
	}
	if err := r.s.grow(rc.row, rc.col, r.bud); err != nil {
		return &cellsError{row: rc.row, col: rc.col}
	}
	r.s.grid[rc.row][rc.col] = &cell{row: rc.row, col: rc.col, lastRow: rc.row, lastCol: rc.col, style: rc.style,
		formula: rc.formula, expr: string(rc.f), text: text, num: num}
	return nil
}

// grow makes the grid reach row r, column c (0-based), taking each position it adds (and
// each row, one more) from the budget.
func (s *sheet) grow(r, c int, bud *budget) error {
	if len(s.grid) <= r {
		if err := bud.take(r + 1 - len(s.grid)); err != nil {
			return err
		}
		s.grid = append(s.grid, make([][]*cell, r+1-len(s.grid))...)
	}
	if row := s.grid[r]; len(row) <= c {
		if err := bud.take(c + 1 - len(row)); err != nil {
			return err
		}
		s.grid[r] = append(row, make([]*cell, c+1-len(row))...)
	}
	return nil
}

// show is the text a cell shows from the value rc holds, by its type, and whether it is a
// number.
func (r *sheetReader) show(rc *rawCell) (text string, num bool) {
	switch rc.typ {
	case "s":
		if i, err := strconv.Atoi(strings.TrimSpace(string(rc.v))); err == nil && i >= 0 && i < len(r.b.strs) {
			return r.b.strs[i], false
		}
	case "inlineStr":
		return string(rc.is), false
	case "str", "e", "d":
		return string(rc.v), false
	case "b":
		return map[string]string{"1": "TRUE", "0": "FALSE"}[strings.TrimSpace(string(rc.v))], false
	default:
		if len(rc.v) > 0 {
			v := string(rc.v)
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			nf := r.b.general
			if rc.style >= 0 && rc.style < len(r.b.formats) {
				nf = r.b.formats[rc.style]
			}
			// NaN or Inf (a hand-made file) is read as the text it holds
			return nf.text(v, r.b.date1904), err == nil && !math.IsNaN(f) && !math.IsInf(f, 0)
		}
	}
	return "", false
}

// merge makes each merged range one cell: the first cell's, covering the range.
func (r *sheetReader) merge(merges [][4]int) error {
	s := r.s
	for _, m := range merges {
		r0, c0, r1, c1 := m[0], m[1], m[2], m[3]
		if r1 >= maxSheetRows {
			return errBeyondRows
		}
		// Overlapping ranges write the same positions again: each write is taken.
		if err := r.bud.take((r1 - r0 + 1) * (c1 - c0 + 1)); err != nil {
			return &cellsError{row: r0, col: c0, merged: true}
		}
		x := s.at(r0, c0)
		if x == nil {
			x = &cell{}
		}
		x.row, x.col, x.lastRow, x.lastCol = r0, c0, r1, c1
		for row := r0; row <= r1; row++ {
			if err := s.grow(row, c1, r.bud); err != nil {
				return &cellsError{row: row, col: c1, merged: true}
			}
			for col := c0; col <= c1; col++ {
				s.grid[row][col] = x
			}
		}
	}
	for _, row := range s.grid {
		s.width = min(max(s.width, len(row)), maxOwnWidth)
	}
	return nil
}

// cellRef reads "AB12" as column 28, row 12.
func cellRef(ref string) (col, row int, ok bool) {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
		if col > 1<<14 {
			return 0, 0, false
		}
	}
	row, err := strconv.Atoi(ref[i:])
	return col, row, err == nil && col > 0 && row > 0 && row <= 1<<20
}

// rangeOf reads "A1:C3" as rows and columns 0-based, first and last.
func rangeOf(ref string) ([4]int, bool) {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		b = a
	}
	c0, r0, ok0 := cellRef(a)
	c1, r1, ok1 := cellRef(b)
	if !ok0 || !ok1 || r1 < r0 || c1 < c0 || (r1-r0+1)*(c1-c0+1) > maxCells {
		return [4]int{}, false
	}
	return [4]int{r0 - 1, c0 - 1, r1 - 1, c1 - 1}, true
}
