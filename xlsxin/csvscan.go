package xlsxin

import (
	"errors"
	"fmt"

	"ziping/forms"
)

// The CSV reader (encoding/csv) makes a whole record before it can be looked at, and with
// LazyQuotes it reads a quoted field that does not close as running on to the next quote, rows
// and all. scanCSV goes over the text once first, as encoding/csv would read it, counting the
// fields against the budget (a line of 60 MB of commas is 60 million fields) and finding a
// quoted field that does not close where it should.

// quoteError is a quoted field of a CSV file, started on line (1-based), that does not close
// before a comma, a line break or the end.
type quoteError struct{ line int }

func (e *quoteError) Error() string { return fmt.Sprintf("line %d: unbalanced quote", e.line) }

// wideError is a record of a CSV file, started on line, with more fields than a sheet has
// columns.
type wideError struct{ line int }

func (e *wideError) Error() string { return fmt.Sprintf("line %d: too many fields", e.line) }

// maxColumns is the columns of an Excel sheet: a record beyond it is no table.
const maxColumns = 16384

// scanCSV checks comma-separated text before it is parsed: its fields and records (TableSize)
// within the budget of cells, no record wider than maxColumns, each quoted field closed by a
// quote followed by a comma, a line break or the end.
func scanCSV(text string) error {
	line, start := 1, 1 // the line at i, and the line the record started on
	size, fields := 0, 0
	for i := 0; i < len(text); {
		if text[i] == '"' {
			var err error
			if i, line, err = skipQuoted(text, i, line); err != nil {
				return err
			}
		}
		for i < len(text) && text[i] != ',' && text[i] != '\n' { // the rest of the field
			i++
		}
		size++
		if fields++; fields > maxColumns {
			return &wideError{start}
		}
		if i < len(text) && text[i] == '\n' {
			line++
			size++ // the record's row
			fields, start = 0, line
		}
		if size > maxCells {
			return errCells
		}
		i++
	}
	return nil
}

// skipQuoted reads the quoted field that opens at i, on line, to just after its closing quote,
// which must be followed by a comma, a line break or the end; it returns where it stopped and
// the line there.
func skipQuoted(text string, i, line int) (int, int, error) {
	opened := line
	for i++; ; i++ {
		if i >= len(text) {
			return i, line, &quoteError{opened}
		}
		if text[i] == '\n' {
			line++
		}
		if text[i] != '"' {
			continue
		}
		if i+1 < len(text) && text[i+1] == '"' {
			i++
			continue
		}
		i++
		break
	}
	if i < len(text) && text[i] != ',' && text[i] != '\n' && text[i] != '\r' {
		return i, line, &quoteError{opened}
	}
	return i, line, nil
}

// delimitedError is the refusal of a CSV or tab-separated text that cannot be read: an
// unbalanced quote or a record too wide (naming its line), the budget's cells, or damage.
func delimitedError(name, enc string, err error) *Error {
	var qe *quoteError
	var we *wideError
	switch {
	case errors.As(err, &qe):
		return &Error{Sheet: name, Row: qe.line, Err: err, Reason: fmt.Sprintf("第 %d 行的引号不配对（%s 文件中，含逗号、引号或换行的单元格要整个用英文双引号括起来，其中的引号写两遍）：请在 Excel 或 WPS 中打开检查后另存。", qe.line, enc)}
	case errors.As(err, &we):
		return &Error{Sheet: name, Row: we.line, Err: forms.ErrLimit, Reason: fmt.Sprintf("第 %d 行有超过 %d 个单元格（工作表最多 %d 列），%v：请删除多余的逗号或内容后再导入。", we.line, maxColumns, maxColumns, forms.ErrLimit)}
	case errors.Is(err, forms.ErrLimit):
		return &Error{Sheet: name, Err: err, Reason: fmt.Sprintf("文件的内容过多（%v）：请只保留要导入的指标行后再导入。", err)}
	}
	return &Error{Sheet: name, Reason: "无法读取 CSV 内容：" + err.Error(), Err: err}
}
