package tables

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"ziping/forms"
)

// SummaryName names the department summary (部门汇总) in problems about its texts.
const SummaryName = "部门汇总表"

// SummaryExplained says, as the summary's first note, where its figures come from.
const SummaryExplained = "注：金额为各单位整体绩效自评表中“年度部门预算收入小计（1至7项）”的全年预算数和全年执行数；" +
	"得分为各单位整体绩效自评表的总评价得分和各项目的绩效自评总得分（C+D）；等级：优 ≥ 90，良 80–<90，中 60–<80，差 < 60。"

// The columns of the summary, left to right: 序号 · 部门（单位）名称 · 年度 · 全年预算数 · 全年执行数 ·
// 执行率 · 单位得分 · 单位等级 · 项目数 · 项目名称 · 项目得分 · 项目等级.
const (
	SumColNo = iota
	SumColName
	SumColYear
	SumColBudget
	SumColActual
	SumColRate
	SumColScore
	SumColGrade
	SumColCount
	SumColProject
	SumColProjectScore
	SumColProjectGrade
	SumCols // the number of columns
)

// SummaryWidth is the width (mm) of the printed summary: its twelve columns need A4
// landscape, whose body is 267 mm wide between 15 mm margins.
const SummaryWidth = 267

// summaryCols are the widths (mm) of the summary's columns, summing to SummaryWidth.
func summaryCols() []float64 { return []float64{10, 52, 13, 26, 26, 18, 16, 12, 14, 52, 16, 12} }

// The bands of the summary table.
const (
	SumBandTable = 0 // the header rows, a row per project, then 合计
	SumBandNotes = 1 // the notes under the table, one borderless full-width cell each
)

// SummaryKey is the key of unit i's cell in column col (SumColBudget, SumColActual,
// SumColCount), which 合计's formulas add up; unit -1 is the 合计 row itself.
func SummaryKey(unit, col int) string {
	if unit < 0 {
		return "summary/total/" + strconv.Itoa(col)
	}
	return "summary/" + strconv.Itoa(unit) + "/" + strconv.Itoa(col)
}

// summaryLoc is where the summary's texts come from for the editor: nowhere (no editor holds
// the summary), as the forms' computed figures.
var summaryLoc = forms.Location{Form: -1, Index: -1}

// BuildSummary is the department summary s as one table in two bands: the title (which names
// the year when the documents share one); two header rows; per unit one row per project (at
// least one), the unit's own cells spanning them; the 合计 row, whose amounts, 执行率 and 项目数
// are formulas over the units' cells; then the notes (where the figures come from, and
// s.Notes, numbered). Every figure is forms' own, printed as forms prints it; a blank figure
// stays blank, never 0. Its Form is -1, as it is no project's form.
func BuildSummary(s *forms.Summary) *Table {
	t := &Table{Form: -1, Name: SummaryName}
	t.Title = Title{Text: s.Title(), Src: &Source{Section: "标题", Field: "年度", Loc: summaryLoc}}
	main := Band{Cols: summaryCols(), Header: 2, Rows: summaryHeader()}
	for i, u := range s.Units {
		main.Rows = append(main.Rows, summaryUnitRows(s, i, u)...)
	}
	main.Rows = append(main.Rows, summaryTotal(s))
	t.Bands = []Band{main, summaryNotes(s)}
	return t
}

// summaryHeader is the two header rows: the unit's columns span both, the two groups span
// their columns.
func summaryHeader() []Row {
	tall := func(s string) Cell { return Cell{Role: RoleLabel, Text: s, RowSpan: 2} }
	wide := func(s string, n int) Cell { return Cell{Role: RoleLabel, Text: s, ColSpan: n} }
	head := func(s string) Cell { return Cell{Role: RoleLabel, Text: s} }
	return []Row{
		{Cells: []Cell{
			tall("序号"), tall("部门（单位）名称"), tall("年度"), tall("全年预算数\n（万元）"), tall("全年执行数\n（万元）"),
			tall("执行率"), wide("单位整体绩效自评", 2), wide("预算项目（政策）绩效自评", 4),
		}, MinHeight: 7},
		{Cells: []Cell{
			head("总评价\n得分"), head("等级"), head("项目数"), head("项目（政策）名称"), head("总得分"), head("等级"),
		}, MinHeight: 7},
	}
}

// summaryText is a text from a document (a unit's or project's name, a year) of role in the
// rows of unit i: problems name the unit by its place (its name may be what is wrong), and a
// project's name by row ("项目 2").
func summaryText(role Role, text string, i int, row, field string) Cell {
	return Cell{Role: role, Text: text, Src: &Source{
		Section: fmt.Sprintf("第 %d 个单位", i+1), Row: row, Field: field, Loc: summaryLoc,
	}}
}

// summaryFigure is a figure forms computed, printed whole on one line: its text, and its
// number when ok.
func summaryFigure(role Role, text string, v decimal.Decimal, ok bool, f Format) Cell {
	return Cell{Role: role, Text: text, Num: v, HasNum: ok, Format: f, Computed: true, Fit: true}
}

// summaryCount is a whole number the summary counts (序号, 项目数).
func summaryCount(n int) Cell {
	return summaryFigure(RoleValue, strconv.Itoa(n), decimal.NewFromInt(int64(n)), true, Format{})
}

// summaryAmount is column c of the budget row r (a unit's or the totals'), with the decimals
// the summary prints it with; blank when forms holds no figure.
func summaryAmount(s *forms.Summary, r *forms.AmountResult, c forms.AmountColumn) Cell {
	text := s.AmountText(r, c)
	return summaryFigure(RoleAmount, text, r.Cells[c].Value, r.Cells[c].Valid, Format{Decimals: places(text)})
}

// summaryRate is the 执行率 of r; a rate forms left blank gets two decimals, for a figure a
// spreadsheet user types in later.
func summaryRate(r *forms.AmountResult) Cell {
	f := Format{Decimals: 2, Percent: true}
	if r.HasRate {
		f = PercentFormat(r.Rate)
	}
	return summaryFigure(RolePercent, r.RateText(), r.Rate, r.HasRate, f)
}

// summaryScore is a total score, shown to two decimals as forms prints it, blank while its
// form is incomplete (text "").
func summaryScore(text string, v decimal.Decimal, complete bool) Cell {
	v = v.Round(2)
	return summaryFigure(RoleScore, text, v, complete, ScoreFormat(v))
}

// summaryGrade is a grade (优 良 中 差), "" while its form is incomplete.
func summaryGrade(grade string) Cell {
	return Cell{Role: RoleValue, Text: grade, Computed: true, Fit: true}
}

// summaryDash is the template's "——" for a cell that has no value, over n columns.
func summaryDash(n int) Cell { return Cell{Role: RoleLabel, Text: dash, ColSpan: n} }

// summaryUnitRows are the rows of unit i: one per project (at least one), the unit's own cells
// spanning them all; a unit without projects prints "——" for them.
func summaryUnitRows(s *forms.Summary, i int, u *forms.SummaryUnit) []Row {
	n := max(1, len(u.Projects))
	tall := func(c Cell) Cell { c.RowSpan = n; return c }
	keyed := func(c Cell, col int) Cell { c.Key = SummaryKey(i, col); return c }
	first := []Cell{
		tall(summaryCount(i + 1)),
		tall(summaryText(RoleText, u.Name, i, "", "部门（单位）名称")),
		tall(summaryText(RoleValue, u.Year, i, "", "年度")),
		tall(keyed(summaryAmount(s, u.Budget, forms.ColFull), SumColBudget)),
		tall(keyed(summaryAmount(s, u.Budget, forms.ColActual), SumColActual)),
		tall(summaryRate(u.Budget)),
		tall(summaryScore(u.ScoreText(), u.Score, u.Complete)),
		tall(summaryGrade(u.Grade)),
		tall(keyed(summaryCount(len(u.Projects)), SumColCount)),
	}
	if len(u.Projects) == 0 {
		return []Row{{Cells: append(first, summaryDash(1), summaryDash(1), summaryDash(1)), MinHeight: 7}}
	}
	rows := make([]Row, 0, n)
	for j, p := range u.Projects {
		cells := []Cell{
			summaryText(RoleText, p.Name, i, fmt.Sprintf("项目 %d", j+1), "项目（政策）名称"),
			summaryScore(p.ScoreText(), p.Score, p.Complete),
			summaryGrade(p.Grade),
		}
		if j == 0 {
			cells = append(first, cells...)
		}
		rows = append(rows, Row{Cells: cells, MinHeight: 7})
	}
	return rows
}

// summaryTotal is 合计: the sums of the units' amounts and the overall 执行率 as forms computed
// them, and the count of projects, each with the formula it stands for (when there are units).
// Its label is joined of 合计 and the count of units, for an output that shows it in two
// columns.
func summaryTotal(s *forms.Summary) Row {
	t := s.Total
	units := fmt.Sprintf("（%d 个单位）", t.Units)
	full := summaryAmount(s, t.Budget, forms.ColFull)
	actual := summaryAmount(s, t.Budget, forms.ColActual)
	rate := summaryRate(t.Budget)
	count := summaryCount(t.Projects)
	full.Key, actual.Key = SummaryKey(-1, SumColBudget), SummaryKey(-1, SumColActual)
	if n := len(s.Units); n > 0 {
		refs := func(col int) []string {
			out := make([]string, n)
			for i := range out {
				out[i] = Ref(SummaryKey(i, col))
			}
			return out
		}
		// A column with no figure at all stays blank, as forms leaves it, rather than SUM's 0.
		blankOrSum := func(col int) Formula {
			return Formula(fmt.Sprintf(`IF(%s=0,"",%s)`, argsFunc("COUNT", refs(col)), argsFunc("SUM", refs(col))))
		}
		full.Formula, actual.Formula = blankOrSum(SumColBudget), blankOrSum(SumColActual)
		count.Formula = Formula(argsFunc("SUM", refs(SumColCount)))
		// The rate only when every unit holds both figures, as forms computes it.
		b, a := Ref(full.Key), Ref(actual.Key)
		rate.Formula = Formula(fmt.Sprintf(`IF(AND(%s=%d,%s=%d,%s>0),%s/%s,"")`,
			argsFunc("COUNT", refs(SumColBudget)), n, argsFunc("COUNT", refs(SumColActual)), n, b, a, b))
	}
	label := Cell{Role: RoleLabel, Text: "合计" + units, Parts: []Part{{Text: "合计"}, {Text: units}}, ColSpan: 3}
	return Row{Cells: []Cell{
		label, full, actual, rate, summaryDash(1), summaryDash(1), count, summaryDash(3),
	}, MinHeight: 8}
}

// argsFunc is fn over args, nested in groups so that no call exceeds the spreadsheets' limit of
// 255 arguments (Excel's): SUM(a,b) or SUM(SUM(a,…),SUM(…)). Each unit's cell is named rather
// than a range: spread over its merged rows, a range would count a unit once per project in
// calculators that give every cell of a merged range its value (excelize does).
func argsFunc(fn string, args []string) string {
	const most = 200
	if len(args) <= most {
		return fn + "(" + strings.Join(args, ",") + ")"
	}
	var groups []string
	for len(args) > 0 {
		n := min(most, len(args))
		groups = append(groups, fn+"("+strings.Join(args[:n], ",")+")")
		args = args[n:]
	}
	return argsFunc("SUM", groups)
}

// summaryNotes is the band of notes: where the figures come from, then the summary's notes
// numbered from 1, each a borderless left-aligned cell over the table's width (RoleFooter).
// The notes name units and files as the user typed them: they are the document's texts.
func summaryNotes(s *forms.Summary) Band {
	b := Band{Cols: []float64{SummaryWidth}}
	b.Rows = append(b.Rows, Row{Cells: []Cell{{Role: RoleFooter, Text: SummaryExplained}}})
	for i, n := range s.Notes {
		field := fmt.Sprintf("注 %d", i+1)
		b.Rows = append(b.Rows, Row{Cells: []Cell{{Role: RoleFooter, Text: fmt.Sprintf("%d. %s", i+1, n),
			Src: &Source{Section: "注", Field: field, Loc: summaryLoc}}}})
	}
	return b
}

// SummaryGrid is the text of band b of t as a grid of its columns, for an output that cannot
// span cells (the summary window): a cell's text in its first column and first row, the
// columns and rows it also covers blank; a cell joined of Parts puts one part in each of its
// columns when it spans as many (合计 | （2 个单位）). Texts are as the table has them, not cleaned.
func SummaryGrid(t *Table, b int) [][]string {
	band := t.Bands[b]
	cols := len(band.Cols)
	grid := make([][]string, len(band.Rows))
	taken := map[[2]int]bool{}
	for ri, r := range band.Rows {
		grid[ri] = make([]string, cols)
		c := 0
		for _, cell := range r.Cells {
			for taken[[2]int{ri, c}] {
				c++
			}
			cs, rs := max(cell.ColSpan, 1), max(cell.RowSpan, 1)
			if c+cs > cols {
				break
			}
			for dr := range rs {
				for dc := range cs {
					taken[[2]int{ri + dr, c + dc}] = true
				}
			}
			if len(cell.Parts) > 1 && len(cell.Parts) <= cs {
				for k, p := range cell.Parts {
					grid[ri][c+k] = p.Text
				}
			} else {
				grid[ri][c] = cell.Text
			}
			c += cs
		}
	}
	return grid
}
