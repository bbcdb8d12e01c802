package forms

import (
	"path/filepath"
	"strings"
	"testing"
)

// summaryCopies makes the sample and two edited copies, changing through the model's API a
// budget figure, an execution figure and an indicator's 全年完成值 in each copy, and returns the
// three documents encoded and decoded again as files are, named as three files of a folder.
func summaryCopies(t *testing.T) []SummaryInput {
	t.Helper()
	dir := filepath.FromSlash("/单位")
	a := loadSample(t)
	a.Unit.Name = "抚顺市东洲区社会保险事业服务所"
	a.Unit.BudgetRow("I1").Full = "5000" // I0: 全年预算数 5000, 执行数 4211.39
	in := a.Unit.Indicators.Row(RowPath{0, 0, 0})
	in.Op, in.Actual, in.Manual = OpGE, "1000", false // 采用建议: 40 × 1000 / 1197.19 = 33.411572098
	a.Projects[1].FundRow("T").Actual = "100"
	a.Projects[1].FundRow("S1").Actual = "100" // D = 10 × 100 / 126.30 = 7.91765637371
	q := a.Projects[2].Indicators.Row(RowPath{ProjectOutput, 0, 0})
	q.Op, q.Target, q.Actual, q.Manual = OpGE, "100", "50", false // 13 → 6.5

	b := loadSample(t)
	b.Unit.Name = "新宾满族自治县社会保险事业服务中心"
	b.Settings.Year = "2020"
	b.Unit.BudgetRow("I1").Actual = "" // I0 全年执行数 blank
	c := b.Unit.Indicators.Row(RowPath{3, 0, 0})
	c.Op, c.Target, c.Actual, c.Manual = OpLE, "100", "125", false // 10 × 100 / 125 = 8
	b.RemoveProject(0)

	var out []SummaryInput
	for i, doc := range []*Document{loadSample(t), a, b} {
		path := filepath.Join(dir, []string{"sample.zpb", "a.zpb", "b.zpb"}[i])
		data, err := Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		loaded, err := Unmarshal(data)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, SummaryInput{Source: path, Doc: loaded})
	}
	return out
}

// summaryLine prints a unit row as "name|year|budget|actual|rate|score|grade|projects".
func summaryLine(s *Summary, u *SummaryUnit) string {
	var ps []string
	for _, p := range u.Projects {
		ps = append(ps, p.Name+" "+FormatScore(p.Score)+" "+p.Grade)
	}
	return strings.Join([]string{u.Name, u.Year, s.AmountText(u.Budget, ColFull), s.AmountText(u.Budget, ColActual),
		u.Budget.RateText(), FormatScore(u.Score), u.Grade, strings.Join(ps, "; ")}, "|")
}

func TestSummaryOfSampleAndEditedCopies(t *testing.T) {
	s := NewSummary(summaryCopies(t))
	want := []string{
		"抚顺市社会保险事业服务中心|2021|4211.39|4211.39|100%|97|优|" +
			"新办公楼租金及物业费 96 优; 社会保障行政运行费 95 优; 雇佣专业技术人员费用 95 优; 保障中心托管离退休人员费用 96 优",
		"抚顺市东洲区社会保险事业服务所|2021|5000|4211.39|84.23%|92.41|优|" +
			"新办公楼租金及物业费 96 优; 社会保障行政运行费 92.92 优; 雇佣专业技术人员费用 88.5 良; 保障中心托管离退休人员费用 96 优",
		"新宾满族自治县社会保险事业服务中心|2020|4211.39|||96|优|" +
			"社会保障行政运行费 95 优; 雇佣专业技术人员费用 95 优; 保障中心托管离退休人员费用 96 优",
	}
	wantSummaryLines(t, s, want)
	// Exact decimals: the unit total of the second copy before rounding.
	if got := s.Units[1].Score.String(); got != "92.411572098" {
		t.Errorf("unexact unit total %s", got)
	}
	tot := s.Total
	got := strings.Join([]string{s.AmountText(tot.Budget, ColFull), s.AmountText(tot.Budget, ColActual), tot.Budget.RateText()}, "|")
	if got != "13422.78|8422.78|" || tot.Units != 3 || tot.Projects != 11 || tot.Complete {
		t.Errorf("totals %s, %d units, %d projects, complete %v", got, tot.Units, tot.Projects, tot.Complete)
	}
	if s.Title() != SummaryTitle {
		t.Errorf("title of mixed years %q", s.Title())
	}
	if !s.MixedYears || strings.Join(s.Years, ",") != "2021,2020" {
		t.Errorf("years %v mixed %v", s.Years, s.MixedYears)
	}
	wantNotes(t, s, "第 3 个单位“新宾满族自治县社会保险事业服务中心”（", "的全年执行数为空，未计入合计（不按 0 计算）",
		"合计行的执行率未计算", "所选文档的年度不一致（2021、2020）")
	if len(s.Notes) != 3 {
		t.Errorf("%d notes, want 3:\n%s", len(s.Notes), strings.Join(s.Notes, "\n"))
	}
}

// wantSummaryLines compares the unit rows of s, printed by summaryLine, with want.
func wantSummaryLines(t *testing.T, s *Summary, want []string) {
	t.Helper()
	if len(s.Units) != len(want) {
		t.Fatalf("%d rows, want %d", len(s.Units), len(want))
	}
	for i, w := range want {
		if got := summaryLine(s, s.Units[i]); got != w {
			t.Errorf("row %d:\n got %s\nwant %s", i+1, got, w)
		}
	}
}

// wantNotes checks that the notes of s contain each of want.
func wantNotes(t *testing.T, s *Summary, want ...string) {
	t.Helper()
	notes := strings.Join(s.Notes, "\n")
	for _, w := range want {
		if !strings.Contains(notes, w) {
			t.Errorf("notes lack %q:\n%s", w, notes)
		}
	}
}

// TestSummaryUntrustedInputs: a nil document is left out with a note, and an evaluation that
// does not fit its document (too few projects, or empty) is recomputed instead of indexed out
// of range.
func TestSummaryUntrustedInputs(t *testing.T) {
	doc := loadSample(t)
	s := NewSummary([]SummaryInput{
		{Source: "无.zpb"},
		{Source: "s.zpb", Doc: doc, Eval: Evaluate(NewDocument(2021))}, // no projects
		{Source: "t.zpb", Doc: doc, Eval: &Evaluation{}},
	})
	line := "抚顺市社会保险事业服务中心|2021|4211.39|4211.39|100%|97|优|" +
		"新办公楼租金及物业费 96 优; 社会保障行政运行费 95 优; 雇佣专业技术人员费用 95 优; 保障中心托管离退休人员费用 96 优"
	wantSummaryLines(t, s, []string{line, line})
	if s.Total.Units != 2 || s.Total.Projects != 8 || s.Units[0].Source != "s.zpb" {
		t.Errorf("totals %+v, first row from %s", s.Total, s.Units[0].Source)
	}
	wantNotes(t, s, "第 1 个单位（无.zpb）没有文档内容，未计入汇总。")
	if len(s.Notes) != 1 {
		t.Errorf("notes %q", s.Notes)
	}
}

func TestSummaryCompleteTotalsRate(t *testing.T) {
	in := summaryCopies(t)
	in[2].Doc.Unit.BudgetRow("I1").Actual = "3000"
	in[2].Doc.Settings.Year = "2021"
	s := NewSummary(in)
	tot := s.Total
	// 11422.78 / 13422.78 = 0.85099956938… → 85.1%, rounded once, as forms prints rates.
	got := strings.Join([]string{s.AmountText(tot.Budget, ColFull), s.AmountText(tot.Budget, ColActual), tot.Budget.RateText()}, "|")
	if got != "13422.78|11422.78|85.1%" || !tot.Complete {
		t.Errorf("totals %s complete %v", got, tot.Complete)
	}
	if s.Title() != "2021 年部门（单位）整体绩效自评汇总表" {
		t.Errorf("title %q", s.Title())
	}
	if s.MixedYears || len(s.Notes) != 0 {
		t.Errorf("notes %q mixed %v", s.Notes, s.MixedYears)
	}
}

func TestSummaryBlankAndInvalidFigures(t *testing.T) {
	blank := NewDocument(2021) // no name, no year, no amounts, no projects
	blank.Settings.Year = " "
	bad := loadSample(t)
	bad.Unit.BudgetRow("I0").Full = "四千"
	bad.Unit.BudgetRow("I1").Actual = "4211"
	bad.Settings.Amounts = AmountsFixed2
	s := NewSummary([]SummaryInput{
		{Source: filepath.Join("x", "空白单位.zpb"), Doc: blank},
		{Source: "bad.zpb", Doc: bad, Eval: Evaluate(bad)},
	})
	if s.Units[0].Name != "空白单位" || s.Units[0].Grade != "" || s.Units[0].ScoreText() != "" || len(s.Units[0].Projects) != 0 {
		t.Errorf("blank unit row %+v", s.Units[0])
	}
	if got := s.AmountText(s.Units[1].Budget, ColFull); got != "" {
		t.Errorf("invalid 全年预算数 printed %q", got)
	}
	// Fixed2: one document asks for two decimals, so every amount of the summary has them.
	if got := s.AmountText(s.Total.Budget, ColActual); got != "4211.00" || s.AmountText(s.Units[1].Budget, ColActual) != "4211.00" {
		t.Errorf("total 执行数 %q", got)
	}
	if s.Total.Budget.Cells[ColFull].Valid || s.Total.Budget.HasRate || s.Total.Complete {
		t.Errorf("totals of no budget figure: %+v", s.Total.Budget.Cells[ColFull])
	}
	notes := strings.Join(s.Notes, "\n")
	for _, w := range []string{"部门（单位）名称为空", "“年度部门预算收入小计（1至7项）”的全年预算数不是数字", "第 1 个单位“空白单位”（空白单位.zpb）",
		"年度为空", "年度不一致（未填、2021）"} {
		if !strings.Contains(notes, w) {
			t.Errorf("notes lack %q:\n%s", w, notes)
		}
	}
}

func TestSummaryEmpty(t *testing.T) {
	s := NewSummary(nil)
	if s.Total.Units != 0 || s.Total.Budget == nil || s.Total.Budget.Cells[ColFull].Valid || len(s.Notes) != 0 {
		t.Errorf("empty summary %+v", s)
	}
}

// TestSummarySameUnit: two documents with the same 部门（单位）名称 and 年度 are one unit, however
// the name's spaces and brackets are typed; a blank name or year matches nothing, and the notes
// say that it cannot be checked.
func TestSummarySameUnit(t *testing.T) {
	a, b := loadSample(t), loadSample(t)
	b.Unit.Name = "　抚顺市社会保险事业 服务中心 " // full- and half-width spaces
	a.Unit.Name += "（本级）"
	b.Unit.Name += "(本级)"
	in := []SummaryInput{{Source: "a.zpb", Doc: a}, {Source: "副本.zpb", Doc: b}}
	s := NewSummary(in)
	if s.SameUnit == nil {
		t.Fatal("the same unit twice is not found")
	}
	want := "「a.zpb」与「副本.zpb」是同一单位（名称“抚顺市社会保险事业服务中心（本级）”、年度 2021 相同），同一单位不能汇总两次"
	if !strings.Contains(s.SameUnit.Error(), want) {
		t.Errorf("message %q", s.SameUnit.Error())
	}
	if SameUnitAs(in[:1], in[1]) != 0 || SameUnitAs(in[:1], SummaryInput{Source: "x"}) != -1 {
		t.Error("SameUnitAs")
	}
	// Another year is another unit's row (noted as mixed years), not the same unit.
	b.Settings.Year = "2020"
	if s := NewSummary(in); s.SameUnit != nil {
		t.Errorf("another year: %v", s.SameUnit)
	}
	// Blank names (or years) do not tell units apart: no match, a note instead.
	b.Settings.Year = a.Settings.Year
	a.Unit.Name, b.Unit.Name = " ", ""
	s = NewSummary(in)
	if s.SameUnit != nil {
		t.Errorf("blank names matched: %v", s.SameUnit)
	}
	wantNotes(t, s, "部门（单位）名称为空，汇总表中以简称或文件名代替，也无法核对它是否与其他文档是同一单位")
	a.Unit.Name, b.Unit.Name = "甲", "甲"
	a.Settings.Year, b.Settings.Year = "", " "
	if s := NewSummary(in); s.SameUnit != nil {
		t.Errorf("blank years matched: %v", s.SameUnit)
	}
}

// TestSummarySaysWhyAScoreIsBlank: a blank score in 部门汇总 has a note naming its cause: a
// form not started, rows without a 得分, or the field that keeps D from being computed.
func TestSummarySaysWhyAScoreIsBlank(t *testing.T) {
	a := loadSample(t)
	a.Unit.Indicators.Row(RowPath{0, 0, 0}).Score = ""                         // a 分值 without a 得分
	a.Projects[1].FundRow("T").Full, a.Projects[1].FundRow("S1").Full = "", "" // no A: no D
	b := NewDocument(2021)
	b.Unit.Name = "新设单位" // header only: 未填写
	b.AddProject().Name = "新项目"
	s := NewSummary([]SummaryInput{{Source: "a.zpb", Doc: a}, {Source: "b.zpb", Doc: b}})
	if s.Units[0].ScoreText() != "" || s.Units[1].ScoreText() != "" || s.Units[0].Projects[1].ScoreText() != "" {
		t.Fatal("the scores are not blank")
	}
	notes := strings.Join(s.Notes, "\n")
	for _, want := range []string{
		"“抚顺市社会保险事业服务中心”（a.zpb）：单位整体表的总评价得分留空（有 1 个指标已填分值但没有得分）。",
		"项目「社会保障行政运行费」的总得分留空（全年预算数（A）为空或为 0，预算执行率得分（D）无法计算）。",
		"“新设单位”（b.zpb）：单位整体表的总评价得分留空（未填写）。",
		"项目「新项目」的总得分留空（未填写）。",
	} {
		if !strings.Contains(notes, want) {
			t.Errorf("no note %q in\n%s", want, notes)
		}
	}
	if strings.Count(notes, "留空") != 4 {
		t.Errorf("notes:\n%s", notes)
	}
}
