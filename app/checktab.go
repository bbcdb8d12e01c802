package app

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// checkTab lists the scores of every form and every problem of the document; choosing a
// problem goes to its field.
type checkTab struct {
	w      *Window
	tab    *container.TabItem
	Scores *fyne.Container
	// Items holds one row per problem: an icon and a link that goes to the field.
	Items *fyne.Container
	Links []*widget.Hyperlink
	Count *widget.Label

	stale       bool     // the document changed since the tab was last shown
	shown       []string // the problem texts on display
	scoreLabels [][]*widget.Label
}

var scoreWeights = []float32{6, 1.2, 1.2, 1.2, 1, 1.4}

func newCheckTab(w *Window) *checkTab {
	c := &checkTab{w: w, Scores: container.NewVBox(), Count: heading(""), Items: container.NewVBox()}
	top := container.NewVBox(heading("各表得分"), c.Scores, widget.NewSeparator(), c.Count)
	c.tab = container.NewTabItemWithIcon("检查与得分", theme.ConfirmIcon(), container.NewBorder(top, nil, nil, nil, container.NewVScroll(c.Items)))
	return c
}

func (c *checkTab) item() *container.TabItem { return c.tab }

// refresh updates the check tab. The tab is rebuilt only when it is shown and its content has
// changed: rebuilding hundreds of rows on every keystroke elsewhere would slow typing down.
func (c *checkTab) refresh(ev *forms.Evaluation, _ map[forms.Location]forms.Problem) {
	c.stale = true
	if c.w.Tabs.Selected() == c.tab {
		c.show()
	}
}

// show rebuilds the scores and the problem list if they changed since they were last shown.
func (c *checkTab) show() {
	if !c.stale {
		return
	}
	c.stale = false
	ev := c.w.Eval
	unit := []string{forms.UnitFormName + "（" + c.w.Doc.Unit.Name + "）", "——", "——", pending(ev.Unit.TotalText()), pending(ev.Unit.Rating()), c.count(-1)}
	if ev.Unit.NotFilled {
		unit = []string{forms.UnitFormName, "——", "——", "未填写", "不导出", c.count(-1)}
	}
	rows := [][]string{unit}
	for i, p := range c.w.Doc.Projects {
		r := ev.Projects[i]
		rows = append(rows, []string{forms.ProjectFormName(i, p), pending(r.CText()), dashIfEmpty(r.DText()),
			pending(r.TotalText()), pending(r.Rating()), c.count(i)})
	}
	c.showScores(rows)
	errs, warns := forms.Counts(c.w.Problems)
	c.Count.SetText(fmt.Sprintf("问题：错误 %d 个，警告 %d 个（点击一条可转到对应位置）", errs, warns))
	texts := make([]string, len(c.w.Problems))
	for i, p := range c.w.Problems {
		texts[i] = p.String()
	}
	if slices.Equal(texts, c.shown) {
		return
	}
	c.shown = texts
	c.Items.Objects, c.Links = nil, nil
	for i, p := range c.w.Problems {
		var icon fyne.Resource = theme.NewWarningThemedResource(theme.WarningIcon())
		if p.Level == forms.LevelError {
			icon = theme.NewErrorThemedResource(theme.ErrorIcon())
		}
		link := widget.NewHyperlink(texts[i], nil)
		link.Wrapping = fyne.TextWrapWord
		loc := p.Loc
		link.OnTapped = func() { c.w.GoTo(loc) }
		c.Links = append(c.Links, link)
		c.Items.Add(container.NewBorder(nil, nil, widget.NewIcon(icon), nil, link))
	}
	c.Items.Refresh()
}

// count is the problem count of form (-1 for the unit form).
func (c *checkTab) count(form int) string {
	e, w := 0, 0
	for _, p := range c.w.Problems {
		if p.Loc.Form == form && p.Form != "文档设置" {
			if p.Level == forms.LevelError {
				e++
			} else {
				w++
			}
		}
	}
	return fmt.Sprintf("错误 %d　警告 %d", e, w)
}

// showScores fills the score table, reusing its labels while the number of forms is the same.
func (c *checkTab) showScores(rows [][]string) {
	if len(c.scoreLabels) != len(rows) {
		c.scoreLabels = nil
		objs := []fyne.CanvasObject{row(scoreWeights, head("表"), head("C"), head("D"), head("总得分"), head("等级"), head("问题"))}
		for range rows {
			labels := []*widget.Label{cellLabel("")}
			cells := []fyne.CanvasObject{labels[0]}
			for range 5 {
				l := centred("")
				labels = append(labels, l)
				cells = append(cells, l)
			}
			c.scoreLabels = append(c.scoreLabels, labels)
			objs = append(objs, row(scoreWeights, cells...))
		}
		c.Scores.Objects = objs
		c.Scores.Refresh()
	}
	for i, r := range rows {
		for j, text := range r {
			c.scoreLabels[i][j].SetText(text)
		}
	}
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
