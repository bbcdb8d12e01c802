package forms

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// This file reads indicator tables as provinces publish them (the national 8-column layout of
// 财预〔2020〕10号 and its local variants): weight notes after the 一级/二级 labels, the header
// block above the indicator table, "指标1：" before each 三级, placeholder rows, 总分 and 合计
// rows, headers repeated on a continuation page. ReadIndicatorTable (tabular.go) calls it.

// The weight notes printed after a 一级 or 二级 label: in brackets ("产出指标(50分)",
// "效益指标（权重30%）", "产出指标（50）") or after it with 分 ("产出指标 50分").
var (
	weightNoteRE = regexp.MustCompile(`^(.*?)[\s:：]*[（(]\s*(?:分值|权重|满分)?\s*[:：]?\s*(\d+(?:\.\d+)?)\s*(?:分|%|％)?\s*[)）]$`)
	weightTailRE = regexp.MustCompile(`^(.*?)[\s:：]*(?:分值|权重|满分)?\s*[:：]?\s*(\d+(?:\.\d+)?)\s*分$`)
)

// SplitWeightNote splits a 一级 or 二级 label into its name and the weight noted after it, ""
// when there is none. A label that is only a note ("（30分）") has no name: the row's 二级 then
// says where it goes. The weight is returned, never checked: whether it agrees with the rows'
// 分值 is the checks' business.
func SplitWeightNote(label string) (name, weight string) {
	label = strings.TrimSpace(toOneLine(label))
	if !hasDigit(label) {
		return label, ""
	}
	for _, re := range []*regexp.Regexp{weightNoteRE, weightTailRE} {
		if m := re.FindStringSubmatch(label); m != nil {
			return strings.TrimSpace(m[1]), m[2]
		}
	}
	return label, ""
}

// indicatorPrefixRE matches the "指标1：" or "指标 1 " a printed 三级 cell starts with (some
// provinces print it before every 三级 name); the name follows it.
var indicatorPrefixRE = regexp.MustCompile(`^指标[\s\x{3000}]*\d+(?:[\s\x{3000}]*[：:、][\s\x{3000}]*|[\s\x{3000}]+)`)

// placeholderRE matches a 三级 cell that holds only the template's placeholder: "指标1", "指标2：",
// "……", "...".
var placeholderRE = regexp.MustCompile(`^(?:指标[\s\x{3000}]*\d+[\s\x{3000}]*[：:]?|[…\.。·]+|等)$`)

// contentName is the 三级 name of a content cell: without the "指标1：" label, "" for a placeholder.
func contentName(cell string) string {
	s := strings.TrimSpace(toOneLine(cell))
	if placeholderRE.MatchString(s) {
		return ""
	}
	if loc := indicatorPrefixRE.FindStringIndex(s); loc != nil && loc[1] < len(s) {
		return strings.TrimSpace(s[loc[1]:])
	}
	return s
}

// totalRE matches a cell (compacted) that labels a row of totals: "总分", "合计（分）", "小计",
// "绩效自评总得分" — the label alone or followed by a note, never a 三级 name that starts so.
var totalRE = regexp.MustCompile(`^(?:合计|小计|总计|总分|总分值|总得分|得分合计|分值合计|自评总得分|绩效自评总得分|评价总得分)(?:[^\p{Han}].*)?$`)

// totalLabel returns the label of a row of totals (the cell as typed), "" when the row is not
// one: a label column (一级, 二级, 三级, or one not read) holding a totals label.
func totalLabel(cells []string, cols []Column) string {
	for j, c := range cells {
		if j < len(cols) && !isLabelColumn(cols[j]) {
			continue
		}
		if (strings.Contains(c, "计") || strings.Contains(c, "分")) && totalRE.MatchString(compact(c)) {
			return strings.TrimSpace(c)
		}
	}
	return ""
}

func isLabelColumn(c Column) bool {
	return c == ColumnNone || c == ColumnLevel1 || c == ColumnLevel2 || c == ColumnContent
}

// repeatsHeader reports whether a row repeats the table's header (printed again at the top of
// a continuation page, or copied twice): at least two cells name the column they stand in, and
// no cell holds a figure. The 三级 cell, when the table has one, is looked at first: a row of
// data is then told by one look-up.
func repeatsHeader(cells []string, cols []Column) bool {
	if k := slices.Index(cols, ColumnContent); k >= 0 && (k >= len(cells) || columnOf(cells[k]) != ColumnContent) {
		return false
	}
	n := 0
	for j, c := range cells {
		if hasDigit(c) {
			return false
		}
		if j < len(cols) && cols[j] != ColumnNone && len(c) <= maxHeaderBytes && columnOf(c) == cols[j] {
			n++
		}
	}
	return n >= 2
}

// naMarks are what fillers write in a cell that does not apply.
var naMarks = map[string]bool{"/": true, "／": true, "-": true, "—": true, "——": true, "－": true, "无": true, "\\": true}

// notApplicable reports whether a row read holds nothing but such marks: a 二级 the project has
// no indicator for, as published tables print it ("/ / /" under 生态效益指标). It is no indicator,
// and its "/" would be read as a 分值 that is not a number.
func notApplicable(in *Indicator) bool {
	if in.Op != OpNone || in.Reasons.Any() || in.Grade != GradeNone {
		return false
	}
	marked := false
	for _, f := range []string{in.Content, in.Unit, in.Target, in.Actual, in.Completion, in.Weight, in.Score, in.Reason, in.Measures} {
		switch f = strings.TrimSpace(f); {
		case f == "":
		case naMarks[f]:
			marked = true
		default:
			return false
		}
	}
	return marked
}

// maxHeaderBytes is longer than any header cell with its note: a longer cell is text, not a
// header name, and is not compared.
const maxHeaderBytes = 160

// leftOut says why a row of the table is not an indicator ("" when it may be one), as a note.
func leftOut(cells []string, cols []Column, line int) string {
	if label := totalLabel(cells, cols); label != "" {
		return fmt.Sprintf("第 %d 行“%s”是合计行，未导入", line, label)
	}
	if repeatsHeader(cells, cols) {
		return fmt.Sprintf("第 %d 行：是重复的表头，未导入", line)
	}
	return ""
}

// headerSearchRows is how far down a table without a header in its first row the header of
// its indicator table is looked for: a published table's header block (项目名称 … 年度总体目标)
// is about a dozen rows.
const headerSearchRows = 40

// indicatorHeaderRow is the row of rows that heads an indicator table: the first row when it
// maps as a header (MapHeader) naming a 三级 column; else the first of the rows below it (up to
// headerSearchRows) that names a 三级 column and another and holds no figure (a copy of the
// whole printed table, its header block above, or from its 项目资金 header, which names 分值 and
// 得分); else the first row when it maps as a header without a 三级 column (a few columns
// copied). -1 when there is none: the rows are then in the printed table's column order.
func indicatorHeaderRow(rows [][]string) int {
	cols, first := MapHeader(rows[0])
	if first && slices.Contains(cols, ColumnContent) {
		return 0
	}
	for r := 1; r < len(rows) && r < headerSearchRows; r++ {
		cols, ok := MapHeader(rows[r])
		if ok && slices.Contains(cols, ColumnContent) && !hasDigit(strings.Join(rows[r], "")) {
			return r
		}
	}
	if first {
		return 0
	}
	return -1
}

// blockAbove is the note for the h rows above a table's header, which a copy of the whole
// printed table brings along.
func blockAbove(h int) string {
	lines := "第 1 行"
	if h > 1 {
		lines = fmt.Sprintf("第 1–%d 行", h)
	}
	return lines + "：在指标表的表头之上（项目名称、资金、目标等），不是指标行，未导入"
}

// layoutHeaders are header texts of the printed table that label its layout, not a column of
// data: the 绩效指标 cell spanning the indicator rows on the left. Their columns are left
// without a note.
var layoutHeaders = map[string]bool{"绩效指标": true, "绩效指标内容": true}

// noteGroup is the rows read under one label that carries a weight note.
type noteGroup struct {
	label, weight string
	sum           decimal.Decimal
	comparable    bool // every row has a 分值 that is a number
}

// WeightNotes says where a weight noted after a 一级 or 二级 label ("产出指标(50分)") differs
// from the 分值 of the rows read under that label, in the table's order: the table's own
// arithmetic, for the caller to show beside the rows read; whether the document's weights add
// up is the checks' business. A label with a row whose 分值 is blank or not a number is not
// compared.
func (r *TableReading) WeightNotes() []string {
	var order []string
	groups := map[string]*noteGroup{}
	add := func(key, label, weight string, in *Indicator) {
		if weight == "" {
			return
		}
		g := groups[key]
		if g == nil {
			g = &noteGroup{label: label, weight: weight, comparable: true}
			groups[key] = g
			order = append(order, key)
		}
		w, err := ParseScore(in.Weight)
		g.sum, g.comparable = g.sum.Add(w), g.comparable && err == nil
	}
	for i := range r.Rows {
		row := &r.Rows[i]
		add("1\x00"+row.Level1, row.Level1, row.Level1Weight, &row.In)
		add("2\x00"+row.Level1+"\x00"+row.Level2, row.Level2, row.Level2Weight, &row.In)
	}
	var notes []string
	for _, k := range order {
		g := groups[k]
		noted, err := decimal.NewFromString(g.weight)
		if err != nil || !g.comparable || noted.Equal(g.sum) {
			continue
		}
		notes = append(notes, fmt.Sprintf("“%s”注明 %s 分，表中其下各行的分值合计 %s 分", g.label, g.weight, g.sum.String()))
	}
	return notes
}
