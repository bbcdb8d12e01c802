package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestWheelOverAFieldScrollsTheForm: the mouse wheel over an entry moves the form, on a project
// tab and on the unit form (each entry's own text scroller took the event and did nothing).
func TestWheelOverAFieldScrollsTheForm(t *testing.T) {
	w, p := openMany(t, 1)
	w.Win.Resize(fyne.NewSize(1280, 820))
	d := fyne.CurrentApp().Driver()
	inside := func(o fyne.CanvasObject) fyne.Position {
		return d.AbsolutePositionForObject(o).Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
	}
	test.Scroll(w.Win.Canvas(), inside(p.Department), 0, -120)
	if p.Scroll.Offset.Y <= 0 {
		t.Errorf("the wheel over 主管部门 left the project form at offset %v", p.Scroll.Offset.Y)
	}
	w.Tabs.Select(w.Unit.item())
	w.Win.Resize(fyne.NewSize(1280, 821))
	u := w.Unit
	test.Scroll(w.Win.Canvas(), inside(u.Staff), 0, -120)
	if u.Scroll.Offset.Y <= 0 {
		t.Errorf("the wheel over 财政供养人员数量 left the unit form at offset %v", u.Scroll.Offset.Y)
	}
}
