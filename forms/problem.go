package forms

import (
	"fmt"
	"strconv"
	"strings"
)

// Level is how serious a problem is.
type Level string

// Problem levels. Errors are shown in red; export is still allowed.
const (
	LevelError   Level = "error"
	LevelWarning Level = "warning"
)

// Label is the Chinese name of the level.
func (l Level) Label() string {
	if l == LevelError {
		return "错误"
	}
	return "警告"
}

// Section identifies a part of a form.
type Section string

// The sections of the two forms.
const (
	SecSettings   Section = "settings"   // 文档设置
	SecHeader     Section = "header"     // 表头
	SecBudget     Section = "budget"     // 年度部门（单位）整体收支情况 / 项目预算资金
	SecTasks      Section = "tasks"      // 年度主要任务
	SecGoals      Section = "goals"      // 年度绩效目标 / 年度总体目标
	SecIndicators Section = "indicators" // 分解目标评价 / 绩效指标
	SecTotals     Section = "totals"     // 总评价得分 / C, D, C+D
	SecConclusion Section = "conclusion" // 评价结论, 存在问题 (national template)
)

// Location addresses the field a problem is about, so the editor can go to it.
type Location struct {
	Form    int     // -1 for the unit form and settings, else the project index
	Section Section //
	RowID   string  // a budget row ID; "total" for a table's 合计 or an indicator table's sums; "" for other rows
	Index   int     // task or goal index, or -1
	Path    RowPath // indicator row, when Section is SecIndicators and RowID is ""
	Field   string  // field key: "initial", "full", "actual", "weight", "score", "reason", ...
}

// Problem is one thing the user should look at, addressed to a form, row and field.
type Problem struct {
	Level   Level
	Form    string // "单位整体绩效自评表" or "项目 1「新办公楼租金及物业费」"
	Section string // printed name of the section
	Row     string // printed name of the row
	Field   string // printed name of the column or field
	Message string // what is wrong and what to do, in Chinese
	Loc     Location
}

// String renders the problem on one line: "[警告] 表 › 栏目 › 行 › 字段：消息".
func (p Problem) String() string {
	parts := []string{p.Form}
	for _, s := range []string{p.Section, p.Row, p.Field} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return fmt.Sprintf("[%s] %s：%s", p.Level.Label(), strings.Join(parts, " › "), p.Message)
}

// Counts returns the numbers of errors and warnings.
func Counts(ps []Problem) (errs, warns int) {
	for _, p := range ps {
		if p.Level == LevelError {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
}

// reporter collects problems of one form.
type reporter struct {
	form      string
	formIndex int
	section   string
	sec       Section
	out       []Problem
	// names rewords the program's own text (formats, field, section and row names; never the
	// arguments, which may be what the user typed) in the names of the form's template: nil
	// for the Liaoning names, in which the checks are written (see nationalNames).
	names *strings.Replacer
	// written is true for a form whose deviations are explained in writing alone (the national
	// template's 偏差原因分析及改进措施): ticked reasons are not asked for (checkDeduction).
	written bool
}

func (r *reporter) at(sec Section, name string) *reporter {
	r.sec, r.section = sec, r.name(name)
	return r
}

func (r *reporter) add(level Level, loc Location, row, field, format string, args ...any) {
	loc.Form, loc.Section = r.formIndex, r.sec
	format, field = r.name(format), r.name(field)
	r.out = append(r.out, Problem{
		Level: level, Form: r.form, Section: r.section, Row: row, Field: field,
		Message: fmt.Sprintf(format, args...), Loc: loc,
	})
}

// UnitFormName is how problems and the command line name the unit form.
const UnitFormName = "单位整体绩效自评表"

// ProjectFormName is how problems and the command line name project i (0-based).
func ProjectFormName(i int, p *ProjectForm) string {
	name := strings.TrimSpace(p.Name)
	if name == "" {
		name = "未命名项目"
	}
	return fmt.Sprintf("项目 %d「%s」", i+1, name)
}

// IndicatorRowName names a 三级 row by its place: "履职效能 › 重点工作履行情况 › 指标 1".
func IndicatorRowName(l1 *Level1, l2 *Level2, row int) string {
	n := strconv.Itoa(row + 1) // the printed tables name every row: no fmt on this path
	if l1.Merged {
		return l1.Name + " › 指标 " + n
	}
	return l1.Name + " › " + l2.Name + " › 指标 " + n
}
