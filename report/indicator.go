package report

import (
	"strings"

	"github.com/shopspring/decimal"

	"ziping/forms"
)

var one = decimal.NewFromInt(1)

// indicatorScope is one indicator row's block.
func indicatorScope(l1 *forms.Level1, l2 *forms.Level2, in *forms.Indicator, r *forms.IndicatorResult) *scope {
	sc := newScope()
	sc.vals["一级"] = strings.TrimSpace(l1.Name)
	sc.vals["二级"] = strings.TrimSpace(l2.Name)
	sc.vals["指标名称"] = blankAs(trimEnd(in.Content), "指标内容")
	sc.vals["指标值"] = blankAs(withUnit(string(in.Op)+forms.PrintedNumber(in.Target), in.Unit), "年度指标值")
	sc.vals["完成值"] = blankAs(withUnit(forms.PrintedNumber(in.Actual), in.Unit), "全年完成值")
	sc.vals["完成程度"] = r.CompletionText(in)
	sc.vals["得分"] = r.ScoreText(in)
	sc.vals["分值"] = forms.PrintedNumber(in.Weight)
	sc.vals["未完成原因"] = ""
	sc.vals["指标改进措施"] = trimEnd(in.Measures)
	if fellShort(in, r) {
		sc.vals["未完成原因"] = reasons(in)
	}
	sc.vals["指标句"] = say("指标", map[string]string{"二级": sc.vals["二级"], "指标": sc.vals["指标名称"],
		"指标值": sc.vals["指标值"], "完成值": sc.vals["完成值"], "完成程度": completionPart(sc), "得分": scorePart(sc)})
	return sc
}

// completionPart is "，完成程度100%", or nothing when the row has none.
func completionPart(sc *scope) string {
	if sc.vals["完成程度"] == "" {
		return ""
	}
	return say("完成程度", map[string]string{"完成程度": sc.vals["完成程度"]})
}

// scorePart is "，得分9分（分值10分）" with what the row has of the two.
func scorePart(sc *scope) string {
	score, weight := sc.vals["得分"], sc.vals["分值"]
	switch {
	case score != "" && weight != "":
		return say("得分分值", map[string]string{"得分": score, "分值": weight})
	case score != "":
		return say("仅得分", map[string]string{"得分": score})
	case weight != "":
		return say("仅分值", map[string]string{"分值": weight})
	}
	return ""
}

// withUnit is a printed 指标值 or 完成值 followed by the row's 度量单位 when the text ends in a
// digit ("95" and "%" → "95%"; "12月底前" stays as it is).
func withUnit(text, unit string) string {
	unit = strings.TrimSpace(unit)
	if text == "" || unit == "" {
		return text
	}
	last := text[len(text)-1]
	if last >= '0' && last <= '9' {
		return text + unit
	}
	return text
}

// fellShort reports whether a row did not reach its target: its score in force is below its
// 分值, or its grade (picked or derived) is not 达成, or the user ticked a reason.
func fellShort(in *forms.Indicator, r *forms.IndicatorResult) bool {
	if r.HasScore && r.HasWeight && r.Score.LessThan(r.Weight) {
		return true
	}
	return (r.Grade != forms.GradeNone && r.Grade != forms.GradeMet) || in.Reasons.Any()
}

// reasons is a short row's 未完成原因: the ticked reasons, then the 原因说明, or the marker.
func reasons(in *forms.Indicator) string {
	var parts []string
	var ticked []string
	for i, on := range in.Reasons.Ticks() {
		if on {
			ticked = append(ticked, forms.ReasonLabels()[i])
		}
	}
	if len(ticked) > 0 {
		parts = append(parts, say("原因勾选", map[string]string{"勾选": strings.Join(ticked, "、")}))
	}
	if t := trimEnd(in.Reason); t != "" {
		parts = append(parts, say("原因说明", map[string]string{"说明": t}))
	}
	if len(parts) == 0 {
		return say("原因未写", nil)
	}
	return strings.Join(parts, "；")
}

// shortSentence is the 偏差分析 sentence of a row that fell short.
func shortSentence(is *scope) string {
	return say("未完成", map[string]string{"二级": is.vals["二级"], "指标": is.vals["指标名称"], "指标值": is.vals["指标值"],
		"完成值": is.vals["完成值"], "得分": scorePart(is), "原因": is.vals["未完成原因"]})
}

// evidenceItems are the annex's items of one list, each named by where it belongs.
func evidenceItems(list []forms.Evidence, owner string) []*scope {
	var out []*scope
	for _, e := range list {
		if e.IsBlank() {
			continue
		}
		sc := newScope()
		sc.vals["所属"] = owner
		sc.vals["材料名称"] = blankAs(e.Name, "材料名称")
		sc.vals["材料类型"] = strings.TrimSpace(e.Kind)
		sc.vals["页数"] = pages(e.Pages)
		slots := map[string]string{"所属": owner, "名称": sc.vals["材料名称"], "类型": sc.vals["材料类型"], "页数": sc.vals["页数"]}
		switch {
		case sc.vals["材料类型"] == "":
			sc.vals["材料句"] = say("材料仅名", slots)
		case sc.vals["页数"] == "":
			sc.vals["材料句"] = say("材料无页", slots)
		default:
			sc.vals["材料句"] = say("材料", slots)
		}
		out = append(out, sc)
	}
	return out
}

// pages is a typed page count as printed: "12" → "12页", "12页" as typed.
func pages(s string) string {
	s = forms.PrintedNumber(s)
	return withUnit(s, "页")
}

// treeEvidence are the evidence items of every indicator of a tree, prefix naming the form.
func treeEvidence(tree forms.Tree, prefix string) []*scope {
	var out []*scope
	tree.Each(func(_ forms.RowPath, _ *forms.Level1, l2 *forms.Level2, in *forms.Indicator) {
		out = append(out, evidenceItems(in.Evidence, prefix+blankAs(trimEnd(in.Content), l2.Name))...)
	})
	return out
}
