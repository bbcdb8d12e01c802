package xlsxin

import (
	"fmt"
	"regexp"
	"strings"

	"ziping/forms"
)

// The titles and first labels by which a sheet of Ziping's export is recognised, as forms
// prints them (forms.Document.UnitTitle, ProjectTitle) and xlsxout lays them out.
const (
	unitTitleEnd    = "整体绩效自评表"
	projectTitleEnd = "预算项目（政策）绩效目标自评表"
	unitFirstLabel  = "部门（单位）名称"
	projFirstLabel  = "项目（政策）名称"
	dash            = "——" // printed where a cell has no value
	tick            = "√"
	blankFooter     = "　　　　　　" // printed for an empty signature field
)

// Kinds of sheets: a project form's is its template's (readerOf).
const (
	kindPlain = iota
	kindUnit
)

// kindOf recognises the unit form of Ziping's export by its title row and first label.
func kindOf(s *sheet) int {
	if len(s.grid) >= 3 && strings.HasSuffix(s.first(0), unitTitleEnd) && s.first(1) == unitFirstLabel {
		return kindUnit
	}
	return kindPlain
}

// ownSheet reads one form of Ziping's export; r is the next row to read.
type ownSheet struct {
	imp *importer
	s   *sheet
	r   int
}

// cells returns the cells starting in row r, which must number at least n, else an error
// saying the sheet was changed.
func (o *ownSheet) cells(r, n int, what string) ([]*cell, error) {
	if r < 0 || r >= len(o.s.grid) {
		return nil, errAt(o.s.name, max(r, len(o.s.grid)-1), -1, fmt.Sprintf("找不到“%s”：表格的结构与导出时不同，请用本程序重新导出，或按导入模板整理后再导入。", what), nil)
	}
	c := o.s.own(r)
	if len(c) < n {
		return nil, errAt(o.s.name, r, -1, fmt.Sprintf("“%s”这一行的单元格比导出时少：表格的结构与导出时不同，请用本程序重新导出，或按导入模板整理后再导入。", what), nil)
	}
	return c, nil
}

// at finds the row from o.r on starting with label at column A, or fails naming it.
func (o *ownSheet) at(label string) (int, error) {
	return o.atWide(label, 0)
}

// atWide is at for a label spanning at least to column lastCol.
func (o *ownSheet) atWide(label string, lastCol int) (int, error) {
	r := o.s.find(o.r, label, lastCol)
	if r < 0 {
		return 0, errAt(o.s.name, -1, -1, fmt.Sprintf("找不到“%s”：表格的结构与导出时不同，请用本程序重新导出，或按导入模板整理后再导入。", label), nil)
	}
	return r, nil
}

// text is the text of a user field: checked against forms.MaxFieldRunes.
func (o *ownSheet) text(c *cell) (string, error) {
	if c == nil {
		return "", nil
	}
	if forms.TooLong(c.text) {
		return "", errAt(o.s.name, c.row, c.col, fmt.Sprintf("有 %d 个字，%v（一个栏目最多 %d 个字）：请精简文字后再导入。",
			len([]rune(c.text)), forms.ErrLimit, forms.MaxFieldRunes), forms.ErrLimit)
	}
	if strings.HasSuffix(c.text, cutNote) {
		o.imp.note(place(o.s.name, c.row, c.col) + "：导出时这段文字超出了 Excel 单元格的上限，只有前面部分，请从原文档补全。")
	}
	return c.text, nil
}

// cutNote ends a text xlsxout cut to fit a cell (xlsxout/cells.go).
const cutNote = "……（超出 Excel 单元格的字数上限，以下从略，全文见 PDF）"

// typed is a cell the user typed into: its text, or "" when it holds a formula (a figure the
// program computed, which forms computes again).
func (o *ownSheet) typed(c *cell) (string, error) {
	if c == nil || c.formula {
		return "", nil
	}
	return o.text(c)
}

// settings reads the year and 单位简称 from the title (forms.Document.UnitTitle and
// ProjectTitle: "2021 年抚顺市社保中心整体绩效自评表"); the first title read sets them.
func (o *ownSheet) settings(end string) {
	title := ""
	if c := o.s.at(0, 0); c != nil {
		title = strings.TrimSuffix(c.text, end)
	}
	year, short, ok := strings.Cut(title, " 年")
	if !ok {
		year, short = "", title
	}
	st := &o.imp.doc.Settings
	if !o.imp.titled {
		st.Year, st.UnitShortName, o.imp.titled = year, short, true
		return
	}
	if st.Year != year || st.UnitShortName != short {
		o.imp.note(fmt.Sprintf("工作表“%s”：标题中的年度或单位简称（%s 年%s）与前面的工作表不同，按前面的（%s 年%s）导入。",
			o.s.name, year, short, st.Year, st.UnitShortName))
	}
}

// amounts reads the three amount cells a, b, c of a row.
func (o *ownSheet) amounts(cells []*cell) (forms.Amounts, error) {
	var a forms.Amounts
	for i, col := range forms.AmountColumns {
		t, err := o.typed(cells[i])
		if err != nil {
			return a, err
		}
		a.Set(col, t)
	}
	return a, nil
}

// goalRE is the "目标 1：" xlsxout writes before each goal's target.
var goalRE = regexp.MustCompile(`^目标 \d+：`)

// goals reads the rows of 年度绩效目标 / 年度总体目标 from the row after its header, up to the
// row starting with next.
func (o *ownSheet) goals(header int, next string) ([]*forms.Goal, int, error) {
	end := o.s.find(header+1, next, 0)
	if end < 0 {
		return nil, 0, errAt(o.s.name, -1, -1, fmt.Sprintf("找不到“%s”：表格的结构与导出时不同，请用本程序重新导出，或按导入模板整理后再导入。", next), nil)
	}
	goals := []*forms.Goal{}
	for r := header + 1; r < end; r++ {
		c, err := o.cells(r, 2, "年初设定目标")
		if err != nil {
			return nil, 0, err
		}
		target, err := o.text(c[0])
		if err != nil {
			return nil, 0, err
		}
		result, err := o.text(c[1])
		if err != nil {
			return nil, 0, err
		}
		if len(goals) == forms.MaxListRows {
			return nil, 0, errAt(o.s.name, r, -1, fmt.Sprintf("目标%v（%d 行）。", forms.ErrLimit, forms.MaxListRows), forms.ErrLimit)
		}
		goals = append(goals, &forms.Goal{Target: goalRE.ReplaceAllString(target, ""), Result: result})
	}
	return goals, end, nil
}

// signature reads the optional footer (填表人 … 填报日期) from row r on.
func (o *ownSheet) signature(from int) error {
	r := -1
	for i := from; i < len(o.s.grid); i++ {
		if x := o.s.lead(i); x != nil && strings.HasPrefix(x.text, "填表人：") {
			r = i
			break
		}
	}
	if r < 0 {
		return nil
	}
	c, err := o.cells(r, 4, "签字栏")
	if err != nil {
		return err
	}
	var v [4]string
	for i, prefix := range []string{"填表人：", "联系电话：", "单位负责人（签字）：", "填报日期："} {
		t, err := o.text(c[i])
		if err != nil {
			return err
		}
		t = strings.TrimPrefix(t, prefix)
		if t == blankFooter {
			t = ""
		}
		v[i] = t
	}
	st := &o.imp.doc.Settings
	if st.Signature {
		return nil // the first form's footer sets them; every form prints the same
	}
	st.Signature = true
	st.Footer = forms.Footer{Preparer: v[0], Phone: v[1], Leader: v[2], Date: v[3]}
	return nil
}
