package pdfout

import (
	"fmt"

	"ziping/layout"
	"ziping/tables"
)

// Type sizes (pt) of the printed forms: 16–22 pt titles and 9–10.5 pt table text, as the
// published tables have them.
const (
	titleSize = 17
	bodySize  = 9
)

// placeOf is where a text of table t comes from, in the terms of a warning.
func placeOf(t *tables.Table, src *tables.Source) place {
	name := t.Name
	if n, ok := t.FormNames[src.Loc.Form]; ok {
		name = n // the 佐证材料清单: each item's own form
	}
	return place{form: name, formIdx: t.Form, section: src.Loc.Section, secName: src.Section,
		row: src.Row, field: src.Field, loc: src.Loc}
}

// tagOf names the model field a cell shows, for tests and the print preview.
func tagOf(at place) string {
	return fmt.Sprintf("%d|%s|%s|%s", at.formIdx, at.section, at.row, at.field)
}

// layoutTable turns the table of a form into the layout the PDF prints, every text of the
// document cleaned of what the font cannot show (each a warning). The warnings come in the
// order check gives them.
func (s *sanitizer) layoutTable(t *tables.Table) layout.Table {
	out := layout.Table{NewPage: true, Sections: make([]layout.Section, len(t.Bands))}
	for bi := range t.Bands {
		band := &t.Bands[bi]
		rows := make([]layout.Row, len(band.Rows))
		for ri, r := range band.Rows {
			cells := make([]layout.Cell, len(r.Cells))
			for ci := range r.Cells {
				cells[ci] = s.layoutCell(t, &r.Cells[ci])
			}
			rows[ri] = layout.Row{Cells: cells, MinHeight: r.MinHeight, KeepWithPrev: r.KeepWithPrev}
		}
		sec := layout.Section{Cols: band.Cols, Header: rows[:band.Header], Body: rows[band.Header:]}
		if band.FitText && len(rows) > 0 {
			sec.Cols = s.fitCols(rows[0].Cells, band.Cols)
		}
		if bi == 0 {
			sec.Title = s.layoutTitle(t)
		}
		out.Sections[bi] = sec
	}
	return out
}

// check reports the unprintable characters of the table of a form as layoutTable does, in the
// same order, without laying anything out: the editor runs it on every key typed.
func (s *sanitizer) check(t *tables.Table) {
	for bi := range t.Bands {
		for _, r := range t.Bands[bi].Rows {
			for ci := range r.Cells {
				c := &r.Cells[ci]
				switch {
				case len(c.Parts) > 0:
					for _, p := range c.Parts {
						s.checkText(t, p.Text, p.Src)
					}
				case c.Src != nil:
					s.checkText(t, c.Text, c.Src)
				}
			}
		}
		if bi == 0 {
			s.checkTitle(t)
		}
	}
}

// checkEvidence checks the cells of the 佐证材料清单 t (nil for none) that come from form (-1 the
// unit form, i project i), as check does a form's table: the warnings of one form's items come
// with the form's own.
func (s *sanitizer) checkEvidence(t *tables.Table, form int) {
	if t == nil {
		return
	}
	for _, r := range t.Bands[0].Rows {
		for ci := range r.Cells {
			if c := &r.Cells[ci]; c.Src != nil && c.Src.Loc.Form == form {
				s.checkText(t, c.Text, c.Src)
			}
		}
	}
}

func (s *sanitizer) checkText(t *tables.Table, text string, src *tables.Source) {
	if src != nil && s.dirty(text, false) {
		s.clean(text, false, placeOf(t, src))
	}
}

// layoutCell is the layout of one cell: a text from the document is cleaned and tagged with
// its place; a joined text is cleaned part by part, each warned about as its own field.
func (s *sanitizer) layoutCell(t *tables.Table, c *tables.Cell) layout.Cell {
	lc := layout.Cell{Text: c.Text, ColSpan: c.ColSpan, RowSpan: c.RowSpan, Size: bodySize,
		Stack: c.Stack, Fit: c.Fit, SameSize: c.SameSize, Align: alignOf[c.Role.Align()]}
	if !c.Role.Bordered() {
		lc.Hide = layout.SidesAll
	}
	if c.Src == nil && len(c.Parts) == 0 {
		return lc
	}
	if c.Src != nil {
		lc.Tag = tagOf(placeOf(t, c.Src))
	}
	if len(c.Parts) == 0 {
		lc.Text = s.clean(c.Text, false, placeOf(t, c.Src))
		return lc
	}
	lc.Text = ""
	for _, p := range c.Parts {
		if p.Src == nil {
			lc.Text += p.Text
			continue
		}
		lc.Text += s.clean(p.Text, false, placeOf(t, p.Src))
	}
	return lc
}

var alignOf = [...]layout.Align{
	tables.AlignCenter: layout.AlignCenter,
	tables.AlignLeft:   layout.AlignLeft,
	tables.AlignRight:  layout.AlignRight,
}

// titlePlace is where the title of t comes from: the first of its settings that holds a
// character the font lacks, so that a warning leads to it (the short name, unless only the
// year holds any).
func (s *sanitizer) titlePlace(t *tables.Table) place {
	src := *t.Title.Src
	for _, p := range t.Title.Parts {
		if s.dirty(p.Text, true) {
			src.Loc = p.Src.Loc
			break
		}
	}
	return placeOf(t, &src)
}

// layoutTitle is the centred bold title of a form, cleaned.
func (s *sanitizer) layoutTitle(t *tables.Table) layout.Title {
	text := s.clean(t.Title.Text, true, s.titlePlace(t))
	return layout.Title{Text: text, Size: titleSize, Bold: true, Gap: 4, Tag: "title"}
}

func (s *sanitizer) checkTitle(t *tables.Table) {
	if s.dirty(t.Title.Text, true) {
		s.clean(t.Title.Text, true, s.titlePlace(t))
	}
}

// fitCols are the widths of a band whose texts each stay on one line (the signature footer):
// each cell's width on one line, and what is left of the band's width shared as its template
// columns share it; when the texts are wider than the band together, each gets its share of
// the width in proportion to its own width.
func (s *sanitizer) fitCols(cells []layout.Cell, template []float64) []float64 {
	width := 0.0
	for _, w := range template {
		width += w
	}
	cols := make([]float64, len(cells))
	total := 0.0
	for i, c := range cells {
		// The whole text, trailing blanks (the room to sign in) included.
		cols[i] = layout.Width(c.Text, c.Size, false, s.m) + 2*cellPad
		total += cols[i]
	}
	for i := range cols {
		if total > width {
			cols[i] *= width / total
		} else {
			cols[i] += (width - total) * template[i] / width
		}
	}
	return cols
}
