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

// rowEditor holds the editors of one 三级 row, in printed order.
type rowEditor struct {
	Op                                        *fieldSelect
	Content, Unit, Target, Actual, Completion *fieldEntry
	CompletionShown                           *widget.Label // the computed 完成程度, shown instead of Completion
	Weight, Score                             *fieldEntry
	Suggestion, ManualMark                    *widget.Label  // "建议 8.5"; "手工调整" when the typed score overrides it
	Take                                      *widget.Button // 采用建议
	Grade                                     *fieldSelect
	Reasons                                   [5]*fieldCheck
	Reason, Measures                          *fieldEntry
	Up, Down, Remove                          *widget.Button
	Evidence                                  *widget.Button // 佐证 N (evidence.go)

	path                           forms.RowPath
	in                             *forms.Indicator
	locOf                          func(field string) forms.Location
	completion, suggest            *fyne.Container
	opMark, gradeMark, reasonsMark *canvas.Rectangle
	opZone, gradeZone, reasonsZone *problemZone // say the marks' problems on hover (marktip.go)
	blankGrade                     string       // the label of the blank grade choice
	syncing                        bool         // the editor, not the user, is setting the 得分 entry
}

// rowCard is the editor of the 三级 row at p, in three lines: the figures under the column
// captions, then 评价等级 and the reason ticks, then the two texts and the buttons.
func (t *treeEditor) rowCard(tree forms.Tree, p forms.RowPath) fyne.CanvasObject {
	in := tree.Row(p)
	r := &rowEditor{path: p, in: in}
	r.locOf = func(f string) forms.Location {
		return forms.Location{Form: t.form, Section: forms.SecIndicators, Index: -1, Path: p, Field: f}
	}
	t.Rows[p] = r
	b := t.b
	r.Op = b.choice((*string)(&in.Op), choices(forms.Ops()), "（无）")
	r.Op.PlaceHolder = "（请选择）"
	r.Content = b.entry(&in.Content, r.locOf("content"), "")
	r.Unit = b.entry(&in.Unit, r.locOf("unit"), "")
	r.Target = b.entry(&in.Target, r.locOf("target"), "")
	r.Actual = b.entry(&in.Actual, r.locOf("actual"), "")
	r.Completion = b.entry(&in.Completion, r.locOf("completion"), "")
	r.CompletionShown = widget.NewLabel("")
	r.CompletionShown.Hide()
	r.completion = container.NewStack(r.Completion, r.CompletionShown)
	r.Weight = b.entry(&in.Weight, r.locOf("weight"), "")
	r.Score = b.entry(&in.Score, r.locOf("score"), "")
	r.Score.OnChanged = func(s string) { t.typedScore(r, s) }
	r.Suggestion = widget.NewLabel("")
	r.Suggestion.Truncation = fyne.TextTruncateEllipsis
	r.Take = widget.NewButton("采用建议", func() { t.take(r) })
	r.Take.Hide()
	r.ManualMark = widget.NewLabel("")
	r.ManualMark.Importance = widget.WarningImportance
	r.blankGrade = "按得分自动"
	r.Grade = b.choice((*string)(&in.Grade), choices(forms.Grades()), r.blankGrade)
	r.Grade.PlaceHolder = "（请选择）"
	r.opMark, r.gradeMark, r.reasonsMark = newMarkFrame(), newMarkFrame(), newMarkFrame()
	tips := func() *tipLayer { return t.w.tipsOf(t.form) }
	r.opZone, r.gradeZone = newProblemZone(tips, r.Op), newProblemZone(tips, r.Grade)
	r.CompletionShown.Truncation = fyne.TextTruncateEllipsis
	r.suggest = container.NewStack(r.Suggestion, r.Take) // one at a time (updateSuggestion)
	cells := []fyne.CanvasObject{container.NewStack(r.Op, r.opMark, r.opZone), r.Content, r.Unit, r.Target, r.Actual, r.completion,
		r.Weight, r.Score, r.suggest}
	reasons := "未完成原因" // the unit form's
	if l := t.layout(); l != nil {
		reasons = l.ReasonsLabel
		if !l.Completion { // no 完成程度 (see rowColumns)
			cells = slices.Delete(cells, 5, 6)
		}
	}
	line1 := container.New(t.lineLayout(), cells...)

	ticks := []*bool{&in.Reasons.Funding, &in.Reasons.System, &in.Reasons.Staff, &in.Reasons.Hardware, &in.Reasons.Other}
	checks := container.NewHBox()
	for n, label := range forms.ReasonLabels() {
		r.Reasons[n] = b.check(ticks[n], label)
		checks.Objects = append(checks.Objects, r.Reasons[n])
	}
	r.reasonsZone = newProblemZone(tips, checks)
	r.Reason = b.multiline(&in.Reason, r.locOf("reason"), "")
	r.Measures = b.multiline(&in.Measures, r.locOf("measures"), "")
	r.Up = widget.NewButtonWithIcon("上移", theme.MoveUpIcon(), func() { t.moveRow(p, -1) })
	r.Down = widget.NewButtonWithIcon("下移", theme.MoveDownIcon(), func() { t.moveRow(p, 1) })
	r.Remove = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), func() { t.removeRow(p) })
	r.Evidence = t.evidenceButton(p)
	if p.Row == 0 {
		r.Up.Disable()
	}
	if p.Row == len(tree[p.L1].Children[p.L2].Rows)-1 {
		r.Down.Disable()
	}
	caption := func(text string, obj fyne.CanvasObject) fyne.CanvasObject {
		return container.NewBorder(nil, nil, container.NewVBox(widget.NewLabel(text)), nil, obj)
	}
	// The second line: the grade and the reason ticks, left-aligned; the third: the two texts,
	// sharing the width, and the row's buttons.
	line2 := container.New(&treeColumns{base: []float32{t.gradeWidth, 0}, grow: []float32{0, 0}},
		caption("评价等级", container.NewStack(r.Grade, r.gradeMark, r.gradeZone)),
		caption(reasons, container.NewStack(checks, r.reasonsMark, r.reasonsZone)))
	line3 := container.New(&treeColumns{base: []float32{0, 0, 0}, grow: []float32{1, 1, 0}},
		caption("原因说明", r.Reason), caption("改进措施", r.Measures), container.NewVBox(container.NewHBox(r.Evidence, r.Up, r.Down, r.Remove)))

	label := widget.NewLabelWithStyle(fmt.Sprintf("指标 %d", p.Row+1), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	left := withMinWidth(container.NewVBox(label, r.ManualMark), t.labelWidth)
	return container.NewBorder(nil, nil, left, nil, container.NewVBox(line1, line2, line3))
}

// choices lists the values of a typed string enumeration for a drop-down.
func choices[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// update shows the computed figures of the row and the problem marks of its drop-downs and ticks.
func (r *rowEditor) update(res *forms.IndicatorResult, marks map[forms.Location]forms.Problem) {
	if res == nil {
		return
	}
	completion := ""
	if res.HasCompletion {
		completion = forms.FormatPercent(res.Completion)
	}
	setLabelText(r.CompletionShown, completion)
	shown := setShown(r.CompletionShown, res.HasCompletion)
	if setShown(r.Completion, !res.HasCompletion) || shown {
		r.completion.Refresh()
	}
	r.updateSuggestion(res)
	manual := ""
	if res.Manual {
		manual = "手工调整"
	}
	setLabelText(r.ManualMark, manual)
	blank := "按得分自动"
	if res.GradeDerived {
		blank = "按得分：" + string(res.Grade)
	}
	r.setBlankGrade(blank)
	for field, mark := range map[string]struct {
		frame *canvas.Rectangle
		zone  *problemZone
	}{"op": {r.opMark, r.opZone}, "grade": {r.gradeMark, r.gradeZone}, "reasons": {r.reasonsMark, r.reasonsZone}} {
		p, ok := marks[r.locOf(field)]
		showMark(mark.frame, p, ok)
		mark.zone.set(p, ok)
	}
}

// updateSuggestion shows the suggested score and keeps the 得分 entry on the model: the
// suggestion while it is in force, else the score as typed (so a suggestion that goes away,
// e.g. when 全年完成值 is cleared, never stays on screen). A suggestion in force reads
// "建议 8.5"; one overridden by a typed score is the button "采用 8.5", in the same place.
func (r *rowEditor) updateSuggestion(res *forms.IndicatorResult) {
	text, take := "", ""
	if res.HasSuggestion {
		text = "建议 " + forms.FormatScore(res.Suggested)
		take = "采用 " + forms.FormatScore(res.Suggested)
		if r.in.Manual {
			r.Take.Enable()
		} else {
			r.Take.Disable()
		}
	}
	if res.HasSuggestion && !r.in.Manual {
		r.showScore(forms.FormatScore(res.Suggested))
	} else {
		r.showScore(r.in.Score)
	}
	changed := setLabelText(r.Suggestion, text)
	if r.Take.Text != take {
		r.Take.SetText(take)
		changed = true
	}
	manual := res.HasSuggestion && r.in.Manual
	shown := setShown(r.Take, manual)
	if setShown(r.Suggestion, !manual) || shown || changed {
		r.suggest.Refresh()
	}
}

// setLabelText sets a label's text when it differs, and reports whether it did.
func setLabelText(l *widget.Label, text string) bool {
	if l.Text == text {
		return false
	}
	l.SetText(text)
	return true
}

// setShown shows or hides o, and reports whether that changed anything.
func setShown(o fyne.CanvasObject, visible bool) bool {
	if o.Visible() == visible {
		return false
	}
	if visible {
		o.Show()
	} else {
		o.Hide()
	}
	return true
}

// setBlankGrade names the blank grade choice, which shows the band derived from the score.
func (r *rowEditor) setBlankGrade(label string) {
	if r.blankGrade == label {
		return
	}
	selected := r.Grade.SelectedIndex()
	r.blankGrade = label
	r.Grade.Options[0] = label
	if selected == 0 {
		r.Grade.Selected = label
	}
	r.Grade.Refresh()
}

// showScore puts s into the 得分 entry without it counting as typed.
func (r *rowEditor) showScore(s string) {
	if r.Score.Text == s {
		return
	}
	r.syncing = true
	r.Score.SetText(s)
	r.syncing = false
}

// typedScore records a typed 得分. When the rules suggest a score, the typed one overrides it
// (Manual) until the user takes the suggestion again.
func (t *treeEditor) typedScore(r *rowEditor, s string) {
	if r.syncing {
		return
	}
	// A score the user types is theirs: a suggestion that appears later (完成值 filled in)
	// never replaces it silently; 采用建议 puts the suggestion in force.
	manual := r.in.Manual || strings.TrimSpace(s) != ""
	if res := t.results(t.w.Eval).At(r.path); res != nil && res.HasSuggestion {
		manual = true
	}
	if r.in.Score == s && r.in.Manual == manual {
		return
	}
	r.in.Score, r.in.Manual = s, manual
	t.w.changedIn(t.form)
}

// take puts the suggested score back in force.
func (t *treeEditor) take(r *rowEditor) {
	res := t.results(t.w.Eval).At(r.path)
	if res == nil || !res.HasSuggestion {
		return
	}
	t.w.record()
	r.in.Score, r.in.Manual = forms.FormatScore(res.Suggested), false
	r.showScore(r.in.Score)
	t.w.changedIn(t.form)
}

// newMarkFrame is an outline drawn over a drop-down or the reason ticks when they have a problem.
func newMarkFrame() *canvas.Rectangle {
	r := canvas.NewRectangle(color.Transparent)
	r.CornerRadius = theme.InputRadiusSize()
	return r
}

func showMark(r *canvas.Rectangle, p forms.Problem, ok bool) {
	width := float32(0)
	c := theme.Color(theme.ColorNameWarning)
	if ok {
		width = 2
		if p.Level == forms.LevelError {
			c = theme.Color(theme.ColorNameError)
		}
	}
	if r.StrokeWidth == width && r.StrokeColor == c {
		return
	}
	r.StrokeWidth, r.StrokeColor = width, c
	r.Refresh()
}
