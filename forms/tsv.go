package forms

import (
	"fmt"
	"strings"
)

// MaxTableCells bounds a table of cells read from text or a workbook: the clipboard's block
// (ParseTSV, ReadIndicatorTable), a CSV file and the sheets of a workbook together
// (xlsxin/budget.go). A cell costs its text and a few dozen bytes, so the largest table takes a
// few hundred megabytes at most; the largest form has a few thousand cells.
const MaxTableCells = 1_000_000

// TableSize is what rows cost against MaxTableCells: a cell each, and a row one more (a line
// of nothing is still a row to hold).
func TableSize(rows [][]string) int {
	n := len(rows)
	for _, r := range rows {
		n += len(r)
	}
	return n
}

// tableTooLarge is the refusal of a table beyond MaxTableCells; where names it.
func tableTooLarge(where string) error {
	return fmt.Errorf("%s过大（超过 %d 万个单元格，%w）：请只复制或保留要读取的指标行", where, MaxTableCells/10_000, ErrLimit)
}

// ParseTSV reads the text a spreadsheet (Excel, WPS, LibreOffice) puts on the clipboard for a
// block of cells: cells separated by tabs, rows by CR LF or LF, a cell holding a line break, a
// tab or a quote written in quotes with "" for a quote. A last empty line is not a row; trailing
// empty cells are kept (a row's width says nothing). It stops once the rows cost more than
// MaxTableCells (TableSize), so that a block of 60 MB of tabs costs no more than the budget:
// ReadIndicatorTable then refuses what it returns.
func ParseTSV(text string) [][]string {
	p := tsvReader{atStart: true}
	for i := 0; i < len(text) && p.size <= MaxTableCells; i++ {
		if p.quoted {
			i += p.quotedByte(text, i)
		} else {
			i += p.plainByte(text, i)
		}
	}
	if p.cell.Len() > 0 || len(p.row) > 0 || p.quoted {
		p.endRow()
	}
	return p.rows
}

// tsvReader is ParseTSV's state: the rows read, the row and the cell being read, whether within
// a quoted cell or at a cell's start, and the rows' cost so far (TableSize).
type tsvReader struct {
	rows            [][]string
	row             []string
	cell            strings.Builder
	quoted, atStart bool
	size            int
}

func (p *tsvReader) endCell() {
	p.row = append(p.row, p.cell.String())
	p.cell.Reset()
	p.atStart = true
	p.size++
}

func (p *tsvReader) endRow() {
	p.endCell()
	p.rows = append(p.rows, p.row)
	p.row = nil
	p.size++
}

// quotedByte reads the byte at i of text within a quoted cell: "" is a quote, a lone quote ends
// the quoting, anything else is the cell's. It returns how many bytes after i it read too.
func (p *tsvReader) quotedByte(text string, i int) int {
	switch c := text[i]; {
	case c == '"' && i+1 < len(text) && text[i+1] == '"':
		p.cell.WriteByte('"')
		return 1
	case c == '"':
		p.quoted = false
	default:
		p.cell.WriteByte(c)
	}
	return 0
}

// plainByte reads the byte at i of text outside quotes: a quote that opens a quoted cell, a
// tab, a line break (CR LF, LF or CR) or the cell's text. It returns how many bytes after i it
// read too.
func (p *tsvReader) plainByte(text string, i int) int {
	switch c := text[i]; {
	case c == '"' && p.atStart && closesQuote(text[i+1:]):
		p.quoted, p.atStart = true, false
	case c == '\t':
		p.endCell()
	case c == '\r' && i+1 < len(text) && text[i+1] == '\n':
		p.endRow()
		return 1
	case c == '\n' || c == '\r':
		p.endRow()
	default:
		p.cell.WriteByte(c)
		p.atStart = false
	}
	return 0
}

// closesQuote tells whether rest (the text after a cell's opening quote) has the closing quote
// of a quoted cell: a quote not doubled, followed by a tab, a line break or the end. A cell that
// merely starts with a quote ("双随机" typed with quotes) is then text, not a quoted cell.
func closesQuote(rest string) bool {
	for i := 0; i < len(rest); i++ {
		if rest[i] != '"' {
			continue
		}
		if i+1 < len(rest) && rest[i+1] == '"' {
			i++
			continue
		}
		return i+1 == len(rest) || rest[i+1] == '\t' || rest[i+1] == '\r' || rest[i+1] == '\n'
	}
	return false
}
