package app

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2/dialog"

	"ziping/export"
)

// ExportXLSX asks where to write the workbook (one sheet per form, computed cells as formulas)
// and writes it in the background.
func (w *Window) ExportXLSX() {
	w.files().chooseSave(w.suggestedName(".xlsx"), ".xlsx", func(path string) {
		target := withExt(path, ".xlsx")
		w.confirmReplace(path, target, func() { w.exportXLSXTo(target) })
	})
}

// exportXLSXTo writes the workbook of a copy of the document to path off the UI goroutine,
// then reports the result; the document's own file is the export's input, as for the PDF.
func (w *Window) exportXLSXTo(path string) {
	doc, err := snapshot(w.Doc)
	if err != nil {
		dialog.ShowError(err, w.Win)
		return
	}
	inputs := w.exportInputs()
	var res *export.Result
	w.background("导出 Excel", "正在生成 Excel 文件，请稍候…",
		func() { res, err = export.Document(path, export.XLSX, doc, inputs...); err = inDialog(err) },
		func() { w.exportXLSXDone(path, res, err) })
}

func (w *Window) exportXLSXDone(path string, res *export.Result, err error) {
	if err != nil {
		dialog.ShowError(withHint(fmt.Errorf("导出 Excel 失败：%w", err)), w.Win)
		return
	}
	msg := fmt.Sprintf("已导出“%s”（%s，每张表一个）。\n\n小计、执行率、得分和总分是公式，可在 Excel 或 WPS 中核对。",
		filepath.Base(path), res.Size()) + exportNotes(res.Notes)
	if n := len(res.Warnings); n > 0 {
		msg += fmt.Sprintf("\n\n注意：有 %d 处文字无法按原样写入 Excel：", n)
		for i, p := range res.Warnings {
			if i == 3 {
				msg += "\n……"
				break
			}
			msg += "\n" + p.String()
		}
	}
	w.offerOpenXLSX(path, msg+"\n\n是否打开？")
}

// offerOpenXLSX shows msg (ending in a question whether to open it) after a workbook was written
// to path, with 打开 (the system's program for .xlsx) and 关闭.
func (w *Window) offerOpenXLSX(path, msg string) {
	d := dialog.NewConfirm("导出完成", msg, func(open bool) {
		if !open {
			return
		}
		w.openInBackground(path, func(err error) {
			dialog.ShowError(fmt.Errorf("无法打开“%s”（%v），请用 Excel 或 WPS 打开。", path, err), w.Win)
		})
	}, w.Win)
	d.SetConfirmText("打开")
	d.SetDismissText("关闭")
	d.Show()
}
