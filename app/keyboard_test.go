package app

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// press sends a key with modifiers to win as Fyne 2.7.1's desktop driver does
// (internal/driver/glfw/window.go: processKeyPressed, capturesTab, triggersShortcut), which
// Fyne's test driver does not: Tab without Ctrl moves the focus itself unless the focused
// widget accepts Tab; a key with Ctrl is a shortcut, offered to the main menu first, then to
// the focused widget, then to the canvas; another key goes to the focused widget, or to the
// canvas when nothing has the focus.
func press(win fyne.Window, key fyne.KeyName, mods fyne.KeyModifier) {
	c := win.Canvas()
	ctrl := mods&^fyne.KeyModifierShift != 0
	switch {
	case key == fyne.KeyTab && !ctrl:
		if t, ok := c.Focused().(fyne.Tabbable); !ok || !t.AcceptsTab() {
			if mods == 0 {
				c.FocusNext()
			} else {
				c.FocusPrevious()
			}
			return
		}
	case ctrl:
		var s fyne.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: mods}
		if mods == fyne.KeyModifierShortcutDefault && key == fyne.KeyZ {
			s = &fyne.ShortcutUndo{}
		} else if mods == fyne.KeyModifierShortcutDefault && key == fyne.KeyY {
			s = &fyne.ShortcutRedo{}
		}
		if win.MainMenu() != nil && menuShortcut(win.MainMenu().Items, s) {
			return
		}
		if f, ok := c.Focused().(fyne.Shortcutable); ok {
			f.TypedShortcut(s)
		} else {
			c.(fyne.Shortcutable).TypedShortcut(s)
		}
		return
	}
	ev := &fyne.KeyEvent{Name: key}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// menuShortcut runs the menu item carrying s, as the driver's triggerMainMenuShortcut does.
func menuShortcut(menus []*fyne.Menu, s fyne.Shortcut) bool {
	for _, m := range menus {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == s.ShortcutName() && it.Action != nil {
				it.Action()
				return true
			}
			if it.ChildMenu != nil && menuShortcut([]*fyne.Menu{it.ChildMenu}, s) {
				return true
			}
		}
	}
	return false
}

const ctrl, shift = fyne.KeyModifierShortcutDefault, fyne.KeyModifierShift

// TestDialogKeys: Enter presses a dialog's highlighted button and Esc its 取消 or 否, with the
// cursor left in a field of the window or nowhere; a one-button message closes with either;
// a dialog without a cancelling button (恢复 / 丢弃) is not answered by Esc.
func TestDialogKeys(t *testing.T) {
	w := NewForFile(test.NewTempApp(t), fileSample)
	goals := func() int { return len(w.Doc.Unit.Goals) }
	n := goals()
	w.Win.Canvas().Focus(w.Unit.Name)
	test.Tap(w.Unit.Goals.Rows[0].Remove) // asks: the goal has text
	press(w.Win, fyne.KeyEscape, 0)
	if hasDialog(w) || goals() != n {
		t.Fatalf("Esc: dialog %v, %d goals of %d", hasDialog(w), goals(), n)
	}
	test.Tap(w.Unit.Goals.Rows[0].Remove)
	press(w.Win, fyne.KeyReturn, 0)
	if hasDialog(w) || goals() != n-1 {
		t.Fatalf("Enter: dialog %v, %d goals of %d", hasDialog(w), goals(), n)
	}

	for _, key := range []fyne.KeyName{fyne.KeyEscape, fyne.KeyReturn, fyne.KeyEnter} {
		dialog.ShowInformation("提示", "说明", w.Win)
		press(w.Win, key, 0)
		if hasDialog(w) {
			t.Fatalf("%s leaves the message open", key)
		}
	}

	answer := "none"
	dialog.ShowCustomConfirm("恢复未保存的内容", "恢复", "丢弃", widget.NewLabel("副本"), func(ok bool) { answer = fmt.Sprint(ok) }, w.Win)
	press(w.Win, fyne.KeyEscape, 0)
	if !hasDialog(w) || answer != "none" {
		t.Fatalf("Esc answered %s", answer)
	}
	press(w.Win, fyne.KeyReturn, 0)
	if hasDialog(w) || answer != "true" {
		t.Fatalf("Enter answered %s", answer)
	}
}

// TestCloseKeys: Esc and Ctrl+W close the print preview; Ctrl+Q asks about unsaved changes as
// the window's close button does (Esc is 取消 there), and closes a window with none.
func TestCloseKeys(t *testing.T) {
	w := fileWindow(t)
	w.Open(copySample(t, t.TempDir(), "a.zpb"))
	for _, k := range []struct {
		key  fyne.KeyName
		mods fyne.KeyModifier
		zoom bool // the zoom drop-down has the focus, as after a choice
	}{{fyne.KeyEscape, 0, false}, {fyne.KeyEscape, 0, true}, {fyne.KeyW, ctrl, false}, {fyne.KeyW, ctrl, true}} {
		w.ShowPreview()
		p := w.preview()
		if k.zoom {
			p.Win.Canvas().Focus(p.Zoom)
		}
		press(p.Win, k.key, k.mods)
		if w.preview() != nil {
			t.Fatalf("%s (zoom focused %v) leaves the preview open", k.key, k.zoom)
		}
	}

	closed := false
	w.Win.SetOnClosed(func() { closed = true })
	test.Type(w.Unit.Staff, "0")
	press(w.Win, fyne.KeyQ, ctrl)
	if w.files().prompt == nil || closed {
		t.Fatal("Ctrl+Q with unsaved changes did not ask")
	}
	press(w.Win, fyne.KeyEscape, 0)
	if w.files().prompt != nil || hasDialog(w) || closed {
		t.Fatal("Esc did not cancel the question")
	}
	w.Save()
	settle(w)
	press(w.Win, fyne.KeyQ, ctrl)
	settle(w)
	if !closed {
		t.Error("Ctrl+Q did not close the saved window")
	}
}
