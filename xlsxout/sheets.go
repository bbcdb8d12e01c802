package xlsxout

import (
	"strings"

	"ziping/tables"
)

// roleOf is the look of a cell of each role of the tables.
var roleOf = [...]role{
	tables.RoleLabel:    roleLabel,
	tables.RoleRowLabel: roleLeft,
	tables.RoleText:     roleLeft,
	tables.RoleValue:    roleCentre,
	tables.RoleAmount:   roleCentre,
	tables.RoleScore:    roleCentre,
	tables.RolePercent:  roleCentre,
	tables.RoleTick:     roleCentre,
	tables.RoleFooter:   roleBare,
	tables.RoleSeal:     roleBareEnd,
}

// sheetOf is the sheet named name of the table of a form: its bands as the PDF prints them,
// every text of the document cleaned for the workbook (each change a warning of c).
func (c *cleaner) sheetOf(t *tables.Table, name string) *sheetSpec {
	c.form = t.Name
	spec := &sheetSpec{name: name, title: t.Title.Text, bands: make([]band, len(t.Bands))}
	for bi, b := range t.Bands {
		rows := make([]row, len(b.Rows))
		for ri, r := range b.Rows {
			cells := make([]cell, len(r.Cells))
			for ci := range r.Cells {
				cells[ci] = c.cellOf(&r.Cells[ci])
			}
			rows[ri] = row{cells: cells, minHeight: r.MinHeight}
		}
		spec.bands[bi] = band{cols: b.Cols, rows: rows, repeat: b.Header}
	}
	return spec
}

// cellOf is a cell of the tables as the workbook stores it: a formula with its value, a number,
// or a text (one from the document cleaned, a joined one part by part).
func (c *cleaner) cellOf(tc *tables.Cell) cell {
	out := cell{role: roleOf[tc.Role], key: tc.Key, stack: tc.Stack, colSpan: tc.ColSpan, rowSpan: tc.RowSpan}
	switch {
	case tc.Formula != "":
		out.kind, out.formula, out.num, out.numFmt = kindFormula, tc.Formula, tc.Num, numFmt(tc.Format)
	case tc.HasNum:
		out.kind, out.num, out.numFmt = kindNumber, tc.Num, numFmt(tc.Format)
	case len(tc.Parts) > 0:
		var b strings.Builder
		for _, p := range tc.Parts {
			if p.Src == nil {
				b.WriteString(p.Text)
				continue
			}
			b.WriteString(c.cleanFrom(p.Text, p.Src))
		}
		out.text = b.String()
	case tc.Src != nil:
		out.text = c.cleanFrom(tc.Text, tc.Src)
	default:
		out.text = tc.Text
	}
	return out
}
