package pdfout

import (
	"regexp"
	"strings"
	"testing"
)

// TestIncompleteFormsPrintNoTotals: a project whose 满意度 row has no 全年完成值 prints C and
// C+D blank (D still printed), and the blank unit form beside it is not printed at all.
func TestIncompleteFormsPrintNoTotals(t *testing.T) {
	doc := satisfactionDoc(0)
	doc.Projects[0].Indicators[2].Children[0].Rows[0].Actual = ""
	pdf, _ := render(t, doc)
	raw := rawText(t, pdf)
	if strings.Contains(raw, "整体绩效自评表") || strings.Contains(raw, "总评价得分") {
		t.Errorf("the blank unit form is printed:\n%s", raw)
	}
	if !strings.Contains(raw, "预算执行率得分（D） 10") {
		t.Errorf("D is not printed:\n%s", raw)
	}
	for _, label := range []string{"产出、效益、满意度指标自评得分小计（C）", "绩效自评总得分（C+D）"} {
		if m := regexp.MustCompile(regexp.QuoteMeta(label) + ` *[0-9]`).FindString(raw); m != "" {
			t.Errorf("an incomplete form prints %q", m)
		}
	}
	// Completed, the totals and the unit form's absence stay as they should.
	doc.Projects[0].Indicators[2].Children[0].Rows[0].Actual = "93%"
	pdf, _ = render(t, doc)
	if raw := rawText(t, pdf); !strings.Contains(raw, "绩效自评总得分（C+D） 99.79") {
		t.Errorf("the completed form's total is not printed:\n%s", raw)
	}
}
