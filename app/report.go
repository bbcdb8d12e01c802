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

// ExportReport asks whether the projects go into the report's one file or each into a file of
// its own (the command line's --split), then where to write, then writes in the background.
func (w *Window) ExportReport() {
	if len(w.Doc.Projects) == 0 {
		w.chooseReport(false)
		return
	}
	var d *dialog.CustomDialog
	one := widget.NewButton("合成一个文件", func() { d.Hide(); w.chooseReport(false) })
	one.Importance = widget.HighImportance
	split := widget.NewButton("每个项目一个文件", func() { d.Hide(); w.chooseReport(true) })
	cancel := widget.NewButton("取消", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("导出自评报告", widget.NewLabel(splitQuestion), w.Win)
	d.SetButtons([]fyne.CanvasObject{cancel, split, one})
	d.Show()
}

// splitQuestion asks how the report holds the projects.
const splitQuestion = "合成一个文件：单位整体和各项目在同一个 Word 文档中，每个项目一节。\n" +
	"每个项目一个文件：单位整体一个文件，每个项目另一个文件（文件名后加“-项目N-项目名称”）。"

// chooseReport asks where to write the report (with split, the unit's file, beside which the
// projects' files go) and writes it.
func (w *Window) chooseReport(split bool) {
	name := strings.TrimSuffix(w.suggestedName(export.DocxExt), export.DocxExt) + reportSuffix + export.DocxExt
	w.files().chooseSave(name, export.DocxExt, func(path string) {
		target := withExt(path, export.DocxExt)
		confirmReplace(w.Win, path, target, func() { w.exportReportTo(target, split) })
	})
}

// exportReportTo fills the document's report template (or the built-in one) and writes the
// .docx file or files to path. A template that cannot be used is named in the error; every
// target is checked before the first is written. A project's file already there is kept as its
// .bak and the result says so.
func (w *Window) exportReportTo(path string, split bool) {
	doc, err := snapshot(w.Doc)
	if err != nil {
		dialog.ShowError(err, w.Win)
		return
	}
	tplPath, inputs := doc.Settings.ReportTemplate, w.exportInputs()
	var notes, written []string
	w.background("导出自评报告", "正在生成自评报告，请稍候…", func() {
		var tpl []byte
		if tpl, err = export.ReportTemplate(tplPath); err != nil {
			err = baseNamed(err, tplPath)
			return
		}
		parts := export.ReportParts(path, doc, split, report.Options{Template: tpl, TemplateName: tplPath})
		for _, p := range parts {
			if err = export.CheckTarget(p.Target, inputs...); err != nil {
				return
			}
		}
		for _, p := range parts {
			var note string
			if note, err = export.Report(p.Target, doc, p.Options, inputs...); err != nil {
				err = baseNamed(inDialog(err), tplPath)
				return
			}
			written = append(written, filepath.Base(p.Target))
			if note != "" {
				notes = append(notes, note)
			}
		}
	}, func() { w.exportReportDone(path, written, notes, err) })
}

func (w *Window) exportReportDone(path string, written, notes []string, err error) {
	if err != nil {
		if len(written) > 0 {
			err = fmt.Errorf("%w（已写出：%s）", err, strings.Join(written, "、"))
		}
		dialog.ShowError(withHint(fmt.Errorf("导出自评报告失败：%w", err)), w.Win)
		return
	}
	msg := fmt.Sprintf("已导出“%s”", shortName(filepath.Base(path), 40))
	if len(written) > 1 {
		msg += fmt.Sprintf("等 %d 个文件（每个项目一个）", len(written))
	}
	msg += "。\n黄色底的【请补充：……】是需要您补写的地方。"
	if len(notes) > 3 { // every project's file was there: one line, not one per project
		notes = []string{fmt.Sprintf("原有的 %d 个同名文件已各自保留为 .bak 文件。", len(notes))}
	}
	for _, n := range notes {
		msg += "\n" + n
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
