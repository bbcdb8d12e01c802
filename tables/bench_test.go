package tables

import (
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
)

const sample = "../samples/fushun-shebao-2021.zpb"

// thirtyRows is the sample with its first project grown to 30 filled indicator rows.
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

// BenchmarkForm is the table of one project form of 30 indicator rows, built on every key
// typed into it (the check of unprintable characters reads it).
func BenchmarkForm(b *testing.B) {
	doc := thirtyRows(b)
	ev := forms.Evaluate(doc)
	for b.Loop() {
		if Form(doc, ev, 0) == nil {
			b.Fatal("no table")
		}
	}
}
