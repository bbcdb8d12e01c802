package pdfout

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/internal/testtool"
	"ziping/tables"
)

func renderSummary(t testing.TB, s *forms.Summary) ([]byte, *Result) {
	t.Helper()
	var buf bytes.Buffer
	res, err := RenderSummary(&buf, s, Options{Created: fixedTime})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), res
}

func TestRenderSummary(t *testing.T) {
	s := forms.NewSummary(formstest.SummaryInputs(t, samplePath))
	pdf, res := renderSummary(t, s)
	if res.Pages != 1 || len(res.Warnings) != 0 {
		t.Fatalf("%d pages, warnings %v", res.Pages, res.Warnings)
	}
	text := textLayer(t, pdf)
	for _, want := range []string{
		forms.SummaryTitle, "抚顺市社会保险事业服务中心", "抚顺市东洲区社会保险事业服务所", "新宾满族自治县社会保险事业服务中心",
		"4211.394211.39100%97优4", // the sample's row: budget, execution, rate, total, grade, projects
		"50004211.3984.23%92.41优4",
		"合计（3个单位）13422.788422.78", "——11", // sums, then the count of projects
		"新办公楼租金及物业费96优", "保障中心托管离退休人员费用96优",
		"的全年执行数为空，未计入合计（不按0计算）", "所选文档的年度不一致（2021、2020）", "第1页共1页",
	} {
		if !strings.Contains(text, stripSpace(want)) {
			t.Errorf("text layer lacks %q:\n%s", want, text)
		}
	}
	// Reproducible: the same summary gives the same bytes.
	if again, _ := renderSummary(t, s); !bytes.Equal(pdf, again) {
		t.Error("two renderings differ")
	}
	if !bytes.Contains(pdf, []byte("/MediaBox [0 0 841.89 595.28]")) {
		t.Error("pages are not A4 landscape")
	}
}

// TestRenderSummaryPages: a department of many units continues on further pages, repeating
// the header rows; one year's documents put the year in the title.
func TestRenderSummaryPages(t *testing.T) {
	var in []forms.SummaryInput
	for i := range 12 {
		doc := formstest.Sample(t)
		doc.Unit.Name = fmt.Sprintf("第%02d分中心", i+1)
		in = append(in, forms.SummaryInput{Source: "x.zpb", Doc: doc})
	}
	pdf, res := renderSummary(t, forms.NewSummary(in))
	if res.Pages < 2 {
		t.Fatalf("%d pages for 48 project rows", res.Pages)
	}
	testtool.Need(t, "pdftotext", testtool.Poppler)
	path := filepath.Join(t.TempDir(), "s.pdf")
	os.WriteFile(path, pdf, 0o644)
	for p := 1; p <= res.Pages; p++ {
		out, err := exec.Command("pdftotext", "-raw", "-f", fmt.Sprint(p), "-l", fmt.Sprint(p), path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if page := stripSpace(string(out)); !strings.Contains(page, "序号部门（单位）名称") || !strings.Contains(page, "项目（政策）名称") {
			t.Errorf("page %d lacks the header rows:\n%s", p, page)
		}
	}
	text := textLayer(t, pdf)
	for _, want := range []string{"2021年" + forms.SummaryTitle, "第12分中心", "合计（12个单位）50536.6850536.68100%", "48"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
}

func TestRenderSummaryUnprintableName(t *testing.T) {
	in := formstest.SummaryInputs(t, samplePath)
	in[1].Doc.Unit.Name = "单位\U0001F600"
	_, res := renderSummary(t, forms.NewSummary(in))
	if len(res.Warnings) == 0 || !strings.Contains(res.Warnings[0].Message, "U+1F600") || res.Warnings[0].Form != tables.SummaryName {
		t.Fatalf("warnings %v", res.Warnings)
	}
}

func TestRenderSummaryEmpty(t *testing.T) {
	pdf, res := renderSummary(t, forms.NewSummary(nil))
	if res.Pages != 1 || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("%d pages", res.Pages)
	}
}
