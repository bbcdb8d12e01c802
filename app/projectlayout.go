package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// The parts of a project tab that differ with the 表式 (forms.Settings.Template), each made
// from the template's forms.ProjectLayout: the title, the totals line, the grouped fund rows
// (the national template's) and 评价结论 and 存在问题. They show what tables/ prints.

// title is the printed title of the project form in the document's template, on one line.
func (p *projectTab) title() string {
	return strings.ReplaceAll(p.w.Doc.ProjectTitle(), "\n", "")
}

// totalsText is the line under the indicators: C, D, C+D and the grade, in the template's names.
func (p *projectTab) totalsText(ev *forms.Evaluation) string {
	r := ev.Projects[p.index]
	if r.NotStarted { // nothing typed but the header (forms.NotStarted)
		return "未填写：填写资金、目标或指标后计算得分"
	}
	return fmt.Sprintf(p.Layout.Totals, pending(r.CText()), dashIfEmpty(r.DText()), pending(r.TotalShown()), pending(r.Rating()))
}

// groupedFunds is the fund rows of a 表式 that prints them grouped (forms.ProjectLayout.FundGroups,
// the national table's 项目资金（万元）): the total under the template's name with 分值 and
// 得分, then the groups. Each is edited in its one filled row of the document
// (forms.NationalFund.Edit), else in its first. A group with several filled rows (a document
// typed in the default template, or imported) shows its sum, then each filled row under its
// own name, so nothing typed is hidden.
func (p *projectTab) groupedFunds(proj *forms.ProjectForm) []fyne.CanvasObject {
	objs := []fyne.CanvasObject{row(fundWeights, head(""), head("年初预算数"), head("全年预算数"),
		head("全年执行数"), head("分值"), head("执行率"), head("得分"))}
	objs = append(objs, p.fundRow(proj, forms.ProjectFundRows[0], p.Layout.TotalLabel))
	for k, def := range p.Layout.FundGroups {
		var filled []forms.RowDef
		for _, id := range def.Parts {
			if proj.FundRow(id).Amounts.IsBlank() {
				continue
			}
			filled = append(filled, fundDef(id))
		}
		if len(filled) <= 1 {
			edit := fundDef(def.Parts[0])
			if len(filled) == 1 {
				edit = filled[0]
			}
			objs = append(objs, p.fundRow(proj, edit, def.Label))
			continue
		}
		objs = append(objs, p.groupSum(proj, k, def.Label))
		for _, part := range filled {
			objs = append(objs, p.fundRow(proj, part, partLabel(part)))
		}
	}
	return objs
}

// partLabel names a filled row of a group under the group's sum: "　　其中：财政拨款收入" (the
// label of S1 already begins with 其中：).
func partLabel(def forms.RowDef) string {
	return "　　其中：" + strings.TrimPrefix(def.Label, "其中：")
}

// fundDef is the row of forms.ProjectFundRows with id.
func fundDef(id string) forms.RowDef {
	for _, def := range forms.ProjectFundRows {
		if def.ID == id {
			return def
		}
	}
	return forms.RowDef{ID: id, Label: id}
}

// groupSum is the computed row of the k-th group of the layout's FundGroups, named label: the
// sums the printed table shows for it.
func (p *projectTab) groupSum(proj *forms.ProjectForm, k int, label string) fyne.CanvasObject {
	fixed2 := func() bool { return p.w.Doc.Settings.Fixed2() }
	res := func(ev *forms.Evaluation) *forms.AmountResult {
		return proj.GroupFunds(p.Layout.FundGroups, ev.Projects[p.index])[k].Result
	}
	var cells []fyne.CanvasObject
	for _, c := range forms.AmountColumns {
		l := p.b.computedLabel(func(ev *forms.Evaluation) string {
			if cell := res(ev).Cells[c]; cell.Valid {
				return forms.FormatAmount(cell.Value, fixed2())
			}
			return ""
		})
		l.Alignment, l.Wrapping = fyne.TextAlignCenter, fyne.TextWrapBreak // never widens the window
		cells = append(cells, l)
	}
	rate := p.b.computedLabel(func(ev *forms.Evaluation) string { return res(ev).RateText() })
	rate.Alignment, rate.Wrapping = fyne.TextAlignCenter, fyne.TextWrapBreak
	name := cellLabel(label + "（合计）")
	return row(fundWeights, name, cells[0], cells[1], cells[2], centred("——"), rate, centred("——"))
}

// conclusion edits 评价结论 and 存在问题, printed under the indicators when filled.
func (p *projectTab) conclusion(proj *forms.ProjectForm) fyne.CanvasObject {
	loc := func(field string) forms.Location {
		return forms.Location{Form: p.index, Section: forms.SecConclusion, Index: -1, Field: field}
	}
	p.Conclusion = p.b.multiline(&proj.Conclusion, loc("conclusion"), "如：该项目完成了年度绩效目标，自评等级为优。（不填则不打印）")
	p.Issues = p.b.multiline(&proj.Issues, loc("issues"), "如：部分指标设置不够细化，下一步将……（不填则不打印）")
	return widget.NewForm(
		widget.NewFormItem("评价结论", p.Conclusion),
		widget.NewFormItem("存在问题", p.Issues),
	)
}
