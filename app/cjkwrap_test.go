package app

import (
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// shownLines are the lines each problem row in view shows, top to bottom, with the width its
// text has: the canvas texts of each row's RichText, as the window draws them.
func shownLines(list fyne.CanvasObject) (rows [][]string, widths []float32) {
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch v := o.(type) {
		case *widget.RichText:
			var texts []*canvas.Text
			for _, k := range test.WidgetRenderer(v).Objects() {
				if t, ok := k.(*canvas.Text); ok && t.Visible() && t.Text != "" {
					texts = append(texts, t)
				}
			}
			sort.SliceStable(texts, func(i, j int) bool { return texts[i].Position().Y < texts[j].Position().Y })
			var lines []string
			for _, t := range texts {
				lines = append(lines, t.Text)
			}
			if len(lines) > 0 {
				rows = append(rows, lines)
				widths = append(widths, v.Size().Width-2*theme.InnerPadding())
			}
			return
		case *fyne.Container:
			for _, k := range v.Objects {
				walk(k)
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(v).Objects() {
				walk(k)
			}
		}
	}
	walk(list)
	return rows, widths
}

// isHan reports whether r is a Chinese character.
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// TestCheckMessagesWrapAsChinese: the check tab breaks a problem's text between characters as
// Chinese text is set, not at its last ASCII space as English is: no line starts with closing
// punctuation, and a line is only left short when the next line starts with a number or a word
// kept whole, or with a character that must stay with the punctuation after it. No line is cut
// short with "…" but the last one shown (Fyne's truncation of a line measured too wide).
func TestCheckMessagesWrapAsChinese(t *testing.T) {
	w := New(test.NewTempApp(t))
	w.Open(samplePath)
	for _, width := range []float32{1400, 900} {
		w.Win.Resize(fyne.NewSize(width, 2400)) // tall: most problems in view
		w.Tabs.Select(w.Checks.item())
		rows, widths := shownLines(w.Checks.Problems)
		if len(rows) < 10 {
			t.Fatalf("width %v: %d problem rows in view", width, len(rows))
		}
		multi := 0
		for i, lines := range rows {
			if len(lines) > 1 {
				multi++
			}
			for j, line := range lines {
				if j > 0 && strings.ContainsRune(noLineStart, []rune(line)[0]) {
					t.Errorf("width %v: a line starts with punctuation: %q after %q", width, line, lines[j-1])
				}
				if j == len(lines)-1 {
					continue
				}
				if strings.HasSuffix(line, "…") {
					t.Errorf("width %v: line %q is cut short with …", width, line)
				}
				next := []rune(lines[j+1])
				if !isHan(next[0]) || len(next) > 1 && strings.ContainsRune(noLineStart, next[1]) {
					continue // a number or a word kept whole, or a character kept with its punctuation
				}
				style := fyne.TextStyle{}
				if fit := fyne.MeasureText(strings.TrimRight(line, " ")+string(next[0]), theme.TextSize(), style).Width; fit <= widths[i]-1 {
					t.Errorf("width %v: line %q is left short (%v of %v px): %q would fit, the next line is %q",
						width, line, fyne.MeasureText(line, theme.TextSize(), style).Width, widths[i], string(next[0]), lines[j+1])
				}
			}
		}
		if multi == 0 {
			t.Fatalf("width %v: no problem takes more than one line; the test tests nothing", width)
		}
	}
}

// TestWrapLines: the line breaker keeps a number and the punctuation after it together, breaks
// between Chinese characters, cuts at most lines with "…", and fits every line in the width.
func TestWrapLines(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(NewTheme(false))
	m := widthsFor(theme.TextSize(), fyne.TextStyle{})
	msg := "[警告] 项目 2「社会保障行政运行费」 › 绩效指标 › 产出指标 › 数量指标 › 指标 1 › 未完成原因：得分 38 低于分值 10，但未勾选未完成原因、未填原因说明、未填改进措施：请勾选原因，并写明扣分原因和改进措施。"
	for _, width := range []float32{120, 200, 333, 480, 1000} {
		lines := wrapLines(msg, width, 0, m)
		if got := strings.Join(lines, ""); strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(msg, " ", "") {
			t.Fatalf("width %v: the lines %q do not hold the text", width, lines)
		}
		for i, l := range lines {
			if m.width(l) > width {
				t.Errorf("width %v: line %q is %v wide", width, l, m.width(l))
			}
			if i > 0 && strings.ContainsRune(noLineStart, []rune(l)[0]) {
				t.Errorf("width %v: line %q starts with punctuation", width, l)
			}
			if strings.HasPrefix(l, "0，") || strings.HasSuffix(l, "1") && i+1 < len(lines) && strings.HasPrefix(lines[i+1], "0") {
				t.Errorf("width %v: the number 10 is split: %q", width, lines)
			}
		}
	}
	short := wrapLines(msg, 200, 3, m)
	if len(short) != 3 || !strings.HasSuffix(short[2], "…") || m.width(short[2]) > 200 {
		t.Errorf("three lines at most: %q", short)
	}
	if all := wrapLines("检查通过", 200, 3, m); !slices.Equal(all, []string{"检查通过"}) {
		t.Errorf("a short text: %q", all)
	}
}
