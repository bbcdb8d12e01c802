package xlsxin

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"

	"ziping/forms"
)

// Limits of what Import reads. A sheet may hold the largest form forms accepts (the unit
// form's seven 一级 with forms.MaxLevel2PerLevel 二级 of forms.MaxRowsPerLevel2 rows each, and
// room for the other sections); a workbook beyond them is refused before it is parsed, so
// that a sheet of 100,000 rows is turned away in the time it takes to unzip it.
var (
	maxSheetRows = len(forms.NewUnitForm().Indicators)*forms.MaxLevel2PerLevel*forms.MaxRowsPerLevel2 + 3*forms.MaxListRows + 100
	// maxSheetCells bounds the sum of the rows' lengths (up to each row's last cell): the
	// cells a reader allocates.
	maxSheetCells = maxSheetRows * 64
)

// maxPartBytes is the largest part of a workbook (a sheet's XML, uncompressed) that is read,
// and maxBookBytes the most all its sheets may hold: a sheet at maxSheetRows is a few tens of
// megabytes; a "zip bomb" is refused once it unpacks beyond them.
const (
	maxPartBytes = 128 << 20
	maxBookBytes = 256 << 20
)

// sheetPart is a sheet of the workbook as its package lists it.
type sheetPart struct {
	name   string
	path   string // the part in the zip; "" for a sheet that is not a worksheet (a chart)
	hidden bool
	data   []byte // its XML, once checked
}

// The parts of workbook.xml and the relationships files that name the sheets.
type (
	xmlWorkbook struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name  string `xml:"name,attr"`
			State string `xml:"state,attr"`
			RID   string `xml:"id,attr"`
		} `xml:"sheets>sheet"`
	}
	xmlRels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
)

// precheck reads the package of an .xlsx workbook without parsing its sheets: the sheets it
// lists, and for each worksheet its number of rows and cells, refused beyond the limits; and
// what the sheets share (book). The error's reason is the Chinese message; its sheet is set
// when one sheet is at fault.
func precheck(zr *zip.Reader) ([]sheetPart, *book, *Error) {
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[strings.TrimPrefix(f.Name, "/")] = f
	}
	if reason := notWorkbook(files); reason != "" {
		return nil, nil, &Error{Reason: reason}
	}
	wbPath := mainPart(files)
	var wb xmlWorkbook
	if err := readXML(files, wbPath, &wb); err != nil {
		return nil, nil, &Error{Reason: "工作簿已损坏（找不到或无法读取工作表目录）：请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入。", Err: err}
	}
	var rels xmlRels
	relsPath := path.Join(path.Dir(wbPath), "_rels", path.Base(wbPath)+".rels")
	if err := readXML(files, relsPath, &rels); err != nil {
		return nil, nil, &Error{Reason: "工作簿已损坏（工作表目录不完整）：请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入。", Err: err}
	}
	b, err := readBook(files, &wb, &rels, path.Dir(wbPath))
	if err != nil {
		return nil, nil, &Error{Reason: "工作簿已损坏（无法读取其中的文字或单元格格式）：请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入。", Err: err}
	}
	var out []sheetPart
	total := 0
	for _, s := range wb.Sheets {
		sp := sheetPart{name: s.Name, hidden: s.State == "hidden" || s.State == "veryHidden"}
		for _, r := range rels.Rels {
			if r.ID == s.RID && strings.HasSuffix(r.Type, "/worksheet") {
				sp.path = partPath(path.Dir(wbPath), r.Target)
			}
		}
		if sp.path != "" && (!sp.hidden || sp.name == shadowSheet) {
			var e *Error
			if sp.data, e = checkSize(files[sp.path], sp.name); e != nil {
				return nil, nil, e
			}
			if total += len(sp.data); total > maxBookBytes {
				return nil, nil, &Error{Err: forms.ErrLimit, Reason: fmt.Sprintf("工作簿的内容过多（解压后超过 %d MB）：请只保留要导入的工作表后再导入。", maxBookBytes>>20)}
			}
		}
		out = append(out, sp)
	}
	if len(out) == 0 {
		return nil, nil, &Error{Reason: "工作簿中没有工作表。"}
	}
	return out, b, nil
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
func mainPart(files map[string]*zip.File) string {
	var rels xmlRels
	if readXML(files, "_rels/.rels", &rels) == nil {
		for _, r := range rels.Rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				if p := partPath("", r.Target); files[p] != nil {
					return p
				}
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

func readXML(files map[string]*zip.File, name string, v any) error {
	f, ok := files[name]
	if !ok {
		return fmt.Errorf("%s: missing", name)
	}
	data, err := readAll(f, maxPartBytes)
	if err != nil {
		return err
	}
	return xml.Unmarshal(data, v)
}

// readAll reads a part of at most limit bytes uncompressed.
func readAll(f *zip.File, limit int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, errTooLarge
	}
	return data, nil
}

var errTooLarge = fmt.Errorf("part too large: %w", forms.ErrLimit)

// checkSize reads a worksheet's XML, refusing one with more rows or cells than any form has.
func checkSize(f *zip.File, name string) ([]byte, *Error) {
	if f == nil {
		return nil, &Error{Sheet: name, Reason: fmt.Sprintf("工作簿已损坏（工作表“%s”的内容缺失）：请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入。", name)}
	}
	data, err := readAll(f, maxPartBytes)
	if err != nil {
		return nil, &Error{Sheet: name, Reason: fmt.Sprintf("工作表“%s”过大（解压后超过 %d MB）或已损坏，无法读取：请删除多余的内容，或在 Excel 或 WPS 中另存为 .xlsx 后再导入。", name, maxPartBytes>>20), Err: err}
	}
	rows, cells := countCells(data)
	switch {
	case rows > maxSheetRows:
		return nil, &Error{Sheet: name, Err: forms.ErrLimit,
			Reason: fmt.Sprintf("工作表“%s”有 %d 行，%v（%d 行，比最大的自评表还多）：请删除多余的行，或把内容分到几张工作表。",
				name, rows, forms.ErrLimit, maxSheetRows)}
	case cells > int64(maxSheetCells):
		return nil, &Error{Sheet: name, Err: forms.ErrLimit,
			Reason: fmt.Sprintf("工作表“%s”的单元格太多（%d 行，右边很远处还有内容），%v：请删除表格右侧和下方多余的内容后再导入。", name, rows, forms.ErrLimit)}
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
