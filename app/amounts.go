package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// resultOf finds the computed row an amount editor shows.
type resultOf func(ev *forms.Evaluation) *forms.AmountResult

// amountRow holds the editors of one budget row, for tests and navigation.
type amountRow struct {
	Cells [3]*fieldEntry
	Rate  *widget.Label
}

// amountEditors returns the three amount editors of a row and its 执行率. A subtotal row
// (computed from its parts unless typed) shows the computed figure as the placeholder of an
// empty cell, and beside a typed cell when they differ.
func (b *binder) amountEditors(a *forms.Amounts, loc forms.Location, res resultOf, subtotal bool) (*amountRow, []fyne.CanvasObject) {
	r := &amountRow{}
	objs := make([]fyne.CanvasObject, 0, 4)
	fixed2 := func() bool { return b.w.Doc.Settings.Fixed2() }
	for i, c := range forms.AmountColumns {
		l := loc
		l.Field = c.Key()
		e := b.entry(a.Cell(c), l, "")
		r.Cells[i] = e
		if !subtotal {
			objs = append(objs, e)
			continue
		}
		// The note keeps its line even when empty, so rows never jump while the user types.
		note := canvas.NewText("", theme.Color(theme.ColorNameWarning))
		note.TextSize = theme.CaptionTextSize()
		b.onRefresh(func(ev *forms.Evaluation) {
			cell := res(ev).Cells[c]
			e.SetPlaceHolder("")
			text := ""
			if cell.HasSum {
				sum := forms.FormatAmount(cell.Sum, fixed2())
				e.SetPlaceHolder("自动 " + sum)
				if cell.Typed && (!cell.Valid || !cell.Value.Equal(cell.Sum)) {
					text = "各项之和 " + sum
				}
			}
			if note.Text != text {
				note.Text = text
				note.Refresh()
			}
		})
		objs = append(objs, container.NewVBox(e, container.New(noWidth{}, note)))
	}
	r.Rate = b.computedLabel(func(ev *forms.Evaluation) string { return res(ev).RateText() })
	r.Rate.Alignment = fyne.TextAlignCenter
	r.Rate.Wrapping = fyne.TextWrapBreak // a figure typed 1000 times too large wraps, never widens the window
	return r, append(objs, r.Rate)
}

// noWidth lays out a note under a cell without asking for its width: the note is drawn over
// the cell's full width, and a long one (a sum of figures typed much too large) runs past it
// rather than widening the row and the window.
type noWidth struct{}

func (noWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(0, h)
}

func (noWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(size.Width, o.MinSize().Height))
	}
}
