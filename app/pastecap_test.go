package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"ziping/forms"
)

// TestLongPasteNeverReachesTheEntry: a paste longer than the field may hold is refused before
// the entry takes it (laying out megabytes kept the window busy for minutes): the entry never
// sees the text, the field and the document keep theirs, and a message says why. The project
// list's search field refuses it too, saying so in the list.
func TestLongPasteNeverReachesTheEntry(t *testing.T) {
	a := test.NewTempApp(t)
	w := New(a)
	w.AddProject()
	clip := a.Clipboard()
	r := addTreeRow(t, projectTree(w, 0), 0, 0)
	for _, c := range []struct {
		e   *fieldEntry
		doc *string
		max int
	}{{r.Content, &r.in.Content, maxLineRunes}, {r.Reason, &r.in.Reason, forms.MaxFieldRunes}} {
		calls := 0
		orig := c.e.OnChanged
		c.e.OnChanged = func(s string) { calls++; orig(s) }
		clip.SetContent(strings.Repeat("字", c.max+1))
		c.e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
		if calls != 0 || c.e.Text != "" || *c.doc != "" {
			t.Errorf("%d characters pasted into a field of %d: OnChanged %d times, text %d characters", c.max+1, c.max, calls, len([]rune(c.e.Text)))
		}
		if top := w.Win.Canvas().Overlays().Top(); top == nil {
			t.Errorf("no message for %d characters pasted into a field of %d", c.max+1, c.max)
		} else {
			w.Win.Canvas().Overlays().Remove(top)
		}
		clip.SetContent(strings.Repeat("字", c.max))
		c.e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
		if len([]rune(c.e.Text)) != c.max {
			t.Errorf("%d characters pasted into a field of %d: it holds %d", c.max, c.max, len([]rune(c.e.Text)))
		}
		c.e.OnChanged = orig
	}
	w.findProject()
	clip.SetContent(strings.Repeat("a", maxSearchRunes+1))
	w.Nav.Search.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if w.Nav.Search.Text != "" || !strings.Contains(w.Nav.Found.Text, "没有粘贴") {
		t.Errorf("the search field holds %d characters, the list says %q", len(w.Nav.Search.Text), w.Nav.Found.Text)
	}
}
