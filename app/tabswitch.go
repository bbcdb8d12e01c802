package app

import (
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// Switching tabs with many projects.
//
// Fyne 2.7.1's DocTabs refreshes the content of every tab, and the whole of it, each time it
// refreshes (a switch refreshes it two or three times, a new title once), and its minimum
// size is that of its largest content: with every project tab ever shown still in it, a
// switch cost ~47 ms and 9 MB more per project tab opened before (docs/DEVELOPING.md §3). It
// also refreshes every tab button at each switch; so the window's tab bar is our own (tabbar.go),
// its items only names (their content a transparent placeholder), and the content of the selected
// tab is shown below it on a stage of our own, which refreshes it only when the theme changed.
// The window keeps the editors of at most keptProjectTabs project tabs, dropping those shown
// longest ago (a dropped tab is built again when it is shown, scrolled to where it was).

// keptProjectTabs is how many project tabs keep their editors when not shown. Building a tab
// again costs about as much as the first time; keeping them costs memory (~9 MB each) and
// the refresh of each after a change to every form (撤销, 表式).
const keptProjectTabs = 8

// placeholder is what a tab of the tab bar holds: its content is on the stage.
func placeholder() fyne.CanvasObject { return canvas.NewRectangle(color.Transparent) }

// selectTab shows tab i and builds its content. tabBar.SelectIndex does nothing (OnSelected is
// not called) when i is already selected, as it is after SetItems with the same count.
func (w *Window) selectTab(i int) {
	w.Tabs.SelectIndex(i)
	w.showSelected()
}

// showSelected does for the selected tab what choosing it does (Tabs.OnSelected): a project tab
// builds its editors, the check tab its lists, and the stage shows its content. A tab bar
// given new items keeps the selected index without calling OnSelected, so the tabs that
// rebuild the bar call this themselves.
func (w *Window) showSelected() {
	w.dropHiddenFocus() // keys typed now are for this tab (keyboard.go)
	item := w.Tabs.Selected()
	if item == nil {
		return
	}
	var content fyne.CanvasObject
	switch {
	case w.Unit != nil && item == w.Unit.item():
		content = w.Unit.holder
	case w.Checks != nil && item == w.Checks.item():
		w.Checks.show() // before it is laid out: its rows are measured for the width it will have
		content = w.Checks.content
	default:
		for _, p := range w.Projects {
			if p.item() == item {
				content = p.ensure().Scroll
				w.keepBuilt(p)
				if p.offset != nil { // built again: where it was
					w.stage.show(content)
					p.Scroll.ScrollToOffset(*p.offset)
					p.offset = nil
				}
				break
			}
		}
	}
	if content != nil {
		w.stage.show(content)
	}
}

// shown is the content on the stage: the selected tab's.
func (w *Window) shown() fyne.CanvasObject { return w.stage.content }

// keepBuilt notes that project tab p was built or shown, and drops the editors of the project
// tabs shown longest ago beyond keptProjectTabs and the one on screen.
func (w *Window) keepBuilt(p *projectTab) {
	w.built = slices.DeleteFunc(w.built, func(q *projectTab) bool { return q == p || q.b == nil })
	w.built = append(w.built, p)
	for i := 0; len(w.built) > keptProjectTabs+1 && i < len(w.built); {
		if q := w.built[i]; q != p && (q.Scroll == nil || q.Scroll != w.shown()) {
			q.release()
			w.built = slices.Delete(w.built, i, i+1)
			continue
		}
		i++
	}
}

// stage shows the content of the selected tab below the tab bar. Unlike a tab of Fyne's DocTabs, it
// refreshes its content (every widget in it) only when the theme changed since the content was
// last refreshed: a new content is laid out, not refreshed.
type stage struct {
	widget.BaseWidget
	content fyne.CanvasObject
	themes  map[fyne.CanvasObject]themeKey // the theme each content was last refreshed in
}

// themeKey is a theme and its variant (light or dark).
type themeKey struct {
	theme   fyne.Theme
	variant fyne.ThemeVariant
}

func currentTheme() themeKey {
	s := fyne.CurrentApp().Settings()
	return themeKey{s.Theme(), s.ThemeVariant()}
}

func newStage() *stage {
	s := &stage{themes: map[fyne.CanvasObject]themeKey{}}
	s.ExtendBaseWidget(s)
	return s
}

// show puts c on the stage, laid out at the stage's size.
func (s *stage) show(c fyne.CanvasObject) {
	if s.content == c {
		return
	}
	s.content = c
	s.Refresh()
}

// forget drops what the stage knows of contents that are gone (a rebuilt window).
func (s *stage) forget() {
	clear(s.themes)
	s.content = nil
}

func (s *stage) CreateRenderer() fyne.WidgetRenderer { return stageRenderer{s} }

type stageRenderer struct{ s *stage }

func (r stageRenderer) Layout(size fyne.Size) {
	if c := r.s.content; c != nil {
		c.Move(fyne.Position{})
		c.Resize(size)
	}
}

func (r stageRenderer) MinSize() fyne.Size {
	if c := r.s.content; c != nil {
		return c.MinSize()
	}
	return fyne.Size{}
}

// Refresh lays the content out and refreshes it only in a theme it was not refreshed in.
func (r stageRenderer) Refresh() {
	c := r.s.content
	if c == nil {
		return
	}
	c.Show()
	r.Layout(r.s.Size())
	if now := currentTheme(); r.s.themes[c] != now {
		if _, seen := r.s.themes[c]; seen {
			c.Refresh()
		}
		r.s.themes[c] = now
	}
	canvas.Refresh(r.s)
}

func (r stageRenderer) Objects() []fyne.CanvasObject {
	if c := r.s.content; c != nil {
		return []fyne.CanvasObject{c}
	}
	return nil
}

func (r stageRenderer) Destroy() {}
