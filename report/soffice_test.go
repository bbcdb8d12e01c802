package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"ziping/cli"
	"ziping/forms"
	"ziping/internal/testtool"
	"ziping/report"
	"ziping/storage"
)

const samplePath = "../samples/fushun-shebao-2021.zpb"

// checkForms is what `ziping check --json` prints of each form.
type checkForms struct {
	Forms []struct {
		Kind, Name, Total, C, D, Grade string
	} `json:"forms"`
}

// TestReportInLibreOffice: the sample's report opens in LibreOffice (converted to PDF), and its
// text holds each form's scores and grade exactly as `ziping check` prints them, every number it
// states is one of the document's or of check's, no {{…}} is left and the only bracketed marks
// are 【请补充…】. ZIPING_REPORT_LOOK=dir keeps the PDF and page 1 at 70 dpi there for a look.
func TestReportInLibreOffice(t *testing.T) {
	testtool.Writer(t)
	pdftotext := testtool.Need(t, "pdftotext", testtool.Poppler)
	dir := t.TempDir()
	doc, err := storage.Load(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, doc, report.Options{}); err != nil {
		t.Fatal(err)
	}
	docx := filepath.Join(dir, "报告.docx")
	if err := os.WriteFile(docx, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := testtool.Convert(t, filepath.Join(dir, "profile"), docx, "pdf", dir)
	out, err := exec.Command(pdftotext, pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := regexp.MustCompile(`\s+`).ReplaceAllString(string(out), "") // lines break anywhere in Chinese
	if look := os.Getenv("ZIPING_REPORT_LOOK"); look != "" {
		keepForLook(t, pdf, look)
	}

	var stdout, stderr bytes.Buffer
	cli.Run([]string{"check", "--json", samplePath}, &stdout, &stderr, cli.Info{Version: "test"})
	var rep checkForms
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("check --json: %v\n%s", err, stderr.String())
	}
	figures := map[string]bool{}
	for _, f := range rep.Forms {
		var want string
		if f.Kind == "unit" {
			want = "部门整体绩效自评总评价得分" + f.Total + "分，自评等级为“" + f.Grade + "”"
		} else {
			want = f.Name + "由"
			if i := strings.Index(text, want); i < 0 {
				t.Errorf("no section for %s", f.Name)
				continue
			}
			want = "得分（C）" + f.C + "分，预算执行率得分（D）" + f.D + "分，总得分" + f.Total + "分，自评等级为“" + f.Grade + "”"
		}
		if f.Total == "" || !strings.Contains(text, want) {
			t.Errorf("%s %s: %q not in the report", f.Kind, f.Name, want)
		}
		for _, s := range []string{f.Total, f.C, f.D} {
			figures[s] = true
		}
	}
	checkNumbers(t, text, figures)
	if strings.Contains(text, "{{") || strings.Contains(text, "}}") {
		t.Error("a placeholder left in the report")
	}
	for _, m := range regexp.MustCompile(`【[^】]*】`).FindAllString(text, -1) {
		if !strings.HasPrefix(m, "【请补充") {
			t.Errorf("marker %q", m)
		}
	}
}

// checkNumbers: every number the report's text states is a score of check's (figures), a number
// typed in the document, a rate or completion the forms package prints, or a small ordinal
// (项目1, a page number, a list's 1.).
func checkNumbers(t *testing.T, text string, figures map[string]bool) {
	t.Helper()
	raw, _ := os.ReadFile(samplePath)
	doc, _ := storage.Load(samplePath)
	ev := forms.Evaluate(doc)
	numRe := regexp.MustCompile(`\d+(?:\.\d+)?%?`)
	for _, n := range numRe.FindAllString(string(raw), -1) {
		figures[n] = true
	}
	for _, p := range ev.Projects {
		figures[p.Funds["T"].RateText()] = true
		for _, l1 := range p.Indicators {
			for _, l2 := range l1 {
				for _, r := range l2 {
					if r.HasCompletion {
						figures[forms.FormatPercent(r.Completion)] = true
					}
					if r.HasScore {
						figures[forms.FormatScore(r.Score)] = true
					}
				}
			}
		}
	}
	for _, r := range ev.Unit.Budget {
		figures[r.RateText()] = true
	}
	for _, n := range numRe.FindAllString(text, -1) {
		if figures[n] || len(n) <= 2 && !strings.Contains(n, "%") {
			continue
		}
		t.Errorf("the report states %s, which neither check nor the document gives", n)
	}
}

// keepForLook copies the PDF and its first pages at 70 dpi into dir.
func keepForLook(t *testing.T, pdf, dir string) {
	data, _ := os.ReadFile(pdf)
	_ = os.WriteFile(filepath.Join(dir, "report.pdf"), data, 0o644)
	if ppm, err := exec.LookPath("pdftoppm"); err == nil {
		if out, err := exec.Command(ppm, "-png", "-r", "70", "-f", "1", "-l", "5", pdf, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
			t.Logf("pdftoppm: %v %s", err, out)
		}
	}
}
