package xlsxout

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"

	"github.com/shopspring/decimal"

	"ziping/forms"
)

// dash is the "——" the template prints in cells that have no value; tick a ticked reason.
const (
	dash = "——"
	tick = "√"
)

// maxCellUnits is Excel's limit on the text of one cell, in UTF-16 code units.
const maxCellUnits = 32767

// cutNote ends a text cut to fit Excel's limit.
const cutNote = "……（超出 Excel 单元格的字数上限，以下从略，全文见 PDF）"

// placeholder replaces characters a spreadsheet cannot hold (control characters), as the PDF's □.
const placeholder = '□'

// builder turns the forms of a document into sheet specs. form, section and row say where the
// texts being added come from, so that a warning names them.
type builder struct {
	doc      *forms.Document
	ev       *forms.Evaluation
	form     string
	section  string
	row      string
	warnings []forms.Problem
	// firstScore and lastScore are the keys of the first and last 得分 cells of the indicator
	// table built last, for the sums of C and of the unit's total.
	firstScore, lastScore string
}

func (b *builder) fixed2() bool { return b.doc.Settings.Fixed2() }

// label is a fixed template text, centred.
func label(text string) cell { return cell{text: text} }

// leftLabel is a fixed template text, left-aligned (the names of the budget rows).
func leftLabel(text string) cell { return cell{text: text, role: roleLeft} }

// stacked is a narrow label cell stacking n characters per line over rowSpan rows.
func stacked(text string, n, rowSpan int) cell {
	return cell{text: text, stack: n, rowSpan: rowSpan}
}

// span sets the column and row span of c.
func span(c cell, cols, rows int) cell {
	c.colSpan, c.rowSpan = cols, rows
	return c
}

// keyed names c so that formulas can refer to it.
func keyed(c cell, key string) cell {
	c.key = key
	return c
}

// left is a user text of field, left-aligned; centred a short user value, centred.
func (b *builder) left(text, field string) cell {
	return cell{text: b.clean(text, field), role: roleLeft}
}

func (b *builder) centred(text, field string) cell {
	return cell{text: b.clean(text, field), role: roleCentre}
}

// number is a number the user typed, shown with format numFmt.
func number(v decimal.Decimal, numFmt string) cell {
	return cell{kind: kindNumber, num: v, numFmt: numFmt, role: roleCentre}
}

// formula is a computed figure: the formula that computes it in the spreadsheet and the value
// forms computed, stored with it so that a reader that does not recalculate shows it too.
func formula(f string, v decimal.Decimal, numFmt string) cell {
	return cell{kind: kindFormula, formula: f, num: v, numFmt: numFmt, role: roleCentre}
}

// clean makes a user text storable: tabs become spaces, control characters the placeholder,
// and a text longer than a cell may hold is cut with a note. Each change is reported once.
func (b *builder) clean(text, field string) string {
	if text == "" {
		return ""
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	bad := 0
	text = strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case r == '\n':
			return r
		case unicode.IsControl(r) || r == 0xFFFE || r == 0xFFFF || unicode.Is(unicode.Cs, r):
			bad++
			return placeholder
		}
		return r
	}, strings.ToValidUTF8(text, string(placeholder)))
	if bad > 0 {
		b.warn(field, fmt.Sprintf("有 %d 个控制字符无法写入 Excel，已写成“%c”：请删除这些字符。", bad, placeholder))
	}
	if units := len(utf16.Encode([]rune(text))); units > maxCellUnits {
		text = cutUnits(text, maxCellUnits-len(utf16.Encode([]rune(cutNote)))) + cutNote
		b.warn(field, fmt.Sprintf("文字有 %d 个字符，超过 Excel 单元格的上限 %d，Excel 中只写入了前面部分：全文见 PDF，或请精简这段文字。", units, maxCellUnits))
	}
	return text
}

// cutUnits returns the longest prefix of s of at most n UTF-16 code units.
func cutUnits(s string, n int) string {
	units := 0
	for i, r := range s {
		units += utf16.RuneLen(r)
		if units > n {
			return s[:i]
		}
	}
	return s
}

func (b *builder) warn(field, msg string) {
	b.warnings = append(b.warnings, forms.Problem{
		Level: forms.LevelWarning, Form: b.form, Section: b.section, Row: b.row, Field: field, Message: msg,
	})
}

// places is the number of decimals of a printed number ("97" 0, "9.5" 1).
func places(s string) int {
	s = strings.TrimSuffix(s, "%")
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

// fixedFmt is a number format with n decimals and no thousands separators, as the PDF prints.
func fixedFmt(n int, percent bool) string {
	f := "0"
	if n > 0 {
		f += "." + strings.Repeat("0", n)
	}
	if percent {
		f += "%"
	}
	return f
}

// amountFmt shows an amount as the PDF does: as typed (its own decimals) or with two decimals.
func (b *builder) amountFmt(v decimal.Decimal) string {
	if b.fixed2() {
		return fixedFmt(2, false)
	}
	return fixedFmt(int(max(0, -v.Exponent())), false)
}

// scoreFmt shows a score as forms.FormatScore prints it: rounded to two decimals, no trailing zeros.
func scoreFmt(v decimal.Decimal) string { return fixedFmt(places(forms.FormatScore(v)), false) }

// percentFmt shows a ratio as forms.FormatPercent prints it ("100%", "99.5%").
func percentFmt(ratio decimal.Decimal) string {
	return fixedFmt(places(forms.FormatPercent(ratio)), true)
}

// ref is the placeholder of a key in a formula.
func ref(key string) string { return "{" + key + "}" }

// amountKey names the amount cell of column c of a row of a table ("budget", "funds", "task").
func amountKey(table, id string, c forms.AmountColumn) string {
	return fmt.Sprintf("%s/%s/%d", table, id, c)
}

// amountCell is one amount cell of a row: the typed number, the typed text when it is not a
// number, the subtotal as a SUM over sum (its parts) when forms computed it, or blank.
func (b *builder) amountCell(res *forms.AmountResult, c forms.AmountColumn, typed forms.Amounts, key, sum, field string) cell {
	v := res.Cells[c]
	var out cell
	switch {
	case v.Typed && v.Valid:
		out = number(v.Value, b.amountFmt(v.Value))
	case v.Typed:
		out = b.centred(forms.DisplayAmount(typed.Get(c), b.fixed2()), field)
	case v.Computed && sum != "":
		out = formula("SUM("+sum+")", v.Value, b.amountFmt(v.Value))
	case v.Valid:
		out = number(v.Value, b.amountFmt(v.Value))
	default:
		out = cell{role: roleCentre}
	}
	return keyed(out, key)
}

// amountFields are the printed names of the three amount columns.
var amountFields = [3]string{"年初预算数", "全年预算数", "全年执行数"}

// amountCells are the three amount cells of a row of table with id; sums gives, per column,
// the SUM arguments of a subtotal ("" for a row that is not one).
func (b *builder) amountCells(table, id string, res *forms.AmountResult, typed forms.Amounts, sums func(forms.AmountColumn) string) []cell {
	out := make([]cell, 0, 3)
	for i, c := range forms.AmountColumns {
		sum := ""
		if sums != nil {
			sum = sums(c)
		}
		out = append(out, b.amountCell(res, c, typed, amountKey(table, id, c), sum, amountFields[i]))
	}
	return out
}

// rateCell is 执行率 = 全年执行数 / 全年预算数 of a row, as a formula, or blank.
func rateCell(table, id string, res *forms.AmountResult) cell {
	if !res.HasRate {
		return cell{role: roleCentre}
	}
	f := ref(amountKey(table, id, forms.ColActual)) + "/" + ref(amountKey(table, id, forms.ColFull))
	return formula(f, res.Rate, percentFmt(res.Rate))
}

// partsSum is the SUM arguments of a subtotal of a fixed table: its parts' cells in column c.
func partsSum(table string, def forms.RowDef) func(forms.AmountColumn) string {
	if !def.IsSubtotal() {
		return nil
	}
	return func(c forms.AmountColumn) string {
		refs := make([]string, len(def.Parts))
		for i, p := range def.Parts {
			refs[i] = ref(amountKey(table, p, c))
		}
		return strings.Join(refs, ",")
	}
}
