package xlsxin

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"ziping/forms"
	"ziping/storage"
)

// readText reads a CSV file (or the tab-separated text Excel saves as "Unicode 文本") as one
// plain sheet named after the file.
func readText(r io.ReaderAt, size int64, file, ext string) (*Result, error) {
	data := make([]byte, size)
	if n, err := r.ReadAt(data, 0); n < len(data) {
		return nil, &Error{Reason: "读取失败：" + storage.SystemReason(err), Err: err}
	}
	text, enc, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	trimmed := strings.TrimSpace(text)
	switch {
	case strings.HasPrefix(trimmed, "<"):
		return nil, &Error{Reason: "文件是网页（HTML）格式，不是真正的 Excel 工作簿（有些系统导出的 .xls 就是这样）：请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（*.xlsx）后再导入。"}
	case strings.ContainsRune(text, 0):
		return nil, &Error{Reason: "无法识别的文件格式：请导入 Excel 工作簿（.xlsx）或 CSV 文件。"}
	case trimmed == "":
		return nil, &Error{Reason: "文件是空的。"}
	}
	name := strings.TrimSuffix(file, ext)
	if !strings.Contains(text, "\n") { // lines ended by CR alone (Excel for the old Mac OS)
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	if lines := strings.Count(strings.TrimSuffix(text, "\n"), "\n") + 1; lines > maxSheetRows {
		return nil, &Error{Sheet: name, Err: forms.ErrLimit,
			Reason: fmt.Sprintf("文件有 %d 行，%v（%d 行）：请删除多余的行，或分成几个文件导入。", lines, forms.ErrLimit, maxSheetRows)}
	}
	rows, err := parseDelimited(text, ext)
	if err != nil {
		return nil, delimitedError(name, enc, err)
	}
	imp := newImporter(file)
	if err := imp.sheet(textSheet(name, rows)); err != nil {
		return nil, err
	}
	return imp.finish()
}

// decodeText turns the bytes of a text file into UTF-8: by its byte order mark (UTF-8,
// UTF-16), as UTF-8 when the bytes are valid UTF-8, else as GB18030 (GBK, GB2312), the
// encoding Chinese Excel and WPS save CSV in. enc names the encoding for messages.
func decodeText(data []byte) (text, enc string, err error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", "", &Error{Reason: "文件的 UTF-16 编码已损坏：请在 Excel 或 WPS 中另存为 .xlsx 后再导入。", Err: err}
		}
		return string(out), "UTF-16", nil
	}
	if utf8.Valid(data) {
		return string(data), "UTF-8", nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
		return "", "", &Error{Reason: "无法识别文件的文字编码（既不是 UTF-8，也不是 GB18030/GBK）：请在 Excel 或 WPS 中另存为 .xlsx 后再导入。", Err: err}
	}
	return string(out), "GB18030", nil
}

// parseDelimited reads comma-separated values, or tab-separated ones (forms.ParseTSV, as the
// clipboard holds them) when the first line has tabs and no commas or the file is .tsv/.txt.
func parseDelimited(text, ext string) ([][]string, error) {
	first, _, _ := strings.Cut(text, "\n")
	if ext == ".tsv" || ext == ".txt" || strings.Contains(first, "\t") && !strings.Contains(first, ",") {
		rows := forms.ParseTSV(text)
		if forms.TableSize(rows) > maxCells {
			return nil, errCells
		}
		return rows, nil
	}
	if err := scanCSV(text); err != nil {
		return nil, err
	}
	// Every quoted field closes (scanCSV): LazyQuotes only keeps a quote inside an unquoted
	// field ("双随机"抽查) as text.
	cr := csv.NewReader(strings.NewReader(text))
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	var rows [][]string
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0) // each record at its line, which blank lines and line breaks in cells would shift
		for len(rows) < line-1 {
			rows = append(rows, nil)
		}
		rows = append(rows, rec)
	}
}

// textSheet is a sheet of the cells rows hold, none merged.
func textSheet(name string, rows [][]string) *sheet {
	s := &sheet{name: name, grid: make([][]*cell, len(rows))}
	for r, row := range rows {
		s.grid[r] = make([]*cell, len(row))
		for c, t := range row {
			if t != "" {
				s.grid[r][c] = &cell{text: t, row: r, col: c, lastRow: r, lastCol: c}
			}
		}
		s.width = min(max(s.width, len(row)), maxOwnWidth)
	}
	return s
}
