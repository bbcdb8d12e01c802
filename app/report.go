package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"ziping/export"
	"ziping/report"
)

// The 自评报告 draft from the window: 文件 › 导出自评报告… writes it as the other exports are
// written (the save dialog, confirmReplace, a background job, export.Report), and 文档设置 holds
// the choice of its template (Settings.ReportTemplate). The report itself is package report's.

// reportSuffix ends the suggested name of a report: "抚顺社保2021-自评报告.docx".
const reportSuffix = "-自评报告"

// ExportReport asks where to write the 自评报告 draft, then writes it in the background.
func (w *Window) ExportReport() {
	name := strings.TrimSuffix(w.suggestedName(export.DocxExt), export.DocxExt) + reportSuffix + export.DocxExt
	w.files().chooseSave(name, export.DocxExt, func(path string) {
		target := withExt(path, export.DocxExt)
		confirmReplace(w.Win, path, target, func() { w.exportReportTo(target) })
	})
}

// exportReportTo fills the document's report template (or the built-in one) and writes the
// .docx to path. A template that cannot be used is named in the error.
func (w *Window) exportReportTo(path string) {
	doc, err := snapshot(w.Doc)
	if err != nil {
		dialog.ShowError(err, w.Win)
		return
	}
	tplPath, inputs := doc.Settings.ReportTemplate, w.exportInputs()
	var note string
	w.background("导出自评报告", "正在生成自评报告，请稍候…", func() {
		var tpl []byte
		if tpl, err = export.ReportTemplate(tplPath); err == nil {
			note, err = export.Report(path, doc, report.Options{Template: tpl, TemplateName: tplPath}, inputs...)
		}
		err = baseNamed(inDialog(err), tplPath)
	}, func() { w.exportReportDone(path, note, err) })
}

func (w *Window) exportReportDone(path, note string, err error) {
	if err != nil {
		dialog.ShowError(withHint(fmt.Errorf("导出自评报告失败：%w", err)), w.Win)
		return
	}
	msg := fmt.Sprintf("已导出“%s”。\n黄色底的【请补充：……】是需要您补写的地方。", shortName(filepath.Base(path), 40))
	if note != "" {
		msg += "\n" + note
	}
	w.offerOpen(w.Win, path, msg+"\n\n是否打开？", func(err error) error {
		return fmt.Errorf("无法打开“%s”：%w。请用 Word 或 WPS 打开它", filepath.Base(path), err)
	})
}

// baseNamed is err with the template's path written as its base name, as the window's messages
// name files (the command line gives the whole path).
func baseNamed(err error, path string) error {
	if err == nil || path == "" || !strings.Contains(err.Error(), path) {
		return err
	}
	return errors.New(strings.ReplaceAll(err.Error(), path, filepath.Base(path)))
}

// reportChoice is the 自评报告模板 item of 文档设置: the template in use, 选择… and 恢复默认.
// Its fields are handles for tests.
type reportChoice struct {
	w       *Window
	Current *widget.Label
	Choose  *widget.Button
	Reset   *widget.Button
}

// reportTemplateItem builds the item, showing the document's template.
func (u *unitTab) reportTemplateItem() *widget.FormItem {
	r := &reportChoice{w: u.w, Current: widget.NewLabel("")}
	r.Choose = widget.NewButton("选择…", r.choose)
	r.Reset = widget.NewButton("恢复默认", func() { r.set("") })
	r.show()
	u.Report = r
	item := widget.NewFormItem("自评报告模板", container.NewBorder(nil, nil, nil, container.NewHBox(r.Choose, r.Reset), r.Current))
	item.HintText = "导出自评报告时填写的 Word 模板；可用命令 ziping report-template 得到内置模板修改"
	return item
}

// show writes the template in use into the label and enables 恢复默认 only for a chosen one.
func (r *reportChoice) show() {
	p := r.w.Doc.Settings.ReportTemplate
	if p == "" {
		r.Current.SetText("内置模板")
		r.Reset.Disable()
		return
	}
	r.Current.SetText(shortName(filepath.Base(p), 40))
	r.Reset.Enable()
}

// choose asks for a .docx and keeps it when it can be filled; a file that is not a .docx or
// names unknown placeholders is refused here, by name, rather than at the next export.
func (r *reportChoice) choose() {
	r.w.files().chooseOpenExts(r.w.Win, "选择自评报告模板", []string{export.DocxExt}, func(path string) {
		if _, err := export.ReportTemplate(path); err != nil {
			dialog.ShowError(baseNamed(err, path), r.w.Win)
			return
		}
		r.set(path)
	})
}

// set makes path the document's report template as one step of 撤销.
func (r *reportChoice) set(path string) {
	if r.w.Doc.Settings.ReportTemplate == path {
		return
	}
	r.w.record()
	r.w.Doc.Settings.ReportTemplate = path
	r.w.Dirty = true
	r.w.changed()
	r.show()
}

// reportMenuItem is 文件 › 导出自评报告….
func (w *Window) reportMenuItem() *fyne.MenuItem {
	return fyne.NewMenuItem("导出自评报告…", w.guarded("导出自评报告", w.ExportReport))
}
