package app

import (
	"fmt"
	"image"
	"image/color"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ziping/export"
	"ziping/forms"
)

// previewDebounce is how long the preview waits after the last change before it lays the
// document out again: typing a word costs one render, not one per keystroke.
var previewDebounce = 400 * time.Millisecond

// unitsPerMM is the size of a millimetre at 100 %: an A4 page 794 units wide, as 96 dpi viewers
// show it.
const unitsPerMM = 96 / 25.4

// fitWidth is the zoom choice that fits the page to the width of the window.
const fitWidth = "适合宽度"

// zoomChoices are the zoom levels the preview offers.
var zoomChoices = []string{fitWidth, "50%", "75%", "100%", "125%", "150%", "200%"}

// previewWindow is the 打印预览 window of a main window. It shows one page at a time, drawn by
// pdfout from the same layout as the PDF; layout and drawing run off the UI goroutine, one at a
// time, and a change of the document asks for a new layout after previewDebounce.
type previewWindow struct {
	w   *Window
	Win fyne.Window

	Page         *canvas.Image // the page shown
	PageLabel    *widget.Label // "第 N 页 共 M 页"
	Prev, Next   *widget.Button
	Zoom         *escSelect // Esc closes the window from it too (keyboard.go)
	PrintButton  *widget.Button
	ExportButton *widget.Button
	scroll       *container.Scroll
	// chooseSave asks where to export the PDF, on this window (a test answers it instead).
	chooseSave chooser

	// mu guards what follows: a render's result arrives from its goroutine (through fyne.Do,
	// which the test driver runs on that goroutine).
	mu      sync.Mutex
	pv      *export.Preview // the last layout; nil until the first render is done
	page    int             // 0-based page shown
	renders int             // renders finished, for tests and the status
	busy    bool            // a render is running
	again   bool            // another render was asked for while it ran
	stale   bool            // the document changed since pv was laid out
	timer   *time.Timer     // the debounce of changes
	due     bool            // the debounce is counting: a render will be asked for
	seq     int             // the debounce's generation: a timer superseded by a later one does nothing
	closed  bool
	width   float32 // the viewport width the last fit-width render used
}

// preview is the open print preview of w, nil when there is none. Like everything of the
// window it is used on the UI goroutine only.
func (w *Window) preview() *previewWindow { return w.previewWin }

// ShowPreview opens the print preview of the document, or brings the open one to the front.
func (w *Window) ShowPreview() {
	if p := w.preview(); p != nil {
		p.Win.Show()
		p.Win.RequestFocus()
		return
	}
	p := newPreviewWindow(w)
	w.previewWin = p
	p.Win.Show()
	p.request()
}

// previewChanged tells an open preview that the document changed; it redraws after a pause.
func (w *Window) previewChanged() {
	if p := w.preview(); p != nil {
		p.schedule(true)
	}
}

// closePreview closes the preview window of w, if one is open. (Closing the main window closes
// it too: the main window is the master window.)
func (w *Window) closePreview() {
	if p := w.preview(); p != nil {
		p.Win.Close()
	}
}

func newPreviewWindow(w *Window) *previewWindow {
	p := &previewWindow{w: w, Win: w.App.NewWindow("打印预览 - " + AppName), stale: true}
	p.Page = canvas.NewImageFromImage(nil)
	p.Page.FillMode = canvas.ImageFillStretch
	p.Page.ScaleMode = canvas.ImageScaleSmooth
	p.PageLabel = widget.NewLabel("正在生成预览…")
	p.Prev = widget.NewButtonWithIcon("上一页", theme.NavigateBackIcon(), func() { p.turn(-1) })
	p.Next = widget.NewButtonWithIcon("下一页", theme.NavigateNextIcon(), func() { p.turn(1) })
	p.Zoom = newEscSelect(zoomChoices, func() { p.Win.Close() })
	p.Zoom.SetSelectedIndex(0)
	p.Zoom.OnChanged = func(string) { p.request() }
	// Printing and exporting from here show their questions and messages here, not on the main
	// window behind.
	p.chooseSave = func(name, ext string, cb func(string)) { w.dialogSaveOn(p.Win, name, ext, cb) }
	p.PrintButton = widget.NewButtonWithIcon("打印…", theme.DocumentPrintIcon(),
		w.guarded("打印", func() { w.printFrom(p.Win, p.askSave) }))
	p.ExportButton = widget.NewButtonWithIcon("导出 PDF…", theme.DocumentSaveIcon(),
		w.guarded("导出 PDF", func() { w.exportPDFFrom(p.Win, p.askSave) }))
	edge := canvas.NewRectangle(color.Transparent)
	edge.StrokeColor, edge.StrokeWidth = color.NRGBA{0x80, 0x80, 0x80, 0xff}, 1
	p.scroll = container.NewScroll(container.NewCenter(container.NewPadded(container.NewStack(p.Page, edge))))
	// The toolbar scrolls sideways in a window too narrow for it, rather than cut 打印… and
	// 导出 PDF… off (fit.go: a window may be as narrow as the screen leaves).
	bar := container.NewHScroll(container.NewHBox(p.Prev, p.PageLabel, p.Next, widget.NewSeparator(),
		widget.NewLabel("缩放"), p.Zoom, layout.NewSpacer(), p.PrintButton, p.ExportButton))
	view := container.New(&widthWatch{changed: p.resized}, p.scroll)
	p.Win.SetContent(container.NewBorder(bar, nil, nil, nil, view))
	sizeWindow(p.Win, fyne.NewSize(900, 1000))
	p.Win.SetOnClosed(p.close)
	previewKeys(p) // Esc and Ctrl+W close it (keyboard.go)
	p.enable()
	return p
}

// askSave asks with chooseSave as it is when the user is asked.
func (p *previewWindow) askSave(name, ext string, cb func(path string)) { p.chooseSave(name, ext, cb) }

// close forgets the window and stops its pending redraw.
func (p *previewWindow) close() {
	p.mu.Lock()
	p.closed, p.due = true, false
	if p.timer != nil {
		p.timer.Stop()
	}
	p.mu.Unlock()
	if p.w.previewWin == p {
		p.w.previewWin = nil
	}
}

// Pages is the page count of the last layout (0 before the first).
func (p *previewWindow) Pages() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.pv == nil {
		return 0
	}
	return p.pv.Pages()
}

// Renders is the number of renders finished: one per debounced change, page turn or zoom.
func (p *previewWindow) Renders() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.renders
}

// idle reports whether no render runs and none is due after a pause: the preview shows the
// document as it is and will not change by itself. Tests wait for it instead of for a time.
func (p *previewWindow) idle() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return !p.busy && !p.due
}

// turn shows the page by pages after the current one, within the document.
func (p *previewWindow) turn(by int) {
	p.mu.Lock()
	if p.pv != nil {
		p.page = max(0, min(p.page+by, p.pv.Pages()-1))
	}
	p.mu.Unlock()
	p.request()
}

// schedule asks for a render after previewDebounce, restarting the wait if one is pending;
// stale says the document changed.
func (p *previewWindow) schedule(stale bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	p.stale = p.stale || stale
	p.due = true
	p.seq++
	seq := p.seq
	if p.timer != nil {
		p.timer.Stop()
	}
	p.timer = time.AfterFunc(previewDebounce, func() { fyne.Do(func() { p.fire(seq) }) })
}

// fire ends the debounce of generation seq: it asks for the render, unless a later change
// started another debounce (this timer had already fired when it was stopped).
func (p *previewWindow) fire(seq int) {
	p.mu.Lock()
	if seq != p.seq || !p.due {
		p.mu.Unlock()
		return
	}
	p.due = false
	p.requestLocked()
}

// resized follows a new window width when the page fits the width.
func (p *previewWindow) resized(width float32) {
	p.mu.Lock()
	fit := p.Zoom.Selected == fitWidth && abs32(width-p.width) > 4 && p.renders > 0
	p.mu.Unlock()
	if fit {
		p.schedule(false)
	}
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

// layoutPreview lays a document out for the preview (a variable so that a test can make it fail).
var layoutPreview = export.NewPreview

// a4W and a4H are the page size (mm) before the first layout tells it.
const a4W, a4H = 210, 297

// previewJob is one render: its input, taken on the UI goroutine, and its result.
type previewJob struct {
	doc  *forms.Document // a copy to lay out; nil to draw from pv
	pv   *export.Preview
	page int
	unit float32 // display units per mm
	px   float64 // image pixels per mm
	img  *image.RGBA
	err  error
}

// request starts a render now, or, while one runs, marks that another must follow it: changes
// and clicks never queue more than one render.
func (p *previewWindow) request() {
	p.mu.Lock()
	p.requestLocked()
}

// requestLocked is request with p.mu held, which it releases: the end of a debounce or of a
// render and the start of the next are one step, never idle in between.
func (p *previewWindow) requestLocked() {
	if p.closed {
		p.mu.Unlock()
		return
	}
	if p.busy {
		p.again = true
		p.mu.Unlock()
		return
	}
	job := previewJob{pv: p.pv, page: p.page}
	stale := p.stale || p.pv == nil
	p.busy, p.stale = true, false
	p.mu.Unlock()
	job.unit, job.px = p.scale()
	if stale {
		job.doc, job.err = snapshot(p.w.Doc) // on the UI goroutine: the editors write the document
	}
	if job.err != nil {
		p.show(job)
		return
	}
	go p.run(job)
}

// scale is the size of a millimetre on screen (units) and in the image (pixels) at the chosen
// zoom; fitting the width uses the width of the scroll area.
func (p *previewWindow) scale() (float32, float64) {
	unit := float32(unitsPerMM)
	if z := p.Zoom.Selected; z == fitWidth {
		width := p.scroll.Size().Width
		p.mu.Lock()
		p.width = width
		p.mu.Unlock()
		if avail := width - 4*theme.Padding() - theme.ScrollBarSize(); avail > 100 {
			unit = avail / a4W
		}
	} else if pct, err := strconv.Atoi(strings.TrimSuffix(z, "%")); err == nil {
		unit = unitsPerMM * float32(pct) / 100
	}
	px := float64(unit * p.Win.Canvas().Scale())
	return unit, max(export.MinPxPerMM, min(px, export.MaxPxPerMM))
}

// run lays out (when the document changed) and draws the page, off the UI goroutine.
func (p *previewWindow) run(job previewJob) {
	if job.doc != nil {
		if pv, err := layoutPreview(job.doc); err != nil {
			job.err = err
		} else {
			job.pv = pv
		}
	}
	if job.err == nil {
		job.page = max(0, min(job.page, job.pv.Pages()-1))
		job.img, job.err = job.pv.Page(job.page, job.px)
	}
	fyne.Do(func() { p.show(job) })
}

// show puts a finished render on screen, then starts the render asked for meanwhile.
func (p *previewWindow) show(job previewJob) {
	p.mu.Lock()
	switch {
	case job.err == nil:
		// p.page is the page asked for, which may have moved on while this one was drawn.
		p.pv, p.page = job.pv, min(p.page, job.pv.Pages()-1)
	case job.doc != nil:
		// The new layout failed: the old one no longer shows the document, so the next
		// request (a page turn, a zoom) lays out again instead of drawing from it.
		p.stale = true
	}
	closed := p.closed
	p.mu.Unlock()
	if !closed {
		p.display(job)
	}
	p.mu.Lock()
	p.renders++
	p.busy = false // still busy while displayed: a request meanwhile follows as again
	if p.again {
		p.again = false
		p.requestLocked()
		return
	}
	p.mu.Unlock()
}

// display shows the page of job, or why there is none.
func (p *previewWindow) display(job previewJob) {
	if job.err != nil {
		p.PageLabel.SetText("无法生成预览：" + job.err.Error())
		return
	}
	w, h := job.pv.PageSize()
	p.Page.Image = job.img
	p.Page.SetMinSize(fyne.NewSize(float32(w)*job.unit, float32(h)*job.unit))
	p.Page.Refresh()
	p.scroll.Refresh()
	text := fmt.Sprintf("第 %d 页 共 %d 页", job.page+1, job.pv.Pages())
	if n := len(job.pv.Warnings); n > 0 {
		text += fmt.Sprintf("（%d 处文字含无法打印的字符，印成“□”）", n)
	}
	p.PageLabel.SetText(text)
	p.enable()
}

// enable lets the page buttons turn only to pages that exist.
func (p *previewWindow) enable() {
	p.mu.Lock()
	first, last := p.page <= 0, p.pv == nil || p.page >= p.pv.Pages()-1
	p.mu.Unlock()
	for _, b := range []struct {
		btn *widget.Button
		off bool
	}{{p.Prev, first}, {p.Next, last}} {
		if b.off {
			b.btn.Disable()
		} else {
			b.btn.Enable()
		}
	}
}

// widthWatch lays its objects over the whole area and reports each new width.
type widthWatch struct {
	changed func(width float32)
	last    float32
}

func (l *widthWatch) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
	if size.Width != l.last {
		l.last = size.Width
		l.changed(size.Width)
	}
}

func (l *widthWatch) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}
