package forms

// PrintedRow is one body row of an indicator table in the order the templates print it:
// every 三级 row under its 一级 and 二级, and one blank row for a 二级 without rows (or a 一级
// without 二级). The PDF, the print preview and the Excel export all lay their tables out
// from these rows.
type PrintedRow struct {
	// Path is the row's place; on a blank row Path.Row is 0 (the place its first row would take).
	Path RowPath
	// In is the 三级 row, nil on a blank row.
	In *Indicator
	// L1 and L2 are the row's 一级 and 二级 (for a 一级 without 二级, an empty placeholder).
	L1 *Level1
	L2 *Level2
	// L1Span is, on the first row of a 一级, the number of rows its label spans; 0 on the others.
	// L2Span is the same for the 二级.
	L1Span, L2Span int
}

// PrintedRows returns the body rows of the indicator table of t, as printed.
func (t Tree) PrintedRows() []PrintedRow {
	var out []PrintedRow
	for i, l1 := range t {
		children := l1.Children
		if len(children) == 0 {
			children = []*Level2{{}}
		}
		start := len(out)
		for j, l2 := range children {
			n := max(len(l2.Rows), 1)
			for k := range n {
				r := PrintedRow{Path: RowPath{L1: i, L2: j, Row: k}, L1: l1, L2: l2}
				if k < len(l2.Rows) {
					r.In = l2.Rows[k]
				}
				if k == 0 {
					r.L2Span = n
				}
				out = append(out, r)
			}
		}
		out[start].L1Span = len(out) - start
	}
	return out
}
