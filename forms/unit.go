package forms

import (
	"strings"
	"unicode/utf8"
)

// UnitForm is the 部门（单位）整体绩效自评表 (docs/scoring.md §1).
type UnitForm struct {
	Name     string      `json:"name"`     // 部门（单位）名称
	Staff    string      `json:"staff"`    // 财政供养人员数量
	Subunits string      `json:"subunits"` // 所属单位数量（仅部门填列）
	Budget   []AmountRow `json:"budget"`   // 年度部门（单位）整体收支情况, rows of UnitBudgetRows
	// BudgetEvidence is the 佐证材料 list of the budget block (forms/evidence.go).
	BudgetEvidence []Evidence `json:"budget_evidence,omitempty"`
	Tasks          []*Task    `json:"tasks"`       // 年度主要任务
	TasksTotal     Amounts    `json:"tasks_total"` // 合计 row, computed unless typed
	Goals          []*Goal    `json:"goals"`       // 年度绩效目标
	Indicators     Tree       `json:"indicators"`  // 分解目标评价
}

// Task is a row of 年度主要任务.
type Task struct {
	Name    string `json:"name"`    // 工作名称
	Project string `json:"project"` // 对应项目
	Amounts
}

// Goal is a row of 年度绩效目标 / 年度总体目标.
type Goal struct {
	Target string `json:"target"` // 年初设定目标
	Result string `json:"result"` // 全年完成情况 / 全年实际完成情况
}

// UnitTree is the default 一级 → 二级 tree of the unit form (docs/scoring.md §1.4).
var unitTree = []levelSpec{
	{name: "履职效能", children: []string{"重点工作履行情况", "整体工作完成情况", "基础管理"}},
	{name: "预算执行", children: []string{"预算执行效率"}},
	{name: "管理效率", children: []string{"预算编制管理", "预算监督管理", "预算收支管理", "财务管理", "资产管理", "业务管理"}},
	{name: "运行成本", children: []string{"成本控制成效"}},
	{name: "社会效应", children: []string{"政治效益", "社会效益", "经济效益", "生态效益"}},
	{name: "服务对象满意度", merged: true, children: []string{"服务对象满意度"}},
	{name: "可持续性", children: []string{"体制机制改革", "创新驱动发展"}},
}

// NewUnitForm returns a blank unit form with every fixed row and the default indicator tree.
func NewUnitForm() *UnitForm {
	return &UnitForm{
		Budget:     newAmountRows(UnitBudgetRows),
		Tasks:      []*Task{{Name: "重点工作一"}},
		Goals:      []*Goal{{}},
		Indicators: newTree(unitTree),
	}
}

// BudgetRow returns the budget row with id (one of UnitBudgetRows), or nil.
func (u *UnitForm) BudgetRow(id string) *AmountRow { return findRow(u.Budget, id) }

// IsBlank reports whether nothing was typed into the unit form: the default rows of a new
// form (the task named 重点工作一, one empty goal, the indicator tree without scores) count as blank.
func (u *UnitForm) IsBlank() bool {
	if !isBlank(u.Name) || !isBlank(u.Staff) || !isBlank(u.Subunits) || !u.TasksTotal.IsBlank() {
		return false
	}
	for _, r := range u.Budget {
		if !r.IsBlank() {
			return false
		}
	}
	for _, t := range u.Tasks {
		if !t.Amounts.IsBlank() || !isBlank(t.Project) || !isDefaultTaskName(t.Name) {
			return false
		}
	}
	for _, g := range u.Goals {
		if !isBlank(g.Target) || !isBlank(g.Result) {
			return false
		}
	}
	blank := isDefaultTree(u.Indicators, unitTree)
	u.Indicators.Each(func(_ RowPath, _ *Level1, _ *Level2, in *Indicator) {
		blank = blank && in.IsBlank()
	})
	return blank
}

// isDefaultTree reports whether t has exactly the 一级 and 二级 of spec: a renamed, added or
// removed level is something the user did.
func isDefaultTree(t Tree, spec []levelSpec) bool {
	if len(t) != len(spec) {
		return false
	}
	for i, l1 := range t {
		if l1.Name != spec[i].name || l1.Merged != spec[i].merged || len(l1.Children) != len(spec[i].children) {
			return false
		}
		for j, l2 := range l1.Children {
			if l2.Name != spec[i].children[j] {
				return false
			}
		}
	}
	return true
}

// isDefaultTaskName: blank, or the name the editor gives a new task ("重点工作一", "重点工作十二").
func isDefaultTaskName(name string) bool {
	rest, ok := strings.CutPrefix(strings.TrimSpace(name), "重点工作")
	if !ok {
		return isBlank(name)
	}
	return strings.Trim(rest, "一二三四五六七八九十百") == "" && utf8.RuneCountInString(rest) <= 4
}
