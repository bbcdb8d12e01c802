package forms

import (
	"encoding/json"
	"reflect"
	"testing"
)

// clone is a deep copy of d that Diff sees as equal to it.
func clone(t *testing.T, d *Document) *Document {
	t.Helper()
	data, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	c := new(Document)
	if err := json.Unmarshal(data, c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestDiff(t *testing.T) {
	tests := map[string]struct {
		edit func(d *Document)
		want []string
	}{
		"nothing": {func(*Document) {}, nil},
		"unit name": {func(d *Document) { d.Unit.Name = "改" },
			[]string{"单位整体绩效自评表 › 部门（单位）名称"}},
		"settings": {func(d *Document) { d.Settings.Footer.Phone = "1"; d.Settings.Signature = !d.Settings.Signature },
			[]string{"文档设置 › 签字栏", "文档设置 › 联系电话"}},
		"budget": {func(d *Document) { d.Unit.BudgetRow("E1.2").Actual = "1" },
			[]string{"单位整体绩效自评表 › 年度部门（单位）整体收支情况 › 2.商品和服务支出 › 全年执行数"}},
		"unit score": {func(d *Document) { d.Unit.Indicators[0].Children[0].Rows[0].Score = "30" },
			[]string{"单位整体绩效自评表 › 分解目标评价 › 履职效能 › 重点工作履行情况 › 指标 1 › 得分"}},
		"project actual, named as now": {func(d *Document) {
			d.Projects[1].Name = "新名称"
			d.Projects[1].Indicators[0].Children[0].Rows[0].Actual = "99"
		}, []string{"项目 2「新名称」 › 项目（政策）名称", "项目 2「新名称」 › 绩效指标 › 产出指标 › 数量指标 › 指标 1 › 全年实际完成值"}},
		"fund and reasons": {func(d *Document) {
			d.Projects[0].FundRow("T").Full = "1"
			d.Projects[0].Indicators[0].Children[0].Rows[0].Reasons.Staff = true
		}, []string{"项目 1「新办公楼租金及物业费」 › 项目预算资金 › 年度预算资金总额 › 全年预算数",
			"项目 1「新办公楼租金及物业费」 › 绩效指标 › 产出指标 › 数量指标 › 指标 1 › 未完成原因"}},
		"evidence": {func(d *Document) {
			d.Unit.BudgetEvidence = []Evidence{{Name: "决算报表"}}
			d.Projects[0].Indicators[0].Children[0].Rows[0].Evidence = []Evidence{{Name: "合同", Pages: "3"}}
		}, []string{"单位整体绩效自评表 › 年度部门（单位）整体收支情况 › 佐证材料第 1 项（新增）",
			"项目 1「新办公楼租金及物业费」 › 绩效指标 › 产出指标 › 数量指标 › 指标 1 › 佐证材料第 1 项（新增）"}},
		"goal added": {func(d *Document) { d.Unit.Goals = append(d.Unit.Goals, &Goal{Target: "新"}) },
			[]string{"单位整体绩效自评表 › 年度绩效目标 › 第 2 条（新增）"}},
		"row removed": {func(d *Document) { d.Unit.Indicators.RemoveRow(RowPath{0, 0, 0}) },
			[]string{"单位整体绩效自评表 › 分解目标评价 › 履职效能 › 重点工作履行情况 › 指标 1（删除）"}},
		"project added and removed": {func(d *Document) { d.RemoveProject(3); d.AddProject().Name = "新项目"; d.AddProject() },
			[]string{"项目 4「新项目」 › 项目（政策）名称", "项目 4「新项目」 › 实施期"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			old := loadSample(t)
			d := clone(t, old)
			tc.edit(d)
			var got []string
			for _, df := range Diff(old, d) {
				got = append(got, df.String())
			}
			if name == "project added and removed" {
				if len(got) < 4 || got[len(got)-1] != "项目 5「未命名项目」 › 整张表（新增）" {
					t.Fatalf("got %q", got)
				}
				got = got[:2] // then the rows of project 4 that differ from the old one's
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

// TestDiffSeesEveryField: a change of any field of a document — a text, a tick, a choice — is
// a difference, so a field added to the document later cannot be forgotten by Diff.
func TestDiffSeesEveryField(t *testing.T) {
	base := NewDocument(2021)
	base.Unit.Indicators.AddRow(0, 0)
	base.AddProject()
	// An item in each 佐证材料 list, so that its fields are reached.
	base.Unit.BudgetEvidence = []Evidence{{}}
	base.Projects[0].FundsEvidence = []Evidence{{}}
	for _, tree := range []Tree{base.Unit.Indicators, base.Projects[0].Indicators} {
		tree.Each(func(_ RowPath, _ *Level1, _ *Level2, in *Indicator) { in.Evidence = []Evidence{{}} })
	}
	n := len(leaves(reflect.ValueOf(base)))
	if n < 60 {
		t.Fatalf("only %d fields found", n)
	}
	for i := range n {
		d := clone(t, base)
		v := leaves(reflect.ValueOf(d))[i]
		switch v.Kind() {
		case reflect.String:
			v.SetString(v.String() + "改")
		case reflect.Bool:
			v.SetBool(!v.Bool())
		}
		if diffs := Diff(base, d); len(diffs) == 0 {
			t.Errorf("field %d (%s = %v) changed, Diff found nothing", i, v.Type(), v)
		}
	}
}

// leaves are the string and bool fields reachable from v, in a fixed order.
func leaves(v reflect.Value) []reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		return leaves(v.Elem())
	case reflect.Struct:
		var out []reflect.Value
		for i := range v.NumField() {
			out = append(out, leaves(v.Field(i))...)
		}
		return out
	case reflect.Slice:
		var out []reflect.Value
		for i := range v.Len() {
			out = append(out, leaves(v.Index(i))...)
		}
		return out
	case reflect.String, reflect.Bool:
		return []reflect.Value{v}
	}
	panic("leaves: unexpected kind " + v.Kind().String())
}

// TestDiffEvidenceFields: a changed 页数 is named by item and field, a removed item as removed.
func TestDiffEvidenceFields(t *testing.T) {
	old := withEvidence(t)
	d := clone(t, old)
	d.Unit.BudgetEvidence[0].Pages = "13"
	d.Projects[0].FundsEvidence = nil
	var got []string
	for _, df := range Diff(old, d) {
		got = append(got, df.String())
	}
	want := []string{"单位整体绩效自评表 › 年度部门（单位）整体收支情况 › 佐证材料第 1 项 › 页数",
		"项目 1「新办公楼租金及物业费」 › 项目预算资金 › 佐证材料第 1 项（删除）"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q", got)
	}
}
