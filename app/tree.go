package app

import (
	"fmt"

	"fyne.io/fyne/v2"
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
	gradeWidth float32   // width of 评价等级 with its caption, opening a row's second line

	// content is the editor as placed in the tab; it stays the same object across rebuilds.
	content fyne.CanvasObject
	// Rows, AddRow, AddLevel2, Level2Names and the 二级 buttons are handles for tests; they are
	// rebuilt with the editor. AddLevel2 is per 一级, nil (or nil for a merged 一级) unless
	// the 二级 are editable.
	Rows         map[forms.RowPath]*rowEditor
	AddRow       map[[2]int]*widget.Button
	PasteRows    map[[2]int]*widget.Button // 粘贴表格行 of each 二级
	PastePreview *widget.Label             // the text of the last paste preview, for tests
	PasteOthers  *widget.Check             // in the last paste preview: also remove the template rows left elsewhere
	pasteDialog  dialog.Dialog
	AddLevel2    []*widget.Button
	Level2Names  map[[2]int]*fieldEntry
	Level2Up     map[[2]int]*widget.Button
	Level2Down   map[[2]int]*widget.Button
	Level2Remove map[[2]int]*widget.Button
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
	t.b = newBinder(t.w, t.form)
	t.measure()
	t.Rows = map[forms.RowPath]*rowEditor{}
	t.AddRow = map[[2]int]*widget.Button{}
	t.PasteRows = map[[2]int]*widget.Button{}
	t.Level2Names = map[[2]int]*fieldEntry{}
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
		for j := range l1.Children { // each 二级 and each row drawn only while in view (virt.go)
			objs = append(objs, newVirtHolder(t.w, treeIndent(t.level2Block(tree, i, j))))
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
	paste := widget.NewButtonWithIcon("粘贴表格行", theme.ContentPasteIcon(), func() { t.pasteRows(i, j) })
	t.PasteRows[[2]int{i, j}] = paste
	if len(l2.Rows) == 0 {
		hint := widget.NewLabel("尚无指标")
		hint.Importance = widget.LowImportance
		return container.NewVBox(append(parts, container.NewHBox(hint, add, paste))...)
	}
	parts = append(parts, t.header())
	for k := range l2.Rows {
		row := t.rowCard(tree, forms.RowPath{L1: i, L2: j, Row: k})
		if k > 0 { // the separator above the row goes with it: a box pads the two as before
			row = container.NewVBox(widget.NewSeparator(), row)
		}
		parts = append(parts, newVirtHolder(t.w, row))
	}
	return container.NewVBox(append(parts, container.NewHBox(add, paste))...)
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

// restructure rebuilds the editors after a structural edit, focuses what focus picks from the
// new editors (if anything), and tells the window.
func (t *treeEditor) restructure(focus func() fyne.Focusable) {
	t.w.guard("更新指标表", func() {
		c := t.w.Win.Canvas()
		c.Unfocus()
		t.build()
		if focus != nil {
			if f := focus(); f != nil {
				t.w.focus(f)
			}
		}
	})
	t.w.changedIn(t.form)
}

func (t *treeEditor) addRow(l1, l2 int) {
	tree := t.tree()
	if err := t.w.Doc.AddRowError(tree, l1, l2); err != nil {
		dialog.ShowInformation("无法添加指标", err.Error()+"。", t.w.Win)
		return
	}
	t.w.record()
	tree.AddRow(l1, l2)
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
		t.w.record()
		t.tree().RemoveRow(p)
		t.restructure(nil)
	}
	if tree.Untouched(p) { // nothing typed (a template row holds its default 分值): 撤销 brings it back
		remove()
		return
	}
	name := forms.IndicatorRowName(tree[p.L1], tree[p.L1].Children[p.L2], p.Row)
	t.confirm("删除指标", "确定删除「"+name+"」吗？这一行已填写的内容将一并删除。", remove)
}

func (t *treeEditor) moveRow(p forms.RowPath, by int) {
	t.w.record()
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
	if err := t.w.Doc.AddLevel2Error(tree, l1); err != nil {
		dialog.ShowInformation("无法添加二级指标", err.Error()+"。", t.w.Win)
		return
	}
	t.w.record()
	tree.AddLevel2(l1, "新二级指标")
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
		t.w.record()
		t.tree().RemoveLevel2(l1, l2)
		t.restructure(nil)
	}
	filled := 0
	for k := range b.Rows {
		if !tree.Untouched(forms.RowPath{L1: l1, L2: l2, Row: k}) {
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
	t.w.record()
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
