package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"ziping/export"
	"ziping/forms"
	"ziping/storage"
	"ziping/xlsxin"
)

// importExts are the files 文件 › 导入 Excel… lists: workbooks and CSV (xlsxin.Import reads
// both, and says what to do with an .xls or .et picked anyway).
var importExts = []string{".xlsx", ".csv"}

// maxImportNotes is how many of the import's notes the preview lists; the rest are counted.
const maxImportNotes = 40

// ImportExcel is 文件 › 导入 Excel…: it asks for a workbook or CSV file, reads it off the UI
// goroutine (xlsxin.ImportFile), then shows what was found and lets the user choose 新建文档 or
// 添加到当前文档. Nothing changes before that choice; a file that cannot be imported is
// reported in Chinese and the document stays as it is.
func (w *Window) ImportExcel() {
	w.files().chooseOpenExts(w.Win, "导入 Excel", importExts, w.importFile)
}

// importFileFunc reads a file to import; tests replace it to hold an import in progress.
var importFileFunc = xlsxin.ImportFile

// importFile reads the file at path in the background, then shows the preview or the reason
// it cannot be imported.
func (w *Window) importFile(path string) {
	// A pipe or device would hold the reader forever; a missing file is xlsxin's to say.
	if err := storage.CheckRegular(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		dialog.ShowInformation("无法导入", importErrorText(err), w.Win)
		return
	}
	var res *xlsxin.Result
	var err error
	var checked importCheck
	current, cerr := snapshot(w.Doc) // read here, on the UI goroutine; checked in the background
	w.backgroundCancelable("导入 Excel", "正在读取“"+shortName(filepath.Base(path), 40)+"”，请稍候…",
		func() {
			res, err = importFileFunc(path)
			if err == nil {
				checked = checkImported(res)
				if cerr == nil {
					checked.added = checkAdded(res, current)
				}
			}
		},
		func() {
			if err != nil {
				dialog.ShowInformation("无法导入", importErrorText(err), w.Win)
				return
			}
			w.showImportPreview(filepath.Base(path), res, checked)
		})
}

// importErrorText is the message for a file that cannot be imported: xlsxin's errors are
// Chinese and name the sheet, row and column; the document is not touched.
func importErrorText(err error) string {
	var e *xlsxin.Error
	if !errors.As(err, &e) {
		err = fmt.Errorf("无法导入文件：%w", err)
	}
	return err.Error() + "\n\n当前文档没有改动。"
}

// importCheck is what forms' check finds in the forms a file held: the numbers of errors and
// warnings, and the first errors. added is the check of the same projects once added to the
// open document (nil when there are none to add).
type importCheck struct {
	errors, warnings int
	first            []string
	// projectErrors and projectWarnings are those of the project forms alone, which is what
	// added counts.
	projectErrors, projectWarnings int
	added                          *addedCheck
}

// addedCheck is what 添加到当前文档 would give: the projects are scored and checked with the
// open document's settings (严格检查, 执行率封顶, the rule for negative indicators, …), not the
// file's, so the counts may differ from the file's own; and the projects whose names are
// already those of the open document's projects.
type addedCheck struct {
	importCheck
	sameNames []string
	counted   bool // false when the projects cannot be added (too many): nothing was checked
}

// maxImportErrors is how many of the check's errors the preview names.
const maxImportErrors = 5

// checkImported checks the document read. Without a unit form in the file, the blank unit form
// and the settings the file did not hold are not counted: they are not the file's.
func checkImported(res *xlsxin.Result) (c importCheck) {
	for _, p := range forms.Evaluate(res.Doc).Problems {
		if p.Loc.Form < 0 && !res.Unit {
			continue
		}
		if p.Level != forms.LevelError {
			c.warnings++
			if p.Loc.Form >= 0 {
				c.projectWarnings++
			}
			continue
		}
		c.errors++
		if p.Loc.Form >= 0 {
			c.projectErrors++
		}
		if len(c.first) < maxImportErrors {
			c.first = append(c.first, p.String())
		}
	}
	return c
}

// checkAdded checks res's projects as 添加到当前文档 would add them to current (a copy of the open
// document, which it changes): only the added forms' problems are counted, those of the
// document's own forms being there before as after.
func checkAdded(res *xlsxin.Result, current *forms.Document) *addedCheck {
	if len(res.Doc.Projects) == 0 {
		return nil
	}
	first := len(current.Projects)
	names := map[string]bool{}
	for _, p := range current.Projects {
		names[strings.Join(strings.Fields(p.Name), "")] = true
	}
	c := &addedCheck{}
	for _, p := range res.Doc.Projects {
		if n := strings.Join(strings.Fields(p.Name), ""); n != "" && names[n] && !slices.Contains(c.sameNames, strings.TrimSpace(p.Name)) {
			c.sameNames = append(c.sameNames, strings.TrimSpace(p.Name))
		}
	}
	if _, err := res.AddTo(current); err != nil {
		return c // too many projects: 添加到当前文档 says so when chosen
	}
	c.counted = true
	for _, p := range forms.Evaluate(current).Problems {
		if p.Loc.Form < first {
			continue
		}
		if p.Level != forms.LevelError {
			c.warnings++
			continue
		}
		c.errors++
		if len(c.first) < maxImportErrors {
			c.first = append(c.first, p.String())
		}
	}
	return c
}

// showImportPreview shows what the file read holds and asks where it goes.
func (w *Window) showImportPreview(file string, res *xlsxin.Result, checked importCheck) {
	text := widget.NewLabel(importSummary(file, res, checked))
	text.Wrapping = fyne.TextWrapWord
	body := container.NewVScroll(text)
	body.SetMinSize(fyne.NewSize(680, 380))
	var d *dialog.CustomDialog
	cancel := widget.NewButton("取消", func() { d.Hide() })
	add := widget.NewButton("添加到当前文档", func() {
		d.Hide()
		w.guard("导入 Excel", func() { w.addImported(file, res) })
	})
	if len(res.Doc.Projects) == 0 {
		add.Disable() // a unit form alone: only a new document can hold it
	}
	asNew := widget.NewButton("新建文档", func() {
		d.Hide()
		w.confirmDiscard(w.guarded("导入 Excel", func() { w.showImported(res) }))
	})
	asNew.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons("导入 Excel", body, w.Win)
	d.SetButtons([]fyne.CanvasObject{cancel, add, asNew})
	d.Show()
}

// importSummary is the preview's text: the forms found with their rows, what was left out or
// guessed (naming sheet, row and column), the check's counts, and what each choice does. When
// the projects, checked with the open document's settings as 添加到当前文档 would check them,
// count otherwise than with the file's own, both counts are given; projects named as the open
// document's are pointed out.
func importSummary(file string, res *xlsxin.Result, checked importCheck) string {
	var b strings.Builder
	fmt.Fprintf(&b, "从“%s”读到：\n", file)
	if res.Unit {
		fmt.Fprintf(&b, "　· %s（%s）\n", forms.UnitFormName, shortName(strings.TrimSpace(res.Doc.Unit.Name), 30))
	}
	fmt.Fprintf(&b, "　· %d 张项目表", len(res.Doc.Projects))
	if len(res.Doc.Projects) > 0 {
		b.WriteString("：")
	}
	b.WriteString("\n")
	for i, p := range res.Doc.Projects {
		rows := 0
		p.Indicators.Each(func(forms.RowPath, *forms.Level1, *forms.Level2, *forms.Indicator) { rows++ })
		name := strings.TrimSpace(p.Name)
		if name == "" {
			name = "（未填项目名称）"
		}
		fmt.Fprintf(&b, "　　%d. %s：%d 个三级指标\n", i+1, shortName(name, 40), rows)
	}
	writeImportNotes(&b, res.Notes)
	differ := checked.added != nil && checked.added.counted && (checked.added.errors != checked.projectErrors || checked.added.warnings != checked.projectWarnings)
	if checked.errors+checked.warnings > 0 {
		check := "检查"
		if differ {
			check = "检查（按文件自己的设置，即“新建文档”时）"
		}
		fmt.Fprintf(&b, "\n%s：读到的表有 %d 个错误、%d 个警告，导入后在“检查”页逐条列出", check, checked.errors, checked.warnings)
		writeFirstErrors(&b, checked.first, checked.errors)
	}
	if a := checked.added; a != nil {
		if differ {
			fmt.Fprintf(&b, "\n添加到当前文档后按当前文档的设置（如严格检查、执行率封顶）计分，加入的项目表有 %d 个错误、%d 个警告", a.errors, a.warnings)
			writeFirstErrors(&b, a.first, a.errors)
		}
		for _, n := range a.sameNames {
			fmt.Fprintf(&b, "\n注意：项目「%s」与当前文档中的项目同名，添加后会有两张同名的项目表。", shortName(n, 40))
		}
		if len(a.sameNames) > 0 {
			b.WriteString("\n")
		}
	}
	b.WriteString("\n“新建文档”：在本窗口打开一个未命名的新文档，尚未保存（保存时询问文件名）；当前文档有未保存的修改时先询问。")
	if len(res.Doc.Projects) > 0 {
		b.WriteString("\n“添加到当前文档”：把项目表加在当前文档的项目之后（单位整体表和文档设置不变），可用“编辑 › 撤销”一步撤回。")
	} else {
		b.WriteString("\n文件中没有项目表，不能添加到当前文档。")
	}
	return b.String()
}

// writeImportNotes writes what the import left out or handled otherwise, the first
// maxImportNotes of notes and how many more.
func writeImportNotes(b *strings.Builder, notes []string) {
	n := len(notes)
	if n == 0 {
		return
	}
	fmt.Fprintf(b, "\n未导入或另行处理（%d 条）：\n", n)
	for i, note := range notes {
		if i == maxImportNotes {
			fmt.Fprintf(b, "　……另有 %d 条\n", n-i)
			break
		}
		b.WriteString("　· " + note + "\n")
	}
}

// showImported shows the document read as a new untitled document with unsaved changes, as
// 从上年复制 does: saving asks for a name, so no file is written without asking.
func (w *Window) showImported(res *xlsxin.Result) {
	w.setDocument(res.Doc, "")
	w.Dirty = true // nothing of it is on disk yet: closing asks, and a recovery copy is kept
	w.Win.SetTitle(w.title())
	w.updateStatus()
	if !res.Unit && len(w.Projects) > 0 {
		w.Tabs.Select(w.Project(0).item())
	}
}

// addImported adds the projects read after the open document's own (xlsxin.Result.AddTo): one
// step of the undo history, then the tabs are rebuilt and everything is evaluated again. The
// projects are added to a copy first: when the document would exceed forms' limits, nothing
// changes.
func (w *Window) addImported(file string, res *xlsxin.Result) {
	merged, err := snapshot(w.Doc)
	var notes []string
	if err == nil {
		notes, err = res.AddTo(merged)
	}
	if err == nil {
		if e := merged.CheckLimits(); e != nil {
			err = fmt.Errorf("加入后%w，没有加入：请只导入部分工作表，或精简文字", e)
		}
	}
	if e := (*xlsxin.Error)(nil); errors.As(err, &e) && e.File == "" {
		e.File = file
	}
	if err != nil {
		dialog.ShowInformation("无法添加", strings.TrimSuffix(err.Error(), "。")+"。\n\n当前文档没有改动。", w.Win)
		return
	}
	first := len(w.Doc.Projects)
	w.record()
	*w.Doc = *merged // the same document, as Undo does: the window's file, lock and history stay
	w.Dirty = true
	w.rebuild()
	w.Tabs.Select(w.Project(first).item())
	which := fmt.Sprintf("项目 %d", first+1)
	if n := len(w.Doc.Projects); n > first+1 {
		which += fmt.Sprintf("–%d", n)
	}
	msg := fmt.Sprintf("已添加 %d 张项目表（%s），可用“编辑 › 撤销”一步撤回。", len(w.Doc.Projects)-first, which)
	if len(notes) > 0 {
		msg += "\n\n" + strings.Join(notes, "\n")
	}
	dialog.ShowInformation("导入 Excel", msg, w.Win)
}

// templateName is the file name 导出导入模板 suggests.
const templateName = "绩效指标导入模板.xlsx"

// ExportTemplate is 文件 › 导出导入模板…: it asks where to write the fill-in workbook
// (xlsxin.Template), writes it off the UI goroutine and says how to use it.
func (w *Window) ExportTemplate() {
	w.files().chooseSave(templateName, ".xlsx", func(path string) {
		target := withExt(path, ".xlsx")
		w.confirmReplace(path, target, func() { w.exportTemplateTo(target) })
	})
}

func (w *Window) exportTemplateTo(path string) {
	var err error
	w.background("导出导入模板", "正在生成模板，请稍候…",
		func() { err = inDialog(export.Template(path)) },
		func() { w.exportTemplateDone(path, err) })
}

func (w *Window) exportTemplateDone(path string, err error) {
	if err != nil {
		dialog.ShowError(withHint(fmt.Errorf("导出导入模板失败：%w", err)), w.Win)
		return
	}
	msg := fmt.Sprintf("已导出“%s”。\n\n每个项目填一个工作表（可复制工作表“%s”）：\n"+
		"表头填项目名称和金额，每行填一个三级指标，\n一级、二级指标和运算符号可从下拉列表选择；\n"+
		"示例行不会导入。填好后用“文件 › 导入 Excel…”读入。\n\n是否打开？", shortName(filepath.Base(path), 40), xlsxin.TemplateSheet)
	w.offerOpenXLSX(path, msg)
}

// writeFirstErrors ends a preview's check line: "。" when first is empty, else the first errors
// one per line and how many more of total there are.
func writeFirstErrors(b *strings.Builder, first []string, total int) {
	if len(first) == 0 {
		b.WriteString("。\n")
		return
	}
	b.WriteString("；错误：\n")
	for _, e := range first {
		b.WriteString("　· " + e + "\n")
	}
	if total > len(first) {
		fmt.Fprintf(b, "　……另有 %d 个错误\n", total-len(first))
	}
}
