package xlsxin

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"ziping/forms"
	"ziping/storage"
)

// MaxFileSize is the largest file Import reads. Ziping's export of 200 projects is a few
// megabytes; a sheet at the row limit is about ten.
const MaxFileSize = 64 << 20

// Result is a file read: a new document holding what it held, and what was left out or
// guessed, and why.
type Result struct {
	// Doc is the document read. It is complete (every fixed row present, lists not nil) and
	// within forms' limits, as storage.Load would give it. Without a 单位整体绩效自评表 in the file
	// its unit form is blank, as a new document's.
	Doc *forms.Document
	// Unit is true when a 单位整体绩效自评表 was read (Ziping's own export only).
	Unit bool
	// Notes say in Chinese what was ignored or guessed, each naming its sheet, row and column.
	Notes []string
	// plain marks, by index in Doc.Projects, the projects read from plain sheets.
	plain map[int]bool
}

// Error is a file that cannot be imported. Reason says in Chinese where (sheet, row, column)
// and what to do; Sheet, Row and Col (1-based, 0 when not about one) say where for a caller.
type Error struct {
	File   string // the file's base name
	Sheet  string
	Row    int
	Col    int
	Reason string
	Err    error // the cause (forms.ErrLimit, the XML's or the system's error), or nil
}

func (e *Error) Error() string {
	if e.File == "" {
		return "无法导入文件：" + e.Reason
	}
	return fmt.Sprintf("无法导入“%s”：%s", e.File, e.Reason)
}

func (e *Error) Unwrap() error { return e.Err }

// errAt is an error about row r, column c (0-based, -1 when not about one) of sheet.
func errAt(sheetName string, r, c int, reason string, err error) *Error {
	return &Error{Sheet: sheetName, Row: r + 1, Col: c + 1, Reason: place(sheetName, r, c) + "：" + reason, Err: err}
}

// The first bytes of the formats Import recognises.
var (
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1} // OLE2 compound file: .xls, .et, an encrypted .xlsx
	zipMagic = []byte("PK")
)

// Import reads the file name (size bytes from r): an Excel workbook (.xlsx, including Ziping's
// own export) or a CSV file. Ziping's export comes back as the document it was written from,
// as far as the workbook holds it; every other sheet with an indicator table under a header
// row becomes a project form. A sheet that holds neither is left out with a note; a file
// with nothing to import, or beyond forms' limits, is an *Error naming the sheet, row and
// column. name is used for its extension and in messages only. Import never panics.
func Import(r io.ReaderAt, size int64, name string) (res *Result, err error) {
	file := baseName(name)
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, &Error{Reason: fmt.Sprintf("读取时发生内部错误（%v），请把文件发给开发者。", p)}
		}
		if e, ok := err.(*Error); ok && e.File == "" {
			e.File = file
		}
	}()
	head := make([]byte, 8)
	n, rerr := r.ReadAt(head, 0)
	head = head[:n]
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case size <= 0:
		return nil, &Error{Reason: "文件是空的。"}
	case size > MaxFileSize:
		return nil, &Error{Reason: fmt.Sprintf("文件过大（%d MB，最多 %d MB），不是自评表的工作簿。", size>>20, MaxFileSize>>20), Err: forms.ErrLimit}
	case n == 0 && rerr != nil:
		return nil, &Error{Reason: "读取失败：" + storage.SystemReason(rerr), Err: rerr}
	case bytes.HasPrefix(head, oleMagic):
		return nil, oleError(r, size, ext)
	case bytes.HasPrefix(head, zipMagic):
		return readWorkbook(r, size, file)
	case ext == ".et" || ext == ".ett":
		return nil, &Error{Reason: wpsMessage}
	case ext == ".xlsx" || ext == ".xlsm" || ext == ".xltx":
		return nil, &Error{Reason: "文件已损坏，不是有效的 Excel 工作簿：请在 Excel 或 WPS 中打开检查，另存为 .xlsx 后再导入。"}
	}
	return readText(r, size, file, ext)
}

const wpsMessage = "这是 WPS 表格文件（.et），无法直接读取：请在 WPS 中打开，“另存为” Excel 工作簿（*.xlsx）后再导入。"

// oleError says what an OLE2 compound file is: an encrypted (password-protected) .xlsx keeps
// its workbook in a stream named EncryptedPackage; else an .et of WPS, or an .xls.
func oleError(r io.ReaderAt, size int64, ext string) *Error {
	data := make([]byte, size)
	n, _ := r.ReadAt(data, 0)
	if bytes.Contains(data[:n], utf16LE("EncryptedPackage")) {
		return &Error{Reason: "工作簿设有密码（已加密），无法读取：请在 Excel 或 WPS 中打开，取消密码后另存为 .xlsx 再导入。"}
	}
	if ext == ".et" || ext == ".ett" {
		return &Error{Reason: wpsMessage}
	}
	return &Error{Reason: "这是 Excel 97-2003 工作簿（.xls，旧的二进制格式），无法直接读取：请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（*.xlsx）后再导入。"}
}

func utf16LE(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

// readShadowSheet reads the very hidden sheet Ziping's export carries (xlsxout/shadow.go), if
// parts have it, into imp before the visible sheets; a damaged one is passed over, and only a
// sheet beyond the limits fails the import.
func readShadowSheet(imp *importer, parts []sheetPart, b *book, bud *budget) error {
	for _, p := range parts {
		if p.name == shadowSheet && p.data != nil { // very hidden as exported, or shown again by a user
			s, err := parseSheet(p.data, p.name, b, bud)
			if errors.Is(err, forms.ErrLimit) {
				return sheetError(p.name, err)
			}
			if err == nil {
				if err := imp.readShadow(s); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// readWorkbook reads an .xlsx workbook: its package is checked first (sheets, sizes), then
// each visible worksheet is read in order (xmlread.go).
func readWorkbook(r io.ReaderAt, size int64, file string) (*Result, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, &Error{Reason: "文件已损坏（无法按 .xlsx 工作簿读取）：请在 Excel 或 WPS 中打开检查，另存为 .xlsx 后再导入。", Err: err}
	}
	bud := newBudget()
	parts, b, e := precheck(zr, bud)
	if e != nil {
		return nil, e
	}
	imp := newImporter(file)
	if err := readShadowSheet(imp, parts, b, bud); err != nil {
		return nil, err
	}
	var hidden []string
	for _, p := range parts {
		switch {
		case p.name == shadowSheet && (p.hidden || imp.shadow != nil):
			continue
		case p.hidden:
			hidden = append(hidden, p.name)
			continue
		case p.path == "":
			imp.note(fmt.Sprintf("“%s”不是工作表（是图表或宏表），未导入。", p.name))
			continue
		}
		s, err := parseSheet(p.data, p.name, b, bud)
		if err != nil {
			return nil, sheetError(p.name, err)
		}
		p.data = nil
		if err := imp.sheet(s); err != nil {
			return nil, err
		}
	}
	imp.noteHidden(hidden)
	return imp.finish()
}

// maxHiddenNotes is how many hidden sheets are named in the notes; the others are counted.
const maxHiddenNotes = 10

// noteHidden notes the hidden sheets left out: the first few by name, then how many more.
func (imp *importer) noteHidden(names []string) {
	for i, name := range names {
		if i == maxHiddenNotes {
			imp.note(fmt.Sprintf("另有 %d 张隐藏的工作表未导入。", len(names)-i))
			return
		}
		imp.note(fmt.Sprintf("工作表“%s”是隐藏的，未导入。", name))
	}
}

// sheetError is the refusal of a sheet that parseSheet could not read, naming the cause: rows
// below the last a form can have, the budget's cells (at the cell they ran out), its bytes or
// elements, or damage.
func sheetError(name string, err error) *Error {
	var ce *cellsError
	switch {
	case errors.Is(err, errBeyondRows):
		return &Error{Sheet: name, Err: err, Reason: fmt.Sprintf("工作表“%s”在第 %d 行以下还有内容，%v（%d 行）：请删除表格下方多余的内容后再导入。", name, maxSheetRows, forms.ErrLimit, maxSheetRows)}
	case errors.As(err, &ce) && ce.merged:
		return &Error{Sheet: name, Row: ce.row + 1, Col: ce.col + 1, Err: err, Reason: fmt.Sprintf("%s：合并单元格太多（各合并区域共超过 %d 万个单元格），%v：请取消多余的合并后再导入。", place(name, ce.row, ce.col), maxCells/10_000, forms.ErrLimit)}
	case errors.As(err, &ce):
		return &Error{Sheet: name, Row: ce.row + 1, Col: ce.col + 1, Err: err, Reason: fmt.Sprintf("%s：单元格太多（各工作表共超过 %d 万个单元格，右边或下方很远处还有内容），%v：请删除表格右侧和下方多余的内容后再导入。", place(name, ce.row, ce.col), maxCells/10_000, forms.ErrLimit)}
	case errors.Is(err, forms.ErrLimit):
		return &Error{Sheet: name, Err: err, Reason: fmt.Sprintf("工作表“%s”的内容过多（%v）：请删除多余的内容，或把工作表分到几个文件后再导入。", name, err)}
	}
	return &Error{Sheet: name, Err: err, Reason: fmt.Sprintf("工作表“%s”已损坏，无法读取（技术信息：%v）：请在 Excel 或 WPS 中打开检查，另存为 .xlsx 后再导入。", name, err)}
}

// baseName is the last element of a path, with either kind of slash.
func baseName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}
