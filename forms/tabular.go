package forms

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
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

// ColumnLabels are the Chinese names of the columns, as the template's header row prints them.
var ColumnLabels = map[Column]string{
	ColumnLevel1: "一级指标", ColumnLevel2: "二级指标", ColumnContent: "三级指标", ColumnOp: "运算符号", ColumnUnit: "度量单位",
	ColumnTarget: "年度指标值", ColumnActual: "全年完成值", ColumnCompletion: "完成程度", ColumnWeight: "分值", ColumnScore: "得分",
	ColumnFunding: "经费保障", ColumnSystem: "制度保障", ColumnStaff: "人员保障", ColumnHardware: "硬件条件保障", ColumnOther: "其他",
	ColumnReason: "原因说明", ColumnMeasures: "改进措施",
}

// HeaderNames are the header texts each column is recognised by (spaces, line breaks and
// "（…）" notes ignored): the printed table's own headers and those of provincial systems'
// sheets. The longest match wins, so "三级指标名称" is the content, not a 一级.
var HeaderNames = map[Column][]string{
	ColumnLevel1:     {"一级指标", "一级"},
	ColumnLevel2:     {"二级指标", "二级"},
	ColumnContent:    {"三级指标", "三级", "指标名称", "内容", "指标内容", "三级指标名称"},
	ColumnOp:         {"运算符号", "运算符", "比较符号", "符号"},
	ColumnUnit:       {"度量单位", "计量单位", "单位"},
	ColumnTarget:     {"年度指标值", "年度目标值", "目标值", "指标值", "预期目标值", "年度目标"},
	ColumnActual:     {"全年完成值", "实际完成值", "完成值", "实际值", "全年实际完成值", "实际完成"},
	ColumnCompletion: {"完成程度", "完成率", "完成比例"},
	ColumnWeight:     {"分值", "权重", "权重（分值）", "指标分值", "标准分值"},
	ColumnScore:      {"得分", "自评得分", "评分"},
	ColumnFunding:    {"经费保障"},
	ColumnSystem:     {"制度保障"},
	ColumnStaff:      {"人员保障"},
	ColumnHardware:   {"硬件条件保障", "硬件保障"},
	ColumnOther:      {"其他"},
	ColumnReason:     {"原因说明", "偏差原因", "偏差原因分析", "未完成原因", "原因分析", "未完成原因分析", "偏差原因分析及改进措施"},
	ColumnMeasures:   {"改进措施", "整改措施"},
}

// PrintedColumns are the columns of a pasted block without a header row: the printed table's
// columns after 指标 N, in order.
var PrintedColumns = []Column{ColumnOp, ColumnContent, ColumnUnit, ColumnTarget, ColumnActual, ColumnCompletion, ColumnWeight, ColumnScore,
	ColumnFunding, ColumnSystem, ColumnStaff, ColumnHardware, ColumnOther, ColumnReason, ColumnMeasures}

// headerKey is a header text as compared: no spaces, line breaks or bracketed notes.
func headerKey(s string) string {
	s = compact(s)
	for _, br := range [][2]string{{"（", "）"}, {"(", ")"}} {
		for {
			i := strings.Index(s, br[0])
			j := strings.Index(s, br[1])
			if i < 0 || j < i {
				break
			}
			s = s[:i] + s[j+len(br[1]):]
		}
	}
	return s
}

// columnOf recognises one header cell.
func columnOf(cell string) Column {
	key := headerKey(cell)
	if key == "" {
		return ColumnNone
	}
	best, bestLen := ColumnNone, 0
	for col, names := range HeaderNames {
		for _, n := range names {
			if key == headerKey(n) && len(n) > bestLen {
				best, bestLen = col, len(n)
			}
		}
	}
	return best
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
	In             Indicator
	Line           int
}

// TableReading is what ReadIndicatorTable made of a table.
type TableReading struct {
	Rows    []TableRow
	Columns []Column // the column of each table column, ColumnNone where ignored
	Header  bool     // the first row was a header
	Ignored []string // what was left out, and why, in Chinese
}

// ReadIndicatorTable reads rows of cells (from ParseTSV, or a worksheet) as 三级 rows: by the
// header row's names when the first row is a header, else in PrintedColumns order. Cell texts
// are kept as typed (CR/LF inside one-line fields become a space); nothing is computed here.
// where names the table in messages ("粘贴的内容", "工作表“项目1”").
func ReadIndicatorTable(rows [][]string, where string) (*TableReading, error) {
	out := &TableReading{}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s是空的", where)
	}
	start := 0
	if cols, ok := MapHeader(rows[0]); ok {
		head := rows[0]
		out.Columns, out.Header, start = cols, true, 1
		if len(rows) > 1 {
			if two := mergeHeaders(rows[0], rows[1]); isSecondHeader(rows[1]) {
				head = two
				out.Columns, _ = MapHeader(two)
				start = 2
			}
		}
		for i, c := range out.Columns {
			if name := strings.TrimSpace(strings.ReplaceAll(head[i], "\n", "")); c == ColumnNone && name != "" {
				out.Ignored = append(out.Ignored, fmt.Sprintf("第 %d 列“%s”：列名不认识或重复，未导入", i+1, name))
			}
		}
	} else {
		width := 0
		for _, r := range rows {
			width = max(width, len(r))
		}
		out.Columns = make([]Column, width)
		copy(out.Columns, PrintedColumns)
		for i := len(PrintedColumns); i < width; i++ {
			out.Ignored = append(out.Ignored, fmt.Sprintf("第 %d 列：超出表格的列数，未导入", i+1))
		}
	}
	var last TableRow
	for i := start; i < len(rows); i++ {
		tr, blank, err := readTableRow(rows[i], out.Columns, i+1, where)
		if err != nil {
			return nil, err
		}
		if blank {
			continue
		}
		// Merged 一级/二级 cells come out blank below their first row: they repeat it.
		if slices.Contains(out.Columns, ColumnLevel1) && tr.Level1 == "" {
			tr.Level1 = last.Level1
		}
		if slices.Contains(out.Columns, ColumnLevel2) && tr.Level2 == "" && tr.Level1 == last.Level1 {
			tr.Level2 = last.Level2
		}
		last = tr
		out.Rows = append(out.Rows, tr)
	}
	if len(out.Rows) == 0 {
		return nil, fmt.Errorf("%s中没有可以导入的指标行", where)
	}
	return out, nil
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

// indicatorLabelRE matches the "指标 1" cells of the printed table's first 三级 column.
var indicatorLabelRE = regexp.MustCompile(`^指标\s*\d+$`)

// readTableRow reads one row; blank reports a row with nothing in it.
func readTableRow(cells []string, cols []Column, line int, where string) (tr TableRow, blank bool, err error) {
	tr.Line = line
	blank = true
	for j, text := range cells {
		if j >= len(cols) || cols[j] == ColumnNone {
			continue
		}
		if cols[j] == ColumnContent && indicatorLabelRE.MatchString(strings.TrimSpace(text)) {
			continue // "指标 1" is the row's label in the printed table, not its content
		}
		if utf8.RuneCountInString(text) > MaxFieldRunes {
			return tr, false, fmt.Errorf("%s第 %d 行“%s”列有 %d 个字，%w（%d 个字）", where, line, ColumnLabels[cols[j]],
				utf8.RuneCountInString(text), ErrLimit, MaxFieldRunes)
		}
		if strings.TrimSpace(text) != "" {
			blank = false
		}
		if err := setColumn(&tr, cols[j], text); err != nil {
			return tr, false, fmt.Errorf("%s第 %d 行“%s”列：%v", where, line, ColumnLabels[cols[j]], err)
		}
	}
	return tr, blank, nil
}

// oneLine turns the line breaks of a one-line field into spaces, as the editor does.
var oneLine = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ")

// multiLines keeps the line breaks of a multi-line field, as LF.
var multiLines = strings.NewReplacer("\r\n", "\n", "\r", "\n")

func setColumn(tr *TableRow, col Column, text string) error {
	in := &tr.In
	line := strings.TrimSpace(oneLine.Replace(text))
	switch col {
	case ColumnLevel1:
		tr.Level1 = line
	case ColumnLevel2:
		tr.Level2 = line
	case ColumnContent:
		in.Content = line
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

// Place adds rows to t: each under the 一级 and 二级 it names (matched by name, ignoring
// spaces and a trailing "指标"), else under the 二级 at (l1, l2). It returns a note for each
// row placed elsewhere than it names, or refused (its 二级 full).
func (t Tree) Place(rows []TableRow, l1, l2 int) (notes []string) {
	for _, r := range rows {
		i, j, named := t.destination(r, l1, l2)
		if !named && (r.Level1 != "" || r.Level2 != "") {
			notes = append(notes, fmt.Sprintf("第 %d 行：找不到“%s › %s”，放在“%s”下", r.Line, r.Level1, r.Level2, t.blockName(l1, l2)))
		}
		in := t.AddRow(i, j)
		if in == nil {
			notes = append(notes, fmt.Sprintf("第 %d 行：“%s”已有 %d 行，未加入", r.Line, t.blockName(i, j), MaxRowsPerLevel2))
			continue
		}
		*in = r.In
	}
	return notes
}

// destination is the 二级 Place puts r under: the one it names (named), else (l1, l2).
func (t Tree) destination(r TableRow, l1, l2 int) (i, j int, named bool) {
	if i, j, named = t.find(r.Level1, r.Level2); named {
		return i, j, true
	}
	return l1, l2, false
}

func (t Tree) blockName(l1, l2 int) string {
	if b := t.Level2At(l1, l2); b != nil {
		return t[l1].Name + " › " + b.Name
	}
	return "（无）"
}

// find locates the 二级 named l2 (under the 一级 named l1, when given).
func (t Tree) find(l1, l2 string) (int, int, bool) {
	k1, k2 := levelKey(l1), levelKey(l2)
	if k2 == "" {
		return 0, 0, false
	}
	for i, a := range t {
		if k1 != "" && levelKey(a.Name) != k1 {
			continue
		}
		for j, b := range a.Children {
			if levelKey(b.Name) == k2 {
				return i, j, true
			}
		}
	}
	return 0, 0, false
}

func levelKey(s string) string {
	return strings.TrimSuffix(compact(s), "指标")
}

// ParseTSV reads the text a spreadsheet (Excel, WPS, LibreOffice) puts on the clipboard for a
// block of cells: cells separated by tabs, rows by CR LF or LF, a cell holding a line break, a
// tab or a quote written in quotes with "" for a quote. A last empty line is not a row; trailing
// empty cells are kept (a row's width says nothing).
func ParseTSV(text string) [][]string {
	var rows [][]string
	var row []string
	var cell strings.Builder
	quoted, atStart := false, true
	endCell := func() {
		row = append(row, cell.String())
		cell.Reset()
		atStart = true
	}
	endRow := func() {
		endCell()
		rows = append(rows, row)
		row = nil
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case quoted && c == '"' && i+1 < len(text) && text[i+1] == '"':
			cell.WriteByte('"')
			i++
		case quoted && c == '"':
			quoted = false
		case quoted:
			cell.WriteByte(c)
		case c == '"' && atStart && closesQuote(text[i+1:]):
			quoted, atStart = true, false
		case c == '\t':
			endCell()
		case c == '\r' && i+1 < len(text) && text[i+1] == '\n':
			endRow()
			i++
		case c == '\n' || c == '\r':
			endRow()
		default:
			cell.WriteByte(c)
			atStart = false
		}
	}
	if cell.Len() > 0 || len(row) > 0 || quoted {
		endRow()
	}
	return rows
}

// closesQuote tells whether rest (the text after a cell's opening quote) has the closing quote
// of a quoted cell: a quote not doubled, followed by a tab, a line break or the end. A cell that
// merely starts with a quote ("双随机" typed with quotes) is then text, not a quoted cell.
func closesQuote(rest string) bool {
	for i := 0; i < len(rest); i++ {
		if rest[i] != '"' {
			continue
		}
		if i+1 < len(rest) && rest[i+1] == '"' {
			i++
			continue
		}
		return i+1 == len(rest) || rest[i+1] == '\t' || rest[i+1] == '\r' || rest[i+1] == '\n'
	}
	return false
}
