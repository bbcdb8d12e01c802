package app

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// treeEditor edits an indicator tree (分解目标评价 of the unit form, 绩效指标 of a project).
// Its rows are plain containers rebuilt from the document after every structural edit (not a
// widget.Table, whose recycled cells would mix up rows); typing only writes into the document.
type treeEditor struct {
	w          *Window
	form       int // -1 for the unit form, else the project index
	editLevel2 bool
	box        *fyne.Container
	b          *binder
	columns    []float32 // widths of the columns of a row's first line (see measure)
	labelWidth float32   // width of the "指标 N" column

	// content is the editor as placed in the tab; it stays the same object across rebuilds.
	content fyne.CanvasObject
	// Rows, AddRow, AddLevel2, Level2Names and the 二级 buttons are handles for tests; they are
	// rebuilt with the editor. AddLevel2 is per 一级, nil (or nil for a merged 一级) unless
	// the 二级 are editable.
	Rows         map[forms.RowPath]*rowEditor
	AddRow       map[[2]int]*widget.Button
	AddLevel2    []*widget.Button
	Level2Names  map[[2]int]*widget.Entry
	Level2Up     map[[2]int]*widget.Button
	Level2Down   map[[2]int]*widget.Button
	Level2Remove map[[2]int]*widget.Button
}

// rowEditor holds the editors of one 三级 row, in printed order.
type rowEditor struct {
	Op                                        *widget.Select
	Content, Unit, Target, Actual, Completion *widget.Entry
	CompletionShown                           *widget.Label // the computed 完成程度, shown instead of Completion
	Weight, Score                             *widget.Entry
	Suggestion, ManualMark                    *widget.Label  // "建议 8.5"; "手工调整" when the typed score overrides it
	Take                                      *widget.Button // 采用建议
	Grade                                     *widget.Select
	Reasons                                   [5]*widget.Check
	Reason, Measures                          *widget.Entry
	Up, Down, Remove                          *widget.Button

	path                           forms.RowPath
	in                             *forms.Indicator
	locOf                          func(field string) forms.Location
	completion, suggest            *fyne.Container
	opMark, gradeMark, reasonsMark *canvas.Rectangle
	blankGrade                     string // the label of the blank grade choice
	syncing                        bool   // the editor, not the user, is setting the 得分 entry
}

// newTreeEditor edits the indicator tree of form (-1 = unit form, i = project i) of w.Doc.
// editLevel2 allows adding, renaming, removing and reordering 二级 (the unit form only).
func newTreeEditor(w *Window, form int, editLevel2 bool) *treeEditor {
	t := &treeEditor{w: w, form: form, editLevel2: editLevel2, box: container.NewVBox()}
	t.content = t.box
	t.build()
	return t
}

func (t *treeEditor) tree() forms.Tree {
	switch {
	case t.form < 0:
		return t.w.Doc.Unit.Indicators
	case t.form < len(t.w.Doc.Projects):
		return t.w.Doc.Projects[t.form].Indicators
	}
	return nil // the project was removed; the window rebuilds its tabs
}

func (t *treeEditor) results(ev *forms.Evaluation) forms.TreeResult {
	switch {
	case ev == nil:
	case t.form < 0 && ev.Unit != nil:
		return ev.Unit.Indicators
	case t.form >= 0 && t.form < len(ev.Projects):
		return ev.Projects[t.form].Indicators
	}
	return nil
}

// refresh shows the computed figures of ev and marks the editors that have a problem.
func (t *treeEditor) refresh(ev *forms.Evaluation, marks map[forms.Location]forms.Problem) {
	t.b.refresh(ev, marks)
	res, tree := t.results(ev), t.tree()
	for p, r := range t.Rows {
		if tree.Row(p) == r.in { // skip an editor left over from before a change elsewhere
			r.update(res.At(p), marks)
		}
	}
}

// build replaces the content by editors of the current tree, in printed order (the tab order).
func (t *treeEditor) build() {
	t.b = &binder{w: t.w}
	t.measure()
	t.Rows = map[forms.RowPath]*rowEditor{}
	t.AddRow = map[[2]int]*widget.Button{}
	t.Level2Names = map[[2]int]*widget.Entry{}
	t.Level2Up, t.Level2Down, t.Level2Remove = map[[2]int]*widget.Button{}, map[[2]int]*widget.Button{}, map[[2]int]*widget.Button{}
	tree := t.tree()
	t.AddLevel2 = nil
	if t.editLevel2 {
		t.AddLevel2 = make([]*widget.Button, len(tree))
	}
	var objs []fyne.CanvasObject
	for i, l1 := range tree {
		head := widget.NewLabelWithStyle(l1.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		head.SizeName = theme.SizeNameSubHeadingText
		objs = append(objs, head)
		for j := range l1.Children {
			objs = append(objs, treeIndent(t.level2Block(tree, i, j)))
		}
		if t.editLevel2 && !l1.Merged {
			add := widget.NewButtonWithIcon("添加二级指标", theme.ContentAddIcon(), func() { t.addLevel2(i) })
			t.AddLevel2[i] = add
			objs = append(objs, treeIndent(container.NewHBox(add)))
		}
		objs = append(objs, widget.NewSeparator())
	}
	t.box.Objects = objs
	t.box.Refresh()
}

// level2Block is a 二级 with its title, its rows and its 添加指标 button.
func (t *treeEditor) level2Block(tree forms.Tree, i, j int) fyne.CanvasObject {
	l1, l2 := tree[i], tree[i].Children[j]
	var parts []fyne.CanvasObject
	if !l1.Merged {
		parts = append(parts, t.level2Title(tree, i, j))
	}
	add := widget.NewButtonWithIcon("添加指标", theme.ContentAddIcon(), func() { t.addRow(i, j) })
	t.AddRow[[2]int{i, j}] = add
	if len(l2.Rows) == 0 {
		hint := widget.NewLabelWithStyle("尚无指标", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		return container.NewVBox(append(parts, container.NewHBox(hint, add))...)
	}
	parts = append(parts, t.header())
	for k := range l2.Rows {
		if k > 0 {
			parts = append(parts, widget.NewSeparator())
		}
		parts = append(parts, t.rowCard(tree, forms.RowPath{L1: i, L2: j, Row: k}))
	}
	return container.NewVBox(append(parts, container.NewHBox(add))...)
}

// level2Title is the 二级 name: a label, or an editor with its move and remove buttons.
func (t *treeEditor) level2Title(tree forms.Tree, i, j int) fyne.CanvasObject {
	l2 := tree[i].Children[j]
	if !t.editLevel2 {
		return widget.NewLabelWithStyle(l2.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	key := [2]int{i, j}
	loc := forms.Location{Form: t.form, Section: forms.SecIndicators, Index: -1, Path: forms.RowPath{L1: i, L2: j, Row: -1}, Field: "level2"}
	name := t.b.entry(&l2.Name, loc, "二级指标名称")
	up := widget.NewButtonWithIcon("上移", theme.MoveUpIcon(), func() { t.moveLevel2(i, j, -1) })
	down := widget.NewButtonWithIcon("下移", theme.MoveDownIcon(), func() { t.moveLevel2(i, j, 1) })
	remove := widget.NewButtonWithIcon("删除二级", theme.DeleteIcon(), func() { t.removeLevel2(i, j) })
	if j == 0 {
		up.Disable()
	}
	if j == len(tree[i].Children)-1 {
		down.Disable()
	}
	if len(tree[i].Children) == 1 { // a 一级 keeps at least one 二级
		remove.Disable()
	}
	t.Level2Names[key], t.Level2Up[key], t.Level2Down[key], t.Level2Remove[key] = name, up, down, remove
	return container.NewHBox(widget.NewLabel("二级指标"), withMinWidth(name, 16*emSize()), up, down, remove)
}

// The columns of a row's first line: caption, width in text heights (0: measured from the
// control, see measure) and share of the spare width.
var rowColumns = []struct {
	caption   string
	ems, grow float32
}{
	{"运算符号", 0, 0}, {"内容", 6, 4}, {"度量单位", 3, 0.6}, {"", 5, 1.2}, {"全年完成值", 5, 1.2},
	{"完成程度", 4, 0.6}, {"分值", 3, 0.4}, {"得分", 3, 0.4}, {"建议得分", 0, 0}, {"评价等级", 0, 0},
}

// measure sets the column widths for the current theme: wide enough for every caption, and for
// the drop-downs and the suggestion their longest text.
func (t *treeEditor) measure() {
	choice := func(longest string) float32 {
		s := widget.NewSelect(nil, nil)
		s.PlaceHolder = longest
		return s.MinSize().Width
	}
	label := func(text string) float32 { return widget.NewLabel(text).MinSize().Width }
	measured := map[int]float32{
		0: choice("（请选择）"),
		8: label("建议 100.00") + widget.NewButton("采用建议", nil).MinSize().Width + theme.Padding(),
		9: choice("按得分：部分达成"),
	}
	t.columns = t.columns[:0]
	for i, c := range rowColumns {
		w := max(c.ems*emSize(), measured[i], t.caption(c.caption).MinSize().Width)
		t.columns = append(t.columns, w)
	}
	t.labelWidth = max(label("指标 99"), label("手工调整"))
}

func (t *treeEditor) lineLayout() *treeColumns {
	l := &treeColumns{base: t.columns}
	for _, c := range rowColumns {
		l.grow = append(l.grow, c.grow)
	}
	return l
}

// caption is a column caption; the blank one is the target column, named as each form prints it.
func (t *treeEditor) caption(text string) *widget.Label {
	if text == "" {
		text = "年度目标值"
		if t.form < 0 {
			text = "年度指标值"
		}
	}
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// header is the column captions above the rows of a 二级, as the printed table heads them.
func (t *treeEditor) header() fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, c := range rowColumns {
		objs = append(objs, t.caption(c.caption))
	}
	spacer := withMinWidth(canvas.NewRectangle(color.Transparent), t.labelWidth)
	return container.NewBorder(nil, nil, spacer, nil, container.New(t.lineLayout(), objs...))
}

// rowCard is the two-line editor of the 三级 row at p.
func (t *treeEditor) rowCard(tree forms.Tree, p forms.RowPath) fyne.CanvasObject {
	in := tree.Row(p)
	r := &rowEditor{path: p, in: in}
	r.locOf = func(f string) forms.Location {
		return forms.Location{Form: t.form, Section: forms.SecIndicators, Index: -1, Path: p, Field: f}
	}
	t.Rows[p] = r
	b := t.b
	r.Op = b.choice((*string)(&in.Op), choices(forms.Ops), "（无）")
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
	r.Take = widget.NewButton("采用建议", func() { t.take(r) })
	r.Take.Hide()
	r.ManualMark = widget.NewLabel("")
	r.ManualMark.Importance = widget.WarningImportance
	r.blankGrade = "按得分自动"
	r.Grade = b.choice((*string)(&in.Grade), choices(forms.Grades), r.blankGrade)
	r.Grade.PlaceHolder = "（请选择）"
	r.opMark, r.gradeMark, r.reasonsMark = newMarkFrame(), newMarkFrame(), newMarkFrame()
	r.suggest = container.NewHBox(r.Suggestion, r.Take)
	line1 := container.New(t.lineLayout(), container.NewStack(r.Op, r.opMark), r.Content, r.Unit, r.Target,
		r.Actual, r.completion, r.Weight, r.Score, r.suggest, container.NewStack(r.Grade, r.gradeMark))

	ticks := []*bool{&in.Reasons.Funding, &in.Reasons.System, &in.Reasons.Staff, &in.Reasons.Hardware, &in.Reasons.Other}
	checks := container.NewGridWithColumns(3)
	for n, label := range forms.ReasonLabels {
		r.Reasons[n] = b.check(ticks[n], label)
		checks.Add(r.Reasons[n])
	}
	r.Reason = b.multiline(&in.Reason, r.locOf("reason"), "")
	r.Measures = b.multiline(&in.Measures, r.locOf("measures"), "")
	r.Up = widget.NewButtonWithIcon("上移", theme.MoveUpIcon(), func() { t.moveRow(p, -1) })
	r.Down = widget.NewButtonWithIcon("下移", theme.MoveDownIcon(), func() { t.moveRow(p, 1) })
	r.Remove = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), func() { t.removeRow(p) })
	if p.Row == 0 {
		r.Up.Disable()
	}
	if p.Row == len(tree[p.L1].Children[p.L2].Rows)-1 {
		r.Down.Disable()
	}
	caption := func(text string, obj fyne.CanvasObject) fyne.CanvasObject {
		return container.NewBorder(nil, nil, container.NewVBox(widget.NewLabel(text)), nil, obj)
	}
	line2 := container.New(&treeColumns{base: []float32{0, 0, 0, 0}, grow: []float32{0, 1, 1, 0}},
		caption("未完成原因", container.NewStack(checks, r.reasonsMark)), caption("原因说明", r.Reason),
		caption("改进措施", r.Measures), container.NewVBox(container.NewHBox(r.Up, r.Down, r.Remove)))

	label := widget.NewLabelWithStyle(fmt.Sprintf("指标 %d", p.Row+1), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	left := withMinWidth(container.NewVBox(label, r.ManualMark), t.labelWidth)
	return container.NewBorder(nil, nil, left, nil, container.NewVBox(line1, line2))
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
	for field, frame := range map[string]*canvas.Rectangle{"op": r.opMark, "grade": r.gradeMark, "reasons": r.reasonsMark} {
		p, ok := marks[r.locOf(field)]
		showMark(frame, p, ok)
	}
}

// updateSuggestion shows the suggested score and, while it is in force, puts it in 得分.
func (r *rowEditor) updateSuggestion(res *forms.IndicatorResult) {
	text := ""
	if res.HasSuggestion {
		text = "建议 " + forms.FormatScore(res.Suggested)
		if r.in.Manual {
			r.Take.Enable()
		} else {
			r.Take.Disable()
			r.showScore(forms.FormatScore(res.Suggested))
		}
	}
	changed := setLabelText(r.Suggestion, text)
	if setShown(r.Take, res.HasSuggestion) || changed {
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
	manual := r.in.Manual
	if res := t.results(t.w.Eval).At(r.path); res != nil && res.HasSuggestion {
		manual = true
	}
	if r.in.Score == s && r.in.Manual == manual {
		return
	}
	r.in.Score, r.in.Manual = s, manual
	t.w.changed()
}

// take puts the suggested score back in force.
func (t *treeEditor) take(r *rowEditor) {
	res := t.results(t.w.Eval).At(r.path)
	if res == nil || !res.HasSuggestion {
		return
	}
	r.in.Score, r.in.Manual = forms.FormatScore(res.Suggested), false
	r.showScore(r.in.Score)
	t.w.changed()
}

// restructure rebuilds the editors after a structural edit, focuses what focus picks from the
// new editors (if anything), and tells the window.
func (t *treeEditor) restructure(focus func() fyne.Focusable) {
	c := t.w.Win.Canvas()
	c.Unfocus()
	t.build()
	if focus != nil {
		if f := focus(); f != nil {
			c.Focus(f)
		}
	}
	t.w.changed()
}

func (t *treeEditor) addRow(l1, l2 int) {
	tree := t.tree()
	if tree.AddRow(l1, l2) == nil {
		return
	}
	p := forms.RowPath{L1: l1, L2: l2, Row: len(tree[l1].Children[l2].Rows) - 1}
	t.restructure(func() fyne.Focusable { return t.Rows[p].Content })
}

func (t *treeEditor) removeRow(p forms.RowPath) {
	tree := t.tree()
	in := tree.Row(p)
	if in == nil {
		return
	}
	remove := func() {
		t.tree().RemoveRow(p)
		t.restructure(nil)
	}
	if in.IsBlank() {
		remove()
		return
	}
	name := forms.IndicatorRowName(tree[p.L1], tree[p.L1].Children[p.L2], p.Row)
	t.confirm("删除指标", "确定删除「"+name+"」吗？这一行已填写的内容将一并删除。", remove)
}

func (t *treeEditor) moveRow(p forms.RowPath, by int) {
	t.tree().MoveRow(p, p.Row+by)
	to := forms.RowPath{L1: p.L1, L2: p.L2, Row: p.Row + by}
	t.restructure(func() fyne.Focusable {
		r := t.Rows[to]
		if r == nil {
			return nil
		}
		return moveTarget(r.Up, r.Down, by > 0)
	})
}

func (t *treeEditor) addLevel2(l1 int) {
	tree := t.tree()
	if tree.AddLevel2(l1, "新二级指标") == nil {
		return
	}
	key := [2]int{l1, len(tree[l1].Children) - 1}
	t.restructure(func() fyne.Focusable {
		e := t.Level2Names[key]
		if e == nil {
			return nil
		}
		e.TypedShortcut(&fyne.ShortcutSelectAll{}) // typing replaces the default name
		return e
	})
}

func (t *treeEditor) removeLevel2(l1, l2 int) {
	tree := t.tree()
	b := tree.Level2At(l1, l2)
	if b == nil {
		return
	}
	remove := func() {
		t.tree().RemoveLevel2(l1, l2)
		t.restructure(nil)
	}
	filled := 0
	for _, in := range b.Rows {
		if !in.IsBlank() {
			filled++
		}
	}
	if filled == 0 {
		remove()
		return
	}
	t.confirm("删除二级指标", fmt.Sprintf("确定删除二级指标「%s」吗？其下 %d 个已填写的三级指标将一并删除。", b.Name, filled), remove)
}

func (t *treeEditor) moveLevel2(l1, l2, by int) {
	t.tree().MoveLevel2(l1, l2, l2+by)
	key := [2]int{l1, l2 + by}
	t.restructure(func() fyne.Focusable {
		if t.Level2Up[key] == nil {
			return nil
		}
		return moveTarget(t.Level2Up[key], t.Level2Down[key], by > 0)
	})
}

// confirm asks before a removal that loses typed text.
func (t *treeEditor) confirm(title, message string, ok func()) {
	d := dialog.NewConfirm(title, message, func(yes bool) {
		if yes {
			ok()
		}
	}, t.w.Win)
	d.SetConfirmText("删除")
	d.SetDismissText("取消")
	d.Show()
}

// moveTarget returns the button that moves on in the same direction, or the other when that one is
// disabled (the item reached the end), so the keyboard focus stays on the moved item.
func moveTarget(up, down *widget.Button, downward bool) fyne.Focusable {
	first, second := up, down
	if downward {
		first, second = down, up
	}
	if !first.Disabled() {
		return first
	}
	return second
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

// emSize is the height of the text, the unit of the editor's column widths.
func emSize() float32 { return theme.TextSize() }

func treeIndent(obj fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil, withMinWidth(canvas.NewRectangle(color.Transparent), emSize()), nil, obj)
}

// withMinWidth shows obj at least w wide.
func withMinWidth(obj fyne.CanvasObject, w float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(w, 0))
	return container.NewStack(r, obj)
}

// treeColumns lays objects out side by side: each gets its base width (its own minimum width when
// the base is 0) plus a share of the spare width by its grow factor. Fixed bases keep the
// columns of every row in line whatever the rows hold.
type treeColumns struct{ base, grow []float32 }

func (l *treeColumns) widthOf(i int, o fyne.CanvasObject) float32 {
	if i < len(l.base) && l.base[i] > 0 {
		return l.base[i]
	}
	return o.MinSize().Width
}

// MinSize is the sum of the base widths and the tallest object.
func (l *treeColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range objs {
		s.Width += l.widthOf(i, o)
		s.Height = max(s.Height, o.MinSize().Height)
	}
	if len(objs) > 1 {
		s.Width += theme.Padding() * float32(len(objs)-1)
	}
	return s
}

// Layout gives each object its base width and its share of the spare width.
func (l *treeColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	spare := max(0, size.Width-l.MinSize(objs).Width)
	var total float32
	for i := range objs {
		if i < len(l.grow) {
			total += l.grow[i]
		}
	}
	x := float32(0)
	for i, o := range objs {
		w := l.widthOf(i, o)
		if total > 0 && i < len(l.grow) {
			w += spare * l.grow[i] / total
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + theme.Padding()
	}
}
