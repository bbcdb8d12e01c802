package xlsxout

import (
	"fmt"

	"github.com/shopspring/decimal"

	"ziping/forms"
)

// quant is what a quantitative indicator's 完成程度 and suggested 得分 were computed from by
// forms (spec §3): the operator in force and the values compared, a negative 完成值 as 0.
// The formulas restate forms' rule with these values written out, so that the sheet shows
// how each score came about; the cached value is always forms' own result.
type quant struct {
	op        forms.Op
	target    decimal.Decimal
	actual    decimal.Decimal
	linearNeg bool
}

func quantOf(in *forms.Indicator, r *forms.IndicatorResult, rule forms.NegativeRule) quant {
	op := in.Op
	if op == forms.OpNone {
		op = r.Target.Sign // "≥50个" typed in the target carries its own operator, as forms reads it
	}
	actual := r.Actual.Value
	if actual.IsNegative() {
		actual = decimal.Zero
	}
	return quant{op: op, target: r.Target.Value, actual: actual, linearNeg: rule == forms.NegativeLinear}
}

// positive reports whether the row is scored by the positive rule with a positive target.
func (q quant) positive() bool {
	switch q.op {
	case forms.OpGE, forms.OpGT, forms.OpEQ:
		return q.target.IsPositive()
	}
	return false
}

// negative reports whether the row is scored by a negative rule with a positive target and a
// positive 完成值 (a 完成值 of 0 meets a ceiling outright).
func (q quant) negative() bool {
	return (q.op == forms.OpLE || q.op == forms.OpLT) && q.target.IsPositive() && q.actual.IsPositive()
}

// completion is the formula of 完成程度 (a ratio), or "" when forms' value is stored as is.
func (q quant) completion() string {
	switch {
	case q.positive():
		return fmt.Sprintf("%s/%s", q.actual, q.target)
	case q.negative():
		return fmt.Sprintf("%s/%s", q.target, q.actual)
	}
	return ""
}

// score is the formula of the suggested 得分 given the reference w of its 分值, or "" when
// forms' value is stored as is (the cases with no ratio: a target of 0 or below).
func (q quant) score(w string) string {
	t, a := q.target.String(), q.actual.String()
	switch {
	case q.positive():
		return fmt.Sprintf("MIN(%s,%s*%s/%s)", w, w, a, t)
	case q.negative() && q.linearNeg:
		return fmt.Sprintf("IF(%s<=%s,%s,MAX(0,MIN(%s,%s*(1-(%s-%s)/%s))))", a, t, w, w, w, a, t, t)
	case q.negative():
		return fmt.Sprintf("IF(%s<=%s,%s,MIN(%s,%s*%s/%s))", a, t, w, w, w, t, a)
	}
	return ""
}
