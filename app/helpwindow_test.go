package app

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"ziping/docs"
)

// pageText is the text the help window shows of a document, without the line breaks it put in.
func pageText(p *helpPage) string {
	var b strings.Builder
	for _, rt := range p.Texts {
		eachInline(rt.Segments, func(s widget.RichTextSegment) {
			switch s := s.(type) {
			case *widget.TextSegment:
				b.WriteString(strings.ReplaceAll(s.Text, "\n", ""))
			case *widget.HyperlinkSegment:
				b.WriteString(s.Text)
			}
		})
		b.WriteString("\n")
	}
	return b.String()
}

// shownTitle is the heading of the section the selected document of h is scrolled to, checked
// to be at the top of the text.
func shownTitle(t *testing.T, h *helpWindow) string {
	t.Helper()
	for _, p := range h.Pages {
		if h.Tabs.Selected() != p.tab {
			continue
		}
		y := p.Texts[p.shown].Position().Y
		if p.Scroll.Offset.Y != min(y, p.Scroll.Content.Size().Height-p.Scroll.Size().Height) || p.shown > 0 && y <= 0 {
			t.Errorf("%s: scrolled to %g, the section %q is at %g", p.doc.File, p.Scroll.Offset.Y, p.sections[p.shown].Title, y)
		}
		return p.sections[p.shown].Title
	}
	t.Fatal("no document selected")
	return ""
}

// TestHelpMenu: 帮助 › 用户手册 and 帮助 › 计分规则 open the documents built into the program, at
// their beginning, in one window, with their headings listed.
func TestHelpMenu(t *testing.T) {
	w := New(test.NewTempApp(t))
	findMenuItem(t, w, "帮助", "用户手册").Action()
	h := w.helpWin
	if h == nil {
		t.Fatal("帮助 › 用户手册 opened no window")
	}
	if got := shownTitle(t, h); got != "绩效自评 用户手册" {
		t.Errorf("用户手册 opens at %q", got)
	}
	manual := pageText(h.Pages[0])
	for _, want := range []string{"填写一张项目表：一步一步", "中文输入法", "绩效自评是给行政事业单位财务人员用的桌面程序"} {
		if !strings.Contains(manual, want) {
			t.Errorf("the manual lacks %q", want)
		}
	}
	if strings.Contains(manual, "| --- |") {
		t.Error("the manual shows a table's Markdown")
	}
	findMenuItem(t, w, "帮助", "计分规则").Action()
	if w.helpWin != h {
		t.Error("a second help window")
	}
	if got := shownTitle(t, h); !strings.HasPrefix(got, "得分规则和检查") {
		t.Errorf("计分规则 opens at %q", got)
	}
	rules := pageText(h.Pages[1])
	for _, want := range []string{"3. 得分怎么算", "7. 规则选项（文档设置 › 计分规则）", "执行率封顶"} {
		if !strings.Contains(rules, want) {
			t.Errorf("the rules lack %q", want)
		}
	}
	p := h.Pages[1]
	if n := p.Headings.Length(); n != len(p.sections) || n < 20 {
		t.Errorf("%d headings listed", n)
	}
	h.Win.Close()
	if w.helpWin != nil {
		t.Error("the closed help window is still known")
	}
}

// TestHelpAtSection: the 计分规则全文 button of a rule option's help opens the rules at §7, the
// rule options; a heading of the list, and a link to a section, scroll there.
func TestHelpAtSection(t *testing.T) {
	w := NewForFile(test.NewTempApp(t), fileSample)
	test.Tap(w.Unit.Rules.Help["rate_cap"])
	dialogTap(t, w, "计分规则全文")
	if hasDialog(w) {
		t.Error("the option's help is still shown")
	}
	h := w.helpWin
	if h == nil {
		t.Fatal("no help window")
	}
	if got := shownTitle(t, h); got != "7. 规则选项（文档设置 › 计分规则）" {
		t.Fatalf("计分规则全文 opens at %q", got)
	}
	manual := h.Pages[0]
	manual.Headings.Select(5)
	h.Tabs.Select(manual.tab)
	if got := shownTitle(t, h); got != manual.sections[5].Title {
		t.Errorf("the 6th heading scrolls to %q", got)
	}
	// The manual's link to §3 of the rules, and its table of contents' link to 命令行.
	for _, c := range []struct{ url, want string }{{"scoring.md#3-得分怎么算", "3. 得分怎么算"}, {"#命令行", "命令行"}} {
		link := findLink(manual, c.url)
		if link == nil || link.OnTapped == nil {
			t.Fatalf("no link to %s in the manual", c.url)
		}
		link.OnTapped()
		if got := shownTitle(t, h); got != c.want {
			t.Errorf("the link to %s shows %q", c.url, got)
		}
	}
	if docs.Anchor("7. 规则选项（文档设置 › 计分规则）") != rulesSection {
		t.Error("rulesSection is not §7's anchor")
	}
}

// findLink is the first link of p to u.
func findLink(p *helpPage, u string) *widget.HyperlinkSegment {
	var found *widget.HyperlinkSegment
	for _, rt := range p.Texts {
		eachInline(rt.Segments, func(s widget.RichTextSegment) {
			if l, ok := s.(*widget.HyperlinkSegment); ok && found == nil && l.URL != nil && l.URL.Path+"#"+l.URL.Fragment == u {
				found = l
			}
		})
	}
	return found
}

// TestWrapHelp: a paragraph of text, bold, code and links is broken into lines no wider than
// the width: between Chinese characters or at a space (which the break replaces), never before
// closing punctuation, after opening punctuation, inside a Latin word or a number, or inside a
// link; the text is kept; the space Fyne puts between Chinese and bold Chinese is taken out.
func TestWrapHelp(t *testing.T) {
	test.NewTempApp(t)
	para := "程序在输入时自动计算每个小计、执行率和得分，检查常见错误（分值合计不等于 100、得分超过分值、扣分没写原因……），" +
		"并导出与正式表格格式一致的 PDF 和 Excel，打印后签字盖章。Windows, macOS and Linux share one code base. "
	for _, width := range []float32{160, 250, 400, 620} {
		run := []widget.RichTextSegment{
			&widget.TextSegment{Style: widget.RichTextStyleInline, Text: strings.Repeat(para, 2) + "工具栏 "},
			&widget.TextSegment{Style: widget.RichTextStyleStrong, Text: "新建"},
			&widget.TextSegment{Style: widget.RichTextStyleInline, Text: "（Ctrl+N）得到空白文档，见 "},
			&widget.HyperlinkSegment{Text: "得分规则和检查"},
			&widget.TextSegment{Style: widget.RichTextStyleCodeInline, Text: "forms/options.go"},
			&widget.TextSegment{Style: widget.RichTextStyleInline, Text: "。" + para},
		}
		wrapHelp(run, width)
		lines, widths, all := helpLinesShown(run)
		for i, l := range lines {
			if widths[i] > width {
				t.Errorf("width %g: the line %q is %g wide", width, l, widths[i])
			}
		}
		if len(lines) < int(3000/width) {
			t.Errorf("width %g: %d lines", width, len(lines))
		}
		for i, l := range lines {
			first, _ := utf8.DecodeRuneInString(l)
			if i > 0 && strings.ContainsRune(noLineStart, first) {
				t.Errorf("width %g: line %q begins with %q", width, l, first)
			}
		}
		broken := strings.Join(lines, "\n")
		for _, word := range []string{"Ctrl+N", "Windows,", "100", "forms/options.go", "得分规则和检查"} {
			if strings.Count(broken, word) != strings.Count(all, word) {
				t.Errorf("width %g: %q is broken", width, word)
			}
		}
		want := strings.Repeat(para, 2) + "工具栏新建（Ctrl+N）得到空白文档，见 得分规则和检查forms/options.go。" + para
		if got := strings.ReplaceAll(all, " ", ""); got != strings.ReplaceAll(want, " ", "") {
			t.Errorf("width %g: the text is %q", width, all)
		}
		if strings.Contains(all, "工具栏 新建") {
			t.Errorf("width %g: a space between 工具栏 and 新建", width)
		}
	}
}

// helpLinesShown is run as a RichText that does not wrap shows it: its lines (parted by the line
// breaks in its texts), the width of each, and its text without the breaks.
func helpLinesShown(run []widget.RichTextSegment) (lines []string, widths []float32, text string) {
	var all strings.Builder
	line, lineW := "", float32(0)
	for _, s := range run {
		switch s := s.(type) {
		case *widget.HyperlinkSegment: // never broken
			line += s.Text
			lineW += fyne.MeasureText(s.Text, textSize(), fyne.TextStyle{}).Width
			all.WriteString(s.Text)
		case *widget.TextSegment:
			for _, r := range s.Text {
				if r == '\n' {
					lines, widths = append(lines, line), append(widths, lineW)
					line, lineW = "", 0
					continue
				}
				line += string(r)
				lineW += runeWidth(r, s.Style.TextStyle)
			}
			all.WriteString(strings.ReplaceAll(s.Text, "\n", ""))
		}
	}
	return append(lines, line), append(widths, lineW), all.String()
}

// BenchmarkHelpWindow is opening 帮助 › 用户手册: both documents parsed, broken into lines and
// laid out (with RichText's own wrapping this took seconds).
func BenchmarkHelpWindow(b *testing.B) {
	a := test.NewTempApp(b)
	w := New(a)
	for b.Loop() {
		w.ShowHelp(docs.Manual, "")
		w.helpWin.Win.Close()
	}
}
