package forms

import "strings"

// ParseTSV reads the text a spreadsheet (Excel, WPS, LibreOffice) puts on the clipboard for a
// block of cells: cells separated by tabs, rows by CR LF or LF, a cell holding a line break, a
// tab or a quote written in quotes with "" for a quote. A last empty line is not a row; trailing
// empty cells are kept (a row's width says nothing).
func ParseTSV(text string) [][]string {
	var rows [][]string
	var row []string
	var cell strings.Builder
	quoted, atStart := false, true
	endCell := func() {
		row = append(row, cell.String())
		cell.Reset()
		atStart = true
	}
	endRow := func() {
		endCell()
		rows = append(rows, row)
		row = nil
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case quoted && c == '"' && i+1 < len(text) && text[i+1] == '"':
			cell.WriteByte('"')
			i++
		case quoted && c == '"':
			quoted = false
		case quoted:
			cell.WriteByte(c)
		case c == '"' && atStart && closesQuote(text[i+1:]):
			quoted, atStart = true, false
		case c == '\t':
			endCell()
		case c == '\r' && i+1 < len(text) && text[i+1] == '\n':
			endRow()
			i++
		case c == '\n' || c == '\r':
			endRow()
		default:
			cell.WriteByte(c)
			atStart = false
		}
	}
	if cell.Len() > 0 || len(row) > 0 || quoted {
		endRow()
	}
	return rows
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
