package app

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ziping/docs"
	"ziping/forms"
)

// ruleOptions edits the scoring rule options of 文档设置, one editor per forms.RuleOptions entry,
// generated from their description: a drop-down for an option with several values, a tick box
// for one that is on or off, and a help button with the option's explanation. Each change is one
// 撤销 step and re-evaluates every form, since an option can change any total. Its exported
// fields are handles for tests, by the option's key.
type ruleOptions struct {
	w       *Window
	Selects map[string]*fieldSelect // fields, as the editors (keyboard.go)
	Checks  map[string]*fieldCheck
	Help    map[string]*widget.Button
}

// ruleItem is the 计分规则 item of the settings form: the rule options' editors, one per line.
func (u *unitTab) ruleItem() *widget.FormItem {
	u.Rules = newRuleOptions(u.w)
	return widget.NewFormItem("计分规则", u.Rules.box())
}

func newRuleOptions(w *Window) *ruleOptions {
	return &ruleOptions{w: w, Selects: map[string]*fieldSelect{}, Checks: map[string]*fieldCheck{}, Help: map[string]*widget.Button{}}
}

// box builds the editors, each set to the document's value, under their names in a form of
// their own (so that the names line up).
func (r *ruleOptions) box() *widget.Form {
	box := widget.NewForm()
	for _, o := range forms.RuleOptions() {
		help := widget.NewButtonWithIcon("", theme.QuestionIcon(), func() {
			var d *dialog.CustomDialog
			all := widget.NewButton("计分规则全文", func() { d.Hide(); r.w.ShowHelp(docs.Rules, rulesSection) })
			d = showHelp(o.Label, o.Help, r.w.Win, all)
		})
		r.Help[o.Key] = help
		var editor fyne.CanvasObject
		if o.Toggle {
			editor = r.check(o)
		} else {
			editor = r.choice(o)
		}
		box.Append(o.Label, container.NewBorder(nil, nil, nil, help, editor))
	}
	return box
}

// check is the tick box of a toggle option.
func (r *ruleOptions) check(o forms.RuleOption) *fieldCheck {
	c := newFieldCheck(r.w, -1, o.Choices[1].Label)
	c.SetChecked(o.On(r.w.Doc.Settings))
	c.OnChanged = func(on bool) {
		v := o.Choices[0].Value
		if on {
			v = o.Choices[1].Value
		}
		r.set(o, v)
	}
	r.Checks[o.Key] = c
	return c
}

// choice is the drop-down of an option with several values. A value the program does not know
// (a hand-edited file) selects nothing; the check list reports it.
func (r *ruleOptions) choice(o forms.RuleOption) *fieldSelect {
	labels := make([]string, len(o.Choices))
	for i, c := range o.Choices {
		labels[i] = c.Label
	}
	s := newFieldSelect(r.w, -1, labels)
	for i, c := range o.Choices {
		if c.Value == o.Value(r.w.Doc.Settings) {
			s.SetSelectedIndex(i)
		}
	}
	s.OnChanged = func(string) {
		if i := s.SelectedIndex(); i >= 0 {
			r.set(o, o.Choices[i].Value)
		}
	}
	r.Selects[o.Key] = s
	return s
}

// set gives option o the value v as one 撤销 step, then recomputes every form.
func (r *ruleOptions) set(o forms.RuleOption, v string) {
	s := &r.w.Doc.Settings
	next := *s
	if err := o.Set(&next, v); err != nil { // v is one of o's choices: not reached
		dialog.ShowError(err, r.w.Win)
		return
	}
	if next == *s {
		return
	}
	r.w.record()
	*s = next
	r.w.changedIn(forms.AllForms)
}

// helpWidth is the width of a help text's lines: some 36 characters, a comfortable line to read.
const helpWidth = 500

// rulesSection is the anchor of the rule options' section of docs/scoring.md (§7), where the
// 计分规则全文 button of their help opens the help window.
const rulesSection = "7-规则选项文档设置--计分规则"

// showHelp shows a help text left-aligned, in lines broken as Chinese is set (helpLines), with
// the buttons more and one button 确定 that Enter, Return, Space and Esc press too.
func showHelp(title, text string, parent fyne.Window, more ...fyne.CanvasObject) *dialog.CustomDialog {
	body := widget.NewLabel(strings.Join(helpLines(text, helpWidth, theme.TextSize()), "\n"))
	var d *dialog.CustomDialog
	ok := &keyButton{}
	ok.Text, ok.Importance, ok.OnTapped = "确定", widget.HighImportance, func() { d.Hide() }
	ok.ExtendBaseWidget(ok)
	d = dialog.NewCustomWithoutButtons(title, body, parent)
	d.SetButtons(append(more, ok))
	d.Show()
	parent.Canvas().Focus(ok) // the keys reach the focused button
	return d
}

// keyButton is a button that Enter, Return and Esc press as well as Space: a dialog's only
// button, which closes it.
type keyButton struct{ widget.Button }

func (b *keyButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape:
		b.Tapped(nil)
	default:
		b.Button.TypedKey(ev)
	}
}

// Characters that do not begin a line (closing brackets and punctuation, as Chinese is set) and
// that do not end one (opening brackets); the operators of a formula keep both neighbours.
const (
	noLineStart = "，。、；：！？）》」』】〕”’％…—·,.;:!?)]}%"
	noLineEnd   = "（《「『【〔“‘([{"
	glue        = "×−/＋+＝=\u00a0"
)

// shortAside is a short remark in brackets, such as （或 130%）: it is not broken across lines.
var shortAside = regexp.MustCompile(`（[^（）\n]{1,12}）`)

// helpLines breaks text into lines at most width wide in text of the given size: between two
// Chinese characters or at a space, never inside a run of Latin letters and digits (80%, C+D),
// never before a closing bracket or punctuation, never after an opening bracket, nor next to
// an operator of a formula. The text's own line breaks are kept; a space at a break is dropped.
// A piece wider than width on its own is broken between characters.
func helpLines(text string, width, size float32) (lines []string) {
	wide := func(s string) bool {
		return fyne.MeasureText(strings.ReplaceAll(s, "\u00a0", " "), size, fyne.TextStyle{}).Width > width
	}
	// The spaces of a short aside become no-break spaces (glue) while the lines are made.
	text = shortAside.ReplaceAllStringFunc(text, func(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") })
	defer func() {
		for i, l := range lines {
			lines[i] = strings.ReplaceAll(l, "\u00a0", " ")
		}
	}()
	for _, para := range strings.Split(text, "\n") {
		line, space := "", false
		for _, piece := range helpPieces(para) {
			if piece == " " {
				space = line != ""
				continue
			}
			next := piece
			if line != "" {
				next = line + map[bool]string{true: " ", false: ""}[space] + piece
			}
			space = false
			if line == "" || !wide(next) {
				line = next
				continue
			}
			lines = append(lines, line)
			line = piece
		}
		for wide(line) && utf8.RuneCountInString(line) > 1 { // one piece too wide for a line
			r := []rune(line)
			n := len(r) - 1
			for n > 1 && wide(string(r[:n])) {
				n--
			}
			lines = append(lines, string(r[:n]))
			line = string(r[n:])
		}
		lines = append(lines, line)
	}
	return lines
}

// helpPieces cuts a paragraph into the pieces a line may break between: a space, a run of
// Latin letters, digits and signs, or one other character, each with the characters that may
// not be parted from it (see helpLines).
func helpPieces(para string) []string {
	var tokens []string
	for _, r := range para {
		if n := len(tokens); n > 0 && r < utf8.RuneSelf && r != ' ' {
			if last, _ := utf8.DecodeLastRuneInString(tokens[n-1]); last < utf8.RuneSelf && last != ' ' {
				tokens[n-1] += string(r)
				continue
			}
		}
		tokens = append(tokens, string(r))
	}
	tokens = joinFormulas(tokens)
	var pieces []string
	join := false // the last piece may not end a line
	for _, t := range tokens {
		first, _ := utf8.DecodeRuneInString(t)
		last, _ := utf8.DecodeLastRuneInString(t)
		n := len(pieces)
		switch {
		case n == 0:
			pieces = append(pieces, t)
		case t == " " && join: // no break after an opening bracket or an operator
			pieces[n-1] += t
			continue
		case join || strings.ContainsRune(noLineStart+glue, first):
			if pieces[n-1] == " " && n > 1 { // no break at the space before it either
				pieces, n = pieces[:n-1], n-1
				t = " " + t
			}
			pieces[n-1] += t
		default:
			pieces = append(pieces, t)
		}
		join = strings.ContainsRune(noLineEnd+glue, last)
	}
	return pieces
}

// joinFormulas makes each formula among tokens one token: a run of Chinese characters, Latin
// runs and operators with an operator in it, such as 分值×指标值/完成值 or 全年执行数/全年预算数.
func joinFormulas(tokens []string) []string {
	term := func(t string) bool {
		r, _ := utf8.DecodeRuneInString(t)
		return unicode.Is(unicode.Han, r) || (r < utf8.RuneSelf && r != ' ') || strings.ContainsRune(glue, r) && r != '\u00a0'
	}
	operator := func(t string) bool { return strings.ContainsAny(t, "×−/＋+＝=") }
	var out []string
	for i := 0; i < len(tokens); {
		j := i
		for j < len(tokens) && term(tokens[j]) {
			j++
		}
		if j == i {
			out = append(out, tokens[i])
			i++
			continue
		}
		if slices.ContainsFunc(tokens[i:j], operator) {
			out = append(out, strings.Join(tokens[i:j], ""))
		} else {
			out = append(out, tokens[i:j]...)
		}
		i = j
	}
	return out
}
