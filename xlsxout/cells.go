package xlsxout

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"

	"ziping/forms"
	"ziping/tables"
)

// dash is the "——" the template prints in cells that have no value.
const dash = "——"

// maxCellUnits is Excel's limit on the text of one cell, in UTF-16 code units.
const maxCellUnits = 32767

// cutNote ends a text cut to fit Excel's limit.
const cutNote = "……（超出 Excel 单元格的字数上限，以下从略，全文见 PDF）"

// placeholder replaces characters a spreadsheet cannot hold (control characters), as the PDF's □.
const placeholder = '□'

// cleaner makes texts storable in a workbook and keeps a warning for each one it changed. form,
// section and row say where the texts being cleaned come from, so that a warning names them.
type cleaner struct {
	form, section, row string
	warnings           []forms.Problem
}

// clean makes a user text storable: tabs become spaces, control characters the placeholder,
// and a text longer than a cell may hold is cut with a note. Each change is reported once.
func (c *cleaner) clean(text, field string) string {
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
		c.warn(field, fmt.Sprintf("有 %d 个控制字符无法写入 Excel，已写成“%c”：请删除这些字符。", bad, placeholder))
	}
	if units := len(utf16.Encode([]rune(text))); units > maxCellUnits {
		text = cutUnits(text, maxCellUnits-len(utf16.Encode([]rune(cutNote)))) + cutNote
		c.warn(field, fmt.Sprintf("文字有 %d 个字符，超过 Excel 单元格的上限 %d，Excel 中只写入了前面部分：全文见 PDF，或请精简这段文字。", units, maxCellUnits))
	}
	return text
}

// cleanFrom cleans a text of the form coming from src.
func (c *cleaner) cleanFrom(text string, src *tables.Source) string {
	c.section, c.row = src.Section, src.Row
	return c.clean(text, src.Field)
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

func (c *cleaner) warn(field, msg string) {
	c.warnings = append(c.warnings, forms.Problem{
		Level: forms.LevelWarning, Form: c.form, Section: c.section, Row: c.row, Field: field, Message: msg,
	})
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

// numFmt is the number format that writes a number as f says.
func numFmt(f tables.Format) string {
	s := fixedFmt(f.Decimals, f.Percent)
	if f.Grouped {
		s = "#,##" + s
	}
	return s
}
