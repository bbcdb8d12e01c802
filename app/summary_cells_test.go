package app

import (
	"strings"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
)

// TestSummaryCells: the window's table is the printed summary's table without spans: one header
// row naming each column on one line, a unit's own cells on its first row only, and 合计 with
// its label in two columns and "——" where the PDF prints it.
func TestSummaryCells(t *testing.T) {
	cells := summaryCells(forms.NewSummary(formstest.SummaryInputs(t, fileSample)))
	if len(cells) != 1+4+4+3+1 {
		t.Fatalf("%d rows", len(cells))
	}
	for row, want := range map[int]string{
		0:  "序号|部门（单位）名称|年度|全年预算数（万元）|全年执行数（万元）|执行率|总评价得分|等级|项目数|项目（政策）名称|总得分|等级",
		5:  "2|抚顺市东洲区社会保险事业服务所|2021|5000|4211.39|84.23%|92.41|优|4|" + cells[1][9] + "|96|优",
		6:  "|||||||||" + cells[2][9] + "|95|优",
		12: "合计|（3 个单位）||" + strings.Join(cells[12][3:5], "|") + "||——|——|11|——||",
	} {
		if got := strings.Join(cells[row], "|"); got != want {
			t.Errorf("row %d:\n%s\nwant\n%s", row, got, want)
		}
	}
	if cells[12][3] == "" || cells[12][4] == "" {
		t.Errorf("合计 without sums: %q", cells[12])
	}
}
