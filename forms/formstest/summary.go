package formstest

import (
	"os"
	"testing"

	"ziping/forms"
)

// SummaryInputs are the department-summary tests' documents: the sample at samplePath and two
// edited copies, the second with 全年预算数 5000 and an indicator's 全年完成值 changed (unit total
// 92.41), the third of 2020 with one project fewer and no 全年执行数.
func SummaryInputs(tb testing.TB, samplePath string) []forms.SummaryInput {
	tb.Helper()
	load := func() *forms.Document {
		data, err := os.ReadFile(samplePath)
		if err != nil {
			tb.Fatal(err)
		}
		doc, err := forms.Unmarshal(data)
		if err != nil {
			tb.Fatal(err)
		}
		return doc
	}
	a, b := load(), load()
	a.Unit.Name = "抚顺市东洲区社会保险事业服务所"
	a.Unit.BudgetRow("I1").Full = "5000"
	in := a.Unit.Indicators.Row(forms.RowPath{L1: 0, L2: 0, Row: 0})
	in.Op, in.Actual, in.Manual = forms.OpGE, "1000", false // 采用建议
	b.Unit.Name = "新宾满族自治县社会保险事业服务中心"
	b.Settings.Year = "2020"
	b.Unit.BudgetRow("I1").Actual = ""
	b.RemoveProject(0)
	return []forms.SummaryInput{{Source: "sample.zpb", Doc: load()}, {Source: "a.zpb", Doc: a}, {Source: "b.zpb", Doc: b}}
}
