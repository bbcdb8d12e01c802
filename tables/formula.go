package tables

import (
	"fmt"
	"strconv"
	"strings"

	"ziping/forms"
)

// Formula is a spreadsheet formula (SUM, MIN, MAX, IF and arithmetic, which Excel, WPS and
// LibreOffice all read) whose references to other cells of its table are their keys in braces:
// "SUM({budget/I1/1},{budget/I2/1})", "{C}+{D}", a range "SUM({a}:{b})". An output that places
// the cells turns each key into the place it gave that cell (Resolve).
type Formula string

// Ref is the reference to the cell keyed key in a formula.
func Ref(key string) string { return "{" + key + "}" }

// Resolve returns f with each {key} replaced by place(key), the reference an output gave the
// cell (for a spreadsheet, "C12"). A key no cell has, or an unpaired brace, is an error: the
// formula would be written wrong.
func (f Formula) Resolve(place func(key string) (string, bool)) (string, error) {
	s := string(f)
	var b strings.Builder
	for {
		open := strings.IndexAny(s, "{}")
		if open < 0 {
			b.WriteString(s)
			return b.String(), nil
		}
		end := strings.IndexAny(s[open+1:], "{}")
		if s[open] == '}' || end < 0 || s[open+1+end] == '{' {
			return "", fmt.Errorf("公式“%s”中有无法解析的引用", f)
		}
		key := s[open+1 : open+1+end]
		r, ok := place(key)
		if !ok || key == "" {
			return "", fmt.Errorf("公式“%s”引用了不存在的单元格“%s”", f, key)
		}
		b.WriteString(s[:open])
		b.WriteString(r)
		s = s[open+1+end+1:]
	}
}

// Keys of the cells formulas refer to, besides those the Key functions make.
const (
	KeyTotal   = "total"        // 总评价得分 of the unit form, C+D of a project
	KeyC       = "C"            // a project's C
	KeyD       = "D"            // a project's D in its totals
	KeyFundsD  = "funds/D"      // D in the 项目预算资金 band
	KeyDWeight = "funds/weight" // the 分值 of D
	KeyStaff   = "staff"        // 财政供养人员数量
	KeyWeights = "weights"      // Σ分值 of a national project form, D's included
)

// The tables of amount rows, for AmountKey.
const (
	TableBudget = "budget" // 年度部门（单位）整体收支情况
	TableFunds  = "funds"  // 项目预算资金
	TableTasks  = "task"   // 年度主要任务, rows by index, then "total"
)

// AmountKey is the key of the amount cell of column c of the row id of table.
func AmountKey(table, id string, c forms.AmountColumn) string {
	return table + "/" + id + "/" + strconv.Itoa(int(c))
}

// The columns of an indicator row that formulas refer to, for IndicatorKey.
const (
	ColTarget     = "target"
	ColActual     = "actual"
	ColCompletion = "completion"
	ColWeight     = "weight"
	ColScore      = "score"
)

// IndicatorKey is the key of column col of the indicator row at p (得分 also on the blank row
// of an empty 二级).
func IndicatorKey(col string, p forms.RowPath) string {
	return col + "/" + strconv.Itoa(p.L1) + "/" + strconv.Itoa(p.L2) + "/" + strconv.Itoa(p.Row)
}
