package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// checkTab lists the scores of every form and every problem of the document; choosing a
// problem goes to its field. Both lists scroll and show only the rows in view, so the tab
// opens quickly and keeps the window's size whatever the number of projects.
type checkTab struct {
	w       *Window
	tab     *container.TabItem
	content fyne.CanvasObject // the tab's content while it is shown (tabswitch.go)
	Scores  *widget.List      // one row per form
	// Problems lists the problems, three lines at most each; choosing one goes to its field.
	Problems *widget.List
	Count    *widget.Label

	stale bool       // the document changed since the tab was last shown
	rows  [][]string // the score table's rows on display
	texts []string   // the problem texts on display
	// fitWidth is the list width the problem rows' heights were measured for (0: not yet).
	fitWidth float32
	heights  []float32 // the problem rows' heights, as set on the list
}

var scoreWeights = []float32{6, 1.2, 1.2, 1.2, 1, 1.4}

// problemLines is how many lines of a problem's text the list shows; a longer text ends in "…".
const problemLines = 3

func newCheckTab(w *Window) *checkTab {
	c := &checkTab{w: w, Count: heading("")}
	c.Scores = widget.NewList(func() int { return len(c.rows) }, c.newScoreRow, c.updateScoreRow)
	c.Problems = widget.NewList(func() int { return len(c.texts) }, c.newProblemRow, c.updateProblemRow)
	c.Problems.OnSelected = func(id widget.ListItemID) {
		c.Problems.UnselectAll()
		if id >= 0 && id < len(c.w.Problems) {
			c.w.GoTo(c.w.Problems[id].Loc)
		}
	}
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
	fit := container.New(&fitLayout{c: c}, c.Problems)
	problems := container.NewBorder(container.NewVBox(widget.NewSeparator(), c.Count), nil, nil, nil, fit)
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

func (c *checkTab) newProblemRow() fyne.CanvasObject {
	text := widget.NewLabel("")
	text.Wrapping, text.Truncation = fyne.TextWrapWord, fyne.TextTruncateEllipsis
	icon := widget.NewIcon(nil)
	return container.NewBorder(nil, nil, container.NewVBox(icon), nil, &fixedLines{Label: text, lines: problemLines})
}

func (c *checkTab) updateProblemRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(c.texts) || id >= len(c.w.Problems) {
		return
	}
	box := o.(*fyne.Container)
	var icon fyne.Resource = theme.NewWarningThemedResource(theme.WarningIcon())
	if c.w.Problems[id].Level == forms.LevelError {
		icon = theme.NewErrorThemedResource(theme.ErrorIcon())
	}
	for _, obj := range box.Objects {
		switch v := obj.(type) {
		case *fixedLines:
			v.SetText(c.texts[id])
		case *fyne.Container:
			v.Objects[0].(*widget.Icon).SetResource(icon)
		}
	}
}

// fixedLines is a wrapping label as tall as lines lines of text, whatever its text: a list
// item's height is fixed, and the label ends a longer text in "…".
type fixedLines struct {
	*widget.Label
	lines int
}

func (f *fixedLines) MinSize() fyne.Size {
	h := fyne.MeasureText("高", theme.TextSize(), fyne.TextStyle{}).Height
	return fyne.NewSize(f.Label.MinSize().Width, h*float32(f.lines)+2*theme.InnerPadding())
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
	if ev.Unit.NotFilled {
		unit = []string{forms.UnitFormName, "——", "——", "未填写", "不导出", counts[0]}
	}
	rows := [][]string{unit}
	for i, p := range c.w.Doc.Projects {
		r := ev.Projects[i]
		rows = append(rows, []string{forms.ProjectFormName(i, p), pending(r.CText()), dashIfEmpty(r.DText()),
			pending(r.TotalShown()), pending(r.Rating()), counts[i+1]})
	}
	if doc := counts[len(counts)-1]; doc != "" {
		rows = append(rows, []string{settingsRowName, "——", "——", "——", "——", doc})
	}
	c.rows = rows
	c.Scores.Refresh()
	errs, warns := forms.Counts(c.w.Problems)
	c.Count.SetText(fmt.Sprintf("问题：错误 %d 个，警告 %d 个（点击一条可转到对应位置）", errs, warns))
	texts := make([]string, len(c.w.Problems))
	for i, p := range c.w.Problems {
		texts[i] = p.String()
	}
	if slices.Equal(texts, c.texts) {
		return
	}
	c.texts = texts
	c.fitHeights(c.fitWidth)
	c.Problems.Refresh()
}

// fitLayout gives the problem list all its space and, when its width changes, measures the
// rows again: each row is as tall as its wrapped text, up to problemLines lines, so that
// one-line problems leave no gaps.
type fitLayout struct{ c *checkTab }

func (f *fitLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (f *fitLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size.Width != f.c.fitWidth {
		f.c.fitWidth = size.Width
		f.c.fitHeights(size.Width)
	}
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
}

// fitHeights sets the height of every problem row for a list width wide: the height the
// row's text takes wrapped in the width beside the icon, at most problemLines lines.
func (c *checkTab) fitHeights(wide float32) {
	if wide <= 0 {
		return
	}
	pad := theme.Padding()
	// the text's width: the list's, less the icon and the padding of the row's Border layout
	// and of the list's scroll bar (see newProblemRow).
	textW := wide - theme.IconInlineSize() - 2*pad - theme.ScrollBarSize()
	most := (&fixedLines{Label: widget.NewLabel(""), lines: problemLines}).MinSize().Height
	one := (&fixedLines{Label: widget.NewLabel(""), lines: 1}).MinSize().Height
	c.heights = make([]float32, len(c.texts))
	for i, t := range c.texts {
		c.heights[i] = min(most, max(one, wrappedHeight(t, textW)))
		c.Problems.SetItemHeight(i, c.heights[i])
	}
}

// wrappedHeight is the height a word-wrapping label of text takes in width w.
func wrappedHeight(text string, w float32) float32 {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Resize(fyne.NewSize(w, l.MinSize().Height))
	return l.MinSize().Height
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
	var entry *widget.Entry
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
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(scroll)
	at := d.AbsolutePositionForObject(entry)
	scroll.Offset.Y = max(0, scroll.Offset.Y+at.Y-top.Y-scroll.Size().Height/3)
	scroll.Refresh()
	w.Win.Canvas().Focus(entry)
}

// entryIn returns the editor of loc on its form's tab, or nil.
func (w *Window) entryIn(loc forms.Location) *widget.Entry {
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
