package app

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// rowColumn is a column of a row's first line: caption, width in text heights (0: measured
// from the control, see measure) and share of the spare width.
type rowColumn struct {
	caption   string
	ems, grow float32
}

// The columns of a row's first line: the figures, as the printed table orders them. The blank
// caption is the target column, named as each form prints it. 评价等级 opens the second line
// (rowCard), so that the first fits a 1024-pixel screen with 内容 still showing contentChars
// characters.
var rowColumns = []rowColumn{
	{"运算符号", 0, 0}, {"内容", 0, 4}, {"度量单位", 3, 0.6}, {"", 5, 1.2}, {"全年完成值", 5, 1.2},
	{"完成程度", 4, 0.6}, {"分值", 3, 0.4}, {"得分", 3, 0.4}, {"建议得分", 0, 0},
}

// contentChars is how many characters 内容 shows at the window's smallest width, so that most
// indicator names are read whole (docs/DEVELOPING.md §3, window width).
const contentChars = 20

// layout is the project form's layout in the document's 表式 (forms.ProjectLayout), nil for
// the unit form, which has one layout whatever the template.
func (t *treeEditor) layout() *forms.ProjectLayout {
	if t.form < 0 {
		return nil
	}
	return t.w.Doc.Settings.TemplateOf().Layout()
}

// rowColumns are the columns of the editor's rows: rowColumns, less 完成程度 in a 表式 that
// prints none, with 全年完成值 under the template's name.
func (t *treeEditor) rowColumns() []rowColumn {
	l := t.layout()
	if l == nil || l.Completion && l.ActualLabel == "全年完成值" {
		return rowColumns
	}
	var out []rowColumn
	for _, c := range rowColumns {
		switch c.caption {
		case "完成程度":
			if !l.Completion {
				continue
			}
		case "全年完成值":
			c.caption = l.ActualLabel
		}
		out = append(out, c)
	}
	return out
}

// measure sets the column widths for the current theme: wide enough for every caption, for
// contentChars characters of 内容, and for the drop-downs and the suggestion their longest text.
func (t *treeEditor) measure() {
	choice := func(longest string) float32 {
		s := widget.NewSelect(nil, nil)
		s.PlaceHolder = longest
		return s.MinSize().Width
	}
	label := func(text string) float32 { return widget.NewLabel(text).MinSize().Width }
	measured := map[string]float32{
		"运算符号": choice("（无）"),
		"内容":   contentWidth(),
		"建议得分": max(label("建议 100.00"), widget.NewButton("采用 100.00", nil).MinSize().Width),
	}
	t.columns = t.columns[:0]
	for _, c := range t.rowColumns() {
		w := max(c.ems*emSize(), measured[c.caption], t.caption(c.caption).MinSize().Width)
		t.columns = append(t.columns, w)
	}
	t.labelWidth = max(label("指标 99"), label("手工调整"))
	t.gradeWidth = label("评价等级") + theme.Padding() + choice("按得分：部分达成")
}

// contentWidth is the width of a one-line entry that shows contentChars Chinese characters.
func contentWidth() float32 {
	text := fyne.MeasureText(strings.Repeat("国", contentChars), theme.TextSize(), fyne.TextStyle{}).Width
	return text + 3*theme.InnerPadding() + 2*theme.InputBorderSize()
}

func (t *treeEditor) lineLayout() *treeColumns {
	l := &treeColumns{base: t.columns}
	for _, c := range t.rowColumns() {
		l.grow = append(l.grow, c.grow)
	}
	return l
}

// caption is a column caption; the blank one is the target column, named as each form prints it.
func (t *treeEditor) caption(text string) *widget.Label {
	if text == "" {
		text = "年度指标值" // the unit form's
		if l := t.layout(); l != nil {
			text = l.TargetLabel
		}
	}
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// header is the column captions above the rows of a 二级, as the printed table heads them.
func (t *treeEditor) header() fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, c := range t.rowColumns() {
		objs = append(objs, t.caption(c.caption))
	}
	spacer := withMinWidth(canvas.NewRectangle(color.Transparent), t.labelWidth)
	return container.NewBorder(nil, nil, spacer, nil, container.New(t.lineLayout(), objs...))
}

// emSize is the height of the text, the unit of the editor's column widths.
func emSize() float32 { return theme.TextSize() }

func treeIndent(obj fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil, withMinWidth(canvas.NewRectangle(color.Transparent), emSize()), nil, obj)
}

// withMinWidth shows obj at least w wide.
func withMinWidth(obj fyne.CanvasObject, w float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(w, 0))
	return container.NewStack(r, obj)
}

// treeColumns lays objects out side by side: each gets its base width (its own minimum width when
// the base is 0) plus a share of the spare width by its grow factor. Fixed bases keep the
// columns of every row in line whatever the rows hold.
type treeColumns struct{ base, grow []float32 }

func (l *treeColumns) widthOf(i int, o fyne.CanvasObject) float32 {
	if i < len(l.base) && l.base[i] > 0 {
		return l.base[i]
	}
	return o.MinSize().Width
}

// MinSize is the sum of the base widths and the tallest object.
func (l *treeColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range objs {
		s.Width += l.widthOf(i, o)
		s.Height = max(s.Height, o.MinSize().Height)
	}
	if len(objs) > 1 {
		s.Width += theme.Padding() * float32(len(objs)-1)
	}
	return s
}

// Layout gives each object its base width and its share of the spare width.
func (l *treeColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	spare := max(0, size.Width-l.MinSize(objs).Width)
	var total float32
	for i := range objs {
		if i < len(l.grow) {
			total += l.grow[i]
		}
	}
	x := float32(0)
	for i, o := range objs {
		w := l.widthOf(i, o)
		if total > 0 && i < len(l.grow) {
			w += spare * l.grow[i] / total
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + theme.Padding()
	}
}
