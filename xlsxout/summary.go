package xlsxout

import (
	"fmt"
	"io"
	"strconv"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"ziping/forms"
	"ziping/tables"
)

// SummarySheet is the name of the department summary's one sheet.
const SummarySheet = "部门汇总"

// summaryWidths are the widths of the summary's columns (tables.BuildSummary's, left to right)
// in Excel's character units.
var summaryWidths = [tables.SumCols]float64{6, 34, 8, 14, 14, 10, 10, 7, 8, 34, 9, 7}

// summaryFormulaNote ends the first note in the workbook, which says where the figures come from.
const summaryFormulaNote = "合计行是公式，改动上面的数字后会重新计算。"

// The heights (points) of the summary's rows in the workbook.
const (
	sumTitleHeight  = 30
	sumHeadHeight   = 24
	sumRowHeight    = 18 // a project's row
	sumTotalHeight  = 20
	sumNoteLineHigh = 15 // one line of a note
)

// WriteSummary writes the department summary s to w as a workbook of one sheet holding the
// table tables.BuildSummary makes of it, as the PDF prints it: one row per project, each
// unit's cells merged over its projects, the amounts, rates and scores as numbers, and the 合计
// row as the table's formulas (SUM, and the overall 执行率 from the sums) stored with the values
// forms computed, so that a reader that does not recalculate on opening (LibreOffice by
// default) shows them too. The warnings name each text a cell could not hold as typed, as
// Write's do for the forms.
func WriteSummary(w io.Writer, s *forms.Summary) (warnings []forms.Problem, err error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", SummarySheet); err != nil {
		return nil, fmt.Errorf("生成汇总表 Excel 失败：%w", err)
	}
	if err := summaryPage(f); err != nil {
		return nil, fmt.Errorf("生成汇总表 Excel 失败：%w", err)
	}
	sw, err := f.NewStreamWriter(SummarySheet)
	if err != nil {
		return nil, fmt.Errorf("生成汇总表 Excel 失败：%w", err)
	}
	t := tables.BuildSummary(s)
	x := &summaryXLSX{f: f, sw: sw, t: t, styles: map[string]int{}, refs: map[string]string{}, c: &cleaner{form: t.Name}}
	if err := x.write(); err != nil {
		return nil, fmt.Errorf("生成汇总表 Excel 失败：%w", err)
	}
	if err := writeFile(w, f); err != nil {
		return nil, fmt.Errorf("写入汇总表 Excel 失败：%w", err)
	}
	return x.c.warnings, nil
}

// summaryPage prints the sheet on A4 landscape, one page wide, as the PDF summary is laid out.
// It must precede the stream writer, which keeps the sheet's settings as they are then.
func summaryPage(f *excelize.File) error {
	landscape, a4, wide, tall, fit := "landscape", 9, 1, 0, true
	if err := f.SetSheetProps(SummarySheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return f.SetPageLayout(SummarySheet, &excelize.PageLayoutOptions{
		Orientation: &landscape, Size: &a4, FitToWidth: &wide, FitToHeight: &tall,
	})
}

// summaryXLSX streams the summary's rows, in order, into its sheet.
type summaryXLSX struct {
	f      *excelize.File
	sw     *excelize.StreamWriter
	t      *tables.Table
	styles map[string]int    // style IDs by look and number format
	refs   map[string]string // the cells placed so far by key, for the formulas ("D4")
	c      *cleaner          // cleans the texts as on the forms' sheets, and keeps the warnings
	row    int               // the sheet row written last
	err    error             // the first failure; later writes do nothing
}

// The looks of the summary's cells.
const (
	sumStyleTitle  = "title"
	sumStyleHead   = "head"   // centred header label, bordered
	sumStyleCentre = "centre" // centred value, bordered
	sumStyleLeft   = "left"   // left-aligned text, bordered
	sumStyleNote   = "note"   // left-aligned, wrapped, no border
)

// style returns the ID of a look with a number format ("" for General), made on first use.
func (x *summaryXLSX) style(look, numFmt string) (int, error) {
	key := look + "|" + numFmt
	if id, ok := x.styles[key]; ok {
		return id, nil
	}
	st := &excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}
	switch look {
	case sumStyleTitle:
		st.Font = &excelize.Font{Bold: true, Size: 16}
	case sumStyleLeft, sumStyleNote:
		st.Alignment.Horizontal = "left"
	}
	if look == sumStyleHead {
		st.Font = &excelize.Font{Bold: true}
	}
	if look != sumStyleTitle && look != sumStyleNote {
		for _, side := range []string{"left", "top", "right", "bottom"} {
			st.Border = append(st.Border, excelize.Border{Type: side, Color: "000000", Style: 1})
		}
	}
	if numFmt != "" {
		st.CustomNumFmt = &numFmt
	}
	id, err := x.f.NewStyle(st)
	if err != nil {
		return 0, err
	}
	x.styles[key] = id
	return id, nil
}

// sumCell is one cell to write: a value (string or decimal.Decimal; nil for empty), an
// optional formula whose value it is, its look and number format.
type sumCell struct {
	value   any
	formula string
	look    string
	numFmt  string
}

// put writes the next sheet row, cells from column A, height in points.
func (x *summaryXLSX) put(cells []sumCell, height float64) {
	x.row++
	vals := make([]any, len(cells))
	for i, c := range cells {
		id, err := x.style(c.look, c.numFmt)
		if x.err == nil {
			x.err = err
		}
		v := c.value
		if d, ok := v.(decimal.Decimal); ok {
			v = d.InexactFloat64() // Excel holds doubles; forms' exact value rounds to the nearest
		}
		vals[i] = excelize.Cell{StyleID: id, Value: v, Formula: c.formula}
	}
	if x.err == nil {
		x.err = x.sw.SetRow("A"+strconv.Itoa(x.row), vals, excelize.RowOpts{Height: height})
	}
}

// merge joins the cells of columns c1..c2 over rows r1..r2 when that is more than one cell.
func (x *summaryXLSX) merge(c1, r1, c2, r2 int) {
	if x.err == nil && (c1 != c2 || r1 != r2) {
		x.err = x.sw.MergeCell(summaryRef(c1, r1), summaryRef(c2, r2))
	}
}

func (x *summaryXLSX) write() error {
	table, notes := &x.t.Bands[tables.SumBandTable], &x.t.Bands[tables.SumBandNotes]
	if len(table.Cols) != len(summaryWidths) {
		return fmt.Errorf("汇总表有 %d 列，但只给了 %d 列的列宽", len(table.Cols), len(summaryWidths))
	}
	for i, w := range summaryWidths {
		if err := x.sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	x.put([]sumCell{{value: x.c.cleanFrom(x.t.Title.Text, x.t.Title.Src), look: sumStyleTitle}}, sumTitleHeight)
	x.merge(1, x.row, len(summaryWidths), x.row)
	x.table(table)
	x.notes(notes)
	if x.err != nil {
		return x.err
	}
	return x.sw.Flush()
}

// table writes the rows of band b: its cells where their spans put them (merged), the other
// cells of a merged range written empty in its look, so that its borders print.
func (x *summaryXLSX) table(b *tables.Band) {
	cols := len(b.Cols)
	covered := map[[2]int]string{} // band row and column → look of the cell that covers it
	for ri, r := range b.Rows {
		cells := make([]sumCell, cols)
		filled := make([]bool, cols)
		for c := range cols {
			if look, ok := covered[[2]int{ri, c}]; ok {
				cells[c], filled[c] = sumCell{look: look}, true
			}
		}
		// Place the row's cells first, so that a formula may refer to a cell of its own row.
		at := make([]int, len(r.Cells))
		c := 0
		for i := range r.Cells {
			tc := &r.Cells[i]
			for c < cols && filled[c] {
				c++
			}
			cs, rs := max(tc.ColSpan, 1), max(tc.RowSpan, 1)
			if c+cs > cols {
				at = at[:i] // more cells than columns: the PDF would not print them either
				break
			}
			at[i] = c
			look := sumLook(tc)
			for dc := range cs {
				filled[c+dc] = true
				if dc > 0 {
					cells[c+dc] = sumCell{look: look}
				}
				for dr := 1; dr < rs; dr++ {
					covered[[2]int{ri + dr, c + dc}] = look
				}
			}
			if tc.Key != "" {
				x.refs[tc.Key] = summaryRef(c+1, x.row+1)
			}
			x.merge(c+1, x.row+1, c+cs, x.row+rs)
			c += cs
		}
		for i, c := range at {
			cells[c] = x.cell(&r.Cells[i])
		}
		height := float64(sumRowHeight)
		switch {
		case ri < b.Header:
			height = sumHeadHeight
		case ri == len(b.Rows)-1:
			height = sumTotalHeight
		}
		x.put(cells, height)
	}
}

// sumLook is the look of a cell of the summary: the template's labels bold (but for "——",
// which the forms print plain), the user's texts and the notes left-aligned, the rest centred.
func sumLook(tc *tables.Cell) string {
	switch {
	case tc.Role == tables.RoleLabel && tc.Text != dash:
		return sumStyleHead
	case tc.Role == tables.RoleText:
		return sumStyleLeft
	case tc.Role == tables.RoleFooter:
		return sumStyleNote
	}
	return sumStyleCentre
}

// cell is tc as the sheet stores it. A figure (an amount, a rate, a score) is its number, or
// nothing when blank (it is not 0), with its formula; an amount or a rate in the format the
// summary prints it with, a score or a count in General, which shows it as forms prints it
// (97, 92.41). Any other cell is its text, a document's text cleaned as on the forms' sheets.
func (x *summaryXLSX) cell(tc *tables.Cell) sumCell {
	out := sumCell{look: sumLook(tc)}
	figure := tc.HasNum || tc.Formula != ""
	switch tc.Role {
	case tables.RoleAmount, tables.RolePercent:
		out.numFmt, figure = numFmt(tc.Format), true
	case tables.RoleScore:
		figure = true
	}
	if !figure {
		out.value = tc.Text
		if tc.Src != nil {
			out.value = x.c.cleanFrom(tc.Text, tc.Src)
		}
		return out
	}
	if tc.HasNum {
		out.value = tc.Num
	}
	if tc.Formula != "" && x.err == nil {
		out.formula, x.err = tc.Formula.Resolve(func(key string) (string, bool) {
			ref, ok := x.refs[key]
			return ref, ok
		})
	}
	return out
}

// notes writes the band of notes, one merged row each, as high as its text needs; the first,
// where the figures come from, also says that 合计 is formulas.
func (x *summaryXLSX) notes(b *tables.Band) {
	width := 0.0
	for _, w := range summaryWidths {
		width += w
	}
	for i, r := range b.Rows {
		for _, tc := range r.Cells {
			c := x.cell(&tc)
			text, _ := c.value.(string)
			if i == 0 {
				text += summaryFormulaNote
				c.value = text
			}
			lines := int(summaryTextWidth(text)/width) + 1
			x.put([]sumCell{c}, min(float64(lines)*sumNoteLineHigh+2, excelize.MaxRowHeight))
			x.merge(1, x.row, len(summaryWidths), x.row)
		}
	}
}

// summaryRef is the name of the cell in column col, row row ("D4"), both from 1.
func summaryRef(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// summaryTextWidth estimates the width of text in Excel's character units: two for a CJK
// character, one for others.
func summaryTextWidth(text string) float64 {
	w := 0.0
	for _, r := range text {
		if r > 0x2E80 {
			w += 2
		} else {
			w++
		}
	}
	return w
}
