package app

import (
	"bytes"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// The 佐证材料 lists (forms/evidence.go) are edited in a dialog over the window, opened by a
// "佐证 N" button on each indicator row and under each funds block. The dialog edits the
// document as the user types, like the form's own fields: the dirty mark, autosave and the
// recovery copies see every key, and nothing typed is lost when the dialog is closed, so its one
// button 确定, Enter and Esc all just close it. The whole of one opening is one 撤销 step
// (recorded at its first change): Ctrl+Z after closing takes the list back as it was. While it is
// open, Ctrl+Z takes back typing in the cell with the cursor and never the document under it
// (Window.undoStep asks evidenceDialog.ownStep first).

// evidenceTarget is the list a dialog edits, found again in the document at each change.
type evidenceTarget struct {
	form  int                      // -1 the unit form, i project i
	title func() string            // says whose list it is, in the dialog's title
	list  func() *[]forms.Evidence // the list in w.Doc
}

// evidenceButton is the "佐证 N" button of a list: N counts the items with text in them.
func (w *Window) evidenceButton(t evidenceTarget) *widget.Button {
	b := widget.NewButtonWithIcon(evidenceLabel(*t.list()), theme.DocumentIcon(), nil)
	b.Importance = widget.LowImportance
	b.OnTapped = func() { w.showEvidence(t, b) }
	return b
}

// evidenceLabel is the text of a list's button.
func evidenceLabel(list []forms.Evidence) string {
	n := 0
	for _, e := range list {
		if !e.IsBlank() {
			n++
		}
	}
	return fmt.Sprintf("佐证 %d", n)
}

// evidenceDialog is the open editor of one list. Its exported fields are handles for tests.
type evidenceDialog struct {
	w      *Window
	t      evidenceTarget
	button *widget.Button // the list's button, whose count follows the list
	d      *dialog.CustomDialog
	rows   *fyne.Container
	scroll *container.Scroll
	// recorded: the 撤销 step of this opening is taken (at its first change).
	recorded bool
	// before is the document as the step recorded it, to drop the step if the dialog
	// changed nothing in the end (a row added and left blank).
	before []byte

	Rows []*evidenceRow
	Add  *widget.Button
	OK   *widget.Button
}

// evidenceRow holds the editors of one item.
type evidenceRow struct {
	Name, Pages, Path        *evidenceEntry
	Kind                     *evidenceKind
	Choose, Up, Down, Remove *widget.Button
}

// evidenceWeights are the columns: 材料名称, 材料类型, 页数, 电子文件 with 选择…, and the buttons.
var evidenceWeights = []float32{4, 2.4, 1, 4.5, 1.6}

// evidenceSize is the dialog's size at most; it shrinks to fit a smaller window.
var evidenceSize = fyne.NewSize(960, 560)

// showEvidence opens the editor of t's list over the window; b is the list's button.
func (w *Window) showEvidence(t evidenceTarget, b *widget.Button) {
	d := &evidenceDialog{w: w, t: t, button: b, rows: container.NewVBox()}
	d.Add = widget.NewButtonWithIcon("添加材料", theme.ContentAddIcon(), d.add)
	d.OK = &widget.Button{Text: "确定", Importance: widget.HighImportance, OnTapped: func() { d.d.Hide() }}
	d.OK.ExtendBaseWidget(d.OK)
	d.scroll = container.NewVScroll(d.rows)
	heads := row(evidenceWeights, head("材料名称"), head("材料类型"), head("页数"), head("电子文件（可不填）"), widget.NewLabel(""))
	body := container.NewBorder(heads, container.NewHBox(d.Add), nil, nil, d.scroll)
	d.d = dialog.NewCustomWithoutButtons("佐证材料 · "+t.title(), body, w.Win)
	d.d.SetButtons([]fyne.CanvasObject{d.OK})
	d.d.SetOnClosed(d.closed)
	d.build()
	size := w.Win.Canvas().Size()
	d.d.Resize(fyne.NewSize(min(evidenceSize.Width, size.Width-40), min(evidenceSize.Height, size.Height-40)))
	w.evidence = d
	d.d.Show()
	if len(d.Rows) > 0 {
		d.focus(d.Rows[0].Name)
	}
}

// build makes the rows' editors from the list.
func (d *evidenceDialog) build() {
	list := *d.t.list()
	d.Rows = make([]*evidenceRow, len(list))
	objs := make([]fyne.CanvasObject, len(list))
	for i := range list {
		d.Rows[i] = d.newRow(i, list[i])
		r := d.Rows[i]
		path := container.NewBorder(nil, nil, nil, r.Choose, r.Path)
		objs[i] = row(evidenceWeights, r.Name, r.Kind, r.Pages, path, container.NewHBox(r.Up, r.Down, r.Remove))
	}
	if len(list) == 0 {
		objs = []fyne.CanvasObject{widget.NewLabel("还没有佐证材料。点“添加材料”列出合同、验收报告、付款凭证等。")}
	}
	d.rows.Objects = objs
	d.rows.Refresh()
	d.scroll.Refresh() // lays the new rows out now: a cell focused next is scrolled to where it is
}

func (d *evidenceDialog) newRow(i int, e forms.Evidence) *evidenceRow {
	r := &evidenceRow{}
	r.Name = d.entry(e.Name, "如：采购合同", func(it *forms.Evidence) *string { return &it.Name }, i)
	r.Kind = d.kind(e.Kind, i)
	r.Pages = d.entry(e.Pages, "页", func(it *forms.Evidence) *string { return &it.Pages }, i)
	r.Path = d.entry(e.Path, "文件路径", func(it *forms.Evidence) *string { return &it.Path }, i)
	r.Choose = widget.NewButton("选择…", func() { d.choose(i) })
	r.Up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { d.move(i, -1) })
	r.Down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { d.move(i, 1) })
	r.Remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { d.remove(i) })
	if i == 0 {
		r.Up.Disable()
	}
	if i == len(*d.t.list())-1 {
		r.Down.Disable()
	}
	return r
}

// begin takes this opening's 撤销 step before its first change.
func (d *evidenceDialog) begin() {
	if d.recorded {
		return
	}
	d.recorded = true
	d.w.record()
	if h := d.w.historyOf(); len(h.undo) > 0 {
		d.before = h.undo[len(h.undo)-1]
	}
}

// changed tells the window the list changed, and the button its new count.
func (d *evidenceDialog) changed() {
	d.button.SetText(evidenceLabel(*d.t.list()))
	d.w.changedIn(d.t.form)
}

// set writes s into the field of item i that field picks, as typed.
func (d *evidenceDialog) set(i int, field func(*forms.Evidence) *string, s string) {
	list := *d.t.list()
	if i >= len(list) || *field(&list[i]) == s {
		return
	}
	d.begin()
	*field(&list[i]) = s
	d.changed()
}

// add appends an empty item and puts the cursor into its name.
func (d *evidenceDialog) add() {
	d.begin()
	l := d.t.list()
	*l = append(*l, forms.Evidence{})
	d.restructured()
	d.focus(d.Rows[len(d.Rows)-1].Name)
	// The new row is the last: shown by its height to come, as the window may lay it out only
	// at its next frame (seen under Xvfb, where reveal found it not yet placed).
	d.scroll.ScrollToBottom()
}

// move moves item i by delta places, keeping the cursor off the buttons.
func (d *evidenceDialog) move(i, delta int) {
	l := *d.t.list()
	j := i + delta
	if j < 0 || j >= len(l) {
		return
	}
	d.begin()
	l[i], l[j] = l[j], l[i]
	d.restructured()
	d.focus(d.Rows[j].Name) // the item moved; the button pressed is gone, and with it the keys
}

// remove deletes item i, after asking when it holds text.
func (d *evidenceDialog) remove(i int) {
	do := func() {
		d.begin()
		l := d.t.list()
		*l = slices.Delete(*l, i, i+1)
		if len(*l) == 0 {
			*l = nil // as a list never filled: the file does not change by an empty list
		}
		d.restructured()
		if len(d.Rows) == 0 {
			d.w.Win.Canvas().Unfocus() // Enter and Esc go to the dialog's 确定 (dialogKey)
		} else {
			d.focus(d.Rows[min(i, len(d.Rows)-1)].Name)
		}
	}
	if (*d.t.list())[i].IsBlank() {
		do()
		return
	}
	dialog.ShowConfirm("删除", fmt.Sprintf("确定删除佐证材料 %d 吗？", i+1), func(ok bool) {
		if ok {
			do()
		}
	}, d.w.Win)
}

// restructured rebuilds the rows after items were added, removed or moved.
func (d *evidenceDialog) restructured() {
	d.w.guard("更新佐证材料", d.build)
	d.changed()
}

// choose asks for the file of item i and writes its path into the item.
func (d *evidenceDialog) choose(i int) {
	d.w.files().chooseOpenExts(d.w.Win, "选择佐证材料的电子文件", nil, func(path string) {
		if i < len(d.Rows) {
			d.Rows[i].Path.SetText(path) // through the cell, as if typed: one path in the list
			d.focus(d.Rows[i].Path)
		}
	})
}

// closed drops the items left without a single character (a row added and never filled), and
// the 撤销 step when the list is as it was.
func (d *evidenceDialog) closed() {
	d.w.evidence = nil
	l := d.t.list()
	kept := slices.DeleteFunc(slices.Clone(*l), func(e forms.Evidence) bool { return e == forms.Evidence{} })
	if len(kept) != len(*l) {
		if len(kept) == 0 {
			kept = nil
		}
		*l = kept
		d.changed()
	}
	if !d.recorded {
		return
	}
	if now, err := forms.Marshal(d.w.Doc); err == nil && bytes.Equal(now, d.before) {
		h := d.w.historyOf()
		h.undo = h.undo[:len(h.undo)-1] // nothing changed: no step to take back
	}
}

// cells are the dialog's cells in Tab order: each row's name, kind, pages and file.
func (d *evidenceDialog) cells() []fyne.Focusable {
	var out []fyne.Focusable
	for _, r := range d.Rows {
		out = append(out, r.Name, r.Kind, r.Pages, r.Path)
	}
	return out
}

// step moves the cursor from cell from to the next cell (back: the previous one), round from
// the last to the first, and scrolls it into the dialog's view. Buttons are passed over, as
// in the form (keyboard.go).
func (d *evidenceDialog) step(from fyne.Focusable, back bool) {
	cells := d.cells()
	i := slices.Index(cells, from)
	if i < 0 || len(cells) == 0 {
		return
	}
	n := len(cells)
	if back {
		i = (i - 1 + n) % n
	} else {
		i = (i + 1) % n
	}
	d.focus(cells[i])
}

// focus puts the cursor into cell c, which scrolls it into view (FocusGained).
func (d *evidenceDialog) focus(c fyne.Focusable) { d.w.Win.Canvas().Focus(c) }

// reveal scrolls the rows so that o is whole in view.
func (d *evidenceDialog) reveal(o fyne.CanvasObject) {
	drv := fyne.CurrentApp().Driver()
	top, at := drv.AbsolutePositionForObject(d.scroll), drv.AbsolutePositionForObject(o)
	y, h, view := at.Y-top.Y, o.Size().Height, d.scroll.Size().Height
	offset := d.scroll.Offset.Y
	switch {
	case y < 0 || h > view:
		offset += y
	case y+h > view:
		offset += y + h - view
	default:
		return
	}
	d.scroll.ScrollToOffset(fyne.NewPos(0, max(offset, 0)))
}

// ownStep takes back (redo: takes again) the typing in the cell with the cursor; it never
// reaches the document's history while the dialog is open.
func (d *evidenceDialog) ownStep(redo bool) {
	if c, ok := d.w.Win.Canvas().Focused().(evidenceCell); ok {
		c.ownStep(redo)
	}
}

// evidenceButton is the "佐证 N" button of the indicator row at p.
func (t *treeEditor) evidenceButton(p forms.RowPath) *widget.Button {
	return t.w.evidenceButton(evidenceTarget{
		form: t.form,
		title: func() string {
			tree := t.tree()
			name := forms.IndicatorRowName(tree[p.L1], tree[p.L1].Children[p.L2], p.Row)
			if content := tree.Row(p).Content; content != "" {
				name += "（" + shortName(forms.Shown(content), 24) + "）"
			}
			return name
		},
		list: func() *[]forms.Evidence { return &t.tree().Row(p).Evidence },
	})
}

// budgetEvidence is the "佐证 N" button of the unit form's 收支情况.
func (u *unitTab) budgetEvidence() *widget.Button {
	u.Evidence = u.w.evidenceButton(evidenceTarget{
		form:  -1,
		title: func() string { return "年度部门（单位）整体收支情况" },
		list:  func() *[]forms.Evidence { return &u.w.Doc.Unit.BudgetEvidence },
	})
	return u.Evidence
}

// fundsEvidence is the "佐证 N" button of a project's 项目预算资金.
func (p *projectTab) fundsEvidence() *widget.Button {
	w, i := p.w, p.index
	p.Evidence = w.evidenceButton(evidenceTarget{
		form:  i,
		title: func() string { return shortName(w.Doc.Projects[i].Name, 20) + " › " + p.Layout.FundsTitle },
		list:  func() *[]forms.Evidence { return &w.Doc.Projects[i].FundsEvidence },
	})
	return p.Evidence
}
