package formstest

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"ziping/forms"
)

// Largest is the largest document the limits of forms allow, the one `make bench` checks and
// exports: MaxProjects project forms, MaxRowsTotal printed rows (MaxListRows tasks, goals, and
// indicator rows filled as an accountant fills them: a sentence of content, unit, target,
// actual and weight, and for every twentieth row, which missed, a reason and measures),
// and MaxTextRunes of text, what the rows leave being put in fields of MaxFieldRunes
// characters in the narrowest column, 度量单位, where long text makes the most pages.
func Largest() *forms.Document {
	d := forms.NewDocument(2021)
	d.Settings.UnitShortName = "抚顺市社保中心"
	d.Unit.Name = "抚顺市社保中心"
	d.Unit.Tasks = d.Unit.Tasks[:0]
	for i := range forms.MaxListRows {
		d.Unit.Tasks = append(d.Unit.Tasks, &forms.Task{Name: fmt.Sprintf("重点工作%d：完善社会保险经办服务", i+1),
			Project: "社会保险经办", Amounts: forms.Amounts{Initial: "120", Full: "130", Actual: "128.5"}})
	}
	for d.AddProject() != nil {
		p := d.Projects[len(d.Projects)-1]
		p.Name = fmt.Sprintf("社保经办能力提升项目%d", len(d.Projects))
		p.Period = "2021年"
		p.FundRow(forms.ProjectFundRows[0].ID).Amounts = forms.Amounts{Initial: "300", Full: "320", Actual: "301.2"}
	}
	trees := []forms.Tree{d.Unit.Indicators}
	for _, p := range d.Projects {
		p.Goals[0] = &forms.Goal{Target: "按时足额发放社会保险待遇，提升服务质量。", Result: "全年按时足额发放，服务质量明显提升。"}
		for _, l1 := range p.Indicators {
			for _, l2 := range l1.Children {
				l2.Rows = l2.Rows[:0]
			}
		}
		trees = append(trees, p.Indicators)
	}
	for i := 0; d.PrintedRowCount() < forms.MaxRowsTotal; i++ {
		addRow(d, trees[i%len(trees)], i)
	}
	fillNarrow(d, trees)
	return d
}

// addRow adds the i-th filled row to t, under its 二级 in turn.
func addRow(d *forms.Document, t forms.Tree, i int) {
	var leaves [][2]int
	rows := 0
	for a, l1 := range t {
		for b, l2 := range l1.Children {
			leaves = append(leaves, [2]int{a, b})
			rows += len(l2.Rows)
		}
	}
	at := leaves[rows%len(leaves)]
	if d.AddRowError(t, at[0], at[1]) != nil {
		panic(fmt.Sprintf("formstest.Largest: %v", d.AddRowError(t, at[0], at[1])))
	}
	in := t.AddRow(at[0], at[1])
	*in = forms.Indicator{Op: forms.OpGE, Content: fmt.Sprintf("业务按时办结率%d", i+1), Unit: "%",
		Target: "95", Actual: fmt.Sprint(80 + i%25), Weight: "1"}
	if i%20 == 0 {
		in.Reasons.Staff = true
		in.Reason = "经办人员不足，业务量较上年增长较多，部分业务未能按时办结。"
		in.Measures = "增加经办窗口，优化办理流程，推行网上办理。"
	}
}

// LongestText is the document of the limits of forms that costs the PDF the most by its text:
// MaxProjects new project forms and MaxTextRunes of text, in fields of MaxFieldRunes characters
// in the narrowest column, 度量单位, where each character adds the most lines and pages.
func LongestText() *forms.Document {
	d := forms.NewDocument(2021)
	for d.AddProject() != nil {
	}
	trees := []forms.Tree{d.Unit.Indicators}
	for _, p := range d.Projects {
		trees = append(trees, p.Indicators)
	}
	fillNarrow(d, trees[1:])
	return d
}

// fillNarrow puts the text MaxTextRunes leaves into the 度量单位 of rows, MaxFieldRunes
// characters each (the last one shorter), one row per form in turn.
func fillNarrow(d *forms.Document, trees []forms.Tree) {
	left := forms.MaxTextRunes
	d.EachText(func(_ string, s *string) { left -= utf8.RuneCountInString(*s) })
	long := []rune(strings.Repeat("按季度统计的经办业务量（件）", forms.MaxFieldRunes/14+1))
	for i := 0; left > 0; i++ {
		in := trees[i%len(trees)].Row(forms.RowPath{Row: i / len(trees)})
		left += utf8.RuneCountInString(in.Unit)
		n := min(left, forms.MaxFieldRunes)
		in.Unit = string(long[:n])
		left -= n
	}
}
