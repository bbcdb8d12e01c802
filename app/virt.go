package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Parts of a form out of view.
//
// Fyne 2.7.1 lays out, measures and draws every object of a scrolled form at each frame, those
// scrolled out of view too: its software painter rasterises each of them from scratch (a project
// of the sample: ~1,070 objects drawn, ~280 of them in view), its OpenGL painter walks and draws
// them all. So the large parts of a form (a project's cards, each 二级 block and each indicator
// row) sit in virtHolders: a holder keeps the height its content had when last measured and
// puts the content into the canvas tree only while the holder is within the scroll's view
// (virtRoot, the scroll's content, decides at each move of the form and each layout). Neither
// the painter nor the layout nor Fyne's minimum-size checks visit what is out of view.
//
// The keyboard reaches every field still: Window.focusStep walks with every holder's content
// in the tree (Window.walkAll), and reveal puts the holders around the field it scrolls to back
// into the tree first (virtRoot.showPath). Fyne's own Tab (from a button) passes over the
// fields out of view, as it already passed under the fold without scrolling (keyboard.go).

// virtHolder holds a part of a scrolled form, in the canvas tree only while in view. A new
// holder shows its content until the form's virtRoot says otherwise, so that a holder in a
// form without one, or not yet placed, is never blank.
type virtHolder struct {
	widget.BaseWidget
	content fyne.CanvasObject
	walkAll *bool // the window's: a focus walk sees the content of every holder

	shown    bool
	min      fyne.Size // the content's minimum size when last measured
	measured bool
	stale    bool // refreshed while out of the tree: the content is refreshed when shown
}

func newVirtHolder(w *Window, content fyne.CanvasObject) *virtHolder {
	h := &virtHolder{content: content, walkAll: &w.walkAll, shown: true}
	h.ExtendBaseWidget(h)
	return h
}

// setShown puts the content into the canvas tree (laid out at the holder's size) or takes it
// out, and reports whether its minimum size changed since it was measured.
func (h *virtHolder) setShown(on bool) bool {
	if h.shown == on {
		return false
	}
	h.shown = on
	if !on {
		h.measure() // as laid out: a text that wraps is as tall as at this width
		return false
	}
	before := h.min
	h.content.Move(fyne.Position{})
	h.content.Resize(h.Size())
	if h.stale {
		h.stale = false
		h.content.Refresh()
	}
	return h.measure() != before
}

func (h *virtHolder) measure() fyne.Size {
	h.min, h.measured = h.content.MinSize(), true
	return h.min
}

func (h *virtHolder) CreateRenderer() fyne.WidgetRenderer { return virtHolderRenderer{h} }

type virtHolderRenderer struct{ h *virtHolder }

// Layout lays the content out while it is shown, and when out of view only for a new width
// (the window resized), at which texts that wrap take another height.
func (r virtHolderRenderer) Layout(size fyne.Size) {
	if r.h.shown {
		r.h.content.Resize(size)
	} else if r.h.content.Size().Width != size.Width {
		r.h.content.Resize(size)
		r.h.measure()
	}
}

// MinSize is the content's, measured again while it is shown or after a refresh.
func (r virtHolderRenderer) MinSize() fyne.Size {
	if r.h.shown || !r.h.measured {
		return r.h.measure()
	}
	return r.h.min
}

func (r virtHolderRenderer) Refresh() {
	r.h.measured = false
	if r.h.shown {
		r.h.content.Refresh()
	} else {
		r.h.stale = true
	}
}

func (r virtHolderRenderer) Objects() []fyne.CanvasObject {
	if r.h.shown || *r.h.walkAll {
		return []fyne.CanvasObject{r.h.content}
	}
	return nil
}

func (r virtHolderRenderer) Destroy() {}

// virtRoot is the content of a form's scroll: at each move (scrolling) and layout it shows the
// holders within the scroll's view and takes the others out of the tree.
type virtRoot struct {
	widget.BaseWidget
	scroll   *container.Scroll
	content  fyne.CanvasObject
	updating bool
}

// drawOutOfView turns virtualise off: every part of a form is drawn, as before the holders
// (TestFormDrawnAsWhole compares the two).
var drawOutOfView = false

// virtualise makes the holders in s's content show only while in its view.
func virtualise(s *container.Scroll) {
	if drawOutOfView {
		return
	}
	r := &virtRoot{scroll: s, content: s.Content}
	r.ExtendBaseWidget(r)
	s.Content = r
}

// Move is the scroll moving the form: the holders now in view are shown.
func (r *virtRoot) Move(pos fyne.Position) {
	r.BaseWidget.Move(pos)
	r.update()
}

// update shows the holders within the view and hides the others. A holder whose content, shown
// again, has another height than when measured has the form laid out again.
func (r *virtRoot) update() {
	view := r.scroll.Size().Height
	if r.updating || view <= 0 {
		return
	}
	r.updating = true
	defer func() { r.updating = false }()
	top := -r.Position().Y
	if r.walk(r.content, 0, top, top+view) {
		r.Resize(r.MinSize().Max(r.scroll.Size()))
		r.content.Resize(r.Size()) // the holders around the changed one move
		r.walk(r.content, 0, top, top+view)
	}
}

// walk sets the holders under o, which is at y in the form, and reports whether a holder
// shown again changed its height.
func (r *virtRoot) walk(o fyne.CanvasObject, y, top, bottom float32) bool {
	if o == nil || !o.Visible() {
		return false
	}
	y += o.Position().Y
	changed := false
	switch c := o.(type) {
	case *virtHolder:
		in := y < bottom && y+c.Size().Height > top
		changed = c.setShown(in)
		if in {
			changed = r.walk(c.content, y, top, bottom) || changed
		}
	case *fyne.Container:
		for _, k := range c.Objects {
			changed = r.walk(k, y, top, bottom) || changed
		}
	case *widget.Card:
		changed = r.walk(c.Content, y, top, bottom)
	}
	return changed
}

// showPath puts the holders around o into the tree, so that o is laid out where it will be
// drawn, and reports whether o is in the form.
func (r *virtRoot) showPath(o fyne.CanvasObject) bool {
	path := holdersTo(r.content, o, nil)
	if path == nil {
		return false
	}
	for _, h := range path {
		h.setShown(true)
	}
	return true
}

// holdersTo returns the holders from `in` down to o (an empty, non-nil slice when there are
// none), or nil when o is not under in.
func holdersTo(in, o fyne.CanvasObject, above []*virtHolder) []*virtHolder {
	if in == o {
		if above == nil {
			return []*virtHolder{}
		}
		return above
	}
	switch c := in.(type) {
	case *virtHolder:
		return holdersTo(c.content, o, append(above[:len(above):len(above)], c))
	case *fyne.Container:
		for _, k := range c.Objects {
			if p := holdersTo(k, o, above); p != nil {
				return p
			}
		}
	case *widget.Card:
		if c.Content != nil {
			return holdersTo(c.Content, o, above)
		}
	}
	return nil
}

func (r *virtRoot) CreateRenderer() fyne.WidgetRenderer { return virtRootRenderer{r} }

type virtRootRenderer struct{ r *virtRoot }

func (v virtRootRenderer) Layout(size fyne.Size) {
	v.r.content.Resize(size)
	v.r.update()
}

func (v virtRootRenderer) MinSize() fyne.Size           { return v.r.content.MinSize() }
func (v virtRootRenderer) Refresh()                     { v.r.content.Refresh() }
func (v virtRootRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{v.r.content} }
func (v virtRootRenderer) Destroy()                     {}

// focus gives f, a field of the window, the keyboard focus, also when it is out of view: Fyne
// focuses only an object it finds in the canvas tree. The field, focused, scrolls itself into
// view (reveal).
func (w *Window) focus(f fyne.Focusable) {
	w.walkAll = true
	defer func() { w.walkAll = false }()
	w.Win.Canvas().Focus(f)
}

// showIn puts the parts of the form in s around o back into the canvas tree, so that o is laid
// out where it is drawn.
func showIn(s *container.Scroll, o fyne.CanvasObject) {
	if v, ok := s.Content.(*virtRoot); ok {
		v.showPath(o)
	}
}
