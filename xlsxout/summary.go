package xlsxout

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"ziping/forms"
)

// SummarySheet is the name of the department summary's one sheet.
const SummarySheet = "部门汇总"

// The summary's columns, as the printed summary has them (pdfout.RenderSummary).
const (
	sumColNo = iota + 1
	sumColName
	sumColYear
	sumColBudget
	sumColActual
	sumColRate
	sumColScore
	sumColGrade
	sumColCount
	sumColProject
	sumColProjectScore
	sumColProjectGrade
	sumCols = sumColProjectGrade
)

// summaryWidths are the column widths in Excel's character units.
var summaryWidths = [sumCols]float64{6, 34, 8, 14, 14, 10, 10, 7, 8, 34, 9, 7}

// summaryFirstBody is the sheet row of the first unit: title, then two header rows.
const summaryFirstBody = 4

// summaryNote says in the workbook where its figures come from, as the printed summary does.
const summaryNote = "注：金额为各单位整体绩效自评表中“年度部门预算收入小计（1至7项）”的全年预算数和全年执行数；" +
	"得分为各单位整体绩效自评表的总评价得分和各项目的绩效自评总得分（C+D）；等级：优 ≥ 90，良 80–<90，中 60–<80，差 < 60。" +
	"合计行是公式，改动上面的数字后会重新计算。"

// WriteSummary writes the department summary s to w as a workbook of one sheet laid out like
// the printed summary: one row per project, each unit's cells merged over its projects, the
// amounts, rates and scores as numbers, and the 合计 row as formulas (SUM, and the overall
// 执行率 from the sums) stored with the values forms computed, so that a reader that does not
// recalculate on opening (LibreOffice by default) shows them too. The warnings name each text a
// cell could not hold as typed, as Write's do for the forms.
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
	x := &summaryXLSX{f: f, sw: sw, s: s, styles: map[string]int{}, c: &cleaner{form: SummarySheet}}
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
	s      *forms.Summary
	styles map[string]int // style IDs by look and number format
	c      *cleaner       // cleans the texts as on the forms' sheets, and keeps the warnings
	row    int            // the sheet row written last
	err    error          // the first failure; later writes do nothing
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

// sumCell is one cell to write: a value (string, int or decimal.Decimal; nil for empty), an
// optional formula whose value it is, its look and number format.
type sumCell struct {
	value   any
	formula string
	look    string
	numFmt  string
}

// sumLabel is a fixed text of the summary in look.
func sumLabel(look, text string) sumCell { return sumCell{value: text, look: look} }

// text is a text from the documents (a name, a year, a note) in look, made storable as on the
// forms' sheets; field names it in a warning.
func (x *summaryXLSX) text(look, text, field string) sumCell {
	return sumCell{value: x.c.clean(text, field), look: look}
}

// sumNumber is a number cell, or an empty bordered cell when ok is false (a blank figure stays
// blank: it is not 0).
func sumNumber(v decimal.Decimal, ok bool, numFmt string) sumCell {
	if !ok {
		return sumCell{look: sumStyleCentre, numFmt: numFmt}
	}
	return sumCell{value: v, look: sumStyleCentre, numFmt: numFmt}
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
	for i, w := range summaryWidths {
		if err := x.sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	x.c.section, x.c.row = "标题", ""
	x.put([]sumCell{x.text(sumStyleTitle, x.s.Title(), "标题")}, 30)
	x.merge(1, x.row, sumCols, x.row)
	x.header()
	for i, u := range x.s.Units {
		x.unit(i, u)
	}
	x.total()
	x.notes()
	if x.err != nil {
		return x.err
	}
	return x.sw.Flush()
}

// header writes the two header rows, merged as the printed summary has them.
func (x *summaryXLSX) header() {
	head := func(texts ...string) []sumCell {
		out := make([]sumCell, len(texts))
		for i, t := range texts {
			out[i] = sumLabel(sumStyleHead, t)
		}
		return out
	}
	x.put(head("序号", "部门（单位）名称", "年度", "全年预算数\n（万元）", "全年执行数\n（万元）", "执行率",
		"单位整体绩效自评", "", "预算项目（政策）绩效自评", "", "", ""), 24)
	x.put(head("", "", "", "", "", "", "总评价得分", "等级", "项目数", "项目（政策）名称", "总得分", "等级"), 24)
	top := x.row - 1
	for c := sumColNo; c <= sumColRate; c++ {
		x.merge(c, top, c, x.row)
	}
	x.merge(sumColScore, top, sumColGrade, top)
	x.merge(sumColCount, top, sumCols, top)
}

// unit writes unit i's rows: one per project (at least one), its own cells merged over them.
func (x *summaryXLSX) unit(i int, u *forms.SummaryUnit) {
	s, first := x.s, x.row+1
	x.c.section, x.c.row = fmt.Sprintf("第 %d 个单位", i+1), u.Name
	full, actual := u.Budget.Cells[forms.ColFull], u.Budget.Cells[forms.ColActual]
	own := []sumCell{
		{value: i + 1, look: sumStyleCentre},
		x.text(sumStyleLeft, u.Name, "部门（单位）名称"),
		x.text(sumStyleCentre, u.Year, "年度"),
		sumNumber(full.Value, full.Valid, summaryAmountFmt(s, u.Budget, forms.ColFull)),
		sumNumber(actual.Value, actual.Valid, summaryAmountFmt(s, u.Budget, forms.ColActual)),
		sumNumber(u.Budget.Rate, u.Budget.HasRate, summaryRateFmt(u.Budget)),
		sumNumber(u.Score.Round(2), u.Complete, ""),
		sumLabel(sumStyleCentre, u.Grade),
		{value: len(u.Projects), look: sumStyleCentre},
	}
	blank := make([]sumCell, len(own))
	for i, c := range own {
		blank[i] = sumCell{look: c.look}
	}
	projects := u.Projects
	if len(projects) == 0 {
		projects = []forms.SummaryProject{{}}
	}
	for j, p := range projects {
		cells := append([]sumCell(nil), blank...)
		if j == 0 {
			cells = append(cells[:0], own...)
		}
		cells = append(cells, x.projectCells(p, len(u.Projects) == 0)...)
		x.put(cells, 18)
	}
	for c := sumColNo; c <= sumColCount; c++ {
		x.merge(c, first, c, x.row)
	}
}

// projectCells are a project's name, total and grade; "——" when the unit has none.
func (x *summaryXLSX) projectCells(p forms.SummaryProject, none bool) []sumCell {
	if none {
		return []sumCell{sumLabel(sumStyleCentre, dash), sumLabel(sumStyleCentre, dash), sumLabel(sumStyleCentre, dash)}
	}
	return []sumCell{x.text(sumStyleLeft, p.Name, "项目（政策）名称"), sumNumber(p.Score.Round(2), p.Complete, ""), sumLabel(sumStyleCentre, p.Grade)}
}

// summaryRateFmt shows a 执行率 as the forms' sheets and the printed summary do ("100%",
// "84.23%"); a rate forms left blank gets two decimals, for a figure typed in later.
func summaryRateFmt(r *forms.AmountResult) string {
	if !r.HasRate {
		return fixedFmt(2, true)
	}
	return percentFmt(r.Rate)
}

// summaryAmountFmt shows an amount with the decimals the summary prints it with.
func summaryAmountFmt(s *forms.Summary, r *forms.AmountResult, c forms.AmountColumn) string {
	text := s.AmountText(r, c)
	if i := strings.IndexByte(text, '.'); i >= 0 {
		return "0." + strings.Repeat("0", len(text)-i-1)
	}
	return "0"
}
