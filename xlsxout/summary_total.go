package xlsxout

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"ziping/forms"
)

// total writes 合计: SUM formulas over the units' first rows and the overall 执行率 from the
// sums, blank (as forms leaves it) unless every unit holds both figures and the budget is
// positive. The formulas name each unit's cell (SUM(D4,D8,D12)) rather than a range: spread
// over its merged rows, a range would count a unit once per project in calculators that give
// every cell of a merged range its value (excelize does).
func (x *summaryXLSX) total() {
	s, t := x.s, x.s.Total
	r := x.row + 1
	budget := t.Budget.Cells[forms.ColFull]
	actual := t.Budget.Cells[forms.ColActual]
	cells := []sumCell{
		sumLabel(sumStyleHead, fmt.Sprintf("合计（%d 个单位）", t.Units)), {look: sumStyleHead}, {look: sumStyleHead},
		sumNumber(budget.Value, budget.Valid, summaryAmountFmt(s, t.Budget, forms.ColFull)),
		sumNumber(actual.Value, actual.Valid, summaryAmountFmt(s, t.Budget, forms.ColActual)),
		sumNumber(t.Budget.Rate, t.Budget.HasRate, summaryRateFmt(t.Budget)),
		sumLabel(sumStyleCentre, dash), sumLabel(sumStyleCentre, dash),
		{value: t.Projects, look: sumStyleCentre},
		sumLabel(sumStyleCentre, dash), {look: sumStyleCentre}, {look: sumStyleCentre},
	}
	if t.Units > 0 {
		x.totalFormulas(cells, r)
	}
	x.put(cells, 20)
	x.merge(sumColNo, r, sumColYear, r)
	x.merge(sumColProject, r, sumCols, r)
}

// totalFormulas sets the formulas of the 合计 cells in sheet row r.
func (x *summaryXLSX) totalFormulas(cells []sumCell, r int) {
	refs := x.unitRefs()
	// A column with no figure at all stays blank, as forms leaves it, rather than SUM's 0.
	blankOrSum := func(c int) string {
		return fmt.Sprintf(`IF(%s=0,"",%s)`, summaryFunc("COUNT", refs(c)), summaryFunc("SUM", refs(c)))
	}
	cells[sumColBudget-1].formula = blankOrSum(sumColBudget)
	cells[sumColActual-1].formula = blankOrSum(sumColActual)
	cells[sumColCount-1].formula = summaryFunc("SUM", refs(sumColCount))
	b := summaryRef(sumColBudget, r)
	a := summaryRef(sumColActual, r)
	n := len(x.s.Units)
	cells[sumColRate-1].formula = fmt.Sprintf(`IF(AND(%s=%d,%s=%d,%s>0),%s/%s,"")`,
		summaryFunc("COUNT", refs(sumColBudget)), n, summaryFunc("COUNT", refs(sumColActual)), n, b, a, b)
}

// unitRefs returns, for a column, the cells of each unit's first row.
func (x *summaryXLSX) unitRefs() func(col int) []string {
	rows := make([]int, 0, len(x.s.Units))
	r := summaryFirstBody
	for _, u := range x.s.Units {
		rows = append(rows, r)
		r += max(1, len(u.Projects))
	}
	return func(col int) []string {
		out := make([]string, len(rows))
		for i, row := range rows {
			out[i] = summaryRef(col, row)
		}
		return out
	}
}

// summaryRef is the name of the cell in column col, row row ("D4").
func summaryRef(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// summaryFunc is fn over refs, nested in groups so that no call exceeds Excel's limit of 255
// arguments: SUM(D4,D8) or SUM(SUM(D4,…),SUM(…)).
func summaryFunc(fn string, refs []string) string {
	const most = 200
	if len(refs) <= most {
		return fn + "(" + strings.Join(refs, ",") + ")"
	}
	var groups []string
	for len(refs) > 0 {
		n := min(most, len(refs))
		groups = append(groups, fn+"("+strings.Join(refs[:n], ",")+")")
		refs = refs[n:]
	}
	return summaryFunc("SUM", groups)
}

// notes writes where the figures come from and the summary's notes, one merged row each.
func (x *summaryXLSX) notes() {
	width := 0.0
	for _, w := range summaryWidths {
		width += w
	}
	x.c.section, x.c.row = "注", ""
	for i, n := range append([]string{summaryNote}, x.s.Notes...) {
		if i > 0 {
			n = fmt.Sprintf("%d. %s", i, n)
		}
		c := x.text(sumStyleNote, n, fmt.Sprintf("注 %d", i))
		lines := int(summaryTextWidth(c.value.(string))/width) + 1
		x.put([]sumCell{c}, min(float64(lines)*15+2, excelize.MaxRowHeight))
		x.merge(1, x.row, sumCols, x.row)
	}
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
