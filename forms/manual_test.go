package forms

import "testing"

// TestSettleManual: a 得分 read from a table is 手工调整 only where it differs by value from the
// rules' suggestion, or where the rules suggest none; rows not given are left as they are.
func TestSettleManual(t *testing.T) {
	quant := func(score string) *Indicator {
		return &Indicator{Op: OpGE, Content: "办结数", Target: "100", Actual: "100", Weight: "10", Score: score, Manual: true}
	}
	for name, c := range map[string]struct {
		in    *Indicator
		given bool
		want  bool
	}{
		"the same text":             {quant("10"), true, false},
		"other decimals":            {quant("10.00"), true, false},
		"full-width digits":         {quant("１０"), true, false},
		"lower":                     {quant("9.5"), true, true},
		"blank":                     {quant(""), true, true},
		"not a number":              {quant("十"), true, true},
		"not given":                 {quant("10"), false, true},
		"no suggestion, a score":    {&Indicator{Content: "满意", Target: "好", Actual: "好", Weight: "10", Score: "10", Manual: true}, true, true},
		"no suggestion, no score":   {&Indicator{Content: "满意", Target: "好", Actual: "好", Weight: "10", Manual: true}, true, false},
		"suggestion without weight": {&Indicator{Op: OpGE, Target: "1", Actual: "1", Score: "0", Manual: true}, true, true},
	} {
		t.Run(name, func(t *testing.T) {
			doc := NewDocument(2021)
			p := doc.AddProject()
			*p.Indicators.AddRow(0, 0) = *c.in
			in := p.Indicators[0].Children[0].Rows[len(p.Indicators[0].Children[0].Rows)-1]
			doc.SettleManual(map[*Indicator]bool{in: c.given})
			if in.Manual != c.want {
				t.Errorf("手工调整 %v, want %v", in.Manual, c.want)
			}
		})
	}
}
