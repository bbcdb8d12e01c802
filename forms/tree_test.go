package forms

import (
	"strings"
	"testing"
)

func names(t Tree, l1 int) string {
	var out []string
	for _, c := range t[l1].Children {
		out = append(out, c.Name)
	}
	return strings.Join(out, ",")
}

func contents(b *Level2) string {
	var out []string
	for _, r := range b.Rows {
		out = append(out, r.Content)
	}
	return strings.Join(out, ",")
}

func TestTreeEditing(t *testing.T) {
	u := NewUnitForm()
	tree := u.Indicators
	if got := names(tree, 0); got != "重点工作履行情况,整体工作完成情况,基础管理" {
		t.Fatalf("default 二级 %s", got)
	}
	// 二级: add, rename, move, remove.
	b := tree.AddLevel2(0, "新增二级")
	b.Name = "改名二级"
	tree.MoveLevel2(0, 3, 0)
	if got := names(tree, 0); got != "改名二级,重点工作履行情况,整体工作完成情况,基础管理" {
		t.Fatalf("after add/move: %s", got)
	}
	tree.RemoveLevel2(0, 2)
	if got := names(tree, 0); got != "改名二级,重点工作履行情况,基础管理" {
		t.Fatalf("after remove: %s", got)
	}
	// 三级: add, move, remove.
	for _, c := range []string{"a", "b", "c"} {
		tree.AddRow(0, 1).Content = c
	}
	tree.MoveRow(RowPath{0, 1, 2}, 0)
	if got := contents(tree.Level2At(0, 1)); got != "c,a,b" {
		t.Fatalf("after move: %s", got)
	}
	tree.RemoveRow(RowPath{0, 1, 1})
	if got := contents(tree.Level2At(0, 1)); got != "c,b" {
		t.Fatalf("after remove: %s", got)
	}
	// Out-of-range edits do nothing.
	tree.RemoveRow(RowPath{0, 1, 9})
	tree.MoveRow(RowPath{0, 1, 0}, 5)
	tree.RemoveLevel2(9, 0)
	tree.MoveLevel2(9, 0, 1)
	if tree.AddRow(9, 9) != nil || tree.AddLevel2(-1, "x") != nil || tree.Row(RowPath{0, 9, 0}) != nil {
		t.Fatal("out-of-range add returned a row")
	}
	if got := contents(tree.Level2At(0, 1)); got != "c,b" {
		t.Fatalf("out-of-range edits changed rows: %s", got)
	}
	if !tree[5].Merged || tree[5].Name != "服务对象满意度" {
		t.Fatal("服务对象满意度 should be one merged cell")
	}
}

func TestProjectsEditing(t *testing.T) {
	d := NewDocument(2022)
	d.Unit.Name = "某单位"
	for _, n := range []string{"甲", "乙", "丙"} {
		d.AddProject().Name = n
	}
	if d.Projects[0].Department != "某单位" || d.Projects[0].FundsWeight != "10" {
		t.Fatal("new project defaults")
	}
	d.MoveProject(0, 2)
	d.RemoveProject(0)
	d.RemoveProject(7)
	var got []string
	for _, p := range d.Projects {
		got = append(got, p.Name)
	}
	if strings.Join(got, "") != "丙甲" {
		t.Fatalf("projects %v", got)
	}
	if d.UnitTitle() != "2022 年整体绩效自评表" {
		t.Fatalf("title %q", d.UnitTitle())
	}
	d.Settings.UnitShortName = "某中心"
	if d.ProjectTitle() != "2022 年某中心预算项目（政策）绩效目标自评表" {
		t.Fatalf("title %q", d.ProjectTitle())
	}
}

func TestNewProjectWeights(t *testing.T) {
	d := NewDocument(2021)
	d.AddProject()
	r := Evaluate(d).Projects[0]
	want := []string{"50", "30", "10"}
	for i, w := range r.Level1Weights {
		if FormatScore(w) != want[i] {
			t.Errorf("一级 %d weight %s, want %s", i, FormatScore(w), want[i])
		}
	}
	if FormatScore(r.WeightSum) != "100" {
		t.Errorf("Σ %s", FormatScore(r.WeightSum))
	}
}

func TestAmountsAccessors(t *testing.T) {
	var a Amounts
	if !a.IsBlank() {
		t.Fatal("zero Amounts not blank")
	}
	for i, c := range AmountColumns {
		a.Set(c, string(rune('1'+i)))
	}
	if a.Get(ColInitial)+a.Get(ColFull)+a.Get(ColActual) != "123" || a.IsBlank() {
		t.Fatalf("%+v", a)
	}
	var r Reasons
	r.SetTick(3, true)
	if !r.Hardware || !r.Ticks()[3] || !r.Any() {
		t.Fatal("SetTick")
	}
}
