package forms

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Column is a field of a 三级 row that a table pasted from a spreadsheet or imported from a
// workbook can fill. The paste dialog, `ziping import` and the template all read columns
// through HeaderNames and PrintedColumns, so they agree on what a column means.
type Column string

// The columns of an indicator table.
const (
	ColumnNone       Column = ""
	ColumnLevel1     Column = "level1"  // 一级指标
	ColumnLevel2     Column = "level2"  // 二级指标
	ColumnContent    Column = "content" // 三级指标 / 内容
	ColumnOp         Column = "op"      // 运算符号
	ColumnUnit       Column = "unit"    // 度量单位
	ColumnTarget     Column = "target"  // 年度指标值
	ColumnActual     Column = "actual"  // 全年完成值
	ColumnCompletion Column = "completion"
	ColumnWeight     Column = "weight" // 分值
	ColumnScore      Column = "score"  // 得分
	ColumnFunding    Column = "funding"
	ColumnSystem     Column = "system"
	ColumnStaff      Column = "staff"
	ColumnHardware   Column = "hardware"
	ColumnOther      Column = "other"
	ColumnReason     Column = "reason"   // 原因说明
	ColumnMeasures   Column = "measures" // 改进措施
)

// Label is the Chinese name of the column, as the template's header row prints it.
func (c Column) Label() string { return columnLabels[c] }

// columnLabels are the Chinese names of the columns (Column.Label).
var columnLabels = map[Column]string{
	ColumnLevel1: "一级指标", ColumnLevel2: "二级指标", ColumnContent: "三级指标", ColumnOp: "运算符号", ColumnUnit: "度量单位",
	ColumnTarget: "年度指标值", ColumnActual: "全年完成值", ColumnCompletion: "完成程度", ColumnWeight: "分值", ColumnScore: "得分",
	ColumnFunding: "经费保障", ColumnSystem: "制度保障", ColumnStaff: "人员保障", ColumnHardware: "硬件条件保障", ColumnOther: "其他",
	ColumnReason: "原因说明", ColumnMeasures: "改进措施",
}

// headerNames are the header texts each column is recognised by (spaces, line breaks and
// "（…）" notes ignored): the printed table's own headers and those of provincial systems'
// sheets. The longest match wins, so "三级指标名称" is the content, not a 一级.
var headerNames = map[Column][]string{
	ColumnLevel1:     {"一级指标", "一级"},
	ColumnLevel2:     {"二级指标", "二级"},
	ColumnContent:    {"三级指标", "三级", "指标名称", "内容", "指标内容", "三级指标名称", "三级指标内容"},
	ColumnOp:         {"运算符号", "运算符", "比较符号", "符号"},
	ColumnUnit:       {"度量单位", "计量单位", "单位"},
	ColumnTarget:     {"年度指标值", "年度目标值", "目标值", "指标值", "预期目标值", "年度目标", "全年指标值", "预期指标值"},
	ColumnActual:     {"全年完成值", "实际完成值", "完成值", "实际值", "全年实际完成值", "实际完成"},
	ColumnCompletion: {"完成程度", "完成率", "完成比例"},
	ColumnWeight:     {"分值", "权重", "权重（分值）", "指标分值", "标准分值", "指标权重", "权重分值"},
	ColumnScore:      {"得分", "自评得分", "评分", "实际得分", "自评分", "评价得分"},
	ColumnFunding:    {"经费保障"},
	ColumnSystem:     {"制度保障"},
	ColumnStaff:      {"人员保障"},
	ColumnHardware:   {"硬件条件保障", "硬件保障"},
	ColumnOther:      {"其他"},
	ColumnReason:     {"原因说明", "偏差原因", "偏差原因分析", "未完成原因", "原因分析", "未完成原因分析", "偏差原因分析及改进措施", "偏差原因及改进措施"},
	ColumnMeasures:   {"改进措施", "整改措施"},
}

// PrintedColumns are the columns of a pasted block without a header row: the printed table's
// columns after 指标 N, in order; a new slice each time.
func PrintedColumns() []Column { return slices.Clone(printedColumns[:]) }

// printedColumns are PrintedColumns.
var printedColumns = [...]Column{ColumnOp, ColumnContent, ColumnUnit, ColumnTarget, ColumnActual, ColumnCompletion, ColumnWeight, ColumnScore,
	ColumnFunding, ColumnSystem, ColumnStaff, ColumnHardware, ColumnOther, ColumnReason, ColumnMeasures}

// headerKey is a header text as compared: no spaces, line breaks or bracketed notes.
func headerKey(s string) string {
	key, _ := CutBracketed(compact(s))
	return key
}

// columnOf recognises one header cell.
func columnOf(cell string) Column {
	return headerIndex()[headerKey(cell)].col
}

// headerIndex maps each header key to its column: the column of the longest name with that
// key (headerNames). Built once, as every row of a table is looked at as a possible repeated
// header (published.go).
var headerIndex = sync.OnceValue(func() map[string]headerName {
	index := map[string]headerName{}
	for col, names := range headerNames {
		for _, n := range names {
			if k := headerKey(n); k != "" && len(n) > index[k].len {
				index[k] = headerName{col, len(n)}
			}
		}
	}
	return index
})

// headerName is a column and the length of its longest name with a given key.
type headerName struct {
	col Column
	len int
}

// MapHeader reads a header row: the column of each cell (ColumnNone where not recognised or
// repeated). ok is false when fewer than two cells are recognised: the row is data, not a
// header. A "内容" column is the content even when "三级指标" heads another one (the printed
// table's 三级指标 spans 指标 N, 运算符号, 内容 and 度量单位).
func MapHeader(cells []string) (cols []Column, ok bool) {
	cols = make([]Column, len(cells))
	n := 0
	seen := map[Column]int{}
	for i, c := range cells {
		col := columnOf(c)
		if col == ColumnNone {
			continue
		}
		if j, dup := seen[col]; dup {
			if col == ColumnContent && isLevel3Heading(cells[j]) && !isLevel3Heading(c) {
				cols[j], cols[i], seen[col] = ColumnNone, col, i
			}
			continue
		}
		cols[i], seen[col] = col, i
		n++
	}
	return cols, n >= 2
}

func isLevel3Heading(s string) bool {
	k := headerKey(s)
	return k == "三级指标" || k == "三级"
}

// mergeHeaders joins a table's two header rows, as the printed table and its Excel export
// have (三级指标 over 运算符号 · 内容 · 度量单位, 未完成原因 over the five reasons): the lower
// cell where it has text, else the upper.
func mergeHeaders(upper, lower []string) []string {
	out := make([]string, max(len(upper), len(lower)))
	for i := range out {
		if i < len(lower) && strings.TrimSpace(lower[i]) != "" {
			out[i] = lower[i]
		} else if i < len(upper) {
			out[i] = upper[i]
		}
	}
	return out
}

// TableRow is one 三级 row read from a table, with the 一级/二级 it names (blank when the
// table has no such columns) and the table row it came from (1-based).
type TableRow struct {
	Level1, Level2 string
	// Level1Weight and Level2Weight are the weights printed after the labels ("产出指标(50分)"
	// is 产出指标 and "50"), "" when none: for a caller to compare with the rows' 分值.
	Level1Weight, Level2Weight string
	In                         Indicator
	Line                       int
}

// TableReading is what ReadIndicatorTable made of a table.
type TableReading struct {
	Rows    []TableRow
	Columns []Column // the column of each table column, ColumnNone where ignored
	Header  bool     // the table has a header row (the first, or one under the printed table's header block)
	// HeaderLine is the header row (1-based; the upper of two header rows), 0 when none.
	HeaderLine int
	HeaderRows int      // 2 for a two-row header (the printed table's: 三级指标 over 运算符号 · 内容 · 度量单位)
	Ignored    []string // what was left out, and why, in Chinese
}

// ReadIndicatorTable reads rows of cells (from ParseTSV, or a worksheet) as 三级 rows: by the
// header row's names when the table has one (its first row, or the first under a published
// table's header block, which is left out), else in PrintedColumns order. Cell texts are kept
// as typed (CR/LF inside one-line fields become a space), blank cells stay blank; a label's
// weight note and a 三级's "指标1：" label are kept out of the names; rows of totals, repeated
// headers and placeholder rows are not indicators (published.go). Nothing is computed here.
// where names the table in messages ("粘贴的内容", "工作表“项目1”").
func ReadIndicatorTable(rows [][]string, where string) (*TableReading, error) {
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s是空的", where)
	}
	if TableSize(rows) > MaxTableCells {
		return nil, tableTooLarge(where)
	}
	out := &TableReading{}
	start := out.readHeader(rows)
	levels := slices.Contains(out.Columns, ColumnLevel1) || slices.Contains(out.Columns, ColumnLevel2)
	var last TableRow
	for i := start; i < len(rows); i++ {
		if why := leftOut(rows[i], out.Columns, i+1); why != "" {
			out.Ignored = append(out.Ignored, why)
			continue
		}
		tr, labelled, err := readTableRow(rows[i], out.Columns, i+1, where)
		if err != nil {
			return nil, err
		}
		if levels {
			tr.continueLevels(last)
			if labelled || !tr.In.IsBlank() {
				last = tr
			}
		}
		switch {
		case tr.In.IsBlank(): // a row of labels alone, or the template's placeholder, is no indicator
		case notApplicable(&tr.In):
			out.Ignored = append(out.Ignored, fmt.Sprintf("第 %d 行只有“/”等不适用的标记，不是指标，未导入", i+1))
		default:
			out.Rows = append(out.Rows, tr)
		}
	}
	if len(out.Rows) == 0 {
		return nil, fmt.Errorf("%s中没有可以导入的指标行", where)
	}
	return out, nil
}

// readHeader sets the columns of the table and says where its rows start.
func (out *TableReading) readHeader(rows [][]string) (start int) {
	h := indicatorHeaderRow(rows)
	if h < 0 {
		width := 0
		for _, r := range rows {
			width = max(width, len(r))
		}
		out.Columns = make([]Column, width)
		copy(out.Columns, printedColumns[:])
		for i := len(printedColumns); i < width; i++ {
			out.Ignored = append(out.Ignored, fmt.Sprintf("第 %d 列：超出表格的列数，未导入", i+1))
		}
		return 0
	}
	if h > 0 {
		out.Ignored = append(out.Ignored, blockAbove(h))
	}
	head := rows[h]
	out.Columns, _ = MapHeader(head)
	out.Header, out.HeaderLine, out.HeaderRows = true, h+1, 1
	if h+1 < len(rows) && isSecondHeader(rows[h+1]) {
		head = mergeHeaders(rows[h], rows[h+1])
		out.Columns, _ = MapHeader(head)
		out.HeaderRows = 2
	}
	start = h + out.HeaderRows
	for i, c := range out.Columns {
		name := strings.TrimSpace(strings.ReplaceAll(head[i], "\n", ""))
		if c == ColumnNone && name != "" && !layoutHeaders[headerKey(name)] {
			out.Ignored = append(out.Ignored, fmt.Sprintf("第 %d 列“%s”：列名不认识或重复，未导入", i+1, name))
		}
	}
	return start
}

// continueLevels fills the 一级/二级 a row leaves blank from the row above: merged cells come
// out blank below their first row. A 二级 continues only under the same 一级; a label that is
// only a weight note ("（30分）") is not blank, and leaves the 二级 to place the row.
func (tr *TableRow) continueLevels(last TableRow) {
	if tr.Level1 == "" && tr.Level1Weight == "" {
		tr.Level1, tr.Level1Weight = last.Level1, last.Level1Weight
	}
	if tr.Level2 == "" && tr.Level2Weight == "" && tr.Level1 == last.Level1 {
		tr.Level2, tr.Level2Weight = last.Level2, last.Level2Weight
	}
}

// isSecondHeader tells whether a row under a header row is the second row of a two-row header:
// it names at least two columns and holds no figure.
func isSecondHeader(cells []string) bool {
	_, ok := MapHeader(cells)
	if !ok {
		return false
	}
	for _, c := range cells {
		if hasDigit(c) {
			return false
		}
	}
	return true
}

// readTableRow reads one row; labelled reports a 一级 or 二级 label in it.
func readTableRow(cells []string, cols []Column, line int, where string) (tr TableRow, labelled bool, err error) {
	tr.Line = line
	for j, text := range cells {
		if j >= len(cols) || cols[j] == ColumnNone {
			continue
		}
		if utf8.RuneCountInString(text) > MaxFieldRunes {
			return tr, false, fmt.Errorf("%s第 %d 行“%s”列有 %d 个字，%w（%d 个字）", where, line, cols[j].Label(),
				utf8.RuneCountInString(text), ErrLimit, MaxFieldRunes)
		}
		if err := setColumn(&tr, cols[j], text); err != nil {
			return tr, false, fmt.Errorf("%s第 %d 行“%s”列：%v", where, line, cols[j].Label(), err)
		}
	}
	labelled = tr.Level1 != "" || tr.Level1Weight != "" || tr.Level2 != "" || tr.Level2Weight != ""
	return tr, labelled, nil
}

// oneLine turns the line breaks of a one-line field into spaces, as the editor does.
var oneLine = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ")

// toOneLine is oneLine.Replace, without its cost for the cells (nearly all) that hold no line break.
func toOneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return oneLine.Replace(s)
}

// multiLines keeps the line breaks of a multi-line field, as LF.
var multiLines = strings.NewReplacer("\r\n", "\n", "\r", "\n")

func setColumn(tr *TableRow, col Column, text string) error {
	in := &tr.In
	line := strings.TrimSpace(toOneLine(text))
	switch col {
	case ColumnLevel1:
		tr.Level1, tr.Level1Weight = SplitWeightNote(line)
	case ColumnLevel2:
		tr.Level2, tr.Level2Weight = SplitWeightNote(line)
	case ColumnContent:
		in.Content = contentName(line)
	case ColumnOp:
		op, ok := readOp(line)
		if !ok {
			return fmt.Errorf("“%s”不是运算符号（＝ ≤ ≥ ＜ ＞）", line)
		}
		in.Op = op
	case ColumnUnit:
		in.Unit = line
	case ColumnTarget:
		in.Target = line
	case ColumnActual:
		in.Actual = line
	case ColumnCompletion:
		in.Completion = line
	case ColumnWeight:
		in.Weight = line
	case ColumnScore:
		in.Score = line
		in.Manual = line != "" // a score in the table is the user's, never replaced by a suggestion
	case ColumnFunding, ColumnSystem, ColumnStaff, ColumnHardware, ColumnOther:
		in.Reasons.SetTick(tickIndex(col), isTicked(line))
	case ColumnReason:
		in.Reason = strings.TrimSpace(multiLines.Replace(text))
	case ColumnMeasures:
		in.Measures = strings.TrimSpace(multiLines.Replace(text))
	}
	return nil
}

func tickIndex(col Column) int {
	switch col {
	case ColumnFunding:
		return 0
	case ColumnSystem:
		return 1
	case ColumnStaff:
		return 2
	case ColumnHardware:
		return 3
	}
	return 4
}

// isTicked reads a reason cell: "√", "✓", "✔", "是", "Y", "1", "x" tick it.
func isTicked(s string) bool {
	switch strings.ToLower(s) {
	case "√", "✓", "✔", "是", "y", "yes", "1", "x", "×", "true":
		return true
	}
	return false
}

// readOp reads a 运算符号 cell: the template's signs, their ASCII forms and the wordings.
func readOp(s string) (Op, bool) {
	if s == "" {
		return OpNone, true
	}
	t := compact(s)
	for _, w := range prefixWordings {
		if t == w.Text {
			return w.Op, true
		}
	}
	switch t {
	case "定性", "无", "-", "—", "——", "/":
		return OpNone, true
	}
	return OpNone, false
}
