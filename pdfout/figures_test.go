package pdfout

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"ziping/forms"
	"ziping/internal/testtool"
	"ziping/layout"
)

// satisfactionDoc is a project whose rows are all at full marks except 满意度
// 93 % against ≥ 95 % (分值 10), its budget fully spent: 完成程度 97.89 %, C 89.79, D 10, C+D 99.79,
// figures too wide for their 10 mm and 8 mm columns at 9 pt. extra more rows in 数量指标 push the
// totals down the pages; the signature footer carries a date.
func satisfactionDoc(extra int) *forms.Document {
	doc := forms.NewDocument(2022)
	doc.Settings.UnitShortName = "抚顺市社保中心"
	doc.Settings.Signature = true
	doc.Settings.Footer = forms.Footer{Preparer: "王晓明", Phone: "024-52345678", Leader: "李建国", Date: "2022年12月30日"}
	p := doc.AddProject()
	p.Name = "社会保险经办服务"
	for i := range extra {
		p.Indicators[0].Children[0].Rows = append(p.Indicators[0].Children[0].Rows,
			&forms.Indicator{Content: fmt.Sprintf("补充指标 %d：按期完成经办业务", i+1)})
	}
	p.Indicators.Each(func(_ forms.RowPath, _ *forms.Level1, _ *forms.Level2, in *forms.Indicator) {
		if in.Weight == "" {
			return
		}
		in.Op, in.Unit, in.Target, in.Actual = forms.OpGE, "%", "100%", "100%"
		in.Content = "参保人员待遇按时足额发放率"
	})
	sat := p.Indicators[2].Children[0].Rows[0]
	sat.Content, sat.Target, sat.Actual, sat.Weight = "服务对象满意度", "95%", "93%", "10"
	s1 := p.FundRow("S1")
	s1.Initial, s1.Full, s1.Actual = "251.89", "251.89", "251.89"
	return doc
}

// TestFiguresWhole: the PDF's `pdftotext -raw` holds "97.89%", "89.79"
// and "99.79" whole (a break inside a figure makes pdftotext read "89.7"), and the footer's date.
func TestFiguresWhole(t *testing.T) {
	doc := satisfactionDoc(0)
	r := forms.Evaluate(doc).Projects[0]
	if got := fmt.Sprint(forms.FormatScore(r.C), " ", r.DText(), " ", forms.FormatScore(r.Total)); got != "89.79 10 99.79" {
		t.Fatalf("C D C+D = %s, want 89.79 10 99.79 (the document changed)", got)
	}
	pdf, _ := render(t, doc)
	raw := rawText(t, pdf)
	for _, w := range []string{"97.89%", "89.79", "99.79", "251.89", "填报日期：2022年12月30日"} {
		if !strings.Contains(raw, w) {
			t.Errorf("pdftotext -raw lacks %q whole:\n%s", w, raw)
		}
	}
}

// rawText is `pdftotext -raw` of pdf, line breaks kept.
func rawText(t *testing.T, pdf []byte) string {
	t.Helper()
	testtool.Need(t, "pdftotext", testtool.Poppler)
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-raw", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// laidOut lays doc out as Render does.
func laidOut(t *testing.T, doc *forms.Document) [][]layout.Page {
	t.Helper()
	m, err := fontMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	laid, err := layoutTables(buildForms(doc, m).tables, m)
	if err != nil {
		t.Fatal(err)
	}
	return laid
}

// TestFiguresOneLine: every figure of the example is one line of text, at 6 pt or more, no wider
// than its cell; the footer's fields are one line each.
func TestFiguresOneLine(t *testing.T) {
	laid := laidOut(t, satisfactionDoc(0))
	pages := laid[len(laid)-1] // the project (the blank unit form is not printed)
	want := map[string]string{"|完成程度": "97.89%", "|C": "89.79", "|C+D": "99.79", "|填报日期": "填报日期：2022年12月30日",
		"|填表人": "填表人：王晓明", "|联系电话": "联系电话：024-52345678", "|单位负责人": "单位负责人（签字）：李建国"}
	found := map[string]bool{}
	for _, pg := range pages {
		for _, x := range pg.Texts {
			for suffix, w := range want {
				if !strings.HasSuffix(x.Tag, suffix) || !strings.Contains(x.Tag, "|") || strings.Contains(x.Tag, "|indicators|") && suffix != "|完成程度" {
					continue
				}
				if x.Str != w && !(suffix == "|完成程度" && x.Str == "100%") {
					t.Errorf("%s: line %q, want %q whole", x.Tag, x.Str, w)
				}
				if x.Size < layout.MinFitSize || x.Size > bodySize {
					t.Errorf("%s: %q at %g pt", x.Tag, x.Str, x.Size)
				}
				found[suffix] = found[suffix] || x.Str == w
				if b := boxOf(pg, x.Tag); b != nil && (x.X < b.X || x.X+x.W > b.X+b.W+1e-6) {
					t.Errorf("%s: %q (x %.2f, w %.2f) outside its cell %+v", x.Tag, x.Str, x.X, x.W, *b)
				}
			}
		}
	}
	for suffix, w := range want {
		if !found[suffix] {
			t.Errorf("no line %q for %s", w, suffix)
		}
	}
}

func boxOf(pg layout.Page, tag string) *layout.Box {
	for i := range pg.Boxes {
		if pg.Boxes[i].Tag == tag {
			return &pg.Boxes[i]
		}
	}
	return nil
}

// TestTotalsKeepTogether: however many rows push them down, C, D and C+D are printed on the page
// of the last indicator row. Without Row.KeepWithPrev some of these documents part them, which
// the test also checks, so that it keeps covering the case.
func TestTotalsKeepTogether(t *testing.T) {
	m, err := fontMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	orphans := 0
	for extra := range 40 {
		tables := buildForms(satisfactionDoc(extra), m).tables
		laid, err := layoutTables(tables, m)
		if err != nil {
			t.Fatal(err)
		}
		last := len(tables) - 1 // the project (the blank unit form is not printed)
		if pg := totalsPages(laid[last]); pg[0] != pg[1] || pg[1] != pg[2] || pg[2] != pg[3] {
			t.Errorf("%d extra rows: last indicator row, C, D, C+D on pages %v", extra, pg)
		}
		for si := range tables[last].Sections {
			for ri := range tables[last].Sections[si].Body {
				tables[last].Sections[si].Body[ri].KeepWithPrev = false
			}
		}
		loose, err := layoutTables(tables, m)
		if err != nil {
			t.Fatal(err)
		}
		if pg := totalsPages(loose[last]); pg[0] != pg[3] {
			orphans++
		}
	}
	if orphans == 0 {
		t.Error("no document parts its totals without KeepWithPrev: the test no longer covers the case")
	}
}

// totalsPages are the pages of the last indicator row's 得分, of C, D and C+D (their last box).
func totalsPages(pages []layout.Page) [4]int {
	var out [4]int
	prefix := "0|" + string(forms.SecTotals) + "|"
	for _, pg := range pages {
		for _, b := range pg.Boxes {
			switch {
			case strings.HasPrefix(b.Tag, "0|"+string(forms.SecIndicators)+"|") && strings.HasSuffix(b.Tag, "|得分"):
				out[0] = pg.Number
			case strings.HasPrefix(b.Tag, prefix) && strings.HasSuffix(b.Tag, "|C"):
				out[1] = pg.Number
			case strings.HasPrefix(b.Tag, prefix) && strings.HasSuffix(b.Tag, "|D"):
				out[2] = pg.Number
			case strings.HasPrefix(b.Tag, prefix) && strings.HasSuffix(b.Tag, "|C+D"):
				out[3] = pg.Number
			}
		}
	}
	return out
}
