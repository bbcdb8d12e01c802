package xlsxout

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Page setup, as pdfout prints: A4 portrait, 15 mm at the sides and top, the page number in
// a footer band at the bottom.
const (
	paperA4      = 9 // the A4 paper size code of SpreadsheetML
	marginSideMM = 15
	marginTopMM  = 15
	marginBotMM  = 20
	footerMM     = 8
	mmPerInch    = 25.4
)

// addSheet lays out spec and writes it as a new sheet. The first form takes the blank "Sheet1"
// excelize starts with, renamed: deleting that sheet at the end, or selecting another one,
// makes excelize parse every streamed sheet back and write it again, which was half the time
// and memory of a 200-project export (BenchmarkLargest in bench_test.go).
func (wb *workbook) addSheet(spec *sheetSpec) error {
	var err error
	if len(wb.sheets) == 0 {
		err = wb.f.SetSheetName(firstSheet, spec.name)
	} else {
		_, err = wb.f.NewSheet(spec.name)
	}
	if err != nil {
		return fmt.Errorf("无法建立工作表“%s”：%w", spec.name, err)
	}
	g := placeGrid(spec)
	if err := wb.pageSetup(spec.name, g); err != nil {
		return fmt.Errorf("无法设置工作表“%s”的打印格式：%w", spec.name, err)
	}
	if err := wb.writeCells(spec.name, g); err != nil {
		return fmt.Errorf("无法写入工作表“%s”：%w", spec.name, err)
	}
	wb.sheets = append(wb.sheets, spec.name)
	return nil
}

// pageSetup prints the sheet on A4 portrait, fitted to one page wide, with the PDF's margins,
// page numbers, no grid lines, and the indicator table's header rows repeated on every page.
// It must come before the sheet's cells are streamed.
func (wb *workbook) pageSetup(sheet string, g *grid) error {
	size, portrait, one, any := paperA4, "portrait", 1, 0
	if err := wb.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &portrait, FitToWidth: &one, FitToHeight: &any,
	}); err != nil {
		return err
	}
	fit := true
	if err := wb.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	side, top, bottom, foot, head := marginSideMM/mmPerInch, marginTopMM/mmPerInch, marginBotMM/mmPerInch, footerMM/mmPerInch, 0.3
	centre := true
	if err := wb.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &top, Bottom: &bottom, Footer: &foot, Header: &head, Horizontally: &centre,
	}); err != nil {
		return err
	}
	if err := wb.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&C&9第 &P 页 共 &N 页"}); err != nil {
		return err
	}
	off := false
	if err := wb.f.SetSheetView(sheet, 0, &excelize.ViewOptions{ShowGridLines: &off}); err != nil {
		return err
	}
	if g.repeat[1] >= g.repeat[0] {
		wb.titles = append(wb.titles, printTitles{sheet: sheet, index: len(wb.sheets),
			rows: fmt.Sprintf("'%s'!$%d:$%d", quoteSheet(sheet), g.repeat[0]+1, g.repeat[1]+1)})
	}
	return nil
}

// printTitles are the rows a sheet repeats at the top of every printed page.
type printTitles struct {
	sheet string
	index int    // of the sheet in the workbook
	rows  string // "'sheet'!$16:$17"
}

// printTitlesName is the name Excel gives a sheet's rows to repeat (its scope is the sheet).
const printTitlesName = "_xlnm.Print_Titles"

// addPrintTitles names each sheet's repeated rows. excelize's SetDefinedName looks up the
// sheet of every name defined before, listing all sheets each time, which for 200 sheets
// allocated a quarter of an export's memory; so only the first goes through it, and the
// others are copies of it with their own sheet and rows.
func (wb *workbook) addPrintTitles() error {
	if len(wb.titles) == 0 {
		return nil
	}
	first := wb.titles[0]
	if err := wb.f.SetDefinedName(&excelize.DefinedName{Name: printTitlesName, RefersTo: first.rows, Scope: first.sheet}); err != nil {
		return err
	}
	names := &wb.f.WorkBook.DefinedNames.DefinedName
	model := (*names)[len(*names)-1]
	if model.LocalSheetID == nil {
		return fmt.Errorf("打印标题行没有工作表序号，应为 %d", first.index)
	}
	if *model.LocalSheetID != first.index {
		return fmt.Errorf("打印标题行的工作表序号是 %d，应为 %d", *model.LocalSheetID, first.index)
	}
	for _, t := range wb.titles[1:] {
		d, index := model, t.index
		d.Data, d.LocalSheetID = t.rows, &index
		*names = append(*names, d)
	}
	return nil
}

// quoteSheet doubles the apostrophes of a sheet name for a quoted reference.
func quoteSheet(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		out = append(out, r)
		if r == '\'' {
			out = append(out, r)
		}
	}
	return string(out)
}

// colWidth converts mm to Excel's column width, counted in the width of a digit of the
// default font (7 px at 96 dpi, plus 5 px of padding).
func colWidth(mm float64) float64 {
	px := mm / mmPerInch * 96
	return max((px-5)/7, 0.5)
}

// writeCells streams the rows of g into sheet: numbers as numbers, formulas with their values
// (so that a reader that does not recalculate shows them), texts as strings; every cell of a
// merged range carries the style, so that the borders of the whole range are drawn.
func (wb *workbook) writeCells(sheet string, g *grid) error {
	sw, err := wb.f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	// excelize puts each column set before the ones set earlier: from the last column to the
	// first, the sheet lists them in ascending order, as Excel writes them.
	for i := len(g.widths) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, colWidth(g.widths[i])); err != nil {
			return err
		}
	}
	rows := make([][]any, len(g.minRows))
	for i := range rows {
		rows[i] = make([]any, len(g.widths))
	}
	wb.stacks.stackCells(g)
	hs, clipped := heights(g, wb.lines)
	for i, p := range g.cells {
		if err := wb.fill(rows, p, g.refs, clipped[i]); err != nil {
			return err
		}
		if p.lastRow > p.row || p.lastCol > p.col {
			if err := sw.MergeCell(cellName(p.col, p.row), cellName(p.lastCol, p.lastRow)); err != nil {
				return err
			}
		}
	}
	for i, h := range hs {
		if err := sw.SetRow(cellName(0, i), rows[i], excelize.RowOpts{Height: h}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// fill puts the value of p into its top-left slot of rows and its style into every slot it
// covers. A text too long for its cell is aligned to the top, so that its beginning shows.
func (wb *workbook) fill(rows [][]any, p placed, refs map[string]string, clipped bool) error {
	style, err := wb.st.id(styleKey{p.role, p.numFmt, clipped})
	if err != nil {
		return err
	}
	blank := wb.st.blankCell(style)
	for r := p.row; r <= p.lastRow; r++ {
		for c := p.col; c <= p.lastCol; c++ {
			rows[r][c] = blank
		}
	}
	v := excelize.Cell{StyleID: style}
	switch p.kind {
	case kindText:
		if t := cellText(p.cell); t != "" {
			v.Value = t
		}
	case kindNumber:
		v.Value = p.num.InexactFloat64() // a spreadsheet stores numbers as doubles
	case kindFormula:
		f, err := resolve(p.formula, refs)
		if err != nil {
			return err
		}
		v.Formula, v.Value = f, p.num.InexactFloat64()
	}
	rows[p.row][p.col] = v
	return nil
}
