package app

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"ziping/forms"
)

// TestScoreEntryFollowsTheModel: a suggested 得分 that goes away (全年完成值 cleared) leaves
// the 得分 entry showing what the document holds, never the old suggestion.
func TestScoreEntryFollowsTheModel(t *testing.T) {
	w := newTreeTestWindow(t)
	ed := projectTree(w, 0)
	r := addTreeRow(t, ed, 0, 0)
	r.Op.SetSelected(string(forms.OpGE))
	test.Type(r.Target, "100")
	test.Type(r.Weight, "60")
	test.Type(r.Actual, "98")
	if r.Score.Text != "58.8" {
		t.Fatalf("得分 entry %q after 完成值 98, want the suggestion 58.8", r.Score.Text)
	}
	treeRetype(r.Actual, "")
	res := ed.results(w.Eval).At(r.path)
	if res.HasScore || r.Score.Text != "" || r.in.Score != "" {
		t.Fatalf("after clearing 完成值: entry %q, document %q, model has score %v", r.Score.Text, r.in.Score, res.HasScore)
	}
	// A score typed while nothing is suggested stays in force when a suggestion appears (手工调整),
	// until 采用建议.
	test.Type(r.Score, "50")
	test.Type(r.Actual, "90")
	if r.Score.Text != "50" || !r.in.Manual || r.Suggestion.Text != "建议 54" {
		t.Fatalf("typed score then 完成值: entry %q manual %v suggestion %q", r.Score.Text, r.in.Manual, r.Suggestion.Text)
	}
	test.Tap(r.Take)
	if r.Score.Text != "54" || r.in.Manual {
		t.Fatalf("采用建议: entry %q manual %v", r.Score.Text, r.in.Manual)
	}
}

// TestSingleLineEntriesDropLineBreaks: text pasted from Windows programs (CR LF) becomes one
// line in one-line entries and keeps its breaks, as LF, in multi-line ones; cells copied from a
// spreadsheet (a tab between them) are parted by a space in either.
func TestSingleLineEntriesDropLineBreaks(t *testing.T) {
	a := test.NewTempApp(t)
	w := New(a)
	w.AddProject()
	clip := a.Clipboard()
	r := addTreeRow(t, projectTree(w, 0), 0, 0)
	clip.SetContent("服务对象\r\n满意度")
	r.Content.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if r.in.Content != "服务对象 满意度" || r.Content.Text != "服务对象 满意度" {
		t.Errorf("one-line entry holds %q, document %q", r.Content.Text, r.in.Content)
	}
	r.Reason.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if r.in.Reason != "服务对象\n满意度" {
		t.Errorf("multi-line entry holds %q", r.in.Reason)
	}
	clip.SetContent("人数\t满意度\r\n")
	for _, e := range []*fieldEntry{r.Unit, r.Measures} {
		e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	}
	if r.in.Unit != "人数 满意度 " || r.in.Measures != "人数 满意度\n" || strings.Contains(r.Unit.Text+r.Measures.Text, "\t") {
		t.Errorf("cells pasted: one-line entry holds %q, multi-line %q", r.in.Unit, r.in.Measures)
	}
}

// TestWarningsOrangeErrorsRed: an entry with a warning is drawn in the warning colour, with an
// error in the error colour, as the drop-downs and ticks are.
func TestWarningsOrangeErrorsRed(t *testing.T) {
	w := newTreeTestWindow(t)
	ed := projectTree(w, 0)
	r := addTreeRow(t, ed, 0, 0)
	border := func() (warn, err bool) {
		c := r.Score.Theme().Color(theme.ColorNameError, theme.VariantLight)
		return c == theme.Current().Color(theme.ColorNameWarning, theme.VariantLight),
			c == theme.Current().Color(theme.ColorNameError, theme.VariantLight)
	}
	// the colour the entry's status icon (the "!" at its right) is drawn in
	icon := func() color.Color {
		for _, f := range treeBinder(ed).fields { // show the entry: select its tab, scroll it into view
			if f.entry == r.Score {
				w.GoTo(f.loc)
			}
		}
		r.Score.FocusLost() // GoTo focuses it, and Fyne hides the icon of the entry being typed in
		return drawnColour(t, w, statusIcon(t, r.Score))
	}
	warnC, errC := theme.Current().Color(theme.ColorNameWarning, theme.VariantLight), theme.Current().Color(theme.ColorNameError, theme.VariantLight)
	test.Type(r.Weight, "10") // a 分值 without 得分: a warning at 得分
	if warn, _ := border(); !warn {
		t.Error("a warning on 得分 is not drawn in the warning colour")
	}
	if icon() != warnC {
		t.Error("the icon of a warning on 得分 is not in the warning colour")
	}
	test.Type(r.Score, "12") // above 分值: an error
	if _, err := border(); !err {
		t.Error("an error on 得分 is not drawn in the error colour")
	}
	if icon() != errC {
		t.Error("the icon of an error on 得分 is not in the error colour")
	}
	treeRetype(r.Score, "") // a warning again
	if warn, _ := border(); !warn || icon() != warnC {
		t.Error("back to a warning, the border or the icon is not in the warning colour")
	}
}

// drawnColour is the most saturated colour of o as the window draws it.
func drawnColour(t *testing.T, w *Window, o fyne.CanvasObject) color.Color {
	t.Helper()
	img := w.Win.Canvas().Capture()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	sc := w.Win.Canvas().Scale()
	var best color.Color
	bestSat := -1
	for y := int(pos.Y * sc); y < int((pos.Y+o.Size().Height)*sc); y++ {
		for x := int(pos.X * sc); x < int((pos.X+o.Size().Width)*sc); x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			sat := int(max(r, g, b)) - int(min(r, g, b))
			if sat > bestSat {
				best, bestSat = img.At(x, y), sat
			}
		}
	}
	return best
}

// statusIcon is the part of e that shows its error icon.
func statusIcon(t *testing.T, e *fieldEntry) fyne.Widget {
	t.Helper()
	for _, o := range test.WidgetRenderer(e).Objects() {
		wid, ok := o.(interface {
			fyne.Widget
			Theme() fyne.Theme
		})
		if !ok || !o.Visible() {
			continue
		}
		for _, p := range test.WidgetRenderer(wid).Objects() {
			if img, ok := p.(*canvas.Image); ok && img.Visible() && img.Resource != nil && strings.Contains(img.Resource.Name(), "error") {
				return wid
			}
		}
	}
	t.Fatal("the entry shows no error icon")
	return nil
}

// TestLongTextNeverABlackBar: a one-line field holding more than a line may (from a file) gets
// a wrapping editor; typing past the limit into a one-line entry is refused with a message.
func TestLongTextNeverABlackBar(t *testing.T) {
	w := newTreeTestWindow(t)
	long := strings.Repeat("社", 20_000)
	w.Doc.Projects[0].Implementer = long
	w.rebuild()
	p := w.Project(0)
	e := p.entryAt(forms.Location{Form: 0, Section: forms.SecHeader, Index: -1, Field: "implementer"})
	if e == nil || !e.MultiLine || e.Wrapping != fyne.TextWrapWord || e.Text != long {
		t.Fatalf("the 20,000-character field's editor: %+v", e)
	}
	name := p.entryAt(forms.Location{Form: 0, Section: forms.SecHeader, Index: -1, Field: "name"})
	name.SetText(strings.Repeat("项", maxLineRunes+1))
	if w.Doc.Projects[0].Name != "" || name.Text != "" {
		t.Fatalf("a one-line entry took %d characters", len([]rune(w.Doc.Projects[0].Name)))
	}
}
