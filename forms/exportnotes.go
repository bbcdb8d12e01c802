package forms

import "fmt"

// ExportNotes are what an export of doc (PDF or Excel, from the window or the command line)
// tells the user besides its warnings: a blank unit form left out, each form whose totals
// are printed blank because it is not complete yet, and each project total 执行率封顶 capped.
func ExportNotes(doc *Document, ev *Evaluation) []string {
	var out []string
	switch u := ev.Unit; {
	case u.NotFilled:
		out = append(out, UnitFormName+"未填写，未导出（文档中只有项目表）。")
	case !u.Complete:
		out = append(out, fmt.Sprintf("%s尚未完成（%s），总评价得分和等级留空。", UnitFormName, unscoredText(u.Unscored)))
	}
	for i, p := range doc.Projects {
		r := ev.Projects[i]
		switch {
		case r.Complete && r.Capped:
			out = append(out, fmt.Sprintf("%s按执行率封顶（预算执行率 %s）：总得分由 %s 封顶为 %s。", ProjectFormName(i, p),
				r.Funds["T"].RateText(), FormatScore(r.Uncapped), FormatScore(r.Total)))
		case r.Complete:
			continue
		case !r.HasD && r.Unscored == 0 && r.AnyScore:
			out = append(out, fmt.Sprintf("%s尚未完成（预算执行率得分（D）无法计算），C、总得分和等级留空。", ProjectFormName(i, p)))
		case !r.HasD:
			out = append(out, fmt.Sprintf("%s尚未完成（%s，预算执行率得分（D）无法计算），C、总得分和等级留空。", ProjectFormName(i, p), unscoredText(r.Unscored)))
		default:
			out = append(out, fmt.Sprintf("%s尚未完成（%s），C、总得分和等级留空。", ProjectFormName(i, p), unscoredText(r.Unscored)))
		}
	}
	return out
}

// unscoredText says how many rows lack a score, or that none has one.
func unscoredText(n int) string {
	if n > 0 {
		return fmt.Sprintf("有 %d 个指标没有得分", n)
	}
	return "尚无任何指标得分"
}
