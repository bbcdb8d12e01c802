package forms

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// subtotalTolerance is how far a typed subtotal may differ from its parts before a warning.
var subtotalTolerance = decimal.RequireFromString("0.005")

// lowRate is the 执行率 below which an explanation is expected.
var lowRate = decimal.RequireFromString("0.9")

// highCompletion is the 完成程度 from which the target looks set too low.
var highCompletion = decimal.RequireFromString("1.3")

func checkSettings(doc *Document) []Problem {
	r := &reporter{form: "文档设置", formIndex: -1}
	r.at(SecSettings, "")
	y := strings.TrimSpace(doc.Settings.Year)
	if n, err := strconv.Atoi(y); err != nil || n < 1990 || n > 2200 {
		r.add(LevelError, Location{Index: -1, Field: "year"}, "", "年度", "年度“%s”不是有效的年份：请填写四位数年份，如 2021。", y)
	}
	if isBlank(doc.Settings.UnitShortName) {
		r.add(LevelWarning, Location{Index: -1, Field: "short_name"}, "", "单位简称", "单位简称未填写，表格标题会缺少单位名：请在文档设置中填写单位简称。")
	}
	if a := doc.Settings.Amounts; a != AmountsAsTyped && a != AmountsFixed2 && a != "" {
		r.add(LevelError, Location{Index: -1, Field: "amounts"}, "", "金额显示", "金额显示方式“%s”无法识别，金额按输入显示：请在文档设置中重新选择。", a)
	}
	if !doc.Settings.Negative.valid() {
		r.add(LevelError, Location{Index: -1, Field: "negative_rule"}, "", "反向指标计分方式", "计分方式“%s”无法识别：请在文档设置中重新选择。", doc.Settings.Negative)
	}
	if _, err := LookupTemplate(doc.Settings.Template); err != nil {
		r.add(LevelError, Location{Index: -1, Field: "template"}, "", "表式", "表式“%s”无法识别，项目表无法打印或导出：请在文档设置中重新选择。", doc.Settings.Template)
	}
	return r.out
}

func (n NegativeRule) valid() bool { return n == NegativeRatio || n == NegativeLinear || n == "" }

func checkUnit(doc *Document, res *UnitResult) []Problem {
	if res.NotStarted {
		return nil
	}
	u := &doc.Unit
	r := &reporter{form: UnitFormName, formIndex: -1}
	r.at(SecHeader, "表头")
	if isBlank(u.Name) {
		r.add(LevelWarning, Location{Index: -1, Field: "name"}, "", "部门（单位）名称", "部门（单位）名称未填写：请填写单位全称。")
	}
	checkCount(r, u.Staff, "staff", "财政供养人员数量", true)
	checkCount(r, u.Subunits, "subunits", "所属单位数量（仅部门填列）", false)

	r.at(SecBudget, "年度部门（单位）整体收支情况（万元）")
	explained := treeExplains(u.Indicators, false)
	for _, def := range UnitBudgetRows {
		checkAmountRow(r, budgetLine{res: res.Budget[def.ID], id: def.ID, index: -1, name: def.Label, explained: explained,
			parent: res.Budget[parentRow(UnitBudgetRows, def.ID)]})
	}
	checkBalance(r, res.Budget["I0"], res.Budget["E0"])

	r.at(SecTasks, "年度主要任务")
	for i, t := range res.Tasks {
		checkAmountRow(r, budgetLine{res: t, index: i, name: taskName(u.Tasks[i], i), explained: explained})
	}
	checkAmountRow(r, budgetLine{res: res.TasksTotal, id: "total", index: -1, name: "合计", explained: true})

	r.at(SecIndicators, "分解目标评价")
	checkTree(r, u.Indicators, res.Indicators)
	checkWeightSum(r, u.Indicators, res.Indicators, weightSum{sum: res.WeightSum, invalid: res.InvalidWeights}, "Σ分值")
	r.at(SecTotals, "总评价得分")
	if !res.Complete {
		r.add(LevelError, Location{RowID: "total", Index: -1, Field: "score"}, "", "总评价得分", "%s", incompleteMessage(res.Indicators, "总评价得分和等级"))
	}
	checkOver100(r, res.Total, res.AnyScore, "总评价得分", "全部指标得分之和")
	return r.out
}

func taskName(t *Task, i int) string {
	if n := strings.TrimSpace(t.Name); n != "" {
		return n
	}
	return fmt.Sprintf("第 %d 项工作", i+1)
}

func checkCount(r *reporter, text, key, label string, required bool) {
	if isBlank(text) {
		if required {
			r.add(LevelWarning, Location{Index: -1, Field: key}, "", label, "%s未填写：请填写人数或个数。", label)
		}
		return
	}
	if _, err := ParseCount(text); err != nil {
		r.add(LevelError, Location{Index: -1, Field: key}, "", label, "%s：%v，请只填整数。", label, err)
	}
}

// budgetLine is one budget row to check: its result, where it stands (ID, or index for a
// task), its name, whether some indicator row explains a low 执行率, and parent, the row whose
// sum includes this one (nil if none).
type budgetLine struct {
	res       *AmountResult
	id        string
	index     int
	name      string
	explained bool
	parent    *AmountResult
}

// loc is where column c of the row is.
func (l budgetLine) loc(c AmountColumn) Location {
	return Location{RowID: l.id, Index: l.index, Field: c.Key()}
}

// checkAmountRow checks the cells of one budget row: numbers, subtotals, zero budgets, low rates.
// A low 执行率 equal to the parent's is the parent's warning already (a total of one source), and
// is not repeated for this row.
func checkAmountRow(r *reporter, l budgetLine) {
	for _, c := range AmountColumns {
		cell := l.res.Cells[c]
		if cell.Err != nil {
			r.add(LevelError, l.loc(c), l.name, c.Label(), "%v，请填写以万元为单位的数字，如 1197.19。", cell.Err)
		}
		if cell.Typed && cell.Valid && cell.HasSum && cell.Value.Sub(cell.Sum).Abs().GreaterThan(subtotalTolerance) {
			r.add(LevelWarning, l.loc(c), l.name, c.Label(), "填写的小计 %s 与各项之和 %s 不一致：请核对各项金额，或清空小计由程序计算。",
				FormatAmount(cell.Value, false), FormatAmount(cell.Sum, false))
		}
	}
	checkFullActual(r, l)
	sameAsParent := l.parent != nil && l.parent.HasRate && l.parent.Rate.Equal(l.res.Rate)
	if l.res.HasRate && l.res.Rate.LessThan(lowRate) && !l.explained && !sameAsParent {
		r.add(LevelWarning, l.loc(ColActual), l.name, "执行率", "执行率 %s 低于 90%%，但没有说明原因：请在绩效指标中勾选“经费保障”等原因并填写原因说明。", l.res.RateText())
	}
}

// checkFullActual compares 全年执行数 with 全年预算数: more spent than budgeted, or spent from
// a budget of 0.
func checkFullActual(r *reporter, l budgetLine) {
	full, actual := l.res.Cells[ColFull], l.res.Cells[ColActual]
	if full.Valid && actual.Valid && full.Value.IsPositive() && actual.Value.GreaterThan(full.Value) {
		r.add(LevelWarning, l.loc(ColActual), l.name, ColActual.Label(), "全年执行数 %s 大于全年预算数 %s：请核对两项金额（预算执行率得分不超过分值）。",
			FormatAmount(actual.Value, false), FormatAmount(full.Value, false))
	}
	if full.Valid && full.Value.IsZero() && actual.Valid && actual.Value.IsPositive() {
		r.add(LevelError, l.loc(ColFull), l.name, ColFull.Label(), "全年预算数为 0，但全年执行数为 %s：请补填全年预算数。", FormatAmount(actual.Value, false))
	}
}

// parentRow is the ID of the row of defs whose Parts include id, "" if none.
func parentRow(defs []RowDef, id string) string {
	for _, d := range defs {
		if slices.Contains(d.Parts, id) {
			return d.ID
		}
	}
	return ""
}

// checkBalance warns when total income and total expenditure differ.
func checkBalance(r *reporter, income, spend *AmountResult) {
	for _, c := range AmountColumns {
		in, out := income.Cells[c], spend.Cells[c]
		if in.Valid && out.Valid && in.Value.Sub(out.Value).Abs().GreaterThan(subtotalTolerance) {
			r.add(LevelWarning, Location{RowID: "E0", Index: -1, Field: c.Key()}, spend.Def.Label, c.Label(),
				"收入小计 %s 与支出小计 %s 不相等：请核对收入和支出各项。", FormatAmount(in.Value, false), FormatAmount(out.Value, false))
		}
	}
}

// treeExplains reports whether some indicator row explains a shortfall: a ticked reason and a
// 原因说明, or in the national template (written) a 原因说明 alone, as its one column of
// 偏差原因分析及改进措施 holds what the user wrote, with no boxes to tick.
func treeExplains(t Tree, written bool) bool {
	found := false
	t.Each(func(_ RowPath, _ *Level1, _ *Level2, in *Indicator) {
		if (written || in.Reasons.Any()) && !isBlank(in.Reason) {
			found = true
		}
	})
	return found
}

// weightSum is what checkWeightSum knows of a form's 分值: the sum of the valid ones, how many
// are not numbers (invalid, each its own error), and for a project form whether D's is blank.
type weightSum struct {
	sum     decimal.Decimal
	invalid int
	blankD  bool
}

// checkWeightSum checks Σ分值 against 100 (docs/scoring.md §4, §5). The 分值 left blank are those
// of rows with a 得分 (blankWeight), D's when blank, and while Σ is under 100 those of rows with
// neither 分值 nor 得分 (Unweighted: they may be the missing points; at 100 they are rows the
// table leaves out, as a published "/" row, and only their own warning names them). Σ over 100
// is an error however many are blank (a 分值 is never negative); with none blank and none
// invalid Σ must be 100 (error); with some blank, a warning names them.
func checkWeightSum(r *reporter, tree Tree, res TreeResult, w weightSum, what string) {
	loc := Location{RowID: "total", Index: -1, Field: "weight"}
	hundred := decimal.NewFromInt(100)
	under := w.sum.LessThan(hundred)
	var names []string
	tree.Each(func(p RowPath, l1 *Level1, l2 *Level2, _ *Indicator) {
		if x := res.At(p); x.blankWeight() || under && x.Unweighted() {
			names = append(names, IndicatorRowName(l1, l2, p.Row))
		}
	})
	if w.blankD {
		names = append(names, r.name("预算执行率的分值"))
	}
	switch {
	case len(names) == 0 && w.invalid == 0:
		if !w.sum.Equal(hundred) {
			r.add(LevelError, loc, "", "分值", "%s为 %s，应为 100：请调整各指标的分值。", what, FormatScore(w.sum))
		}
		return
	case w.sum.GreaterThan(hundred):
		r.add(LevelError, loc, "", "分值", "已填写的分值之和为 %s，超过 100（%s应为 100）：请调整各指标的分值。", FormatScore(w.sum), what)
		return
	case len(names) == 0:
		return // the invalid 分值 are errors of their own rows; Σ cannot be checked before they are fixed
	}
	list := strings.Join(names, "、")
	if len(names) > 5 {
		list = strings.Join(names[:5], "、") + "等"
	}
	printed := ""
	if r.names != nil { // a national project form: its 总分 row prints Σ分值 (tables/national.go)
		printed = "，打印的总分行分值因此留空"
	}
	r.add(LevelWarning, loc, "", "分值", "有 %d 处分值未填写（%s），无法核对%s是否为 100%s：请补填分值。", len(names), list, what, printed)
}

// checkOver100: no total of a form exceeds 100, whatever its 分值 (blank ones included).
func checkOver100(r *reporter, total decimal.Decimal, scored bool, field, what string) {
	if !scored || !total.GreaterThan(decimal.NewFromInt(100)) {
		return
	}
	r.add(LevelError, Location{RowID: "total", Index: -1, Field: "score"}, "", field, "%s为 %s，超过满分 100：请核对各指标的分值和得分。", r.name(what), FormatScore(total))
}

// checkProjectComplete: while a row lacks its score or D cannot be computed, C, C+D and the
// grade are blank; one problem says why. C over 100, or C + D, is an error (checkOver100).
func checkProjectComplete(r *reporter, res *ProjectResult) {
	r.at(SecTotals, "绩效自评得分")
	if !res.Complete {
		msg := incompleteMessage(res.Indicators, "C、总得分和等级")
		if !res.HasD {
			msg = "预算执行率得分（D）无法计算（请填写分值和全年预算数），" + msg
			if res.Unscored == 0 && res.AnyScore {
				msg = "预算执行率得分（D）无法计算，C、总得分和等级暂不计算：请填写预算执行率的分值和全年预算数（A）。"
			}
		}
		r.add(LevelError, Location{RowID: "total", Index: -1, Field: "score"}, "", "总得分", "%s", r.name(msg)) // program text and counts only
	}
	if res.C.GreaterThan(decimal.NewFromInt(100)) {
		checkOver100(r, res.C, res.AnyScore, "产出、效益、满意度指标自评得分小计（C）", "产出、效益、满意度指标得分之和（C）")
		return
	}
	checkOver100(r, res.Uncapped, res.AnyScore || res.HasD, "总得分", "C 与预算执行率得分（D）之和")
}

// incompleteMessage says why a form's totals are blank, naming each cause by its count (scoreGaps):
// rows with a 分值 but no 得分, and 分值 or 得分 that are not numbers (each also an error of its own).
func incompleteMessage(t TreeResult, what string) string {
	causes, scored := gapCauses(t)
	switch {
	case len(causes) > 0:
		return fmt.Sprintf("有 %s，%s暂不计算：请补全这些指标（见上方各条）。", strings.Join(causes, "、"), what)
	case scored:
		return fmt.Sprintf("%s暂不计算。", what)
	}
	return fmt.Sprintf("尚无任何指标得分，%s暂不计算：请填写各指标的分值和得分。", what)
}

// gapCauses names, by their counts, the rows that keep a form's totals blank (scoreGaps): with
// a 分值 but no 得分, and with a 分值 or 得分 that is not a number; scored says whether any row
// is scored. The check (incompleteMessage) and the export notes (gapsText) word them alike.
func gapCauses(t TreeResult) (causes []string, scored bool) {
	missing, invalid, scored := scoreGaps(t)
	if missing > 0 {
		causes = append(causes, fmt.Sprintf("%d 个指标已填分值但没有得分", missing))
	}
	if invalid > 0 {
		causes = append(causes, fmt.Sprintf("%d 个指标的分值或得分不是有效数字", invalid))
	}
	return causes, scored
}
