package app

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// TestHelpLines: the rule options' help texts are broken into lines no wider than helpWidth,
// none beginning with closing punctuation or ending with an opening bracket, none parting
// 80%, （或 130%） or a formula; the lines hold the text, less the spaces where they break.
func TestHelpLines(t *testing.T) {
	size := theme.TextSize()
	for _, o := range forms.RuleOptions() {
		lines := helpLines(o.Help, helpWidth, size)
		if len(lines) < 2 {
			t.Errorf("%s: %d line", o.Key, len(lines))
		}
		for i, l := range lines {
			if w := fyne.MeasureText(l, size, fyne.TextStyle{}).Width; w > helpWidth {
				t.Errorf("%s: line %d is %.0f wide: %q", o.Key, i, w, l)
			}
			first, _ := utf8.DecodeRuneInString(l)
			last, _ := utf8.DecodeLastRuneInString(l)
			if strings.ContainsRune(noLineStart, first) || strings.ContainsRune(noLineEnd, last) || first == ' ' || last == ' ' {
				t.Errorf("%s: line %d is %q", o.Key, i, l)
			}
			if i > 0 {
				prev, _ := utf8.DecodeLastRuneInString(lines[i-1])
				if isLatin(prev) && isLatin(first) {
					t.Errorf("%s: a break parts %q from %q", o.Key, lines[i-1], l)
				}
			}
		}
		if got, want := strings.ReplaceAll(strings.Join(lines, ""), " ", ""), strings.ReplaceAll(o.Help, " ", ""); got != want {
			t.Errorf("%s: the lines hold %q", o.Key, got)
		}
	}
	// The formulas of 反向指标计分 are not broken.
	negative := strings.Join(helpLines(forms.RuleOptions()[0].Help, helpWidth, size), "\n")
	for _, f := range []string{"分值×指标值/完成值", "分值×(1−(完成值−指标值)/指标值)"} {
		if !strings.Contains(negative, f) {
			t.Errorf("the formula %s is broken: %q", f, negative)
		}
	}
	// A closing bracket after a space, an opening one before a space, a piece too long.
	got := helpLines("甲乙 ）丙（ 丁 "+strings.Repeat("x", 200), 60, size)
	for i, l := range got {
		if strings.HasPrefix(l, "）") || strings.HasSuffix(l, "（") || fyne.MeasureText(l, size, fyne.TextStyle{}).Width > 60 {
			t.Errorf("line %d of %q", i, got)
		}
	}
}

func isLatin(r rune) bool { return r < utf8.RuneSelf && r != ' ' }

// TestHelpDialog: a 计分规则 help button shows its text left-aligned in lines (helpLines), in a
// dialog that Enter and Esc close.
func TestHelpDialog(t *testing.T) {
	w := NewForFile(test.NewTempApp(t), fileSample)
	for _, key := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEscape} {
		test.Tap(w.Unit.Rules.Help["over_target"])
		top := w.Win.Canvas().Overlays().Top()
		if top == nil {
			t.Fatal("no help dialog")
		}
		var label *widget.Label
		for _, o := range test.LaidOutObjects(top) {
			if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "定量指标") {
				label = l
			}
		}
		if label == nil || label.Alignment != fyne.TextAlignLeading || label.Wrapping != fyne.TextWrapOff {
			t.Fatalf("the help text is %+v", label)
		}
		if want := strings.Join(helpLines(forms.RuleOptions()[1].Help, helpWidth, theme.TextSize()), "\n"); label.Text != want {
			t.Fatalf("the help text is %q, want %q", label.Text, want)
		}
		if !strings.Contains(label.Text, "（或 130%）") || !strings.Contains(label.Text, "（或 70%）") {
			t.Errorf("a bracket is parted: %q", label.Text)
		}
		f := w.Win.Canvas().Focused()
		if f == nil {
			t.Fatal("nothing in the help dialog has the focus")
		}
		f.TypedKey(&fyne.KeyEvent{Name: key})
		if w.Win.Canvas().Overlays().Top() != nil {
			t.Fatalf("%s does not close the help dialog", key)
		}
	}
}

// TestSettingsHeading: the heading of 文档设置 names its settings in the order shown, 计分规则
// among them.
func TestSettingsHeading(t *testing.T) {
	w := NewForFile(test.NewTempApp(t), fileSample)
	item := w.Unit.Settings.Items[0]
	at := 0
	for _, f := range item.Detail.(*widget.Form).Items {
		name := []rune(f.Text)
		i := strings.Index(item.Title[at:], string(name[:min(2, len(name))]))
		if i < 0 {
			t.Fatalf("the heading %q does not name %s after position %d", item.Title, f.Text, at)
		}
		at += i
	}
	if !strings.Contains(item.Title, "计分规则") {
		t.Errorf("the heading %q", item.Title)
	}
}
