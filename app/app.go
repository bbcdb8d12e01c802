// Package app is the Fyne user interface of 绩效自评: the window, the tab of each form, the
// editors, the check list and the dialogs. It shows and edits a forms.Document; every figure
// it shows comes from forms.Evaluate, never from arithmetic of its own, and the document is
// never read back out of widget text.
package app

import (
	"fmt"
	"image"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"ziping/export"
	"ziping/forms"
)

// AppName is the product name shown in window titles.
const AppName = "绩效自评"

// Window is the main window: the document, its file, and the tabs that edit it.
type Window struct {
	App  fyne.App
	Win  fyne.Window
	Doc  *forms.Document
	Path string // the file the document was opened from or saved to; "" when untitled
	// Dirty is true when the document has changes that are not saved.
	Dirty bool
	// Eval is the evaluation of the document after the last change.
	Eval *forms.Evaluation
	// Problems are Eval's problems plus the characters the PDF cannot print.
	Problems []forms.Problem
	marks    map[forms.Location]forms.Problem // the problem shown on each field
	// unprintable holds the warnings of export.UnprintableIn per form: [0] the unit form, [i+1]
	// project i; a change re-checks only the form it is in.
	unprintable [][]forms.Problem
	hist        history // 撤销/重做 of structural changes
	textRunes   int     // characters of the document's fields together (forms.MaxTextRunes)
	// saved is the document as last opened or saved, form by form, for Dirty (saved.go).
	saved savedState

	// ReadOnlyFrom is the file a newer program saved, shown read-only: saving asks for a new name.
	ReadOnlyFrom string
	// Version is the program's version, shown in 帮助 › 关于 (Options.Version); "" or "dev" in
	// development builds and tests.
	Version string
	// Renderer names the OpenGL drawing the window when it is not the graphics driver's (on
	// Windows "软件渲染（Mesa）", internal/platform/mesa_windows.go), shown in 关于; "" otherwise.
	Renderer string

	recoveryKeys   map[string]bool // recovery copies this window wrote or restored
	recoveryDialog dialog.Dialog   // the restore question, when one is showing
	fileState      *fileUI         // the file commands' dialogs, prompts, saves and lock (files.go)
	previewWin     *previewWindow  // the open 打印预览 window (preview.go)
	helpWin        *helpWindow     // the open 帮助 window (helpwindow.go)
	evidence       *evidenceDialog // the open 佐证材料 dialog (evidence.go)

	// deferUnit: the unit tab's lower sections wait for the first frame (Launch only).
	deferUnit  bool
	content    fyne.CanvasObject // the window's content: toolbar, tabs, status bar
	afterFirst func()            // what Launch undoes after the first frame

	Tabs     *tabBar
	Unit     *unitTab
	Projects []*projectTab
	Checks   *checkTab
	Status   *widget.Label

	// Nav is 项目列表, every form with a search field, over the window (projectlist.go).
	Nav   *projectList
	stage *stage        // shows the selected tab's content below the tab bar (tabswitch.go)
	built []*projectTab // the project tabs with editors, the one shown last at the end
	// walkAll is true while focusStep walks the fields: the parts of a form out of view are in
	// the canvas tree for it (virt.go).
	walkAll bool
}

// tab is a part of the window that shows part of the document and follows its changes.
type tab interface {
	item() *container.TabItem
	refresh(ev *forms.Evaluation, marks map[forms.Location]forms.Problem)
}

// New opens the main window of a with a new document. Call Open to show a file instead.
func New(a fyne.App) *Window {
	w := newWindow(a, false)
	w.start("")
	return w
}

// NewForFile opens the main window showing the document at path. When the file cannot be read
// the window shows a new document and says why; the file is left untouched.
func NewForFile(a fyne.App, path string) *Window {
	w := newWindow(a, false)
	w.start(path)
	return w
}

// Options are what main tells the window about the program.
type Options struct {
	// Version is the version release builds stamp with -ldflags (the Makefile); "dev" otherwise.
	Version string
	// Screen is the screen's usable size in pixels and ScreenScale the system's part of
	// Fyne's scale there (internal/platform's WorkArea); zero when not known. Windows are
	// made to fit it (fit.go).
	Screen      fyne.Size
	ScreenScale float32
	// Renderer: see Window.Renderer.
	Renderer string
}

// Launch opens the main window as the program starts, showing the file at path (a new document
// when path is ""). It is New or NewForFile with a quicker first frame (measured in docs/DEVELOPING.md):
//   - the window is created (~90 ms of OpenGL set-up) while the fonts are parsed;
//   - the garbage collector waits for the first frame (parsing the fonts makes ~120 MB of
//     short-lived objects; collecting them on two cores slowed the start by ~50 ms);
//   - the unit tab's sections below the 收支 table are built just after the first frame is on
//     screen (see unitTab.ensure).
func Launch(a fyne.App, path string, opts Options) *Window {
	screenArea, screenScale = opts.Screen, opts.ScreenScale
	gc := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(1 << 30) // with the collector off, it still runs at 1 GiB
	w := newWindow(a, true)
	w.Version = opts.Version
	w.Renderer = opts.Renderer
	w.deferUnit = true
	fallback := time.AfterFunc(firstFrameFallback, func() { fyne.Do(w.firstFrame) })
	w.afterFirst = func() {
		fallback.Stop()
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	}
	w.start(path)
	quitOnSignal()
	return w
}

// firstFrameFallback is how long Launch waits for a first frame before it builds the rest and
// turns the garbage collector back on anyway (a window that is never drawn, e.g. minimised).
var firstFrameFallback = 2 * time.Second

// start shows path (or a new document) and offers the recovery copies left by a crash, once
// any question about path is answered.
func (w *Window) start(path string) {
	var tell func(next func())
	if path != "" {
		tell = w.openFile(path)
	}
	if w.Doc == nil {
		w.setDocument(forms.NewDocument(defaultYear()), "")
	}
	// The content goes into the window once the tabs are built: inside the window, building
	// them would lay out and refresh the tab bar again.
	w.Win.SetContent(w.content)
	if tell != nil {
		tell(w.offerRecovery) // why the file cannot be shown, or whether to open it
		return
	}
	w.offerRecovery()
}

// firstFrame runs on the UI goroutine once the window has drawn its first frame.
func (w *Window) firstFrame() {
	if w.afterFirst != nil {
		w.afterFirst()
		w.afterFirst = nil
	}
	if w.deferUnit {
		w.deferUnit = false
		w.guard("显示单位整体表", w.Unit.ensure)
	}
}

// frameProbe is a transparent pixel in the status bar: Fyne generates a raster's image while it
// draws a frame, so the first call tells that a frame is being drawn; firstFrame then runs
// after it, from the event queue.
func (w *Window) frameProbe() fyne.CanvasObject {
	var once sync.Once
	r := canvas.NewRaster(func(width, height int) image.Image {
		once.Do(func() { go fyne.Do(w.firstFrame) })
		return image.NewNRGBA(image.Rect(0, 0, width, height))
	})
	r.SetMinSize(fyne.NewSize(1, 1))
	return r
}

// newWindow builds the window around an empty tab bar; setDocument fills it. show shows the
// window before its content is built (Launch).
func newWindow(a fyne.App, show bool) *Window {
	setupLanguage()
	a.Settings().SetTheme(NewTheme(a.Preferences().Bool(prefDark)))
	a.SetIcon(appIcon) // packaged builds carry it too; `go build` binaries would show Fyne's
	fontsLoaded := loadFonts()
	w := &Window{App: a, Win: a.NewWindow(AppName), recoveryKeys: map[string]bool{}}
	w.Win.SetMaster() // closing it (after the unsaved-changes question) closes 打印预览 and 部门汇总 too
	sizeWindow(w.Win, fyne.NewSize(1280, 820))
	if show {
		w.Win.Show()
	}
	fontsLoaded()
	w.Status = widget.NewLabel("")
	w.Status.Truncation = fyne.TextTruncateEllipsis // never wider than the window
	w.Tabs = newTabBar()
	w.Tabs.CreateTab = func() *container.TabItem { w.AddProject(); return nil }
	w.Tabs.CloseIntercept = w.closeTab
	w.Tabs.Closable = func(it *container.TabItem) bool { return w.projectOf(it) >= 0 }
	w.Tabs.ShowAll = func() { w.findProject() }
	w.Tabs.OnSelected = func(*container.TabItem) { w.showSelected() }
	status := container.NewBorder(nil, nil, nil, w.frameProbe(), w.Status)
	w.stage = newStage()
	w.Nav = newProjectList(w)
	body := container.NewBorder(w.Tabs, nil, nil, nil, w.stage)
	w.content = container.NewBorder(w.toolbar(), container.NewVBox(widget.NewSeparator(), status), nil, nil, body)
	w.Win.SetMainMenu(w.menu())
	w.addShortcuts()
	w.Win.SetCloseIntercept(w.closeRequested)
	return w
}

// setDocument shows doc (read from path, "" when new) in freshly built tabs.
func (w *Window) setDocument(doc *forms.Document, path string) {
	w.leaveDocument() // the previous document was saved or deliberately discarded
	w.Doc, w.Path, w.Dirty, w.ReadOnlyFrom = doc, path, false, ""
	w.markSaved()
	w.rebuildTabs(0)
}

// rebuild builds every tab from the document, keeping the selected tab when it still exists and,
// when it is a form's, where it was scrolled to (after 撤销 it shows the same form).
func (w *Window) rebuild() { w.rebuildTabs(-1) }

// rebuildTabs builds every tab from the document and shows tab show with its top in view, or,
// when show is -1, the tab that was selected: the same form where it was scrolled to (the last
// project's tab when the selected project is gone), the check tab when it was shown.
func (w *Window) rebuildTabs(show int) {
	w.closeStaleEvidence()
	sel := w.Tabs.SelectedIndex()
	wasForm, wasChecks := sel >= 0 && sel <= len(w.Projects), sel == len(w.Projects)+1
	var offset fyne.Position
	var size fyne.Size
	if s := w.scrollOf(sel); wasForm && s != nil {
		offset, size = s.Offset, s.Size()
	}
	w.Unit = newUnitTab(w)
	if !w.deferUnit {
		w.Unit.buildRest() // evaluate, below, shows the figures
	}
	w.Projects, w.built = nil, nil
	w.stage.forget()
	items := []*container.TabItem{w.Unit.item()}
	for i := range w.Doc.Projects {
		p := newProjectTab(w, i)
		w.Projects = append(w.Projects, p)
		items = append(items, p.item())
	}
	w.Checks = newCheckTab(w)
	items = append(items, w.Checks.item())
	// Evaluated before a tab is selected: selecting builds a project tab's editors, which show
	// the figures of w.Eval.
	w.evaluate()
	switch {
	case show >= 0:
		sel, wasForm = show, false
	case wasChecks:
		sel = len(items) - 1
	case wasForm && sel > len(w.Projects):
		sel = len(w.Projects) // an undone 添加项目: the last project's tab, not 检查与得分
	}
	w.Tabs.SetItems(items)
	w.Unit.attach(w.Win.Content() == w.content)
	if sel >= 0 && sel < len(items) {
		w.selectTab(sel)
	} else {
		w.showSelected()
	}
	if s := w.scrollOf(w.Tabs.SelectedIndex()); wasForm && s != nil && size.Height > 0 {
		s.Offset = offset
		s.Resize(size) // lays the content out, so that the offset is kept within it
	}
}

// scrollOf is the scroll of tab i's form (0 the unit form, i project i-1), nil for the check
// tab or a project tab not built yet.
func (w *Window) scrollOf(i int) *container.Scroll {
	switch {
	case i == 0 && w.Unit != nil:
		return w.Unit.Scroll
	case i >= 1 && i <= len(w.Projects):
		return w.Projects[i-1].Scroll
	}
	return nil
}

// changed is called after a change that may touch any form (structure, settings, a new
// document): everything is recomputed.
func (w *Window) changed() { w.changedIn(forms.AllForms) }

// changedIn is called by an editor after it has written the user's input into form (-1 the
// unit form, i project i, or forms.AllForms): only that form is recomputed and refreshed, so
// the work per key does not grow with the number of projects.
func (w *Window) changedIn(form int) {
	w.noteChange(form) // unsaved unless back to the saved document
	w.guard("重新计算", func() { w.evaluateIn(form) })
}

// evaluate recomputes the document and refreshes every figure, mark, the status bar and title.
func (w *Window) evaluate() { w.evaluateIn(forms.AllForms) }

// evaluateIn recomputes form (or every form) and refreshes what shows it: the form's tab, the
// marks, the check tab (when shown), the status bar and the title.
func (w *Window) evaluateIn(form int) {
	w.Eval = forms.Reevaluate(w.Doc, w.Eval, form)
	if form == forms.AllForms {
		w.textRunes = w.Doc.TextRunes() // after a paste, an undo or another document
	}
	if form == forms.AllForms || len(w.unprintable) != len(w.Doc.Projects)+1 {
		w.unprintable = make([][]forms.Problem, len(w.Doc.Projects)+1)
		for f := -1; f < len(w.Doc.Projects); f++ {
			w.unprintable[f+1], _ = export.UnprintableIn(w.Doc, w.Eval, f) // the fonts are built in
		}
	} else {
		w.unprintable[form+1], _ = export.UnprintableIn(w.Doc, w.Eval, form)
	}
	w.Problems = append(slices.Clip(w.Eval.Problems), export.MergeUnprintable(w.unprintable)...)
	marks := make(map[forms.Location]forms.Problem, len(w.Problems))
	for _, p := range w.Problems {
		if old, ok := marks[p.Loc]; !ok || (old.Level == forms.LevelWarning && p.Level == forms.LevelError) {
			marks[p.Loc] = p
		}
	}
	w.marks = marks
	for i, t := range w.tabs() {
		// tabs() lists the unit tab, the projects, then the check tab.
		if form == forms.AllForms || i == form+1 || i > len(w.Projects) {
			t.refresh(w.Eval, marks)
		}
	}
	w.updateStatus()
	w.Nav.refresh()
	w.Win.SetTitle(w.title())
	w.previewChanged() // an open print preview redraws after a pause
}

func (w *Window) tabs() []tab {
	out := []tab{w.Unit}
	for _, p := range w.Projects {
		out = append(out, p)
	}
	return append(out, w.Checks)
}

// title is "名称.zpb* - 绩效自评": the file name, and a star while there are unsaved changes.
func (w *Window) title() string {
	name := "未命名"
	switch {
	case w.Path != "":
		name = filepath.Base(w.Path)
	case w.ReadOnlyFrom != "":
		name = filepath.Base(w.ReadOnlyFrom) + w.readOnlyNote()
	}
	if w.Dirty {
		name += " *"
	}
	return forms.Shown(name) + " - " + AppName // a file name's control or bidi characters shown escaped
}

func (w *Window) updateStatus() {
	w.Status.SetText(statusText(w.Doc, w.Eval, w.Problems, w.Dirty))
}

// statusText is the one line of the status bar: the unit's total, the projects' lowest total
// (or how many are not complete), the problem counts and whether there are unsaved changes.
// Its length does not grow with the number of projects; the check tab lists every form.
func statusText(doc *forms.Document, ev *forms.Evaluation, problems []forms.Problem, dirty bool) string {
	var parts []string
	switch u := ev.Unit; {
	case u.NotStarted:
		parts = append(parts, "单位整体表未填写")
	case u.Complete:
		parts = append(parts, fmt.Sprintf("单位总评价得分 %s（%s）", u.TotalText(), u.Rating()))
	default:
		parts = append(parts, "单位总评价得分 未完成")
	}
	if n := len(doc.Projects); n > 0 {
		lowest, open := -1, 0
		for i, r := range ev.Projects {
			switch {
			case r.NotStarted: // 未填写, not 未完成 (forms.NotStarted)
			case !r.Complete:
				open++
			case lowest < 0 || r.Total.LessThan(ev.Projects[lowest].Total):
				lowest = i
			}
		}
		s := fmt.Sprintf("项目 %d 个", n)
		if lowest >= 0 {
			r := ev.Projects[lowest]
			s += fmt.Sprintf("，最低 %s %s（%s）", shortName(forms.ProjectFormName(lowest, doc.Projects[lowest]), 24), r.TotalText(), r.Rating())
		}
		if open > 0 {
			s += fmt.Sprintf("，未完成 %d 个", open)
		}
		parts = append(parts, s)
	}
	errs, warns := forms.Counts(problems)
	parts = append(parts, fmt.Sprintf("错误 %d　警告 %d", errs, warns))
	if dirty {
		parts = append(parts, "未保存")
	}
	return strings.Join(parts, "　｜　")
}

// shortName cuts name to at most n characters, ending in "…".
func shortName(name string, n int) string {
	r := []rune(name)
	if len(r) <= n {
		return name
	}
	return string(r[:n-1]) + "…"
}

// AddProject appends a project form, shows its tab and marks the document changed.
func (w *Window) AddProject() *projectTab {
	if err := w.Doc.AddProjectError(); err != nil {
		dialog.ShowInformation("无法添加项目", err.Error()+"。", w.Win)
		return nil
	}
	w.record()
	w.Doc.AddProject()
	w.Dirty = true
	w.guard("添加项目", func() { w.rebuildTabs(len(w.Doc.Projects)) })
	return w.Project(len(w.Projects) - 1)
}

// Project returns the tab of project i with its editors built.
func (w *Window) Project(i int) *projectTab { return w.Projects[i].ensure() }

// RemoveProject removes project i (after the user confirmed) and rebuilds the tabs.
func (w *Window) RemoveProject(i int) {
	w.record()
	w.Doc.RemoveProject(i)
	w.Dirty = true
	w.rebuildTabs(min(i+1, len(w.Doc.Projects))) // the next project's tab, from its top
}

// closeTab asks before a project tab's × removes the project; the unit form and the check tab
// have no × (tabbar.go).
func (w *Window) closeTab(item *container.TabItem) {
	for i, p := range w.Projects {
		if p.item() == item {
			name := forms.ProjectFormName(i, w.Doc.Projects[i])
			dialog.ShowConfirm("删除项目", "确定从文档中删除"+name+"吗？该项目表的全部内容都会删除。", func(ok bool) {
				if ok {
					w.RemoveProject(i)
				}
			}, w.Win)
			return
		}
	}
}

// projectOf is the index of the project whose tab is item, or -1.
func (w *Window) projectOf(item *container.TabItem) int {
	for i, p := range w.Projects {
		if p.item() == item {
			return i
		}
	}
	return -1
}

// ShowAndRun shows the window, starts the autosave of recovery copies and runs the
// application until it quits.
func (w *Window) ShowAndRun() {
	w.startAutosave()
	w.Win.ShowAndRun()
}
