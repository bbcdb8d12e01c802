package forms

import "strings"

// NotStarted reports whether form of doc (-1 the unit form, i ≥ 0 project i) is not started
// (docs/scoring.md §5.1): nothing was typed into it but its header. The header is what says
// whose form it is (部门（单位）名称, 财政供养人员数量, 所属单位数量; 项目名称, 主管部门, 实施单位,
// 实施期), which a user fills in first, or the program fills in (a new project takes the unit's
// name). Everything else must be as a new form has it: no amount, goal, 评价结论 or 存在问题,
// the default tree, and only untouched indicator rows (Tree.Untouched: blank, or holding the
// 分值 a new project puts there); a project's D weight blank or its default 10.
//
// It is the one definition every output uses: a form not started raises no problem, shows
// 未填写 on the screen and in 部门汇总, and its totals stay blank; the unit form not started
// beside projects is neither printed nor exported (UnitResult.NotFilled).
func NotStarted(doc *Document, form int) bool {
	switch {
	case form < 0:
		return doc.Unit.notStarted()
	case form < len(doc.Projects):
		return doc.Projects[form].notStarted()
	}
	return false
}

// notStarted: the unit form is blank (UnitForm.IsBlank) once its header is set aside.
func (u *UnitForm) notStarted() bool {
	body := *u
	body.Name, body.Staff, body.Subunits = "", "", ""
	return body.IsBlank()
}

// notStarted: nothing but the header, the starting rows and the default weights.
func (p *ProjectForm) notStarted() bool {
	if w := strings.TrimSpace(p.FundsWeight); w != "" && w != defaultDWeight {
		return false
	}
	if !isBlank(p.Conclusion) || !isBlank(p.Issues) {
		return false
	}
	for _, r := range p.Funds {
		if !r.IsBlank() {
			return false
		}
	}
	for _, g := range p.Goals {
		if !isBlank(g.Target) || !isBlank(g.Result) {
			return false
		}
	}
	if !isDefaultTree(p.Indicators, projectTree) {
		return false
	}
	started := false
	p.Indicators.Each(func(rp RowPath, _ *Level1, _ *Level2, _ *Indicator) {
		started = started || !p.Indicators.Untouched(rp)
	})
	return !started
}

// defaultDWeight is the 分值 of 年度预算资金总额 a new project form holds (NewProjectForm).
const defaultDWeight = "10"
