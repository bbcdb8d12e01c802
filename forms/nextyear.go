package forms

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// NextYear starts next year's self-evaluation from last year's document (从上年复制): the
// same unit, projects and plans, with every result of last year cleared and the year advanced.
// It returns a new document and never modifies last.
//
// The rule behind the table: what the unit planned or decided at the start of a year usually
// carries over, so it is kept; what describes how last year went (money, results, scores and
// their explanations) is not this year's, so it is cleared rather than left to be printed on
// this year's official form by mistake; what names the year is advanced.
//
//	field                                                  decision
//	文档设置 年度                                            advanced: +1 ("2021" → "2022"); every title follows it
//	文档设置 单位简称, 金额显示, 反向指标计分, 打印签字栏, 表式 kept
//	文档设置 rule options (超额完成, 执行率封顶, 得分取整, 严格检查, 指标编号,
//	  佐证材料提示) and 自评报告模板                          kept (the province's rules, the unit's report)
//	签字栏 填表人, 联系电话, 单位负责人                        kept (usually the same people)
//	签字栏 填报日期                                          cleared (last year's filing date)
//	单位表 部门（单位）名称, 财政供养人员数量, 所属单位数量       kept (unit facts; check them)
//	单位表 收支情况: 年初预算数, 全年预算数, 全年执行数,
//	  typed subtotals included                             cleared
//	年度主要任务 工作名称, 对应项目                            kept
//	年度主要任务 amounts, 合计 row                           cleared
//	年度绩效目标 / 年度总体目标 年初设定目标                    kept
//	年度绩效目标 / 年度总体目标 全年（实际）完成情况             cleared
//	indicator tree: 一级, 二级 (names, order, merged cell)    kept
//	三级 row 运算符号, 内容, 度量单位, 年度指标值/年度目标值, 分值 kept
//	三级 row 全年完成值, 完成程度 (typed), 得分, 手工调整,
//	  评价等级, 未完成原因 ticks, 原因说明, 改进措施            cleared
//	项目表 项目（政策）名称, 主管部门, 实施单位                  kept
//	项目表 实施期                                            advanced when it is one year's (see advancePeriod)
//	项目表 项目预算资金: all three amounts of every row         cleared
//	项目表 预算执行率 分值                                     kept
//	项目表 评价结论, 存在问题 (national template)               cleared
//	佐证材料 of every indicator row, of 收支情况 and of
//	  项目预算资金: 材料名称, 材料类型                          cleared, or kept as the dialog says (KeepEvidence)
//	佐证材料 页数, 电子文件                                   cleared (the list goes when names are not kept)
//
// Last year's 佐证材料 are last year's: its contracts, vouchers and surveys prove last year's
// results, and a list carried over would print on this year's 佐证材料清单 (and pack last
// year's files) unnoticed. So the lists are cleared, unless the user asks (NextYearOptions) to
// keep what usually recurs, the names and kinds of the items, as a checklist; their page counts
// and files are then cleared, since they are of last year's papers.
//
// Last year's money is cleared, 年初预算数 included: each year's budget is approved anew, and a
// carried-over figure would look plausible and print on the official form unnoticed, whereas a
// blank cell is visible and the checks ask for it (D cannot be computed without 全年预算数).
// Targets and other texts are kept verbatim even when they hold a number like a year ("2021户"
// is a count): rewriting a plan figure silently would be worse than leaving it to the user.
// Blank spare rows stay, as in the template. A field added later to an indicator row, a task,
// a goal, the amounts, an evidence item or the footer is cleared by default (their kept fields are copied by
// name); and a test fails for any new field of the model until it is decided here.
func NextYear(last *Document) (*Document, error) { return NextYearWith(last, NextYearOptions{}) }

// NextYearOptions are the choices 从上年复制 offers; the zero value is NextYear's default.
type NextYearOptions struct {
	// KeepEvidence keeps each 佐证材料 list's 材料名称 and 材料类型, with 页数 and 电子文件
	// cleared; otherwise every list is cleared.
	KeepEvidence bool
}

// NextYearWith is NextYear with the choices of opt.
func NextYearWith(last *Document, opt NextYearOptions) (*Document, error) {
	if last == nil {
		return nil, errors.New("从上年复制：没有上年的文档")
	}
	year, err := nextYearOf(last.Settings.Year)
	if err != nil {
		return nil, err
	}
	// A round trip through the file format is a deep copy that is also known to save and load.
	data, err := Marshal(last)
	if err != nil {
		return nil, fmt.Errorf("从上年复制：%w", err)
	}
	doc, err := Unmarshal(data)
	if err != nil {
		return nil, fmt.Errorf("从上年复制：上年的文档无法复制（%w）", err)
	}
	doc.Settings.Year = strconv.Itoa(year)
	doc.Settings.Footer = Footer{Preparer: doc.Settings.Footer.Preparer, Phone: doc.Settings.Footer.Phone, Leader: doc.Settings.Footer.Leader}
	evidence := func([]Evidence) []Evidence { return nil }
	if opt.KeepEvidence {
		evidence = evidenceChecklist
	}
	clearUnit(&doc.Unit, evidence)
	for _, p := range doc.Projects {
		p.Period = advancePeriod(p.Period, year-1, year)
		p.Conclusion, p.Issues = "", ""
		p.FundsEvidence = evidence(p.FundsEvidence)
		clearPlan(&p.Funds, p.Goals, p.Indicators, evidence)
	}
	return doc, nil
}

// evidenceChecklist is list with only the names and kinds of its items, for next year: the
// items with neither are left out.
func evidenceChecklist(list []Evidence) []Evidence {
	var out []Evidence
	for _, e := range list {
		if e := (Evidence{Name: e.Name, Kind: e.Kind}); !e.IsBlank() {
			out = append(out, e)
		}
	}
	return out
}

// EvidenceCount is the number of 佐证材料 items with text in them in doc, in every list.
func EvidenceCount(doc *Document) int {
	n := 0
	count := func(list []Evidence) {
		for _, e := range list {
			if !e.IsBlank() {
				n++
			}
		}
	}
	count(doc.Unit.BudgetEvidence)
	doc.Unit.Indicators.Each(func(_ RowPath, _ *Level1, _ *Level2, in *Indicator) { count(in.Evidence) })
	for _, p := range doc.Projects {
		count(p.FundsEvidence)
		p.Indicators.Each(func(_ RowPath, _ *Level1, _ *Level2, in *Indicator) { count(in.Evidence) })
	}
	return n
}

// nextYearOf returns the year after year, refusing a year that is not valid (the same rule as
// the check of 年度) or whose successor would not be.
func nextYearOf(year string) (int, error) {
	y := strings.TrimSpace(year)
	n, err := strconv.Atoi(y)
	if err == nil {
		probe := &Document{Settings: Settings{Year: strconv.Itoa(n + 1)}}
		for _, p := range checkSettings(probe) {
			if p.Loc.Field == "year" {
				err = errors.New(p.Message)
			}
		}
	}
	if err != nil {
		return 0, fmt.Errorf("文档设置 › 年度：上年文档的年度“%s”无法推算下一年度，请先打开该文件，在文档设置中填写四位数年份（如 2021）并保存，再从上年复制", y)
	}
	return n + 1, nil
}

// clearUnit clears the results of the unit form, keeping its plans (see NextYear); evidence
// makes next year's 佐证材料 list of last year's.
func clearUnit(u *UnitForm, evidence func([]Evidence) []Evidence) {
	for _, t := range u.Tasks {
		*t = Task{Name: t.Name, Project: t.Project}
	}
	u.TasksTotal = Amounts{}
	u.BudgetEvidence = evidence(u.BudgetEvidence)
	clearPlan(&u.Budget, u.Goals, u.Indicators, evidence)
}

// clearPlan clears the amounts of a budget table, the results of the goals and the results of
// every indicator row, keeping what was planned; evidence makes each row's 佐证材料 list.
func clearPlan(rows *[]AmountRow, goals []*Goal, tree Tree, evidence func([]Evidence) []Evidence) {
	for i := range *rows {
		(*rows)[i].Amounts = Amounts{}
	}
	for _, g := range goals {
		*g = Goal{Target: g.Target}
	}
	tree.Each(func(_ RowPath, _ *Level1, _ *Level2, in *Indicator) {
		*in = Indicator{Op: in.Op, Content: in.Content, Unit: in.Unit, Target: in.Target, Weight: in.Weight, Evidence: evidence(in.Evidence)}
	})
}

// A year in a period is a run of exactly four digits with a value in this range, so that
// neither a longer number ("20211") nor a small one ("0012") is taken for one.
const periodYearMin, periodYearMax = 1900, 2200

// advancePeriod advances the 实施期 of a one-year project: every year in it that is from
// becomes to ("2021 年 1 月 - 2021 年 12 月", "2021.1-2021.12", "2021-2021", "2021年度").
// Digits may be ASCII or full-width; the new year is written in the same kind. A period that
// also names another year ("2021-2023", "2020年-2022年", or with the end year in two digits:
// "2021-22", "2021至22年", see shortYearRange) belongs to a multi-year project, whose 实施期
// does not change from one year to the next: it is kept, like a period naming no year ("长期",
// "") and any date not written with a four-digit year.
func advancePeriod(period string, from, to int) string {
	runs := digitRuns(period)
	if shortYearRange(period, runs) {
		return period
	}
	found := false
	for _, r := range runs {
		if !r.isYear() {
			continue
		}
		if r.value != from {
			return period
		}
		found = true
	}
	if !found {
		return period
	}
	var b strings.Builder
	last := 0
	for _, r := range runs {
		if r.isYear() {
			b.WriteString(period[last:r.start])
			b.WriteString(r.format(to))
			last = r.end
		}
	}
	b.WriteString(period[last:])
	return b.String()
}

// rangeSeparators are what stands between the years of a range ("2021-22", "2021至22年"); "."
// and "/" are left out: "2021.12" and "2021/12" are months.
var rangeSeparators = []string{"-", "－", "—", "——", "–", "~", "～", "至", "到"}

// shortYearMaxSpan is how many years ahead a two-digit end year may be. A month written after a
// year ("2021-12") reads as a year a century ahead (2112) and so is never taken for one; only
// for the years 2000–2011 is "YYYY-MM" ambiguous, and a multi-year reading keeps the period as
// typed, which is the harmless mistake.
const shortYearMaxSpan = 20

// shortYearRange tells whether period names a range of years whose end is written with two
// digits: a year, a range separator (the year may be followed by 年), then two digits reading
// as a later year, not followed by more of a date ("2011-12-31", "2011-12月" are dates).
func shortYearRange(period string, runs []digitRun) bool {
	for i := 0; i+1 < len(runs); i++ {
		y, end := runs[i], runs[i+1]
		if !y.isYear() || end.digits != 2 {
			continue
		}
		between := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(period[y.end:end.start]), "年"))
		if !slices.Contains(rangeSeparators, strings.Trim(between, " 　")) {
			continue
		}
		full := y.value - y.value%100 + end.value
		if full <= y.value {
			full += 100
		}
		if full-y.value <= shortYearMaxSpan && !continuesDate(period[end.end:]) {
			return true
		}
	}
	return false
}

// continuesDate tells whether rest, the text after a number, goes on as a date: 月 or 日, or a
// date separator followed by a digit.
func continuesDate(rest string) bool {
	rest = strings.TrimLeft(rest, " 　")
	if strings.HasPrefix(rest, "月") || strings.HasPrefix(rest, "日") {
		return true
	}
	for _, sep := range []string{"-", "－", ".", "．", "/"} {
		if after, ok := strings.CutPrefix(rest, sep); ok {
			for _, c := range after {
				_, _, digit := digitOf(c)
				return digit
			}
		}
	}
	return false
}

// digitRun is a maximal run of digits in a string, by byte offsets.
type digitRun struct {
	start, end int
	digits     int  // how many digits
	value      int  // their value (only meaningful for short runs)
	fullWidth  bool // the first digit is full-width (０–９)
}

func (r digitRun) isYear() bool {
	return r.digits == 4 && r.value >= periodYearMin && r.value <= periodYearMax
}

// format writes n in the run's kind of digits.
func (r digitRun) format(n int) string {
	s := strconv.Itoa(n)
	if !r.fullWidth {
		return s
	}
	return strings.Map(func(c rune) rune { return c - '0' + '０' }, s)
}

// digitRuns returns the runs of ASCII or full-width digits in s, in order.
func digitRuns(s string) []digitRun {
	var runs []digitRun
	var cur *digitRun
	for i, c := range s {
		d, full, ok := digitOf(c)
		if !ok {
			cur = nil
			continue
		}
		if cur == nil {
			runs = append(runs, digitRun{start: i, fullWidth: full})
			cur = &runs[len(runs)-1]
		}
		cur.end = i + len(string(c))
		cur.digits++
		if cur.digits <= 9 {
			cur.value = cur.value*10 + d
		}
	}
	return runs
}

// digitOf returns the value of an ASCII or full-width digit.
func digitOf(c rune) (d int, fullWidth, ok bool) {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0'), false, true
	case c >= '０' && c <= '９':
		return int(c - '０'), true, true
	}
	return 0, false, false
}
