package pdfout

import (
	"bytes"
	"fmt"
	"image"
	"math"
	"strings"
	"sync"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/layout"
)

// drawnText is one line of text as a painter was asked to draw it.
type drawnText struct {
	x, y, size float64
	bold       bool
	s          string
}

// recorder passes every call on to next and keeps what each page drew.
type recorder struct {
	next  painter
	texts [][]drawnText
	rules [][]segment
}

func (r *recorder) page(pg layout.Page) {
	r.texts, r.rules = append(r.texts, nil), append(r.rules, nil)
	r.next.page(pg)
}

func (r *recorder) rule(s segment) {
	r.rules[len(r.rules)-1] = append(r.rules[len(r.rules)-1], s)
	r.next.rule(s)
}

func (r *recorder) text(t layout.Text) {
	r.texts[len(r.texts)-1] = append(r.texts[len(r.texts)-1], drawnText{t.X, t.Y, t.Size, t.Bold, t.Str})
	r.next.text(t)
}

// recordPDF renders doc to a PDF, recording what the PDF painter draws.
func recordPDF(t *testing.T, doc *forms.Document) ([]byte, *Result, *recorder) {
	t.Helper()
	rec := &recorder{}
	var buf bytes.Buffer
	res, err := renderWith(&buf, doc, Options{Created: fixedTime}, func(p painter) painter { rec.next = p; return rec })
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), res, rec
}

// recordPreview draws every page of doc's preview at pxPerMM, recording what it draws.
func recordPreview(t *testing.T, doc *forms.Document, pxPerMM float64) (*Preview, *recorder) {
	t.Helper()
	pv, err := NewPreview(doc)
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	for i := range pv.Pages() {
		if _, err := pv.pageWith(i, pxPerMM, func(p painter) painter { rec.next = p; return rec }); err != nil {
			t.Fatal(err)
		}
	}
	return pv, rec
}

// agreementDocs are the documents the preview must agree with the PDF on: the sample and the
// stress document (a 100,000-character cell, control characters, 300 more indicator rows).
func agreementDocs(t *testing.T) map[string]*forms.Document {
	stress, _ := stressDoc(t)
	return map[string]*forms.Document{"sample": formstest.Sample(t), "stress": stress}
}

// TestPreviewAgreesWithPDF is the acceptance test of the print preview: for the sample and the
// stress document the preview has the PDF's page count, and draws the same rules and every
// line of text of every cell with the same string, position, size and weight as the PDF; the
// real PDF's text layer (pdftotext -bbox) holds each line where the preview drew it.
func TestPreviewAgreesWithPDF(t *testing.T) {
	for name, doc := range agreementDocs(t) {
		t.Run(name, func(t *testing.T) {
			pdf, res, fromPDF := recordPDF(t, doc)
			pv, fromPreview := recordPreview(t, doc, 1)
			if pv.Pages() != res.Pages || len(fromPreview.texts) != res.Pages || len(fromPDF.texts) != res.Pages {
				t.Fatalf("preview %d pages (%d drawn), PDF %d (%d drawn)", pv.Pages(), len(fromPreview.texts), res.Pages, len(fromPDF.texts))
			}
			if got := pdfPages(t, pdf); got != res.Pages {
				t.Fatalf("pdfinfo counts %d pages, Render %d", got, res.Pages)
			}
			lines := 0
			for i := range res.Pages {
				comparePage(t, i, fromPreview, fromPDF)
				lines += len(fromPreview.texts[i])
			}
			if len(pv.Warnings) != len(res.Warnings) {
				t.Errorf("preview warns %d times, PDF %d", len(pv.Warnings), len(res.Warnings))
			}
			checkTextLayer(t, pdf, fromPreview.texts, pv.m)
			t.Logf("%d pages, %d lines of text agree", res.Pages, lines)
		})
	}
}

func comparePage(t *testing.T, i int, pv, pdf *recorder) {
	t.Helper()
	a, b := pv.texts[i], pdf.texts[i]
	if len(a) != len(b) {
		t.Fatalf("page %d: preview draws %d lines, PDF %d", i+1, len(a), len(b))
	}
	for j := range a {
		if a[j] != b[j] {
			t.Fatalf("page %d line %d: preview %+v, PDF %+v", i+1, j+1, a[j], b[j])
		}
	}
	if fmt.Sprint(pv.rules[i]) != fmt.Sprint(pdf.rules[i]) || len(pv.rules[i]) == 0 {
		t.Fatalf("page %d: the rules differ (%d in the preview, %d in the PDF)", i+1, len(pv.rules[i]), len(pdf.rules[i]))
	}
}

// TestPreviewPixels: page 1 of the sample has ink inside every box that holds text (where the
// text is) and on every table rule, and none in the margins.
func TestPreviewPixels(t *testing.T) {
	const s = 4.0 // px per mm
	pv, rec := recordPreview(t, formstest.Sample(t), s)
	img, err := pv.Page(0, s)
	if err != nil {
		t.Fatal(err)
	}
	if w, h := pv.PageSize(); img.Bounds().Dx() != pixels(w, s) || img.Bounds().Dy() != pixels(h, s) {
		t.Fatalf("page 1 is %v for %gx%g mm at %g px/mm", img.Bounds(), w, h, s)
	}
	pg := sheetImage{img, s}
	texts, rules := rec.texts[0], rec.rules[0]
	if len(texts) < 50 || len(rules) < 20 {
		t.Fatalf("page 1 draws %d lines and %d rules", len(texts), len(rules))
	}
	for _, tx := range texts {
		x0, y0, x1, y1 := textBox(tx, pv.m)
		if pg.ink(x0, y0, x1, y1) == 0 {
			t.Errorf("no ink where %q is drawn at (%.1f, %.1f) mm", tx.s, tx.x, tx.y)
		}
	}
	for _, r := range rules {
		if !pg.dark((r.x1+r.x2)/2, (r.y1+r.y2)/2) || !pg.dark(r.x1+(r.x2-r.x1)/4, r.y1+(r.y2-r.y1)/4) {
			t.Errorf("the rule %+v is not drawn", r)
		}
	}
	pw, ph := pv.PageSize()
	if n := pg.ink(0, 0, 14, ph) + pg.ink(pw-14, 0, pw, ph) + pg.ink(0, 0, pw, 14); n != 0 {
		t.Errorf("%d dark pixels in the margins", n)
	}
}

// sheetImage is a drawn page at s pixels per mm, read in millimetres.
type sheetImage struct {
	img *image.RGBA
	s   float64
}

func (p sheetImage) grey(x, y float64) int {
	c := p.img.RGBAAt(int(x*p.s), int(y*p.s))
	return (int(c.R) + int(c.G) + int(c.B)) / 3
}

// dark: a rule, snapped to whole pixels, is black.
func (p sheetImage) dark(x, y float64) bool { return p.grey(x, y) < 64 }

// ink counts the pixels clearly darker than the paper in a rectangle (thin strokes such as
// "——" come out grey at small sizes).
func (p sheetImage) ink(x0, y0, x1, y1 float64) int {
	n := 0
	for y := y0; y < y1; y += 1 / p.s {
		for x := x0; x < x1; x += 1 / p.s {
			if p.grey(x, y) < 200 {
				n++
			}
		}
	}
	return n
}

// textBox is where the ink of a line of text lies (mm): its advance, from 0.8 em above the
// baseline down to it.
func textBox(tx drawnText, m layout.Measurer) (x0, y0, x1, y1 float64) {
	w := 0.0
	for _, r := range tx.s {
		w += m.Advance(r, tx.size, tx.bold)
	}
	return tx.x, tx.y - 0.8*tx.size*layout.PtMM, tx.x + w, tx.y
}

// TestPreviewBadInput: pages and zooms out of range are errors, never panics.
func TestPreviewBadInput(t *testing.T) {
	pv, err := NewPreview(forms.NewDocument(2024))
	if err != nil || pv.Pages() < 1 {
		t.Fatalf("%v, %v", pv, err)
	}
	for _, c := range []struct {
		page int
		s    float64
	}{{-1, 4}, {pv.Pages(), 4}, {0, 0}, {0, -3}, {0, math.NaN()}, {0, math.Inf(1)}, {0, MaxPxPerMM * 2}} {
		if img, err := pv.Page(c.page, c.s); err == nil || img != nil || !strings.Contains(err.Error(), "打印预览") {
			t.Errorf("Page(%d, %g) = %v, %v", c.page, c.s, img != nil, err)
		}
	}
	if _, err := pv.Page(0, MinPxPerMM); err != nil {
		t.Errorf("smallest zoom: %v", err)
	}
}

// TestPreviewConcurrent: pages of one Preview drawn at once from several goroutines are the same
// images as drawn one by one (run with -race).
func TestPreviewConcurrent(t *testing.T) {
	pv, err := NewPreview(formstest.Sample(t))
	if err != nil {
		t.Fatal(err)
	}
	want := make([][]byte, pv.Pages())
	for i := range want {
		img, err := pv.Page(i, 2)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = img.Pix
	}
	var wg sync.WaitGroup
	for i := range want {
		wg.Go(func() {
			img, err := pv.Page(i, 2)
			if err != nil || !bytes.Equal(img.Pix, want[i]) {
				t.Errorf("page %d drawn concurrently differs (%v)", i+1, err)
			}
		})
	}
	wg.Wait()
}

// BenchmarkPreviewPage draws one page of the sample at 100 % zoom (96 dpi), glyphs cached.
func BenchmarkPreviewPage(b *testing.B) {
	pv, err := NewPreview(formstest.Sample(b))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := pv.Page(4, 96/25.4); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPreviewSample lays out the sample and draws all its pages at 100 % zoom.
func BenchmarkPreviewSample(b *testing.B) {
	doc := formstest.Sample(b)
	for b.Loop() {
		pv, err := NewPreview(doc)
		if err != nil {
			b.Fatal(err)
		}
		for i := range pv.Pages() {
			if _, err := pv.Page(i, 96/25.4); err != nil {
				b.Fatal(err)
			}
		}
	}
}
