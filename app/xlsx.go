package app

import (
	"fmt"
	"path/filepath"

	"ziping/export"
	"ziping/forms"
)

// exportKind is what the window's exports of the document differ in: the format, its name in
// the dialogs' titles and errors, the progress text, the message once written, and the error
// when the system's program for it cannot open the file.
type exportKind struct {
	format   export.Format
	name     string
	progress string
	written  func(path string, res *export.Result) string
	unopened func(path string, err error) error
}

// pdfExport is 导出 PDF: the official tables.
var pdfExport = exportKind{format: export.PDF, name: "PDF", progress: "正在生成 PDF，请稍候…",
	written: func(path string, res *export.Result) string {
		return fmt.Sprintf("已导出“%s”（%s）。", filepath.Base(path), res.Size()) + exportNotes(res.Notes) + warningNote(res.Warnings)
	},
	unopened: func(path string, err error) error {
		return fmt.Errorf("没有打开 PDF 阅读器（%v）。文件保存在“%s”，请用 PDF 阅读器打开。", err, path)
	},
}

// xlsxExport is 导出 Excel: one sheet per form, computed cells as formulas.
var xlsxExport = exportKind{format: export.XLSX, name: "Excel", progress: "正在生成 Excel 文件，请稍候…",
	written: func(path string, res *export.Result) string {
		return fmt.Sprintf("已导出“%s”（%s，每张表一个）。\n\n小计、执行率、得分和总分是公式，可在 Excel 或 WPS 中核对。",
			filepath.Base(path), res.Size()) + exportNotes(res.Notes) + listedWarnings(res.Warnings, "按原样写入 Excel")
	},
	unopened: xlsxUnopened,
}

// ExportXLSX asks where to write the workbook (one sheet per form, computed cells as formulas)
// and writes it in the background.
func (w *Window) ExportXLSX() { w.exportFrom(w.Win, w.askSave, xlsxExport) }

// xlsxUnopened is the error when no program opened the workbook at path.
func xlsxUnopened(path string, err error) error {
	return fmt.Errorf("无法打开“%s”（%v），请用 Excel 或 WPS 打开。", path, err)
}

// offerOpenXLSX shows msg (ending in a question whether to open it) after a workbook was written
// to path, with 打开 (the system's program for .xlsx) and 关闭.
func (w *Window) offerOpenXLSX(path, msg string) {
	w.offerOpen(w.Win, path, msg, func(err error) error { return xlsxUnopened(path, err) })
}

// listedWarnings names, in an export's result dialog, the texts the file could not hold as
// typed, at most three; could says what ("按原样写入 Excel").
func listedWarnings(warnings []forms.Problem, could string) string {
	if len(warnings) == 0 {
		return ""
	}
	note := fmt.Sprintf("\n\n注意：有 %d 处文字无法%s：", len(warnings), could)
	for i, p := range warnings {
		if i == 3 {
			note += "\n……"
			break
		}
		note += "\n" + p.String()
	}
	return note
}
