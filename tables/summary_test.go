package tables

import (
	"strings"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
)

// summaryOf is the table of the summary of the test documents: the sample (2021, four
// projects), a copy with 全年预算数 5000, and one of 2020 with three projects and no 全年执行数.
func summaryOf(t *testing.T) (*forms.Summary, *Table) {
	t.Helper()
	s := forms.NewSummary(formstest.SummaryInputs(t, sample))
	return s, BuildSummary(s)
}

// cellsByKey are the keyed cells of t.
func cellsByKey(t *Table) map[string]*Cell {
	out := map[string]*Cell{}
	for bi := range t.Bands {
		for ri := range t.Bands[bi].Rows {
			for ci := range t.Bands[bi].Rows[ri].Cells {
				if c := &t.Bands[bi].Rows[ri].Cells[ci]; c.Key != "" {
					out[c.Key] = c
				}
			}
		}
	}
	return out
}

// TestBuildSummaryShape: two header rows with the printed labels and spans, a row per project
// with the unit's cells spanning them, and 合计; every row fills the twelve columns.
func TestBuildSummaryShape(t *testing.T) {
	s, tb := summaryOf(t)
	if tb.Name != SummaryName || tb.Title.Text != forms.SummaryTitle || len(tb.Bands) != 2 {
		t.Fatalf("name %q, title %q, %d bands", tb.Name, tb.Title.Text, len(tb.Bands))
	}
	main := tb.Bands[SumBandTable]
	width := 0.0
	for _, w := range main.Cols {
		width += w
	}
	if len(main.Cols) != SumCols || width != SummaryWidth || main.Header != 2 {
		t.Fatalf("%d columns, %v mm wide, %d header rows", len(main.Cols), width, main.Header)
	}
	if want := 2 + 4 + 4 + 3 + 1; len(main.Rows) != want {
		t.Fatalf("%d rows, want %d", len(main.Rows), want)
	}
	// Each row covers every column once: its own cells and those spanning from above.
	covered := make([]int, len(main.Rows))
	for ri, r := range main.Rows {
		for _, c := range r.Cells {
			for dr := range max(c.RowSpan, 1) {
				covered[ri+dr] += max(c.ColSpan, 1)
			}
		}
	}
	for ri, n := range covered {
		if n != SumCols {
			t.Errorf("row %d covers %d columns", ri, n)
		}
	}
	grid := SummaryGrid(tb, SumBandTable)
	for _, c := range []struct {
		row, col int
		want     string
	}{
		{0, SumColNo, "序号"}, {0, SumColBudget, "全年预算数\n（万元）"}, {0, SumColScore, "单位整体绩效自评"},
		{0, SumColGrade, ""}, {0, SumColCount, "预算项目（政策）绩效自评"}, {1, SumColNo, ""},
		{1, SumColScore, "总评价\n得分"}, {1, SumColProjectScore, "总得分"},
		{2, SumColNo, "1"}, {2, SumColName, "抚顺市社会保险事业服务中心"}, {2, SumColYear, "2021"},
		{2, SumColRate, "100%"}, {2, SumColScore, "97"}, {2, SumColGrade, "优"}, {2, SumColCount, "4"},
		{2, SumColProjectScore, "96"}, {3, SumColName, ""}, {3, SumColProjectScore, "95"},
		{6, SumColNo, "2"}, {6, SumColBudget, "5000"}, {6, SumColScore, "92.41"},
		{10, SumColYear, "2020"}, {10, SumColActual, ""}, {10, SumColRate, ""}, {10, SumColCount, "3"},
		{13, SumColNo, "合计"}, {13, SumColName, "（3 个单位）"}, {13, SumColScore, dash}, {13, SumColCount, "11"},
		{13, SumColProject, dash}, {13, SumColProjectScore, ""},
	} {
		if got := grid[c.row][c.col]; got != c.want {
			t.Errorf("row %d column %d: %q, want %q", c.row, c.col, got, c.want)
		}
	}
	first := main.Rows[2].Cells
	if first[SumColName].RowSpan != 4 || first[SumColName].Role != RoleText || first[SumColBudget].Role != RoleAmount ||
		!first[SumColBudget].HasNum || first[SumColBudget].Num.String() != s.Units[0].Budget.Cells[forms.ColFull].Value.String() {
		t.Errorf("first unit's cells %+v", first[:SumColCount+1])
	}
	if u := main.Rows[10].Cells; u[SumColActual].HasNum || u[SumColRate].HasNum || u[SumColName].RowSpan != 3 {
		t.Errorf("third unit: a blank 全年执行数 must stay blank: %+v", u[SumColActual])
	}
}

// TestBuildSummaryTotals: 合计 holds forms' sums, and formulas that name each unit's cell (the
// first cell of its merged rows), the rate only when every unit holds both figures.
func TestBuildSummaryTotals(t *testing.T) {
	s, tb := summaryOf(t)
	total := tb.Bands[SumBandTable].Rows[len(tb.Bands[SumBandTable].Rows)-1]
	label := total.Cells[0]
	if label.Text != "合计（3 个单位）" || label.ColSpan != 3 || len(label.Parts) != 2 || label.Parts[0].Text != "合计" {
		t.Errorf("label %+v", label)
	}
	full, actual, rate, count := total.Cells[1], total.Cells[2], total.Cells[3], total.Cells[6]
	refs := func(col int) string {
		return Ref(SummaryKey(0, col)) + "," + Ref(SummaryKey(1, col)) + "," + Ref(SummaryKey(2, col))
	}
	for _, c := range []struct {
		cell Cell
		want Formula
	}{
		{full, Formula(`IF(COUNT(` + refs(SumColBudget) + `)=0,"",SUM(` + refs(SumColBudget) + `))`)},
		{actual, Formula(`IF(COUNT(` + refs(SumColActual) + `)=0,"",SUM(` + refs(SumColActual) + `))`)},
		{count, Formula(`SUM(` + refs(SumColCount) + `)`)},
		{rate, Formula(`IF(AND(COUNT(` + refs(SumColBudget) + `)=3,COUNT(` + refs(SumColActual) + `)=3,{summary/total/3}>0),` +
			`{summary/total/4}/{summary/total/3},"")`)},
	} {
		if c.cell.Formula != c.want {
			t.Errorf("formula %s\nwant    %s", c.cell.Formula, c.want)
		}
	}
	if !full.HasNum || !full.Num.Equal(s.Total.Budget.Cells[forms.ColFull].Value) || full.Text != s.AmountText(s.Total.Budget, forms.ColFull) {
		t.Errorf("全年预算数 %+v", full)
	}
	if rate.HasNum || rate.Text != "" || count.Text != "11" {
		t.Errorf("rate %+v (a unit lacks 全年执行数), count %q", rate, count.Text)
	}
	// Every key a formula names is a cell of the table.
	keys := cellsByKey(tb)
	for _, c := range total.Cells {
		if _, err := c.Formula.Resolve(func(k string) (string, bool) { return k, keys[k] != nil }); err != nil {
			t.Error(err)
		}
	}
	if c := keys[SummaryKey(1, SumColBudget)]; c == nil || c.Text != "5000" {
		t.Errorf("second unit's 全年预算数 %+v", c)
	}
}

// TestBuildSummaryNotes: the notes say where the figures come from, then what forms noted (a
// blank 全年执行数, the different years), numbered, each naming its place for warnings.
func TestBuildSummaryNotes(t *testing.T) {
	_, tb := summaryOf(t)
	notes := tb.Bands[SumBandNotes]
	if len(notes.Cols) != 1 || notes.Cols[0] != SummaryWidth || len(notes.Rows) != 4 {
		t.Fatalf("notes band %v, %d rows", notes.Cols, len(notes.Rows))
	}
	if c := notes.Rows[0].Cells[0]; c.Text != SummaryExplained || c.Src != nil || c.Role.Bordered() {
		t.Errorf("first note %+v", c)
	}
	for i, want := range []string{"1. 第 3 个单位", "2. 合计行的执行率未计算", "3. 所选文档的年度不一致（2021、2020）"} {
		c := notes.Rows[i+1].Cells[0]
		if !strings.HasPrefix(c.Text, want) || c.Src == nil || c.Src.Section != "注" || c.Src.Field != "注 "+string(rune('1'+i)) {
			t.Errorf("note %d %q %+v, want %q…", i+1, c.Text, c.Src, want)
		}
	}
	if !strings.Contains(notes.Rows[1].Cells[0].Text, "全年执行数为空") {
		t.Errorf("note on the blank figure: %q", notes.Rows[1].Cells[0].Text)
	}
}

// TestBuildSummarySources: a unit's texts are named by the unit's place, a project's name by
// its row, so that a warning never quotes the faulty text as its place.
func TestBuildSummarySources(t *testing.T) {
	_, tb := summaryOf(t)
	rows := tb.Bands[SumBandTable].Rows
	name, year, project := rows[6].Cells[SumColName], rows[6].Cells[SumColYear], rows[7].Cells[0]
	if name.Src == nil || name.Src.Section != "第 2 个单位" || name.Src.Row != "" || name.Src.Field != "部门（单位）名称" {
		t.Errorf("name %+v", name.Src)
	}
	if year.Src == nil || year.Src.Field != "年度" || year.Role != RoleValue {
		t.Errorf("year %+v", year)
	}
	if project.Src == nil || project.Src.Section != "第 2 个单位" || project.Src.Row != "项目 2" || project.Role != RoleText {
		t.Errorf("second project of the second unit %+v", project.Src)
	}
	if tb.Title.Src == nil || tb.Title.Src.Field != "年度" {
		t.Errorf("title %+v", tb.Title.Src)
	}
}

// TestBuildSummaryEdgeCases: no document gives the header and a 合计 without formulas; a unit
// without projects prints "——" for them; one year goes into the title.
func TestBuildSummaryEdgeCases(t *testing.T) {
	tb := BuildSummary(forms.NewSummary(nil))
	rows := tb.Bands[SumBandTable].Rows
	if len(rows) != 3 || rows[2].Cells[0].Text != "合计（0 个单位）" || len(tb.Bands[SumBandNotes].Rows) != 1 {
		t.Fatalf("empty summary: %d rows", len(rows))
	}
	for _, c := range rows[2].Cells {
		if c.Formula != "" || (c.Role == RoleAmount && (c.HasNum || c.Text != "")) {
			t.Errorf("empty summary's 合计 cell %+v", c)
		}
	}
	doc := formstest.Sample(t)
	for len(doc.Projects) > 0 {
		doc.RemoveProject(0)
	}
	tb = BuildSummary(forms.NewSummary([]forms.SummaryInput{{Source: "a.zpb", Doc: doc}}))
	grid := SummaryGrid(tb, SumBandTable)
	if got := strings.Join(grid[2][SumColCount:], "|"); got != "0|——|——|——" {
		t.Errorf("unit without projects: %q", got)
	}
	if tb.Title.Text != "2021 年"+forms.SummaryTitle {
		t.Errorf("title %q", tb.Title.Text)
	}
}

// TestArgsFunc: more references than a spreadsheet function takes are grouped, each call
// holding at most 200, and the groups summed (a COUNT of groups is the SUM of their COUNTs).
func TestArgsFunc(t *testing.T) {
	args := make([]string, 450)
	for i := range args {
		args[i] = "A1"
	}
	f := argsFunc("COUNT", args)
	if !strings.HasPrefix(f, "SUM(COUNT(") || strings.Count(f, "COUNT(") != 3 || strings.Count(f, "A1") != 450 {
		t.Fatalf("%.80s…", f)
	}
	for _, call := range strings.Split(f, "COUNT(")[1:] {
		if n := strings.Count(call[:strings.IndexByte(call, ')')], ",") + 1; n > 200 {
			t.Errorf("a call with %d arguments", n)
		}
	}
	if got := argsFunc("SUM", []string{"A1", "B2"}); got != "SUM(A1,B2)" {
		t.Errorf("%q", got)
	}
}
