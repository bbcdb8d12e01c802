package tables

import "ziping/forms"

// The formulas of the rule options that change scores (forms/options.go): 得分取整 rounds each
// suggested 得分 and D, 执行率封顶 caps a project's C+D. They are written into the formulas, so
// that a spreadsheet computes the totals forms computes; off, the formulas are as before.

// roundScore is f, the formula of a suggested 得分, rounded to 2 decimals under 得分取整; "" (a
// value stored as is) stays "".
func (b *builder) roundScore(f string) string {
	if f == "" || !b.doc.Settings.RoundScores {
		return f
	}
	return "ROUND(" + f + ",2)"
}

// roundD is f, the formula of D, in whole points under 得分取整.
func (b *builder) roundD(f string) string {
	if !b.doc.Settings.RoundScores {
		return f
	}
	return "ROUND(" + f + ",0)"
}

// capped is sum, the formula of a project's C+D, under 执行率封顶: from 80 % of 执行率 up the
// sum, below it the lesser of the sum and the cap of the rate's band (forms.RateCaps), the rate
// B/A of the 年度预算资金总额 row compared as printed (rounded to 4 decimals, two of the
// percentage), as forms compares it.
func (b *builder) capped(sum string) string {
	if !b.doc.Settings.RateCap {
		return sum
	}
	rate := "ROUND(" + Ref(AmountKey(TableFunds, "T", forms.ColActual)) + "/" + Ref(AmountKey(TableFunds, "T", forms.ColFull)) + ",4)"
	caps := forms.RateCaps()
	top := caps[len(caps)-1]
	band := top.Cap.String()
	for i := len(caps) - 2; i >= 0; i-- {
		band = "IF(" + rate + "<" + caps[i].Below.String() + "," + caps[i].Cap.String() + "," + band + ")"
	}
	return "IF(" + rate + ">=" + top.Below.String() + "," + sum + ",MIN(" + sum + "," + band + "))"
}
