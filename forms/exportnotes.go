package forms

import (
	"fmt"
	"strings"
)

// ExportNotes are what an export of doc (PDF or Excel, from the window or the command line)
// tells the user besides its warnings: a unit form not started left out, each form whose
// totals are printed blank and why (BlankReason), and each project total 执行率封顶 capped.
func ExportNotes(doc *Document, ev *Evaluation) []string {
	var out []string
	switch u := ev.Unit; {
	case u.NotFilled:
		out = append(out, UnitFormName+"未填写，未导出（文档中只有项目表）。")
	case u.NotStarted:
		out = append(out, UnitFormName+"未填写，总评价得分和等级留空。")
	case !u.Complete:
		out = append(out, fmt.Sprintf("%s尚未完成（%s），总评价得分和等级留空。", UnitFormName, u.BlankReason()))
	}
	for i, p := range doc.Projects {
		r := ev.Projects[i]
		switch {
		case r.Complete && r.Capped:
			out = append(out, fmt.Sprintf("%s按执行率封顶（预算执行率 %s）：总得分由 %s 封顶为 %s。", ProjectFormName(i, p),
				r.Funds["T"].RateText(), FormatScore(r.Uncapped), FormatScore(r.Total)))
		case r.Complete:
			continue
		case r.NotStarted:
			out = append(out, fmt.Sprintf("%s未填写，C、总得分和等级留空。", ProjectFormName(i, p)))
		default:
			out = append(out, fmt.Sprintf("%s尚未完成（%s），C、总得分和等级留空。", ProjectFormName(i, p), r.BlankReason()))
		}
	}
	return out
}

// BlankReason says why the unit form's 总评价得分 is blank: "" when it is not, 未填写 for a form
// not started (NotStarted), else what its rows lack (scoreGaps). Export notes, 部门汇总 and the
// screen say it in these words.
func (u *UnitResult) BlankReason() string {
	switch {
	case u.Complete:
		return ""
	case u.NotStarted:
		return "未填写"
	}
	return gapsText(u.Indicators, "")
}

// BlankReason says why a project's C and 总得分 are blank: "" when they are not, 未填写 for a
// form not started (NotStarted), else what its rows lack and which field keeps D from being
// computed.
func (p *ProjectResult) BlankReason() string {
	switch {
	case p.Complete:
		return ""
	case p.NotStarted:
		return "未填写"
	}
	return gapsText(p.Indicators, p.dGap())
}

// dGap names the field that keeps D from being computed, "" when D is computed.
func (p *ProjectResult) dGap() string {
	a, b := p.Funds["T"].Cells[ColFull], p.Funds["T"].Cells[ColActual]
	switch {
	case p.HasD:
		return ""
	case p.DWeightErr != nil:
		return "预算执行率的分值不是有效数字"
	case !p.HasDWeight:
		return "预算执行率的分值未填写"
	case a.Err != nil:
		return "全年预算数（A）不是有效数字"
	case !a.Valid || !a.Value.IsPositive():
		return "全年预算数（A）为空或为 0"
	case b.Err != nil:
		return "全年执行数（B）不是有效数字"
	}
	return "全年执行数（B）为空"
}

// gapsText joins the causes a form's totals are blank: its rows' (scoreGaps) and d, the
// field that keeps D from being computed ("" for none, or the unit form).
func gapsText(t TreeResult, d string) string {
	gaps, scored := gapCauses(t)
	var causes []string
	for _, c := range gaps {
		causes = append(causes, "有 "+c)
	}
	if !scored && len(gaps) == 0 {
		causes = append(causes, "尚无任何指标得分")
	}
	if d != "" {
		causes = append(causes, d+"，预算执行率得分（D）无法计算")
	}
	return strings.Join(causes, "；")
}

// scoreGaps counts the rows that keep a total blank, by cause: a 分值 without a 得分 (missing),
// a 分值 or 得分 that is not a number (invalid); scored tells whether any row has a score.
func scoreGaps(t TreeResult) (missing, invalid int, scored bool) {
	for _, l1 := range t {
		for _, l2 := range l1 {
			for _, r := range l2 {
				switch {
				case r.WeightErr != nil || r.ScoreErr != nil:
					invalid++
				case !r.Scored():
					missing++
				}
				scored = scored || r.HasScore
			}
		}
	}
	return missing, invalid, scored
}
