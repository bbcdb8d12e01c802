package pdfout

import (
	"bytes"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/layout"
)

// longText builds n runes of mixed Chinese, numbers, punctuation, Latin words, an Ext-B
// character and an emoji, so that every kind of break and placeholder occurs.
func longText(n int, seed int64) string {
	r := rand.New(rand.NewSource(seed))
	pieces := []string{"保障办公面积含附属设施及公共区域分摊面积", "，", "。", "（一）", "2021年", "95%",
		"𠮷", "😀", "budget execution ", "、", "“合规”", "1,234.56万元", "……", "\n"}
	var b strings.Builder
	for n > 0 {
		p := pieces[r.Intn(len(pieces))]
		b.WriteString(p)
		n -= len([]rune(p))
	}
	return b.String()
}

// stressDoc is the sample with a 100,000-character 原因说明, control characters and 300 more
// indicator rows.
func stressDoc(t testing.TB) (*forms.Document, string) {
	doc := formstest.Sample(t)
	in := doc.Unit.Indicators.Row(forms.RowPath{})
	in.Reason = longText(100_000, 1)
	in.Measures = "改进\x07措施\u0000含控制字符"
	for i := range 300 {
		p := doc.Projects[i%len(doc.Projects)]
		row := p.Indicators.AddRow(i%3, 0)
		*row = forms.Indicator{Op: forms.OpGE, Content: longText(60, int64(i)), Unit: "个", Target: "100",
			Actual: fmt.Sprint(80 + i%40), Weight: "1", Reason: longText(30, int64(i+7))}
	}
	return doc, in.Reason
}

// TestStressLosesNothing: a huge cell is split over pages and every character reaches a page.
func TestStressLosesNothing(t *testing.T) {
	doc, reason := stressDoc(t)
	var buf bytes.Buffer
	res, err := Render(&buf, doc, Options{Created: fixedTime})
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages < 30 || buf.Len() == 0 {
		t.Fatalf("%d pages, %d bytes", res.Pages, buf.Len())
	}
	// Layout of the unit form: collect the text drawn for the 原因说明 cell.
	m, _ := fontMeasurer()
	built := buildForms(doc, m)
	pages, err := layout.Layout(built.tables[:1], pageOptions(m))
	if err != nil {
		t.Fatal(err)
	}
	tag := tagOf(place{formIdx: -1, section: forms.SecIndicators, row: "履职效能 › 重点工作履行情况 › 指标 1", field: "原因说明"})
	var got strings.Builder
	spread := 0
	for _, p := range pages {
		n := got.Len()
		for _, tx := range p.Texts {
			if tx.Tag == tag {
				got.WriteString(tx.Str)
			}
		}
		if got.Len() > n {
			spread++
		}
	}
	want := strings.Map(func(r rune) rune {
		if r > 0xFFFF {
			return Placeholder
		}
		return r
	}, reason)
	if stripSpace(got.String()) != stripSpace(want) {
		t.Fatalf("the 100,000-character cell lost text: got %d runes, want %d", len([]rune(stripSpace(got.String()))), len([]rune(stripSpace(want))))
	}
	if spread < 10 {
		t.Errorf("the long cell spans %d pages", spread)
	}
	// The placeholders are reported, naming the characters and the field.
	all := ""
	for _, w := range res.Warnings {
		all += w.String() + "\n"
	}
	for _, want := range []string{"“𠮷”（U+20BB7）", "“😀”（U+1F600）", "控制字符 U+0007", "原因说明", "改进措施"} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%.600s", want, all)
		}
	}
}

// TestUnprintableEverywhere: a character the fonts lack in any field, including titles and
// headers, is replaced, reported and never reaches fpdf (which would panic on it).
func TestUnprintableEverywhere(t *testing.T) {
	doc := formstest.Sample(t)
	odd := "𠀀\u0001\uFFFD䶮"
	doc.Settings.UnitShortName += odd
	doc.Unit.Name += odd
	doc.Unit.Tasks[0].Project += odd
	doc.Unit.Goals[0].Result += odd
	doc.Unit.BudgetRow("I3").Initial = odd
	p := doc.Projects[0]
	p.Period += odd
	p.Goals[0].Target += odd
	p.Indicators.Row(forms.RowPath{L1: 0, L2: 0, Row: 0}).Unit = odd
	doc.Settings.Signature = true
	doc.Settings.Footer.Preparer = "张" + odd
	pdf, res := render(t, doc)
	if len(pdf) == 0 || len(res.Warnings) < 8 {
		t.Fatalf("%d warnings", len(res.Warnings))
	}
	for _, w := range res.Warnings {
		if w.Form == "" || w.Field == "" || !strings.Contains(w.Message, "U+20000") {
			t.Errorf("warning badly addressed: %s", w)
		}
	}
	text := textLayer(t, pdf)
	for _, want := range []string{"抚顺市社保中心□□□", "填表人：张□", "单位（公章）"} {
		if !strings.Contains(text, want) {
			t.Errorf("text layer lacks %q", want)
		}
	}
	list, err := Unprintable(doc)
	if err != nil || len(list) != len(res.Warnings) {
		t.Fatalf("Unprintable gave %d, export %d (%v)", len(list), len(res.Warnings), err)
	}
}

// TestEmptyAndOddDocuments never panic and still produce a PDF.
func TestEmptyAndOddDocuments(t *testing.T) {
	docs := map[string]*forms.Document{
		"new":     forms.NewDocument(2024),
		"no 二级":   func() *forms.Document { d := forms.NewDocument(2024); d.Unit.Indicators[0].Children = nil; return d }(),
		"no tree": func() *forms.Document { d := forms.NewDocument(2024); d.Unit.Indicators = nil; return d }(),
		"projects": func() *forms.Document {
			d := forms.NewDocument(2024)
			d.AddProject()
			d.AddProject().Goals = nil
			return d
		}(),
		"long title": func() *forms.Document {
			d := forms.NewDocument(2024)
			d.Settings.UnitShortName = strings.Repeat("很长的单位简称", 12)
			return d
		}(),
	}
	for name, d := range docs {
		t.Run(name, func(t *testing.T) {
			pdf, res := render(t, d)
			if len(pdf) < 1000 || res.Pages < 1 {
				t.Fatalf("%d bytes, %d pages", len(pdf), res.Pages)
			}
		})
	}
}

func BenchmarkRenderSample(b *testing.B) {
	doc := formstest.Sample(b)
	for b.Loop() {
		if _, err := Render(&bytes.Buffer{}, doc, Options{Created: fixedTime}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRender60Projects: a large department's document, the sample's projects repeated.
func BenchmarkRender60Projects(b *testing.B) {
	doc := formstest.Sample(b)
	base := doc.Projects
	for len(doc.Projects) < 60 {
		doc.Projects = append(doc.Projects, base[len(doc.Projects)%len(base)])
	}
	for b.Loop() {
		if _, err := Render(&bytes.Buffer{}, doc, Options{Created: fixedTime}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestTenThousandCharactersEverywhere: a document whose every text field holds 10,000
// characters exports (spec of the issue "Never lose an accountant's work").
func TestTenThousandCharactersEverywhere(t *testing.T) {
	if testing.Short() {
		t.Skip("long export")
	}
	doc := forms.NewDocument(2021)
	doc.AddProject()
	text := []rune(strings.Repeat("保障办公秩序良好，确保一方平安。2021年", 600))[:10_000]
	n := 0
	doc.EachText(func(_ string, s *string) { *s = string(text); n++ })
	var buf bytes.Buffer
	res, err := Render(&buf, doc, Options{Created: fixedTime})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d fields × 10,000 characters: %d pages, %d bytes", n, res.Pages, buf.Len())
	if res.Pages < n/10 {
		t.Errorf("only %d pages for %d long fields", res.Pages, n)
	}
}
