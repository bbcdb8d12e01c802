package forms

import (
	"strings"
	"testing"
)

// cleanDoc is a small document with no problems: a unit whose single indicator carries 100
// points, and one project split 50/30/10/10 with full scores.
func cleanDoc() *Document {
	d := NewDocument(2021)
	d.Settings.UnitShortName = "某中心"
	d.Unit.Name = "某某中心"
	d.Unit.Staff = "10"
	d.Unit.BudgetRow("I1").Amounts = Amounts{"100", "100", "100"}
	d.Unit.BudgetRow("E1.1").Amounts = Amounts{"100", "100", "100"}
	d.Unit.Tasks = []*Task{{Name: "重点工作一", Amounts: Amounts{"100", "100", "100"}}}
	*d.Unit.Indicators.AddRow(0, 0) = Indicator{Content: "任务", Target: "完成", Actual: "完成", Weight: "100", Score: "100"}
	p := d.AddProject()
	p.Name = "项目甲"
	p.FundRow("S1").Amounts = Amounts{"50", "50", "50"}
	p.Indicators.Each(func(_ RowPath, _ *Level1, _ *Level2, in *Indicator) {
		in.Content, in.Target, in.Actual, in.Score = "内容", "完成", "完成", in.Weight
	})
	return d
}

func problemsOf(d *Document) []Problem { return Evaluate(d).Problems }

func TestCleanDocHasNoProblems(t *testing.T) {
	d := cleanDoc()
	for _, p := range problemsOf(d) {
		t.Errorf("unexpected: %s", p)
	}
	ev := Evaluate(d)
	if FormatScore(ev.Unit.Total) != "100" || FormatScore(ev.Projects[0].Total) != "100" {
		t.Fatalf("totals %v %v", ev.Unit.Total, ev.Projects[0].Total)
	}
}

// TestChecks: each rule of docs/scoring.md §4, by a change to the clean document and the problem it must raise.
func TestChecks(t *testing.T) {
	unitRow := func(d *Document) *Indicator { return d.Unit.Indicators.Row(RowPath{0, 0, 0}) }
	projRow := func(d *Document, l1, l2 int) *Indicator { return d.Projects[0].Indicators.Row(RowPath{l1, l2, 0}) }
	tests := map[string]struct {
		change func(d *Document)
		level  Level
		want   string // substring of Problem.String()
	}{
		"unit weights not 100": {func(d *Document) { unitRow(d).Weight = "90"; unitRow(d).Score = "90" },
			LevelError, "Σ分值为 90，应为 100"},
		"unit weight blank is a warning": {func(d *Document) { unitRow(d).Weight = "" },
			LevelWarning, "有 1 处分值未填写（履职效能 › 重点工作履行情况 › 指标 1）"},
		"project weights not 100": {func(d *Document) { projRow(d, 0, 0).Weight = "20"; projRow(d, 0, 0).Score = "20" },
			LevelError, "三级指标分值与预算执行率分值之和为 107，应为 100"},
		"project D weight blank": {func(d *Document) { d.Projects[0].FundsWeight = "" },
			LevelWarning, "预算执行率的分值"},
		"score above weight": {func(d *Document) { unitRow(d).Score = "101" },
			LevelError, "得分 101 超过分值 100"},
		"negative score": {func(d *Document) { unitRow(d).Score = "-1" },
			LevelError, "分数“-1”不能为负数"},
		"grade outside band": {func(d *Document) { unitRow(d).Score = "70"; unitRow(d).Grade = GradeMet; fillReasons(unitRow(d)) },
			LevelError, "所选等级“达成年度指标（80%–100%）”与得分 70（分值 100）不符"},
		"score not a number": {func(d *Document) { unitRow(d).Score = "满分" },
			LevelError, "指标 1 › 得分：“满分”不是数字"},
		"weight not a number": {func(d *Document) { unitRow(d).Weight = "10%" },
			LevelError, "“10%”不是分数"},
		"amount not a number": {func(d *Document) { d.Unit.BudgetRow("I1").Full = "一百" },
			LevelError, "1.财政拨款收入 › 全年预算数：“一百”不是数字"},
		"staff not integer": {func(d *Document) { d.Unit.Staff = "10.5" },
			LevelError, "财政供养人员数量：“10.5”应为不小于 0 的整数"},
		"zero budget with execution": {func(d *Document) { d.Unit.BudgetRow("I1").Full = "0" },
			LevelError, "全年预算数为 0，但全年执行数为 100"},
		"project A blank": {func(d *Document) { d.Projects[0].FundRow("S1").Full = "" },
			LevelError, "无法计算预算执行率得分"},
		"typed subtotal differs": {func(d *Document) { d.Unit.BudgetRow("I0").Initial = "99" },
			LevelWarning, "填写的小计 99 与各项之和 100 不一致"},
		"typed project total differs": {func(d *Document) { d.Projects[0].FundRow("T").Actual = "40" },
			LevelWarning, "填写的小计 40 与各项之和 50 不一致"},
		"income differs from spending": {func(d *Document) { d.Unit.BudgetRow("E1.1").Full = "90" },
			LevelWarning, "收入小计 100 与支出小计 90 不相等"},
		"deduction without reasons": {func(d *Document) { unitRow(d).Score = "95" },
			LevelWarning, "得分 95 低于分值 100，但未勾选未完成原因、未填原因说明、未填改进措施"},
		"deduction missing measures only": {func(d *Document) {
			unitRow(d).Score = "95"
			fillReasons(unitRow(d))
			unitRow(d).Measures = ""
		}, LevelWarning, "但未填改进措施"},
		"low execution rate": {func(d *Document) { d.Projects[0].FundRow("S1").Actual = "40" },
			LevelWarning, "执行率 80% 低于 90%"},
		"completion far above target": {func(d *Document) {
			r := unitRow(d)
			r.Op, r.Target, r.Actual, r.Score, r.Manual = OpGE, "100", "140", "", false
		}, LevelWarning, "完成值达到指标值的 140%"},
		"numeric target without operator": {func(d *Document) { unitRow(d).Target = "95%" },
			LevelWarning, "指标值“95%”是数字，但未选运算符号"},
		"split other than 50/30/10/10": {func(d *Document) {
			projRow(d, 0, 0).Weight, projRow(d, 0, 0).Score = "8", "8"
			projRow(d, 1, 0).Weight, projRow(d, 1, 0).Score = "15", "15"
		}, LevelWarning, "分值分配为 产出 45 · 效益 35 · 满意度 10 · 预算执行率 10"},
		"bad operator": {func(d *Document) { unitRow(d).Op = "~" },
			LevelError, "运算符号“~”无法识别"},
		"score missing": {func(d *Document) { unitRow(d).Score = "" },
			LevelWarning, "已填分值 100，但得分未填写"},
		"bad year": {func(d *Document) { d.Settings.Year = "二〇二一" },
			LevelError, "年度“二〇二一”不是有效的年份"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			d := cleanDoc()
			tc.change(d)
			var got []string
			for _, p := range problemsOf(d) {
				if p.Level == tc.level && strings.Contains(p.String(), tc.want) {
					return
				}
				got = append(got, p.String())
			}
			t.Fatalf("no %s containing %q; got:\n%s", tc.level, tc.want, strings.Join(got, "\n"))
		})
	}
}

func fillReasons(in *Indicator) {
	in.Reasons.Funding = true
	in.Reason = "资金到位晚"
	in.Measures = "提前申请"
}

// TestProblemAddresses: every problem names its form and field, and carries a message.
func TestProblemAddresses(t *testing.T) {
	d := cleanDoc()
	d.Unit.Indicators.Row(RowPath{0, 0, 0}).Score = "abc"
	d.Projects[0].FundRow("S1").Full = "x"
	for _, p := range problemsOf(d) {
		if p.Form == "" || p.Field == "" || p.Message == "" || !strings.HasSuffix(p.Message, "。") {
			t.Errorf("badly addressed problem: %+v", p)
		}
	}
}

func TestIndicatorScoring(t *testing.T) {
	tests := map[string]struct {
		in         Indicator
		score      string // "" = no score in force
		manual     bool
		completion string
		grade      Grade
	}{
		"suggested from ≥":                     {Indicator{Op: OpGE, Target: "≥50个", Actual: "40个", Weight: "10"}, "8", false, "80%", GradeMet},
		"manual override":                      {Indicator{Op: OpGE, Target: "50", Actual: "40", Weight: "10", Score: "7", Manual: true}, "7", true, "80%", GradePartial},
		"typed but not manual uses suggestion": {Indicator{Op: OpGE, Target: "50", Actual: "40", Weight: "10", Score: "7"}, "8", false, "80%", GradeMet},
		"sign in target":                       {Indicator{Target: "≤5天", Actual: "10天", Weight: "10"}, "5", false, "50%", GradeMissed},
		"qualitative typed":                    {Indicator{Target: "一次性支付", Actual: "全部支付", Weight: "10", Score: "9"}, "9", false, "", GradeMet},
		"qualitative picked":                   {Indicator{Target: "好", Actual: "较好", Weight: "10", Score: "7", Grade: GradePartial}, "7", false, "", GradePartial},
		"typed completion":                     {Indicator{Target: "1197.19", Completion: "100%", Weight: "40", Score: "38"}, "38", false, "100%", GradeMet},
		"no weight no score":                   {Indicator{Op: OpGE, Target: "50", Actual: "60"}, "", false, "120%", GradeNone},
		"percent target":                       {Indicator{Op: OpGE, Target: "95%", Actual: "９０％", Weight: "20"}, "18.95", false, "94.74%", GradeMet},
		"blank weight scored":                  {Indicator{Target: "一次性支付", Actual: "全部支付", Score: "14"}, "14", false, "", GradeNone},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			in := tc.in
			r := evalIndicator(RowPath{}, &in, evalContext{rule: NegativeRatio, year: 2021})
			score := ""
			if r.HasScore {
				score = FormatScore(r.Score)
			}
			if score != tc.score || r.Manual != tc.manual || r.CompletionText(&in) != tc.completion || r.Grade != tc.grade {
				t.Fatalf("got score %q manual %v completion %q grade %q; want %q %v %q %q",
					score, r.Manual, r.CompletionText(&in), r.Grade, tc.score, tc.manual, tc.completion, tc.grade)
			}
		})
	}
}

// TestLowRateOnceForOneSource: a low 执行率 is warned once, for the row that sums it up, when the
// total is just one source at the same rate; a source at another rate is warned for too. The
// total row is named without the colon of its printed label (年度预算资金总额：).
func TestLowRateOnceForOneSource(t *testing.T) {
	rateWarnings := func(d *Document) []string {
		var rows []string
		for _, p := range problemsOf(d) {
			if strings.Contains(p.Message, "低于 90%") {
				rows = append(rows, p.Row)
			}
		}
		return rows
	}
	d := cleanDoc()
	d.Projects[0].FundRow("S1").Actual = "40" // 80 %, the total is S1 alone
	if got := rateWarnings(d); len(got) != 1 || got[0] != "年度预算资金总额" {
		t.Fatalf("one source at 80%%: rate warnings for rows %q, want one for 年度预算资金总额", got)
	}
	d.Projects[0].FundRow("S6").Amounts = Amounts{"50", "50", "20"} // 上年结转 at 40 %, total 60 %
	if got := strings.Join(rateWarnings(d), "|"); got != "年度预算资金总额|其中：财政拨款收入|上年结转" {
		t.Fatalf("two sources at 80%% and 40%%: rate warnings for rows %q", got)
	}
	d = cleanDoc()
	d.Unit.BudgetRow("I1").Actual = "70" // the unit's income: 收入小计 is 财政拨款收入 alone
	if got := rateWarnings(d); len(got) != 1 || got[0] != "年度部门预算收入小计（1至7项）" {
		t.Fatalf("unit income of one source at 70%%: rate warnings for rows %q", got)
	}
	for _, p := range problemsOf(d) {
		if strings.Contains(p.String(), "： ›") {
			t.Errorf("a colon before the path's next part: %s", p)
		}
	}
}
