package pdfout

import (
	"fmt"

	"ziping/forms"
	"ziping/layout"
)

// Type sizes (pt) of the printed forms: spec §5 asks for 16–22 pt titles and 9–10.5 pt table text.
const (
	titleSize = 17
	bodySize  = 9
	labelSize = 9
)

// dash is the "——" the template prints in cells that have no value.
const dash = "——"

// tick is what a ticked reason box prints.
const tick = "√"

// builder turns one form of a document into layout tables, cleaning every text on the way.
type builder struct {
	doc *forms.Document
	ev  *forms.Evaluation
	san *sanitizer
	at  place
}

func (b *builder) fixed2() bool { return b.doc.Settings.Fixed2() }

// section sets the section that following texts belong to.
func (b *builder) section(sec forms.Section, name string) {
	b.at.section, b.at.secName, b.at.row, b.at.field = sec, name, "", ""
	b.at.loc = forms.Location{Form: b.at.formIdx, Section: sec, Index: -1}
}

// row sets the row that following texts belong to, one the editor addresses by field alone
// (a form's header, the score rows).
func (b *builder) row(name string) { b.rowAt(name, forms.Location{Index: -1}) }

// rowAt sets the row that following texts belong to and where the editor has it: the RowID,
// Index and Path of at, in the form and section set last.
func (b *builder) rowAt(name string, at forms.Location) {
	at.Form, at.Section = b.at.loc.Form, b.at.loc.Section
	b.at.row, b.at.loc = name, at
}

// label is a fixed template text: centred, never user input.
func label(text string) layout.Cell {
	return layout.Cell{Text: text, Size: labelSize}
}

// stacked is a narrow label cell stacking n characters per line.
func stacked(text string, n, rowSpan int) layout.Cell {
	return layout.Cell{Text: text, Size: labelSize, Stack: n, RowSpan: rowSpan}
}

// value is a user text for field (its printed name; key is the editor's field key, as
// forms.Location.Field), cleaned of unprintable characters, left-aligned.
func (b *builder) value(text, field, key string) layout.Cell {
	return b.cell(text, field, key, layout.AlignLeft)
}

// centred is a short user value (numbers, units), centred as the template does.
func (b *builder) centred(text, field, key string) layout.Cell {
	return b.cell(text, field, key, layout.AlignCenter)
}

// figure is a computed figure (执行率, D, the total scores) or a tick: no editor holds it, and
// it never holds an unprintable character. It is printed whole on one line (layout.Cell.Fit).
func (b *builder) figure(text, field string) layout.Cell {
	return fit(b.cell(text, field, "", layout.AlignCenter))
}

// number is a user's figure (an amount, 分值, 得分, 完成程度), centred and whole on one line: a
// figure too wide for its column is printed smaller rather than broken.
func (b *builder) number(text, field, key string) layout.Cell {
	return fit(b.centred(text, field, key))
}

// fit marks c as a figure: one line, its size reduced when it is wider than its column.
func fit(c layout.Cell) layout.Cell {
	c.Fit = true
	return c
}

func (b *builder) cell(text, field, key string, align layout.Align) layout.Cell {
	at := b.at.with(field, key)
	return layout.Cell{Text: b.san.clean(text, false, at), Size: bodySize, Align: align, Tag: tagOf(at)}
}

// with is the place of a field of the current row: its printed name and its editor's key.
func (at place) with(field, key string) place {
	at.field, at.loc.Field = field, key
	return at
}

// tagOf names the model field a cell shows, for tests and the print preview.
func tagOf(at place) string {
	return fmt.Sprintf("%d|%s|%s|%s", at.formIdx, at.section, at.row, at.field)
}

// span sets the column and row span of c.
func span(c layout.Cell, cols, rows int) layout.Cell {
	c.ColSpan, c.RowSpan = cols, rows
	return c
}

// title is the centred bold title of a form. It is made of the settings' 年度 and 单位简称
// (forms.Document.UnitTitle), so a warning about it leads to the one holding the unprintable
// characters: the short name, unless only the year holds any.
func (b *builder) title(text string) layout.Title {
	at := b.at
	at.section, at.secName, at.row, at.field = forms.SecHeader, "标题", "", "标题"
	s := b.doc.Settings
	key := "short_name"
	if b.san.dirty(s.Year, true) && !b.san.dirty(s.UnitShortName, true) {
		key = "year"
	}
	at.loc = forms.Location{Form: -1, Section: forms.SecSettings, Index: -1, Field: key}
	return layout.Title{Text: b.san.clean(text, true, at), Size: titleSize, Bold: true, Gap: 4, Tag: "title"}
}

// amountFields are the printed names and the field keys of the three amount columns.
var amountFields = [3][2]string{{"年初预算数", "initial"}, {"全年预算数", "full"}, {"全年执行数", "actual"}}

// amountCells are the three amount cells of a computed row: typed text or computed sums.
func (b *builder) amountCells(r *forms.AmountResult, typed forms.Amounts) []layout.Cell {
	out := make([]layout.Cell, 0, 3)
	for i, c := range forms.AmountColumns {
		out = append(out, b.number(r.Text(c, typed, b.fixed2()), amountFields[i][0], amountFields[i][1]))
	}
	return out
}

// amountRow starts a fixed budget row: its left-aligned label and its three amount cells.
func (b *builder) amountRow(def forms.RowDef, res *forms.AmountResult, typed forms.Amounts) []layout.Cell {
	b.rowAt(def.Label, forms.Location{RowID: def.ID, Index: -1})
	name := label(def.Label)
	name.Align = layout.AlignLeft
	return append([]layout.Cell{name}, b.amountCells(res, typed)...)
}

// signature is the optional footer of a printed form (填表人 … 单位（公章）), borderless. Each
// field stays on one line (a date never loses its 日 to a second line): the columns share the
// table's width in proportion to the fields' widths, and a field too wide for its share is
// printed smaller (layout.Cell.Fit).
func (b *builder) signature(width float64) []layout.Section {
	s := b.doc.Settings
	if !s.Signature {
		return nil
	}
	b.section(forms.SecSettings, "签字栏")
	b.at.loc.Form = -1 // every form prints the footer of the settings, edited on the unit tab
	b.row("签字栏")
	f := s.Footer
	blank := func(v string) string {
		if v == "" {
			return "　　　　　　"
		}
		return v
	}
	cells := []layout.Cell{
		fit(b.value("填表人："+blank(f.Preparer), "填表人", "preparer")),
		fit(b.value("联系电话："+blank(f.Phone), "联系电话", "phone")),
		fit(b.value("单位负责人（签字）："+blank(f.Leader), "单位负责人", "leader")),
		fit(b.value("填报日期："+blank(f.Date), "填报日期", "date")),
	}
	seal := fit(label("单位（公章）"))
	seal.Align = layout.AlignRight
	row1 := layout.Row{Cells: cells, MinHeight: 12}
	row2 := layout.Row{Cells: []layout.Cell{span(seal, 4, 1)}, MinHeight: 16}
	for _, r := range []*layout.Row{&row1, &row2} {
		for i := range r.Cells {
			r.Cells[i].Hide = layout.SidesAll
		}
	}
	return []layout.Section{{Cols: b.footerCols(cells, width), Body: []layout.Row{row1, row2}}}
}

// footerShares are the template's proportions of the footer's four columns.
var footerShares = [4]float64{0.22, 0.26, 0.30, 0.22}

// footerCols are the widths of the footer's columns: each field's width on one line, and what
// is left of width shared in the template's proportions; when the fields are wider than width
// together, each gets its share of width in proportion to its own width.
func (b *builder) footerCols(cells []layout.Cell, width float64) []float64 {
	cols := make([]float64, len(cells))
	total := 0.0
	for i, c := range cells {
		// The whole text, trailing blanks (the room to sign in) included.
		cols[i] = layout.Width(c.Text, c.Size, false, b.san.m) + 2*cellPad
		total += cols[i]
	}
	for i := range cols {
		if total > width {
			cols[i] *= width / total
		} else {
			cols[i] += (width - total) * footerShares[i]
		}
	}
	return cols
}
