package report

import (
	"strconv"
	"strings"

	"ziping/forms"
)

// Every figure below is read from forms.Evaluate's results and printed by the forms package's
// own formatting (AmountResult.Text, RateText, TotalText, CText, DText, Rating, ScoreText,
// CompletionText), the same calls the printed tables and `ziping check` use: the report never
// computes a figure of its own.

// unfilled is the value of a figure the form does not hold yet.
func unfilled(what string) string { return "【请补充：" + what + "】" }

// topScope builds the whole report's scope for the forms opt selects.
func topScope(doc *forms.Document, ev *forms.Evaluation, opt Options) *scope {
	sc := newScope()
	sc.vals["年度"] = blankAs(doc.Settings.Year, "年度")
	sc.vals["单位名称"] = blankAs(doc.Unit.Name, "单位名称")
	sc.vals["单位简称"] = blankAs(firstNonBlank(doc.Settings.UnitShortName, doc.Unit.Name), "单位简称")
	var ev2 []*scope
	if !opt.NoUnit && !ev.Unit.NotFilled {
		u := unitScope(doc, ev)
		sc.lists["单位"] = []*scope{u}
		ev2 = append(ev2, evidenceItems(doc.Unit.BudgetEvidence, "单位整体收支情况")...)
		ev2 = append(ev2, treeEvidence(doc.Unit.Indicators, "")...)
	} else {
		sc.lists["单位"] = nil
	}
	sc.lists["项目"] = nil
	for _, i := range opt.projects(len(doc.Projects)) {
		p := doc.Projects[i]
		sc.lists["项目"] = append(sc.lists["项目"], projectScope(doc, ev, i))
		name := blankAs(p.Name, "项目名称")
		ev2 = append(ev2, evidenceItems(p.FundsEvidence, name+"·项目预算资金")...)
		ev2 = append(ev2, treeEvidence(p.Indicators, name+"·")...)
	}
	for k, e := range ev2 {
		e.vals["材料序号"] = strconv.Itoa(k + 1)
	}
	sc.lists["佐证材料"] = ev2
	sc.vals["佐证材料说明"] = ""
	if len(ev2) == 0 {
		sc.vals["佐证材料说明"] = say("无材料", nil)
	}
	return sc
}

func firstNonBlank(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// unitScope is the unit form's block.
func unitScope(doc *forms.Document, ev *forms.Evaluation) *scope {
	u, r := &doc.Unit, ev.Unit
	fixed2 := doc.Settings.Fixed2()
	sc := newScope()
	sc.vals["人员数"] = blankAs(forms.PrintedNumber(u.Staff), "财政供养人员数量")
	sc.vals["所属单位数"] = blankAs(forms.PrintedNumber(u.Subunits), "所属单位数量")
	if strings.TrimSpace(u.Staff) == "" {
		sc.vals["单位概况"] = say("单位概况无数", nil)
	} else {
		sc.vals["单位概况"] = say("单位概况", map[string]string{"单位名称": blankAs(u.Name, "单位名称"), "人员": sc.vals["人员数"], "所属单位": sc.vals["所属单位数"]})
	}
	in, out := r.Budget["I0"], r.Budget["E0"]
	inRow, outRow := u.BudgetRow("I0").Amounts, u.BudgetRow("E0").Amounts
	sc.vals["收入全年预算数"] = amount(in, forms.ColFull, inRow, fixed2)
	sc.vals["收入全年执行数"] = amount(in, forms.ColActual, inRow, fixed2)
	sc.vals["全年预算数"] = amount(out, forms.ColFull, outRow, fixed2)
	sc.vals["全年执行数"] = amount(out, forms.ColActual, outRow, fixed2)
	sc.vals["执行率"] = rate(out)
	if out.HasRate && in.Cells[forms.ColFull].Valid && in.Cells[forms.ColActual].Valid {
		sc.vals["资金情况"] = say("单位资金", map[string]string{"年度": blankAs(doc.Settings.Year, "年度"),
			"收入预算": sc.vals["收入全年预算数"], "收入执行": sc.vals["收入全年执行数"],
			"支出预算": sc.vals["全年预算数"], "支出执行": sc.vals["全年执行数"], "执行率": sc.vals["执行率"]})
	} else {
		sc.vals["资金情况"] = say("单位资金缺", nil)
	}
	sc.vals["绩效目标"] = goals(u.Goals)
	formIndicators(sc, u.Indicators, r.Indicators, out)
	sc.vals["总得分"] = blankAs(r.TotalText(), "总得分")
	sc.vals["等级"] = blankAs(r.Rating(), "等级")
	if r.Complete {
		sc.vals["自评结论"] = say("单位结论", map[string]string{"单位名称": blankAs(u.Name, "单位名称"),
			"年度": blankAs(doc.Settings.Year, "年度"), "总得分": r.TotalText(), "等级": r.Rating()})
	} else {
		sc.vals["自评结论"] = say("未完成评分", nil)
	}
	return sc
}

// projectScope is project i's block.
func projectScope(doc *forms.Document, ev *forms.Evaluation, i int) *scope {
	p, r := doc.Projects[i], ev.Projects[i]
	fixed2 := doc.Settings.Fixed2()
	sc := newScope()
	sc.vals["项目序号"] = strconv.Itoa(i + 1)
	sc.vals["项目名称"] = blankAs(p.Name, "项目名称")
	sc.vals["主管部门"] = blankAs(p.Department, "主管部门")
	sc.vals["实施单位"] = blankAs(p.Implementer, "实施单位")
	sc.vals["实施期"] = blankAs(p.Period, "实施期")
	sc.vals["项目概况"] = say("项目概况", map[string]string{"项目名称": sc.vals["项目名称"],
		"主管部门": sc.vals["主管部门"], "实施单位": sc.vals["实施单位"], "实施期": sc.vals["实施期"]})
	t, row := r.Funds["T"], p.FundRow("T").Amounts
	sc.vals["全年预算数"] = amount(t, forms.ColFull, row, fixed2)
	sc.vals["全年执行数"] = amount(t, forms.ColActual, row, fixed2)
	sc.vals["执行率"] = rate(t)
	if t.HasRate && t.Cells[forms.ColActual].Valid {
		sc.vals["资金情况"] = say("项目资金", map[string]string{"全年预算数": sc.vals["全年预算数"], "全年执行数": sc.vals["全年执行数"], "执行率": sc.vals["执行率"]})
	} else {
		sc.vals["资金情况"] = say("项目资金缺", nil)
	}
	sc.vals["绩效目标"] = goals(p.Goals)
	formIndicators(sc, p.Indicators, r.Indicators, t)
	sc.vals["C"] = blankAs(r.CText(), "C")
	sc.vals["D"] = blankAs(r.DText(), "D")
	sc.vals["总得分"] = blankAs(r.TotalText(), "总得分")
	sc.vals["等级"] = blankAs(r.Rating(), "等级")
	if r.Complete {
		sc.vals["自评结论"] = say("项目结论", map[string]string{"C": r.CText(), "D": r.DText(), "总得分": r.TotalText(), "等级": r.Rating()})
	} else {
		sc.vals["自评结论"] = say("未完成评分", nil)
	}
	return sc
}

// amount is a budget cell as the tables print it, or the marker when blank.
func amount(r *forms.AmountResult, c forms.AmountColumn, typed forms.Amounts, fixed2 bool) string {
	return blankAs(r.Text(c, typed, fixed2), c.Label())
}

func rate(r *forms.AmountResult) string { return blankAs(r.RateText(), "执行率") }

// goals is the 年度绩效目标 as lines, each "年初目标；全年完成情况".
func goals(gs []*forms.Goal) string {
	var lines []string
	for _, g := range gs {
		t, res := strings.TrimSpace(g.Target), strings.TrimSpace(g.Result)
		switch {
		case t == "" && res == "":
			continue
		case res == "":
			lines = append(lines, say("目标", map[string]string{"目标": trimEnd(t)}))
		default:
			lines = append(lines, say("目标完成", map[string]string{"目标": trimEnd(blankAs(t, "年初目标")), "完成": trimEnd(res) + "。"}))
		}
	}
	if len(lines) == 0 {
		return say("目标缺", nil)
	}
	return strings.Join(lines, "\n")
}

// trimEnd drops the closing punctuation of a typed text that a sentence puts its own after.
func trimEnd(s string) string {
	return strings.TrimRight(strings.TrimSpace(s), "。；;，,.、 ")
}

// formIndicators sets a form's indicator values and blocks: every row's sentence, the rows
// that fell short with their reasons, and the 执行率 when below 100%.
func formIndicators(sc *scope, tree forms.Tree, res forms.TreeResult, funds *forms.AmountResult) {
	var all, short []*scope
	var lines, shortLines, measures []string
	tree.Each(func(p forms.RowPath, l1 *forms.Level1, l2 *forms.Level2, in *forms.Indicator) {
		r := res.At(p)
		if r == nil || r.Blank {
			return
		}
		is := indicatorScope(l1, l2, in, r)
		all = append(all, is)
		lines = append(lines, is.vals["指标句"])
		if m := is.vals["指标改进措施"]; m != "" {
			measures = append(measures, say("指标措施", map[string]string{"二级": is.vals["二级"], "指标": is.vals["指标名称"], "措施": m}))
		}
		if fellShort(in, r) {
			short = append(short, is)
			shortLines = append(shortLines, shortSentence(is))
		}
	})
	sc.lists["指标"], sc.lists["未完成指标"] = all, short
	sc.vals["指标完成情况"] = strings.Join(lines, "\n")
	if funds.HasRate && funds.Rate.LessThan(one) {
		shortLines = append(shortLines, say("执行率偏差", map[string]string{"执行率": funds.RateText()}))
	}
	if len(shortLines) == 0 {
		shortLines = []string{say("均已完成", nil)}
	}
	sc.vals["偏差分析"] = strings.Join(shortLines, "\n")
	sc.vals["存在问题"] = say("问题", nil)
	sc.vals["改进措施"] = say("改进措施", nil)
	if len(measures) > 0 { // the 改进措施 typed on the rows
		sc.vals["改进措施"] = strings.Join(measures, "\n")
	}
	sc.vals["结果应用"] = say("结果应用", nil)
	if len(all) == 0 {
		sc.vals["指标完成情况"] = unfilled("绩效指标完成情况")
	}
}
