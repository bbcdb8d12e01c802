package app

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ziping/export"
	"ziping/forms"
	"ziping/storage"
	"ziping/tables"
)

// summaryName is the file name the export dialogs suggest, before the extension.
const summaryName = "部门汇总"

// summaryWindow is the 部门汇总 window: the documents of a department and its sub-units, their
// summary as a table (one row per project, as printed), and its export as PDF or Excel.
//
// chooseOpen and chooseSave are the seam for tests, as in fileUI; jobs lets a test wait for an
// export to finish.
type summaryWindow struct {
	main *Window
	Win  fyne.Window
	// Entries are the documents chosen, in order; Summary is their summary, remade on change.
	Entries []summaryEntry
	Summary *forms.Summary

	Table                  *widget.Table
	Files                  *widget.List
	Notes                  *widget.Label
	AddFile, AddCurrent    *widget.Button
	Remove                 *widget.Button
	ExportPDF, ExportExcel *widget.Button
	selected               int // the file selected in Files, or -1
	// notice says what happened to the current document's entry when the main window's
	// document was replaced (currentReplaced); shown above the notes until the next add or
	// remove.
	notice string

	cells      [][]string // the table's text, header row first (summaryCells)
	chooseOpen func(cb func(path string))
	chooseSave func(name, ext string, cb func(path string))
	jobs       sync.WaitGroup
}

// summaryEntry is one document of the summary.
type summaryEntry struct {
	// Path is the file (absolute), also for the current document when it has one, so that the
	// same unit is not added twice; "" for the unsaved current document.
	Path  string
	Label string // how the file list and the notes name it
	Doc   *forms.Document
	// Current is true for a copy of the document being edited (添加当前文档), taken when it
	// was added: a snapshot, as its label says, which later edits do not change (to take
	// them, remove it and add it again). When the main window's document is replaced, the
	// entry becomes its saved file or goes (currentReplaced).
	Current bool
}

// summaryWindows are the open 部门汇总 windows of each main window, told when its document
// is replaced (Window.leaveDocument calls summaryDocumentReplaced).
var summaryWindows = struct {
	sync.Mutex
	of map[*Window][]*summaryWindow
}{of: map[*Window][]*summaryWindow{}}

// ShowSummary opens the 部门汇总 window, where documents are added one by one (or the one
// being edited) and their summary is shown and exported.
func (w *Window) ShowSummary() { w.newSummaryWindow().Win.Show() }

func (w *Window) newSummaryWindow() *summaryWindow {
	s := &summaryWindow{main: w, Win: w.App.NewWindow("部门汇总"), selected: -1}
	dialogKeys(s.Win, nil) // Enter and Esc answer its dialogs (keyboard.go)
	s.chooseOpen, s.chooseSave = s.dialogOpen, s.dialogSave
	s.AddFile = widget.NewButtonWithIcon("添加文件…", theme.ContentAddIcon(), func() { s.chooseOpen(s.addPath) })
	s.AddCurrent = widget.NewButtonWithIcon("添加当前文档", theme.DocumentIcon(), s.addCurrent)
	s.Remove = widget.NewButtonWithIcon("移除", theme.DeleteIcon(), s.removeSelected)
	s.ExportPDF = widget.NewButtonWithIcon("导出 PDF…", theme.DocumentSaveIcon(), func() { s.export(".pdf") })
	s.ExportExcel = widget.NewButtonWithIcon("导出 Excel…", theme.DocumentSaveIcon(), func() { s.export(".xlsx") })
	s.Files = widget.NewList(func() int { return len(s.Entries) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(s.Entries[i].Label) })
	s.Files.OnSelected = func(i widget.ListItemID) { s.selected = i; s.Remove.Enable() }
	s.Files.OnUnselected = func(widget.ListItemID) { s.selected = -1; s.Remove.Disable() }
	s.Table = widget.NewTable(s.tableSize, func() fyne.CanvasObject { return widget.NewLabel("") }, s.tableCell)
	for i, width := range []float32{44, 200, 56, 150, 150, 70, 90, 44, 60, 190, 90, 44} {
		s.Table.SetColumnWidth(i, width)
	}
	s.Notes = widget.NewLabel("")
	s.Notes.Wrapping = fyne.TextWrapWord
	buttons := container.NewHBox(s.AddFile, s.AddCurrent, s.Remove, widget.NewSeparator(), s.ExportPDF, s.ExportExcel)
	files := container.NewBorder(widget.NewLabel("汇总的文档："), nil, nil, nil, s.Files)
	bottom := container.NewVScroll(s.Notes)
	bottom.SetMinSize(fyne.NewSize(0, 90))
	split := container.NewVSplit(files, container.NewBorder(nil, bottom, nil, nil, s.Table))
	split.Offset = 0.25
	s.Win.SetContent(container.NewBorder(buttons, nil, nil, nil, split))
	sizeWindow(s.Win, fyne.NewSize(1280, 700))
	s.update()
	summaryWindows.Lock()
	summaryWindows.of[w] = append(summaryWindows.of[w], s)
	summaryWindows.Unlock()
	s.Win.SetOnClosed(func() {
		summaryWindows.Lock()
		defer summaryWindows.Unlock()
		list := summaryWindows.of[w]
		if i := slices.Index(list, s); i >= 0 {
			summaryWindows.of[w] = slices.Delete(list, i, i+1)
		}
		if len(summaryWindows.of[w]) == 0 {
			delete(summaryWindows.of, w)
		}
	})
	return s
}

// summaryDocumentReplaced tells w's 部门汇总 windows that its document is being replaced by
// another (新建, 打开, 导入为新文档, …), before it is.
func (w *Window) summaryDocumentReplaced() {
	summaryWindows.Lock()
	list := slices.Clone(summaryWindows.of[w])
	summaryWindows.Unlock()
	for _, s := range list {
		s.currentReplaced()
	}
}

// currentReplaced deals with the entry of the current document when the main window's
// document is replaced: the entry named a document that is no longer being edited, and
// exporting it would print figures the user can no longer see. A document with a file becomes
// that file's entry, read again from it — what 添加文件 of it gives, the way an accountant who
// adds one unit after another with 打开 and 添加当前文档 expects to keep each; changes not
// saved are dropped from the summary as from the window. An unsaved document exists nowhere
// else, so its entry is removed. Either way the notes say what happened, and the table is
// remade.
func (s *summaryWindow) currentReplaced() {
	i := slices.IndexFunc(s.Entries, func(e summaryEntry) bool { return e.Current })
	if i < 0 {
		return
	}
	e := s.Entries[i]
	s.Entries = slices.Delete(s.Entries, i, i+1)
	s.notice = "主窗口已换成另一个文档，未保存的“当前文档”已从汇总中移除。要汇总它，请先保存，再用“添加文件…”添加。"
	if e.Path != "" {
		doc, err := storage.Load(e.Path)
		file := summaryEntry{Path: e.Path, Label: e.Path, Doc: doc}
		switch {
		case err != nil:
			s.notice = fmt.Sprintf("主窗口已换成另一个文档，“当前文档”已从汇总中移除：无法重新读取它的文件（%v）。", err)
		case s.sameUnit(file) != "":
			s.notice = "主窗口已换成另一个文档，“当前文档”已从汇总中移除：" + s.sameUnit(file)
		default:
			s.Entries = slices.Insert(s.Entries, i, file)
			s.notice = fmt.Sprintf("主窗口已换成另一个文档，“当前文档”已换成它保存的文件“%s”的内容（未保存的修改，如有，不计入）。", e.Path)
		}
	}
	s.Files.UnselectAll()
	s.selected = -1
	s.update()
}

// addPath adds the document at path; a file that cannot be read, or one already added (also
// as the current document), is reported and left out.
func (s *summaryWindow) addPath(path string) {
	path = summaryAbsPath(path)
	if msg := s.already(path, false); msg != "" {
		dialog.ShowInformation("部门汇总", msg, s.Win)
		return
	}
	doc, err := storage.Load(path)
	if err != nil {
		dialog.ShowError(err, s.Win)
		return
	}
	e := summaryEntry{Path: path, Label: path, Doc: doc}
	if msg := s.sameUnit(e); msg != "" {
		dialog.ShowInformation("部门汇总", msg, s.Win)
		return
	}
	s.Entries = append(s.Entries, e)
	s.notice = ""
	s.update()
}

// sameUnit says why e cannot be added when it is the same unit as an entry (the same name and
// year, forms.SameUnitAs), naming both; "" when it is another unit.
func (s *summaryWindow) sameUnit(e summaryEntry) string {
	in := forms.SummaryInput{Source: e.Label, Doc: e.Doc}
	inputs := s.inputs()
	if i := forms.SameUnitAs(inputs, in); i >= 0 {
		return forms.NewSameUnitError(inputs[i], in).Error()
	}
	return ""
}

// addCurrent adds a copy of the document being edited, as it is now (saved or not), unless it
// is in the summary already, as the current document or as its file: a unit counted twice
// would double the totals unseen.
func (s *summaryWindow) addCurrent() {
	path := ""
	if s.main.Path != "" {
		path = summaryAbsPath(s.main.Path)
	}
	if msg := s.already(path, true); msg != "" {
		dialog.ShowInformation("部门汇总", msg, s.Win)
		return
	}
	doc, err := snapshot(s.main.Doc)
	if err != nil {
		dialog.ShowError(err, s.Win)
		return
	}
	label := "当前文档（添加时的内容，未保存）"
	if s.main.Path != "" {
		label = "当前文档（添加时的内容）：" + s.main.Path
	}
	e := summaryEntry{Path: path, Label: label, Doc: doc, Current: true}
	if msg := s.sameUnit(e); msg != "" {
		dialog.ShowInformation("部门汇总", msg, s.Win)
		return
	}
	s.Entries = append(s.Entries, e)
	s.notice = ""
	s.update()
}

// already says why the document at path (absolute, or "" for an unsaved one) cannot be added,
// current telling whether it is the current document; "" when it can. A file is the same as
// an entry's by any spelling of its path or any link to it (export.Duplicate, os.SameFile),
// as on the command line.
func (s *summaryWindow) already(path string, current bool) string {
	paths := make([]string, len(s.Entries))
	for i, e := range s.Entries {
		if current && e.Current {
			return "当前文档已在汇总中。要换成它现在的内容，请先在列表中移除它，再添加。"
		}
		paths[i] = e.Path
	}
	switch i := export.Duplicate(paths, path); {
	case i < 0:
		return ""
	case s.Entries[i].Current:
		return fmt.Sprintf("“%s”已作为当前文档在汇总中。", filepath.Base(path))
	case s.Entries[i].Path != path:
		return fmt.Sprintf("“%s”与已在汇总中的“%s”是同一个文档。", path, s.Entries[i].Path)
	}
	return fmt.Sprintf("“%s”已在汇总中。", filepath.Base(path))
}

// summaryAbsPath is path made absolute, so that the list names each file fully; path itself
// when that fails.
func summaryAbsPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// removeSelected drops the document selected in the file list.
func (s *summaryWindow) removeSelected() {
	if s.selected < 0 || s.selected >= len(s.Entries) {
		return
	}
	s.Entries = append(s.Entries[:s.selected], s.Entries[s.selected+1:]...)
	s.notice = ""
	s.Files.UnselectAll()
	s.selected = -1
	s.update()
}

// update remakes the summary from the entries and shows it.
func (s *summaryWindow) update() {
	s.Summary = forms.NewSummary(s.inputs())
	s.cells = summaryCells(s.Summary)
	notes := summaryNotes(s.Summary)
	if s.notice != "" {
		notes = s.notice + "\n\n" + notes
	}
	s.Notes.SetText(notes)
	for _, b := range []*widget.Button{s.ExportPDF, s.ExportExcel} {
		if len(s.Entries) == 0 {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if s.selected < 0 {
		s.Remove.Disable()
	}
	s.Files.Refresh()
	s.Table.Refresh()
}

// inputs are the entries as the summary's inputs, named by their labels.
func (s *summaryWindow) inputs() []forms.SummaryInput {
	inputs := make([]forms.SummaryInput, len(s.Entries))
	for i, e := range s.Entries {
		inputs[i] = forms.SummaryInput{Source: e.Label, Doc: e.Doc}
	}
	return inputs
}

// summaryNotes is what the notes label says: the summary's notes, or how to start.
func summaryNotes(sum *forms.Summary) string {
	if len(sum.Units) == 0 {
		return "用“添加文件…”选择部门及所属单位的自评文档（每次一个），或用“添加当前文档”加入正在编辑的文档。"
	}
	if len(sum.Notes) == 0 {
		return "所有单位的预算数和执行数都已填写。"
	}
	text := "注意："
	for i, n := range sum.Notes {
		text += fmt.Sprintf("\n%d. %s", i+1, n)
	}
	return text
}

// summaryCells are the table's rows: the summary's table (tables.BuildSummary) as a table
// without spans shows it. One header row names each column by the lowest header label over it,
// on one line; then a row per project, a unit's own cells on its first row (blank below, as
// they span its rows); then 合计, its label in two columns. Every figure is forms' own, printed
// as forms prints it.
func summaryCells(sum *forms.Summary) [][]string {
	t := tables.BuildSummary(sum)
	grid := tables.SummaryGrid(t, tables.SumBandTable)
	head := t.Bands[tables.SumBandTable].Header
	names := make([]string, tables.SumCols)
	for c := range names {
		for r := head - 1; r >= 0 && names[c] == ""; r-- {
			names[c] = strings.ReplaceAll(grid[r][c], "\n", "")
		}
	}
	return append([][]string{names}, grid[head:]...)
}

func (s *summaryWindow) tableSize() (int, int) { return len(s.cells), tables.SumCols }

func (s *summaryWindow) tableCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Truncation = fyne.TextTruncateEllipsis
	l.TextStyle.Bold = id.Row == 0 || id.Row == len(s.cells)-1
	l.SetText(s.cells[id.Row][id.Col])
}

// Cell is the text the table shows at row, col (row 0 is the header); for tests.
func (s *summaryWindow) Cell(row, col int) string { return s.cells[row][col] }

// Rows is the number of rows of the table, header and 合计 included.
func (s *summaryWindow) Rows() int { return len(s.cells) }

// export asks where to write the summary as ext (".pdf" or ".xlsx") and writes it in the
// background, then offers to open it.
func (s *summaryWindow) export(ext string) {
	if len(s.Entries) == 0 {
		return
	}
	sum := s.Summary // never changed once made: update makes a new one
	var inputs []string
	for _, e := range s.Entries {
		if e.Path != "" {
			inputs = append(inputs, e.Path)
		}
	}
	s.chooseSave(summaryName+ext, ext, func(path string) {
		target := withExt(path, ext)
		s.confirmReplace(path, target, func() {
			var res *export.Result
			var err error
			s.background(func() { res, err = export.Summary(target, export.Format(ext), sum, inputs...); err = inDialog(err) },
				func() { s.exportDone(target, res, err) })
		})
	})
}

func (s *summaryWindow) exportDone(path string, res *export.Result, err error) {
	if err != nil {
		dialog.ShowError(withHint(fmt.Errorf("导出部门汇总失败：%w", err)), s.Win)
		return
	}
	msg := fmt.Sprintf("已导出“%s”。", filepath.Base(path)) + listedWarnings(res.Warnings, "照原样写入") + "\n\n是否打开？"
	s.main.offerOpen(s.Win, path, msg, func(err error) error {
		return fmt.Errorf("无法打开“%s”（%v），请自行打开该文件。", path, err)
	})
}

// background runs work off the UI goroutine under a progress dialog on the summary window,
// then done on the UI goroutine.
func (s *summaryWindow) background(work, done func()) {
	runBackground(s.Win, &s.jobs, "部门汇总", "正在导出，请稍候…", work, done)
}

// confirmReplace is Window.confirmReplace on the summary window.
func (s *summaryWindow) confirmReplace(chosen, target string, do func()) {
	confirmReplace(s.Win, chosen, target, do)
}

// dialogOpen is the real chooseOpen: the main window's open dialog, on the summary window,
// titled as the button that shows it.
func (s *summaryWindow) dialogOpen(cb func(path string)) {
	s.main.dialogOpenExts(s.Win, "添加文件", []string{forms.FileExt}, cb)
}

// dialogSave is the real chooseSave: the main window's save dialog, on the summary window.
func (s *summaryWindow) dialogSave(name, ext string, cb func(path string)) {
	s.main.dialogSaveOn(s.Win, name, ext, cb)
}
