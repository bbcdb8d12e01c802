package xlsxin

import (
	"fmt"
	"strings"
)

// cell is one cell of a sheet as a reader sees it: a merged range is one cell.
type cell struct {
	text    string // as the spreadsheet shows it: numbers in their number format
	num     bool   // stored as a number (typed), or a formula's numeric value
	formula bool   // holds a formula: in Ziping's export, a figure the program computed
	expr    string // the formula
	style   int    // index of its cell format
	// row, col, lastRow and lastCol are the range the cell covers, 0-based, inclusive.
	row, col, lastRow, lastCol int
}

// blank reports whether the cell shows nothing.
func (c *cell) blank() bool { return c == nil || strings.TrimSpace(c.text) == "" }

// sheet is a worksheet read: every position points to the cell covering it (the same cell
// over a merged range), nil where the sheet holds nothing. Rows end at their last cell.
type sheet struct {
	name   string
	grid   [][]*cell
	width  int  // the longest row's length, at most maxOwnWidth
	styles []xf // the workbook's cell formats, by index
	// uncached counts the formula cells without a value saved: a program that writes
	// formulas without computing them leaves them so, and they show nothing here.
	uncached int
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
	return x.style >= 0 && x.style < len(s.styles) && s.styles[x.style].left
}

// texts returns the sheet as rows of texts, each cell's text at its top-left position only;
// fill lists the columns whose merged cells repeat their text on every row they cover (the
// 一级 and 二级 labels of a table).
func (s *sheet) texts(fill map[int]bool) [][]string {
	out := make([][]string, len(s.grid))
	for r, row := range s.grid {
		var texts []string
		for c, x := range row {
			if x != nil && x.text != "" && x.col == c && (x.row == r || fill[c]) {
				texts = append(texts, make([]string, c-len(texts))...)
				texts = append(texts, x.text)
			}
		}
		out[r] = texts
	}
	return out
}

// colName is the A1 letters of a 0-based column.
func colName(c int) string {
	name := ""
	for c++; c > 0; c = (c - 1) / 26 {
		name = string(rune('A'+(c-1)%26)) + name
	}
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
