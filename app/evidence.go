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
	// home is the list the dialog was opened on; gone is set once it is not in the document any
	// more (list).
	home *[]forms.Evidence
	gone bool

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
	d := &evidenceDialog{w: w, t: t, button: b, rows: container.NewVBox(), home: t.list()}
	if d.home == nil {
		return // the row is gone; the window rebuilds its tabs
	}
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

// list is the list the dialog edits, or nil, having closed the dialog, when the document no
// longer holds it where it was: the modal dialog covers the window, but the window's shortcuts
// still act (Ctrl+N, Ctrl+O, an import), and the dialog must not write into another list.
func (d *evidenceDialog) list() *[]forms.Evidence {
	if l := d.t.list(); l != nil && l == d.home && !d.gone {
		return l
	}
	if !d.gone {
		d.gone = true
		d.d.Hide()
	}
	return nil
}

// build makes the rows' editors from the list.
func (d *evidenceDialog) build() {
	l := d.list()
	if l == nil {
		return
	}
	list := *l
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
	if i == len(*d.home)-1 {
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
	if l := d.list(); l != nil {
		d.button.SetText(evidenceLabel(*l))
	}
	d.w.changedIn(d.t.form)
}

// set writes s into the field of item i that field picks, as typed.
func (d *evidenceDialog) set(i int, field func(*forms.Evidence) *string, s string) {
	l := d.list()
	if l == nil || i >= len(*l) || *field(&(*l)[i]) == s {
		return
	}
	d.begin()
	*field(&(*l)[i]) = s
	d.changed()
}

// add appends an empty item and puts the cursor into its name.
func (d *evidenceDialog) add() {
	l := d.list()
	if l == nil {
		return
	}
	d.begin()
	*l = append(*l, forms.Evidence{})
	d.restructured()
	d.focus(d.Rows[len(d.Rows)-1].Name)
	// The new row is the last: shown by its height to come, as the window may lay it out only
	// at its next frame (seen under Xvfb, where reveal found it not yet placed).
	d.scroll.ScrollToBottom()
}

// move moves item i by delta places, keeping the cursor off the buttons.
func (d *evidenceDialog) move(i, delta int) {
	l := d.list()
	j := i + delta
	if l == nil || j < 0 || j >= len(*l) {
		return
	}
	d.begin()
	(*l)[i], (*l)[j] = (*l)[j], (*l)[i]
	d.restructured()
	d.focus(d.Rows[j].Name) // the item moved; the button pressed is gone, and with it the keys
}

// remove deletes item i, after asking when it holds text.
func (d *evidenceDialog) remove(i int) {
	do := func() {
		l := d.list()
		if l == nil || i >= len(*l) {
			return
		}
		d.begin()
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
	if l := d.list(); l == nil || (*l)[i].IsBlank() {
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
	l := d.list()
	if l == nil {
		return // another document, or the list's row is gone: nothing of it to tidy
	}
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

// closeStaleEvidence closes the open 佐证材料 dialog when its list is no longer in the document
// where it was (Window.rebuildTabs: the document or its structure changed under it).
func (w *Window) closeStaleEvidence() {
	if w.evidence != nil {
		w.evidence.list()
	}
}
