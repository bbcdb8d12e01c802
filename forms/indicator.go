package forms

import (
	"slices"
	"strings"
)

// Op is the 运算符号 of an indicator, stored as printed in the template.
type Op string

// The operators of the template, as printed (docs/scoring.md §1.4: “=” “≤” “≥” “＜” “＞”).
const (
	OpNone Op = ""
	OpEQ   Op = "＝"
	OpLE   Op = "≤"
	OpGE   Op = "≥"
	OpLT   Op = "＜"
	OpGT   Op = "＞"
)

// ops are the operators a user may pick, blank first.
var ops = [...]Op{OpNone, OpEQ, OpLE, OpGE, OpLT, OpGT}

// Ops lists the operators a user may pick, blank first: a new slice each time, for a drop-down
// to keep.
func Ops() []Op { return slices.Clone(ops[:]) }

// Valid reports whether o is one of Ops.
func (o Op) Valid() bool {
	for _, v := range ops {
		if o == v {
			return true
		}
	}
	return false
}

// Grade is the qualitative band of an indicator's score (docs/scoring.md §3).
type Grade string

// The qualitative bands; GradeNone means "derive it from the score".
const (
	GradeNone    Grade = ""
	GradeMet     Grade = "达成"
	GradePartial Grade = "部分达成"
	GradeMissed  Grade = "未达成"
)

// grades are the grades a user may pick, blank first.
var grades = [...]Grade{GradeNone, GradeMet, GradePartial, GradeMissed}

// Grades lists the grades a user may pick, blank first: a new slice each time.
func Grades() []Grade { return slices.Clone(grades[:]) }

// GradeLabel is the full wording of a band, as the official rules write it.
func GradeLabel(g Grade) string {
	switch g {
	case GradeMet:
		return "达成年度指标（80%–100%）"
	case GradePartial:
		return "部分达成年度指标并具有一定效果（60%–80%）"
	case GradeMissed:
		return "未达成年度指标且效果较差（0–60%）"
	}
	return "按得分自动判定"
}

// Reasons are the five tick boxes of 未完成原因.
type Reasons struct {
	Funding  bool `json:"funding"`  // 经费保障
	System   bool `json:"system"`   // 制度保障
	Staff    bool `json:"staff"`    // 人员保障
	Hardware bool `json:"hardware"` // 硬件条件保障
	Other    bool `json:"other"`    // 其他
}

// Any reports whether any reason is ticked.
func (r Reasons) Any() bool { return r.Funding || r.System || r.Staff || r.Hardware || r.Other }

// reasonLabels are the printed headers of the five reason columns, in order.
var reasonLabels = [...]string{"经费保障", "制度保障", "人员保障", "硬件条件保障", "其他"}

// ReasonLabels are the printed headers of the five reason columns, in order: a new slice each
// time.
func ReasonLabels() []string { return slices.Clone(reasonLabels[:]) }

// Ticks returns the five ticks in printed order.
func (r Reasons) Ticks() []bool {
	return []bool{r.Funding, r.System, r.Staff, r.Hardware, r.Other}
}

// SetTick sets the i-th tick in printed order.
func (r *Reasons) SetTick(i int, v bool) {
	switch i {
	case 0:
		r.Funding = v
	case 1:
		r.System = v
	case 2:
		r.Staff = v
	case 3:
		r.Hardware = v
	case 4:
		r.Other = v
	}
}

// Indicator is a 三级指标 row: everything the user types about one indicator.
type Indicator struct {
	Op         Op      `json:"op"`         // 运算符号
	Content    string  `json:"content"`    // 内容
	Unit       string  `json:"unit"`       // 度量单位
	Target     string  `json:"target"`     // 年度指标值 / 年度目标值
	Actual     string  `json:"actual"`     // 全年完成值
	Completion string  `json:"completion"` // 完成程度, used when it cannot be computed
	Weight     string  `json:"weight"`     // 分值
	Score      string  `json:"score"`      // 得分 as typed
	Manual     bool    `json:"manual"`     // the typed 得分 overrides the computed suggestion
	Reasons    Reasons `json:"reasons"`    // 未完成原因 ticks
	Reason     string  `json:"reason"`     // 原因说明
	Measures   string  `json:"measures"`   // 改进措施
	Grade      Grade   `json:"grade"`      // qualitative band picked by the user
	// Evidence is the indicator's 佐证材料 list (forms/evidence.go).
	Evidence []Evidence `json:"evidence,omitempty"`
}

// IsBlank reports whether nothing was typed in the row (a spare template row).
func (in *Indicator) IsBlank() bool {
	return in.Op == OpNone && !in.Reasons.Any() && in.Grade == GradeNone && !in.Manual &&
		isBlank(in.Content) && isBlank(in.Unit) && isBlank(in.Target) && isBlank(in.Actual) &&
		isBlank(in.Completion) && isBlank(in.Weight) && isBlank(in.Score) &&
		isBlank(in.Reason) && isBlank(in.Measures)
}

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// Level2 is a 二级指标 with its 三级 rows.
type Level2 struct {
	Name string       `json:"name"`
	Rows []*Indicator `json:"rows"`
}

// Level1 is a 一级指标 with its 二级 children. Merged means the 一级 and its single 二级
// share one printed cell (服务对象满意度 on the unit form).
type Level1 struct {
	Name     string    `json:"name"`
	Merged   bool      `json:"merged,omitempty"`
	Children []*Level2 `json:"children"`
}

// Tree is an indicator table: 一级 → 二级 → 三级.
type Tree []*Level1

// RowPath addresses a 三级 row in a Tree.
type RowPath struct{ L1, L2, Row int }

// Level2At returns the 二级 at (l1, l2), or nil.
func (t Tree) Level2At(l1, l2 int) *Level2 {
	if l1 < 0 || l1 >= len(t) || l2 < 0 || l2 >= len(t[l1].Children) {
		return nil
	}
	return t[l1].Children[l2]
}

// Row returns the 三级 row at p, or nil.
func (t Tree) Row(p RowPath) *Indicator {
	b := t.Level2At(p.L1, p.L2)
	if b == nil || p.Row < 0 || p.Row >= len(b.Rows) {
		return nil
	}
	return b.Rows[p.Row]
}

// Each calls f for every 三级 row in printed order.
func (t Tree) Each(f func(p RowPath, l1 *Level1, l2 *Level2, in *Indicator)) {
	for i, a := range t {
		for j, b := range a.Children {
			for k, in := range b.Rows {
				f(RowPath{i, j, k}, a, b, in)
			}
		}
	}
}

// AddRow appends a blank 三级 row under (l1, l2) and returns it, or nil if there is no such
// 二级 or the table is full (AddRowError says which).
func (t Tree) AddRow(l1, l2 int) *Indicator {
	if t.AddRowError(l1, l2) != nil {
		return nil
	}
	b := t[l1].Children[l2]
	in := &Indicator{}
	b.Rows = append(b.Rows, in)
	return in
}

// RemoveRow removes the 三级 row at p.
func (t Tree) RemoveRow(p RowPath) {
	b := t.Level2At(p.L1, p.L2)
	if b == nil || p.Row < 0 || p.Row >= len(b.Rows) {
		return
	}
	b.Rows = append(b.Rows[:p.Row], b.Rows[p.Row+1:]...)
}

// MoveRow moves the 三级 row at p to position to within the same 二级.
func (t Tree) MoveRow(p RowPath, to int) {
	if b := t.Level2At(p.L1, p.L2); b != nil {
		moveItem(b.Rows, p.Row, to)
	}
}

// AddLevel2 appends a 二级 named name under 一级 l1 and returns it, or nil if there is no such
// 一级 or the table is full (AddLevel2Error says which).
func (t Tree) AddLevel2(l1 int, name string) *Level2 {
	if t.AddLevel2Error(l1) != nil {
		return nil
	}
	b := &Level2{Name: name, Rows: []*Indicator{}}
	t[l1].Children = append(t[l1].Children, b)
	return b
}

// RemoveLevel2 removes the 二级 at (l1, l2) with its rows.
func (t Tree) RemoveLevel2(l1, l2 int) {
	if t.Level2At(l1, l2) == nil {
		return
	}
	c := t[l1].Children
	t[l1].Children = append(c[:l2], c[l2+1:]...)
}

// MoveLevel2 moves the 二级 at (l1, l2) to position to under the same 一级.
func (t Tree) MoveLevel2(l1, l2, to int) {
	if l1 >= 0 && l1 < len(t) {
		moveItem(t[l1].Children, l2, to)
	}
}

// newTree builds a tree from 一级 names and their 二级 names.
func newTree(spec []levelSpec) Tree {
	t := make(Tree, len(spec))
	for i, s := range spec {
		l1 := &Level1{Name: s.name, Merged: s.merged, Children: make([]*Level2, len(s.children))}
		for j, c := range s.children {
			l1.Children[j] = &Level2{Name: c, Rows: []*Indicator{}}
		}
		t[i] = l1
	}
	return t
}

type levelSpec struct {
	name     string
	merged   bool
	children []string
}
