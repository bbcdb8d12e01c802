package app

import (
	"bytes"
	"errors"
	"image"
	"math"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"ziping/forms"
	"ziping/pdfout"
)

// waitRenders waits until the preview has finished at least n renders and is idle (no render
// running, none due after the debounce: previewWindow.idle), and returns the count. It polls
// that state, so it waits as long as a slow machine needs and no longer, up to a minute.
func waitRenders(t *testing.T, p *previewWindow, n int) int {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		p.mu.Lock()
		got, idle := p.renders, !p.busy && !p.due
		p.mu.Unlock()
		if got >= n && idle {
			return got
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d renders after a minute (idle %v), want %d", got, idle, n)
		}
		time.Sleep(5 * time.Millisecond) // the renders run on their own goroutines, which signal nothing else
	}
}

// pdfPages is the page count of the PDF of doc.
func pdfPages(t *testing.T, doc *forms.Document) int {
	t.Helper()
	res, err := pdfout.Render(&bytes.Buffer{}, doc, pdfout.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res.Pages
}

// shownImage is the page image the preview shows.
func shownImage(t *testing.T, p *previewWindow) *image.RGBA {
	t.Helper()
	img, ok := p.Page.Image.(*image.RGBA)
	if !ok || img == nil {
		t.Fatalf("the preview shows no page (%T)", p.Page.Image)
	}
	return img
}

// TestPreviewFollowsEdits: the preview of the sample has the PDF's pages, turns pages and zooms,
// and typing a word into the document redraws it once, after the debounce.
func TestPreviewFollowsEdits(t *testing.T) {
	a := test.NewTempApp(t)
	w := NewForFile(a, fileSample)
	w.ShowPreview()
	p := w.preview()
	if p == nil {
		t.Fatal("ShowPreview opened no preview")
	}
	defer p.Win.Close()
	n := waitRenders(t, p, 1)
	want := pdfPages(t, w.Doc)
	if p.Pages() != want || want != 10 || p.PageLabel.Text != "第 1 页 共 10 页" || !p.Prev.Disabled() || p.Next.Disabled() {
		t.Fatalf("preview shows %q, %d pages; the PDF has %d", p.PageLabel.Text, p.Pages(), want)
	}
	// 适合宽度 in the 900-unit-wide window: the page is about as wide as the window.
	if wd := p.Page.MinSize().Width; wd < 700 || wd > 900 {
		t.Errorf("page %v units wide at 适合宽度", wd)
	}
	n = checkZoom(t, p, n)
	n = checkTurns(t, p, n)
	n = checkTyping(t, w, p, n)

	// A new project form adds its pages.
	w.AddProject()
	waitRenders(t, p, n+1)
	if want := pdfPages(t, w.Doc); p.Pages() != want || want <= 10 {
		t.Errorf("after adding a project: preview %d pages, PDF %d", p.Pages(), want)
	}

	// Asking again brings the same window forward.
	windows := len(a.Driver().AllWindows())
	w.ShowPreview()
	if w.preview() != p || len(a.Driver().AllWindows()) != windows {
		t.Error("ShowPreview opened a second preview")
	}
}

// checkZoom: at 200 % the page is twice 794 units wide, drawn with as many pixels at scale 1.
func checkZoom(t *testing.T, p *previewWindow, n int) int {
	t.Helper()
	p.Zoom.SetSelected("200%")
	n = waitRenders(t, p, n+1)
	if got, want := p.Page.MinSize().Width, float32(2*210*unitsPerMM); math.Abs(float64(got-want)) > 1 {
		t.Errorf("page %v units wide at 200%%, want %v", got, want)
	}
	if dx := shownImage(t, p).Bounds().Dx(); math.Abs(float64(dx)-2*210*unitsPerMM) > 2 {
		t.Errorf("page image %d pixels wide at 200%% and scale 1", dx)
	}
	return n
}

// checkTurns turns pages, with clicks faster than the pages are drawn, back to page 1.
func checkTurns(t *testing.T, p *previewWindow, n int) int {
	t.Helper()
	for _, c := range []struct {
		next  bool
		times int
		want  string
	}{{true, 1, "第 2 页 共 10 页"}, {true, 3, "第 5 页 共 10 页"}, {false, 4, "第 1 页 共 10 页"}} {
		for range c.times {
			if c.next {
				test.Tap(p.Next)
			} else {
				test.Tap(p.Prev)
			}
		}
		n = waitRenders(t, p, n+1)
		if p.PageLabel.Text != c.want || p.Prev.Disabled() != (c.want == "第 1 页 共 10 页") {
			t.Fatalf("after %d × next=%v: %q, want %q", c.times, c.next, p.PageLabel.Text, c.want)
		}
	}
	return n
}

// checkTyping types six characters into the unit's name (printed on page 1): one render after
// the pause, showing the change.
func checkTyping(t *testing.T, w *Window, p *previewWindow, n int) int {
	t.Helper()
	before := bytes.Clone(shownImage(t, p).Pix)
	test.Type(w.Unit.Name, "（第二中心）")
	got := waitRenders(t, p, n+1)
	if got != n+1 {
		t.Errorf("%d renders for one burst of typing, want 1", got-n)
	}
	if bytes.Equal(before, shownImage(t, p).Pix) {
		t.Error("page 1 looks the same after the unit's name changed")
	}
	return got
}

// TestPreviewCoalesces: requests made while a render runs become one more render, not a queue.
func TestPreviewCoalesces(t *testing.T) {
	a := test.NewTempApp(t)
	w := NewForFile(a, fileSample)
	w.ShowPreview()
	p := w.preview()
	n := waitRenders(t, p, 1)
	p.mu.Lock()
	p.stale = true // the next render lays the document out again: long enough to ask meanwhile
	p.mu.Unlock()
	for range 5 {
		p.request()
	}
	if got := waitRenders(t, p, n+1); got != n+2 {
		t.Errorf("%d renders for 5 requests during a render, want 2", got-n)
	}

	// Closed with its main window, the preview forgets it and ignores changes.
	w.closePreview()
	if w.preview() != nil {
		t.Fatal("the closed preview is still registered")
	}
	test.Type(w.Unit.Name, "改")
	p.schedule(true) // what a change reaching it late would do, and then its timer
	p.fire(p.seq)
	p.request()
	if !p.idle() || p.Renders() != n+2 {
		t.Errorf("a closed preview rendered or waits to render: idle %v, %d renders, want %d", p.idle(), p.Renders(), n+2)
	}
	w.ShowPreview()
	if q := w.preview(); q == nil || q == p {
		t.Error("ShowPreview after closing did not open a new preview")
	} else {
		waitRenders(t, q, 1)
		q.Win.Close()
	}
}

// TestPreviewRelaysOutAfterAFailure: when laying out the changed document fails, the preview
// says so, and the next page turn lays out again instead of drawing the old layout.
func TestPreviewRelaysOutAfterAFailure(t *testing.T) {
	a := test.NewTempApp(t)
	w := NewForFile(a, fileSample)
	w.ShowPreview()
	p := w.preview()
	defer p.Win.Close()
	n := waitRenders(t, p, 1)
	layouts := 0
	layoutPreview = func(doc *forms.Document) (*pdfout.Preview, error) {
		layouts++
		return nil, errors.New("排版失败")
	}
	defer func() { layoutPreview = pdfout.NewPreview }()
	test.Type(w.Unit.Name, "改")
	n = waitRenders(t, p, n+1)
	if !strings.Contains(p.PageLabel.Text, "排版失败") || layouts != 1 {
		t.Fatalf("after a failed layout: label %q, %d layouts", p.PageLabel.Text, layouts)
	}
	layoutPreview = func(doc *forms.Document) (*pdfout.Preview, error) {
		layouts++
		return pdfout.NewPreview(doc)
	}
	test.Tap(p.Next)
	waitRenders(t, p, n+1)
	if layouts != 2 || !strings.Contains(p.PageLabel.Text, "第 2 页") {
		t.Errorf("the page turn after the failure: %d layouts, label %q", layouts, p.PageLabel.Text)
	}
}
