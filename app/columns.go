package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// columns lays out a row of cells with widths in fixed proportions, like the columns of the
// printed table, so that the rows of an editor line up one under the other.
type columns struct{ weights []float32 }

// row returns the objects laid out in proportional columns; missing cells are left empty.
func row(weights []float32, objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(&columns{weights: weights}, objs...)
}

func (c *columns) total() float32 {
	var t float32
	for _, w := range c.weights {
		t += w
	}
	return t
}

// Layout gives each object its share of the width and the row's height; one-line entries,
// selects and buttons keep their natural height, top-aligned, in a row made taller by a neighbour.
func (c *columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	free := size.Width - pad*float32(len(c.weights)-1)
	x := float32(0)
	for i, o := range objs {
		if i >= len(c.weights) {
			o.Hide()
			continue
		}
		w := free * c.weights[i] / c.total()
		o.Move(fyne.NewPos(x, 0))
		h := size.Height
		switch o := o.(type) {
		case *fieldEntry:
			if !o.MultiLine {
				h = o.MinSize().Height
			}
		case *fieldSelect, *widget.Select, *widget.Button:
			h = o.MinSize().Height
		}
		o.Resize(fyne.NewSize(w, h))
		x += w + pad
	}
}

// MinSize is as tall as the tallest object; the width keeps every column at its minimum.
func (c *columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h, need float32
	for i, o := range objs {
		if i >= len(c.weights) {
			break
		}
		m := o.MinSize()
		h = max(h, m.Height)
		need = max(need, m.Width*c.total()/c.weights[i])
	}
	pad := theme.Padding() * float32(len(c.weights)-1)
	return fyne.NewSize(need+pad, h)
}

// heading is a bold label for a block of the form.
func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// head is a centred bold column header.
func head(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// cellLabel is a left-aligned label that wraps (row names of the budget tables).
func cellLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// card groups a block of the form under a title, as the printed form's stacked label does.
func card(title string, content ...fyne.CanvasObject) fyne.CanvasObject {
	return widget.NewCard("", title, container.NewVBox(content...))
}
