package app

import (
	"bytes"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// press sends a key with modifiers to win as Fyne 2.7.1's desktop driver does
// (internal/driver/glfw/window.go: processKeyPressed, capturesTab, triggersShortcut), which
// Fyne's test driver does not: Tab without Ctrl moves the focus itself unless the focused
// widget accepts Tab; a key with Ctrl is a shortcut, offered to the main menu first, then to
// the focused widget, then to the canvas; another key goes to the focused widget, or to the
// canvas when nothing has the focus.
func press(win fyne.Window, key fyne.KeyName, mods fyne.KeyModifier) {
	held := keyModifiers
	keyModifiers = func() fyne.KeyModifier { return mods }
	defer func() { keyModifiers = held }()
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
		pressShortcut(win, key, mods)
		return
	}
	ev := &fyne.KeyEvent{Name: key}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// pressShortcut is press for a key with Ctrl.
func pressShortcut(win fyne.Window, key fyne.KeyName, mods fyne.KeyModifier) {
	var s fyne.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: mods}
	if mods == fyne.KeyModifierShortcutDefault && key == fyne.KeyZ {
		s = &fyne.ShortcutUndo{}
	} else if mods == fyne.KeyModifierShortcutDefault && key == fyne.KeyY {
		s = &fyne.ShortcutRedo{}
	}
	if win.MainMenu() != nil && menuShortcut(win.MainMenu().Items, s) {
		return
	}
	if f, ok := win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
	} else {
		win.Canvas().(fyne.Shortcutable).TypedShortcut(s)
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

// inView fails the test unless o lies whole inside the viewport of tab's scroll.
func inView(t *testing.T, w *Window, tab int, o fyne.CanvasObject, step string) {
	t.Helper()
	s := w.scrollOf(tab)
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s).Y
	if y < 0 || y+o.Size().Height > s.Size().Height {
		t.Fatalf("%s: the focused %T is at %.0f–%.0f, outside the view 0–%.0f", step, o, y, y+o.Size().Height, s.Size().Height)
	}
}

// walkWithTab puts the cursor into first and presses Tab until it is back there, checking that
// each stop is a field in view; then Shift+Tab walks the same stops back. It returns the stops.
func walkWithTab(t *testing.T, w *Window, tab int, first fyne.Focusable) []fyne.Focusable {
	t.Helper()
	c := w.Win.Canvas()
	c.Focus(first)
	var stops []fyne.Focusable
	for c.Focused() != first || len(stops) == 0 {
		f := c.Focused()
		if !isField(f) || len(stops) > 3000 {
			t.Fatalf("Tab %d stops on %T", len(stops), f)
		}
		inView(t, w, tab, f.(fyne.CanvasObject), fmt.Sprintf("Tab %d", len(stops)))
		stops = append(stops, f)
		press(w.Win, fyne.KeyTab, 0)
	}
	for i := len(stops) - 1; i >= 0; i-- {
		press(w.Win, fyne.KeyTab, shift)
		if c.Focused() != stops[i] {
			t.Fatalf("Shift+Tab back to stop %d: focus on %T, want %T", i, c.Focused(), stops[i])
		}
		inView(t, w, tab, stops[i].(fyne.CanvasObject), fmt.Sprintf("Shift+Tab to stop %d", i))
	}
	return stops
}

// visited fails the test unless every shown entry of the binders, and every drop-down and tick
// of the tree's rows, is among the stops.
func visited(t *testing.T, stops []fyne.Focusable, tree *treeEditor, bs ...*binder) {
	t.Helper()
	at := map[fyne.Focusable]bool{}
	for _, s := range stops {
		at[s] = true
	}
	for _, b := range append(bs, tree.b) {
		for _, f := range b.fields {
			if f.entry.Visible() && !at[f.entry] {
				t.Errorf("Tab never reaches %v", f.loc)
			}
		}
	}
	for p, r := range tree.Rows {
		for _, f := range []fyne.Focusable{r.Op, r.Grade, r.Reasons[0], r.Reasons[4]} {
			if !at[f] {
				t.Errorf("Tab never reaches a %T of row %v", f, p)
			}
		}
	}
}

// TestTabWalksEveryFieldInView: Tab alone goes through every field of the unit form and of a
// project form in reading order, passing over the buttons, each field scrolled into view, and
// round to the first; Shift+Tab walks the same way back.
func TestTabWalksEveryFieldInView(t *testing.T) {
	w := NewForFile(test.NewTempApp(t), fileSample)
	u := w.Unit
	u.Settings.Open(0) // 文档设置 too
	stops := walkWithTab(t, w, 0, u.Name)
	visited(t, stops, u.Tree, u.b, u.Tasks.b, u.Goals.b)
	if stops[1] != u.Staff || stops[4] != u.Budget["I0"].Cells[1] {
		t.Errorf("not in reading order: stop 1 %T, stop 4 %T", stops[1], stops[4])
	}

	w.Tabs.Select(w.Project(2).item())
	p := w.Projects[2]
	stops = walkWithTab(t, w, 3, p.Name)
	visited(t, stops, p.Tree, p.b, p.Goals.b)
	if w.Doc.Projects[2].Name != p.Name.Text {
		t.Error("walking changed the project's name")
	}
}

// TestTabLeavesMultiLineField: Tab, Shift+Tab, Ctrl+Tab and Ctrl+Shift+Tab move the cursor out
// of a multi-line field and type nothing into it; a tab character typed is left out; Enter
// still starts a new line.
func TestTabLeavesMultiLineField(t *testing.T) {
	w := NewForFile(test.NewTempApp(t), fileSample)
	r := w.Unit.Tree.Rows[forms.RowPath{L1: 0, L2: 0, Row: 0}]
	reason := &w.Doc.Unit.Indicators[0].Children[0].Rows[0].Reason
	before, text := marshal(t, w.Doc), r.Reason.Text
	c := w.Win.Canvas()
	for _, k := range []struct {
		mods     fyne.KeyModifier
		from, to *fieldEntry
	}{{0, r.Reason, r.Measures}, {shift, r.Measures, r.Reason}, {ctrl, r.Reason, r.Measures}, {ctrl | shift, r.Measures, r.Reason}} {
		w.focus(k.from) // out of view: see virt.go
		press(w.Win, fyne.KeyTab, k.mods)
		if c.Focused() != k.to {
			t.Fatalf("Tab with %v: focus on %T", k.mods, c.Focused())
		}
	}
	r.Reason.TypedRune('\t')
	if r.Reason.Text != text || !bytes.Equal(marshal(t, w.Doc), before) {
		t.Fatalf("a tab entered the field: %q", r.Reason.Text)
	}
	w.focus(r.Reason)
	press(w.Win, fyne.KeyReturn, 0)
	if *reason != "\n"+text {
		t.Errorf("Enter in 原因说明 gives %q", *reason)
	}
}

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

// BenchmarkTab is one Tab in a project form of a 60-project document: the focus moved to the
// next field (passing over buttons) and the form scrolled to it.
func BenchmarkTab(b *testing.B) {
	w, p := openMany(b, 60)
	w.Win.Canvas().Focus(p.Name)
	for b.Loop() {
		press(w.Win, fyne.KeyTab, 0)
	}
}
