package forms

import (
	"strings"
	"testing"
)

// problemsWith are the problems of ps whose String contains s.
func problemsWith(ps []Problem, s string) []Problem {
	var out []Problem
	for _, p := range ps {
		if strings.Contains(p.String(), s) {
			out = append(out, p)
		}
	}
	return out
}

// TestInvalidWeightNamesItsOwnRow: a 分值 "/" is one error on its row, never also a blank
// 年度资金总额 (or, in the unit form, 预算执行率) 分值, and the total says why it is blank.
func TestInvalidWeightNamesItsOwnRow(t *testing.T) {
	for _, tpl := range builtinIDs {
		d := cleanDoc()
		d.Settings.SetTemplate(tpl)
		d.Unit.Indicators.Row(RowPath{}).Weight = "/"
		d.Projects[0].Indicators.Row(RowPath{0, 0, 0}).Weight = "/"
		ps := problemsOf(d)
		for _, bad := range []string{"预算执行率的分值", "年度资金总额的分值", "分值未填写"} {
			if got := problemsWith(ps, bad); len(got) > 0 {
				t.Errorf("%s: a “/” 分值 reported as %q: %v", tpl, bad, got)
			}
		}
		for form := -1; form <= 0; form++ {
			var weight, total []Problem
			for _, p := range ps {
				switch {
				case p.Loc.Form == form && p.Loc.Field == "weight" && p.Loc.Section == SecIndicators:
					weight = append(weight, p)
				case p.Loc.Form == form && p.Loc.Section == SecTotals:
					total = append(total, p)
				}
			}
			if len(weight) != 1 || weight[0].Level != LevelError || weight[0].Loc.Path != (RowPath{}) {
				t.Errorf("%s form %d: the “/” 分值 gives %v", tpl, form, weight)
			}
			if len(total) != 1 || !strings.Contains(total[0].Message, "1 个指标的分值或得分不是有效数字") || strings.Contains(total[0].Message, "已填分值但没有得分") {
				t.Errorf("%s form %d: the total says %v", tpl, form, total)
			}
		}
	}
}

// TestTotalsOver100: C, C+D and the unit's total over 100 are errors, also when every 分值 is
// blank (a 20-point 资金 template printed C 100 + D 20 = 120).
func TestTotalsOver100(t *testing.T) {
	d := cleanDoc()
	d.Projects[0].FundsWeight = "20"
	d.Projects[0].Indicators.Each(func(_ RowPath, _ *Level1, _ *Level2, in *Indicator) { in.Weight = "" })
	d.Projects[0].Indicators.Row(RowPath{0, 0, 0}).Score = "23" // Σ得分 90 → 100 (+ D 20 = 120)
	ev := Evaluate(d)
	if got := ev.Projects[0].TotalText(); got != "120" {
		t.Fatalf("total %q", got)
	}
	if got := problemsWith(ev.Problems, "C 与预算执行率得分（D）之和为 120，超过满分 100"); len(got) != 1 || got[0].Level != LevelError {
		t.Errorf("C+D 120: %v", ev.Problems)
	}
	d.Projects[0].Indicators.Row(RowPath{0, 0, 0}).Score = "33" // C 110
	if got := problemsWith(problemsOf(d), "（C）为 110，超过满分 100"); len(got) != 1 || got[0].Level != LevelError {
		t.Errorf("C 110: %v", problemsOf(d))
	}
	// The unit form: its one row's 分值 blank, its 得分 120.
	d = cleanDoc()
	row := d.Unit.Indicators.Row(RowPath{})
	row.Weight, row.Score = "", "120"
	if got := problemsWith(problemsOf(d), "全部指标得分之和为 120，超过满分 100"); len(got) != 1 || got[0].Level != LevelError {
		t.Errorf("unit 120: %v", problemsOf(d))
	}
	// Σ分值 over 100 with a blank: an error already.
	d = cleanDoc()
	d.Projects[0].FundsWeight = "30" // 77 + 30
	d.Projects[0].Indicators.Row(RowPath{0, 0, 0}).Weight = ""
	if got := problemsWith(problemsOf(d), "已填写的分值之和为 107，超过 100"); len(got) != 1 || got[0].Level != LevelError {
		t.Errorf("Σ分值 107 with a blank: %v", problemsOf(d))
	}
}

// TestNationalWrittenReasons: in the national template a 偏差原因 written (原因说明) explains a
// deduction and a low 执行率 with no box ticked; the Liaoning template still asks for a tick.
func TestNationalWrittenReasons(t *testing.T) {
	for _, tpl := range builtinIDs {
		d := cleanDoc()
		d.Settings.SetTemplate(tpl)
		p := d.Projects[0]
		p.FundRow("S1").Actual = "40" // 执行率 80%
		in := p.Indicators.Row(RowPath{0, 0, 0})
		in.Score, in.Reason = "10", "受疫情影响，部分工作延后。"
		ps := problemsOf(d)
		reasons := problemsWith(ps, "没有说明原因")
		reasons = append(reasons, problemsWith(ps, "未勾选")...)
		if tpl == TemplateNational && len(reasons) > 0 {
			t.Errorf("national: a written 偏差原因 does not explain: %v", reasons)
		}
		if tpl == TemplateLiaoning && len(reasons) != 2 {
			t.Errorf("Liaoning: want the two warnings of a reason not ticked, got %v", reasons)
		}
	}
}

// TestNotStarted: forms with nothing but their header have no problems; a document without
// anything typed has at most one (the 单位简称 of its settings).
func TestNotStarted(t *testing.T) {
	d := NewDocument(2021)
	ev := Evaluate(d)
	if !ev.Unit.NotStarted || ev.Unit.NotFilled || len(ev.Problems) > 1 {
		t.Fatalf("new document: not started %v, not filled %v, problems %v", ev.Unit.NotStarted, ev.Unit.NotFilled, ev.Problems)
	}
	d.Unit.Name, d.Unit.Staff = "某某中心", "12" // the header only
	p := d.AddProject()
	p.Name, p.Period = "项目甲", "2021 年"
	ev = Evaluate(d)
	if !ev.Unit.NotStarted || !ev.Unit.NotFilled || !ev.Projects[0].NotStarted || len(ev.Problems) > 1 {
		t.Fatalf("headers only: unit %v/%v, project %v, problems %v", ev.Unit.NotStarted, ev.Unit.NotFilled, ev.Projects[0].NotStarted, ev.Problems)
	}
	if errs, _ := Counts(ev.Problems); errs != 0 {
		t.Fatalf("errors %v", ev.Problems)
	}
	notes := ExportNotes(d, ev)
	if len(notes) != 2 || !strings.Contains(notes[0], "未导出") || !strings.Contains(notes[1], "未填写") {
		t.Fatalf("notes %q", notes)
	}
	// Anything typed beyond the header starts a form.
	for name, start := range map[string]func(d *Document){
		"a unit amount":       func(d *Document) { d.Unit.BudgetRow("I1").Full = "1" },
		"a unit indicator":    func(d *Document) { d.Unit.Indicators.AddRow(0, 0).Content = "任务" },
		"a project amount":    func(d *Document) { d.Projects[0].FundRow("S1").Full = "1" },
		"a project goal":      func(d *Document) { d.Projects[0].Goals[0].Target = "目标" },
		"a project 分值":        func(d *Document) { d.Projects[0].Indicators.Row(RowPath{0, 0, 0}).Weight = "20" },
		"D's 分值":              func(d *Document) { d.Projects[0].FundsWeight = "20" },
		"a project indicator": func(d *Document) { d.Projects[0].Indicators.Row(RowPath{0, 0, 0}).Content = "数量" },
		"a 评价结论":              func(d *Document) { d.Projects[0].Conclusion = "良好" },
	} {
		c := cloneDoc(t, d)
		start(c)
		ev := Evaluate(c)
		if ev.Unit.NotStarted && ev.Projects[0].NotStarted {
			t.Errorf("%s: still not started", name)
		}
		if errs, _ := Counts(ev.Problems); errs == 0 {
			t.Errorf("%s: a form started but blank has no error", name)
		}
	}
}

// cloneDoc is a deep copy of d, through the file format.
func cloneDoc(t *testing.T, d *Document) *Document {
	t.Helper()
	b, err := Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Unmarshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
