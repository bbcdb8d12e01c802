package xlsxin

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// cell is one cell of a sheet as a reader sees it: a merged range is one cell.
type cell struct {
	text    string // as the spreadsheet shows it: numbers in their number format
	num     bool   // stored as a number (typed), or a formula's numeric value
	formula bool   // holds a formula: in Ziping's export, a figure the program computed
	expr    string // the formula, when it holds a number
	// row, col, lastRow and lastCol are the range the cell covers, 0-based, inclusive.
	row, col, lastRow, lastCol int
}

// blank reports whether the cell shows nothing.
func (c *cell) blank() bool { return c == nil || strings.TrimSpace(c.text) == "" }

// sheet is a worksheet read: every position points to the cell covering it (the same cell
// over a merged range), nil where the sheet holds nothing. Rows end at their last cell.
type sheet struct {
	f     *excelize.File
	name  string
	grid  [][]*cell
	width int // the longest row's length, at most maxOwnWidth
}

// maxOwnWidth bounds the columns own reads: Ziping's forms are about 40 columns wide.
const maxOwnWidth = 256

// at returns the cell covering row r, column c (0-based), or nil.
func (s *sheet) at(r, c int) *cell {
	if r < 0 || r >= len(s.grid) || c < 0 || c >= len(s.grid[r]) {
		return nil
	}
	return s.grid[r][c]
}

// own returns the cells that start in row r, left to right: the cells of one printed row of
// a table, without those that reach down into it from the rows above. A position that holds
// nothing counts as an empty cell, so that every column of the row is accounted for.
func (s *sheet) own(r int) []*cell {
	var out []*cell
	for c := 0; c < s.width; c++ {
		x := s.at(r, c)
		switch {
		case x == nil:
			out = append(out, &cell{row: r, col: c, lastRow: r, lastCol: c})
		case x.row == r && x.col == c:
			out = append(out, x)
			c = x.lastCol
		}
	}
	return out
}

// first is the text of the first cell that starts in row r, unstacked and trimmed.
func (s *sheet) first(r int) string {
	for c, x := range s.grid[r] {
		if x != nil && x.row == r && x.col == c {
			return strings.TrimSpace(unstack(x.text))
		}
	}
	return ""
}

// unstack joins the lines of a narrow label that xlsxout stacked a few characters per line
// (pdfout/layout.Stack: "年度主\n要任务"); labels and the 一级/二级 names never hold a line break.
func unstack(s string) string { return strings.ReplaceAll(s, "\n", "") }

// lead returns the cell at column A if it starts in row r, else nil: the label of a band of
// Ziping's forms (user texts start further right, under the band's label).
func (s *sheet) lead(r int) *cell {
	if x := s.at(r, 0); x != nil && x.row == r {
		return x
	}
	return nil
}

// find returns the first row from row `from` on whose cell at column A starts there with text
// (unstacked, trimmed), spanning at least to column lastCol, or -1.
func (s *sheet) find(from int, text string, lastCol int) int {
	for r := max(from, 0); r < len(s.grid); r++ {
		if x := s.lead(r); x != nil && x.lastCol >= lastCol && strings.TrimSpace(unstack(x.text)) == text {
			return r
		}
	}
	return -1
}

// leftAligned reports whether x is aligned to the left (Ziping's export aligns the texts of a
// 三级 row to the left, the empty labels of the blank row of an empty 二级 to the centre).
func (s *sheet) leftAligned(x *cell) bool {
	ref, _ := excelize.CoordinatesToCellName(x.col+1, x.row+1)
	id, err := s.f.GetCellStyle(s.name, ref)
	if err != nil {
		return false
	}
	st, err := s.f.GetStyle(id)
	return err == nil && st.Alignment != nil && st.Alignment.Horizontal == "left"
}

// texts returns the sheet as rows of texts, each cell's text at its top-left position only;
// fill lists the columns whose merged cells repeat their text on every row they cover (the
// 一级 and 二级 labels of a table).
func (s *sheet) texts(fill map[int]bool) [][]string {
	out := make([][]string, len(s.grid))
	for r, row := range s.grid {
		last := -1
		for c, x := range row {
			if x != nil && x.text != "" && (x.row == r && x.col == c || fill[c] && x.col == c) {
				last = c
			}
		}
		if last < 0 {
			continue
		}
		out[r] = make([]string, last+1)
		for c := 0; c <= last; c++ {
			if x := row[c]; x != nil && (x.row == r && x.col == c || fill[c] && x.col == c) {
				out[r][c] = x.text
			}
		}
	}
	return out
}

// loadSheet reads sheet name of f: its values as shown, which cells hold numbers and
// formulas, and its merged ranges.
func loadSheet(f *excelize.File, name string) (*sheet, error) {
	raw, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	s := &sheet{f: f, name: name, grid: make([][]*cell, len(raw))}
	for r, row := range raw {
		s.grid[r] = make([]*cell, len(row))
	}
	merges, err := f.GetMergeCells(name, true)
	if err != nil {
		return nil, err
	}
	for _, m := range merges {
		c0, r0, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, r1, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r1 < r0 || c1 < c0 {
			continue
		}
		x := &cell{row: r0 - 1, col: c0 - 1, lastRow: r1 - 1, lastCol: c1 - 1}
		for len(s.grid) < r1 {
			s.grid = append(s.grid, nil)
		}
		for r := x.row; r <= x.lastRow; r++ {
			if len(s.grid[r]) < c1 {
				s.grid[r] = append(s.grid[r], make([]*cell, c1-len(s.grid[r]))...)
			}
			for c := x.col; c <= x.lastCol; c++ {
				s.grid[r][c] = x
			}
		}
	}
	for _, row := range s.grid {
		s.width = min(max(s.width, len(row)), maxOwnWidth)
	}
	nf := numFormats{f: f, codes: map[int]string{}}
	for r, row := range raw {
		for c, v := range row {
			x := s.grid[r][c]
			if x != nil && (x.row != r || x.col != c) {
				continue // inside a merged range: the spreadsheet shows its first cell's value
			}
			if x == nil {
				if v == "" {
					continue
				}
				x = &cell{row: r, col: c, lastRow: r, lastCol: c}
				s.grid[r][c] = x
			}
			if v == "" {
				continue
			}
			if err := nf.fill(x, name, v); err != nil {
				return nil, err
			}
		}
	}
	return s, nil
}

// numFormats reads cell types and shows numbers in their number formats; codes caches the
// format code of each style.
type numFormats struct {
	f     *excelize.File
	codes map[int]string
}

// fill sets x's text from its raw value v, as the spreadsheet shows it.
func (nf *numFormats) fill(x *cell, sheetName, v string) error {
	ref, _ := excelize.CoordinatesToCellName(x.col+1, x.row+1)
	typ, err := nf.f.GetCellType(sheetName, ref)
	if err != nil {
		return err
	}
	switch typ {
	case excelize.CellTypeUnset, excelize.CellTypeNumber:
		formula, err := nf.f.GetCellFormula(sheetName, ref)
		if err != nil {
			return err
		}
		x.num, x.formula, x.expr = true, formula != "", formula
		code, err := nf.code(sheetName, ref)
		if err != nil {
			return err
		}
		if t, ok := numberText(v, code); ok {
			x.text = t
			return nil
		}
		x.text, err = nf.f.GetCellValue(sheetName, ref)
		return err
	case excelize.CellTypeFormula: // a formula whose value is text
		x.text, x.formula = v, true
	case excelize.CellTypeBool, excelize.CellTypeDate, excelize.CellTypeError:
		x.text, err = nf.f.GetCellValue(sheetName, ref)
		return err
	default:
		x.text = v
	}
	return nil
}

// code returns the number format code of the cell ref ("" for General).
func (nf *numFormats) code(sheetName, ref string) (string, error) {
	id, err := nf.f.GetCellStyle(sheetName, ref)
	if err != nil {
		return "", err
	}
	if code, ok := nf.codes[id]; ok {
		return code, nil
	}
	st, err := nf.f.GetStyle(id)
	if err != nil {
		return "", err
	}
	code := builtinFormats[st.NumFmt]
	if st.CustomNumFmt != nil {
		code = *st.CustomNumFmt
	}
	nf.codes[id] = code
	return code, nil
}

// builtinFormats are the built-in number formats numberText shows itself (ECMA-376 §18.8.30).
var builtinFormats = map[int]string{1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%"}

// fixedRE matches the number formats of fixed decimals that xlsxout writes and spreadsheets
// offer first: 0, 0.00, #,##0.00, 0.0%.
var fixedRE = regexp.MustCompile(`^(#,##)?0(?:\.(0+))?(%?)$`)

// numberText shows the raw value v as format code does, when it is one fixedRE matches:
// rounded half away from zero as spreadsheets round, from the exact decimal of v rather than
// from its binary double. ok is false for other formats.
func numberText(v, code string) (text string, ok bool) {
	m := fixedRE.FindStringSubmatch(code)
	if m == nil {
		return "", false
	}
	d, err := decimal.NewFromString(strings.TrimSpace(v))
	if err != nil {
		return "", false
	}
	if m[3] == "%" {
		d = d.Shift(2)
	}
	text = d.StringFixed(int32(len(m[2])))
	if m[1] != "" {
		text = groupThousands(text)
	}
	return text + m[3], true
}

// groupThousands puts commas between the thousands of the integer part of a number.
func groupThousands(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasPoint := strings.Cut(s, ".")
	var b strings.Builder
	for i, d := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	if hasPoint {
		b.WriteString("." + frac)
	}
	return sign + b.String()
}

// colName is the A1 letters of a 0-based column.
func colName(c int) string {
	name, _ := excelize.ColumnNumberToName(c + 1)
	return name
}

// place names a row and column of a sheet for messages: "工作表“项目1”第 12 行 F 列".
func place(sheetName string, r, c int) string {
	s := fmt.Sprintf("工作表“%s”", sheetName)
	if r >= 0 {
		s += fmt.Sprintf("第 %d 行", r+1)
	}
	if c >= 0 {
		s += fmt.Sprintf(" %s 列", colName(c))
	}
	return s
}
