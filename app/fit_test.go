package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"ziping/forms"
)

// smallScreen is the width the window must fit in: a 1024×768 screen less the window's frame.
const smallScreen = 1000

// TestWindowFitsSmallScreen: with every tab of the sample built, the window can be narrower
// than smallScreen, and there 内容 still shows contentChars characters; in both templates.
func TestWindowFitsSmallScreen(t *testing.T) {
	for _, tmpl := range []forms.TemplateID{forms.TemplateLiaoning, forms.TemplateNational} {
		w := NewForFile(test.NewTempApp(t), fileSample)
		w.SetTemplate(tmpl)
		buildAllTabs(w)
		min := w.Win.Content().MinSize()
		if min.Width > smallScreen {
			t.Errorf("%s: the window is at least %.0f px wide, want at most %d", tmpl, min.Width, smallScreen)
		}
		w.Win.Resize(fyne.NewSize(min.Width, 700))
		w.selectTab(1)
		r := w.Project(0).Tree.Rows[forms.RowPath{}]
		chars := fyne.MeasureText(strings.Repeat("国", contentChars), theme.TextSize(), fyne.TextStyle{}).Width
		if text := r.Content.Size().Width - 2*theme.InnerPadding() - 2*theme.InputBorderSize(); text < chars {
			t.Errorf("%s: at %.0f px 内容 has %.0f px for its text, %d characters need %.0f", tmpl, min.Width, text, contentChars, chars)
		}
	}
}

// TestWindowNeverGrows: a 13-digit figure or a 300-character text in any field of the unit
// form or of a project (pasted over what was there, as a user does by mistake) never makes
// the window wider, and the window's minimum is back where it was once the text is put back.
func TestWindowNeverGrows(t *testing.T) {
	w := NewForFile(test.NewTempApp(t), fileSample)
	buildAllTabs(w)
	w.selectTab(1)
	base := w.Win.Content().MinSize().Width
	p := w.Project(0)
	binders := []*binder{w.Unit.b, w.Unit.Tasks.b, w.Unit.Goals.b, w.Unit.Tree.b, p.b, p.Goals.b, p.Tree.b}
	n := 0
	for _, b := range binders {
		for _, f := range b.fields {
			old := f.entry.Text
			for _, s := range []string{"1234567890123", strings.Repeat("名", 300)} {
				f.entry.SetText(s)
				if got := w.Win.Content().MinSize().Width; got > base {
					t.Errorf("%q in %v: the window's minimum width went from %.0f to %.0f px", s[:6], f.loc, base, got)
				}
			}
			f.entry.SetText(old)
			n++
		}
	}
	if got := w.Win.Content().MinSize().Width; got != base {
		t.Errorf("with the texts put back the window's minimum width is %.0f px, was %.0f", got, base)
	}
	if n < 150 {
		t.Errorf("only %d fields tried", n)
	}
}

// buildAllTabs builds the editors of every tab, so that the window's minimum covers them all.
func buildAllTabs(w *Window) {
	w.Unit.ensure()
	for i := range w.Projects {
		w.Project(i)
	}
}
