package forms

import "strings"

// SettleManual decides the 手工调整 flag of rows, rows of doc whose 得分 was read from a table
// (an import, a paste) rather than typed in the editor: a table cannot say whether its 得分 is
// the rules' suggestion or the user's. A 得分 equal by value to the suggestion ("10", "10.0",
// "10.00" beside a suggested 10) is the suggestion, kept up to date by the rules from then on;
// one that differs, or is blank or not a number where the rules suggest a score, overrides it;
// where the rules suggest none, a 得分 is the user's, as the editor marks it. The suggestions
// are those of doc's own settings (得分取整, 反向指标计分).
func (doc *Document) SettleManual(rows map[*Indicator]bool) {
	if len(rows) == 0 {
		return
	}
	ev := Evaluate(doc)
	settle := func(tree Tree, res TreeResult) {
		tree.Each(func(p RowPath, _ *Level1, _ *Level2, in *Indicator) {
			r := res.At(p)
			if !rows[in] || r == nil {
				return
			}
			if !r.HasSuggestion {
				in.Manual = strings.TrimSpace(in.Score) != ""
				return
			}
			v, err := ParseScore(in.Score)
			in.Manual = err != nil || !v.Equal(r.Suggested)
		})
	}
	settle(doc.Unit.Indicators, ev.Unit.Indicators)
	for i, p := range doc.Projects {
		settle(p.Indicators, ev.Projects[i].Indicators)
	}
}
