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

// DisplayAmount prints an amount the user typed: as typed (trimmed) or, when fixed2 is set and
// the text is a valid amount, with two decimals. Text that does not parse is shown unchanged.
func DisplayAmount(typed string, fixed2 bool) string {
	t := strings.TrimSpace(typed)
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
