package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// The editors of the document's fields take the keyboard as a spreadsheet does (docs/用户手册.md,
// 键盘): Tab and Shift+Tab go to the next and previous field in reading order, from one-line and
// multi-line fields alike, passing over the buttons between them; Ctrl+Tab and Ctrl+Shift+Tab do
// the same; Enter stays a new line in a multi-line field; and a field that gets the focus is
// scrolled into view. Fyne 2.7.1's multi-line entry takes Tab as a character (Entry.AcceptsTab),
// and its driver moves the focus through every focusable object (toolbar and row buttons too)
// without scrolling: so each field claims Tab (AcceptsTab) and moves the focus itself.

// fieldPlace is what every field type holds: its window and the tab it is on, for Tab
// (focusStep), scrolling into view (reveal) and dropHiddenFocus.
type fieldPlace struct {
	w   *Window
	tab int // the tab it is on: 0 the unit form, i project i-1
}

// placeOf is the place of a field of a binder's form: the settings (forms.AllForms) are on the
// unit tab.
func placeOf(w *Window, form int) fieldPlace { return fieldPlace{w: w, tab: max(form+1, 0)} }

func (f fieldPlace) fieldTab() int { return f.tab }

// typedKey moves the focus on Tab and Shift+Tab and gives other keys to own, the widget's
// own TypedKey.
func (f fieldPlace) typedKey(ev *fyne.KeyEvent, own func(*fyne.KeyEvent)) {
	if ev.Name == fyne.KeyTab {
		f.w.focusStep(shiftHeld())
		return
	}
	own(ev)
}

// fieldEntry is the editor of one text field of the document (binder.entry, binder.multiline).
type fieldEntry struct {
	widget.Entry
	fieldPlace
	loc forms.Location // the field it edits
}

// fieldSelect is a drop-down of the document (binder.choice).
type fieldSelect struct {
	widget.Select
	fieldPlace
}

// fieldCheck is a tick box of the document (binder.check).
type fieldCheck struct {
	widget.Check
	fieldPlace
}

var (
	_ fyne.Tabbable = (*fieldEntry)(nil)
	_ fyne.Tabbable = (*fieldSelect)(nil)
	_ fyne.Tabbable = (*fieldCheck)(nil)
)

func newFieldEntry(w *Window, form int, loc forms.Location, multiLine bool) *fieldEntry {
	e := &fieldEntry{fieldPlace: placeOf(w, form), loc: loc}
	e.MultiLine = multiLine
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as widget.NewEntry
	e.ExtendBaseWidget(e)
	return e
}

func newFieldSelect(w *Window, form int, options []string) *fieldSelect {
	s := &fieldSelect{fieldPlace: placeOf(w, form)}
	s.Options, s.PlaceHolder = options, "（请选择）"
	s.ExtendBaseWidget(s)
	return s
}

func newFieldCheck(w *Window, form int, text string) *fieldCheck {
	c := &fieldCheck{fieldPlace: placeOf(w, form)}
	c.Text = text
	c.ExtendBaseWidget(c)
	return c
}

// AcceptsTab keeps Tab from the driver, which would move the focus without scrolling (and, in a
// multi-line entry, type a tab character): TypedKey moves it. Each field type says so itself:
// widget.Entry has an AcceptsTab of its own, which a method of the embedded fieldPlace would
// not override but make ambiguous, leaving fieldEntry without one.
func (e *fieldEntry) AcceptsTab() bool { return true }

// TypedKey moves the focus on Tab and Shift+Tab; other keys edit as in any entry.
func (e *fieldEntry) TypedKey(ev *fyne.KeyEvent) { e.typedKey(ev, e.Entry.TypedKey) }

// TypedRune leaves out tab characters (an input method or a key sender may deliver Tab as one).
func (e *fieldEntry) TypedRune(r rune) {
	if r != '\t' {
		e.Entry.TypedRune(r)
	}
}

// TypedShortcut moves the focus on Ctrl+Tab and Ctrl+Shift+Tab and takes Ctrl+Shift+Z as 重做;
// the other shortcuts (copy, paste, …) act on the entry.
func (e *fieldEntry) TypedShortcut(s fyne.Shortcut) {
	if e.w.windowShortcut(s) {
		return
	}
	max, msg := maxLineRunes, lineLimitMessage()
	if e.MultiLine {
		max, msg = forms.MaxFieldRunes, forms.LimitMessage()
	}
	if pasteTooLong(&e.Entry, s, max) {
		dialog.ShowInformation("文字过长", msg, e.w.Win) // the field keeps its text (pastecap.go)
		return
	}
	e.Entry.TypedShortcut(s)
}

// FocusGained scrolls the field into view.
func (e *fieldEntry) FocusGained() {
	e.Entry.FocusGained()
	e.w.reveal(e, e.tab)
}

// ownStep takes back (redo: takes again) the entry's last piece of typing, and reports whether
// there was one. Fyne's Entry keeps that history itself and tells nothing of it but the text.
func (e *fieldEntry) ownStep(redo bool) bool {
	before := e.Text
	if redo {
		e.Redo()
	} else {
		e.Undo()
	}
	return e.Text != before
}

func (s *fieldSelect) AcceptsTab() bool           { return true }
func (s *fieldSelect) TypedKey(ev *fyne.KeyEvent) { s.typedKey(ev, s.Select.TypedKey) }

func (s *fieldSelect) FocusGained() {
	s.Select.FocusGained()
	s.w.reveal(s, s.tab)
}

func (c *fieldCheck) AcceptsTab() bool           { return true }
func (c *fieldCheck) TypedKey(ev *fyne.KeyEvent) { c.typedKey(ev, c.Check.TypedKey) }

func (c *fieldCheck) FocusGained() {
	c.Check.FocusGained()
	c.w.reveal(c, c.tab)
}

// keyModifiers are the modifier keys held now; tests replace it (Fyne's test driver has none).
var keyModifiers = func() fyne.KeyModifier {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()
	}
	return 0
}

func shiftHeld() bool { return keyModifiers()&fyne.KeyModifierShift != 0 }

// Shortcuts the fields and the canvas share: Ctrl+Tab and Ctrl+Shift+Tab (Ctrl on every system:
// the Tab shortcuts of a spreadsheet) and Ctrl+Shift+Z (Cmd+Shift+Z on macOS).
var (
	nextFieldKey = &desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl}
	prevFieldKey = &desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift}
	redoKey      = shortcut(fyne.KeyZ, true)
)

// windowShortcut runs s when it is one of the window's own shortcuts that a focused field would
// otherwise take for itself, and reports whether it was.
func (w *Window) windowShortcut(s fyne.Shortcut) bool {
	switch s.ShortcutName() {
	case nextFieldKey.ShortcutName():
		w.focusStep(false)
	case prevFieldKey.ShortcutName():
		w.focusStep(true)
	case redoKey.ShortcutName():
		w.undoStep(true)
	default:
		return false
	}
	return true
}

// maxFocusSteps bounds the search for the next field: more than the focusable objects of the
// largest form.
const maxFocusSteps = 20000

// focusStep moves the focus to the next field (back: the previous one) in the order Fyne walks
// the window, which is the reading order of the forms, and scrolls it into view. Buttons are
// passed over, so that Tab goes from field to field as in a spreadsheet; after a form's last
// field comes its first.
func (w *Window) focusStep(back bool) {
	c := w.Win.Canvas()
	var first fyne.Focusable // the first object reached: seen again, there is no field
	for range maxFocusSteps {
		w.walkAll = true // the fields out of view too (virt.go)
		if back {
			c.FocusPrevious()
		} else {
			c.FocusNext()
		}
		w.walkAll = false
		f := c.Focused()
		if f == nil || f == first {
			return
		}
		if isField(f) {
			w.reveal(f.(fyne.CanvasObject), w.Tabs.SelectedIndex())
			return
		}
		if first == nil {
			first = f
		}
	}
}

// dropHiddenFocus takes the focus from a field of a tab that is no longer shown. Fyne's tabs
// leave it there, and keys typed on the tab shown (the check tab, another form) would edit the
// hidden field unseen, and 撤销 take back its typing.
func (w *Window) dropHiddenFocus() {
	c := w.Win.Canvas()
	if f, ok := c.Focused().(interface{ fieldTab() int }); ok && f.fieldTab() != w.Tabs.SelectedIndex() {
		c.Unfocus()
	}
}

// isField reports whether o edits something of the document: an entry, drop-down or tick box
// (the settings' own drop-downs and ticks are Fyne's).
func isField(o fyne.Focusable) bool {
	switch o.(type) {
	case *fieldEntry, *fieldSelect, *fieldCheck, *widget.Entry, *widget.Select, *widget.Check:
		return true
	}
	return false
}

// revealMargin is the room left above or below a field scrolled into view.
const revealMargin = 8

// reveal scrolls the form of tab so that o, a field on it, is in view, when that tab is shown:
// down just enough to show it whole when it is below the view, up to its top when above.
func (w *Window) reveal(o fyne.CanvasObject, tab int) {
	if w.Tabs == nil || w.Tabs.SelectedIndex() != tab {
		return // a field of another tab (the window took the focus back, or a test types into it)
	}
	s := w.scrollOf(tab)
	if s == nil || s.Content == nil {
		return
	}
	showIn(s, o) // a field out of view is put back into the tree (virt.go)
	d := fyne.CurrentApp().Driver()
	top, at := d.AbsolutePositionForObject(s), d.AbsolutePositionForObject(o)
	if at.IsZero() {
		return // not laid out in the window
	}
	y, h, view := at.Y-top.Y, o.Size().Height, s.Size().Height
	offset := s.Offset.Y
	switch {
	case y < 0 || h > view:
		offset += y - revealMargin
	case y+h > view:
		offset += y + h - view + revealMargin
	default:
		return
	}
	s.ScrollToOffset(fyne.NewPos(s.Offset.X, max(offset, 0)))
}

// cancelLabels are the buttons Esc presses in a dialog of several buttons.
func cancelLabels() []string {
	return []string{"取消", "否", "关闭", lang.L("Cancel"), lang.L("No")}
}

// dialogKey answers Enter and Esc for the dialog on top of c, and reports whether there is one.
// Enter presses its highlighted button, or its only button; Esc presses its 取消, 否 or 关闭
// button, or its only button. Fyne 2.7.1's dialogs take no keys; while one is shown and nothing
// in it has the focus, the keys go to the canvas.
func dialogKey(c fyne.Canvas, ev *fyne.KeyEvent) bool {
	buttons, ok := dialogButtons(c)
	if !ok {
		return false
	}
	var press *widget.Button
	for _, b := range buttons {
		switch ev.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			if b.Importance == widget.HighImportance || (len(buttons) == 1 && !isCancel(b)) {
				press = b
			}
		case fyne.KeyEscape:
			if len(buttons) == 1 || isCancel(b) {
				press = b
			}
		}
	}
	if press != nil && !press.Disabled() && press.OnTapped != nil {
		press.OnTapped()
	}
	return true
}

func isCancel(b *widget.Button) bool {
	for _, l := range cancelLabels() {
		if b.Text == l {
			return true
		}
	}
	return false
}

// dialogButtons returns the shown, enabled buttons of the dialog on top of c. A Fyne 2.7.1
// dialog is a modal pop-up whose content holds icon, background, body, the row of buttons and
// title, in that order (dialog/base.go, create); TestDialogKeys fails if that changes.
func dialogButtons(c fyne.Canvas) ([]*widget.Button, bool) {
	pop, ok := c.Overlays().Top().(*widget.PopUp)
	if !ok {
		return nil, false
	}
	box, ok := pop.Content.(*fyne.Container)
	if !ok || len(box.Objects) != 5 {
		return nil, false
	}
	row, ok := box.Objects[3].(*fyne.Container)
	if !ok {
		return nil, false
	}
	var out []*widget.Button
	for _, o := range row.Objects {
		if b, ok := o.(*widget.Button); ok && b.Visible() {
			out = append(out, b)
		}
	}
	return out, true
}

// dialogKeys makes Enter and Esc answer the dialogs of win; other keys with nothing focused go
// to also (nil for none).
func dialogKeys(win fyne.Window, also func(*fyne.KeyEvent)) {
	c := win.Canvas()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if !dialogKey(c, ev) && also != nil {
			also(ev)
		}
	})
}

// escSelect is a drop-down that Esc does not stop: a drop-down keeps the focus after a choice,
// and Esc should still close the print preview (previewKeys).
type escSelect struct {
	widget.Select
	esc func()
}

func newEscSelect(options []string, esc func()) *escSelect {
	s := &escSelect{esc: esc}
	s.Options = options
	s.ExtendBaseWidget(s)
	return s
}

func (s *escSelect) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		s.esc()
		return
	}
	s.Select.TypedKey(ev)
}

// previewKeys closes the print preview with Esc (when no dialog is shown in it) and Ctrl+W.
func previewKeys(p *previewWindow) {
	dialogKeys(p.Win, func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			p.Win.Close()
		}
	})
	p.Win.Canvas().AddShortcut(shortcut(fyne.KeyW, false), func(fyne.Shortcut) { p.Win.Close() })
}
