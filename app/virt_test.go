package app

import (
	"image"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"ziping/forms"
)

// drawnObjects is every object the painter visits in w: the objects shown, in the canvas tree
// (Fyne's driver.WalkVisibleObjectTree, which its painters follow).
func drawnObjects(w *Window) map[fyne.CanvasObject]bool {
	out := map[fyne.CanvasObject]bool{}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		out[o] = true
		switch x := o.(type) {
		case *fyne.Container:
			for _, k := range x.Objects {
				walk(k)
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(x).Objects() {
				walk(k)
			}
		}
	}
	walk(w.Win.Canvas().Content())
	return out
}

// TestFormOutOfViewNotDrawn: the rows of a project form out of the scroll's view are not in the
// canvas tree (neither laid out nor drawn); scrolled to, they are, and those scrolled away are
// not; a field out of view that gets the focus is drawn and scrolled into view.
func TestFormOutOfViewNotDrawn(t *testing.T) {
	w := NewForFile(test.NewTempApp(t), fileSample)
	w.Win.Resize(fyne.NewSize(1280, 820))
	w.Tabs.Select(w.Project(0).item())
	p := w.Projects[0]
	w.Win.Canvas().(test.WindowlessCanvas).Capture()
	rows := p.Tree.Rows
	first, last := rows[forms.RowPath{}], lastRow(p.Tree)
	drawn := drawnObjects(w)
	if !drawn[p.Name] || !drawn[p.Funds["T"].Cells[0]] {
		t.Fatal("the top of the form is not drawn")
	}
	if drawn[first.Content] || drawn[last.Content] {
		t.Error("indicator rows below the view are drawn")
	}

	p.Scroll.ScrollToBottom()
	w.Win.Canvas().(test.WindowlessCanvas).Capture()
	drawn = drawnObjects(w)
	if !drawn[last.Content] || !drawn[last.Measures] {
		t.Error("the last row, scrolled to, is not drawn")
	}
	if drawn[p.Funds["T"].Cells[0]] || drawn[first.Content] {
		t.Error("the top of the form, scrolled away, is drawn")
	}

	w.focus(first.Target) // as 检查与得分 or 撤销 do
	w.Win.Canvas().(test.WindowlessCanvas).Capture()
	if w.Win.Canvas().Focused() != first.Target || !drawnObjects(w)[first.Target] {
		t.Fatal("a field out of view, focused, is not drawn")
	}
	inView(t, w, 1, first.Target, "focused from out of view")
}

// lastRow is the editor of the last indicator row of t.
func lastRow(t *treeEditor) *rowEditor {
	var out *rowEditor
	for p, r := range t.Rows {
		if out == nil || p.L1 > out.path.L1 || p.L1 == out.path.L1 && (p.L2 > out.path.L2 || p.L2 == out.path.L2 && p.Row > out.path.Row) {
			out = r
		}
	}
	return out
}

// TestFormDrawnAsWhole: a form whose parts out of view are left out is drawn exactly as the whole
// form is, at every place it is scrolled to, after the window is made narrower too, on the unit
// form and a project form.
func TestFormDrawnAsWhole(t *testing.T) {
	a := test.NewTempApp(t)
	open := func(whole bool) *Window {
		drawOutOfView = whole
		defer func() { drawOutOfView = false }()
		w := NewForFile(a, copySample(t, t.TempDir(), "a.zpb"))
		w.Win.Resize(fyne.NewSize(1280, 820))
		w.Tabs.Select(w.Project(1).item())
		w.Tabs.Select(w.Unit.item())
		return w
	}
	whole, parts := open(true), open(false)
	for _, tab := range []int{1, 0} {
		for _, width := range []float32{1280, 1000} {
			compareScrolled(t, whole, parts, tab, width)
		}
	}
}

// compareScrolled scrolls tab of both windows, width wide, from top to bottom a view at a time
// (less 50 px) and fails the test where the two draw the tab's scroll differently.
func compareScrolled(t *testing.T, whole, parts *Window, tab int, width float32) {
	t.Helper()
	for _, w := range []*Window{whole, parts} {
		w.selectTab(tab)
		w.Win.Resize(fyne.NewSize(width, 820))
		w.scrollOf(tab).ScrollToTop()
	}
	s := parts.scrollOf(tab)
	for y := float32(0); ; y += s.Size().Height - 50 {
		var shots [2]image.Image
		for i, w := range []*Window{whole, parts} {
			w.scrollOf(tab).ScrollToOffset(fyne.NewPos(0, y))
			shots[i] = w.Win.Canvas().(test.WindowlessCanvas).Capture()
		}
		at := fyne.CurrentApp().Driver().AbsolutePositionForObject(s)
		r := image.Rect(int(at.X), int(at.Y), int(at.X+s.Size().Width), int(at.Y+s.Size().Height))
		if !sameImage(shots[0], shots[1], r) {
			t.Fatalf("tab %d, %.0f px wide, scrolled to %.0f: drawn otherwise than the whole form", tab, width, y)
		}
		if y+s.Size().Height >= s.Content.Size().Height {
			return
		}
	}
}

func sameImage(a, b image.Image, r image.Rectangle) bool {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}
