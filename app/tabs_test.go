package app

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// onScreen reports whether o is drawn in the window: a visible object of non-zero height
// reached from the window's content through visible containers and widgets.
func onScreen(w *Window, o fyne.CanvasObject) bool {
	var walk func(c fyne.CanvasObject) bool
	walk = func(c fyne.CanvasObject) bool {
		if c == nil || !c.Visible() {
			return false
		}
		if c == o {
			return c.Size().Height > 0
		}
		var kids []fyne.CanvasObject
		switch v := c.(type) {
		case *fyne.Container:
			kids = v.Objects
		case fyne.Widget:
			kids = test.WidgetRenderer(v).Objects()
		}
		for _, k := range kids {
			if walk(k) {
				return true
			}
		}
		return false
	}
	return walk(w.Win.Content())
}

// shownProject fails the test unless project i's tab is the selected tab and shows its editors.
func shownProject(t *testing.T, w *Window, step string, i int) *projectTab {
	t.Helper()
	p := w.Projects[i]
	if w.Tabs.Selected() != p.item() {
		t.Fatalf("%s: the selected tab is %q, not project %d's", step, w.Tabs.Selected().Text, i)
	}
	if p.b == nil || p.Scroll == nil || w.shown() != p.Scroll || !onScreen(w, p.Scroll) {
		t.Fatalf("%s: project %d's tab is blank (editors built %v)", step, i, p.b != nil)
	}
	if p.Name.Text != w.Doc.Projects[i].Name {
		t.Fatalf("%s: the tab shows %q, the document %q", step, p.Name.Text, w.Doc.Projects[i].Name)
	}
	return p
}

// TestSelectedTabAfterUndo: after 撤销 and 重做 the project tab on screen shows its editors, not
// a blank placeholder (the tabs are rebuilt with the same tab selected, and DocTabs does not
// call OnSelected for it), scrolled where it was.
func TestSelectedTabAfterUndo(t *testing.T) {
	w := NewForFile(test.NewTempApp(t), fileSample)
	w.Tabs.Select(w.Project(1).item())
	shownProject(t, w, "选择项目 2", 1)

	test.Tap(w.Projects[1].Goals.Add)
	w.Undo()
	shownProject(t, w, "添加目标后撤销", 1)
	w.Redo()
	if p := shownProject(t, w, "重做添加目标", 1); len(p.Goals.Rows) != len(w.Doc.Projects[1].Goals) {
		t.Fatalf("%d goal editors for %d goals", len(p.Goals.Rows), len(w.Doc.Projects[1].Goals))
	}

	test.Tap(projectTree(w, 1).AddRow[[2]int{0, 0}]) // 添加指标
	w.Undo()
	shownProject(t, w, "添加指标后撤销", 1)

	w.SetTemplate(forms.TemplateNational)
	shownProject(t, w, "切换表式", 1)
	w.Undo()
	if p := shownProject(t, w, "切换表式后撤销", 1); isNational(p) {
		t.Fatal("after 撤销 the tab still shows the national template")
	}

	// The tab keeps its place: the same form is shown again.
	s := w.Projects[1].Scroll
	want := fyne.NewPos(0, 300)
	s.ScrollToOffset(want)
	if s.Offset != want {
		t.Fatalf("the project tab cannot scroll to %v (offset %v, size %v)", want, s.Offset, s.Size())
	}
	test.Tap(w.Projects[1].Goals.Add)
	w.Undo()
	if got := shownProject(t, w, "滚动后撤销", 1).Scroll.Offset; got != want {
		t.Errorf("after 撤销 the tab is scrolled to %v, not %v", got, want)
	}

	// So does the unit tab.
	w.Tabs.Select(w.Unit.item())
	w.Unit.Scroll.ScrollToOffset(want)
	test.Tap(w.Unit.Goals.Add)
	w.Undo()
	if w.Tabs.Selected() != w.Unit.item() || w.Unit.Scroll.Offset != want {
		t.Errorf("after 撤销 on the unit tab: tab %q scrolled to %v, not %v", w.Tabs.Selected().Text, w.Unit.Scroll.Offset, want)
	}

	// Undoing 添加项目 with the new tab shown shows the last project left, not 检查与得分.
	w.AddProject()
	shownProject(t, w, "添加项目", 4)
	w.Undo()
	shownProject(t, w, "添加项目后撤销", 3)
}

// TestSelectedTabAfterRemove: deleting the shown project (its tab's ×) shows the next project's
// tab with its editors, from its top; deleting the last shows the one before.
func TestSelectedTabAfterRemove(t *testing.T) {
	w := NewForFile(test.NewTempApp(t), fileSample)
	w.Tabs.Select(w.Project(1).item())
	w.Projects[1].Scroll.ScrollToOffset(fyne.NewPos(0, 300))
	next := w.Doc.Projects[2].Name
	w.RemoveProject(1)
	p := shownProject(t, w, "删除项目 2", 1)
	if w.Doc.Projects[1].Name != next || p.Scroll.Offset.Y != 0 {
		t.Fatalf("after the removal: project %q at offset %v, want %q at the top", w.Doc.Projects[1].Name, p.Scroll.Offset, next)
	}
	w.Tabs.Select(w.Project(2).item())
	w.RemoveProject(2)
	shownProject(t, w, "删除最后一个项目", 1)
}

// TestTabClose: only project tabs have a ×; a project tab's × asks before the project is
// removed, and nothing is removed before the answer.
func TestTabClose(t *testing.T) {
	w := newTreeTestWindow(t) // 单位整体, 项目 1, 检查与得分
	var closable []string
	for i, tab := range w.Tabs.tabs {
		if tab.close != nil {
			closable = append(closable, w.Tabs.Items[i].Text)
		}
	}
	if len(closable) != 1 || closable[0] != w.Project(0).item().Text {
		t.Fatalf("tabs with a ×: %q", closable)
	}
	test.Tap(w.Tabs.tabs[1].close)
	if !hasDialog(w) || len(w.Doc.Projects) != 1 {
		t.Fatalf("× of the project: dialog %v, %d projects", hasDialog(w), len(w.Doc.Projects))
	}
	if texts := labelTexts(w.Win.Canvas().Overlays().Top()); !strings.Contains(strings.Join(texts, ""), "全部内容都会删除") {
		t.Fatalf("the dialog says %q", texts)
	}
}

// TestTabBarSwitchRefreshesTwoTabs: selecting another tab restyles the tab left and the tab
// chosen, not every tab of the bar (tabbar.go: with 60 projects DocTabs refreshed all 62
// two or three times per switch); the chosen tab is scrolled into view and the line of the
// primary colour lies under it.
func TestTabBarSwitchRefreshesTwoTabs(t *testing.T) {
	test.NewTempApp(t)
	b := newTabBar()
	var items []*container.TabItem
	for i := range 60 {
		items = append(items, container.NewTabItem(fmt.Sprintf("项目 %d 某某专项资金", i+1), placeholder()))
	}
	b.SetItems(items)
	c := test.NewWindow(container.NewBorder(b, nil, nil, nil))
	defer c.Close()
	c.Resize(fyne.NewSize(600, 300))
	var chosen []*container.TabItem
	b.OnSelected = func(it *container.TabItem) { chosen = append(chosen, it) }
	for _, tab := range b.tabs {
		tab.label.Color = nil // restyle sets it again: count the tabs restyled
	}
	b.SelectIndex(40)
	restyled := 0
	for _, tab := range b.tabs {
		if tab.label.Color != nil {
			restyled++
		}
	}
	if restyled != 2 || len(chosen) != 1 || chosen[0] != items[40] || b.Selected() != items[40] {
		t.Fatalf("%d tabs restyled, selected %v, OnSelected %d times", restyled, b.SelectedIndex(), len(chosen))
	}
	tab := b.tabs[40]
	x := tab.Position().X - b.scroll.Offset.X
	if x < 0 || x+tab.Size().Width > b.scroll.Size().Width+0.5 {
		t.Errorf("tab 41 at %v..%v of a view %v wide", x, x+tab.Size().Width, b.scroll.Size().Width)
	}
	for i, tb := range b.tabs {
		if tb.under.Visible() != (i == 40) {
			t.Errorf("tab %d: line under it shown %v", i+1, tb.under.Visible())
		}
	}
	if tab.under.Size().Width != tab.Size().Width {
		t.Errorf("the line is %v wide under a tab %v wide", tab.under.Size().Width, tab.Size().Width)
	}
	b.SelectIndex(40)
	if len(chosen) != 1 {
		t.Errorf("selecting the selected tab called OnSelected again")
	}
	// A project renamed: its tab shows the new name, wider, and the tabs after it move.
	w5, x6 := b.tabs[5].Size().Width, b.tabs[6].Position().X
	items[5].Text = "项目 6 名称改得更长一些的某某专项资金"
	restyledBy := func(do func()) (n int) {
		for _, tab := range b.tabs {
			tab.label.Color = nil
		}
		do()
		for _, tab := range b.tabs {
			if tab.label.Color != nil {
				n++
			}
		}
		return n
	}
	if n := restyledBy(b.Refresh); n != 1 {
		t.Errorf("a rename restyled %d tabs", n)
	}
	if b.tabs[5].label.Text != items[5].Text || b.tabs[5].Size().Width <= w5 || b.tabs[6].Position().X <= x6 {
		t.Errorf("after the rename: tab %q %v wide (was %v), the next at %v (was %v)",
			b.tabs[5].label.Text, b.tabs[5].Size().Width, w5, b.tabs[6].Position().X, x6)
	}
	if n := restyledBy(func() { fyne.CurrentApp().Settings().SetTheme(NewTheme(true)) }); n != 60 {
		t.Errorf("the dark theme restyled %d tabs", n)
	}
}

// labelTexts are the texts of the labels in o.
func labelTexts(o fyne.CanvasObject) []string {
	var out []string
	switch v := o.(type) {
	case *widget.Label:
		return []string{v.Text}
	case *fyne.Container:
		for _, k := range v.Objects {
			out = append(out, labelTexts(k)...)
		}
	case fyne.Widget:
		for _, k := range test.WidgetRenderer(v).Objects() {
			out = append(out, labelTexts(k)...)
		}
	}
	return out
}

// TestTabsKeepFewEditors: the tab bar holds no form (each tab a placeholder of no size; the
// selected form is on the stage), so a switch does not refresh every form ever shown; the
// window keeps the editors of at most keptProjectTabs project tabs besides the one shown, and
// a tab built again is scrolled where it was.
func TestTabsKeepFewEditors(t *testing.T) {
	w, _ := openMany(t, 14)
	w.Win.Resize(fyne.NewSize(1280, 820))
	w.Tabs.Select(w.Projects[0].item())
	w.Projects[0].Scroll.ScrollToOffset(fyne.NewPos(0, 300))
	for i := range w.Projects {
		w.Tabs.Select(w.Projects[i].item())
		shownProject(t, w, fmt.Sprintf("项目 %d", i+1), i)
		for _, it := range w.Tabs.Items {
			if min := it.Content.MinSize(); min.Width > 1 || min.Height > 1 {
				t.Fatalf("showing project %d: tab %q holds a form (min size %v)", i+1, it.Text, min)
			}
		}
	}
	built := 0
	for i, p := range w.Projects {
		if p.b != nil {
			built++
			if i < len(w.Projects)-keptProjectTabs-1 {
				t.Errorf("project %d, shown long ago, keeps its editors", i+1)
			}
		}
	}
	if built != keptProjectTabs+1 {
		t.Errorf("%d project tabs keep their editors, want %d", built, keptProjectTabs+1)
	}
	w.Tabs.Select(w.Projects[0].item())
	if p := shownProject(t, w, "回到项目 1", 0); p.Scroll.Offset.Y != 300 {
		t.Errorf("project 1 built again at offset %v, not where it was (300)", p.Scroll.Offset)
	}
	w.Tabs.Select(w.Checks.item())
	if w.shown() != w.Checks.content || !onScreen(w, w.Checks.Problems) {
		t.Error("the check tab is not shown")
	}
}

// TestProjectList: 项目列表 (Ctrl+G) lists 单位整体表, 检查与得分 and every project with its
// total and grade or 未完成; its search keeps the projects whose number or name holds the text,
// Enter goes to the first, a click to any, Esc closes it.
func TestProjectList(t *testing.T) {
	w, _ := openMany(t, 60)
	w.Doc.Projects[41].Name = "信息化建设专项"
	w.changed()
	w.AddProject() // 项目 61, blank: 未填写 (forms.NotStarted)
	n := w.Nav
	w.findProject()
	if !n.popUp.Visible() || w.Win.Canvas().Focused() != n.Search {
		t.Fatalf("the list is not shown with the focus in its search field")
	}
	if len(n.rows) != 63 || n.Found.Text != "共 61 个项目" {
		t.Fatalf("%d rows listed, %q", len(n.rows), n.Found.Text)
	}
	for id, r := range n.rows {
		name, status, _ := n.describe(r)
		switch {
		case r == rowUnit:
			if name != "单位整体表" || status != "97 优" {
				t.Errorf("unit row %q %q", name, status)
			}
		case r == rowChecks:
			if _, warns := forms.Counts(w.Problems); name != "检查与得分" || warns == 0 || status != fmt.Sprintf("警告 %d", warns) {
				t.Errorf("check row %q %q", name, status)
			}
		case r == 60:
			if status != "未填写" || name != "61  未命名项目" {
				t.Errorf("new project's row %q %q", name, status)
			}
		default:
			res := w.Eval.Projects[r]
			if want := res.TotalShown() + " " + res.Rating(); status != want || !strings.HasPrefix(name, fmt.Sprintf("%d  ", r+1)) {
				t.Errorf("row %d: %q %q, want status %q", id, name, status, want)
			}
		}
	}

	test.Type(n.Search, "信息化")
	if len(n.rows) != 3 || n.rows[2] != 41 || n.Found.Text != "找到 1 个（共 61 个项目）" {
		t.Fatalf("search 信息化: rows %v, %q", n.rows, n.Found.Text)
	}
	n.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if n.popUp.Visible() || w.Tabs.Selected() != w.Projects[41].item() {
		t.Fatalf("Enter: list shown %v, tab %q", n.popUp.Visible(), w.Tabs.Selected().Text)
	}
	shownProject(t, w, "转到信息化建设专项", 41)

	w.findProject()
	test.Type(n.Search, "7") // typed over the selected text: project numbers 7, 17 … 57
	if want := []int{rowUnit, rowChecks, 6, 16, 26, 36, 46, 56}; !slices.Equal(n.rows, want) {
		t.Fatalf("search 7: rows %v, want %v", n.rows, want)
	}
	n.List.Select(1)
	if n.popUp.Visible() || w.Tabs.Selected() != w.Checks.item() {
		t.Fatalf("choosing 检查与得分: list shown %v, tab %q", n.popUp.Visible(), w.Tabs.Selected().Text)
	}
	w.findProject()
	test.Type(n.Search, "没有这个项目")
	if len(n.rows) != 2 || !strings.HasPrefix(n.Found.Text, "没有找到") {
		t.Fatalf("search with no match: rows %v, %q", n.rows, n.Found.Text)
	}
	n.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if n.popUp.Visible() || w.Tabs.Selected() != w.Checks.item() {
		t.Fatal("Esc does not close the list, or changes the tab")
	}

	// the keyboard alone: ↓ from the search field into the list, ↓ again, Enter
	w.findProject()
	test.Type(n.Search, "信息")
	n.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if w.Win.Canvas().Focused() != n.List {
		t.Fatal("↓ does not move into the list")
	}
	for range 2 { // from 单位整体表 past 检查与得分 to the project found
		n.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	}
	n.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if n.popUp.Visible() {
		t.Fatal("Enter in the list does not go")
	}
	shownProject(t, w, "↓ ↓ Enter", 41)
}

// TestStepTab: 视图 › 下一个表 and 上一个表 (Ctrl+PgDn, Ctrl+PgUp) go through the tabs in order
// and stop at both ends.
func TestStepTab(t *testing.T) {
	w := NewForFile(test.NewTempApp(t), fileSample)
	w.stepTab(-1)
	if w.Tabs.SelectedIndex() != 0 {
		t.Fatalf("before the first tab: %d", w.Tabs.SelectedIndex())
	}
	for i := 1; i < len(w.Tabs.Items); i++ {
		w.stepTab(1)
		if w.Tabs.SelectedIndex() != i {
			t.Fatalf("step %d: tab %d selected", i, w.Tabs.SelectedIndex())
		}
	}
	w.stepTab(1)
	if w.Tabs.Selected() != w.Checks.item() {
		t.Fatal("past the last tab")
	}
	w.stepTab(-1)
	shownProject(t, w, "上一个表", 3)
}

// TestTabCloseStaysUnderPointer: the × of a tab that is not selected shows while the pointer is
// over the tab and stays shown while it moves over the × itself (which takes the hover from the
// tab), so a click there closes the tab rather than selecting it.
func TestTabCloseStaysUnderPointer(t *testing.T) {
	test.NewTempApp(t)
	b := newTabBar()
	closed := 0
	b.CloseIntercept = func(*container.TabItem) { closed++ }
	b.SetItems([]*container.TabItem{container.NewTabItem("项目 1", placeholder()), container.NewTabItem("项目 2", placeholder())})
	c := test.NewWindow(container.NewBorder(b, nil, nil, nil))
	defer c.Close()
	c.Resize(fyne.NewSize(600, 300))
	tab := b.tabs[1]
	at := func(o fyne.CanvasObject, dx float32) fyne.Position {
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Add(fyne.NewPos(dx, o.Size().Height/2))
	}
	test.MoveMouse(c.Canvas(), at(tab, 5))
	if !tab.close.Visible() {
		t.Fatal("no × with the pointer over the tab")
	}
	for i := range 4 {
		test.MoveMouse(c.Canvas(), at(tab.close, float32(3+i)))
		if !tab.close.Visible() {
			t.Fatalf("move %d over the ×: hidden", i)
		}
	}
	test.TapCanvas(c.Canvas(), at(tab.close, 5))
	if closed != 1 || b.SelectedIndex() != 0 {
		t.Errorf("a click on the ×: %d closes, tab %d selected", closed, b.SelectedIndex())
	}
	test.MoveMouse(c.Canvas(), fyne.NewPos(5, 200))
	if tab.close.Visible() {
		t.Error("the × stays after the pointer left")
	}
}
