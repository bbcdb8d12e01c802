package pdfout

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/internal/testtool"
)

// layoutText is `pdftotext -layout` of pdf.
func layoutText(t *testing.T, pdf []byte) string {
	t.Helper()
	tool := testtool.Need(t, "pdftotext", testtool.Poppler)
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

var (
	nationalTotalRE = regexp.MustCompile(`(?m)^\s*总分\s+(.*)$`)
	nationalFundsRE = regexp.MustCompile(`(?m)年度资金总额\s+(.*)$`)
)

// TestNationalPDF: the sample in the national template prints 项目支出绩效自评表 with the column
// 偏差原因分析及改进措施, and the totals `ziping check` gives: each project's C+D on its 总分 line
// and its D last on its 年度资金总额 line; the unit form keeps its layout and total.
func TestNationalPDF(t *testing.T) {
	doc := formstest.Sample(t)
	doc.Settings.SetTemplate(forms.TemplateNational)
	ev := forms.Evaluate(doc)
	pdf, res := render(t, doc)
	text := layoutText(t, pdf)
	for _, s := range []string{"项目支出绩效自评表", "偏差原因分析及改进措施", "实际完成值", "其中：当年财政拨款",
		"整体绩效自评表", "总评价得分"} {
		if !strings.Contains(text, s) {
			t.Errorf("the PDF has no %q", s)
		}
	}
	if strings.Contains(text, "绩效目标自评表") || strings.Contains(text, "（C+D）") {
		t.Error("the PDF still prints a Liaoning project form")
	}
	totals := nationalTotalRE.FindAllStringSubmatch(text, -1)
	funds := nationalFundsRE.FindAllStringSubmatch(text, -1)
	if len(totals) != len(doc.Projects) || len(funds) != len(doc.Projects) {
		t.Fatalf("%d 总分 lines and %d 年度资金总额 lines for %d projects", len(totals), len(funds), len(doc.Projects))
	}
	for i, r := range ev.Projects {
		got := strings.Fields(totals[i][1])
		if r.TotalText() == "" || got[len(got)-1] != r.TotalText() {
			t.Errorf("project %d: 总分 %q, check gives %s", i+1, got, r.TotalText())
		}
		f := strings.Fields(funds[i][1])
		if f[len(f)-1] != r.DText() {
			t.Errorf("project %d: 年度资金总额 %q, D is %s", i+1, f, r.DText())
		}
	}
	if !strings.Contains(text, "总评价得分") || !regexp.MustCompile(`总评价得分\s+`+ev.Unit.TotalText()).MatchString(text) {
		t.Errorf("the unit form does not print its total %s", ev.Unit.TotalText())
	}
	if res.Pages < 1+len(doc.Projects) || len(res.Warnings) != 0 {
		t.Errorf("%d pages, warnings %v", res.Pages, res.Warnings)
	}
}

// TestNationalUnprintableParts: a character the font lacks in one piece of a joined cell is
// warned about at that piece's field, by the export and by the editor's check alike.
func TestNationalUnprintableParts(t *testing.T) {
	doc := formstest.Sample(t)
	doc.Settings.SetTemplate(forms.TemplateNational)
	in := doc.Projects[1].Indicators.Row(forms.RowPath{})
	in.Reason, in.Measures = "资金下达较晚", "提前申请𠮷资金"
	_, res := render(t, doc)
	ev := forms.Evaluate(doc)
	per, err := UnprintableIn(doc, ev, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 1 || len(per) != 1 || res.Warnings[0] != per[0] {
		t.Fatalf("export warns %v, the check %v", res.Warnings, per)
	}
	w := res.Warnings[0]
	if w.Field != "改进措施" || w.Loc.Field != "measures" || w.Loc.Form != 1 || w.Loc.Path != (forms.RowPath{}) {
		t.Errorf("warning at %s %+v, want 改进措施 of project 2's first row", w.Field, w.Loc)
	}
}
