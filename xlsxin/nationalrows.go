package xlsxin

import (
	"fmt"
	"regexp"
	"strings"

	"ziping/forms"
)

// The columns of the national indicator table, by the keys of their headings.
const (
	ncL1 = iota
	ncL2
	ncContent
	ncTarget
	ncActual
	ncWeight
	ncScore
	ncDeviation
	ncCount
)

var nationalHeadings = map[string]int{
	"一级指标": ncL1, "二级指标": ncL2, "三级指标": ncContent,
	"年度指标值": ncTarget, "指标值": ncTarget, "年度目标值": ncTarget,
	"实际完成值": ncActual, "全年实际完成值": ncActual, "完成值": ncActual,
	"分值": ncWeight, "得分": ncScore,
	"偏差原因分析及改进措施": ncDeviation, "偏差原因分析": ncDeviation,
}

// numberPrefixRE is the "指标 1：" the national form may print before a 三级 name.
var numberPrefixRE = regexp.MustCompile(`^指标\s*\d+\s*[：:]`)

// indicators reads the table whose heading row is head, row by row up to its 总分 row (or the
// first row of 评价结论, 存在问题 or the footer); it returns the row after the table.
func (n *nationalReader) indicators(head int) (int, error) {
	s := n.o.s
	if head < 0 {
		return 0, errAt(s.name, -1, -1, "找不到指标表的表头（三级指标）：请按全国通用表式整理后再导入。", nil)
	}
	cols := headingColumns(s, head)
	if cols[ncL1] < 0 || cols[ncL2] < 0 {
		return 0, errAt(s.name, head, -1, "找不到“一级指标”“二级指标”的表头：请按全国通用表式整理后再导入。", nil)
	}
	t := &nationalTree{n: n, cols: cols, tree: forms.Tree{}, shadowRows: n.shadowRows()}
	r := head + 1
	for ; r < len(s.grid) && !n.tableEnds(r, cols[ncContent]); r++ {
		if err := t.row(r); err != nil {
			return 0, err
		}
	}
	if n.sh < 0 && r < len(s.grid) {
		n.noteTotal(r)
	}
	if len(t.tree) == 0 { // no row: the skeleton without the new form's starting rows
		t.tree = n.p.Indicators
		for _, l1 := range t.tree {
			for _, l2 := range l1.Children {
				l2.Rows = []*forms.Indicator{}
			}
		}
	}
	n.p.Indicators = t.tree
	return r, nil
}

// headingColumns finds the column of each heading of nationalHeadings in row head of s, the
// first where one is written twice; -1 where none.
func headingColumns(s *sheet, head int) [ncCount]int {
	var cols [ncCount]int
	for i := range cols {
		cols[i] = -1
	}
	for _, x := range s.own(head) {
		if c, ok := nationalHeadings[key(x.text)]; ok && cols[c] < 0 {
			cols[c] = x.col
		}
	}
	return cols
}

// tableEnds reports whether row r ends the indicator table: its first filled cell is a total
// (总分, 合计 …), 评价结论, 存在问题 or the footer, or spans the 三级 column (a label across
// the table).
func (n *nationalReader) tableEnds(r, content int) bool {
	for _, x := range n.o.s.own(r) {
		if x.blank() {
			continue
		}
		k := key(x.text)
		return totalRowRE.MatchString(k) || k == "评价结论" || k == "存在问题" ||
			strings.HasPrefix(k, "填表人") || content >= 0 && x.col < content && x.lastCol >= content
	}
	return false
}

// noteTotal says, for a table not written by this program, that its row r of totals was not
// read as an indicator, in the words plain.go uses for any sheet.
func (n *nationalReader) noteTotal(r int) {
	for _, x := range n.o.s.own(r) {
		if x.blank() {
			continue
		}
		if k := key(x.text); totalRowRE.MatchString(k) {
			n.o.imp.note(place(n.o.s.name, r, -1) + fmt.Sprintf("：“%s”是合计行，未导入。", strings.TrimSpace(unstack(x.text))))
		}
		return
	}
}

// shadowRows are the 三级 rows of the shadow's project of this sheet, in order, or nil.
func (n *nationalReader) shadowRows() []*forms.Indicator {
	if n.sh < 0 {
		return nil
	}
	var out []*forms.Indicator
	n.o.imp.shadow.doc.Projects[n.sh].Indicators.Each(func(_ forms.RowPath, _ *forms.Level1, _ *forms.Level2, in *forms.Indicator) {
		out = append(out, in)
	})
	return out
}

// nationalTree builds the tree of a national table row by row.
type nationalTree struct {
	n          *nationalReader
	cols       [ncCount]int
	tree       forms.Tree
	l1         *forms.Level1
	l2         *forms.Level2
	shadowRows []*forms.Indicator
	used       map[int]bool
}

// row reads row r: a 一级 or 二级 label starting in it opens a new one (a blank label cell of a
// table without merged cells continues the one above), then the 三级 row, unless blank (the
// row printed for an empty 二级).
func (t *nationalTree) row(r int) error {
	s := t.n.o.s
	if err := t.labels(r); err != nil {
		return err
	}
	var c [ncCount]*cell
	blank := true
	for i := ncContent; i < ncCount; i++ {
		if t.cols[i] >= 0 {
			if x := s.at(r, t.cols[i]); x != nil && x.row == r {
				c[i] = x
				blank = blank && (x.blank() || x.formula)
			}
		}
	}
	if blank {
		return nil
	}
	if t.l2 == nil {
		return errAt(s.name, r, -1, "这一行前面没有一级指标或二级指标：请填写后再导入。", nil)
	}
	in, typedScore, err := t.indicator(c)
	if err != nil || in == nil {
		return err
	}
	if len(t.l2.Rows) == forms.MaxRowsPerLevel2 {
		return errAt(s.name, r, -1, fmt.Sprintf("“%s › %s”下的三级指标%v（%d 行）。", t.l1.Name, t.l2.Name, forms.ErrLimit, forms.MaxRowsPerLevel2), forms.ErrLimit)
	}
	t.l2.Rows = append(t.l2.Rows, in)
	if typedScore {
		t.n.o.imp.manual = append(t.n.o.imp.manual, in)
	}
	return nil
}

// labels reads the 一级 and 二级 label cells that start in row r. In a table not written by
// this program, a 一级 label that is blank before its first 二级, or names no 一级 of the form
// ("效益" for 效益指标), is the 一级 of the form whose 二级 the row names, as a pasted table's
// (forms.Tree.Level1For), with a note.
func (t *nationalTree) labels(r int) error {
	s := t.n.o.s
	l2, second, err := t.level2Label(r)
	if err != nil {
		return err
	}
	if x := s.at(r, t.cols[ncL1]); x != nil && x.row == r && !x.blank() {
		name, err := t.name(x)
		if err != nil {
			return err
		}
		if x.col <= t.cols[ncL2] && x.lastCol >= t.cols[ncL2] {
			t.open1(name, r, "")
			t.l1.Merged = true
			return t.add(x, name)
		}
		t.open1(name, r, second)
	}
	if l2 != nil {
		if t.l1 == nil && !t.open1("", r, second) {
			return errAt(s.name, r, l2.col, "二级指标前面没有一级指标：请填写一级指标后再导入。", nil)
		}
		return t.add(l2, second)
	}
	return nil
}

// level2Label is the 二级 label cell that starts in row r, and its name; nil when none.
func (t *nationalTree) level2Label(r int) (*cell, string, error) {
	l2 := t.n.o.s.at(r, t.cols[ncL2])
	if l2 == nil || l2.row != r || l2.col != t.cols[ncL2] || l2.blank() {
		return nil, "", nil
	}
	second, err := t.name(l2)
	return l2, second, err
}

// open1 makes the 一级 labelled name (read in row r, whose 二级 label is second) the one the
// next rows go under, and reports whether there is one. Without the workbook's shadow (a
// published table), a blank or unknown name is replaced by the form's 一级 of second
// (forms.Tree.Level1For), with a note, and a 一级 met again gathers its rows under the first
// one so named; with it, the sheet's 一级 are as the document had them, alike names included.
func (t *nationalTree) open1(name string, r int, second string) bool {
	if t.n.sh < 0 && second != "" {
		if real, ok := t.n.p.Indicators.Level1For(name, second); ok {
			said := "没有一级指标"
			if name != "" {
				said = "一级指标写作“" + name + "”"
			}
			t.n.o.imp.note(place(t.n.o.s.name, r, -1) + "：二级指标“" + second + "”" + said + "，按表式放在“" + real + "”下。")
			name = real
		}
	}
	if name == "" {
		return false
	}
	t.l2 = nil
	for _, a := range t.tree {
		if t.n.sh < 0 && a.Name == name {
			t.l1 = a
			return true
		}
	}
	t.l1 = &forms.Level1{Name: name, Children: []*forms.Level2{}}
	t.tree = append(t.tree, t.l1)
	return true
}

// name is the name of a 一级 or 二级 label: lines joined; a weight note after it is dropped
// unless the workbook's shadow says it was typed so.
func (t *nationalTree) name(x *cell) (string, error) {
	v, err := t.n.o.text(x)
	if err != nil {
		return "", err
	}
	v = strings.TrimSpace(unstack(v))
	if t.n.sh < 0 {
		v, _ = forms.SplitWeightNote(v) // as a pasted table's labels (forms/published.go)
	}
	return v, nil
}

func (t *nationalTree) add(x *cell, name string) error {
	if len(t.l1.Children) == forms.MaxLevel2PerLevel {
		return errAt(t.n.o.s.name, x.row, x.col, fmt.Sprintf("“%s”下的二级指标%v（%d 个）。", t.l1.Name, forms.ErrLimit, forms.MaxLevel2PerLevel), forms.ErrLimit)
	}
	t.l2 = &forms.Level2{Name: name, Rows: []*forms.Indicator{}}
	t.l1.Children = append(t.l1.Children, t.l2)
	return nil
}
