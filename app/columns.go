package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// columns lays out a row of cells with widths in fixed proportions, like the columns of the
// printed table, so that the rows of an editor line up one under the other. A cell narrower
// than its content's minimum gets that minimum and the others share the rest in proportion,
// so a column of small weight holding a button never makes the whole row (and the window)
// wider than the sum of its cells' minimums. The rows of a table stay in line whenever every
// column's share reaches its minimum, which the weights are chosen for at the window's
// smallest width; labels in table cells wrap, so their minimum never follows their text.
type columns struct{ weights []float32 }

// row returns the objects laid out in proportional columns; missing cells are left empty.
func row(weights []float32, objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(&columns{weights: weights}, objs...)
}

// widths shares width among the columns: in proportion to the weights, but never below the
// minimum width of the column's object (the columns so fixed leave the others the rest). A
// column without an object (a missing cell) asks for nothing.
func (c *columns) widths(objs []fyne.CanvasObject, width float32) []float32 {
	n := len(c.weights)
	out := make([]float32, n)
	fixed := make([]bool, n)
	for changed := true; changed; {
		changed = false
		free, total := width, float32(0)
		for i := range n {
			if fixed[i] {
				free -= out[i]
			} else {
				total += c.weights[i]
			}
		}
		for i := range n {
			if fixed[i] {
				continue
			}
			out[i] = max(0, free) * c.weights[i] / total
			if i < len(objs) && out[i] < objs[i].MinSize().Width {
				m := objs[i].MinSize().Width
				out[i], fixed[i], changed = m, true, true
				break // share the rest again without this column
			}
		}
	}
	return out
}

// Layout gives each object its share of the width and the row's height; one-line entries,
// selects and buttons keep their natural height, top-aligned, in a row made taller by a neighbour.
func (c *columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	ws := c.widths(objs, size.Width-pad*float32(len(c.weights)-1))
	x := float32(0)
	for i, o := range objs {
		if i >= len(ws) {
			o.Hide()
			continue
		}
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
		o.Resize(fyne.NewSize(ws[i], h))
		x += ws[i] + pad
	}
}

// MinSize is as tall as the tallest object and as wide as every object's minimum together.
func (c *columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range objs {
		if i >= len(c.weights) {
			break
		}
		m := o.MinSize()
		s.Width += m.Width
		s.Height = max(s.Height, m.Height)
	}
	s.Width += theme.Padding() * float32(len(c.weights)-1)
	return s
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
