package xlsxin

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// builtinFormats are the built-in number formats (ECMA-376 §18.8.30) a table of figures uses;
// the others are General or dates.
var builtinFormats = map[int]string{1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
	37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)"}

// builtinDate reports whether a built-in format shows a date or a time.
func builtinDate(id int) bool {
	return id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58
}

// fixedRE matches a format section of fixed decimals, with literal text around it (xlsxout's
// 0, 0.00, #,##0.00, 0.0%; 0.00"万元"), once quotes, escapes and padding are taken out.
var fixedRE = regexp.MustCompile(`^([^#0.%]*)(#,##)?0(?:\.(0+))?(%?)([^#0.%]*)$`)

// numberText shows the raw value v of a number cell as a spreadsheet shows it with format
// code (date for a date format): fixed decimals rounded half away from zero from the exact
// decimal of v (not from its binary double); General with up to 15 significant digits.
func numberText(v, code string, date, date1904 bool) string {
	return parseFormat(code, date).text(v, date1904)
}

// numFormat is a number format as numberText applies it, analysed once for each cell format
// of a workbook (book.formats), not once a cell.
type numFormat struct {
	date, withTime bool
	fixed          []string // fixedRE's match of the format's first section, or nil
}

// parseFormat analyses a format code (date for a built-in date format).
func parseFormat(code string, date bool) numFormat {
	section, bare := firstSection(code)
	nf := numFormat{date: date || isDateFormat(bare), withTime: strings.ContainsAny(strings.ToLower(bare), "hs")}
	if !nf.date {
		nf.fixed = fixedRE.FindStringSubmatch(section)
	}
	return nf
}

// text shows the raw value v in the format.
func (nf numFormat) text(v string, date1904 bool) string {
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return v // not a figure (a number cell never holds NaN or Inf; a hand-made file may): its text
	}
	if nf.date {
		return dateText(f, date1904, nf.withTime)
	}
	if m := nf.fixed; m != nil {
		d, err := decimal.NewFromString(strings.TrimSpace(v))
		if err != nil {
			d = decimal.NewFromFloat(f)
		}
		if m[4] == "%" {
			d = d.Shift(2)
		}
		text := d.StringFixed(int32(len(m[3])))
		if m[2] != "" {
			text = groupThousands(text)
		}
		return strings.TrimSpace(m[1] + text + m[4] + m[5])
	}
	return general(f)
}

// firstSection is the format's section for positive numbers as it prints (without colours,
// conditions and padding "_x" "*x", quoted and escaped text unquoted), and bare, its codes
// alone (without that text).
func firstSection(code string) (section, bare string) {
	var b, c strings.Builder
	quoted := false
	for i := 0; i < len(code); i++ {
		ch := code[i]
		switch {
		case ch == '"':
			quoted = !quoted
		case quoted:
			b.WriteByte(ch)
		case ch == ';':
			return b.String(), c.String()
		case ch == '\\' && i+1 < len(code):
			i++
			b.WriteByte(code[i])
		case (ch == '_' || ch == '*') && i+1 < len(code):
			i++
		case ch == '[':
			if j := strings.IndexByte(code[i:], ']'); j > 0 {
				i += j
			}
		default:
			b.WriteByte(ch)
			c.WriteByte(ch)
		}
	}
	return b.String(), c.String()
}

// isDateFormat reports whether a format section shows a date or time (y, m, d, h or s).
func isDateFormat(section string) bool {
	return section != "" && !strings.EqualFold(section, "General") && strings.ContainsAny(strings.ToLower(section), "ymdhs")
}

// dateText shows a spreadsheet's date serial as 2006-01-02 (with the time when the format has one).
func dateText(serial float64, date1904 bool, withTime bool) string {
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if serial < 0 || serial > 2958465 { // beyond 9999-12-31: not a date
		return general(serial)
	}
	t := base.Add(time.Duration(math.Round(serial*86400)) * time.Second)
	if withTime && serial != math.Trunc(serial) {
		return t.Format("2006-01-02 15:04:05")
	}
	return t.Format("2006-01-02")
}

// general shows a number as the General format does: at most 15 significant digits, no
// exponent for the figures of a table.
func general(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatInt(int64(f), 10) // the common case, without a decimal's cost
	}
	s := strconv.FormatFloat(f, 'g', 15, 64)
	if d, err := decimal.NewFromString(s); err == nil && math.Abs(f) < 1e15 {
		return d.String()
	}
	return s
}

// groupThousands puts commas between the thousands of the integer part of a number.
func groupThousands(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasPoint := strings.Cut(s, ".")
	var b strings.Builder
	for i, d := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	if hasPoint {
		b.WriteString("." + frac)
	}
	return sign + b.String()
}
