package app

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// checkTab lists the scores of every form and every problem of the document; choosing a
// problem goes to its field. Both lists scroll and show only the rows in view, so the tab
// opens quickly and keeps the window's size whatever the number of projects. The problems
// can be narrowed to one level and one form (checkfilter.go).
type checkTab struct {
	w       *Window
	tab     *container.TabItem
	content fyne.CanvasObject // the tab's content while it is shown (tabswitch.go)
	Scores  *widget.List      // one row per form
	// Problems lists the problems the filter lets through, three lines at most each; choosing
	// one goes to its field. A new list replaces it whenever its rows' heights change.
	Problems *widget.List
	Count    *widget.Label
	// Level and Form narrow the problem list (checkfilter.go).
	Level, Form *widget.Select

	stale bool       // the document changed since the tab was last shown
	rows  [][]string // the score table's rows on display
	texts []string   // the text of every problem of w.Problems
	filter
	formChoices    []int      // the form of each choice of Form
	settingChoices bool       // the drop-downs' choices are being set: no OnChanged
	shown          []int      // the problems listed: indexes into w.Problems
	lines          [][]string // the lines of each listed problem, broken as Chinese text is
	// fitWidth is the list width the problem rows were broken for (0: not yet).
	fitWidth float32
	heights  []float32 // the height of each listed problem's row
	fit      *fyne.Container
}

var scoreWeights = []float32{6, 1.2, 1.2, 1.2, 1, 1.4}

// problemLines is how many lines of a problem's text the list shows; a longer text ends in "…".
const problemLines = 3

func newCheckTab(w *Window) *checkTab {
	c := &checkTab{w: w, Count: heading(""), filter: allProblems}
	c.Scores = widget.NewList(func() int { return len(c.rows) }, c.newScoreRow, c.updateScoreRow)
	c.Scores.OnSelected = func(id widget.ListItemID) {
		c.Scores.UnselectAll()
		switch {
		case id >= 0 && id <= len(c.w.Projects):
			c.w.Tabs.Select(c.w.tabs()[id].item())
		case id < len(c.rows): // 文档设置: its first problem's field
			for _, p := range c.w.Problems {
				if !ofForm(p, len(c.w.Projects)) {
					c.w.GoTo(p.Loc)
					return
				}
			}
		}
	}
	header := row(scoreWeights, head("表"), head("C"), head("D"), head("总得分"), head("等级"), head("问题"))
	scores := container.NewBorder(container.NewVBox(heading("各表得分"), header), nil, nil, nil, c.Scores)
	c.Problems = c.newProblemList()
	c.fit = container.New(&fitLayout{c: c}, c.Problems)
	top := container.NewVBox(widget.NewSeparator(), c.Count, c.filterBar())
	problems := container.NewBorder(top, nil, nil, nil, c.fit)
	split := container.NewVSplit(scores, problems)
	split.Offset = 0.45
	c.content = split
	c.tab = container.NewTabItemWithIcon("检查与得分", theme.ConfirmIcon(), placeholder())
	return c
}

func (c *checkTab) item() *container.TabItem { return c.tab }

func (c *checkTab) newScoreRow() fyne.CanvasObject {
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis // a long project name never widens the window
	cells := []fyne.CanvasObject{name}
	for range 5 {
		cells = append(cells, centred(""))
	}
	return row(scoreWeights, cells...)
}

func (c *checkTab) updateScoreRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(c.rows) {
		return
	}
	for j, obj := range o.(*fyne.Container).Objects {
		obj.(*widget.Label).SetText(c.rows[id][j])
	}
}

// newProblemList is an empty list of the problems c.shown: its rows are one line tall until
// relist sets their heights, which Fyne's list does cheaply only before it is first drawn (each
// later change lays every row in view out again).
func (c *checkTab) newProblemList() *widget.List {
	l := widget.NewList(func() int { return len(c.shown) }, newProblemRow, c.updateProblemRow)
	l.OnSelected = func(id widget.ListItemID) {
		l.UnselectAll()
		if id >= 0 && id < len(c.shown) && c.shown[id] < len(c.w.Problems) {
			c.w.GoTo(c.w.Problems[c.shown[id]].Loc)
		}
	}
	return l
}

// newProblemRow is a problem's row: the level's icon and the text, broken into lines by relist
// (the label itself never wraps; it would break at the last space, as English is), clear of
// the list's scroll bar.
func newProblemRow() fyne.CanvasObject {
	text := widget.NewLabel("")
	text.Truncation = fyne.TextTruncateEllipsis // should a line be measured short
	bar := canvas.NewRectangle(color.Transparent)
	bar.SetMinSize(fyne.NewSize(theme.ScrollBarSize(), 0))
	return container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(nil)), bar, text)
}

func (c *checkTab) updateProblemRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(c.shown) || id >= len(c.lines) || c.shown[id] >= len(c.w.Problems) {
		return
	}
	box := o.(*fyne.Container)
	var icon fyne.Resource = theme.NewWarningThemedResource(theme.WarningIcon())
	if c.w.Problems[c.shown[id]].Level == forms.LevelError {
		icon = theme.NewErrorThemedResource(theme.ErrorIcon())
	}
	for _, obj := range box.Objects {
		switch v := obj.(type) {
		case *widget.Label:
			v.SetText(strings.Join(c.lines[id], "\n"))
		case *fyne.Container:
			v.Objects[0].(*widget.Icon).SetResource(icon)
		}
	}
}

// refresh updates the check tab. The tab is rebuilt only when it is shown and its content has
// changed: rebuilding on every keystroke elsewhere would slow typing down.
func (c *checkTab) refresh(ev *forms.Evaluation, _ map[forms.Location]forms.Problem) {
	c.stale = true
	if c.w.Tabs.Selected() == c.tab {
		c.show()
	}
}

// show updates the scores and the problem list if they changed since they were last shown.
func (c *checkTab) show() {
	if !c.stale {
		return
	}
	c.stale = false
	ev := c.w.Eval
	counts := problemCounts(c.w.Problems, len(c.w.Doc.Projects))
	name := forms.UnitFormName
	if n := strings.TrimSpace(c.w.Doc.Unit.Name); n != "" {
		name += "（" + n + "）"
	}
	unit := []string{name, "——", "——", pending(ev.Unit.TotalText()), pending(ev.Unit.Rating()), counts[0]}
	switch {
	case ev.Unit.NotFilled:
		unit = []string{forms.UnitFormName, "——", "——", "未填写", "不导出", counts[0]}
	case ev.Unit.NotStarted:
		unit = []string{name, "——", "——", "未填写", "——", counts[0]}
	}
	rows := [][]string{unit}
	for i, p := range c.w.Doc.Projects {
		r := ev.Projects[i]
		row := []string{forms.ProjectFormName(i, p), pending(r.CText()), dashIfEmpty(r.DText()),
			pending(r.TotalShown()), pending(r.Rating()), counts[i+1]}
		if r.NotStarted {
			row = []string{forms.ProjectFormName(i, p), "——", "——", "未填写", "——", counts[i+1]}
		}
		rows = append(rows, row)
	}
	if doc := counts[len(counts)-1]; doc != "" {
		rows = append(rows, []string{settingsRowName, "——", "——", "——", "——", doc})
	}
	c.rows = rows
	c.Scores.Refresh()
	texts := make([]string, len(c.w.Problems))
	for i, p := range c.w.Problems {
		texts[i] = p.String()
	}
	c.updateFilterChoices()
	if slices.Equal(texts, c.texts) && slices.Equal(c.shown, c.filtered()) {
		c.updateCount()
		return
	}
	c.texts = texts
	c.relist(true)
}

// fitLayout gives the problem list all its space and, when its width changes, breaks the
// problems into lines again (relist).
type fitLayout struct{ c *checkTab }

func (f *fitLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (f *fitLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size.Width != f.c.fitWidth {
		f.c.fitWidth = size.Width
		f.c.relist(true)
	}
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
}

// relist lists the problems the filter lets through, each broken into lines for the list's
// width (fitWidth) as Chinese text is broken, at most problemLines of them, in a row as tall
// as its lines: the heights are counted, not measured on a laid-out label. keep keeps the
// list scrolled where it was (a new width, an edit), else it starts at the top (a new filter).
func (c *checkTab) relist(keep bool) {
	c.shown = c.filtered()
	c.updateCount()
	c.lines, c.heights = nil, nil
	if c.fitWidth > 0 {
		// the text's width: the list's, less the icon, the room kept for the scroll bar, the
		// padding between them and the label and the label's inner padding on both sides
		// (newProblemRow); one pixel more for rounding.
		pad, inner := theme.Padding(), theme.InnerPadding()
		textW := c.fitWidth - theme.IconInlineSize() - 2*pad - theme.ScrollBarSize() - 2*inner - 1
		m := widthsFor(theme.TextSize(), fyne.TextStyle{})
		tall := lineHeights(problemLines)
		c.lines = make([][]string, len(c.shown))
		c.heights = make([]float32, len(c.shown))
		for i, p := range c.shown {
			c.lines[i] = wrapLines(c.texts[p], textW, problemLines, m)
			c.heights[i] = tall[max(1, len(c.lines[i]))]
		}
	}
	old := c.Problems
	c.Problems = c.newProblemList()
	if len(c.heights) > 0 {
		one := lineHeights(1)[1]
		for i, h := range c.heights {
			if h != one {
				c.Problems.SetItemHeight(i, h)
			}
		}
	}
	if c.fit == nil {
		return
	}
	c.fit.Objects[0] = c.Problems
	c.fit.Refresh()
	if keep {
		c.Problems.ScrollToOffset(old.GetScrollOffset()) // about where it was: the rows may be reflowed
	}
}

// lineHeights are the heights of a label of 1 to most lines ([0] unused), as Fyne lays it out.
func lineHeights(most int) []float32 {
	out := make([]float32, most+1)
	for n := 1; n <= most; n++ {
		out[n] = widget.NewLabel(strings.Repeat("高\n", n-1) + "高").MinSize().Height
	}
	return out
}

// settingsRowName names the score table's row of the problems of no form (文档设置).
const settingsRowName = "文档设置"

// ofForm reports whether p is a problem of one form (the unit form or one of projects), not of
// the document's settings.
func ofForm(p forms.Problem, projects int) bool {
	return p.Loc.Section != forms.SecSettings && p.Loc.Form >= -1 && p.Loc.Form < projects
}

// problemCounts counts the errors and warnings of each form: [0] the unit form, [i+1] project i,
// and last those of no form (文档设置: the year, 单位简称, the rule options), "" when there are
// none, so that the rows add up to the totals.
func problemCounts(ps []forms.Problem, projects int) []string {
	counts := make([][2]int, projects+2)
	for _, p := range ps {
		f := projects + 1
		if ofForm(p, projects) {
			f = p.Loc.Form + 1
		}
		if p.Level == forms.LevelError {
			counts[f][0]++
		} else {
			counts[f][1]++
		}
	}
	out := make([]string, len(counts))
	for i, c := range counts {
		out[i] = fmt.Sprintf("错误 %d　警告 %d", c[0], c[1])
	}
	if counts[projects+1] == [2]int{} {
		out[projects+1] = ""
	}
	return out
}

// GoTo shows the tab of loc's form and puts the cursor in the field the location names,
// scrolling it into view.
func (w *Window) GoTo(loc forms.Location) {
	var scroll *container.Scroll
	var entry *fieldEntry
	switch {
	case loc.Form < 0:
		w.Tabs.Select(w.Unit.item())
		scroll, entry = w.Unit.Scroll, w.Unit.entryAt(loc)
	case loc.Form < len(w.Projects):
		p := w.Projects[loc.Form]
		w.Tabs.Select(p.item())
		scroll, entry = p.Scroll, p.entryAt(loc)
	default:
		return
	}
	if entry == nil && loc.Section == forms.SecIndicators {
		// 运算符号, 评价等级 and the reason ticks are not entries: go to the row's 内容.
		row := loc
		row.Field = "content"
		entry = w.entryIn(row)
	}
	if entry == nil {
		return
	}
	showIn(scroll, entry) // a field out of view is laid out (virt.go)
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(scroll)
	at := d.AbsolutePositionForObject(entry)
	scroll.Offset.Y = max(0, scroll.Offset.Y+at.Y-top.Y-scroll.Size().Height/3)
	scroll.Refresh()
	w.focus(entry)
}

// entryIn returns the editor of loc on its form's tab, or nil.
func (w *Window) entryIn(loc forms.Location) *fieldEntry {
	switch {
	case loc.Form < 0:
		return w.Unit.entryAt(loc)
	case loc.Form < len(w.Projects):
		return w.Projects[loc.Form].entryAt(loc)
	}
	return nil
}

// treeBinder is the binder of a tree editor's current rows (for GoTo).
func treeBinder(t *treeEditor) *binder { return t.b }
