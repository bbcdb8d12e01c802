package forms

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// rowNote is something the evaluation of a 三级 row found that the user must be told: why a
// score was not suggested, or what in the row contradicts itself. check reports it.
type rowNote struct {
	level Level
	field string // field key, as in Location.Field
	label string // printed name of the field
	// format and args are the message: check words the format in the form's template
	// (nationalNames) and never the args, which hold what the user typed.
	format string
	args   []any
}

// evalContext is what scoring a row needs from the document.
type evalContext struct {
	rule NegativeRule
	year int // the evaluated year, for deadlines written without one
	opts ruleContext
}

// fractionLimit: a 完成值 without a % sign at or below this, against a percentage target, is
// most likely a fraction ("0.98" for 98 %) and is never scored as a percentage.
var fractionLimit = decimal.RequireFromString("1.5")

// readQuant reads the 年度指标值, 运算符号, 度量单位 and 全年完成值 of a row and, when they
// make a quantitative or 时效 row, sets the suggestion inputs of r. It records in r.notes why a
// row that looks quantitative gets no suggestion.
func (r *IndicatorResult) readQuant(in *Indicator, cx evalContext) {
	tgt, isTarget, terr := ReadTarget(in.Target)
	if terr != nil {
		r.note(LevelWarning, "target", "年度指标值", "%v：得分不会自动计算。定量指标请写成“≥95%%”“不低于95%%”“10天以内”“12月底前”等形式，或手工填写得分。", terr)
	}
	r.TargetRead = tgt
	if isTarget && tgt.HasNum {
		r.Target, r.HasTarget = tgt.Num, true
	}
	actual, aerr := ParseNumber(compact(in.Actual))
	if aerr == nil {
		r.Actual, r.HasActual = actual, true
	}
	if tgt.HasDeadline {
		r.readDeadline(in, cx)
		return
	}
	if !r.HasTarget {
		return
	}
	if r.yearMonthTarget(in) {
		return
	}
	op, ok := r.operator(in, tgt)
	if !ok || op == OpNone || !op.Valid() {
		return
	}
	r.Op = op
	if !r.actualComparable(in, tgt, actual, aerr) {
		return
	}
	t, a, ok := r.alignUnits(in)
	if !ok {
		return
	}
	r.Quantitative, r.CmpTarget, r.CmpActual = true, t, a
}

// yearMonthTarget is true, with a note, for a target such as "2021.9" without a 度量单位: a year
// and a month that a comparison of numbers would get wrong.
func (r *IndicatorResult) yearMonthTarget(in *Indicator) bool {
	t := strings.TrimLeft(compact(in.Target), "≥≤<>=＜＞＝")
	if normUnit(in.Unit) != "" || !yearMonthRE.MatchString(t) {
		return false
	}
	ym := strings.Replace(t, ".", "年", 1)
	r.note(LevelWarning, "target", "年度指标值", "指标值“%s”像是年月（%s月），按数字比较会算错：期限请写成“%s月底前”等形式；若确是数字，请在度量单位中写明单位。",
		strings.TrimSpace(in.Target), ym, ym)
	return true
}

// operator is the comparison of the row: the sign written in the target, else the 运算符号
// chosen; not ok, with a note, when both are given and differ.
func (r *IndicatorResult) operator(in *Indicator, tgt Target) (Op, bool) {
	written := tgt.Num.Sign
	switch {
	case written == OpNone:
		return in.Op, true
	case in.Op != OpNone && in.Op != written:
		r.note(LevelError, "op", "运算符号", "所选运算符号“%s”与指标值“%s”中的“%s”（即 %s）矛盾，得分无法计算：请改正运算符号或指标值。",
			in.Op, strings.TrimSpace(in.Target), tgt.Wording, written)
		return OpNone, false
	}
	return written, true
}

// actualComparable is whether the 完成值 read (actual, or aerr) is a plain number to compare
// with the target; otherwise it records why not.
func (r *IndicatorResult) actualComparable(in *Indicator, tgt Target, actual Number, aerr error) bool {
	switch {
	case isBlank(in.Actual):
		r.MissingActual = true
	case aerr != nil:
		r.note(LevelWarning, "actual", "全年完成值", "全年完成值“%s”不是数值，而指标值“%s”是数值：请填写实际完成的数值（如 %s），或手工填写得分。",
			strings.TrimSpace(in.Actual), strings.TrimSpace(in.Target), exampleOf(tgt.Num))
	case actual.Sign != OpNone:
		r.note(LevelError, "actual", "全年完成值", "全年完成值“%s”带有比较符号：请填写实际完成的数值，不带 ≥ ≤ 等符号。", strings.TrimSpace(in.Actual))
	default:
		return true
	}
	return false
}

// readDeadline scores a 时效 row: a completion date on or before the deadline, or words saying
// it was kept, earns the full 分值; a late date or a text that does not say when is left to the user.
func (r *IndicatorResult) readDeadline(in *Indicator, cx evalContext) {
	dl := r.TargetRead.Deadline
	r.Deadline = true
	if isBlank(in.Actual) {
		r.MissingActual = true
		return
	}
	done, onTime, ok := readCompletionDate(in.Actual)
	switch {
	case !ok:
		r.deadlineNote = &rowNote{level: LevelWarning, field: "actual", label: "全年完成值",
			format: "时效指标（期限 %s）的全年完成值“%s”没有写明完成时间，得分无法自动计算：请填写完成日期（如 %d年11月30日）或“按时完成”，或手工填写得分。",
			args:   []any{dl, strings.TrimSpace(in.Actual), cx.year}}
	case onTime || done.key(cx.year) <= dl.key(cx.year):
		r.DeadlineMet = true
	default:
		r.note(LevelWarning, "actual", "全年完成值", "完成时间 %s 晚于期限 %s，得分不自动计算：请按延误情况手工填写得分，并说明原因。", done, dl)
	}
}

// alignUnits returns the target and the 完成值 in the target's unit, or ok false with a note
// when they cannot be compared. A value without a unit of its own is in the target's unit, and a
// target without one is in the row's 度量单位.
func (r *IndicatorResult) alignUnits(in *Indicator) (t, a decimal.Decimal, ok bool) {
	t, a = r.Target.Value, r.Actual.Value
	tu, ok := r.targetUnit(in)
	if !ok {
		return t, a, false
	}
	au := unitOf(r.Actual)
	if au == "" {
		au = tu
	}
	if !r.percentSignsWritten(in, tu, au) {
		return t, a, false
	}
	if au == "%" && tu == "" {
		tu = "%" // "95" against "98%": both percentages
	}
	if strings.EqualFold(tu, au) {
		return t, a, true
	}
	return r.convertActual(tu, au)
}

// targetUnit is the unit of the target: its own, else the row's 度量单位; not ok, with a note,
// when both are written and differ.
func (r *IndicatorResult) targetUnit(in *Indicator) (string, bool) {
	rowUnit := normUnit(in.Unit)
	tu := unitOf(r.Target)
	if tu != "" && rowUnit != "" && !strings.EqualFold(tu, rowUnit) {
		// "≤100万元" under 度量单位 元: is a plain 完成值 in 元 or in 万元? Ask rather than guess.
		r.note(LevelError, "unit", "度量单位", "度量单位“%s”与指标值“%s”中的单位“%s”不一致，无法判断全年完成值的单位：请让两处一致（或清空度量单位）。",
			strings.TrimSpace(in.Unit), strings.TrimSpace(in.Target), tu)
		return tu, false
	}
	if tu == "" {
		tu = rowUnit
	}
	return tu, true
}

// percentSignsWritten is false, with a note, when a fraction such as 0.95 stands where the
// other side (target unit tu, 完成值 unit au) is a percentage: 95% or 0.95%? Ask rather than guess.
func (r *IndicatorResult) percentSignsWritten(in *Indicator, tu, au string) bool {
	t, a := r.Target.Value, r.Actual.Value
	if tu == "%" && !r.Actual.Percent && r.Actual.Unit == "" && a.IsPositive() && a.LessThanOrEqual(fractionLimit) {
		r.note(LevelError, "actual", "全年完成值", "全年完成值“%s”没有 %% 号，而指标值是百分数（%s）：若是 %s%%，请填写“%s%%”；若就是 %s%%，请写明 %% 号。",
			strings.TrimSpace(in.Actual), strings.TrimSpace(in.Target), FormatScore(a.Mul(decimal.NewFromInt(100))),
			FormatScore(a.Mul(decimal.NewFromInt(100))), FormatScore(a))
		return false
	}
	if (au == "%" || tu == "%") && unitOf(r.Target) == "" && t.IsPositive() && t.LessThanOrEqual(fractionLimit) {
		r.note(LevelError, "target", "年度指标值", "指标值“%s”没有 %% 号，而这一行是百分数（度量单位或全年完成值带 %%）：若指标是 %s%%，请填写“%s%%”；若就是 %s%%，请写明 %% 号。",
			strings.TrimSpace(in.Target), FormatScore(t.Mul(decimal.NewFromInt(100))), FormatScore(t.Mul(decimal.NewFromInt(100))), FormatScore(t))
		return false
	}
	return true
}

// convertActual converts the 完成值 from its unit au into the target's unit tu, or says, in a
// note, why it cannot.
func (r *IndicatorResult) convertActual(tu, au string) (t, a decimal.Decimal, ok bool) {
	t, a = r.Target.Value, r.Actual.Value
	te, tok := lookupUnit(tu)
	ae, aok := lookupUnit(au)
	switch {
	case tok && aok && te.kind == ae.kind:
		r.Converted = true
		return t, convert(a, ae, te), true
	case tok && aok:
		r.note(LevelError, "actual", "全年完成值", "全年完成值的单位“%s”（%s）与指标值的单位“%s”（%s）无法换算，得分无法计算：请用与指标值相同的单位填写。",
			au, ae.kind, tu, te.kind)
	default:
		r.note(LevelError, "actual", "全年完成值", "全年完成值的单位“%s”与指标值的单位“%s”不同，程序不认识其中的单位，无法换算：请用与指标值相同的单位填写。",
			orNone(au), orNone(tu))
	}
	return t, a, false
}

// unitOf is the unit written with a number: "%" for a percentage, the unit word, or "".
func unitOf(n Number) string {
	if n.Percent {
		return "%"
	}
	return normUnit(n.Unit)
}

func orNone(u string) string {
	if u == "" {
		return "（无）"
	}
	return u
}

// exampleOf shows the shape a 完成值 should take for target n: "98%" for a percentage.
func exampleOf(n Number) string {
	switch u := unitOf(n); u {
	case "%":
		return "98%"
	case "":
		return "120"
	default:
		return "120" + u
	}
}

// msg is the note's message in the Liaoning names.
func (n rowNote) msg() string { return fmt.Sprintf(n.format, n.args...) }

func (r *IndicatorResult) note(level Level, field, label, format string, args ...any) {
	r.notes = append(r.notes, rowNote{level: level, field: field, label: label, format: format, args: args})
}
