package tables

import (
	"fmt"

	"github.com/shopspring/decimal"

	"ziping/forms"
)

// quant is what a quantitative indicator's 完成程度 and suggested 得分 were computed from by
// forms (forms.QuantScore): the operator in force and the values compared, a negative 完成值 as 0.
// The formulas restate forms' rule over the row's 指标值 and 全年完成值 cells when they hold
// plain numbers (so that a reader can audit a score and see it follow a changed 完成值), and
// over the values forms read otherwise ("≥50个", "95%"); the cached value is forms' own.
type quant struct {
	op        forms.Op
	target    decimal.Decimal
	actual    decimal.Decimal
	t, a      string // the target and the actual as written in formulas
	floorA    string // the actual counted from 0, as the positive rule reads it
	linearNeg bool
}

// quantOf describes row in with result r; targetRef and actualRef are the placeholders of its
// 指标值 and 全年完成值 number cells, or "" when that value is text and goes in as a literal.
func quantOf(in *forms.Indicator, r *forms.IndicatorResult, rule forms.NegativeRule, targetRef, actualRef string) quant {
	op := in.Op
	if op == forms.OpNone {
		op = r.Target.Sign // "≥50个" typed in the target carries its own operator, as forms reads it
	}
	actual := r.Actual.Value
	if actual.IsNegative() {
		actual = decimal.Zero
	}
	q := quant{op: op, target: r.Target.Value, actual: actual, linearNeg: rule == forms.NegativeLinear,
		t: targetRef, a: actualRef, floorA: "MAX(0," + actualRef + ")"}
	if targetRef == "" {
		q.t = q.target.String()
	}
	if actualRef == "" {
		q.a, q.floorA = actual.String(), actual.String()
	}
	return q
}

// positive reports whether the row is scored by the positive rule with a positive target.
func (q quant) positive() bool {
	switch q.op {
	case forms.OpGE, forms.OpGT, forms.OpEQ:
		return q.target.IsPositive()
	}
	return false
}

// ceiling reports whether the row is scored by a negative rule with a positive target.
func (q quant) ceiling() bool {
	return (q.op == forms.OpLE || q.op == forms.OpLT) && q.target.IsPositive()
}

// completion is the formula of 完成程度 (a ratio), or "" when forms' value is stored as is.
// Under a ceiling it needs a positive 完成值 (a 完成值 of 0 meets a ceiling outright).
func (q quant) completion() string {
	switch {
	case q.positive():
		return fmt.Sprintf("%s/%s", q.floorA, q.t)
	case q.ceiling() && q.actual.IsPositive():
		return fmt.Sprintf("%s/%s", q.t, q.a)
	}
	return ""
}

// score is the formula of the suggested 得分 given the reference w of its 分值, or "" when
// forms' value is stored as is (the cases with no ratio: a target of 0 or below). Under a
// ceiling a negative 完成值 needs no MAX(0,…): it is below the target, and scores 分值.
func (q quant) score(w string) string {
	t, a := q.t, q.a
	switch {
	case q.positive():
		return fmt.Sprintf("MIN(%s,%s*%s/%s)", w, w, q.floorA, t)
	case q.ceiling() && q.linearNeg:
		return fmt.Sprintf("IF(%s<=%s,%s,MAX(0,MIN(%s,%s*(1-(%s-%s)/%s))))", a, t, w, w, w, a, t, t)
	case q.ceiling():
		return fmt.Sprintf("IF(%s<=%s,%s,MIN(%s,%s*%s/%s))", a, t, w, w, w, t, a)
	}
	return ""
}
