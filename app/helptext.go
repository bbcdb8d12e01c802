package app

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The help window's text is broken into lines here, once, and shown by a RichText that does not
// wrap: RichText's own wrapping measures every candidate line by shaping it, which took some
// 8 s of processor time to lay out the manual and the rules (and again at each resize), and
// breaks Chinese only at spaces or anywhere, 避头尾 ignored.

// helpIndent is how much narrower each level of a list is than the text around it (the bullet
// and its padding), in text sizes.
const helpIndent = 2

// wrapHelp breaks the paragraphs of segs (inline texts and links, also in list items) into
// lines at most width wide, by putting line breaks into their texts: between Chinese
// characters and at spaces, never before closing or after opening punctuation (noLineStart,
// noLineEnd), never inside a Latin word or a number; a link is never broken.
func wrapHelp(segs []widget.RichTextSegment, width float32) {
	var run []widget.RichTextSegment
	flush := func() {
		wrapRun(run, width)
		run = nil
	}
	for _, s := range segs {
		switch s := s.(type) {
		case *widget.ListSegment:
			flush()
			wrapHelp(s.Items, width-helpIndent*textSize())
		case *widget.ParagraphSegment:
			flush()
			wrapHelp(s.Texts, width)
		default:
			if s.Inline() {
				run = append(run, s)
				continue
			}
			flush()
		}
	}
	flush()
}

func textSize() float32 { return theme.TextSize() }

// helpUnit is one character of a run of inline segments, or a whole link.
type helpUnit struct {
	seg  int  // index in the run
	off  int  // byte offset in the segment's text
	r    rune // 0 for a link
	w    float32
	text *widget.TextSegment // nil for a link
}

// wrapRun breaks one paragraph: a run of inline text segments and links.
func wrapRun(run []widget.RichTextSegment, width float32) {
	tidySpaces(run)
	units := helpUnits(run)
	var breaks []int // unit indexes a line starts at
	x, start, opp := float32(0), 0, -1
	for i, u := range units {
		if i > start && canBreak(units, i) {
			opp = i
		}
		x += u.w
		if x <= width || i == start {
			continue
		}
		at := opp
		if at <= start { // no break fits: the line is cut before this character, or before the
			at = i // one before it when this one may not begin a line
			for at-1 > start && strings.ContainsRune(noLineStart, units[at].r) {
				at--
			}
		}
		breaks = append(breaks, at)
		start, opp, x = at, -1, 0
		for _, v := range units[at : i+1] { // the new line so far (a space before it stays behind)
			x += v.w
		}
	}
	applyBreaks(run, units, breaks)
}

// tidySpaces removes the space Fyne's Markdown reader puts after a text that a bold text, a
// code or a link follows, where Chinese is on both sides ("工具栏 新建" of "工具栏**新建**").
func tidySpaces(run []widget.RichTextSegment) {
	for i := 0; i+1 < len(run); i++ {
		t, ok := run[i].(*widget.TextSegment)
		if !ok || !strings.HasSuffix(t.Text, " ") {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(t.Text, " "))
		var next string
		switch n := run[i+1].(type) {
		case *widget.TextSegment:
			next = n.Text
		case *widget.HyperlinkSegment:
			next = n.Text
		}
		if after, _ := utf8.DecodeRuneInString(next); wide(before) && wide(after) {
			t.Text = strings.TrimSuffix(t.Text, " ")
		}
	}
}

// helpUnits lists the characters of run's texts and its links with their widths.
func helpUnits(run []widget.RichTextSegment) []helpUnit {
	var units []helpUnit
	for si, s := range run {
		switch s := s.(type) {
		case *widget.TextSegment:
			for off, r := range s.Text {
				units = append(units, helpUnit{seg: si, off: off, r: r, w: runeWidth(r, s.Style.TextStyle), text: s})
			}
		case *widget.HyperlinkSegment:
			units = append(units, helpUnit{seg: si, w: fyne.MeasureText(s.Text, textSize(), fyne.TextStyle{}).Width})
		}
	}
	return units
}

// canBreak reports whether a line may start at unit i: after a space, or between two
// characters one of which is Chinese, or before or after a link, unless 避头尾 forbids it.
func canBreak(units []helpUnit, i int) bool {
	prev, cur := units[i-1].r, units[i].r
	switch {
	case prev == 0 || cur == 0: // a link is a word of its own
		return !strings.ContainsRune(noLineStart, cur) && !strings.ContainsRune(noLineEnd, prev)
	case prev == ' ':
		return cur != ' '
	case cur == ' ':
		return false
	case strings.ContainsRune(noLineStart, cur) || strings.ContainsRune(noLineEnd, prev):
		return false
	}
	return wide(prev) || wide(cur)
}

// wide reports whether r is set a full em wide: Chinese characters and full-width punctuation.
func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef || r >= 0x2018 && r <= 0x201d
}

// applyBreaks puts a line break where each line of breaks starts: in place of the space before
// it, else before its first character, else (a link first) after the text before it.
func applyBreaks(run []widget.RichTextSegment, units []helpUnit, breaks []int) {
	type edit struct {
		off     int
		replace bool // the space at off becomes the break
	}
	edits := map[*widget.TextSegment][]edit{}
	for _, b := range breaks {
		prev, cur := units[b-1], units[b]
		switch {
		case prev.text != nil && prev.r == ' ':
			edits[prev.text] = append(edits[prev.text], edit{prev.off, true})
		case cur.text != nil:
			edits[cur.text] = append(edits[cur.text], edit{cur.off, false})
		case prev.text != nil:
			edits[prev.text] = append(edits[prev.text], edit{prev.off + utf8.RuneLen(prev.r), false})
		}
	}
	for seg, es := range edits {
		text := seg.Text
		for i := len(es) - 1; i >= 0; i-- { // from the end, so that the offsets hold
			e := es[i]
			end := e.off
			if e.replace {
				end++
			}
			text = text[:e.off] + "\n" + text[end:]
		}
		seg.Text = text
	}
}

// helpRuneWidths caches the width of each character in each style at the text size.
var helpRuneWidths = map[runeKey]float32{}

type runeKey struct {
	r     rune
	style fyne.TextStyle
	size  float32
}

// runeWidth is the width of r in style: one measurement per character and style (all Chinese
// characters as wide as 中).
func runeWidth(r rune, style fyne.TextStyle) float32 {
	if wide(r) {
		r = '中'
	}
	k := runeKey{r, style, textSize()}
	w, ok := helpRuneWidths[k]
	if !ok {
		w = fyne.MeasureText(string(r), k.size, style).Width
		helpRuneWidths[k] = w
	}
	return w
}
