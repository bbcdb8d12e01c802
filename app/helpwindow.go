package app

import (
	"image/color"
	"net/url"
	"path"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"ziping/docs"
)

// helpWindow is the window of 帮助 › 用户手册 and 帮助 › 计分规则: a tab per document built into
// the program (package docs), each its headings beside its text. A heading, or a link to one
// in either document, scrolls there; the window opens at a section from the place that needs
// it (the 计分规则 options of 文档设置 open §7).
type helpWindow struct {
	w     *Window
	Win   fyne.Window
	Tabs  *container.AppTabs
	Pages []*helpPage
}

// helpTextWidth is the width of the help text's lines: some 44 characters, a comfortable line
// to read.
const helpTextWidth = 620

// helpPage is one document of the help window.
type helpPage struct {
	doc      docs.Doc
	sections []docs.Section
	Headings *widget.List
	Scroll   *container.Scroll
	Texts    []*widget.RichText // one per section, in order
	tab      *container.TabItem
	shown    int // the section scrolled to
}

// ShowHelp opens the help window at the section of the document file (docs.Manual,
// docs.Rules) whose heading has anchor (docs.Anchor; "" for the beginning), or brings the open
// one forward there.
func (w *Window) ShowHelp(file, anchor string) {
	h := w.helpWin
	if h == nil {
		h = newHelpWindow(w)
		w.helpWin = h
	}
	h.Win.Show()
	h.Win.RequestFocus()
	h.show(file, anchor)
}

func newHelpWindow(w *Window) *helpWindow {
	h := &helpWindow{w: w, Win: w.App.NewWindow("帮助 - " + AppName), Tabs: container.NewAppTabs()}
	for _, d := range docs.All() {
		p := h.newPage(d)
		h.Pages = append(h.Pages, p)
		h.Tabs.Append(p.tab)
	}
	h.Win.SetContent(h.Tabs)
	sizeWindow(h.Win, fyne.NewSize(1000, 720))
	h.Win.SetOnClosed(func() {
		if w.helpWin == h {
			w.helpWin = nil
		}
	})
	return h
}

// newPage lays out document d: its sections' texts one under the other, and the list of
// their headings (those of level 3 indented) to the left.
func (h *helpWindow) newPage(d docs.Doc) *helpPage {
	p := &helpPage{doc: d, sections: docs.Sections(d.Text)}
	objs := make([]fyne.CanvasObject, len(p.sections))
	for i, s := range p.sections {
		rt := widget.NewRichTextFromMarkdown(docs.ForScreen(s.Text))
		wrapHelp(rt.Segments, helpTextWidth) // rt does not wrap: see helptext.go
		h.followLinks(d.File, rt.Segments)
		p.Texts = append(p.Texts, rt)
		objs[i] = rt
	}
	p.Scroll = container.NewVScroll(container.NewVBox(objs...))
	p.Headings = widget.NewList(
		func() int { return len(p.sections) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(p.headingLabel(i)) })
	p.Headings.OnSelected = func(i widget.ListItemID) { p.scrollTo(i) }
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(200, 0)) // the headings stay readable beside the text
	split := container.NewHSplit(container.NewStack(width, p.Headings), p.Scroll)
	split.Offset = 0.28
	p.tab = container.NewTabItem(d.Title, split)
	return p
}

// headingLabel is section i as the list names it: the document's title for the first.
func (p *helpPage) headingLabel(i int) string {
	s := p.sections[i]
	switch {
	case i == 0 || s.Level <= 1:
		return p.doc.Title
	case s.Level == 3:
		return "　　" + s.Title
	}
	return s.Title
}

// show selects the document file and scrolls to the section with anchor.
func (h *helpWindow) show(file, anchor string) {
	for _, p := range h.Pages {
		if p.doc.File != file {
			continue
		}
		h.Tabs.Select(p.tab)
		i := 0
		for j, s := range p.sections {
			if s.Anchor == anchor && anchor != "" {
				i = j
				break
			}
		}
		p.Headings.Select(i) // scrolls there (OnSelected), unless it is selected already
		p.scrollTo(i)
		return
	}
}

// scrollTo scrolls the text so that section i is at the top.
func (p *helpPage) scrollTo(i int) {
	p.shown = i
	p.Scroll.Content.Refresh() // lays the sections out at the scroll's width, if not yet
	p.Scroll.ScrollToOffset(fyne.NewPos(0, p.Texts[i].Position().Y))
}

// followLinks makes the links of segs that lead into a built-in document (from the document
// file) open there, in this window; web links open in the browser as RichText does.
func (h *helpWindow) followLinks(file string, segs []widget.RichTextSegment) {
	eachInline(segs, func(s widget.RichTextSegment) {
		if l, ok := s.(*widget.HyperlinkSegment); ok && l.URL != nil && l.URL.Scheme == "" {
			target, anchor := linkTarget(file, l.URL)
			l.OnTapped = func() { h.show(target, anchor) }
		}
	})
}

// eachInline calls f on each segment of segs in reading order, the items of lists and the
// texts of paragraphs in their place.
func eachInline(segs []widget.RichTextSegment, f func(widget.RichTextSegment)) {
	for _, s := range segs {
		switch s := s.(type) {
		case *widget.ListSegment:
			eachInline(s.Items, f)
		case *widget.ParagraphSegment:
			eachInline(s.Texts, f)
		default:
			f(s)
		}
	}
}

// linkTarget is the document and anchor a relative link u of the document file leads to.
func linkTarget(file string, u *url.URL) (string, string) {
	target := path.Base(u.Path)
	if u.Path == "" {
		target = file
	}
	return target, strings.ToLower(u.Fragment)
}
