package app

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// filter narrows the check tab's problem list to one level and one form.
type filter struct {
	level forms.Level // "" every level
	form  int         // formAll, -1 the unit form, i project i, or formSettings
}

// The forms of a filter besides the unit form (-1) and the projects (0, 1, …).
const (
	formAll      = -2 // every form
	formSettings = -3 // the problems of no form: 文档设置
)

var allProblems = filter{form: formAll}

// levelChoices are the levels the filter offers, in the order of its drop-down.
var levelChoices = []forms.Level{"", forms.LevelError, forms.LevelWarning}

// passes reports whether problem p of a document with projects projects passes f, on the level
// (levels) and the form (forms) as asked.
func (f filter) passes(p forms.Problem, projects int, levels, forms bool) bool {
	if levels && f.level != "" && p.Level != f.level {
		return false
	}
	if !forms || f.form == formAll {
		return true
	}
	if !ofForm(p, projects) {
		return f.form == formSettings
	}
	return p.Loc.Form == f.form
}

// filterBar is the row of the two drop-downs: 级别 and 表. Each choice says how many problems
// it shows with the other drop-down as it is.
func (c *checkTab) filterBar() fyne.CanvasObject {
	c.Level = widget.NewSelect(nil, func(string) { c.chose() })
	c.Form = widget.NewSelect(nil, func(string) { c.chose() })
	c.updateFilterChoices()
	left := container.NewHBox(widget.NewLabel("筛选：级别"), c.Level, widget.NewLabel("表"))
	return container.NewBorder(nil, nil, left, nil, c.Form)
}

// chose applies the drop-downs' choices (unless relist set them).
func (c *checkTab) chose() {
	if c.Level == nil || c.Form == nil || c.settingChoices {
		return
	}
	f := allProblems
	if i := c.Level.SelectedIndex(); i >= 0 && i < len(levelChoices) {
		f.level = levelChoices[i]
	}
	if i := c.Form.SelectedIndex(); i >= 0 && i < len(c.formChoices) {
		f.form = c.formChoices[i]
	}
	c.setFilter(f)
}

// setFilter lists the problems f lets through, from the top.
func (c *checkTab) setFilter(f filter) {
	c.filter = f
	c.updateFilterChoices()
	c.relist(false)
}

// filtered is the list of the problems of w.Problems the filter lets through (their indexes).
func (c *checkTab) filtered() []int {
	n := len(c.w.Doc.Projects)
	out := []int{}
	for i, p := range c.w.Problems {
		if c.filter.passes(p, n, true, true) {
			out = append(out, i)
		}
	}
	return out
}

// updateFilterChoices sets the drop-downs' choices from the document's problems: every level;
// every form, the unit form, each project and 文档设置 when it has problems; each with the
// number of problems it would show. A filter on a form that is gone is dropped.
func (c *checkTab) updateFilterChoices() {
	if c.Level == nil || c.Form == nil {
		return
	}
	n := len(c.w.Doc.Projects)
	byLevel, byForm := c.choiceCounts()
	levels := []string{fmt.Sprintf("全部（%d）", byLevel[0]), fmt.Sprintf("错误（%d）", byLevel[1]), fmt.Sprintf("警告（%d）", byLevel[2])}
	total := 0
	for _, k := range byForm {
		total += k
	}
	names := []string{fmt.Sprintf("全部表（%d）", total), fmt.Sprintf("%s（%d）", forms.UnitFormName, byForm[0])}
	values := []int{formAll, -1}
	for i, p := range c.w.Doc.Projects {
		names = append(names, fmt.Sprintf("%s（%d）", shortName(forms.ProjectFormName(i, p), 30), byForm[i+1]))
		values = append(values, i)
	}
	if byForm[n+1] > 0 || c.filter.form == formSettings {
		names = append(names, fmt.Sprintf("%s（%d）", settingsRowName, byForm[n+1]))
		values = append(values, formSettings)
	}
	form := slices.Index(values, c.filter.form)
	if form < 0 { // its project was removed
		c.filter.form, form = formAll, 0
	}
	c.formChoices = values
	c.settingChoices = true
	defer func() { c.settingChoices = false }()
	setChoices(c.Level, levels, slices.Index(levelChoices, c.filter.level))
	setChoices(c.Form, names, form)
}

// choiceCounts counts the problems each choice would list, the other drop-down as it is: by
// level (as levelChoices) and by form ([0] the unit form, [i+1] project i, last 文档设置).
func (c *checkTab) choiceCounts() (byLevel, byForm []int) {
	n := len(c.w.Doc.Projects)
	byLevel, byForm = make([]int, len(levelChoices)), make([]int, n+2)
	for _, p := range c.w.Problems {
		if c.filter.passes(p, n, false, true) {
			byLevel[0]++
			if i := slices.Index(levelChoices, p.Level); i > 0 {
				byLevel[i]++
			}
		}
		if !c.filter.passes(p, n, true, false) {
			continue
		}
		if ofForm(p, n) {
			byForm[p.Loc.Form+1]++
		} else {
			byForm[n+1]++
		}
	}
	return byLevel, byForm
}

// setChoices gives s the options and selects the i-th, without calling its OnChanged.
func setChoices(s *widget.Select, options []string, i int) {
	s.Options = options
	s.Selected = options[max(i, 0)]
	s.Refresh()
}

// updateCount says how many errors and warnings the document has and, under a filter, how
// many of them the list shows.
func (c *checkTab) updateCount() {
	errs, warns := forms.Counts(c.w.Problems)
	text := fmt.Sprintf("问题：错误 %d 个，警告 %d 个（点击一条可转到对应位置）", errs, warns)
	if c.filter != allProblems {
		text = fmt.Sprintf("问题：错误 %d 个，警告 %d 个；筛选后列出 %d 条（点击一条可转到对应位置）", errs, warns, len(c.shown))
	}
	c.Count.SetText(text)
}
