package xlsxin

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"ziping/forms"
)

// sheetPart is a sheet of the workbook as its package lists it.
type sheetPart struct {
	name   string
	path   string // the part in the zip; "" for a sheet that is not a worksheet (a chart)
	hidden bool
	data   []byte // its XML, once checked
}

// precheck reads the package of an .xlsx workbook without parsing its sheets: the sheets it
// lists, and for each worksheet its number of rows and cells, refused beyond the limits; and
// what the sheets share (book). The error's reason is the Chinese message; its sheet is set
// when one sheet is at fault.
func precheck(zr *zip.Reader, bud *budget) ([]sheetPart, *book, *Error) {
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[strings.TrimPrefix(f.Name, "/")] = f
	}
	if reason := notWorkbook(files); reason != "" {
		return nil, nil, &Error{Reason: reason}
	}
	wbPath := mainPart(files, bud)
	wb, err := bud.readWorkbookPart(files, wbPath)
	if err != nil {
		return nil, nil, &Error{Reason: partReason("工作表目录", err), Err: err}
	}
	relsPath := path.Join(path.Dir(wbPath), "_rels", path.Base(wbPath)+".rels")
	rels, err := bud.readRels(files, relsPath)
	if err != nil {
		return nil, nil, &Error{Reason: partReason("工作表目录", err), Err: err}
	}
	b, err := readBook(files, bud, wb, rels, path.Dir(wbPath))
	if err != nil {
		return nil, nil, &Error{Reason: partReason("文字或单元格格式", err), Err: err}
	}
	out, e := sheetParts(files, bud, wb, rels, path.Dir(wbPath))
	if e != nil {
		return nil, nil, e
	}
	if len(out) == 0 {
		return nil, nil, &Error{Reason: "工作簿中没有工作表。"}
	}
	return out, b, nil
}

// sheetParts are the sheets wb lists, each with its worksheet's part through rels (dir is the
// workbook part's folder), and the XML of those to read, checked against the limits.
func sheetParts(files map[string]*zip.File, bud *budget, wb *xmlWorkbook, rels []rel, dir string) ([]sheetPart, *Error) {
	worksheets := map[string]string{} // relationship id → the worksheet's part
	for _, r := range rels {
		if _, dup := worksheets[r.id]; !dup && strings.HasSuffix(r.typ, "/worksheet") {
			worksheets[r.id] = partPath(dir, r.target)
		}
	}
	var out []sheetPart
	for _, s := range wb.sheets {
		sp := sheetPart{name: s.name, path: worksheets[s.rid], hidden: s.state == "hidden" || s.state == "veryHidden"}
		if sp.path != "" && (!sp.hidden || sp.name == shadowSheet) {
			var e *Error
			if sp.data, e = checkSize(files[sp.path], sp.name, bud); e != nil {
				return nil, e
			}
		}
		out = append(out, sp)
	}
	return out, nil
}

// notWorkbook says what a zip package is when it is not an Excel workbook, or "".
func notWorkbook(files map[string]*zip.File) string {
	if _, ok := files["[Content_Types].xml"]; ok {
		if _, ok := files["word/document.xml"]; ok {
			return "这是 Word 文档，不是 Excel 工作簿：请导入 .xlsx 文件。"
		}
		if _, ok := files["ppt/presentation.xml"]; ok {
			return "这是 PowerPoint 演示文稿，不是 Excel 工作簿：请导入 .xlsx 文件。"
		}
		return ""
	}
	if f, ok := files["mimetype"]; ok {
		if m, err := readAll(f, 200); err == nil && strings.Contains(string(m), "opendocument.spreadsheet") {
			return "这是 OpenDocument 表格（.ods）：请在 WPS、LibreOffice 或 Excel 中打开，另存为 Excel 工作簿（*.xlsx）后再导入。"
		}
	}
	return "文件是 ZIP 压缩包，但不是 Excel 工作簿（.xlsx）：请在 Excel 或 WPS 中另存为 .xlsx 后再导入。"
}

// mainPart is the workbook part the package's relationships name, xl/workbook.xml by default.
func mainPart(files map[string]*zip.File, bud *budget) string {
	rels, _ := bud.readRels(files, "_rels/.rels")
	for _, r := range rels {
		if strings.HasSuffix(r.typ, "/officeDocument") {
			if p := partPath("", r.target); files[p] != nil {
				return p
			}
		}
	}
	return "xl/workbook.xml"
}

// partPath resolves a relationship's target against the folder of its source part.
func partPath(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join("/", dir, target)), "/")
}

// readAll reads a part of at most limit bytes uncompressed.
func readAll(f *zip.File, limit int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var buf bytes.Buffer
	buf.Grow(int(min(f.UncompressedSize64, uint64(limit)) + 1)) // as the header says, at most the limit
	if _, err := buf.ReadFrom(io.LimitReader(rc, limit+1)); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	if int64(len(data)) > limit {
		return nil, errTooLarge
	}
	return data, nil
}

// checkSize reads a worksheet's XML from the budget, refusing one with more rows than any
// form has, or with more cells than the budget has left, before it is parsed.
func checkSize(f *zip.File, name string, bud *budget) ([]byte, *Error) {
	if f == nil {
		return nil, &Error{Sheet: name, Reason: fmt.Sprintf("工作簿已损坏（工作表“%s”的内容缺失）：请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入。", name)}
	}
	data, err := bud.part(f)
	switch {
	case errors.Is(err, forms.ErrLimit):
		return nil, &Error{Sheet: name, Err: err, Reason: fmt.Sprintf("工作表“%s”过大（%v）：请删除多余的内容，或把工作表分到几个文件后再导入。", name, err)}
	case err != nil:
		return nil, &Error{Sheet: name, Reason: fmt.Sprintf("工作表“%s”已损坏，无法读取：请在 Excel 或 WPS 中打开检查，另存为 .xlsx 后再导入。", name), Err: err}
	}
	rows, cells := countCells(data)
	switch {
	case rows > maxSheetRows:
		return nil, &Error{Sheet: name, Err: forms.ErrLimit,
			Reason: fmt.Sprintf("工作表“%s”有 %d 行，%v（%d 行，比最大的自评表还多）：请删除多余的行，或把内容分到几张工作表。",
				name, rows, forms.ErrLimit, maxSheetRows)}
	case cells > int64(bud.cells):
		return nil, &Error{Sheet: name, Err: forms.ErrLimit,
			Reason: fmt.Sprintf("工作表“%s”的单元格太多（%d 行，右边很远处还有内容），%v（各工作表共 %d 万个单元格）：请删除表格右侧和下方多余的内容后再导入。", name, rows, forms.ErrLimit, maxCells/10_000)}
	}
	return data, nil
}

// countCells counts the rows of a worksheet's XML and the sum of their lengths (each up to
// its last cell, as a reader pads it), without parsing it: a scan of its element names.
func countCells(data []byte) (rows int, cells int64) {
	rowLen, col := 0, 0
	for i := 0; i < len(data); {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 {
			break
		}
		i += j + 1
		name := elementName(data[i:])
		switch name {
		case "row":
			rows++
			cells += int64(rowLen)
			rowLen, col = 0, 0
		case "c":
			if c, ok := cellColumn(data[i:]); ok {
				col = c
			} else {
				col++
			}
			rowLen = max(rowLen, col)
		}
	}
	return rows, cells + int64(rowLen)
}

// elementName is the local name of the element whose tag starts at b (after its '<').
func elementName(b []byte) string {
	end := 0
	for end < len(b) && end < 64 && !strings.ContainsRune(" \t\r\n/>", rune(b[end])) {
		end++
	}
	name := b[:end]
	if k := bytes.IndexByte(name, ':'); k >= 0 {
		name = name[k+1:]
	}
	return string(name)
}

// cellColumn reads the column (1-based) of the r="AB12" attribute of a cell tag.
func cellColumn(b []byte) (int, bool) {
	end := bytes.IndexByte(b, '>')
	if end < 0 {
		return 0, false
	}
	tag := b[:end]
	k := bytes.Index(tag, []byte(` r="`))
	if k < 0 {
		return 0, false
	}
	col := 0
	for _, ch := range tag[k+4:] {
		if ch < 'A' || ch > 'Z' {
			break
		}
		col = col*26 + int(ch-'A'+1)
		if col > 1<<20 {
			return 0, false
		}
	}
	return col, col > 0
}
