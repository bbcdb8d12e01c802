package forms

import (
	"bytes"
	"testing"
)

// TestNationalTarget: the operator and the unit go into the printed 年度指标值 once: not before
// a target that writes its comparison, not after one that has its unit, a percent sign or a
// comparison written after the number; a text target is printed as typed.
func TestNationalTarget(t *testing.T) {
	for _, c := range []struct {
		op                 Op
		target, unit, want string
		actual, actualWant string
	}{
		{OpGE, "95", "%", "≥95%", "97.5", "97.5%"},
		{OpGE, " 95 ", "%", "≥95%", "97.5%", "97.5%"},
		{OpNone, "≥95", "%", "≥95%", "96", "96%"},
		{OpGE, "≥95%", "%", "≥95%", "96", "96"},
		{OpLE, "不超过10", "天", "不超过10天", "12", "12天"},
		{OpLE, "10天以内", "天", "10天以内", "12", "12"},
		{OpGE, "95以上", "%", "95以上", "96", "96"},
		{OpEQ, "1197.19", "万元", "＝1197.19万元", "1197.19", "1197.19万元"},
		{OpGE, "50个", "个", "≥50个", "48个", "48个"},
		{OpNone, "100", "", "100", "100", "100"},
		{OpGE, "一次性支付", "", "一次性支付", "全部支付", "全部支付"},
		{OpLE, "12月底前", "", "12月底前", "11月30日", "11月30日"},
		{OpGE, "", "%", "", "96", "96"},
		{Op("=>"), "95", "%", "95%", "96", "96%"},
	} {
		in := &Indicator{Op: c.op, Target: c.target, Unit: c.unit, Actual: c.actual}
		op, target, unit := in.NationalTarget()
		if got := op + target + unit; got != c.want {
			t.Errorf("%q %q %q: 年度指标值 %q, want %q", c.op, c.target, c.unit, got, c.want)
		}
		actual, unit := in.NationalActual()
		if got := actual + unit; got != c.actualWant {
			t.Errorf("%q %q %q: 实际完成值 %q from %q, want %q", c.op, c.target, c.unit, got, c.actual, c.actualWant)
		}
	}
}

// TestNationalDeviation: ticked reasons, 原因说明 and 改进措施 in one text, each part only when
// filled.
func TestNationalDeviation(t *testing.T) {
	for _, c := range []struct {
		in   Indicator
		want string
	}{
		{Indicator{}, ""},
		{Indicator{Reasons: Reasons{Funding: true, Staff: true}}, "经费保障、人员保障"},
		{Indicator{Reasons: Reasons{Other: true}, Reason: "资金下达晚"}, "资金下达晚"}, // a tick never changes what is written
		{Indicator{Reason: "资金下达晚", Measures: "提前申请"}, "资金下达晚\n改进措施：提前申请"},
		{Indicator{Measures: " 提前申请 "}, "改进措施：提前申请"},
		{Indicator{Reasons: Reasons{System: true}, Measures: "完善制度"}, "改进措施：完善制度"},
	} {
		ticks, sep, reason, prefix, measures := c.in.NationalDeviation()
		if got := ticks + sep + reason + prefix + measures; got != c.want {
			t.Errorf("%+v: %q, want %q", c.in, got, c.want)
		}
	}
}

// TestNationalFunds: the national source rows group the document's seven by name; a row of one
// filled source keeps it as typed, a row of several sums them, and their sum is 年度资金总额.
func TestNationalFunds(t *testing.T) {
	p := NewProjectForm()
	set := func(id, full, actual string) { r := p.FundRow(id); r.Full, r.Actual = full, actual }
	set("S1", "500.00", "480")
	set("S2", "", "")
	set("S6", "60", "60")
	set("S3", "10", "9")
	set("S7", "30.5", "30")
	doc := &Document{Settings: Settings{Year: "2021"}, Projects: []*ProjectForm{p}}
	r := Evaluate(doc).Projects[0]
	got := p.NationalFunds(r)
	want := [][3]string{{"其中：当年财政拨款", "500.00", "480"}, {"上年结转资金", "60", "60"}, {"其他资金", "40.5", "39"}}
	for i, f := range got {
		full := f.Result.Text(ColFull, f.Typed, false)
		actual := f.Result.Text(ColActual, f.Typed, false)
		if f.Def.Label != want[i][0] || full != want[i][1] || actual != want[i][2] {
			t.Errorf("row %d: %s %q %q, want %v", i+1, f.Def.Label, full, actual, want[i])
		}
	}
	if !got[2].Result.Cells[ColFull].Computed || got[0].Result.Cells[ColFull].Computed {
		t.Error("a row of several sources is not computed, or one of a single source is")
	}
	total := r.Funds["T"].Cells[ColFull].Value
	sum := got[0].Result.Cells[ColFull].Value.Add(got[1].Result.Cells[ColFull].Value).Add(got[2].Result.Cells[ColFull].Value)
	if !total.Equal(sum) {
		t.Errorf("年度资金总额 %s, the national rows add up to %s", total, sum)
	}
	if !got[2].Result.HasRate || got[2].Result.RateText() != "96.3%" {
		t.Errorf("其他资金 执行率 %q", got[2].Result.RateText())
	}
}

// TestTemplateSetting: the default is left out of the file, so that an older program still opens
// it; a file naming an unknown template is refused (TestUnknownTemplateRefused), and one set by
// code is reported by the checks.
func TestTemplateSetting(t *testing.T) {
	doc := NewDocument(2021)
	doc.Settings.SetTemplate(TemplateNational)
	if doc.Settings.TemplateOf().ID() != TemplateNational {
		t.Fatal("national not set")
	}
	doc.Settings.SetTemplate(TemplateLiaoning)
	data, err := Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Settings.Template != "" || doc.Settings.TemplateOf().ID() != TemplateLiaoning || bytes.Contains(data, []byte(`"template"`)) {
		t.Errorf("the default template is written to the file")
	}
	doc.Settings.SetTemplate(TemplateNational)
	doc.AddProject().Conclusion = "项目总体完成较好"
	data, err = Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Unmarshal(data)
	if err != nil || back.Settings.TemplateOf().ID() != TemplateNational || back.Projects[0].Conclusion != "项目总体完成较好" {
		t.Fatalf("a national document does not load as saved: %v", err)
	}
	doc.Settings.Template = "hebei"
	found := false
	for _, p := range Evaluate(doc).Problems {
		found = found || p.Loc.Field == "template" && p.Level == LevelError
	}
	if !found {
		t.Error("no error for an unknown template")
	}
}
