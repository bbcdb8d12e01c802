package forms

import (
	"fmt"
	"strconv"
	"strings"
)

// Difference names a field whose content differs between two versions of a document, as the
// recovery question lists them: "项目 2「培训」 › 绩效指标 › 产出指标 › 数量指标 › 指标 1 › 全年完成值".
type Difference struct {
	Form  string // "文档设置", UnitFormName or ProjectFormName
	Field string // where in the form, ending in the field; a row, level or form present in only one version ends in "（新增）" or "（删除）"
}

func (d Difference) String() string { return d.Form + " › " + d.Field }

// Diff lists the fields whose content differs from old to new, in printed order, then the rows
// new lacks. Forms, levels and rows are named as new names them; they are matched by position,
// so a row inserted before others shows as changes of the rows after it.
func Diff(old, new *Document) []Difference {
	var out []Difference
	out = append(out, diffGroups(flattenSettings(old), flattenSettings(new))...)
	out = append(out, diffGroups(flattenUnit(&old.Unit), flattenUnit(&new.Unit))...)
	for i := range max(len(old.Projects), len(new.Projects)) {
		switch {
		case i >= len(old.Projects):
			out = append(out, Difference{Form: ProjectFormName(i, new.Projects[i]), Field: "整张表（新增）"})
		case i >= len(new.Projects):
			out = append(out, Difference{Form: ProjectFormName(i, old.Projects[i]), Field: "整张表（删除）"})
		default:
			a, b := flattenProject(i, old.Projects[i]), flattenProject(i, new.Projects[i])
			out = append(out, diffGroups(a, b)...)
		}
	}
	return out
}

// group is a row of a form (or a form's loose fields) with its fields' texts, for Diff.
type group struct {
	key    string // where it is, by position
	form   string
	label  string // where it is, by name ("" for a form's header)
	fields []field
}

type field struct{ label, text string }

func (g group) name(f string) string {
	if g.label == "" {
		return f
	}
	if f == "" {
		return g.label
	}
	return g.label + " › " + f
}

func diffGroups(old, new []group) []Difference {
	byKey := make(map[string]group, len(old))
	for _, g := range old {
		byKey[g.key] = g
	}
	var out []Difference
	seen := make(map[string]bool, len(new))
	for _, g := range new {
		seen[g.key] = true
		o, ok := byKey[g.key]
		if !ok {
			out = append(out, Difference{Form: g.form, Field: g.name("") + "（新增）"})
			continue
		}
		for i, f := range g.fields {
			if i >= len(o.fields) || o.fields[i].text != f.text {
				out = append(out, Difference{Form: g.form, Field: g.name(f.label)})
			}
		}
	}
	for _, g := range old {
		if !seen[g.key] {
			out = append(out, Difference{Form: g.form, Field: g.name("") + "（删除）"})
		}
	}
	return out
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

func flattenSettings(d *Document) []group {
	s := d.Settings
	return []group{{key: "settings", form: "文档设置", fields: []field{
		{"年度", s.Year}, {"单位简称", s.UnitShortName}, {"金额显示", string(s.Amounts)},
		{"负向指标计分方法", string(s.Negative)}, {"签字栏", yesNo(s.Signature)}, {"表式", string(s.Template)},
		{"超额完成须说明原因", string(s.OverTarget)}, {"执行率封顶", yesNo(s.RateCap)},
		{"得分取整", yesNo(s.RoundScores)}, {"严格检查", yesNo(s.Strict)},
		{"不印“指标 N：”", yesNo(s.HideIndicatorNumbers)},
		{"满分指标须有佐证材料", yesNo(s.EvidenceHint)}, {"自评报告模板", s.ReportTemplate},
		{"填表人", s.Footer.Preparer}, {"联系电话", s.Footer.Phone},
		{"单位负责人（签字）", s.Footer.Leader}, {"填报日期", s.Footer.Date},
	}}}
}

func amountFields(a Amounts) []field {
	out := make([]field, 0, len(AmountColumns))
	for _, c := range AmountColumns {
		out = append(out, field{c.Label(), a.Get(c)})
	}
	return out
}

func amountGroups(key, form, section string, rows []AmountRow, defs []RowDef) []group {
	var out []group
	for _, r := range rows {
		label := r.ID
		if def, ok := rowDef(defs, r.ID); ok {
			label = strings.TrimSuffix(strings.TrimPrefix(def.Label, "其中："), "：")
		}
		out = append(out, group{key: key + "/" + r.ID, form: form, label: section + " › " + label, fields: amountFields(r.Amounts)})
	}
	return out
}

func goalGroups(key, form, section, result string, goals []*Goal) []group {
	var out []group
	for i, g := range goals {
		out = append(out, group{key: key + "/goal/" + strconv.Itoa(i), form: form, label: fmt.Sprintf("%s › 第 %d 条", section, i+1),
			fields: []field{{"年初设定目标", g.Target}, {result, g.Result}}})
	}
	return out
}

func flattenUnit(u *UnitForm) []group {
	const f = UnitFormName
	out := []group{{key: "unit", form: f, fields: []field{
		{"部门（单位）名称", u.Name}, {"财政供养人员数量", u.Staff}, {"所属单位数量", u.Subunits},
	}}}
	out = append(out, amountGroups("unit/budget", f, "年度部门（单位）整体收支情况", u.Budget, UnitBudgetRows)...)
	out = append(out, evidenceGroups("unit/budget", f, "年度部门（单位）整体收支情况", u.BudgetEvidence)...)
	for i, t := range u.Tasks {
		out = append(out, group{key: "unit/task/" + strconv.Itoa(i), form: f, label: fmt.Sprintf("年度主要任务 › 第 %d 项", i+1),
			fields: append([]field{{"工作名称", t.Name}, {"对应项目", t.Project}}, amountFields(t.Amounts)...)})
	}
	out = append(out, group{key: "unit/tasks-total", form: f, label: "年度主要任务 › 合计", fields: amountFields(u.TasksTotal)})
	out = append(out, goalGroups("unit", f, "年度绩效目标", "全年完成情况", u.Goals)...)
	return append(out, treeGroups("unit/ind", f, "分解目标评价", "年度指标值", "全年完成值", u.Indicators)...)
}

func flattenProject(i int, p *ProjectForm) []group {
	f, key := ProjectFormName(i, p), "project"
	out := []group{{key: key, form: f, fields: []field{
		{"项目（政策）名称", p.Name}, {"主管部门", p.Department}, {"实施单位", p.Implementer}, {"实施期", p.Period},
		{"评价结论", p.Conclusion}, {"存在问题", p.Issues},
	}}}
	out = append(out, amountGroups(key+"/funds", f, "项目预算资金", p.Funds, ProjectFundRows)...)
	out = append(out, group{key: key + "/funds-weight", form: f, label: "项目预算资金", fields: []field{{"分值", p.FundsWeight}}})
	out = append(out, evidenceGroups(key+"/funds", f, "项目预算资金", p.FundsEvidence)...)
	out = append(out, goalGroups(key, f, "年度总体目标", "全年实际完成情况", p.Goals)...)
	return append(out, treeGroups(key+"/ind", f, "绩效指标", "年度目标值", "全年实际完成值", p.Indicators)...)
}

func treeGroups(key, form, section, target, actual string, t Tree) []group {
	var out []group
	for i, l1 := range t {
		k1 := fmt.Sprintf("%s/%d", key, i)
		out = append(out, group{key: k1, form: form, label: fmt.Sprintf("%s › 一级指标 %d", section, i+1),
			fields: []field{{"名称", l1.Name}, {"与二级合并", yesNo(l1.Merged)}}})
		for j, l2 := range l1.Children {
			k2 := fmt.Sprintf("%s/%d", k1, j)
			out = append(out, group{key: k2, form: form, label: fmt.Sprintf("%s › %s › 二级指标 %d", section, l1.Name, j+1),
				fields: []field{{"名称", l2.Name}}})
			for k, in := range l2.Rows {
				k3, label := fmt.Sprintf("%s/%d", k2, k), section+" › "+IndicatorRowName(l1, l2, k)
				out = append(out, group{key: k3, form: form, label: label, fields: indicatorFields(in, target, actual)})
				out = append(out, evidenceGroups(k3, form, label, in.Evidence)...)
			}
		}
	}
	return out
}

// evidenceGroups are the items of a 佐证材料 list (forms/evidence.go) under label.
func evidenceGroups(key, form, label string, list []Evidence) []group {
	out := make([]group, 0, len(list))
	for i, e := range list {
		out = append(out, group{key: fmt.Sprintf("%s/evidence/%d", key, i), form: form, label: fmt.Sprintf("%s › 佐证材料 %d", label, i+1),
			fields: []field{{"材料名称", e.Name}, {"材料类型", e.Kind}, {"页数", e.Pages}, {"电子文件", e.Path}}})
	}
	return out
}

func indicatorFields(in *Indicator, target, actual string) []field {
	var reasons []string
	for i, on := range in.Reasons.Ticks() {
		if on {
			reasons = append(reasons, reasonLabels[i])
		}
	}
	return []field{
		{"运算符号", string(in.Op)}, {"内容", in.Content}, {"度量单位", in.Unit}, {target, in.Target},
		{actual, in.Actual}, {"完成程度", in.Completion}, {"分值", in.Weight}, {"得分", in.Score},
		{"手工填写得分", yesNo(in.Manual)}, {"未完成原因", strings.Join(reasons, "、")},
		{"原因说明", in.Reason}, {"改进措施", in.Measures}, {"评价等级", string(in.Grade)},
	}
}
