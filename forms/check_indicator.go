package forms

import (
	"strings"

	"github.com/shopspring/decimal"
)

// checkTree checks every non-blank 三级 row of an indicator table.
func checkTree(r *reporter, tree Tree, res TreeResult) {
	tree.Each(func(p RowPath, l1 *Level1, l2 *Level2, in *Indicator) {
		if in.IsBlank() {
			return
		}
		checkIndicator(r, IndicatorRowName(l1, l2, p.Row), in, res.At(p))
	})
}

func checkIndicator(r *reporter, row string, in *Indicator, res *IndicatorResult) {
	loc := func(field string) Location { return Location{Index: -1, Path: res.Path, Field: field} }
	if !in.Op.Valid() {
		r.add(LevelError, loc("op"), row, "运算符号", "运算符号“%s”无法识别：请从 ＝ ≤ ≥ ＜ ＞ 中选择。", in.Op)
	}
	if res.WeightErr != nil {
		r.add(LevelError, loc("weight"), row, "分值", "%v。", res.WeightErr)
	}
	if res.ScoreErr != nil {
		r.add(LevelError, loc("score"), row, "得分", "%v。", res.ScoreErr)
	}
	for _, n := range res.notes {
		r.add(n.level, loc(n.field), row, n.label, n.format, n.args...)
	}
	checkUnscored(r, loc, row, in, res)
	checkScoreRange(r, loc("score"), row, res)
	checkGrade(r, loc("grade"), row, in, res)
	checkDeduction(r, loc, row, in, res)
	checkTarget(r, loc, row, in, res)
}

// checkUnscored names what a row without a score lacks: its 全年完成值 when the score would
// follow from it, else the 得分 itself.
func checkUnscored(r *reporter, loc func(string) Location, row string, in *Indicator, res *IndicatorResult) {
	if res.HasScore || res.ScoreErr != nil {
		return
	}
	switch {
	case res.Unweighted():
		r.add(LevelWarning, loc("weight"), row, "分值", "这一行已填写内容，但分值和得分都未填写，不计入总分：请填写分值和得分，不用的行请删除。")
	case res.MissingActual && res.Deadline:
		r.add(LevelWarning, loc("actual"), row, "全年完成值", "这是时效指标（期限 %s），但全年完成值未填写：请填写完成日期或“按时完成”，得分将自动计算。",
			res.TargetRead.Deadline)
	case res.MissingActual:
		r.add(LevelWarning, loc("actual"), row, "全年完成值", "这是定量指标（指标值“%s”，运算符号 %s），但全年完成值未填写：请填写全年完成值，得分将按运算符号自动计算。",
			strings.TrimSpace(in.Target), res.Op)
	case res.deadlineNote != nil:
		n := res.deadlineNote
		r.add(n.level, loc(n.field), row, n.label, n.format, n.args...)
	case res.HasWeight:
		r.add(LevelWarning, loc("score"), row, "得分", "已填分值 %s，但得分未填写：请填写得分。", FormatScore(res.Weight))
	}
}

// checkScoreRange: 得分 ≤ 分值 (a negative 得分 is refused when it is read).
func checkScoreRange(r *reporter, loc Location, row string, res *IndicatorResult) {
	if !res.HasScore {
		return
	}
	if res.HasWeight && res.Score.GreaterThan(res.Weight) {
		r.add(LevelError, loc, row, "得分", "得分 %s 超过分值 %s：得分不能超过该指标分值，请改正。", FormatScore(res.Score), FormatScore(res.Weight))
	}
}

// checkGrade: a grade the user picked must agree with the band the score falls in.
func checkGrade(r *reporter, loc Location, row string, in *Indicator, res *IndicatorResult) {
	if in.Grade == GradeNone {
		return
	}
	if in.Grade != GradeMet && in.Grade != GradePartial && in.Grade != GradeMissed {
		r.add(LevelError, loc, row, "评价等级", "评价等级“%s”无法识别：请重新选择。", in.Grade)
		return
	}
	if !res.HasScore || !res.HasWeight || !res.Weight.IsPositive() {
		return
	}
	if band := GradeOf(res.Score, res.Weight); band != in.Grade {
		r.add(LevelError, loc, row, "得分", "所选等级“%s”与得分 %s（分值 %s）不符，该得分属于“%s”：请调整得分或等级。",
			GradeLabel(in.Grade), FormatScore(res.Score), FormatScore(res.Weight), GradeLabel(band))
	}
}

// checkDeduction: a score below the weight needs a ticked reason, a 原因说明 and a 改进措施. In
// the national template (r.written) the reasons are written, not ticked: its one column of
// 偏差原因分析及改进措施 explains the deduction when it holds any text.
func checkDeduction(r *reporter, loc func(string) Location, row string, in *Indicator, res *IndicatorResult) {
	// Compared as printed: 39.996 is shown as 40 and is no deduction.
	if !res.HasScore || !res.HasWeight || !res.Score.Round(2).LessThan(res.Weight) {
		return
	}
	if r.written {
		if isBlank(in.Reason) && isBlank(in.Measures) {
			r.add(LevelWarning, loc("reason"), row, "偏差原因分析及改进措施", "得分 %s 低于分值 %s，但偏差原因分析及改进措施未填写：请写明扣分原因和改进措施。",
				FormatScore(res.Score), FormatScore(res.Weight))
		}
		return
	}
	var missing []string
	field := "measures"
	if isBlank(in.Measures) {
		missing = append(missing, "未填改进措施")
	}
	if isBlank(in.Reason) {
		missing, field = append([]string{"未填原因说明"}, missing...), "reason"
	}
	if !in.Reasons.Any() {
		missing, field = append([]string{"未勾选未完成原因"}, missing...), "reasons"
	}
	if len(missing) == 0 {
		return
	}
	r.add(LevelWarning, loc(field), row, "未完成原因", "得分 %s 低于分值 %s，但%s：请勾选原因，并写明扣分原因和改进措施。",
		FormatScore(res.Score), FormatScore(res.Weight), r.name(strings.Join(missing, "、")))
}

// checkTarget: a numeric target wants an operator; a result far above target suggests a low target.
func checkTarget(r *reporter, loc func(string) Location, row string, in *Indicator, res *IndicatorResult) {
	if res.HasTarget && in.Op == OpNone && res.Target.Sign == OpNone && !res.Deadline {
		r.add(LevelWarning, loc("op"), row, "运算符号", "指标值“%s”是数字，但未选运算符号，得分无法自动计算：请选择 ＝ ≤ ≥ ＜ ＞ 之一。", strings.TrimSpace(in.Target))
	}
	if !res.Quantitative || !res.HasCompletion {
		return
	}
	op := res.Op
	positive := op == OpGE || op == OpGT || op == OpEQ
	if positive && res.Completion.GreaterThanOrEqual(highCompletion) {
		r.add(LevelWarning, loc("actual"), row, "全年完成值", "完成值达到指标值的 %s，可能是年初指标值定得偏低：请核对指标值，必要时在原因说明中解释。", FormatPercent(res.Completion))
	}
}

// checkProject runs the checks of one project form.
func checkProject(doc *Document, i int, p *ProjectForm, res *ProjectResult) []Problem {
	r := &reporter{form: ProjectFormName(i, p), formIndex: i}
	layout := doc.Settings.TemplateOf().Layout()
	r.names, r.written = layout.Names, layout.WrittenReasons
	r.at(SecHeader, "表头")
	if isBlank(p.Name) {
		r.add(LevelWarning, Location{Index: -1, Field: "name"}, "", "项目（政策）名称", "项目名称未填写：请填写项目（政策）名称。")
	}
	r.at(SecBudget, "项目预算资金（万元）")
	explained := treeExplains(p.Indicators, r.written)
	for _, def := range ProjectFundRows {
		checkAmountRow(r, budgetLine{res: res.Funds[def.ID], id: def.ID, index: -1, name: fundRowName(doc, p, def), explained: explained,
			parent: res.Funds[parentRow(ProjectFundRows, def.ID)]})
	}
	checkD(r, res, fundRowName(doc, p, ProjectFundRows[0]))
	r.at(SecIndicators, "绩效指标")
	checkTree(r, p.Indicators, res.Indicators)
	checkWeightSum(r, p.Indicators, res.Indicators, weightSum{sum: res.WeightSum, invalid: res.InvalidWeights,
		blankD: !res.HasDWeight && res.DWeightErr == nil}, r.name("三级指标分值与预算执行率分值之和"))
	if res.BlankWeights == 0 && res.InvalidWeights == 0 {
		checkSplit(r, p.Indicators, res)
	}
	checkProjectComplete(r, res)
	return r.out
}

// checkD: D needs a weight and a positive 全年预算数（A）.
func checkD(r *reporter, res *ProjectResult, row string) {
	loc := Location{RowID: "T", Index: -1, Field: "weight"}
	if res.DWeightErr != nil {
		r.add(LevelError, loc, row, "分值", "%v。", res.DWeightErr)
	}
	a, b := res.Funds["T"].Cells[ColFull], res.Funds["T"].Cells[ColActual]
	if res.HasDWeight && (!a.Valid || !a.Value.IsPositive()) && a.Err == nil {
		loc.Field = "full"
		r.add(LevelError, loc, row, "全年预算数（A）", "全年预算数（A）为空或为 0，无法计算预算执行率得分（D）：请填写全年预算数。")
	}
	if res.HasDWeight && !b.Typed && !b.HasSum {
		loc.Field = "actual"
		r.add(LevelError, loc, row, "全年执行数（B）", "全年执行数（B）为空，无法计算预算执行率得分（D）：请填写全年执行数，没有支出请填 0。")
	}
}

// checkSplit warns when the weights are not split 50/30/10/10 (财预〔2020〕10号). The 一级 are
// found by name (产出, 效益, 满意度), wherever they stand; a tree without exactly one of each is
// not checked.
func checkSplit(r *reporter, tree Tree, res *ProjectResult) {
	want := DefaultProjectSplit
	var got [4]decimal.Decimal
	found := [3]int{}
	for i, l1 := range tree {
		k := splitIndex(l1.Name)
		if k < 0 {
			return
		}
		found[k]++
		got[k] = res.Level1Weights[i]
	}
	if found != [3]int{1, 1, 1} {
		return
	}
	got[3] = res.DWeight
	for k, w := range want {
		if !got[k].Equal(decimal.NewFromInt(w)) {
			r.add(LevelWarning, Location{RowID: "total", Index: -1, Field: "weight"}, "", "分值",
				"分值分配为 产出 %s · 效益 %s · 满意度 %s · 预算执行率 %s，与通行的 50 · 30 · 10 · 10 不同：如无特别要求，请按此调整。",
				FormatScore(got[0]), FormatScore(got[1]), FormatScore(got[2]), FormatScore(got[3]))
			return
		}
	}
}

// splitIndex places a 一级 name in the split: 0 产出, 1 效益, 2 满意度, -1 none of them.
func splitIndex(name string) int {
	switch {
	case strings.Contains(name, "满意度"):
		return 2
	case strings.Contains(name, "产出"):
		return 0
	case strings.Contains(name, "效益"):
		return 1
	}
	return -1
}
