package forms

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
)

// SummaryBudgetRow is the row of 年度部门（单位）整体收支情况 whose 全年预算数 and 全年执行数 a
// department summary adds up: 年度部门预算收入小计（1至7项）, the unit's whole budget. It is the
// row whose 执行率 the seed prints (100%), and it is computed from its parts when left blank.
const SummaryBudgetRow = "I0"

// SummaryTitle is the title of the department summary.
const SummaryTitle = "部门（单位）整体绩效自评汇总表"

// SummaryInput is one document of a department summary (部门汇总).
type SummaryInput struct {
	// Source names where the document comes from (its file path, or "当前文档"): notes name
	// it, and a unit without a name is shown by its file name.
	Source string
	// Doc is the document summarised; it is only read. A nil Doc (a caller's slip, not a user's
	// document) is left out of the summary with a note rather than stopping the whole summary.
	Doc *Document
	// Eval is Evaluate(Doc), passed when the caller already has it; nil, or one that does not
	// match Doc (another number of projects), makes the summary evaluate the document itself.
	Eval *Evaluation
}

// Summary is the 部门（单位）整体绩效自评汇总表 of several documents (a department and its
// sub-units): one row per document and a totals row. It is derived, like an Evaluation.
type Summary struct {
	// Units are the rows of the documents, in the order given (nil documents left out).
	Units []*SummaryUnit
	// Total is the 合计 row.
	Total SummaryTotal
	// Fixed2 is true when any summarised document prints amounts with two decimals: the
	// summary then prints every amount so, to keep its columns uniform.
	Fixed2 bool
	// Years are the distinct years of the documents, in order of first appearance.
	Years []string
	// MixedYears is true when the documents are not all of one year: allowed, but noted.
	MixedYears bool
	// Notes tell, in Chinese, what the totals leave out (blank or invalid figures) and that
	// the years differ; the printed summary lists them under the table.
	Notes []string
	// SameUnit is not nil when two inputs are one unit (SameUnits): the totals then count it
	// twice, and export.Summary refuses to write such a summary.
	SameUnit *SameUnitError
}

// SummaryUnit is one document's row of the summary.
type SummaryUnit struct {
	// Source is the input's Source: where the row comes from, for notes and messages.
	Source string
	// Name is the 部门（单位）名称, or the 单位简称 or file name when it is blank, so that every
	// row names its unit.
	Name string
	// Year is the document's 年度 as typed (trimmed); the title names it when all agree.
	Year string
	// Budget is the unit form's 年度部门预算收入小计 row as forms computes it: 全年预算数 in
	// Cells[ColFull], 全年执行数 in Cells[ColActual], and its 执行率.
	Budget *AmountResult
	Score  decimal.Decimal // 总评价得分 of the unit form
	Grade  string          // 优 良 中 差 of Score, "" while the form is incomplete
	// Complete is false while the unit form's total is not final (see UnitResult.Complete).
	Complete bool
	// Blank says why Score is not shown ("" when it is): UnitResult.BlankReason, 未填写 for a
	// form not started (NotStarted). The notes repeat it, so that a blank cell is explained.
	Blank string
	// Projects are the document's project forms, in order.
	Projects []SummaryProject
}

// SummaryProject is one project form in the summary.
type SummaryProject struct {
	// Name is the 项目（政策）名称, or "未命名项目" so that no row is blank.
	Name string
	// Score is the 绩效自评总得分（C+D）, exact, as forms computes it.
	Score decimal.Decimal
	// Grade is 优 良 中 差 of Score, "" while the form is incomplete.
	Grade string
	// Complete is false while the project's total is not final (see ProjectResult.Complete).
	Complete bool
	// Blank says why Score is not shown ("" when it is): ProjectResult.BlankReason.
	Blank string
	// Capped is true when 执行率封顶 made Score lower than C+D (Uncapped); the notes say so.
	Capped   bool
	Uncapped decimal.Decimal
}

// ScoreText is the printed score, or "" while the form is incomplete.
func (p SummaryProject) ScoreText() string {
	if !p.Complete {
		return ""
	}
	return FormatScore(p.Score)
}

// ScoreText is the printed 总评价得分, or "" while the unit form is incomplete.
func (u *SummaryUnit) ScoreText() string {
	if !u.Complete {
		return ""
	}
	return FormatScore(u.Score)
}

// SummaryTotal is the 合计 row: the sums of the figures the units hold.
type SummaryTotal struct {
	Units    int // documents summarised
	Projects int // project forms in all
	// Budget is the sum of the units' 全年预算数 and 全年执行数 (blank ones left out, and
	// noted), with the overall 执行率 computed from the sums as forms computes every rate. The
	// rate is left blank when some unit lacks one of the two figures: it would compare sums
	// of different units.
	Budget *AmountResult
	// Complete is true when every unit holds both figures, so the sums cover every unit.
	Complete bool
}

// NewSummary builds the department summary of the inputs, in their order. It never modifies
// the documents. An input without a document is left out, with a note naming it.
func NewSummary(inputs []SummaryInput) *Summary {
	s := &Summary{}
	rows := make([]*AmountResult, 0, len(inputs))
	for i, in := range inputs {
		if in.Doc == nil {
			s.Notes = append(s.Notes, fmt.Sprintf("第 %d 个单位（%s）没有文档内容，未计入汇总。", i+1, cmp.Or(in.Source, "未命名")))
			continue
		}
		u := summaryUnit(in)
		s.Units = append(s.Units, u)
		rows = append(rows, u.Budget)
		s.Total.Projects += len(u.Projects)
		s.Fixed2 = s.Fixed2 || in.Doc.Settings.Fixed2()
		s.addYear(u.Year)
		s.Notes = append(s.Notes, unitNotes(i, in, u)...)
	}
	s.SameUnit = SameUnits(inputs)
	s.Total.Units = len(s.Units)
	s.Total.Budget = sumTotal(Amounts{}, rows)
	s.Total.Complete = true
	for _, r := range rows {
		if !r.Cells[ColFull].Valid || !r.Cells[ColActual].Valid {
			s.Total.Complete = false
		}
	}
	if !s.Total.Complete && s.Total.Budget.HasRate {
		s.Total.Budget.HasRate = false
		s.Notes = append(s.Notes, "合计行的执行率未计算：有单位的全年预算数或全年执行数为空，合计只包含已填写的单位。")
	}
	if s.MixedYears {
		years := make([]string, len(s.Years))
		for i, y := range s.Years {
			years[i] = cmp.Or(y, "未填")
		}
		s.Notes = append(s.Notes, fmt.Sprintf("所选文档的年度不一致（%s）：请确认这些文档应当一起汇总。", strings.Join(years, "、")))
	}
	return s
}

// SameUnitError says that two inputs of a summary are one unit: the same 部门（单位）名称 and the
// same 年度 (SameUnitAs). A and B are their Sources, in the order given.
type SameUnitError struct {
	A, B       string
	Name, Year string // the unit's name and year, as the first of the two has them (trimmed)
}

func (e *SameUnitError) Error() string {
	return fmt.Sprintf("「%s」与「%s」是同一单位（名称“%s”、年度 %s 相同），同一单位不能汇总两次：请去掉其中一个。",
		e.A, e.B, e.Name, e.Year)
}

// summaryUnitKey is what makes a document the unit it is in a summary: its 部门（单位）名称 and
// its 年度, each without spaces (half- or full-width, anywhere) and with full-width ASCII
// letters, digits and brackets as their half-width forms, so that "抚顺市（中心）" and
// " 抚顺市(中心)　" are one unit. ok is false when the name or the year is blank: a blank does
// not tell two units apart, and unitNotes asks for the name or the year instead.
func summaryUnitKey(doc *Document) (key string, ok bool) {
	name, year := foldUnitText(doc.Unit.Name), foldUnitText(doc.Settings.Year)
	if name == "" || year == "" {
		return "", false
	}
	return name + "\x00" + year, true
}

// foldUnitText is s without white space, full-width ASCII forms (U+FF01–U+FF5E) made half-width.
func foldUnitText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			continue
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		}
		b.WriteRune(r)
	}
	return b.String()
}

// SameUnitAs is the index of the first of inputs that is the same unit as in — the same
// 部门（单位）名称 and 年度, spaces and full-width forms aside (summaryUnitKey) — or -1. A
// document whose name or year is blank is never the same unit as another. Copies of one file
// under other names, or a document imported from another's Excel export, are found so where
// comparing the files (export.Duplicate) cannot find them. This is the one rule the command
// line's and the window's summaries both apply.
func SameUnitAs(inputs []SummaryInput, in SummaryInput) int {
	if in.Doc == nil {
		return -1
	}
	key, ok := summaryUnitKey(in.Doc)
	if !ok {
		return -1
	}
	for i, o := range inputs {
		if o.Doc == nil {
			continue
		}
		if k, ok := summaryUnitKey(o.Doc); ok && k == key {
			return i
		}
	}
	return -1
}

// SameUnits is the first pair of inputs that are one unit (SameUnitAs), or nil.
func SameUnits(inputs []SummaryInput) *SameUnitError {
	for i, in := range inputs {
		if j := SameUnitAs(inputs[:i], in); j >= 0 {
			return NewSameUnitError(inputs[j], in)
		}
	}
	return nil
}

// NewSameUnitError is the error that a and b, found one unit by SameUnitAs, are.
func NewSameUnitError(a, b SummaryInput) *SameUnitError {
	return &SameUnitError{A: cmp.Or(a.Source, "未命名"), B: cmp.Or(b.Source, "未命名"),
		Name: strings.TrimSpace(a.Doc.Unit.Name), Year: strings.TrimSpace(a.Doc.Settings.Year)}
}

// summaryUnit is the row of one input.
func summaryUnit(in SummaryInput) *SummaryUnit {
	ev := in.Eval
	if !evalMatches(ev, in.Doc) {
		ev = Evaluate(in.Doc)
	}
	u := &SummaryUnit{
		Source:   in.Source,
		Name:     summaryUnitName(in),
		Year:     strings.TrimSpace(in.Doc.Settings.Year),
		Budget:   ev.Unit.Budget[SummaryBudgetRow],
		Score:    ev.Unit.Total,
		Grade:    ev.Unit.Rating(),
		Complete: ev.Unit.Complete,
		Blank:    ev.Unit.BlankReason(),
	}
	for i, p := range in.Doc.Projects {
		name := strings.TrimSpace(p.Name)
		if name == "" {
			name = "未命名项目"
		}
		r := ev.Projects[i]
		u.Projects = append(u.Projects, SummaryProject{Name: name, Score: r.Total,
			Grade: r.Rating(), Complete: r.Complete, Blank: r.BlankReason(), Capped: r.Complete && r.Capped, Uncapped: r.Uncapped})
	}
	return u
}

// evalMatches tells whether ev can be an evaluation of doc: it has the unit's budget row and
// one result per project. Anything else is recomputed rather than trusted, or indexed out of
// range.
func evalMatches(ev *Evaluation, doc *Document) bool {
	return ev != nil && ev.Unit != nil && ev.Unit.Budget[SummaryBudgetRow] != nil &&
		len(ev.Projects) == len(doc.Projects) && !slices.Contains(ev.Projects, nil)
}

// summaryUnitName is the unit's 部门（单位）名称, else its 单位简称, else its file name.
func summaryUnitName(in SummaryInput) string {
	for _, n := range []string{in.Doc.Unit.Name, in.Doc.Settings.UnitShortName} {
		if n = strings.TrimSpace(n); n != "" {
			return n
		}
	}
	base := filepath.Base(in.Source)
	if base == "." || base == string(filepath.Separator) {
		return "未命名单位"
	}
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// unitNotes says what is missing from unit i (its name, its year, a budget figure), why a score
// of its is blank (Blank), and which of its projects' totals 执行率封顶 capped.
func unitNotes(i int, in SummaryInput, u *SummaryUnit) []string {
	who := fmt.Sprintf("第 %d 个单位“%s”（%s）", i+1, u.Name, filepath.Base(in.Source))
	var out []string
	if strings.TrimSpace(in.Doc.Unit.Name) == "" {
		out = append(out, who+"：部门（单位）名称为空，汇总表中以简称或文件名代替，也无法核对它是否与其他文档是同一单位，请在单位整体表中填写。")
	}
	if u.Year == "" {
		out = append(out, who+"：年度为空，无法核对它是否与其他文档是同一单位，请在文档设置中填写。")
	}
	for _, c := range []AmountColumn{ColFull, ColActual} {
		cell := u.Budget.Cells[c]
		switch {
		case cell.Err != nil:
			out = append(out, fmt.Sprintf("%s：收支情况“%s”的%s不是数字，未计入合计，请在单位整体表中改正。",
				who, u.Budget.Def.Label, c.Label()))
		case !cell.Valid:
			out = append(out, fmt.Sprintf("%s：收支情况“%s”的%s为空，未计入合计（不按 0 计算），请在单位整体表中填写。",
				who, u.Budget.Def.Label, c.Label()))
		}
	}
	if u.Blank != "" {
		out = append(out, fmt.Sprintf("%s：单位整体表的总评价得分留空（%s）。", who, u.Blank))
	}
	for _, p := range u.Projects {
		if p.Blank != "" {
			out = append(out, fmt.Sprintf("%s：项目「%s」的总得分留空（%s）。", who, p.Name, p.Blank))
		}
		if p.Capped {
			out = append(out, fmt.Sprintf("%s：项目「%s」按文档设置“执行率封顶”，总得分由 %s 封顶为 %s。", who, p.Name, FormatScore(p.Uncapped), FormatScore(p.Score)))
		}
	}
	return out
}

// addYear records year among the distinct years.
func (s *Summary) addYear(year string) {
	for _, y := range s.Years {
		if y == year {
			return
		}
	}
	s.Years = append(s.Years, year)
	s.MixedYears = len(s.Years) > 1
}

// Title is the summary's printed title, which names the year when every document is of the
// same, filled-in year: "2021 年部门（单位）整体绩效自评汇总表".
func (s *Summary) Title() string {
	if len(s.Years) == 1 && s.Years[0] != "" {
		return s.Years[0] + " 年" + SummaryTitle
	}
	return SummaryTitle
}

// AmountText prints an amount cell of a summary row or of the totals: the figure in force,
// with two decimals when the summary is Fixed2, or "" when it is blank or not a number.
func (s *Summary) AmountText(r *AmountResult, c AmountColumn) string {
	if !r.Cells[c].Valid {
		return ""
	}
	return FormatAmount(r.Cells[c].Value, s.Fixed2)
}
