package app

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// The cells of the 佐证材料 dialog (evidence.go) take the keys as the form's fields do
// (keyboard.go): Tab and Shift+Tab, Ctrl+Tab and Ctrl+Shift+Tab go from cell to cell, passing
// over the buttons, round within the dialog and scrolled into its view; Enter and Esc close the
// dialog, as they answer the window's other dialogs (dialogKey), since Fyne gives a focused
// entry those keys before the canvas.

// evidenceCell is what both kinds of cell answer: the typing in them taken back or again.
type evidenceCell interface{ ownStep(redo bool) bool }

// evidenceEntry is a one-line cell: 材料名称, 页数 or 电子文件.
type evidenceEntry struct {
	widget.Entry
	d *evidenceDialog
}

// evidenceKind is the 材料类型 cell: forms.EvidenceKinds to pick from, any text typed.
type evidenceKind struct {
	widget.SelectEntry
	d *evidenceDialog
}

var (
	_ fyne.Tabbable = (*evidenceEntry)(nil)
	_ fyne.Tabbable = (*evidenceKind)(nil)
)

// entry is the cell of a text field of item i: field picks it from the item.
func (d *evidenceDialog) entry(text, placeholder string, field func(*forms.Evidence) *string, i int) *evidenceEntry {
	e := &evidenceEntry{d: d}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as widget.NewEntry
	e.ExtendBaseWidget(e)
	e.SetText(text)
	e.SetPlaceHolder(placeholder)
	e.OnChanged = d.onChanged(&e.Entry, field, i)
	return e
}

// kind is the 材料类型 cell of item i.
func (d *evidenceDialog) kind(text string, i int) *evidenceKind {
	k := &evidenceKind{d: d}
	k.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	k.ExtendBaseWidget(k)
	k.SetOptions(forms.EvidenceKinds())
	k.SetText(text)
	k.SetPlaceHolder("选择或输入")
	k.OnChanged = d.onChanged(&k.Entry, func(it *forms.Evidence) *string { return &it.Kind }, i)
	return k
}

// onChanged writes what is typed into e into the field of item i as it is, but for the line
// breaks of a paste (one space, as in the form's one-line fields) and text beyond a line's
// limit, which is refused with a message and leaves what was there.
func (d *evidenceDialog) onChanged(e *widget.Entry, field func(*forms.Evidence) *string, i int) func(string) {
	return func(s string) {
		if clean := singleLine.Replace(s); clean != s {
			e.SetText(clean) // calls back with the clean text
			return
		}
		l := d.list()
		if l == nil || i >= len(*l) {
			return
		}
		old := *field(&(*l)[i])
		if n := utf8.RuneCountInString(s); n > maxLineRunes && n > utf8.RuneCountInString(old) {
			e.SetText(old)
			dialog.ShowInformation("文字过长", lineLimitMessage(), d.w.Win)
			return
		}
		d.set(i, field, s)
	}
}

// key moves the cursor on Tab, closes the dialog on Enter and Esc, and gives other keys to own.
func (d *evidenceDialog) key(c fyne.Focusable, ev *fyne.KeyEvent, own func(*fyne.KeyEvent)) {
	switch ev.Name {
	case fyne.KeyTab:
		d.step(c, shiftHeld())
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape:
		d.d.Hide()
	default:
		own(ev)
	}
}

// shortcut takes Ctrl+Tab, Ctrl+Shift+Tab and Ctrl+Shift+Z (重做 of the cell's typing) and a paste
// longer than a cell holds; other shortcuts go to own.
func (d *evidenceDialog) shortcut(c fyne.Focusable, e *widget.Entry, s fyne.Shortcut, own func(fyne.Shortcut)) {
	switch s.ShortcutName() {
	case nextFieldKey.ShortcutName():
		d.step(c, false)
	case prevFieldKey.ShortcutName():
		d.step(c, true)
	case redoKey.ShortcutName():
		d.ownStep(true)
	default:
		if pasteTooLong(e, s, maxLineRunes) {
			dialog.ShowInformation("文字过长", lineLimitMessage(), d.w.Win)
			return
		}
		own(s)
	}
}

// AcceptsTab keeps Tab from the driver, which would walk the dialog's buttons too: key moves it.
func (e *evidenceEntry) AcceptsTab() bool           { return true }
func (e *evidenceEntry) TypedKey(ev *fyne.KeyEvent) { e.d.key(e, ev, e.Entry.TypedKey) }
func (e *evidenceEntry) TypedShortcut(s fyne.Shortcut) {
	e.d.shortcut(e, &e.Entry, s, e.Entry.TypedShortcut)
}
func (e *evidenceEntry) ownStep(redo bool) bool { return entryStep(&e.Entry, redo) }

// FocusGained scrolls the cell into the dialog's view, however it got the cursor.
func (e *evidenceEntry) FocusGained() {
	e.Entry.FocusGained()
	e.d.reveal(e)
}

func (k *evidenceKind) FocusGained() {
	k.SelectEntry.FocusGained()
	k.d.reveal(k)
}

// TypedRune leaves out tab characters, as the form's fields do.
func (e *evidenceEntry) TypedRune(r rune) {
	if r != '\t' {
		e.Entry.TypedRune(r)
	}
}

func (k *evidenceKind) AcceptsTab() bool           { return true }
func (k *evidenceKind) TypedKey(ev *fyne.KeyEvent) { k.d.key(k, ev, k.SelectEntry.TypedKey) }
func (k *evidenceKind) TypedShortcut(s fyne.Shortcut) {
	k.d.shortcut(k, &k.Entry, s, k.SelectEntry.TypedShortcut)
}
func (k *evidenceKind) ownStep(redo bool) bool { return entryStep(&k.Entry, redo) }

func (k *evidenceKind) TypedRune(r rune) {
	if r != '\t' {
		k.SelectEntry.TypedRune(r)
	}
}

// entryStep takes back (redo: takes again) e's last piece of typing, and reports whether there
// was one (fieldEntry.ownStep).
func entryStep(e *widget.Entry, redo bool) bool {
	before := e.Text
	if redo {
		e.Redo()
	} else {
		e.Undo()
	}
	return e.Text != before
}
