package app

import (
	"image/color"
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// Every problem mark says its problem: the "!" of an entry (Fyne's validation icon, see
// binder.refresh) and the outline of a drop-down or of the reason ticks (rowEditor.update)
// show the problem's sentence, as the 检查与得分 tab words it, while the pointer is over the
// mark, and the entry's while it has the keyboard focus (when Fyne hides its "!", which would
// cover what is typed, the tip under the entry carries one). Fyne 2.7 has no tooltips and its
// pop-ups take the keyboard and the pointer, so the sentence is drawn by a tipLayer laid over
// the tab's editors, which takes neither.

// tipLayer shows one problem's sentence at a time over a tab's editors, under the object it is
// about (above it when there is no room below in the scroll's view). It lies over the editors
// inside their scroll, so the sentence scrolls with its field.
type tipLayer struct {
	layer  *fyne.Container
	panel  *fyne.Container
	bg     *canvas.Rectangle
	icon   *widget.Icon
	label  *widget.Label
	scroll *container.Scroll

	hover, focus tipSource // what the pointer is over; the focused entry. hover wins
}

// tipSource is an object with a problem to say.
type tipSource struct {
	obj fyne.CanvasObject
	p   forms.Problem
}

// tipWidth is the widest a tip gets, in text heights.
const tipWidth = 32

// newTipLayer returns an empty layer; scrolled puts it over a tab's editors.
func newTipLayer() *tipLayer {
	t := &tipLayer{bg: canvas.NewRectangle(color.Transparent), icon: widget.NewIcon(nil), label: widget.NewLabel("")}
	t.label.Wrapping = fyne.TextWrapBreak // Chinese text breaks between characters, not at spaces
	t.bg.StrokeWidth, t.bg.CornerRadius = 1, theme.InputRadiusSize()
	// the "!" beside the first line of the text: an inner padding down, as the label's text is
	icon := container.New(layout.NewCustomPaddedLayout(theme.InnerPadding(), 0, theme.InnerPadding()/2, 0), t.icon)
	t.panel = container.NewStack(t.bg, container.NewBorder(nil, nil, container.NewVBox(icon), nil, t.label))
	t.panel.Hide()
	t.layer = container.New(tipPlacement{t}, t.panel)
	return t
}

// scrolled returns a vertical scroll of body with the layer over it, and a wheelCatcher between
// them so that the wheel moves the form wherever the pointer is (wheel.go).
func (t *tipLayer) scrolled(body fyne.CanvasObject) *container.Scroll {
	stack := container.NewStack(body)
	t.scroll = container.NewVScroll(stack)
	stack.Objects = append(stack.Objects, newWheelCatcher(t.scroll), t.layer)
	return t.scroll
}

// Text is the sentence the layer shows, "" when it shows none.
func (t *tipLayer) Text() string {
	if t == nil || !t.panel.Visible() {
		return ""
	}
	return t.label.Text
}

// setHover shows p for o while the pointer is over o's mark; ok false hides it.
func (t *tipLayer) setHover(o fyne.CanvasObject, p forms.Problem, ok bool) {
	if t == nil || (!ok && t.hover.obj != o) {
		return
	}
	t.hover = tipSource{}
	if ok {
		t.hover = tipSource{o, p}
	}
	t.update()
}

// setFocus shows p for the entry o while it has the focus; ok false hides it.
func (t *tipLayer) setFocus(o fyne.CanvasObject, p forms.Problem, ok bool) {
	if t == nil || (!ok && t.focus.obj != o) || (ok && t.focus == tipSource{o, p}) {
		return
	}
	t.focus = tipSource{}
	if ok {
		t.focus = tipSource{o, p}
	}
	t.update()
}

// update shows the sentence of the hovered mark, else of the focused entry, else nothing.
func (t *tipLayer) update() {
	s := t.hover
	if s.obj == nil {
		s = t.focus
	}
	if s.obj == nil || fyne.CurrentApp().Driver().CanvasForObject(s.obj) == nil {
		t.panel.Hide()
		return
	}
	t.label.SetText(problemError{s.p}.Error())
	var res fyne.Resource = theme.NewWarningThemedResource(theme.ErrorIcon())
	name := theme.ColorNameWarning
	if s.p.Level == forms.LevelError {
		res, name = theme.NewErrorThemedResource(theme.ErrorIcon()), theme.ColorNameError
	}
	t.icon.SetResource(res)
	t.bg.FillColor, t.bg.StrokeColor = theme.Color(theme.ColorNameOverlayBackground), theme.Color(name)
	t.place(s.obj)
	t.panel.Show()
	t.panel.Refresh()
}

// place puts the panel under o, ending where o ends (under the "!" at an entry's right end), as
// wide as its text within tipWidth text heights and the layer; above o when the scroll's view
// has no room for it below.
func (t *tipLayer) place(o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	at := d.AbsolutePositionForObject(o).Subtract(d.AbsolutePositionForObject(t.layer))
	pad, room := theme.Padding(), t.layer.Size()
	iconW := t.icon.MinSize().Width + theme.InnerPadding()/2 + pad
	text := fyne.MeasureText(t.label.Text, theme.TextSize(), t.label.TextStyle).Width + 2*theme.InnerPadding()
	w := min(text+iconW, tipWidth*emSize(), room.Width)
	t.label.Resize(fyne.NewSize(w-iconW, t.label.MinSize().Height))
	h := t.label.MinSize().Height
	x := max(0, min(at.X+o.Size().Width-w, room.Width-w))
	y := at.Y + o.Size().Height + pad
	if t.scroll != nil {
		bottom := t.scroll.Offset.Y + t.scroll.Size().Height
		if y+h > bottom && at.Y-h-pad >= t.scroll.Offset.Y {
			y = at.Y - h - pad
		}
	}
	t.panel.Move(fyne.NewPos(x, y))
	t.panel.Resize(fyne.NewSize(w, h))
}

// tipPlacement is the layout of a tipLayer: it asks for no room, and puts the panel shown back
// under its object when the editors are laid out again (the window resized).
type tipPlacement struct{ t *tipLayer }

func (tipPlacement) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }

func (l tipPlacement) Layout([]fyne.CanvasObject, fyne.Size) {
	if l.t.panel.Visible() {
		l.t.update()
	}
}

// tipsOf is the tip layer of form's tab (-1 the unit form, i project i), nil if it has none yet.
func (w *Window) tipsOf(form int) *tipLayer {
	switch {
	case form < 0 && w.Unit != nil:
		return w.Unit.tips
	case form >= 0 && form < len(w.Projects):
		return w.Projects[form].tips
	}
	return nil
}

// problemZone is a transparent area over a mark: while the pointer is over it, the tab's tip
// layer shows the mark's problem under owner. It is hidden while there is no problem, so the
// control under it keeps its own hover effect.
type problemZone struct {
	widget.BaseWidget
	tips  func() *tipLayer
	owner fyne.CanvasObject
	p     forms.Problem
	in    bool // the pointer is over it
}

var _ desktop.Hoverable = (*problemZone)(nil)

func newProblemZone(tips func() *tipLayer, owner fyne.CanvasObject) *problemZone {
	z := &problemZone{tips: tips, owner: owner}
	z.ExtendBaseWidget(z)
	z.Hide()
	return z
}

// set records the mark's problem (ok false: none).
func (z *problemZone) set(p forms.Problem, ok bool) {
	changed := z.p != p
	z.p = p
	setShown(z, ok)
	if z.in && (!ok || changed) {
		z.in = ok
		z.tips().setHover(z.owner, p, ok)
	}
}

func (z *problemZone) MouseIn(*desktop.MouseEvent) {
	z.in = z.Visible()
	if z.in {
		z.tips().setHover(z.owner, z.p, true)
	}
}

func (z *problemZone) MouseMoved(*desktop.MouseEvent) {}

func (z *problemZone) MouseOut() {
	z.in = false
	z.tips().setHover(z.owner, z.p, false)
}

func (z *problemZone) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// fieldMark is the ActionItem of a bound entry (binder.setup): a strip at the entry's right
// end, as wide as the space Fyne leaves right of its "!", carrying a problemZone over the "!".
// Fyne refreshes an entry's ActionItem whenever it refreshes the entry: when it gains or loses
// the focus and when its problem changes (SetValidationError), so the focused entry's tip
// follows both.
type fieldMark struct {
	widget.BaseWidget
	w     *Window
	obj   fyne.CanvasObject // the entry as the window holds it (a fieldEntry, keyboard.go)
	entry *widget.Entry     // the Fyne entry inside it, which knows whether it has the focus
	loc   forms.Location
	zone  *problemZone
}

func newFieldMark(w *Window, obj fyne.CanvasObject, e *widget.Entry, loc forms.Location) *fieldMark {
	m := &fieldMark{w: w, obj: obj, entry: e, loc: loc}
	m.zone = newProblemZone(func() *tipLayer { return w.tipsOf(loc.Form) }, obj)
	m.ExtendBaseWidget(m)
	return m
}

// Refresh shows or hides the zone, and the focused entry's tip, for the entry's problem.
func (m *fieldMark) Refresh() {
	p, ok := m.w.marks[m.loc]
	m.zone.set(p, ok)
	m.w.tipsOf(m.loc.Form).setFocus(m.obj, p, ok && entryFocused(m.obj, m.entry))
	m.BaseWidget.Refresh()
}

func (m *fieldMark) MinSize() fyne.Size { return fyne.NewSize(theme.InnerPadding(), 0) }

func (m *fieldMark) CreateRenderer() fyne.WidgetRenderer {
	return &fieldMarkRenderer{m: m}
}

type fieldMarkRenderer struct{ m *fieldMark }

// Layout puts the zone over the entry's "!" and the strip right of it: the "!" is an icon's
// width left of the strip, an inner padding from the entry's top (widget/entry.go,
// entryRenderer.Layout).
func (r *fieldMarkRenderer) Layout(size fyne.Size) {
	icon, border := theme.IconInlineSize(), theme.InputBorderSize()
	x := border - icon
	r.m.zone.Move(fyne.NewPos(x, 0))
	r.m.zone.Resize(fyne.NewSize(size.Width-x, max(size.Height, theme.InnerPadding()-border+icon)))
}

func (r *fieldMarkRenderer) MinSize() fyne.Size           { return r.m.MinSize() }
func (r *fieldMarkRenderer) Refresh()                     { r.m.zone.Refresh() }
func (r *fieldMarkRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.m.zone} }
func (r *fieldMarkRenderer) Destroy()                     {}

// entryFocused reports whether e has the keyboard focus as e itself knows it. Fyne 2.7 sets the
// entry's unexported focused field, then refreshes it, in both FocusGained and FocusLost
// (widget/entry.go); during FocusLost the canvas still names e as focused, so only the field
// tells a focus lost from one gained. Without that field (another Fyne), the canvas is asked.
func entryFocused(o fyne.CanvasObject, e *widget.Entry) bool {
	if focusedField != nil {
		return reflect.ValueOf(e).Elem().FieldByIndex(focusedField).Bool()
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	return c != nil && any(c.Focused()) == any(o)
}

// focusedField is the index of widget.Entry's focused field (entryFocused), nil when this Fyne
// has no such bool field; looked up once, as every refresh of an entry asks.
var focusedField = func() []int {
	if f, ok := reflect.TypeFor[widget.Entry]().FieldByName("focused"); ok && f.Type.Kind() == reflect.Bool {
		return f.Index
	}
	return nil
}()
