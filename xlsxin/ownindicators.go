package xlsxin

import (
	"fmt"
	"strings"

	"ziping/forms"
)

// rowCells is the number of cells of a 三级 row after its 一级 and 二级 labels (xlsxout's
// indicatorCells): 指标 N, 运算符号, 内容, 度量单位, 指标值, 完成值, 完成程度, 分值, 得分, the five
// reasons, 原因说明 and 改进措施.
const rowCells = 16

// indicators reads the indicator table whose first header row is header, up to the row
// starting with end: each 三级 row under the 一级 and 二级 labels to its left (merged over the
// rows they span), the blank row printed for an empty 二级 left out.
func (o *ownSheet) indicators(header int, end string) (forms.Tree, error) {
	h, err := o.cells(header, 2, "一级指标")
	if err != nil {
		return nil, err
	}
	l1col, l2col := -1, -1
	for _, x := range h {
		switch strings.TrimSpace(unstack(x.text)) {
		case "一级指标":
			l1col = x.col
		case "二级指标":
			l2col = x.col
		}
	}
	if l1col < 0 || l2col < 0 {
		return nil, errAt(o.s.name, header, -1, "找不到“一级指标”“二级指标”的表头：表格的结构与导出时不同，请用本程序重新导出，或按导入模板整理后再导入。", nil)
	}
	o.r = header + 2
	stop, err := o.atWide(end, l2col+1) // the label of a total spans the 二级 column; a 一级 name does not
	if err != nil {
		return nil, err
	}
	t := &treeReader{o: o, l1col: l1col, l2col: l2col, tree: forms.Tree{}}
	for r := header + 2; r < stop; r++ {
		if err := t.row(r); err != nil {
			return nil, err
		}
	}
	for _, a := range t.tree {
		// A 一级 without 二级 prints one blank row under an unnamed 二级 (forms.PrintedRows).
		if !a.Merged && len(a.Children) == 1 && a.Children[0].Name == "" && len(a.Children[0].Rows) == 0 {
			a.Children = []*forms.Level2{}
		}
	}
	o.r = stop + 1
	return t.tree, nil
}

// treeReader builds a tree row by row; l1 and l2 are the 一级 and 二级 of the row being read.
type treeReader struct {
	o            *ownSheet
	l1col, l2col int
	tree         forms.Tree
	l1           *forms.Level1
	l2           *forms.Level2
}

func (t *treeReader) row(r int) error {
	o := t.o
	c, err := o.cells(r, rowCells, "三级指标")
	if err != nil {
		return err
	}
	for _, x := range c[:len(c)-rowCells] {
		if err := t.label(x); err != nil {
			return err
		}
	}
	if t.l2 == nil {
		return errAt(o.s.name, r, -1, "这一行没有一级指标或二级指标：表格的结构与导出时不同，请用本程序重新导出。", nil)
	}
	in, blank, typedScore, err := o.indicatorRow(c[len(c)-rowCells:])
	if err != nil || blank {
		return err
	}
	if len(t.l2.Rows) == forms.MaxRowsPerLevel2 {
		return errAt(o.s.name, r, -1, fmt.Sprintf("“%s › %s”下的三级指标%v（%d 行）。", t.l1.Name, t.l2.Name, forms.ErrLimit, forms.MaxRowsPerLevel2), forms.ErrLimit)
	}
	t.l2.Rows = append(t.l2.Rows, in)
	if typedScore {
		o.imp.manual = append(o.imp.manual, in)
	}
	return nil
}

// label reads a 一级 or 二级 label cell, by the header column it starts under; a 一级 label
// that also covers the 二级 column is a merged 一级 (服务对象满意度), whose one 二级 has its name.
func (t *treeReader) label(x *cell) error {
	o := t.o
	name, err := o.text(x)
	if err != nil {
		return err
	}
	name = unstack(name)
	switch {
	case x.col <= t.l1col && x.lastCol >= t.l1col:
		t.l1 = &forms.Level1{Name: name, Children: []*forms.Level2{}}
		t.tree = append(t.tree, t.l1)
		t.l2 = nil
		if x.lastCol >= t.l2col {
			t.l1.Merged = true
			return t.add(x, name)
		}
	case x.col <= t.l2col && x.lastCol >= t.l2col:
		if t.l1 == nil {
			return errAt(o.s.name, x.row, x.col, "二级指标前面没有一级指标：表格的结构与导出时不同，请用本程序重新导出。", nil)
		}
		return t.add(x, name)
	}
	return nil
}

func (t *treeReader) add(x *cell, name string) error {
	if len(t.l1.Children) == forms.MaxLevel2PerLevel {
		return errAt(t.o.s.name, x.row, x.col, fmt.Sprintf("“%s”下的二级指标%v（%d 个）。", t.l1.Name, forms.ErrLimit, forms.MaxLevel2PerLevel), forms.ErrLimit)
	}
	t.l2 = &forms.Level2{Name: name, Rows: []*forms.Indicator{}}
	t.l1.Children = append(t.l1.Children, t.l2)
	return nil
}

// indicatorRow reads the 16 cells of a 三级 row. blank reports the blank row xlsxout prints
// for an empty 二级: nothing in it, and its 内容 centred like a label rather than left-aligned
// like a text. typedScore reports a 得分 typed rather than computed (whether it overrides a
// suggestion is decided once the document can be evaluated). Computed figures (完成程度,
// a suggested 得分) come back blank: forms computes them again.
func (o *ownSheet) indicatorRow(c []*cell) (in *forms.Indicator, blank, typedScore bool, err error) {
	empty := true
	for _, x := range c[1:] {
		empty = empty && x.blank()
	}
	if empty && !o.s.leftAligned(c[2]) {
		return nil, true, false, nil
	}
	in = &forms.Indicator{}
	if err := o.rowTexts(in, c); err != nil {
		return nil, false, false, err
	}
	o.ticks(in, c[9:14])
	if in.Reason, err = o.text(c[14]); err != nil {
		return nil, false, false, err
	}
	if in.Measures, err = o.text(c[15]); err != nil {
		return nil, false, false, err
	}
	if strings.Contains(c[8].expr, linearMark) {
		o.imp.linear = true
	}
	return in, false, !c[8].formula, nil
}

// rowTexts reads 运算符号 … 得分 of a 三级 row; 完成程度 and 得分 stay blank where computed
// (a formula, or for 完成程度 a number).
func (o *ownSheet) rowTexts(in *forms.Indicator, c []*cell) error {
	var op string
	for i, dst := range []*string{&op, &in.Content, &in.Unit, &in.Target, &in.Actual, &in.Completion, &in.Weight, &in.Score} {
		x := c[i+1]
		if dst == &in.Completion && (x.formula || x.num) || dst == &in.Score && x.formula {
			continue
		}
		var err error
		if *dst, err = o.text(x); err != nil {
			return err
		}
	}
	in.Op = forms.Op(op)
	return nil
}

// ticks reads the five reason cells: "√" ticks (or ✓ ✔); other text is noted and not ticked.
func (o *ownSheet) ticks(in *forms.Indicator, c []*cell) {
	for i, x := range c {
		switch t := strings.TrimSpace(x.text); t {
		case tick, "✓", "✔":
			in.Reasons.SetTick(i, true)
		case "":
		default:
			o.imp.note(place(o.s.name, x.row, x.col) + fmt.Sprintf("：“%s”不是“√”，按未勾选导入。", t))
		}
	}
}

// linearMark is in the 得分 formula of a negative indicator scored by the linear rule, and in
// no other (xlsxout/quant.go: 分值 × (1 − (完成值 − 指标值) / 指标值)).
const linearMark = "*(1-("

// settleManual decides the 手工调整 flag of each 得分 read from a table (forms.Document.SettleManual):
// a row of the export's tables with a typed 得分, or a row of a plain sheet with one. xlsxout
// writes a suggestion in force as a formula, or as its value where no formula restates it.
func (imp *importer) settleManual() {
	rows := make(map[*forms.Indicator]bool, len(imp.manual))
	for _, in := range imp.manual {
		rows[in] = true
	}
	imp.doc.SettleManual(rows)
}
