package forms

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// twoRowProject is a document with a blank unit form and one project: two quantitative rows
// (分值 60 and 30) whose 全年完成值 is blank, and a fully spent budget of 251.89.
func twoRowProject() *Document {
	doc := NewDocument(2021)
	p := doc.AddProject()
	p.Name = "城乡居民养老保险经办"
	for i := range p.Indicators {
		for _, l2 := range p.Indicators[i].Children {
			l2.Rows = []*Indicator{}
		}
	}
	p.Indicators[0].Children[0].Rows = []*Indicator{{Op: OpGE, Content: "参保人数", Target: "≥5000人", Weight: "60"}}
	p.Indicators[2].Children[0].Rows = []*Indicator{{Content: "满意度", Target: "≥95%", Weight: "30"}}
	p.FundRow("S1").Full, p.FundRow("S1").Actual = "251.89", "251.89"
	return doc
}

func problemsAt(ps []Problem, form int, field string) []Problem {
	var out []Problem
	for _, p := range ps {
		if p.Loc.Form == form && p.Loc.Field == field {
			out = append(out, p)
		}
	}
	return out
}

func TestIncompleteProjectHasNoTotal(t *testing.T) {
	doc := twoRowProject()
	ev := Evaluate(doc)
	r := ev.Projects[0]
	if r.DText() != "10" || r.CText() != "" || r.TotalText() != "" || r.Rating() != "" || r.Complete || r.Unscored != 2 {
		t.Fatalf("D %q C %q total %q grade %q complete %v unscored %d", r.DText(), r.CText(), r.TotalText(), r.Rating(), r.Complete, r.Unscored)
	}
	actual := problemsAt(ev.Problems, 0, "actual")
	if len(actual) != 2 || actual[0].Field != "全年完成值" || actual[0].Loc.Path != (RowPath{0, 0, 0}) || actual[1].Loc.Path != (RowPath{2, 0, 0}) {
		t.Fatalf("problems at 全年完成值: %v", actual)
	}
	if got := problemsAt(ev.Problems, 0, "score"); len(got) != 1 || !strings.Contains(got[0].Message, "有 2 个指标") || got[0].Loc.Section != SecTotals {
		t.Fatalf("one problem should count the unscored rows: %v", got)
	}
	for _, p := range ev.Problems {
		if p.Loc.Form < 0 && p.Loc.Section != SecSettings {
			t.Errorf("the blank unit form raised %s", p)
		}
	}
	if !ev.Unit.NotFilled {
		t.Error("a blank unit form in a document with projects is not NotFilled")
	}

	// Filled in, the totals appear.
	doc.Projects[0].Indicators[0].Children[0].Rows[0].Actual = "5200人"
	doc.Projects[0].Indicators[2].Children[0].Rows[0].Actual = "93%"
	r = Evaluate(doc).Projects[0]
	if r.CText() != "89.37" || r.TotalText() != "99.37" || r.Rating() != "优" {
		t.Fatalf("complete: C %q total %q grade %q", r.CText(), r.TotalText(), r.Rating())
	}
}

func TestIncompleteWhenDCannotBeComputed(t *testing.T) {
	doc := twoRowProject()
	p := doc.Projects[0]
	p.Indicators[0].Children[0].Rows[0].Actual = "5000"
	p.Indicators[2].Children[0].Rows[0].Actual = "95%"
	// Sources 90 / 89.974 / 89.974, the total row typed 0/0/0: D cannot be computed.
	p.FundRow("S1").Initial, p.FundRow("S1").Full, p.FundRow("S1").Actual = "90", "89.974", "89.974"
	p.FundRow("T").Initial, p.FundRow("T").Full, p.FundRow("T").Actual = "0", "0", "0"
	ev := Evaluate(doc)
	r := ev.Projects[0]
	if r.HasD || r.TotalText() != "" || r.Rating() != "" || r.CText() != "" {
		t.Fatalf("D %v total %q grade %q C %q", r.HasD, r.TotalText(), r.Rating(), r.CText())
	}
	if got := problemsAt(ev.Problems, 0, "score"); len(got) != 1 || !strings.Contains(got[0].Message, "D") {
		t.Fatalf("totals problem: %v", got)
	}
}

func TestNoScoresNoTotal(t *testing.T) {
	doc := NewDocument(2021)
	doc.AddProject().Name = "新项目"
	ev := Evaluate(doc)
	r := ev.Projects[0]
	if r.TotalText() != "" || r.Rating() != "" {
		t.Fatalf("a new project shows total %q grade %q", r.TotalText(), r.Rating())
	}
	// The unit form of a document without projects is its only form: it is never left out
	// (NotFilled), but while not started it is 未填写 and has no problem.
	alone := NewDocument(2021)
	if ev := Evaluate(alone); ev.Unit.NotFilled || !ev.Unit.NotStarted || ev.Unit.TotalText() != "" || len(problemsAt(ev.Problems, -1, "score")) != 0 {
		t.Fatalf("blank document: not filled %v, not started %v, total %q, problems %v", ev.Unit.NotFilled, ev.Unit.NotStarted, ev.Unit.TotalText(), ev.Problems)
	}
}

func TestUnitFormBlank(t *testing.T) {
	tests := map[string]func(u *UnitForm){
		"name":      func(u *UnitForm) { u.Name = "抚顺市社会保险事业服务中心" },
		"amount":    func(u *UnitForm) { u.BudgetRow("I1").Full = "1" },
		"task name": func(u *UnitForm) { u.Tasks[0].Name = "养老保险经办" },
		"goal":      func(u *UnitForm) { u.Goals[0].Target = "市级专项" },
		"indicator": func(u *UnitForm) { u.Indicators[0].Children[0].Rows = []*Indicator{{Weight: "40"}} },
		"renamed":   func(u *UnitForm) { u.Indicators[0].Children[0].Name = "重点工作" },
		"added":     func(u *UnitForm) { u.Indicators.AddLevel2(6, "创新") },
	}
	if !NewUnitForm().IsBlank() {
		t.Fatal("a new unit form is not blank")
	}
	u := NewUnitForm()
	u.Tasks = append(u.Tasks, &Task{Name: "重点工作二"}, &Task{Name: "重点工作十二"})
	u.Indicators[0].Children[0].Rows = []*Indicator{{}}
	if !u.IsBlank() {
		t.Fatal("default task names and spare rows are not blank")
	}
	for name, edit := range tests {
		t.Run(name, func(t *testing.T) {
			u := NewUnitForm()
			edit(u)
			if u.IsBlank() {
				t.Fatal("still blank")
			}
		})
	}
}

func TestNegativeValuesAreErrors(t *testing.T) {
	doc := twoRowProject()
	p := doc.Projects[0]
	p.FundRow("S1").Full = "-10"
	p.FundRow("S2").Actual = "-5"
	p.Indicators[0].Children[0].Rows[0].Weight = "-60"
	p.Indicators[2].Children[0].Rows[0].Score = "-3"
	ev := Evaluate(doc)
	want := map[string]string{"full": "不能为负数", "actual": "不能为负数", "weight": "不能为负数", "score": "不能为负数"}
	for field, msg := range want {
		found := false
		for _, pr := range problemsAt(ev.Problems, 0, field) {
			found = found || (pr.Level == LevelError && strings.Contains(pr.Message, msg))
		}
		if !found {
			t.Errorf("no error at %s containing %q: %v", field, msg, problemsAt(ev.Problems, 0, field))
		}
	}
	if r := ev.Projects[0]; r.TotalText() != "" || r.C.IsNegative() {
		t.Errorf("total %q C %v", r.TotalText(), r.C)
	}
}

func TestSpentMoreThanBudget(t *testing.T) {
	doc := twoRowProject()
	doc.Projects[0].FundRow("S1").Actual = "260"
	ev := Evaluate(doc)
	found := false
	for _, p := range problemsAt(ev.Problems, 0, "actual") {
		found = found || (p.Level == LevelWarning && strings.Contains(p.Message, "大于全年预算数"))
	}
	if !found || ev.Projects[0].DText() != "10" {
		t.Fatalf("執行数 > 预算数: warning %v, D %q", found, ev.Projects[0].DText())
	}
}

// TestSplitByName: the 50·30·10·10 check reads the 一级 by name, in whatever order they stand.
func TestSplitByName(t *testing.T) {
	doc := loadSample(t)
	p := doc.Projects[1]
	base := len(Evaluate(doc).Problems)
	p.Indicators[0], p.Indicators[1] = p.Indicators[1], p.Indicators[0]
	ev := Evaluate(doc)
	for _, pr := range ev.Problems {
		if strings.Contains(pr.Message, "分值分配为") {
			t.Fatalf("reordered 一级 reported as %s", pr)
		}
	}
	if len(ev.Problems) != base {
		t.Errorf("%d problems after reordering, %d before", len(ev.Problems), base)
	}
	p.Indicators[0].Children[0].Rows[0].Weight = "20" // 效益 now 40
	p.Indicators[1].Children[0].Rows[0].Weight = "3"  // 产出 now 40
	found := ""
	for _, pr := range Evaluate(doc).Problems {
		if strings.Contains(pr.Message, "分值分配为") {
			found = pr.Message
		}
	}
	if !strings.Contains(found, "产出 40 · 效益 40 · 满意度 10") {
		t.Fatalf("split message %q", found)
	}
}

// TestReviewFindings: cases found in review, each once wrong.
func TestReviewFindings(t *testing.T) {
	t.Run("blank B gives no D", func(t *testing.T) {
		doc := loadSample(t)
		doc.Projects[1].FundRow("T").Actual, doc.Projects[1].FundRow("S1").Actual = "", ""
		ev := Evaluate(doc)
		if r := ev.Projects[1]; r.HasD || r.TotalText() != "" {
			t.Fatalf("D %v total %q", r.HasD, r.TotalText())
		}
		found := false
		for _, p := range problemsAt(ev.Problems, 1, "actual") {
			found = found || strings.Contains(p.Message, "全年执行数（B）为空")
		}
		if !found {
			t.Error("no problem names the blank 全年执行数（B）")
		}
	})
	t.Run("a typed row without 分值 or 得分 does not keep the total open", func(t *testing.T) {
		// docs/scoring.md §5: a published table prints "/" rows under 生态效益 and its total.
		doc := loadSample(t)
		before := Evaluate(doc)
		doc.Projects[1].Indicators[1].Children[2].Rows = append(doc.Projects[1].Indicators[1].Children[2].Rows, &Indicator{Content: "/", Target: "/", Actual: "/"})
		ev := Evaluate(doc)
		if r := ev.Projects[1]; !r.Complete || r.Unscored != 0 || r.TotalText() != before.Projects[1].TotalText() || r.BlankWeights != 0 {
			t.Fatalf("complete %v unscored %d total %q blank weights %d", r.Complete, r.Unscored, r.TotalText(), r.BlankWeights)
		}
		added := len(ev.Problems) - len(before.Problems)
		var mine []Problem
		for _, p := range ev.Problems {
			if p.Loc.Form == 1 && p.Loc.Path == (RowPath{L1: 1, L2: 2, Row: 0}) && p.Loc.Section == SecIndicators {
				mine = append(mine, p)
			}
		}
		if added != 1 || len(mine) != 1 || mine[0].Level != LevelWarning || !strings.Contains(mine[0].Message, "分值和得分都未填写") {
			t.Fatalf("%d problems added, on the row: %v", added, mine)
		}
	})
	t.Run("grades follow the printed total", func(t *testing.T) {
		if got := Rating(decimal.RequireFromString("89.996")); got != "优" {
			t.Fatalf("89.996 (printed 90) rated %s", got)
		}
		if got := GradeOf(decimal.RequireFromString("7.999"), decimal.NewFromInt(10)); got != GradeMet {
			t.Fatalf("7.999 of 10 (printed 8) graded %s", got)
		}
	})
}
