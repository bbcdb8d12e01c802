package forms

import (
	"github.com/shopspring/decimal"
)

// divPrecision is the number of decimals kept by divisions; rounding happens once, at display.
const divPrecision = 12

// QuantScore scores a quantitative indicator by its operator: it returns the suggested 得分 and
// the 完成程度 as a ratio (hasCompletion is false when it cannot be computed, e.g. a zero
// target). Values are compared as they are; a negative 完成值 counts as zero only in the
// ratio against a positive target (so "≤-5%" met by "-8%" earns the full 分值).
func QuantScore(op Op, target, actual, weight decimal.Decimal, rule NegativeRule) (score, completion decimal.Decimal, hasCompletion bool) {
	full := weight
	switch op {
	case OpGE, OpGT:
		return positiveScore(target, actual, full)
	case OpLE, OpLT:
		return negativeScore(target, actual, full, rule)
	case OpEQ:
		if target.IsPositive() {
			return positiveScore(target, actual, full)
		}
		if target.IsZero() {
			if !actual.IsPositive() {
				return full, decimal.Zero, false
			}
			return decimal.Zero, decimal.Zero, false
		}
		// A negative target with ＝: met only when equal.
		if actual.Equal(target) {
			return full, decimal.NewFromInt(1), true
		}
		return decimal.Zero, decimal.Zero, false
	}
	return decimal.Zero, decimal.Zero, false
}

// positiveScore: 完成值 ≥ 指标值 → full; else 分值 × 完成值 / 指标值.
func positiveScore(target, actual, full decimal.Decimal) (decimal.Decimal, decimal.Decimal, bool) {
	if !target.IsPositive() {
		if actual.GreaterThanOrEqual(target) {
			return full, decimal.Zero, false
		}
		return decimal.Zero, decimal.Zero, false
	}
	ratio := decimal.Max(actual, decimal.Zero).DivRound(target, divPrecision)
	if actual.GreaterThanOrEqual(target) {
		return full, ratio, true
	}
	return clampScore(full.Mul(ratio), full), ratio, true
}

// negativeScore: 完成值 ≤ 指标值 → full; else 分值 × 指标值 / 完成值, or the linear variant
// 分值 × (1 − (完成值 − 指标值) / 指标值), which reaches 0 at twice the target.
func negativeScore(target, actual, full decimal.Decimal, rule NegativeRule) (decimal.Decimal, decimal.Decimal, bool) {
	if !target.IsPositive() {
		if actual.LessThanOrEqual(target) {
			return full, decimal.Zero, false
		}
		return decimal.Zero, decimal.Zero, false
	}
	var completion decimal.Decimal
	hasCompletion := actual.IsPositive()
	if hasCompletion {
		completion = target.DivRound(actual, divPrecision)
	}
	if actual.LessThanOrEqual(target) {
		if !hasCompletion {
			// 完成值 0 against a positive ceiling: fully met; the inverse ratio is undefined.
			return full, decimal.Zero, false
		}
		return full, completion, true
	}
	if rule == NegativeLinear {
		over := actual.Sub(target).DivRound(target, divPrecision)
		return clampScore(full.Mul(decimal.NewFromInt(1).Sub(over)), full), completion, true
	}
	return clampScore(full.Mul(completion), full), completion, true
}

func clampScore(s, full decimal.Decimal) decimal.Decimal {
	if s.IsNegative() {
		return decimal.Zero
	}
	if s.GreaterThan(full) {
		return full
	}
	return s
}

// Band limits of the qualitative grades, as fractions of 分值.
var (
	bandMet     = decimal.RequireFromString("0.8")
	bandPartial = decimal.RequireFromString("0.6")
)

// GradeOf returns the qualitative band a score falls in: 达成 80%（含）–100%, 部分达成
// 60%（含）–80%, 未达成 below 60%. A zero or negative weight gives GradeNone.
func GradeOf(score, weight decimal.Decimal) Grade {
	if !weight.IsPositive() {
		return GradeNone
	}
	ratio := score.Round(2).DivRound(weight, divPrecision) // the score as printed
	switch {
	case ratio.GreaterThanOrEqual(bandMet):
		return GradeMet
	case ratio.GreaterThanOrEqual(bandPartial):
		return GradePartial
	}
	return GradeMissed
}

// Rating is the overall grade of a form: 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60.
func Rating(total decimal.Decimal) string {
	total = total.Round(2) // the total as printed: 89.996 is shown as 90 and rated 优
	switch {
	case total.GreaterThanOrEqual(decimal.NewFromInt(90)):
		return "优"
	case total.GreaterThanOrEqual(decimal.NewFromInt(80)):
		return "良"
	case total.GreaterThanOrEqual(decimal.NewFromInt(60)):
		return "中"
	}
	return "差"
}

// ExecutionScore is D = 分值 × B / A, capped at 分值. ok is false when A is zero or negative.
func ExecutionScore(weight, a, b decimal.Decimal) (d decimal.Decimal, ok bool) {
	if !a.IsPositive() {
		return decimal.Zero, false
	}
	return clampScore(weight.Mul(b).DivRound(a, divPrecision), weight), true
}
