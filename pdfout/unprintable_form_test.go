package pdfout

import (
	"reflect"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
)

// TestUnprintableByForm: the warnings of each form, merged, are what Unprintable gives for the
// whole document, settings texts (printed on every form) warned once.
func TestUnprintableByForm(t *testing.T) {
	doc := formstest.Sample(t)
	doc.Settings.UnitShortName = "抚顺\x07社保"
	doc.Unit.Name = "单位\x00名称"
	doc.Projects[2].Name = "项目𠮷"
	doc.Projects[3].Indicators[0].Children[0].Rows[0].Reason = "原因\x01"
	doc.Projects[1].FundsEvidence = []forms.Evidence{{Name: "凭证\x02"}}
	doc.Unit.BudgetEvidence = []forms.Evidence{{Name: "决算", Path: "D:/𠮷.pdf"}}
	whole, err := Unprintable(doc)
	if err != nil {
		t.Fatal(err)
	}
	ev := forms.Evaluate(doc)
	var per [][]forms.Problem
	for form := -1; form < len(doc.Projects); form++ {
		ps, err := UnprintableIn(doc, ev, form)
		if err != nil {
			t.Fatal(err)
		}
		per = append(per, ps)
	}
	if got := MergeUnprintable(per); !reflect.DeepEqual(got, whole) || len(whole) != 6 {
		t.Fatalf("merged per form:\n%v\nwhole document:\n%v", got, whole)
	}
	var p forms.Problem
	for _, w := range whole {
		if w.Loc.Section == forms.SecBudget {
			p = w // the project's, after the unit's
		}
	}
	if p.Form != forms.ProjectFormName(1, doc.Projects[1]) || p.Loc.Form != 1 || p.Loc.Field != "evidence_name" {
		t.Fatalf("the 佐证材料's warning: %v %+v", p, p.Loc)
	}
}

// thirtyRows is the sample with its first project grown to 30 filled indicator rows, the size
// the editor's per-keystroke check is measured at.
func thirtyRows(tb testing.TB) *forms.Document {
	doc := formstest.Sample(tb)
	tree := doc.Projects[0].Indicators
	for n := 0; ; n++ {
		count := 0
		tree.Each(func(forms.RowPath, *forms.Level1, *forms.Level2, *forms.Indicator) { count++ })
		if count >= 30 {
			break
		}
		l1 := n % len(tree)
		in := tree.AddRow(l1, n%len(tree[l1].Children))
		in.Op, in.Content, in.Unit, in.Target, in.Actual = forms.OpGE, "新办公楼租金及物业费按合同按时足额支付", "%", "95", "97.5"
		in.Weight, in.Reason, in.Measures = "2", "部分物业服务延期，原因已核实", "加强合同管理，按季度考核物业服务质量"
	}
	return doc
}

// BenchmarkUnprintableIn is the check the editor runs on every key typed into a form: the
// unprintable characters of one project form of 30 indicator rows.
func BenchmarkUnprintableIn(b *testing.B) {
	doc := thirtyRows(b)
	ev := forms.Evaluate(doc)
	for b.Loop() {
		if _, err := UnprintableIn(doc, ev, 0); err != nil {
			b.Fatal(err)
		}
	}
}
