package forms

import (
	"strings"

	"github.com/shopspring/decimal"
)

var hundred = decimal.NewFromInt(100)

// FormatScore rounds a score once, to two decimals, and prints it without trailing zeros,
// as the printed tables do: 97, 9.5, 33.33.
func FormatScore(d decimal.Decimal) string {
	return trimZeros(d.Round(2).StringFixed(2))
}

// FormatPercent prints a ratio (0.995) as a percentage rounded to two decimals ("99.5%").
func FormatPercent(ratio decimal.Decimal) string {
	return FormatScore(ratio.Mul(hundred)) + "%"
}

// FormatAmount prints a computed amount (a sum of typed amounts) with as many decimals as its
// most precise part (600.00 + 0 → 600.00; 2679 + 244 + 91 → 3014) or, when fixed2 is set, with
// two decimals.
func FormatAmount(d decimal.Decimal, fixed2 bool) string {
	if fixed2 {
		return d.StringFixed(2)
	}
	return d.StringFixed(max(0, -d.Exponent()))
}

// DisplayAmount prints an amount the user typed: as typed (trimmed, digits half-width:
// PrintedNumber) or, when fixed2 is set and the text is a valid amount, with two decimals. Text
// that does not parse is shown as PrintedNumber prints it.
func DisplayAmount(typed string, fixed2 bool) string {
	t := PrintedNumber(typed)
	if !fixed2 || t == "" {
		return t
	}
	d, err := ParseAmount(t)
	if err != nil {
		return t
	}
	return d.StringFixed(2)
}

func trimZeros(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	if s == "-0" {
		return "0"
	}
	return s
}

// PrintedNumber is how the official tables print a number the user typed (an amount, 指标值,
// 完成值, 完成程度, 分值, 得分, a count): the text as typed, trimmed, with full-width digits
// written half-width ("９８%" → "98%", "≥９５％" → "≥95%", "１，２３４．５万元" →
// "1,234.5万元"). Everything else is kept as typed: the decimals, the % sign, the unit and the
// words around the number. A full-width point, % or minus is written half-width only next to
// a digit, and a full-width comma only between digits of a text ParseNumber reads, where it is
// a thousands separator; elsewhere they are punctuation of the words. The document keeps what
// was typed; only the printed text changes.
func PrintedNumber(typed string) string {
	t := strings.TrimSpace(typed)
	if !strings.ContainsFunc(t, isFullDigit) {
		return t // the common case: nothing to map, no allocation
	}
	_, err := ParseNumber(t)
	p := printedRunes{rs: []rune(t), number: err == nil}
	var sb strings.Builder
	for i, r := range p.rs {
		sb.WriteRune(p.halfWidth(i, r))
	}
	return sb.String()
}

// printedRunes is a typed number being printed: its runes, and whether ParseNumber reads it.
type printedRunes struct {
	rs     []rune
	number bool
}

// digitAt reports whether a digit, full- or half-width, stands at i.
func (p printedRunes) digitAt(i int) bool {
	return i >= 0 && i < len(p.rs) && (isFullDigit(p.rs[i]) || (p.rs[i] >= '0' && p.rs[i] <= '9'))
}

// numberMarks are the full-width marks PrintedNumber writes half-width, each only where it
// belongs to a number: the point between digits, % after one, the minus before one, the comma
// between digits of a text ParseNumber reads (a thousands separator).
var numberMarks = []struct {
	full  string
	half  rune
	where func(p printedRunes, i int) bool
}{
	{"．。", '.', func(p printedRunes, i int) bool { return p.digitAt(i-1) && p.digitAt(i+1) }},
	{"％", '%', func(p printedRunes, i int) bool { return p.digitAt(i - 1) }},
	{"－−", '-', func(p printedRunes, i int) bool { return p.digitAt(i + 1) }},
	{"，", ',', func(p printedRunes, i int) bool { return p.number && p.digitAt(i-1) && p.digitAt(i+1) }},
}

// halfWidth is the rune r at i as printed: a full-width digit half-width, a mark of numberMarks
// half-width where it belongs to the number, anything else as typed.
func (p printedRunes) halfWidth(i int, r rune) rune {
	if isFullDigit(r) {
		return '0' + (r - '０')
	}
	for _, m := range numberMarks {
		if strings.ContainsRune(m.full, r) && m.where(p, i) {
			return m.half
		}
	}
	return r
}

// isFullDigit reports whether r is a full-width digit ０–９.
func isFullDigit(r rune) bool { return r >= '０' && r <= '９' }
