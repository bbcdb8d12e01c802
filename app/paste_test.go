package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"ziping/forms"
)

// allBinders lists every binder of the window's tabs.
func allBinders(w *Window) []*binder {
	bs := []*binder{w.Unit.b, w.Unit.Tasks.b, w.Unit.Goals.b, w.Unit.Tree.b}
	for i := range w.Projects {
		p := w.Project(i)
		bs = append(bs, p.b, p.Goals.b, p.Tree.b)
	}
	return bs
}

// TestPasteIntoEveryEntry: text pasted from the clipboard (how IME users often enter long
// Chinese text) lands in the document field of the entry it was pasted into, for every entry.
func TestPasteIntoEveryEntry(t *testing.T) {
	a := test.NewTempApp(t)
	w := New(a)
	w.Open(samplePath)
	clip := a.Clipboard() // the test window makes a new clipboard on every call; the app keeps one
	n := 0
	for _, b := range allBinders(w) {
		for _, f := range b.fields {
			n++
			marker := fmt.Sprintf("粘贴内容%04d号", n)
			f.entry.SetText("")
			clip.SetContent(marker)
			f.entry.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
			if f.entry.Text != marker {
				t.Fatalf("entry %v shows %q after paste", f.loc, f.entry.Text)
			}
		}
	}
	data, _ := forms.Marshal(w.Doc)
	for i := 1; i <= n; i++ {
		marker := fmt.Sprintf("粘贴内容%04d号", i)
		if c := strings.Count(string(data), marker); c != 1 {
			t.Errorf("%s is in the document %d times, want once", marker, c)
		}
	}
	if n < 200 {
		t.Errorf("only %d entries found", n)
	}
	t.Logf("pasted into %d entries", n)
}
