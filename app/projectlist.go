package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// projectList is 项目列表 (toolbar, 视图 › 转到项目…, Ctrl+G): a list of every form of the
// document over the window, as WPS lists a workbook's sheets from the button left of its sheet
// tabs: 单位整体表 and 检查与得分 (always there, whatever the search) and each project with its
// total and grade or 未完成. Typing in its search field keeps the projects whose number or name
// holds the text; Enter goes to the first of them, a click to any. With 60 projects only five
// tabs fit in the tab bar and the rest hide in its "…" menu. A pane beside the tabs was tried:
// at the default window width the forms leave it under 200 px, and a 1024-px screen none.
type projectList struct {
	w *Window
	// Search narrows the list to the projects whose number or name holds its text; Enter goes
	// to the first of them, Esc closes the list, ↓ goes into it.
	Search *searchEntry
	List   *navList
	Found  *widget.Label // how many projects the search keeps
	Add    *widget.Button
	popUp  *widget.PopUp

	rows     []int       // the forms listed: rowUnit, rowChecks, then project indexes
	statuses [][2]string // the name and status of each row as last shown
}

// The first two rows of the list.
const (
	rowUnit   = -1
	rowChecks = -2
)

func newProjectList(w *Window) *projectList {
	n := &projectList{w: w, Found: widget.NewLabel("")}
	n.Search = newSearchEntry(n)
	n.List = newNavList(n)
	n.Found.Truncation = fyne.TextTruncateEllipsis
	n.Add = widget.NewButtonWithIcon("添加项目", theme.ContentAddIcon(), func() { n.hide(); w.AddProject() })
	closeButton := widget.NewButton("关闭（Esc）", n.hide)
	top := container.NewVBox(heading("项目列表"), n.Search, n.Found)
	content := container.NewBorder(top, container.NewHBox(n.Add, layout.NewSpacer(), closeButton), nil, nil, n.List)
	n.popUp = widget.NewPopUp(content, w.Win.Canvas())
	return n
}

// newNavRow is a row of the list: an icon (the two fixed rows), the name, the status.
func newNavRow() fyne.CanvasObject {
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, widget.NewIcon(nil), widget.NewLabel(""), name)
}

func (n *projectList) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(n.rows) {
		return
	}
	box := o.(*fyne.Container)
	name, status := box.Objects[0].(*widget.Label), box.Objects[2].(*widget.Label)
	icon := box.Objects[1].(*widget.Icon)
	text, state, imp := n.describe(n.rows[id])
	switch n.rows[id] {
	case rowUnit:
		icon.SetResource(theme.HomeIcon())
	case rowChecks:
		icon.SetResource(theme.ConfirmIcon())
	default:
		icon.SetResource(nil)
	}
	name.TextStyle.Bold = n.rows[id] == n.currentForm() // the form on screen
	name.SetText(text)
	status.Importance = imp
	status.SetText(state)
}

// describe is the name and status of a row: a total and grade, 未完成, or the problem counts.
func (n *projectList) describe(r int) (name, status string, imp widget.Importance) {
	ev, doc := n.w.Eval, n.w.Doc
	switch {
	case ev == nil || doc == nil:
		return "", "", widget.MediumImportance
	case r == rowUnit:
		status = pending(ev.Unit.TotalText())
		if ev.Unit.Complete {
			status += " " + ev.Unit.Rating()
		}
		if ev.Unit.NotStarted {
			status = "未填写"
		}
		return "单位整体表", status, importance(ev.Unit.Complete || ev.Unit.NotStarted)
	case r == rowChecks:
		status, imp = checksStatus(n.w.Problems)
		return "检查与得分", status, imp
	case r < len(doc.Projects) && r < len(ev.Projects):
		p, res := doc.Projects[r], ev.Projects[r]
		title := strings.TrimSpace(p.Name)
		if title == "" {
			title = "未命名项目"
		}
		status = "未完成"
		switch {
		case res.Complete:
			status = res.TotalShown() + " " + res.Rating()
		case res.NotStarted:
			status = "未填写"
		}
		return fmt.Sprintf("%d  %s", r+1, title), status, importance(res.Complete || res.NotStarted)
	}
	return "", "", widget.MediumImportance
}

// checksStatus is the status of the row 检查与得分: the count of errors, else of warnings.
func checksStatus(problems []forms.Problem) (string, widget.Importance) {
	errs, warns := forms.Counts(problems)
	switch {
	case errs > 0:
		return fmt.Sprintf("错误 %d", errs), widget.DangerImportance
	case warns > 0:
		return fmt.Sprintf("警告 %d", warns), widget.MediumImportance
	}
	return "无问题", widget.MediumImportance
}

// importance shows 未完成 in the warning colour.
func importance(complete bool) widget.Importance {
	if complete {
		return widget.MediumImportance
	}
	return widget.WarningImportance
}

// matches reports whether project i (named name) is one the search text q asks for: its number
// or name holds q, letters in either case.
func matches(i int, name, q string) bool {
	q = strings.ToLower(strings.TrimSpace(q))
	return q == "" || strings.Contains(strings.ToLower(fmt.Sprintf("%d %s", i+1, name)), q)
}

// update lists the forms again (after a search, or when projects come or go) and shows the
// row of the selected tab.
func (n *projectList) update() {
	doc := n.w.Doc
	if doc == nil {
		return
	}
	rows := []int{rowUnit, rowChecks}
	for i, p := range doc.Projects {
		if matches(i, p.Name, n.Search.Text) {
			rows = append(rows, i)
		}
	}
	n.rows = rows
	n.statuses = nil
	found := len(rows) - 2
	switch {
	case strings.TrimSpace(n.Search.Text) == "":
		n.Found.SetText(fmt.Sprintf("共 %d 个项目", len(doc.Projects)))
	case found == 0:
		n.Found.SetText(fmt.Sprintf("没有找到（共 %d 个项目）", len(doc.Projects)))
	default:
		n.Found.SetText(fmt.Sprintf("找到 %d 个（共 %d 个项目）", found, len(doc.Projects)))
	}
	n.List.Refresh()
}

// refresh shows the new totals and problem counts, refreshing the list only when a row's
// text changed (Fyne lays out every row in view at each refresh of a list).
func (n *projectList) refresh() {
	if !n.popUp.Visible() {
		return // show lists the forms afresh
	}
	if len(n.rows) != 2+countMatches(n.w.Doc, n.Search.Text) {
		n.update()
		return
	}
	now := make([][2]string, len(n.rows))
	for i, r := range n.rows {
		name, status, _ := n.describe(r)
		now[i] = [2]string{name, status}
	}
	if !equalStatuses(now, n.statuses) {
		n.statuses = now
		n.List.Refresh()
	}
}

func countMatches(doc *forms.Document, q string) int {
	k := 0
	for i, p := range doc.Projects {
		if matches(i, p.Name, q) {
			k++
		}
	}
	return k
}

func equalStatuses(a, b [][2]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// selected shows the form of row id and closes the list.
func (n *projectList) selected(id widget.ListItemID) {
	n.List.UnselectAll()
	if id < 0 || id >= len(n.rows) {
		return
	}
	n.hide()
	n.w.showForm(n.rows[id])
}

// showForm selects the tab of form r (rowUnit, rowChecks or a project index).
func (w *Window) showForm(r int) {
	switch {
	case r == rowUnit:
		w.selectTab(0)
	case r == rowChecks:
		w.selectTab(len(w.Projects) + 1)
	case r >= 0 && r < len(w.Projects):
		w.selectTab(r + 1)
	}
}

// goFirst shows the first project the search keeps (Enter in the search field).
func (n *projectList) goFirst() {
	if len(n.rows) > 2 {
		n.hide()
		n.w.showForm(n.rows[2])
	}
}

// currentForm is the form of the selected tab (rowUnit, rowChecks or a project index).
func (n *projectList) currentForm() int {
	switch sel := n.w.Tabs.SelectedIndex(); {
	case sel == len(n.w.Projects)+1:
		return rowChecks
	case sel > 0:
		return sel - 1
	}
	return rowUnit
}

// current is the row of the selected tab, -1 when the search leaves it out.
func (n *projectList) current() int {
	want := n.currentForm()
	for id, r := range n.rows {
		if r == want {
			return id
		}
	}
	return -1
}

// navList is the list of forms: ↑ and ↓ move, Enter (or Space) goes to the form, Esc closes.
type navList struct {
	widget.List
	n *projectList
}

func newNavList(n *projectList) *navList {
	l := &navList{n: n}
	l.Length = func() int { return len(n.rows) }
	l.CreateItem, l.UpdateItem = newNavRow, n.updateRow
	l.OnSelected = n.selected
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey adds Enter and Esc to Fyne's list keys.
func (l *navList) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // selects the row with the keyboard focus
	case fyne.KeyEscape:
		l.n.hide()
	default:
		l.List.TypedKey(k)
	}
}

// searchEntry is the list's search field: Enter goes to the first project found, Esc closes
// the list, ↓ moves into it (navList).
type searchEntry struct {
	widget.Entry
	n *projectList
}

func newSearchEntry(n *projectList) *searchEntry {
	e := &searchEntry{n: n}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder("搜索项目：名称或序号，回车转到第一个")
	e.ActionItem = widget.NewIcon(theme.SearchIcon())
	e.OnChanged = func(string) { n.update() }
	e.OnSubmitted = func(string) { n.goFirst() }
	return e
}

// maxSearchRunes is the longest search text: project names are single-line fields.
const maxSearchRunes = maxLineRunes

// TypedShortcut refuses a paste longer than any project name could be (pastecap.go).
func (e *searchEntry) TypedShortcut(s fyne.Shortcut) {
	if pasteTooLong(&e.Entry, s, maxSearchRunes) {
		e.n.Found.SetText(fmt.Sprintf("剪贴板中的文字超过 %d 个字，没有粘贴到搜索栏。", maxSearchRunes))
		return
	}
	e.Entry.TypedShortcut(s)
}

// TypedKey closes the list on Esc and moves into it on ↓; other keys edit the text.
func (e *searchEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		e.n.hide()
	case fyne.KeyDown:
		e.n.w.Win.Canvas().Focus(e.n.List)
	default:
		e.Entry.TypedKey(k)
	}
}

// goItems are the 视图 menu's ways to another form: 检查与得分, 转到项目… (Ctrl+G), the previous
// and next tab (Ctrl+PgUp, Ctrl+PgDn, as between Excel's sheets). Menu shortcuts work while a
// field has the focus.
func (w *Window) goItems(checks *fyne.MenuItem) []*fyne.MenuItem {
	checks.Label = "检查与得分"
	find := fyne.NewMenuItem("转到项目…", w.findProject)
	find.Shortcut = shortcut(fyne.KeyG, false)
	find.Icon = theme.ListIcon()
	prev := fyne.NewMenuItem("上一个表", func() { w.stepTab(-1) })
	prev.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyPageUp, Modifier: fyne.KeyModifierShortcutDefault}
	next := fyne.NewMenuItem("下一个表", func() { w.stepTab(1) })
	next.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyPageDown, Modifier: fyne.KeyModifierShortcutDefault}
	return []*fyne.MenuItem{checks, find, prev, next, fyne.NewMenuItemSeparator()}
}

// stepTab shows the tab by (±1) from the selected one, stopping at the first and the last.
func (w *Window) stepTab(by int) {
	if n := len(w.Tabs.Items); n > 0 {
		w.selectTab(min(max(w.Tabs.SelectedIndex()+by, 0), n-1))
	}
}

// findProject is 项目列表 and 转到项目… (Ctrl+G): the list opens over the window with the
// selected form's row in view, and its search field gets the focus with its text selected, to
// be typed over.
func (w *Window) findProject() { w.Nav.show() }

// show opens the list below the toolbar, as tall as the window allows.
func (n *projectList) show() {
	c := n.w.Win.Canvas()
	size := c.Size()
	n.update()
	n.popUp.Resize(fyne.NewSize(min(480, size.Width-40), max(200, size.Height-160)))
	n.popUp.ShowAtPosition(fyne.NewPos(20, 90))
	c.Focus(n.Search)
	n.Search.TypedShortcut(&fyne.ShortcutSelectAll{})
	if cur := n.current(); cur >= 0 {
		n.List.ScrollTo(cur)
	}
}

func (n *projectList) hide() { n.popUp.Hide() }

// projectsButton is the toolbar's 项目列表.
func (w *Window) projectsButton() fyne.CanvasObject {
	b := widget.NewButtonWithIcon("项目列表", theme.ListIcon(), w.findProject)
	b.Importance = widget.LowImportance
	return b
}
