package app

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
	"ziping/storage"
)

// CopyFromLastYear is 文件 › 从上年复制…: after asking about unsaved changes, as 新建 and 打开 do,
// it asks for last year's document and shows this year's, made from it by forms.NextYear, as a
// new untitled document with unsaved changes. Last year's file is only read.
func (w *Window) CopyFromLastYear() {
	w.confirmDiscard(func() { w.files().chooseOpen(w.copyFromLastYear) })
}

// copyFromLastYear starts from the file at path and tells the user what was carried over, or
// why the file could not be used (the current document then stays as it was). When last year's
// document lists 佐证材料, it first asks whether to keep their names and kinds (askEvidence).
func (w *Window) copyFromLastYear(path string) {
	last, err := loadLastYear(path)
	if err != nil {
		dialog.ShowError(err, w.Win)
		return
	}
	if n := forms.EvidenceCount(last); n > 0 {
		w.askEvidence(n, func(keep bool) { w.copyFrom(last, path, forms.NextYearOptions{KeepEvidence: keep}) })
		return
	}
	w.copyFrom(last, path, forms.NextYearOptions{})
}

// copyFrom shows next year's document made from last (read from path) with opt, and says what
// was carried over.
func (w *Window) copyFrom(last *forms.Document, path string, opt forms.NextYearOptions) {
	if err := w.startFrom(last, path, opt); err != nil {
		dialog.ShowError(err, w.Win)
		return
	}
	summary := widget.NewLabel(nextYearSummary(filepath.Base(path), w.Doc.Settings.Year, opt.KeepEvidence))
	dialog.ShowCustom("从上年复制", "确定", summary, w.Win)
}

// askEvidence asks whether the n 佐证材料 of last year are kept as a checklist (names and
// kinds) or cleared, the default (forms.NextYear), and calls then with the answer; not on 取消.
func (w *Window) askEvidence(n int, then func(keep bool)) {
	keep := widget.NewCheck("保留材料名称和类型，作为本年的材料清单（页数、电子文件清空）", nil)
	text := widget.NewLabel(fmt.Sprintf("上年的文档列有 %d 项佐证材料。\n这些材料证明的是上年的完成情况，默认不带到新年度。", n))
	dialog.ShowCustomConfirm("从上年复制：佐证材料", "复制", "取消", container.NewVBox(text, keep), func(ok bool) {
		if ok {
			then(keep.Checked)
		}
	}, w.Win)
}

// loadLastYear reads last year's document at path.
func loadLastYear(path string) (*forms.Document, error) {
	last, err := storage.Load(path)
	if err != nil {
		return nil, fmt.Errorf("从上年复制：%w", err)
	}
	return last, nil
}

// startFromLastYear shows next year's document made from the document at path with the
// default choices.
func (w *Window) startFromLastYear(path string) error {
	last, err := loadLastYear(path)
	if err != nil {
		return err
	}
	return w.startFrom(last, path, forms.NextYearOptions{})
}

// startFrom shows next year's document made from last (read from path): untitled, so that
// saving asks for a new name and last year's file is never overwritten, and marked unsaved.
// When last cannot be copied, the window is left as it is.
func (w *Window) startFrom(last *forms.Document, path string, opt forms.NextYearOptions) error {
	doc, err := forms.NextYearWith(last, opt)
	if err != nil {
		return fmt.Errorf("无法从“%s”复制：%w", filepath.Base(path), err)
	}
	w.setDocument(doc, "")
	w.Dirty = true // nothing of it is on disk yet: closing asks, and a recovery copy is kept
	w.Win.SetTitle(w.title())
	w.updateStatus()
	return nil
}

// nextYearSummary says what 从上年复制 kept, cleared and advanced (forms.NextYear's table, in
// the words of the forms), in lines short enough not to wrap: Fyne's labels wrap Chinese text
// only at spaces and would leave a lone "。" on a line.
func nextYearSummary(file, year string, keepEvidence bool) string {
	if r := []rune(file); len(r) > 40 {
		file = string(r[:39]) + "…"
	}
	kept, cleared := "", "\n　· 佐证材料清单"
	if keepEvidence {
		kept, cleared = "\n　· 佐证材料的名称和类型", "\n　· 佐证材料的页数和电子文件"
	}
	return fmt.Sprintf(`已根据“%s”
建立%s年度的新文档，尚未保存；上年的文件没有改动。

保留：
　· 单位信息、签字人
　· 项目名称、主管部门、实施单位
　· 年度主要任务，绩效目标的年初设定目标
　· 各级指标，三级指标的运算符号、内容、度量单位、指标值和分值%s
清空：
　· 全部金额（年初预算数、全年预算数、全年执行数）
　· 全年完成值、完成程度、得分、评价等级
　· 未完成原因、原因说明、改进措施，目标的完成情况，填报日期%s
改为%s年：年度，一年期项目的实施期（跨年度项目的实施期不变）

请核对财政供养人员数量等单位信息和各项指标值，填写本年的金额后保存。`, file, year, kept, cleared, year)
}
