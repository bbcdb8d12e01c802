package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

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
