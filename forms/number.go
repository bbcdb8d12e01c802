package forms

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Number is a value parsed from what an accountant typed: an exact decimal, whether it was
// written as a percentage, and the unit or comparison sign that surrounded it. The text the
// user typed is kept in the document; a Number is derived from it and never written back.
type Number struct {
	// Value is the number as typed: "95%" gives 95, "1,234.56" gives 1234.56.
	Value decimal.Decimal
	// Percent is true when the number carried a % sign.
	Percent bool
	// Unit is the unit written after the number ("个", "万元", "人/次"), without spaces.
	Unit string
	// Sign is a comparison sign written before the number ("≥50个"), in its canonical form.
	Sign Op
}

// MaxAmountDecimals is the number of decimal places an amount in 万元 may carry.
const MaxAmountDecimals = 6

// ErrEmpty is returned by the parsers for a blank field; callers decide whether blank is allowed.
var ErrEmpty = errors.New("未填写")

// fullWidth maps the full-width characters that Chinese input methods produce to ASCII.
var fullWidth = strings.NewReplacer(
	"０", "0", "１", "1", "２", "2", "３", "3", "４", "4",
	"５", "5", "６", "6", "７", "7", "８", "8", "９", "9",
	"．", ".", "，", ",", "％", "%", "－", "-", "＋", "+", "　", " ",
	"。", ".", "−", "-",
)

// normalizeNumberText trims and maps full-width digits and signs to ASCII. It does not judge
// whether the result is a number; spaces inside a number are refused by ParseNumber (a
// 全年完成值 is read through compact, which drops them).
func normalizeNumberText(s string) string {
	s = fullWidth.Replace(s)
	return strings.TrimSpace(s)
}

// ParseNumber reads a number the way accountants type it: "1,234.56", full-width
// "１２３４．５", "95%", " 600 ", "600.00万元", "≥50个", "-3". Anything else (two numbers,
// letters before the number, "1.2.3", "约100") is an error whose message says what is wrong.
func ParseNumber(s string) (Number, error) {
	var n Number
	t := normalizeNumberText(s)
	if t == "" {
		return n, ErrEmpty
	}
	if op, rest, ok := cutSign(t); ok {
		n.Sign = op
		t = strings.TrimSpace(rest)
	}
	num, rest := splitNumeric(t)
	if num == "" {
		return n, fmt.Errorf("“%s”不是数字", strings.TrimSpace(s))
	}
	v, err := parseDecimal(num)
	if err != nil {
		return n, fmt.Errorf("“%s”不是有效的数字：%v", strings.TrimSpace(s), err)
	}
	n.Value = v
	rest = strings.TrimSpace(rest)
	switch {
	case rest == "":
	case rest == "%":
		n.Percent = true
	case validUnit(rest):
		n.Unit = rest
	default:
		return n, fmt.Errorf("“%s”不是数字：数字后面的“%s”无法识别", strings.TrimSpace(s), rest)
	}
	return n, nil
}

// ParseAmount reads an amount in 万元: a plain number, optionally followed by "万元".
// A percentage, another unit (元 would be off by 10,000) or more than six decimals is refused.
func ParseAmount(s string) (decimal.Decimal, error) {
	n, err := ParseNumber(s)
	if err != nil {
		return decimal.Zero, err
	}
	switch {
	case n.Sign != OpNone:
		return decimal.Zero, fmt.Errorf("金额“%s”前不能有比较符号", strings.TrimSpace(s))
	case n.Percent:
		return decimal.Zero, fmt.Errorf("金额“%s”不能是百分数", strings.TrimSpace(s))
	case n.Unit != "" && n.Unit != "万元":
		return decimal.Zero, fmt.Errorf("金额“%s”的单位应为万元，请换算后只填数字", strings.TrimSpace(s))
	case -n.Value.Exponent() > MaxAmountDecimals:
		return decimal.Zero, fmt.Errorf("金额“%s”最多保留 %d 位小数", strings.TrimSpace(s), MaxAmountDecimals)
	case n.Value.IsNegative():
		return decimal.Zero, fmt.Errorf("金额“%s”不能为负数", strings.TrimSpace(s))
	}
	return n.Value, nil
}

// ParseScore reads a 分值 or 得分: a plain number with at most two decimals, "分" allowed after it.
func ParseScore(s string) (decimal.Decimal, error) {
	n, err := ParseNumber(s)
	if err != nil {
		return decimal.Zero, err
	}
	switch {
	case n.Sign != OpNone || n.Percent || (n.Unit != "" && n.Unit != "分"):
		return decimal.Zero, fmt.Errorf("“%s”不是分数，请只填数字", strings.TrimSpace(s))
	case -n.Value.Exponent() > 2:
		return decimal.Zero, fmt.Errorf("分数“%s”最多保留 2 位小数", strings.TrimSpace(s))
	case n.Value.IsNegative():
		return decimal.Zero, fmt.Errorf("分数“%s”不能为负数：分值和得分应不小于 0", strings.TrimSpace(s))
	}
	return n.Value, nil
}

// ParseCount reads a whole number of people or units ("208", "11人", "1,024").
func ParseCount(s string) (int64, error) {
	n, err := ParseNumber(s)
	if err != nil {
		return 0, err
	}
	if n.Sign != OpNone || n.Percent || !n.Value.IsInteger() || n.Value.IsNegative() ||
		(n.Unit != "" && n.Unit != "人" && n.Unit != "个" && n.Unit != "家") {
		return 0, fmt.Errorf("“%s”应为不小于 0 的整数", strings.TrimSpace(s))
	}
	if n.Value.GreaterThan(decimal.NewFromInt(1_000_000_000)) {
		return 0, fmt.Errorf("“%s”过大", strings.TrimSpace(s))
	}
	return n.Value.IntPart(), nil
}

// cutSign removes a leading comparison sign ("≥", ">=", "＞", "=") from t.
func cutSign(t string) (Op, string, bool) {
	for _, p := range []struct {
		prefix string
		op     Op
	}{
		{">=", OpGE}, {"<=", OpLE}, {"≥", OpGE}, {"≤", OpLE}, {"⩾", OpGE}, {"⩽", OpLE},
		{"＞", OpGT}, {"＜", OpLT}, {">", OpGT}, {"<", OpLT}, {"＝", OpEQ}, {"=", OpEQ},
	} {
		if rest, ok := strings.CutPrefix(t, p.prefix); ok {
			return p.op, rest, true
		}
	}
	return OpNone, t, false
}

// splitNumeric returns the leading numeric part of t (sign, digits, separators, point) and the rest.
func splitNumeric(t string) (num, rest string) {
	i := 0
	for i < len(t) {
		c := t[i]
		if (c >= '0' && c <= '9') || c == '.' || c == ',' || ((c == '-' || c == '+') && i == 0) {
			i++
			continue
		}
		break
	}
	num = t[:i]
	if strings.Trim(num, "+-.,") == "" {
		return "", t
	}
	return num, t[i:]
}

// parseDecimal parses sign, digits with optional correctly placed thousands separators, and a
// fraction. It refuses what decimal.NewFromString would accept but an accountant never means
// (exponents, "1.2.3", "1,23").
func parseDecimal(num string) (decimal.Decimal, error) {
	body := strings.TrimLeft(num, "+-") // splitNumeric lets through at most one sign
	intPart, frac, hasPoint := strings.Cut(body, ".")
	if strings.Contains(frac, ".") {
		return decimal.Zero, errors.New("小数点多于一个")
	}
	if strings.Contains(frac, ",") {
		return decimal.Zero, errors.New("小数部分不能有逗号")
	}
	if hasPoint && frac == "" && intPart == "" {
		return decimal.Zero, errors.New("缺少数字")
	}
	if strings.Contains(intPart, ",") {
		groups := strings.Split(intPart, ",")
		if len(groups[0]) == 0 || len(groups[0]) > 3 {
			return decimal.Zero, errors.New("千分位逗号位置不对")
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return decimal.Zero, errors.New("千分位逗号位置不对")
			}
		}
		intPart = strings.ReplaceAll(intPart, ",", "")
	}
	if tooManyDigits(intPart, frac) {
		return decimal.Zero, errors.New("数字位数过多")
	}
	clean := intPart
	if clean == "" {
		clean = "0"
	}
	if frac != "" {
		clean += "." + frac
	}
	if strings.HasPrefix(num, "-") {
		clean = "-" + clean
	}
	return decimal.NewFromString(clean)
}

// validUnit accepts a short unit made of letters (Han or Latin), optionally with one "/"
// ("人/次") or a leading "%" ("%以上" is not a unit, so it is refused).
func validUnit(u string) bool {
	if utf8.RuneCountInString(u) > 8 {
		return false
	}
	slashes := 0
	for _, r := range u {
		switch {
		case r == '/':
			slashes++
		case unicode.IsLetter(r) || strings.ContainsRune("²³㎡㎞㎏㎝㎜‰", r):
		default:
			return false
		}
	}
	return slashes <= 1 && u != "/" && !strings.HasPrefix(u, "/") && !strings.HasSuffix(u, "/")
}

// tooManyDigits: more than 30 digits carry the value. The integer part's leading zeros do not count,
// so ".5" and "0.5" have as many (a number printed back, with its "0.", parses again); with the
// zeros, at most 60.
func tooManyDigits(intPart, frac string) bool {
	return len(strings.TrimLeft(intPart, "0"))+len(frac) > 30 || len(intPart)+len(frac) > 60
}
