package app

import (
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The tab bar above the forms.
//
// Fyne 2.7.1's DocTabs lays out and refreshes every tab button of its bar each time it is
// refreshed, and a switch refreshes it two or three times: with 60 projects about 30 ms of
// the processor time of a switch in the real program under llvmpipe (114 ms with the 62 tabs,
// 83 ms with 7, `make tabswitch` of both builds in one run). tabBar keeps DocTabs' look and the
// part of its API the window uses (Items, Select, SelectIndex, Selected, SelectedIndex,
// SetItems, OnSelected, CreateTab, CloseIntercept), and a switch refreshes only the two tabs
// whose look changes. A tab's content is never shown by
// the bar: the window shows it on its stage (tabswitch.go). The "…" button opens the project
// list (projectlist.go); the × closes only project tabs (CloseIntercept decides).

// tabBar is the row of tabs: each item's Text on a tab, the selected one in the theme's
// primary colour over a line of it, scrolled sideways when they do not fit.
type tabBar struct {
	widget.BaseWidget
	Items []*container.TabItem
	// OnSelected is called after the user or the code selected another tab.
	OnSelected func(*container.TabItem)
	// CreateTab is called by the bar's + button; what it returns is not added (it adds itself).
	CreateTab func() *container.TabItem
	// CloseIntercept is called by a tab's ×; Closable says which tabs have one.
	CloseIntercept func(*container.TabItem)
	Closable       func(*container.TabItem) bool
	// ShowAll is called by the bar's … button.
	ShowAll func()

	current int
	tabs    []*barTab // one per item, in order
	row     *fyne.Container
	scroll  *container.Scroll
	buttons *fyne.Container // + and …
	line    *canvas.Rectangle
	look    [5]uint64 // themeLook when the tabs were last styled
}

func newTabBar() *tabBar {
	b := &tabBar{current: -1}
	b.row = container.New(tabRowLayout{})
	b.scroll = container.NewHScroll(b.row)
	add := widget.NewButtonWithIcon("", theme.ContentAddIcon(), func() {
		if b.CreateTab != nil {
			b.CreateTab()
		}
	})
	all := widget.NewButtonWithIcon("", theme.MoreHorizontalIcon(), func() {
		if b.ShowAll != nil {
			b.ShowAll()
		}
	})
	add.Importance, all.Importance = widget.LowImportance, widget.LowImportance
	b.buttons = container.NewHBox(add, all)
	b.line = canvas.NewRectangle(theme.Color(theme.ColorNameShadow))
	b.look = themeLook()
	b.ExtendBaseWidget(b)
	return b
}

// SetItems replaces the tabs, keeping the selected index (the last tab's when there are fewer,
// the first when there was none) without calling OnSelected: the window shows the selected
// tab itself after giving the bar new items (tabswitch.go).
func (b *tabBar) SetItems(items []*container.TabItem) {
	old := map[*container.TabItem]*barTab{}
	for _, t := range b.tabs {
		old[t.item] = t
	}
	b.Items, b.tabs = items, make([]*barTab, len(items))
	for i, it := range items {
		t := old[it]
		if t == nil {
			t = newBarTab(b, it)
		}
		b.tabs[i] = t
	}
	b.current = min(b.current, len(items)-1)
	if b.current < 0 && len(items) > 0 {
		b.current = 0
	}
	b.row.Objects = make([]fyne.CanvasObject, len(b.tabs))
	for i, t := range b.tabs {
		t.setLook(i == b.current)
		b.row.Objects[i] = t
	}
	b.row.Refresh()
	b.scroll.Refresh()
	b.reveal()
}

// Append adds item as the last tab.
func (b *tabBar) Append(item *container.TabItem) { b.SetItems(append(slices.Clip(b.Items), item)) }

// SelectIndex selects tab i and calls OnSelected; it does nothing when i is already selected
// or out of range, as DocTabs.SelectIndex.
func (b *tabBar) SelectIndex(i int) {
	if i == b.current || i < 0 || i >= len(b.Items) {
		return
	}
	if b.current >= 0 && b.current < len(b.tabs) {
		b.tabs[b.current].setLook(false)
	}
	b.current = i
	b.tabs[i].setLook(true)
	b.reveal()
	if b.OnSelected != nil {
		b.OnSelected(b.Items[i])
	}
}

// Select selects item, when it is one of the bar's.
func (b *tabBar) Select(item *container.TabItem) {
	if i := slices.Index(b.Items, item); i >= 0 {
		b.SelectIndex(i)
	}
}

// Selected is the selected item, nil when there is none.
func (b *tabBar) Selected() *container.TabItem {
	if b.current < 0 || b.current >= len(b.Items) {
		return nil
	}
	return b.Items[b.current]
}

// SelectedIndex is the index of the selected item, -1 when there is none.
func (b *tabBar) SelectedIndex() int {
	if b.Selected() == nil {
		return -1
	}
	return b.current
}

// Refresh shows the items' texts as they are now (a project renamed, at each key typed in its
// name): only a tab whose text changed is refreshed. After a change of theme (Fyne refreshes
// every widget then) every tab is restyled.
func (b *tabBar) Refresh() {
	changed := false
	for i, t := range b.tabs {
		if t.text != b.Items[i].Text {
			t.setText(b.Items[i].Text)
			changed = true
		}
	}
	if changed { // the row's width changed: the scroll lays it out again, refreshing no tab
		b.scroll.Base.Refresh()
		b.reveal()
	}
	if look := themeLook(); look != b.look {
		b.look = look
		b.BaseWidget.Refresh()
	}
}

// themeLook is what a tab's look depends on in the current theme: its colours and sizes.
func themeLook() [5]uint64 {
	rgba := func(n fyne.ThemeColorName) uint64 {
		r, g, b, a := theme.Color(n).RGBA()
		return uint64(r)<<48 | uint64(g)<<32 | uint64(b)<<16 | uint64(a)
	}
	return [5]uint64{rgba(theme.ColorNameForeground), rgba(theme.ColorNamePrimary), rgba(theme.ColorNameHover),
		uint64(theme.TextSize() * 64), uint64(theme.Padding() * 64)}
}

// reveal scrolls the selected tab into view.
func (b *tabBar) reveal() {
	t := b.selectedTab()
	if t == nil {
		return
	}
	b.row.Layout.Layout(b.row.Objects, b.row.Size())
	x, w, view := t.Position().X, t.Size().Width, b.scroll.Size().Width
	off := b.scroll.Offset.X
	switch {
	case x < off:
		off = x
	case x+w > off+view && view > 0:
		off = x + w - view
	}
	b.scroll.ScrollToOffset(fyne.NewPos(off, 0)) // Scroll.Refresh would refresh every tab
}

func (b *tabBar) selectedTab() *barTab {
	if b.Selected() == nil {
		return nil
	}
	return b.tabs[b.current]
}

func (b *tabBar) CreateRenderer() fyne.WidgetRenderer {
	return &tabBarRenderer{b: b, objects: []fyne.CanvasObject{b.line, b.scroll, b.buttons}}
}

type tabBarRenderer struct {
	b       *tabBar
	objects []fyne.CanvasObject
}

func (r *tabBarRenderer) Layout(size fyne.Size) {
	b := r.b
	pad := theme.Padding()
	bm := b.buttons.MinSize()
	barH := size.Height - pad
	b.scroll.Move(fyne.Position{})
	b.scroll.Resize(fyne.NewSize(size.Width-bm.Width-pad, barH))
	b.buttons.Move(fyne.NewPos(size.Width-bm.Width, (barH-bm.Height)/2))
	b.buttons.Resize(bm)
	b.line.Move(fyne.NewPos(0, barH))
	b.line.Resize(fyne.NewSize(size.Width, pad))
	b.reveal()
}

func (r *tabBarRenderer) MinSize() fyne.Size {
	pad := theme.Padding()
	h := r.b.buttons.MinSize().Height
	if len(r.b.tabs) > 0 {
		h = max(h, r.b.tabs[0].MinSize().Height)
	}
	return fyne.NewSize(r.b.buttons.MinSize().Width+pad+50, h+pad)
}

func (r *tabBarRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *tabBarRenderer) Destroy()                     {}

// Refresh follows a theme change: the colours of the lines and of every tab.
func (r *tabBarRenderer) Refresh() {
	b := r.b
	b.line.FillColor = theme.Color(theme.ColorNameShadow)
	b.line.Refresh()
	for _, t := range b.tabs {
		t.restyle()
	}
	r.Layout(b.Size())
}

// tabRowLayout puts the tabs side by side at their minimum widths, as tall as the row.
type tabRowLayout struct{}

func (tabRowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for _, o := range objs {
		w := o.MinSize().Width
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

func (tabRowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width += m.Width
		s.Height = max(s.Height, m.Height)
	}
	return s
}

// barTab is one tab: its text in bold, a hover background, and a × on closable tabs.
type barTab struct {
	widget.BaseWidget
	bar      *tabBar
	item     *container.TabItem
	text     string
	selected bool
	hovered  bool
	overX    bool // the pointer is over the ×, which takes the hover from the tab

	label *canvas.Text
	icon  *canvas.Image // the item's Icon, nil when it has none
	back  *canvas.Rectangle
	under *canvas.Rectangle // the line of the primary colour under the selected tab
	close *tabClose
}

// tabClose is a tab's ×. The pointer moving onto it leaves the tab (Fyne gives the hover to
// the innermost Hoverable), so it tells its tab, which keeps showing it.
type tabClose struct {
	widget.Button
	tab *barTab
}

func (c *tabClose) MouseIn(e *desktop.MouseEvent) {
	c.Button.MouseIn(e)
	c.tab.overX = true
	c.tab.restyle()
}

func (c *tabClose) MouseOut() {
	c.Button.MouseOut()
	c.tab.overX = false
	c.tab.restyle()
}

var (
	_ fyne.Tappable     = (*barTab)(nil)
	_ desktop.Hoverable = (*barTab)(nil)
)

func newBarTab(b *tabBar, item *container.TabItem) *barTab {
	t := &barTab{bar: b, item: item, text: item.Text}
	t.label = canvas.NewText(item.Text, theme.Color(theme.ColorNameForeground))
	t.label.TextStyle.Bold = true
	t.back = canvas.NewRectangle(color.Transparent)
	t.back.CornerRadius = theme.SelectionRadiusSize()
	t.under = canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	t.under.Hide()
	if item.Icon != nil {
		t.icon = canvas.NewImageFromResource(item.Icon)
	}
	if b.Closable == nil || b.Closable(item) {
		t.close = &tabClose{tab: t}
		t.close.Icon = theme.CancelIcon()
		t.close.Importance = widget.LowImportance
		t.close.OnTapped = func() {
			if b.CloseIntercept != nil {
				b.CloseIntercept(item)
			}
		}
		t.close.ExtendBaseWidget(t.close)
		t.close.Hide()
	}
	t.ExtendBaseWidget(t)
	return t
}

// setLook shows the tab as selected or not, refreshing it only when that changes.
func (t *barTab) setLook(selected bool) {
	if t.selected == selected && t.label.Color != nil {
		return
	}
	t.selected = selected
	t.restyle()
}

func (t *barTab) setText(s string) {
	t.text = s
	t.label.Text = s
	t.label.Refresh()
	t.Refresh()
}

func (t *barTab) restyle() {
	t.label.Color = theme.Color(theme.ColorNameForeground)
	t.under.FillColor = theme.Color(theme.ColorNamePrimary)
	t.under.Hidden = !t.selected
	if t.selected {
		t.label.Color = theme.Color(theme.ColorNamePrimary)
	}
	if t.icon != nil {
		t.icon.Resource = t.item.Icon
		if r, ok := t.item.Icon.(*theme.ThemedResource); ok && t.selected {
			t.icon.Resource = theme.NewPrimaryThemedResource(r)
		}
		t.icon.Refresh()
	}
	t.label.TextSize = theme.TextSize()
	t.back.FillColor = color.Transparent
	t.back.CornerRadius = theme.SelectionRadiusSize()
	if t.hovered {
		t.back.FillColor = theme.Color(theme.ColorNameHover)
	}
	if t.close != nil {
		if t.hovered || t.overX || t.selected {
			t.close.Show()
		} else {
			t.close.Hide()
		}
	}
	t.label.Refresh()
	t.back.Refresh()
	t.under.Refresh()
}

func (t *barTab) Tapped(*fyne.PointEvent) { t.bar.Select(t.item) }

func (t *barTab) MouseIn(*desktop.MouseEvent)    { t.hovered = true; t.restyle() }
func (t *barTab) MouseMoved(*desktop.MouseEvent) {}
func (t *barTab) MouseOut()                      { t.hovered = false; t.restyle() }

func (t *barTab) CreateRenderer() fyne.WidgetRenderer {
	objs := []fyne.CanvasObject{t.back, t.under, t.label}
	if t.icon != nil {
		objs = append(objs, t.icon)
	}
	if t.close != nil {
		objs = append(objs, t.close)
	}
	return &barTabRenderer{t: t, objects: objs}
}

type barTabRenderer struct {
	t       *barTab
	objects []fyne.CanvasObject
}

// closeWidth is the room a closable tab keeps for its × (shown or not, so that tabs do not move).
func closeWidth() float32 { return theme.IconInlineSize() + theme.Padding() }

func (r *barTabRenderer) Layout(size fyne.Size) {
	t, in := r.t, theme.InnerPadding()
	t.back.Resize(size)
	pad := theme.Padding()
	t.under.Move(fyne.NewPos(0, size.Height-pad))
	t.under.Resize(fyne.NewSize(size.Width, pad))
	ls := t.label.MinSize()
	x := in
	if t.icon != nil {
		s := theme.IconInlineSize()
		t.icon.Move(fyne.NewPos(x, (size.Height-s)/2))
		t.icon.Resize(fyne.NewSquareSize(s))
		x += s + theme.Padding()
	}
	t.label.Move(fyne.NewPos(x, (size.Height-ls.Height)/2))
	t.label.Resize(ls)
	if t.close != nil {
		s := theme.IconInlineSize()
		t.close.Move(fyne.NewPos(size.Width-in/2-s-theme.Padding(), (size.Height-s-theme.Padding())/2))
		t.close.Resize(fyne.NewSquareSize(s + theme.Padding()))
	}
}

func (r *barTabRenderer) MinSize() fyne.Size {
	t, in := r.t, theme.InnerPadding()
	ls := t.label.MinSize()
	w := ls.Width + 2*in
	if t.icon != nil {
		w += theme.IconInlineSize() + theme.Padding()
	}
	if t.close != nil {
		w += closeWidth()
	}
	return fyne.NewSize(w, max(ls.Height, theme.IconInlineSize())+2*in)
}

func (r *barTabRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *barTabRenderer) Destroy()                     {}
func (r *barTabRenderer) Refresh()                     { r.t.restyle(); r.Layout(r.t.Size()) }
