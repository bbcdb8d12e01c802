package xlsxin

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"

	"ziping/forms"
)

// The parts of a workbook's package other than its sheets are read as its sheets are: one
// streaming pass, every element counted against the budget (budget.go), so that a list of a
// million sheets or of 25 million cell formats costs the budget, not the file's claim.

// part reads a part of the package, unpacked, from the budget: beyond maxPartBytes it is
// errTooLarge, beyond what is left of the book's bytes errBytes; a part whose header says so
// is refused before anything is unpacked.
func (bud *budget) part(f *zip.File) ([]byte, error) {
	limit := min(maxPartBytes, max(bud.bytes, 0))
	tooLarge := errTooLarge
	if limit < maxPartBytes {
		tooLarge = errBytes
	}
	if f.UncompressedSize64 > uint64(limit) {
		return nil, tooLarge
	}
	data, err := readAll(f, int64(limit))
	if errors.Is(err, errTooLarge) {
		return nil, tooLarge
	}
	if err != nil {
		return nil, err
	}
	return data, bud.read(len(data))
}

// partNamed reads the part name of files from the budget.
func (bud *budget) partNamed(files map[string]*zip.File, name string) ([]byte, error) {
	f, ok := files[name]
	if !ok {
		return nil, fmt.Errorf("%s: missing", name)
	}
	return bud.part(f)
}

// errTooLarge is a part beyond maxPartBytes.
var errTooLarge = &overError{fmt.Sprintf("解压后超过 %d MB", maxPartBytes>>20)}

// scan reads data element by element, each counted against the budget: start sees each
// element started, end (if not nil) the local name of each ended.
func (bud *budget) scan(data []byte, start func(xml.StartElement) error, end func(string)) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := bud.element(); err != nil {
				return err
			}
			if err := start(t); err != nil {
				return err
			}
		case xml.EndElement:
			if end != nil {
				end(t.Name.Local)
			}
		}
	}
}

// wbSheet is a sheet as workbook.xml lists it.
type wbSheet struct {
	name, state, rid string
}

// xmlWorkbook is what workbook.xml says of the sheets: their list and the date system.
type xmlWorkbook struct {
	date1904 bool
	sheets   []wbSheet
}

// errSheets is a workbook listing more than maxSheets sheets.
var errSheets = &overError{fmt.Sprintf("工作表超过 %d 张", maxSheets)}

// readWorkbookPart reads workbook.xml.
func (bud *budget) readWorkbookPart(files map[string]*zip.File, name string) (*xmlWorkbook, error) {
	data, err := bud.partNamed(files, name)
	if err != nil {
		return nil, err
	}
	wb := &xmlWorkbook{}
	err = bud.scan(data, func(t xml.StartElement) error {
		switch t.Name.Local {
		case "workbookPr":
			v := attr(t, "date1904")
			wb.date1904 = v == "1" || v == "true"
		case "sheet":
			if len(wb.sheets) >= maxSheets {
				return errSheets
			}
			wb.sheets = append(wb.sheets, wbSheet{name: attr(t, "name"), state: attr(t, "state"), rid: attr(t, "id")})
		}
		return nil
	}, nil)
	return wb, err
}

// rel is a relationship of a part: its type and its target.
type rel struct {
	id, typ, target string
}

// readRels reads a relationships part, in order.
func (bud *budget) readRels(files map[string]*zip.File, name string) ([]rel, error) {
	data, err := bud.partNamed(files, name)
	if err != nil {
		return nil, err
	}
	var rels []rel
	err = bud.scan(data, func(t xml.StartElement) error {
		if t.Name.Local == "Relationship" {
			rels = append(rels, rel{id: attr(t, "Id"), typ: attr(t, "Type"), target: attr(t, "Target")})
		}
		return nil
	}, nil)
	return rels, err
}

// errStyles is a styles.xml with more cell formats than Excel allows.
var errStyles = &overError{fmt.Sprintf("单元格格式超过 %d 个（Excel 的上限）", maxStyles)}

// readStyles reads the cell formats of styles.xml: each one's number format and alignment.
func (bud *budget) readStyles(data []byte) ([]xf, error) {
	codes := map[int]string{}
	var xfs []xfRead
	inCellXfs := false
	err := bud.scan(data, func(t xml.StartElement) error {
		switch t.Name.Local {
		case "numFmt":
			if id, err := strconv.Atoi(attr(t, "numFmtId")); err == nil {
				codes[id] = attr(t, "formatCode")
			}
		case "cellXfs":
			inCellXfs = true
		case "xf":
			if !inCellXfs {
				break
			}
			if len(xfs) >= maxStyles {
				return errStyles
			}
			xfs = append(xfs, xfRead{id: atoi(attr(t, "numFmtId"))})
		case "alignment":
			if inCellXfs && len(xfs) > 0 && attr(t, "horizontal") == "left" {
				xfs[len(xfs)-1].left = true
			}
		}
		return nil
	}, func(name string) {
		if name == "cellXfs" {
			inCellXfs = false
		}
	})
	if err != nil {
		return nil, err
	}
	return resolveFormats(xfs, codes), nil
}

// xfRead is a cell format as styles.xml writes it: its number format's ID, and whether it
// aligns left.
type xfRead struct {
	id   int
	left bool
}

// resolveFormats gives each cell format its number format: the workbook's own code of its ID
// (codes), else Excel's built-in one, which for some IDs is a date.
func resolveFormats(xfs []xfRead, codes map[int]string) []xf {
	out := make([]xf, len(xfs))
	for i, x := range xfs {
		code, ok := codes[x.id]
		if !ok {
			code = builtinFormats[x.id]
		}
		out[i] = xf{code: code, date: !ok && builtinDate(x.id), left: x.left}
	}
	return out
}

// partReason is the message about a part of the package that cannot be read: what names
// it ("工作表目录"); too large when the budget ran out, else damaged.
func partReason(what string, err error) string {
	if errors.Is(err, forms.ErrLimit) {
		return fmt.Sprintf("工作簿的%s过大（%v）：请在 Excel 或 WPS 中删除多余的内容（工作表、格式、文字），另存为 .xlsx 后再导入。", what, err)
	}
	return fmt.Sprintf("工作簿已损坏（无法读取%s）：请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入。", what)
}
