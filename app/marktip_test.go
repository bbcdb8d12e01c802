package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"ziping/forms"
)

// TestMarkSaysItsProblemWhenFocused: while the 得分 entry with a problem has the focus (Fyne
// hides its "!" then), the tab shows the problem's sentence, the one the 检查与得分 tab lists,
// with a "!" in the problem's colour, under the entry; it follows the problem as the user
// types, and goes when the focus moves on.
func TestMarkSaysItsProblemWhenFocused(t *testing.T) {
	w := newTreeTestWindow(t)
	ed := projectTree(w, 0)
	r := addTreeRow(t, ed, 0, 0)
	test.Type(r.Weight, "10") // a 分值 without 得分: a warning at 得分
	r.Weight.FocusLost()
	loc := fieldLoc(t, ed, r.Score)
	tips := w.Project(0).tips
	w.GoTo(loc) // as choosing the problem in the check tab does: scrolled to and focused
	p := w.marks[loc]
	if p.Level != forms.LevelWarning || tips.Text() != "警告："+p.Message {
		t.Fatalf("focused 得分 with %+v: the tip says %q", p, tips.Text())
	}
	if !listedWith(w, loc, p.Message) {
		t.Errorf("the check tab does not list %q", p.Message)
	}
	if res := tips.icon.Resource; res == nil || !strings.Contains(res.Name(), "error") || !tips.icon.Visible() {
		t.Error("the tip shows no \"!\"")
	}
	under := func() bool {
		d := fyne.CurrentApp().Driver()
		tip, e := d.AbsolutePositionForObject(tips.panel), d.AbsolutePositionForObject(r.Score)
		return tip.Y >= e.Y+r.Score.Size().Height && tip.Y < e.Y+2*r.Score.Size().Height &&
			tip.X+tips.panel.Size().Width <= d.AbsolutePositionForObject(tips.layer).X+tips.layer.Size().Width
	}
	if !under() {
		t.Error("the tip is not under the entry")
	}
	w.Win.Resize(fyne.NewSize(w.Win.Content().MinSize().Width, 700)) // narrower: the row is laid out anew
	if !under() {
		t.Error("the tip is not under the entry once the window is narrower")
	}
	test.Type(r.Score, "12") // above 分值: an error, said at once
	if p := w.marks[loc]; p.Level != forms.LevelError || tips.Text() != "错误："+p.Message {
		t.Errorf("after typing 12 the tip says %q, want the error %q", tips.Text(), p.Message)
	}
	w.Win.Canvas().Focus(r.Grade) // Tab to the drop-down beside it
	if tips.Text() != "" {
		t.Errorf("with the focus on 评价等级 the tip still says %q", tips.Text())
	}
	w.Win.Canvas().Focus(r.Score)
	treeRetype(r.Score, "10") // the problem goes: so does the tip
	if tips.Text() != "" {
		t.Errorf("without a problem the tip says %q", tips.Text())
	}
}

// TestMarkSaysItsProblemOnHover: the pointer over an entry's "!" or over a marked drop-down
// shows the problem's sentence; moving away hides it.
func TestMarkSaysItsProblemOnHover(t *testing.T) {
	w := newTreeTestWindow(t)
	ed := projectTree(w, 0)
	r := addTreeRow(t, ed, 0, 0)
	test.Type(r.Target, "100") // a number without 运算符号: a warning on the drop-down
	test.Type(r.Weight, "10")  // a warning at 得分
	r.Target.FocusLost()
	r.Weight.FocusLost()
	loc := fieldLoc(t, ed, r.Score)
	w.GoTo(loc)
	w.Win.Canvas().Unfocus()
	tips, c := w.Project(0).tips, w.Win.Canvas()
	p := w.marks[loc]
	test.MoveMouse(c, centre(statusIcon(t, r.Score)))
	if tips.Text() != "警告："+p.Message {
		t.Errorf("over the \"!\" of 得分 the tip says %q, want %q", tips.Text(), p.Message)
	}
	test.MoveMouse(c, centre(r.Content)) // over the text of another field: nothing
	if tips.Text() != "" {
		t.Errorf("away from the marks the tip says %q", tips.Text())
	}
	op := w.marks[r.locOf("op")]
	test.MoveMouse(c, centre(r.Op))
	if op.Message == "" || tips.Text() != "警告："+op.Message {
		t.Errorf("over the marked 运算符号 the tip says %q, want %q", tips.Text(), op.Message)
	}
	test.MoveMouse(c, fyne.NewPos(1, 1))
	if tips.Text() != "" {
		t.Errorf("with the pointer gone the tip says %q", tips.Text())
	}
}

// fieldLoc is the place in the document of the bound entry e.
func fieldLoc(t *testing.T, ed *treeEditor, e fyne.CanvasObject) forms.Location {
	t.Helper()
	for _, f := range treeBinder(ed).fields {
		if f.entry == e {
			return f.loc
		}
	}
	t.Fatal("the entry is not bound")
	return forms.Location{}
}

// listedWith reports whether the check tab's text for the problem at loc ends with message.
func listedWith(w *Window, loc forms.Location, message string) bool {
	for _, p := range w.Problems {
		if p.Loc == loc && strings.HasSuffix(p.String(), "："+message) {
			return true
		}
	}
	return false
}

// centre is the middle of o on the canvas.
func centre(o fyne.CanvasObject) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
}
