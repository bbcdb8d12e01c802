package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// wheelCatcher lies over a form's editors inside their scroll (tipLayer.scrolled) and hands the
// mouse wheel to that scroll. Fyne gives a wheel event to the innermost fyne.Scrollable under the
// pointer, and every entry holds a scroller of its own for its text, which takes the event and,
// when the text fits, does nothing: the form stood still whenever the pointer was over one of its
// many fields. The catcher is walked after the editors, so it is the innermost Scrollable
// everywhere on the form; it is neither tappable nor hoverable, so clicks, hovering and the text
// cursor still reach what is under it. (Text longer than a multi-line field then scrolls with
// the keyboard, not the wheel.)
type wheelCatcher struct {
	widget.BaseWidget
	scroll *container.Scroll
}

func newWheelCatcher(s *container.Scroll) *wheelCatcher {
	c := &wheelCatcher{scroll: s}
	c.ExtendBaseWidget(c)
	return c
}

// Scrolled passes the wheel to the form's scroll.
func (c *wheelCatcher) Scrolled(ev *fyne.ScrollEvent) { c.scroll.Scrolled(ev) }

func (c *wheelCatcher) CreateRenderer() fyne.WidgetRenderer { return emptyRenderer{} }

// emptyRenderer draws nothing.
type emptyRenderer struct{}

func (emptyRenderer) Layout(fyne.Size)             {}
func (emptyRenderer) MinSize() fyne.Size           { return fyne.Size{} }
func (emptyRenderer) Refresh()                     {}
func (emptyRenderer) Objects() []fyne.CanvasObject { return nil }
func (emptyRenderer) Destroy()                     {}
