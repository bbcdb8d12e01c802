package pdfout

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/internal/testtool"
)

const samplePath = "../samples/fushun-shebao-2021.zpb"

var fixedTime = time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC)

func render(t testing.TB, doc *forms.Document) ([]byte, *Result) {
	t.Helper()
	var buf bytes.Buffer
	res, err := Render(&buf, doc, Options{Created: fixedTime})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), res
}

// textLayer returns `pdftotext -raw` of pdf with all whitespace removed.
func textLayer(t *testing.T, pdf []byte) string {
	t.Helper()
	return stripSpace(rawText(t, pdf))
}

func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// templateLabels are the printed labels of docs/scoring.md §1–§2.
func templateLabels() []string {
	l := []string{
		"整体绩效自评表", "预算项目（政策）绩效目标自评表", "部门（单位）名称", "财政供养人员数量",
		"所属单位数量（仅部门填列）", "年度部门（单位）整体收支情况（万元）", "名称", "年初预算数", "全年预算数",
		"全年执行数", "执行率", "年度主要任务", "工作名称", "对应项目", "合计", "年度绩效目标", "年初设定目标",
		"全年完成情况", "分解目标评价", "一级指标", "二级指标", "三级指标", "运算符号", "内容", "度量单位",
		"年度指标值", "年度目标值", "全年完成值", "完成程度", "分值", "得分", "原因说明", "改进措施",
		"未完成原因（请在相应选项下划“√”并在原因说明中分项阐述）",
		"未完成原因分析（请在相应选项下划“√”并在原因说明中分项阐述）", "总评价得分",
		"项目（政策）名称", "主管部门", "实施单位", "实施期", "项目预算资金", "全年预算数（A）", "全年执行数（B）",
		"执行率（B/A）", "得分（分值*B/A）", "年度总体目标", "全年实际完成情况", "绩效指标",
		"产出、效益、满意度指标自评得分小计（C）", "预算执行率得分（D）", "绩效自评总得分（C+D）",
	}
	for _, d := range forms.UnitBudgetRows {
		l = append(l, d.Label)
	}
	for _, d := range forms.ProjectFundRows {
		l = append(l, d.Label)
	}
	l = append(l, forms.ReasonLabels()...)
	for _, t := range []forms.Tree{forms.NewUnitForm().Indicators, forms.NewProjectForm().Indicators} {
		for _, l1 := range t {
			l = append(l, l1.Name)
			for _, l2 := range l1.Children {
				l = append(l, l2.Name)
			}
		}
	}
	return l
}

// documentTexts are every non-empty text typed into doc.
func documentTexts(doc *forms.Document) []string {
	var out []string
	add := func(ss ...string) {
		for _, s := range ss {
			if s = stripSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	u := &doc.Unit
	add(doc.UnitTitle(), doc.ProjectTitle(), u.Name, u.Staff, u.Subunits)
	for _, r := range u.Budget {
		add(r.Initial, r.Full, r.Actual)
	}
	for _, t := range u.Tasks {
		add(t.Name, t.Project, t.Initial, t.Full, t.Actual)
	}
	trees := []forms.Tree{u.Indicators}
	goals := u.Goals
	for _, p := range doc.Projects {
		add(p.Name, p.Department, p.Implementer, p.Period, p.FundsWeight)
		for _, r := range p.Funds {
			add(r.Initial, r.Full, r.Actual)
		}
		goals = append(goals, p.Goals...)
		trees = append(trees, p.Indicators)
	}
	for _, g := range goals {
		add(g.Target, g.Result)
	}
	for _, t := range trees {
		t.Each(func(_ forms.RowPath, _ *forms.Level1, _ *forms.Level2, in *forms.Indicator) {
			add(string(in.Op), in.Content, in.Unit, in.Target, in.Actual, in.Completion, in.Weight, in.Score, in.Reason, in.Measures)
		})
	}
	return out
}

// TestSampleTextLayer: every template label and every text of the sample is in the PDF's text
// layer, unbroken once whitespace is removed; the totals are printed.
func TestSampleTextLayer(t *testing.T) {
	doc := formstest.Sample(t)
	pdf, res := render(t, doc)
	text := textLayer(t, pdf)
	want := append(templateLabels(), documentTexts(doc)...)
	want = append(want, "总评价得分97", "（C）86", "（D）10", "（C+D）96", "（C+D）95")
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("text layer lacks %q", w)
		}
	}
	if len(res.Warnings) != 0 {
		t.Errorf("sample has unprintable text: %v", res.Warnings)
	}
	// Each form starts on a new page and numbers its own pages.
	if n := strings.Count(text, "第1页共"); n != 5 {
		t.Errorf("%d forms numbered from page 1, want 5", n)
	}
}

func TestPDFInfo(t *testing.T) {
	testtool.Need(t, "pdfinfo", testtool.Poppler)
	testtool.Need(t, "pdffonts", testtool.Poppler)
	pdf, res := render(t, formstest.Sample(t))
	path := filepath.Join(t.TempDir(), "s.pdf")
	os.WriteFile(path, pdf, 0o644)
	info, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, re := range []string{`Page size:\s+595.28 x 841.89 pts \(A4\)`, `Creator:\s+绩效自评 Ziping`, `Title:\s+2021 年抚顺市社保中心整体绩效自评表`,
		`Pages:\s+` + strconv.Itoa(res.Pages)} {
		if !regexp.MustCompile(re).Match(info) {
			t.Errorf("pdfinfo lacks %s:\n%s", re, info)
		}
	}
	fonts, err := exec.Command("pdffonts", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(fonts)), "\n")[2:]
	if len(lines) != 1 {
		t.Fatalf("want 1 font (Noto Serif SC, titles emboldened by stroking):\n%s", fonts)
	}
	for _, l := range lines {
		f := strings.Fields(l)
		if !strings.Contains(f[0], "+Noto") || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" {
			t.Errorf("font not an embedded subset: %s", l)
		}
	}
}

// TestStructure: qpdf finds no syntax or cross-reference errors (the subset-tag renaming must
// keep every offset).
func TestStructure(t *testing.T) {
	testtool.Need(t, "qpdf", testtool.QPDF)
	pdf, _ := render(t, formstest.Sample(t))
	path := filepath.Join(t.TempDir(), "s.pdf")
	os.WriteFile(path, pdf, 0o644)
	out, err := exec.Command("qpdf", "--check", path).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors") {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
}

// TestReproducible: the same document and creation date give the same bytes.
func TestReproducible(t *testing.T) {
	a, _ := render(t, formstest.Sample(t))
	b, _ := render(t, formstest.Sample(t))
	if !bytes.Equal(a, b) {
		t.Fatal("two exports differ")
	}
	if !bytes.Contains(a, []byte("D:20231114221320")) {
		t.Fatal("creation date not written")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	if got := CreatedFromEnv(); !got.Equal(fixedTime) {
		t.Fatalf("CreatedFromEnv = %v", got)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "soon")
	if !CreatedFromEnv().IsZero() {
		t.Fatal("invalid SOURCE_DATE_EPOCH accepted")
	}
}

// TestSubsetTagsKeepLengths: the font renaming must not shift any byte of the PDF.
func TestSubsetTagsKeepLengths(t *testing.T) {
	for _, s := range []string{"/utf8" + famRegular} {
		if got := subsetTags.Replace(s); len(got) != len(s) || got == s || !regexp.MustCompile(`^/[A-Z]{6}\+`).MatchString(got) {
			t.Errorf("%q → %q", s, got)
		}
	}
}
