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

var amountFieldKeys = [3]string{"initial", "full", "actual"}

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
	if t := doc.Settings.Template; t != "" && t != TemplateLiaoning && t != TemplateNational {
		r.add(LevelError, Location{Index: -1, Field: "template"}, "", "表式", "表式“%s”无法识别，项目表按辽宁省表式打印：请在文档设置中重新选择。", t)
	}
	return r.out
}

func (n NegativeRule) valid() bool { return n == NegativeRatio || n == NegativeLinear || n == "" }

func checkUnit(doc *Document, res *UnitResult) []Problem {
	if res.NotFilled {
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
	explained := treeExplains(u.Indicators)
	for _, def := range UnitBudgetRows {
		checkAmountRow(r, res.Budget[def.ID], def.ID, -1, def.Label, explained, res.Budget[parentRow(UnitBudgetRows, def.ID)])
	}
	checkBalance(r, res.Budget["I0"], res.Budget["E0"])

	r.at(SecTasks, "年度主要任务")
	for i, t := range res.Tasks {
		checkAmountRow(r, t, "", i, taskName(u.Tasks[i], i), explained, nil)
	}
	checkAmountRow(r, res.TasksTotal, "total", -1, "合计", true, nil)

	r.at(SecIndicators, "分解目标评价")
	checkTree(r, u.Indicators, res.Indicators)
	checkWeightSum(r, u.Indicators, res.Indicators, res.WeightSum, res.BlankWeights, "Σ分值")
	if !res.Complete {
		r.at(SecTotals, "总评价得分")
		r.add(LevelError, Location{RowID: "total", Index: -1, Field: "score"}, "", "总评价得分", "%s", incompleteMessage(res.Unscored, res.AnyScore, "总评价得分和等级"))
	}
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

// checkAmountRow checks the cells of one budget row: numbers, subtotals, zero budgets, low rates.
// parent is the row whose sum includes this one (nil if none): a low 执行率 equal to the parent's
// is the parent's warning already (a total of one source), and is not repeated for this row.
func checkAmountRow(r *reporter, res *AmountResult, id string, index int, row string, explained bool, parent *AmountResult) {
	loc := func(c AmountColumn) Location { return Location{RowID: id, Index: index, Field: amountFieldKeys[c]} }
	for _, c := range AmountColumns {
		cell := res.Cells[c]
		if cell.Err != nil {
			r.add(LevelError, loc(c), row, amountLabels[c], "%v，请填写以万元为单位的数字，如 1197.19。", cell.Err)
		}
		if cell.Typed && cell.Valid && cell.HasSum && cell.Value.Sub(cell.Sum).Abs().GreaterThan(subtotalTolerance) {
			r.add(LevelWarning, loc(c), row, amountLabels[c], "填写的小计 %s 与各项之和 %s 不一致：请核对各项金额，或清空小计由程序计算。",
				FormatAmount(cell.Value, false), FormatAmount(cell.Sum, false))
		}
	}
	full, actual := res.Cells[ColFull], res.Cells[ColActual]
	if full.Valid && actual.Valid && full.Value.IsPositive() && actual.Value.GreaterThan(full.Value) {
		r.add(LevelWarning, loc(ColActual), row, amountLabels[ColActual], "全年执行数 %s 大于全年预算数 %s：请核对两项金额（预算执行率得分不超过分值）。",
			FormatAmount(actual.Value, false), FormatAmount(full.Value, false))
	}
	if full.Valid && full.Value.IsZero() && actual.Valid && actual.Value.IsPositive() {
		r.add(LevelError, loc(ColFull), row, amountLabels[ColFull], "全年预算数为 0，但全年执行数为 %s：请补填全年预算数。", FormatAmount(actual.Value, false))
	}
	sameAsParent := parent != nil && parent.HasRate && parent.Rate.Equal(res.Rate)
	if res.HasRate && res.Rate.LessThan(lowRate) && !explained && !sameAsParent {
		r.add(LevelWarning, loc(ColActual), row, "执行率", "执行率 %s 低于 90%%，但没有说明原因：请在绩效指标中勾选“经费保障”等原因并填写原因说明。", res.RateText())
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

var amountLabels = [3]string{"年初预算数", "全年预算数", "全年执行数"}

// checkBalance warns when total income and total expenditure differ.
func checkBalance(r *reporter, income, spend *AmountResult) {
	for _, c := range AmountColumns {
		in, out := income.Cells[c], spend.Cells[c]
		if in.Valid && out.Valid && in.Value.Sub(out.Value).Abs().GreaterThan(subtotalTolerance) {
			r.add(LevelWarning, Location{RowID: "E0", Index: -1, Field: amountFieldKeys[c]}, spend.Def.Label, amountLabels[c],
				"收入小计 %s 与支出小计 %s 不相等：请核对收入和支出各项。", FormatAmount(in.Value, false), FormatAmount(out.Value, false))
		}
	}
}

// treeExplains reports whether some indicator row explains a shortfall (a ticked reason and a 原因说明).
func treeExplains(t Tree) bool {
	found := false
	t.Each(func(_ RowPath, _ *Level1, _ *Level2, in *Indicator) {
		if in.Reasons.Any() && !isBlank(in.Reason) {
			found = true
		}
	})
	return found
}

// checkWeightSum: with every 分值 filled, Σ must be 100 (error); with blanks, a warning names them.
func checkWeightSum(r *reporter, tree Tree, res TreeResult, sum decimal.Decimal, blanks int, what string) {
	loc := Location{RowID: "total", Index: -1, Field: "weight"}
	if blanks == 0 {
		if !sum.Equal(decimal.NewFromInt(100)) {
			r.add(LevelError, loc, "", "分值", "%s为 %s，应为 100：请调整各指标的分值。", what, FormatScore(sum))
		}
		return
	}
	var names []string
	tree.Each(func(p RowPath, l1 *Level1, l2 *Level2, in *Indicator) {
		if !in.IsBlank() && !res.At(p).HasWeight && res.At(p).WeightErr == nil {
			names = append(names, IndicatorRowName(l1, l2, p.Row))
		}
	})
	if len(names) < blanks {
		names = append(names, r.name("预算执行率的分值"))
	}
	list := strings.Join(names, "、")
	if len(names) > 5 {
		list = strings.Join(names[:5], "、") + "等"
	}
	printed := ""
	if r.names != nil { // a national project form: its 总分 row prints Σ分值 (tables/national.go)
		printed = "，打印的总分行分值因此留空"
	}
	r.add(LevelWarning, loc, "", "分值", "有 %d 处分值未填写（%s），无法核对%s是否为 100%s：请补填分值。", blanks, list, what, printed)
}

// checkProjectComplete: while a row lacks its score or D cannot be computed, C, C+D and the
// grade are blank; one problem says why.
func checkProjectComplete(r *reporter, res *ProjectResult) {
	if res.Complete {
		return
	}
	r.at(SecTotals, "绩效自评得分")
	msg := incompleteMessage(res.Unscored, res.AnyScore, "C、总得分和等级")
	if !res.HasD {
		msg = "预算执行率得分（D）无法计算（请填写分值和全年预算数），" + msg
		if res.Unscored == 0 && res.AnyScore {
			msg = "预算执行率得分（D）无法计算，C、总得分和等级暂不计算：请填写预算执行率的分值和全年预算数（A）。"
		}
	}
	r.add(LevelError, Location{RowID: "total", Index: -1, Field: "score"}, "", "总得分", "%s", r.name(msg)) // program text and counts only
}

// incompleteMessage says how many rows keep a form's totals blank.
func incompleteMessage(unscored int, scored bool, what string) string {
	if unscored == 0 && !scored {
		return fmt.Sprintf("尚无任何指标得分，%s暂不计算：请填写各指标的分值和得分。", what)
	}
	return fmt.Sprintf("有 %d 个指标已填分值但没有得分（或分值、得分不是有效数字），%s暂不计算：请补全这些指标（见上方各条）。", unscored, what)
}
