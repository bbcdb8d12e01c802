package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"ziping/forms"
)

// Limits of the undo history of a window: steps, and bytes of the saved states together (a
// 200-project document is about 1 MB as a file).
const (
	maxUndoSteps = 200
	maxUndoBytes = 64 << 20
)

// history is a window's document-level 撤销/重做: the document as it was before each structural
// change (rows, 二级, projects added, removed or moved, a paste, an import, 采用建议), as file
// bytes. Typing inside an entry has the entry's own undo. The history is not saved, and starts
// again when the window shows another document.
type history struct {
	doc        *forms.Document // the document the states belong to
	undo, redo [][]byte
}

func (h *history) bytes() int {
	n := 0
	for _, s := range h.undo {
		n += len(s)
	}
	for _, s := range h.redo {
		n += len(s)
	}
	return n
}

// of returns the history of doc, empty when the window has shown another document since.
func (w *Window) historyOf() *history {
	if w.hist.doc != w.Doc {
		w.hist = history{doc: w.Doc}
	}
	return &w.hist
}

// record saves the document as it is, before a structural change: one 撤销 step.
func (w *Window) record() {
	w.structural()
	data, err := forms.Marshal(w.Doc)
	if err != nil {
		return // nothing to undo to; the change itself goes ahead
	}
	h := w.historyOf()
	h.undo, h.redo = append(h.undo, data), nil
	for len(h.undo) > 1 && (len(h.undo) > maxUndoSteps || h.bytes() > maxUndoBytes) {
		h.undo = h.undo[1:]
	}
}

// CanUndo and CanRedo tell whether 撤销 and 重做 have a step to take.
func (w *Window) CanUndo() bool { return len(w.historyOf().undo) > 0 }

// CanRedo tells whether 重做 has a step to take.
func (w *Window) CanRedo() bool { return len(w.historyOf().redo) > 0 }

// Undo puts the document back as it was before the last structural change.
func (w *Window) Undo() { w.step(true) }

// Redo takes the last undone change again.
func (w *Window) Redo() { w.step(false) }

func (w *Window) step(back bool) {
	h := w.historyOf()
	from, to := &h.undo, &h.redo
	if !back {
		from, to = &h.redo, &h.undo
	}
	if len(*from) == 0 {
		return
	}
	now, err := forms.Marshal(w.Doc)
	if err != nil {
		dialog.ShowError(err, w.Win)
		return
	}
	state := (*from)[len(*from)-1]
	doc, err := forms.Unmarshal(state)
	if err != nil {
		dialog.ShowError(err, w.Win)
		return
	}
	*from = (*from)[:len(*from)-1]
	*to = append(*to, now)
	w.structural()
	*w.Doc = *doc // the same document: the window's file, lock and history stay its own
	// Back to what the file holds (undoing every change since opening or saving): nothing is
	// unsaved, and the recovery copies of the changes are of no use, as after a save. Otherwise
	// unsaved is whether the document differs from the saved one (saved.go).
	if w.isSaved(state) {
		w.Dirty = false
		w.markSaved()
		w.clearRecovery()
	} else {
		w.noteChange(forms.AllForms)
	}
	w.guard("撤销", w.rebuild)
}

// undoStep is 撤销 (redo: 重做) as the menu and the keys run it, one step a press whatever has
// the focus: in a field of the form on screen that has typing of its own to take back, that
// typing, a piece at a time (Fyne's Entry keeps it); otherwise the document's last step. The
// field that had the focus has it again after the step, so the next press goes on from there.
func (w *Window) undoStep(redo bool) {
	if w.evidence != nil { // the 佐证材料 dialog edits the document under it (evidence.go)
		w.evidence.ownStep(redo)
		return
	}
	c := w.Win.Canvas()
	focused := c.Focused()
	e, inField := focused.(*fieldEntry)
	inField = inField && e.tab == w.Tabs.SelectedIndex() // not a field left focused on a hidden tab
	if inField && e.ownStep(redo) {
		return
	}
	if redo && !w.CanRedo() || !redo && !w.CanUndo() {
		return
	}
	w.step(!redo)
	// The tabs were built anew: the focused object is no longer in the window, and keys sent
	// to it would edit nothing on screen (or, for the unit form, the document unseen).
	if focused == nil {
		return
	}
	c.Unfocus()
	if inField {
		if next := w.entryIn(e.loc); next != nil {
			w.focus(next)
		}
	}
}

// editMenu is 编辑: 撤销 (Ctrl+Z), 重做 (Ctrl+Y; Ctrl+Shift+Z is windowShortcut's) and 粘贴表格行
// (Ctrl+Shift+V). Fyne's menu bar takes its items' shortcuts before the focused widget and the
// canvas, so these are their only registration: one press runs them once.
func (w *Window) editMenu() *fyne.Menu {
	undo := fyne.NewMenuItem("撤销", func() { w.undoStep(false) })
	undo.Shortcut = &fyne.ShortcutUndo{}
	redo := fyne.NewMenuItem("重做", func() { w.undoStep(true) })
	redo.Shortcut = &fyne.ShortcutRedo{}
	paste := fyne.NewMenuItem("粘贴表格行", w.guarded("粘贴表格行", w.pasteRowsHere))
	paste.Shortcut = shortcut(fyne.KeyV, true)
	return fyne.NewMenu("编辑", undo, redo, fyne.NewMenuItemSeparator(), paste)
}
