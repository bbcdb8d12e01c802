package layout

// Numbers are never broken across lines: a printed "97.8" + "9%" reads as 97.8. A number is a
// run of digits (ASCII or full-width), with a decimal point (. or ．) or a thousands comma (a
// "," followed by exactly three digits) between digits, a sign in front when nothing
// alphanumeric precedes it, and a percent or per-mille sign after it: "97.89%", "1,234.56",
// "-5", "９７．８９％". UAX #14 already keeps most of these together; the rule matters for the
// emergency breaks of a number wider than its line (and for full-width digits, which the CJK
// rule would otherwise break anywhere). Slashes and hyphens do not join numbers ("2021-2022",
// "024-12345678"): such runs may still break in a cell too narrow for them.

// markNumbers returns nb with nb[i] true when a break before rune i would fall inside a number,
// or nil when the text has no digit.
func markNumbers(r []rune) []bool {
	var nb []bool
	for i := 0; i < len(r); {
		if !isDigit(r[i]) {
			i++
			continue
		}
		start := i
		if start > 0 && isSign(r[start-1]) && (start == 1 || !isAlnum(r[start-2])) {
			start--
		}
		i = numberEnd(r, i)
		if i-start < 2 {
			continue
		}
		if nb == nil {
			nb = make([]bool, len(r)+1)
		}
		for k := start + 1; k < i; k++ {
			nb[k] = true
		}
	}
	return nb
}

// numberEnd returns the end of the number whose digits start at i.
func numberEnd(r []rune, i int) int {
	for i < len(r) {
		switch {
		case isDigit(r[i]):
			i++
		case (r[i] == '.' || r[i] == '．') && i+1 < len(r) && isDigit(r[i+1]):
			i++
		case r[i] == ',' && thousands(r, i+1):
			i++
		default:
			if isPercent(r[i]) {
				i++
			}
			return i
		}
	}
	return i
}

// thousands reports exactly three digits at r[i:], the group after a thousands comma.
func thousands(r []rune, i int) bool {
	if i+3 > len(r) || !isDigit(r[i]) || !isDigit(r[i+1]) || !isDigit(r[i+2]) {
		return false
	}
	return i+3 == len(r) || !isDigit(r[i+3])
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func isAlnum(r rune) bool {
	return isDigit(r) || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 'ａ' && r <= 'ｚ' || r >= 'Ａ' && r <= 'Ｚ'
}

func isSign(r rune) bool {
	switch r {
	case '-', '+', '−', '－', '＋', '±':
		return true
	}
	return false
}

func isPercent(r rune) bool { return r == '%' || r == '％' || r == '‰' }

// isDateUnit reports 年, 月, 日 and 号, which stay with the number before them: a line never
// starts with the 日 of "30日".
func isDateUnit(r rune) bool { return r == '年' || r == '月' || r == '日' || r == '号' }
